"""From a FigureSpec to a Scene: the start and end solved, laid out in a box, with the arrow.

Why: the drawing back ends (PDF, SVG, PNG) should only copy shapes, so every decision (scale,
panels, line weights, greys, rounding) is made here once, in plain data. The result is cached per
spec and box: a worksheet that shows the same exercise twice pays for it once.

A Scene is a list of Shapes in points, origin at the box's lower left, coordinates rounded to
0.01 pt so that the same spec gives the same bytes on every build.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import body as B
from . import outline as O
from . import postures as P
from . import props as PR
from .arrows import arrows
from .figure import camera, groups
from .solve import Solved, solve
from .spec import FigureSpec, pose_changes, resolve_contacts

# Greys (0 black, 1 white) and line weights at print size (a panel 0.8 inch high).
INK = 0.0
FAR = 0.33  # far-side limbs: dark enough to survive a cheap printer
FADED = 0.68  # the start pose drawn under the end
GROUND = 0.9  # a mat seen from above
PRINT_PANEL_H = 57.6
LINE = 0.7


class Shape(NamedTuple):
    path: O.Path
    fill: float | None  # grey level, None: not filled
    stroke: float | None  # grey level, None: not stroked
    width: float  # stroke width in points


class Scene(NamedTuple):
    width: float
    height: float
    shapes: tuple[Shape, ...]


# Caches: a worksheet library has a few dozen figures. The solved poses are small; the layers
# and scenes are a few hundred kilobytes each, so only the last few are kept (drawing keeps its
# own compact cache of finished PDF operators, see pdf.py).
@lru_cache(maxsize=128)
def solved(spec: FigureSpec) -> tuple[Solved, Solved]:
    """The start and end poses placed in one world (props fixed between them)."""
    base = P.BASES[spec.base]
    out: list[Solved] = []
    for which in ("start", "end"):
        angles, _, _ = pose_changes(spec, which)
        contacts, _ = resolve_contacts(spec, which)
        out.append(solve(base, angles, contacts, spec.props))
    if any(c.support == "chair" for s in out for c in s.contacts):
        grip = {side: PR.chair_grip(out, side) for side in B.SIDES}
        out = [solve(base, pose_changes(spec, w)[0], resolve_contacts(spec, w)[0], spec.props, grip)
               for w in ("start", "end")]
    return out[0], out[1]


class _Layer(NamedTuple):
    paths: tuple[O.Path, ...]
    style: str  # "figure", "figure-far", "solid", "line", "thin", "ground"
    strokes: tuple[O.Path, ...] = ()  # outlines where they differ from the fills (open thighs)


def _pose_layers(spec: FigureSpec, pose: Solved, poses: list[Solved]) -> list[_Layer]:
    """Props and figure groups of one pose, back to front, in world units of the view."""
    view = camera(spec.view, spec.tilt, spec.turn)
    items = PR.items(view, spec.props, poses, pose)
    layers: list[tuple[float, int, _Layer]] = []
    for i, it in enumerate(items):
        layers.append((it.depth, i, _Layer(it.paths, it.style)))
    for i, g in enumerate(groups(view, pose.frames)):
        style = "thin" if g.detail else "figure-far" if g.far else "figure"
        layers.append((g.depth, 100 + i, _Layer(g.paths, style, g.strokes)))
    layers.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in layers]


def _floor_line(spec: FigureSpec) -> bool:
    return spec.view != "top" and not spec.tilt and "mat" not in spec.props


class Frame(NamedTuple):
    """Where the world goes in the box: x_page = x * scale + origins[k], y_page = y * scale + oys[k]
    for panel k (the start first)."""

    layout: str  # "pair", "stack" or "overlay"
    scale: float  # points per standing height
    origins: tuple[float, ...]
    oy: float  # the last panel's (the end pose, where the arrows are)
    panel_w: float
    gap: float
    x0: float  # the drawing's extent in world units of the view
    x1: float
    line: float  # outline width in points
    oys: tuple[float, ...] = ()
    panel_h: float = 0.0


STACK_GAP = 0.1  # of the box's height, between the start (above) and the end (below)


@lru_cache(maxsize=4)
def _content(spec: FigureSpec) -> tuple[list[_Layer], list[_Layer], list[list[O.Pt]], tuple[float, ...]]:
    """Both poses' layers, the arrows and their common extent (world units of the view)."""
    start, end = solved(spec)
    poses = [start, end]
    start_layers = _pose_layers(spec, start, poses)
    end_layers = _pose_layers(spec, end, poses)
    shafts = arrows(spec, start, end)
    everything = [p for lay in start_layers + end_layers for p in lay.paths]
    x0, y0, x1, y1 = O.bounds(everything + [O.polygon(sh, close=False) for sh in shafts])
    if _floor_line(spec):
        y0 = min(y0, 0.0)
    return start_layers, end_layers, shafts, (x0, y0, x1, y1)


