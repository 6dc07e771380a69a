"""The command-line front end: options in, lines out, over the library API in :mod:`worksheet.build`.

- :mod:`.app`: the command group and the one error boundary (exit codes, ``Error:`` lines).
- :mod:`.options`: options shared by several commands (paths, output folder, printing).
- :mod:`.commands`: build, validate, watch, booklet, list, new, schema.
- :mod:`.library`: catalog (the library as a picture catalogue) and figure (one picture as SVG or PNG).
- :mod:`.serve`: serve (the local web page).
- :mod:`.report`: a located problem with the offending line and a caret under it.

Nothing here imports ReportLab or YAML at start-up: ``--help`` and a build with nothing
to do stay quick.
"""

from . import commands, library, serve  # registers the commands on the group
from .app import cli, main

__all__ = ["cli", "commands", "library", "main", "serve"]
