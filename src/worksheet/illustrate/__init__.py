"""Exercise pictures made from data: a parametric figure posed by joint angles, drawn as line art.

Why: stock photos and clip art never match a library's exact starting positions, and hand
drawings cannot be kept in step with edits. Here a picture is a few lines of data (a base
posture, props, and joint changes for the start and the end), checked like the rest of a
worksheet and drawn with ReportLab's own paths.

Pure modules (no ReportLab, no YAML): body, postures, spec, kinematics, solve, hold, outline,
figure, props, arrows, compose, verify, words. Drawing: pdf (ReportLab canvas), export (SVG through
ReportLab's renderer, PNG through Pillow). The library's pictures are written in its entries
(``figure:`` in worksheets/library/*.yaml) and read by the schema stage: this package never
imports YAML.

Public interface::

    FigureSpec, Problem, from_mapping(data), check(spec), alt_text(spec, tr)
    scene(spec, width, height, layout)     # plain shapes in points
    natural_height(spec, width, layout)    # the box height the drawing fills exactly
    draw(canv, spec, x, y, width, height)  # ReportLab pdfgen canvas (imported on first use)
    to_svg(spec, width, height), to_png(spec, width, height, dpi)
"""

from __future__ import annotations

from typing import Any

from .compose import Scene, Shape, natural_height, scene, wide
from .spec import FigureSpec, Problem, from_mapping
from .verify import check
from .words import alt_text

__all__ = ["FigureSpec", "Problem", "Scene", "Shape", "alt_text", "check", "draw", "from_mapping",
           "natural_height", "scene", "to_png", "to_svg", "wide"]


def __getattr__(name: str) -> Any:
    if name == "draw":
        from .pdf import draw

        return draw
    if name in ("to_svg", "to_png"):
        from . import export

        return getattr(export, name)
    raise AttributeError(name)