@lru_cache(maxsize=1024)
def extent(spec: FigureSpec) -> tuple[float, ...]:
    """The drawing's extent (x0, y0, x1, y1) in world units of the view: kept for many more
    figures than the drawings themselves, so sizing a box never redraws a figure."""
    return _content(spec)[3]


def frame(spec: FigureSpec, width: float, height: float, layout: str = "auto") -> Frame:
    """The scale and placement of a spec's drawing in a box (both poses share them). "pair":
    start and end side by side; "stack": the start above the end (for a figure lying down,
    which is long and low: each pose gets the box's whole width); "overlay": one panel."""
    if layout == "auto":
        layout = "pair" if width >= 1.9 * height else "overlay"
    x0, y0, x1, y1 = extent(spec)
    gap = 0.06 * width if layout == "pair" else STACK_GAP * height if layout == "stack" else 0.0
    panel_w = (width - gap) / 2 if layout == "pair" else width
    panel_h = (height - gap) / 2 if layout == "stack" else height
    pad = 0.05 * panel_h
    floor_room = 0.03 * panel_h if _floor_line(spec) else 0.0
    s = min((panel_w - 2 * pad) / (x1 - x0), (panel_h - 2 * pad - floor_room) / (y1 - y0))
    used_w, used_h = (x1 - x0) * s, (y1 - y0) * s
    oy = pad + floor_room + (panel_h - 2 * pad - floor_room - used_h) / 2 - y0 * s
    if _floor_line(spec) and y0 >= -1e-9:
        oy = pad + floor_room - y0 * s
    panels = [0.0, panel_w + gap] if layout == "pair" else [0.0, 0.0] if layout == "stack" else [0.0]
    origins = tuple(px + (panel_w - used_w) / 2 - x0 * s for px in panels)
    oys = (oy + panel_h + gap, oy) if layout == "stack" else tuple(oy for _ in panels)
    lw = max(0.75, min(1.6, LINE * panel_h / PRINT_PANEL_H))  # never a hairline: a small figure keeps a firm outline
    return Frame(layout, s, origins, oy, panel_w, gap, x0, x1, lw, oys, panel_h)


def natural_height(spec: FigureSpec, width: float, layout: str = "pair") -> float:
    """The height at which the drawing fills ``width`` exactly (each panel's width, for a pair):
    a box this high wastes no room above or below the figure."""
    x0, y0, x1, y1 = extent(spec)
    panel_w = width * (1 - 0.06) / 2 if layout == "pair" else width
    floor = 0.03 if _floor_line(spec) else 0.0
    # h = 2 pad + floor + (y1 - y0) * s, with pad = 0.05 h and s = (panel_w - 2 pad) / (x1 - x0)
    a = (y1 - y0) / (x1 - x0)
    panel_h = a * panel_w / (1 - 0.1 - floor + 0.1 * a)
    return 2 * panel_h / (1 - STACK_GAP) if layout == "stack" else panel_h


def wide(spec: FigureSpec) -> bool:
    """Whether the drawing is long and low (a figure lying down): start and end stack best."""
    x0, y0, x1, y1 = extent(spec)
    return (y1 - y0) < 0.62 * (x1 - x0)


