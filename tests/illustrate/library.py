"""The exercise library's figures, read the way the program reads them (each entry's own
``figure:``, checked by the schema stage), and the print box they are drawn in. Shared by the
test modules of tests/illustrate; a plain module, not a test module."""

from __future__ import annotations

from functools import cache

from reportlab.pdfgen import canvas

import worksheet.illustrate as ill
from tests.helpers import ROOT
from worksheet.model import Exercise
from worksheet.schema import load_library_entry

LIBRARY = ROOT / "worksheets" / "library"
IDS = sorted(p.stem for p in LIBRARY.glob("*.yaml"))  # known at collection time: no entry is read

# Print size: two panels of 1.2 x 0.8 inch side by side with a small gap.
PRINT_W, PRINT_H = 2 * 1.2 * 72 + 8, 0.8 * 72
HALF_POINT = 0.5

# A bridge written by hand (the library's own is the same data): the figure most tests draw.
BRIDGE = ill.from_mapping({"base": "back-lying-knees-bent", "props": ["mat"], "end": {"hips": -40},
                           "end_contacts": {"buttocks": "lifted"}})


@cache
def entry(fid: str) -> Exercise:
    """The library entry ``fid`` as the schema stage reads it (its figure checked on the way)."""
    return load_library_entry(LIBRARY / f"{fid}.yaml")


def figure(fid: str) -> ill.FigureSpec:
    spec = entry(fid).figure
    assert spec is not None, f"{fid} has no figure"
    return spec


def operators(canv: canvas.Canvas) -> str:
    """The page operators a pdfgen canvas has collected so far (its private ``_code`` list)."""
    code: list[str] = vars(canv)["_code"]
    return "\n".join(code)

