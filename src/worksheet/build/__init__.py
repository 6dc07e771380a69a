"""The build stage: find worksheets, check them, render them and write the PDFs.

This is the library's front door for every front end (the CLI, the watcher, and later
the web page); nothing here prints or exits, and results and errors are returned.

- :mod:`.pipeline`: find, check and build worksheets and booklets.
- :mod:`.results`: the typed results (Built, UpToDate, Valid, Failed).
- :mod:`.cache`: incremental builds (what each PDF was made from, as hashes).
- :mod:`.output`: atomic writes.
- :mod:`.watch`: rebuild on save; :mod:`.listing`: the state of each worksheet.
- :mod:`.starter`: a new worksheet file.
"""
