"""Plane outlines of the body's solid parts: tapered limbs, ellipses and smooth hulls as paths.

Why: the drawing is only as clean as these outlines. A limb is the exact outline of two circles
joined by their outer tangents (so a knee is round and meets the shin with no seam), an ellipse is
four Bezier curves (the affine image of a circle), and a torso piece is the convex hull of two
projected ellipses, sampled finely enough that no facet shows at four times print size.

A path is a tuple of operations: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from math import acos, atan2, ceil, cos, pi, sin, sqrt, tan

Pt = tuple[float, float]
Op = tuple  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)
Path = tuple[Op, ...]

_K = 4.0 / 3.0 * tan(pi / 8.0)  # control distance of a quarter circle


def circle(c: Pt, r: float) -> Path:
    return ellipse(c, (r, 0.0), (0.0, r))


def ellipse(c: Pt, a: Pt, b: Pt) -> Path:
    """The ellipse c + a cos t + b sin t (a, b conjugate semi-axes) as four curves."""
    cx, cy = c

    def at(u: float, v: float) -> tuple[float, float]:
        return (cx + a[0] * u + b[0] * v, cy + a[1] * u + b[1] * v)

    quads = ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 0))
    ops: list[Op] = [("M", *at(1, 0))]
    for (u0, v0), (u1, v1) in itertools.pairwise(quads):
        p1 = at(u0 - _K * v0, v0 + _K * u0)
        p2 = at(u1 + _K * v1, v1 - _K * u1)
        ops.append(("C", *p1, *p2, *at(u1, v1)))
    ops.append(("Z",))
    return tuple(ops)


def ellipse_points(c: Pt, a: Pt, b: Pt, n: int) -> list[Pt]:
    return [(c[0] + a[0] * cos(t) + b[0] * sin(t), c[1] + a[1] * cos(t) + b[1] * sin(t))
            for t in (2 * pi * i / n for i in range(n))]


def _arc(ops: list[Op], c: Pt, r: float, a0: float, a1: float) -> None:
    """Append a counter-clockwise arc from angle a0 to a1 (a1 >= a0) as curves."""
    span = a1 - a0
    if span <= 1e-9:
        return
    n = max(1, ceil(span / (pi / 2) - 1e-9))
    step = span / n
    k = 4.0 / 3.0 * tan(step / 4.0)
    for i in range(n):
        t0, t1 = a0 + i * step, a0 + (i + 1) * step
        x0, y0 = c[0] + r * cos(t0), c[1] + r * sin(t0)
        x1, y1 = c[0] + r * cos(t1), c[1] + r * sin(t1)
        ops.append(("C", x0 - k * r * sin(t0), y0 + k * r * cos(t0),
                    x1 + k * r * sin(t1), y1 - k * r * cos(t1), x1, y1))


def capsule(c1: Pt, r1: float, c2: Pt, r2: float) -> Path:
    """The outline of two circles joined by their outer tangent lines (a tapered limb)."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    d = sqrt(dx * dx + dy * dy)
    if d <= abs(r1 - r2) + 1e-9:
        return circle(c1, r1) if r1 >= r2 else circle(c2, r2)
    base = atan2(dy, dx)
    # Angle from the centre line to the tangent points (same for both circles).
    alpha = acos(max(-1.0, min(1.0, (r1 - r2) / d)))
    ops: list[Op] = []
    # Around circle 2 from base-alpha to base+alpha, then circle 1 from base+alpha to base-alpha+2pi.
    s2 = base - alpha
    ops.append(("M", c2[0] + r2 * cos(s2), c2[1] + r2 * sin(s2)))
    _arc(ops, c2, r2, s2, base + alpha)
    ops.append(("L", c1[0] + r1 * cos(base + alpha), c1[1] + r1 * sin(base + alpha)))
    _arc(ops, c1, r1, base + alpha, base - alpha + 2 * pi)
    ops.append(("Z",))
    return tuple(ops)


