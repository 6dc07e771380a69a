"""The same Scene as SVG text or PNG bytes, for previews, web pages and reviews.

Why: a clinician editing a figure wants to see it without building a PDF, and a web page shows
pictures as SVG. Both are made from the same Scene as the PDF (same shapes, same greys, same
rounding), so they never disagree with it. SVG goes through ReportLab's own renderer
(reportlab.graphics.renderSVG, imported when first asked for). PNG is drawn with Pillow (which
ReportLab already depends on; ReportLab's own bitmap renderer needs Cairo, which a fresh machine
lacks): curves flattened, drawn four times larger and scaled down for smooth edges.
"""

from __future__ import annotations

import io

from .compose import Scene, scene
from .outline import Path
from .spec import FigureSpec


def scene_svg(sc: Scene, title: str | None = None) -> str:
    """The Scene through ReportLab's own SVG renderer (reportlab.graphics), its shapes copied one
    for one; ``title`` (the alt text) becomes the SVG's <title>, which screen readers announce."""
    from xml.sax.saxutils import escape

    from reportlab.graphics import renderSVG
    from reportlab.graphics.shapes import Drawing
    from reportlab.graphics.shapes import Path as RLPath
    from reportlab.lib.colors import Color

    def grey(level: float | None) -> Color | None:
        return None if level is None else Color(level, level, level)

    drawing = Drawing(sc.width, sc.height)
    for shape in sc.shapes:
        path = RLPath(fillColor=grey(shape.fill), strokeColor=grey(shape.stroke), strokeWidth=shape.width,
                      strokeLineJoin=1, strokeLineCap=1, fillMode=0)
        for op in shape.path:
            if op[0] == "M":
                path.moveTo(op[1], op[2])
            elif op[0] == "L":
                path.lineTo(op[1], op[2])
            elif op[0] == "C":
                path.curveTo(*op[1:])
            else:
                path.closePath()
        drawing.add(path)
    # In points, as the PDF is; round joins as in the PDF (inherited: ReportLab writes no join per path)
    attrs = {"width": f"{sc.width:g}pt", "height": f"{sc.height:g}pt", "stroke-linejoin": "round", "role": "img"}
    text = renderSVG.drawToString(drawing, svgAttrs=attrs)
    label = escape(title) if title else ""
    return text.replace("<title>...</title>", f"<title>{label}</title>", 1).replace("<desc>...</desc>", "<desc/>", 1)


def to_svg(spec: FigureSpec, width: float, height: float, layout: str = "auto", title: str | None = None) -> str:
    """The picture as an SVG document of width x height points, with ``title`` as its <title>."""
    return scene_svg(scene(spec, float(width), float(height), layout), title)


def _flatten(path: Path, k: float, h: float) -> list[list[tuple[float, float]]]:
    rings: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    for op in path:
        kind = op[0]
        if kind == "M":
            if cur:
                rings.append(cur)
            cur = [(op[1] * k, (h - op[2]) * k)]
        elif kind == "L":
            cur.append((op[1] * k, (h - op[2]) * k))
        elif kind == "C":
            x0, y0 = cur[-1]
            x1, y1, x2, y2, x3, y3 = (v * k if i % 2 == 0 else (h - v) * k for i, v in enumerate(op[1:]))
            for i in range(1, 9):
                t = i / 8
                u = 1 - t
                cur.append((u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                            u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3))
        elif kind == "Z" and cur:
            cur.append(cur[0])
    if cur:
        rings.append(cur)
    return rings


def scene_png(sc: Scene, dpi: float = 300.0) -> bytes:
    from PIL import Image, ImageDraw

    over = 4
    k = dpi / 72.0 * over
    size = (max(1, round(sc.width * k)), max(1, round(sc.height * k)))
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    for s in sc.shapes:
        rings = _flatten(s.path, k, sc.height)
        if s.fill is not None:
            for ring in rings:
                if len(ring) >= 3:
                    d.polygon(ring, fill=round(s.fill * 255))
        if s.stroke is not None:
            w = max(1, round(s.width * k))
            for ring in rings:
                d.line(ring, fill=round(s.stroke * 255), width=w, joint="curve")
                r = w / 2
                for x, y in (ring[0], ring[-1]):
                    d.ellipse((x - r, y - r, x + r, y + r), fill=round(s.stroke * 255))
    img = img.resize((max(1, size[0] // over), max(1, size[1] // over)), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def to_png(spec: FigureSpec, width: float, height: float, dpi: float = 300.0, layout: str = "auto") -> bytes:
    """The picture as a greyscale PNG of a width x height point box at ``dpi``."""
    return scene_png(scene(spec, float(width), float(height), layout), dpi)
