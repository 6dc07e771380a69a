"""The render stage: the model laid out as PDF bytes, in memory, with ReportLab's canvas.

Nothing is imported here, so that ``worksheet.render.fonts`` (needed to check
characters) never pulls in ReportLab's layout code; start with :mod:`.document`.

- :mod:`.document`: ``render`` and ``render_booklet``, the stage's front door.
- :mod:`.pages`: the page engine (frames, page loop, footer, running head, held pages).
- :mod:`.flow`: our flowables (text, stacks, rows, boxes, blocks); :mod:`.linebreak`
  breaks their lines.
- :mod:`.sheet`, :mod:`.exercise`, :mod:`.log`, :mod:`.booklet`: what a worksheet is made of.
- :mod:`.parts`: small drawn parts (badges, tick boxes, pictures, rules, QR codes).
- :mod:`.tags` and :mod:`.archive`: the tagged, archival PDF (PDF/UA-1, PDF/A-2b).
- :mod:`.styles`, :mod:`.fonts`, :mod:`.wording`: the look, the typeface, the words.
"""