def capsule_open(c1: Pt, r1: float, c2: Pt, r2: float,
                 inside: Callable[[Pt], bool] = lambda p: False) -> tuple[Path, Path]:
    """A limb that grows out of the trunk at c1: (fill, stroke). The fill stops at the chord
    between the tangent points instead of going round c1, and the stroke is open there and
    starts only where its side leaves the trunk (``inside``), so the limb merges into the
    trunk's silhouette with no round cap or stray line drawn over it."""
    dx, dy = c2[0] - c1[0], c2[1] - c1[1]
    d = sqrt(dx * dx + dy * dy)
    if d <= abs(r1 - r2) + 1e-9:
        whole = capsule(c1, r1, c2, r2)
        return whole, whole
    base = atan2(dy, dx)
    alpha = acos(max(-1.0, min(1.0, (r1 - r2) / d)))
    a0 = (c1[0] + r1 * cos(base - alpha), c1[1] + r1 * sin(base - alpha))
    a1 = (c2[0] + r2 * cos(base - alpha), c2[1] + r2 * sin(base - alpha))
    b1 = (c2[0] + r2 * cos(base + alpha), c2[1] + r2 * sin(base + alpha))
    b0 = (c1[0] + r1 * cos(base + alpha), c1[1] + r1 * sin(base + alpha))
    fill: list[Op] = [("M", *a0), ("L", *a1)]
    _arc(fill, c2, r2, base - alpha, base + alpha)
    fill += [("L", *b0), ("Z",)]

    def leaves(p: Pt, q: Pt) -> Pt:
        """The point where the side p -> q leaves the trunk, a little before it."""
        for i in range(21):
            t = i / 20
            if not inside((p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)):
                t = max(0.0, t - 0.02)
                return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
        return q

    line: list[Op] = [("M", *leaves(a0, a1)), ("L", *a1)]
    _arc(line, c2, r2, base - alpha, base + alpha)
    line.append(("L", *leaves(b0, b1)))
    return tuple(fill), tuple(line)


def hull(points: list[Pt]) -> list[Pt]:
    """Convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def turn(o: Pt, a: Pt, b: Pt) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Pt] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 1e-12:
            lower.pop()
        lower.append(p)
    upper: list[Pt] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 1e-12:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def smooth_closed(points: list[Pt]) -> Path:
    """A closed curve through the points (Catmull-Rom as Bezier curves): hull facets vanish."""
    n = len(points)
    if n < 3:
        return ()
    ops: list[Op] = [("M", *points[0])]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        ops.append(("C", p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6,
                    p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6, p2[0], p2[1]))
    ops.append(("Z",))
    return tuple(ops)


def polygon(points: list[Pt], close: bool = True) -> Path:
    ops: list[Op] = [("M", *points[0])] + [("L", *p) for p in points[1:]]
    if close:
        ops.append(("Z",))
    return tuple(ops)


def blob(ellipses: Sequence[tuple[Pt, Pt, Pt]], circles: Sequence[tuple[Pt, float]] = (), n: int = 40) -> Path:
    """The smooth convex outline around several ellipses and circles (n points on each)."""
    pts: list[Pt] = []
    for c, a, b in ellipses:
        pts += ellipse_points(c, a, b, n)
    for c, r in circles:
        pts += ellipse_points(c, (r, 0.0), (0.0, r), n)
    h = hull(pts)
    return _thin_smooth(h)


def _thin_smooth(h: list[Pt]) -> Path:
    """Drop hull points closer than a small step (they make Catmull-Rom wobble), then smooth."""
    if len(h) < 3:
        return ()
    span = max(max(p[0] for p in h) - min(p[0] for p in h), max(p[1] for p in h) - min(p[1] for p in h))
    step = span * 0.015
    kept = [h[0]]
    for p in h[1:]:
        if (p[0] - kept[-1][0]) ** 2 + (p[1] - kept[-1][1]) ** 2 >= step * step:
            kept.append(p)
    if len(kept) > 3 and (kept[-1][0] - kept[0][0]) ** 2 + (kept[-1][1] - kept[0][1]) ** 2 < step * step:
        kept.pop()
    return smooth_closed(kept) if len(kept) >= 3 else ()


def transform(path: Path, sx: float, ox: float, sy: float, oy: float, digits: int = 2) -> Path:
    """Scale, move and round a path (x' = x*sx + ox, y' = y*sy + oy), rounding to 0.01 pt
    (+ 0.0 turns a rounded -0.0 into 0.0, so that it prints the same)."""
    out: list[Op] = []
    for op in path:
        kind = op[0]
        if kind == "C":
            _, a, b, c, d, e, f = op
            out.append(("C", round(a * sx + ox, digits) + 0.0, round(b * sy + oy, digits) + 0.0,
                        round(c * sx + ox, digits) + 0.0, round(d * sy + oy, digits) + 0.0,
                        round(e * sx + ox, digits) + 0.0, round(f * sy + oy, digits) + 0.0))
        elif kind == "Z":
            out.append(op)
        else:
            out.append((kind, round(op[1] * sx + ox, digits) + 0.0, round(op[2] * sy + oy, digits) + 0.0))
    return tuple(out)


def bounds(paths: list[Path]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for path in paths:
        for op in path:
            if op[0] != "Z":
                xs += op[1::2]
                ys += op[2::2]
    return min(xs), min(ys), max(xs), max(ys)