@lru_cache(maxsize=4)
def scene(spec: FigureSpec, width: float, height: float, layout: str = "auto") -> Scene:
    """The picture of a spec in a box of width x height points.

    layout "pair": start and end side by side (the default when the box is at least about
    twice as wide as high); "overlay": one panel, the start faded under the end."""
    start_layers, end_layers, shafts, _ = _content(spec)
    f = frame(spec, width, height, layout)
    s, oy, lw, panel_w = f.scale, f.oy, f.line, f.panel_w
    shapes: list[Shape] = []

    def put(layers: list[_Layer], ox: float, faded: bool) -> None:
        for lay in layers:
            paths = [O.transform(p, s, ox, s, oy) for p in lay.paths]
            lines = [O.transform(p, s, ox, s, oy) for p in lay.strokes] if lay.strokes else paths
            grey = FADED if faded else (FAR if lay.style == "figure-far" else INK)
            if lay.style == "ground":
                shapes.extend(Shape(p, GROUND, None, 0.0) for p in paths)
                continue
            if lay.style.startswith("figure") or lay.style == "solid":
                w = 2 * lw if lay.style.startswith("figure") else 2 * lw * 0.9
                shapes.extend(Shape(p, None, grey, w) for p in lines)
                shapes.extend(Shape(p, 1.0, None, 0.0) for p in paths)
            else:
                w = lw * (0.55 if lay.style == "thin" else 0.9)
                shapes.extend(Shape(p, None, grey, w) for p in paths)

    for k, ox in enumerate(f.origins):
        oy = f.oys[k]
        if _floor_line(spec):
            px = k * (panel_w + f.gap) if f.layout == "pair" else 0.0
            yf = round(oy, 2)
            left = round(max(px + 0.02 * panel_w, ox + f.x0 * s - 0.06 * panel_w), 2)
            right = round(min(px + 0.98 * panel_w, ox + f.x1 * s + 0.06 * panel_w), 2)
            shapes.append(Shape((("M", left, yf), ("L", right, yf)), None, INK, lw))
        if f.layout in ("pair", "stack"):
            put(start_layers if k == 0 else end_layers, ox, False)
        else:
            put(start_layers, ox, True)
            put(end_layers, ox, False)
    ox, oy = f.origins[-1], f.oys[-1]
    for shaft in shafts:
        shapes.extend(arrow_shapes([(x * s + ox, y * s + oy) for x, y in shaft], lw))
    if f.layout == "pair":
        cx, cy, r = panel_w + f.gap / 2, height / 2, min(f.gap * 0.32, height * 0.05)
        tri = (("M", round(cx - r * 0.6, 2), round(cy + r, 2)), ("L", round(cx + r * 0.9, 2), round(cy, 2)),
               ("L", round(cx - r * 0.6, 2), round(cy - r, 2)), ("Z",))
        shapes.append(Shape(tri, INK, None, 0.0))
    if f.layout == "stack":  # pointing down, centred in the gap between the two
        cx, cy, r = 0.5 * width, f.panel_h + f.gap / 2, min(f.gap * 0.4, width * 0.03)
        tri = (("M", round(cx - r, 2), round(cy + r * 0.6, 2)), ("L", round(cx, 2), round(cy - r * 0.9, 2)),
               ("L", round(cx + r, 2), round(cy + r * 0.6, 2)), ("Z",))
        shapes.append(Shape(tri, INK, None, 0.0))
    return Scene(width, height, tuple(shapes))


def arrow_shapes(pts: list[O.Pt], lw: float) -> list[Shape]:
    """A black arrow with a white halo: shaft along the points, a solid head at the end."""
    head_len, head_w = 4.6 * lw / LINE * 0.85, 4.2 * lw / LINE * 0.85  # found at a glance on paper
    tip = pts[-1]
    # Back off along the path by the head length for the shaft's end and the head's base.
    acc, i = 0.0, len(pts) - 1
    while i > 0:
        seg = ((pts[i][0] - pts[i - 1][0]) ** 2 + (pts[i][1] - pts[i - 1][1]) ** 2) ** 0.5
        if acc + seg >= head_len:
            t = (head_len - acc) / seg
            base = (pts[i][0] + (pts[i - 1][0] - pts[i][0]) * t, pts[i][1] + (pts[i - 1][1] - pts[i][1]) * t)
            break
        acc += seg
        i -= 1
    else:
        base = pts[0]
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    n = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / n, dy / n
    shaft = [*pts[:i], base]
    shaft_path = O.transform(_smooth_open(shaft) if len(shaft) > 2 else O.polygon(shaft, close=False), 1, 0, 1, 0)
    head = O.transform(O.polygon([
        (tip[0], tip[1]),
        (base[0] - uy * head_w / 2, base[1] + ux * head_w / 2),
        (base[0] + ux * head_len * 0.18, base[1] + uy * head_len * 0.18),
        (base[0] + uy * head_w / 2, base[1] - ux * head_w / 2),
    ]), 1, 0, 1, 0)
    return [
        Shape(shaft_path, None, 1.0, lw * 4.4),
        Shape(head, None, 1.0, lw * 2.4),
        Shape(shaft_path, None, INK, lw * 1.8),
        Shape(head, INK, INK, lw * 0.6),
    ]


def _smooth_open(pts: list[O.Pt]) -> O.Path:
    ops: list[O.Op] = [("M", *pts[0])]
    n = len(pts)
    for i in range(n - 1):
        p0, p1, p2, p3 = pts[max(i - 1, 0)], pts[i], pts[i + 1], pts[min(i + 2, n - 1)]
        ops.append(("C", p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6,
                    p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6, p2[0], p2[1]))
    return tuple(ops)
