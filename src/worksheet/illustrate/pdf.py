"""Drawing a figure onto a ReportLab canvas with plain path operations.

Why: every worksheet page may carry several pictures, and ``reportlab.graphics`` costs tens of
milliseconds to import; the pdfgen canvas's own paths cost nothing extra. A Scene is turned into
path objects once (moveTo/lineTo/curveTo/close on ReportLab's PDFPathObject) and the finished
operator strings are kept, so drawing the same exercise again is a handful of list appends.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.pdfgen.pathobject import PDFPathObject

from .compose import Scene, scene
from .spec import FigureSpec


class _Frozen:
    """A finished path: what ``canvas.drawPath`` needs from a path object."""

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        self.code = code

    def getCode(self) -> str:
        return self.code


def _path(ops: tuple) -> _Frozen:
    p = PDFPathObject()
    for op in ops:
        kind = op[0]
        if kind == "M":
            p.moveTo(op[1], op[2])
        elif kind == "L":
            p.lineTo(op[1], op[2])
        elif kind == "C":
            p.curveTo(*op[1:])
        else:
            p.close()
    return _Frozen(p.getCode())


_Compiled = tuple[tuple[float | None, float | None, float, _Frozen], ...]


def _compile(sc: Scene) -> _Compiled:
    return tuple((s.fill, s.stroke, s.width, _path(s.path)) for s in sc.shapes)


@lru_cache(maxsize=96)  # about 50 KB each: every figure of a library and some
def _compiled(spec: FigureSpec, width: float, height: float, layout: str) -> _Compiled:
    return _compile(scene(spec, width, height, layout))


def draw_scene(canv: Any, sc: Scene, x: float, y: float) -> None:
    """Draw a prepared Scene with its lower left corner at (x, y)."""
    _emit(canv, _compile(sc), x, y)


def _emit(canv: Any, compiled: _Compiled, x: float, y: float) -> None:
    canv.saveState()
    canv.translate(x, y)
    canv.setLineJoin(1)
    canv.setLineCap(1)
    fill_now: float | None = None
    stroke_now: float | None = None
    width_now: float | None = None
    for fill, stroke, width, path in compiled:
        if fill is not None and fill != fill_now:
            canv.setFillGray(fill)
            fill_now = fill
        if stroke is not None:
            if stroke != stroke_now:
                canv.setStrokeGray(stroke)
                stroke_now = stroke
            if width != width_now:
                canv.setLineWidth(width)
                width_now = width
        canv.drawPath(path, stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
    canv.restoreState()


@lru_cache(maxsize=256)  # a few kilobytes each (the operators before compression)
def _stream(spec: FigureSpec, width: float, height: float, layout: str) -> str:
    """The figure's finished content stream at the origin: what ``_emit`` writes, as one string."""
    from reportlab.pdfgen.canvas import Canvas

    scratch = Canvas(None)  # type: ignore[arg-type]  # never saved: only its operator list is read
    start = len(scratch._code)  # type: ignore[attr-defined]
    _emit(scratch, _compiled(spec, width, height, layout), 0, 0)
    return "\n".join(scratch._code[start:])  # type: ignore[attr-defined]


def draw(canv: Any, spec: FigureSpec, x: float, y: float, width: float, height: float,
         layout: str = "auto") -> None:
    """Draw the start and end of ``spec`` into the box (x, y, width, height) on a pdfgen canvas.

    layout "pair" puts start and end side by side (the default when the box is at least about
    twice as wide as it is high), "overlay" draws the start faded under the end. The finished
    operators are kept per figure and size, so drawing one again is a single append."""
    stream = _stream(spec, float(width), float(height), layout)
    canv.saveState()
    canv.translate(x, y)
    canv._code.append(stream)  # ReportLab's operator list: the same text its own calls would add
    canv.restoreState()
