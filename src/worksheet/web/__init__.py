"""The local web page: the same worksheets, library, checks and printing as the command line, in a
browser on the clinician's own machine.

- :mod:`.app`: the pages and the actions (preview, download, save), over :mod:`worksheet.build`.
- :mod:`.compose`: the composer's form as worksheet text (each line traced to its field), and back.
- :mod:`.forms`: the print options of the form, checked as the command line checks its options.
- :mod:`.guard`: what the server refuses: other hosts, addresses without the run's token,
  cross-site posts, large bodies; and the headers that keep pages out of caches.

A front end beside :mod:`worksheet.cli`: Starlette, Jinja2 and uvicorn are an optional extra
(``pip install 'worksheet[serve]'``), imported only by ``worksheet serve``.
"""
