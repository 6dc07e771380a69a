"""An exercise's figure on the page: drawn once per process, placed wherever it is shown.

Why: a booklet may show the pelvic tilt in four worksheets, and a worksheet is sometimes laid
out twice (a tighter second pass); the figure's paths are written once per document as a form
XObject and each page only says "draw form F here", so the file holds each picture once.
Its content stream is compressed once per process and reused by every later document of a
batch (the same exercise recurs across a library's worksheets): the same bytes, without
encoding and compressing them again. The box is as high as the figure needs (a figure lying down is low and wide, one sitting is
tall), within the theme's limits so that a page keeps its rhythm.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, xObjectName
from reportlab.pdfgen.canvas import Canvas

from .. import illustrate
from ..illustrate import FigureSpec
from .flow import Flowable
from .styles import Theme
from .tags import tags

_FORMS: dict[str, bytes] = {}  # form name -> its content stream, compressed: the same in every document
_FORM_ENTRIES = 256  # a few kilobytes each: every figure of a library at its sizes


def _remember(name: str, canv: Canvas) -> None:
    """Keep the compressed content of the form just made, as ReportLab will write it."""
    form = canv._doc.idToObject[xObjectName(name)]  # type: ignore[attr-defined]
    if len(_FORMS) >= _FORM_ENTRIES:
        del _FORMS[next(iter(_FORMS))]  # the oldest
    _FORMS[name] = zlib.compress(form.stream)  # what its FlateDecode filter does when the file is saved


class _Compressed(PDFStream):
    """A form's content stream compressed once per process: written as ReportLab writes a
    compressed stream (the same dictionary, in the same order), so the file's bytes do not change."""

    def __init__(self, compressed: bytes) -> None:
        super().__init__(content=compressed)

    def format(self, document: Any) -> bytes:
        dictionary = PDFDictionary(self.dictionary.dict.copy())
        dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        content = document.encrypt.encode(self.content)
        dictionary["Length"] = len(content)
        return pdfdoc.format(dictionary, document) + b"\nstream\n" + pdfdoc.format(content, document) + b"endstream\n"


class Figure(Flowable):
    """Start and end of an exercise, side by side with an arrow between, at a fixed size."""

    def __init__(self, spec: FigureSpec, width: float, height: float, layout: str = "pair", alt: str | None = None) -> None:
        self.spec, self.width, self.height, self.layout = spec, round(width, 2), round(height, 2), layout
        self.alt = alt  # the figure in words, for a screen reader
        self.tag, self.tag_attrs = "Figure", {"Alt": alt or ""}

    @property
    def form_name(self) -> str:
        """The same figure at the same size has the same name in every document: same bytes."""
        digest = hashlib.sha256(repr((self.spec, self.width, self.height, self.layout)).encode()).hexdigest()
        return f"Fig{digest[:16]}"

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        name = self.form_name
        if not canv.hasForm(name):
            canv.beginForm(name, 0, 0, self.width, self.height)
            compressed = _FORMS.get(name)
            if compressed is not None:  # drawn and compressed by an earlier document of this process
                canv.endForm(Contents=_Compressed(compressed))
            else:
                illustrate.draw(canv, self.spec, 0, 0, self.width, self.height, self.layout)
                canv.endForm()
                _remember(name, canv)
        with tags(canv).content(canv):
            canv.saveState()
            canv.translate(x, y)
            canv.doForm(name)
            canv.restoreState()


def figure_box(spec: FigureSpec, alt: str | None, t: Theme, width: float, scale: float = 1.0) -> Figure:
    """The figure as wide as ``width``, as high as it needs within the theme's limits (both
    limits times ``scale``, never below the smallest a figure may be). Start and end stand side
    by side; a figure lying down, too small side by side, has its start above its end."""
    low = max(t.min_figure_height, t.figure_height[0] * scale)
    high = max(low, t.figure_height[1] * scale)
    layout = "pair"
    natural = illustrate.natural_height(spec, width, layout)
    if natural < low and illustrate.wide(spec):  # two poses one above the other may be a little taller
        layout, natural, high = "stack", illustrate.natural_height(spec, width, "stack"), high * STACK_ROOM
    return Figure(spec, width, min(max(natural, low), high), layout, alt)


STACK_ROOM = 1.25  # a stacked figure's greatest height, as a share of a side-by-side one's
