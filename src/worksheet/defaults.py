"""Names and defaults that several stages and front ends share, defined once.

Why a module of its own: the command line needs them to print its help, and importing
them must cost nothing (no model, no YAML, no ReportLab).
"""

from __future__ import annotations

from pathlib import Path

LIBRARY_FOLDER = "library"  # the exercise library, beside the worksheets
DEFAULT_SOURCE = Path("worksheets")  # where the commands look for worksheets when given none
DEFAULT_OUT = Path("build")  # where PDFs go when no -o is given
DEFAULT_PROGRAM_TITLE = "Home exercise program"  # a booklet's title when none is given
