"""The movement arrow: the path the moving part travels from the start to the end pose.

Why: an arrow drawn by hand for thirty exercises would drift from the poses; one computed from
them cannot. The part that moves most (or the one the spec names) is followed through poses in
between (joint angles and the body's placement interpolated), so a knee pulled to the chest gets a
curved arrow along its arc and a bridge a straight one under the lifting hips. The arrow stops
short of the part. A part that hardly moves (a squeeze, a tilt) gets a short arrow pointing at it
in the direction it pushes.
"""

from __future__ import annotations

import itertools
from math import acos, atan2, cos, hypot, sin, sqrt

from . import body as B
from . import kinematics as K
from . import outline as O
from . import postures as P
from .figure import (
    RADIUS,
    Camera,
    camera,
    landmark,
    landmarks,
    project,
    project_ellipsoid,
)
from .solve import Solved, plane
from .spec import FigureSpec, parse_part

STEPS = 12
TWIST = "twist"  # spec.arrow: an arc round the trunk for a turn of the upper body
MIN_MOVE = 0.012  # of height: below this nothing moves and no arrow is drawn
SHORT = 0.085  # a path shorter than this becomes a pointing arrow of this length
GAP = 0.022  # between the arrow's tip and the part


def _axis_angle(r: K.Mat) -> tuple[K.Vec, float]:
    c = max(-1.0, min(1.0, (r[0] + r[4] + r[8] - 1) / 2))
    angle = acos(c)
    if angle < 1e-9:
        return (1.0, 0.0, 0.0), 0.0
    axis = K.unit((r[7] - r[5], r[2] - r[6], r[3] - r[1]))
    return axis, angle


def _rotation(axis: K.Vec, angle: float) -> K.Mat:
    x, y, z = axis
    c, s, t = cos(angle), sin(angle), 1 - cos(angle)
    return (t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c)


def trajectory(start: Solved, end: Solved, key: str, view: Camera) -> list[O.Pt]:
    """The landmark's path through STEPS poses in between, in view coordinates."""
    r0, p0 = start.frames["pelvis"]
    r1, p1 = end.frames["pelvis"]
    axis, angle = _axis_angle(K.mul(K.transpose(r0), r1))
    dofs = set(start.pose) | set(end.pose)
    pts = [project(view, landmark(start.frames, key))]
    for i in range(1, STEPS):
        t = i / STEPS
        pose = {d: start.pose.get(d, 0.0) * (1 - t) + end.pose.get(d, 0.0) * t for d in dofs}
        root = K.mul(r0, _rotation(axis, angle * t))
        fr = K.forward(pose, root, K.lerp(p0, p1, t))
        pts.append(project(view, landmark(fr, key)))
    pts.append(project(view, landmark(end.frames, key)))
    return pts


def landmarks_names() -> tuple[str, ...]:
    names = ["head", "upper back", "lower back", "buttocks"]
    for side in B.SIDES:
        names += [f"{side} {p}" for p in ("hand", "elbow", "knee", "foot", "thigh", "shin", "heel", "toes", "shoulder")]
    return tuple(names)


def _requested(spec: FigureSpec) -> list[str] | None:
    """The landmarks the spec's arrow names (several may be separated by commas)."""
    if not spec.arrow:
        return None
    every = landmarks_names()
    keys: list[str] = []
    for text in spec.arrow.split(","):
        text = "both shoulder" if text.strip() == "shoulders" else text  # not the upper back here
        part = parse_part(text.strip(), spec.side)
        if isinstance(part, str):
            continue
        sides = part.sides
        if spec.view == "side" and len(sides) == 2:
            sides = ("right",)  # the near one; the far one is hidden behind it
        for side in sides:
            key = f"{side} {part.part}".strip()
            if key in every and key not in keys:
                keys.append(key)
    return keys


def _mirror(key: str) -> str | None:
    for a, b in (("left ", "right "), ("right ", "left ")):
        if key.startswith(a):
            return b + key[len(a):]
    return None


def _push(end: Solved, key: str, view: Camera) -> O.Pt | None:
    """For a part resting on a support at the end: the direction into that support."""
    side, _, part = key.partition(" ") if key.startswith(("left ", "right ")) else ("", "", key)
    for c in end.contacts:
        if c.part == part and c.side == side and c.support in P.HORIZONTAL + P.UPRIGHT:
            normal = plane(c.support, ())[0]
            d = project(view, K.scale(normal, -1.0))
            if hypot(*d) > 0.5:
                return d
    return None


class Ink:
    """Where the end pose is drawn (its parts as circles and ellipses in view coordinates), to keep
    arrows off the body."""

    def __init__(self, end: Solved, view: Camera, limbs: tuple[tuple[str, str], ...] = ()) -> None:
        """The trunk and head, and the limbs named as (side, "arm" or "leg")."""
        fr = end.frames
        self.circles: list[tuple[O.Pt, float]] = []
        self.ellipses: list[tuple[O.Pt, float, float, float, float]] = []  # centre, inverse matrix
        for part in [*K.torso_parts(fr), K.head_part(fr)]:
            self._ellipse(project_ellipsoid(view, part))
        for side, limb in limbs:
            balls = K.limb_balls(fr, side)
            names = ("upper arm", "forearm") if limb == "arm" else ("thigh", "shank")
            extra = [K.hand_part(fr, side)] if limb == "arm" else []
            for part in extra:
                self._ellipse(project_ellipsoid(view, part))
            if limb == "leg":
                self.circles += [(project(view, b.centre), b.radius) for b in K.foot_balls(fr, side)]
            for name in names:
                a, b = balls[name]
                for i in range(7):
                    t = i / 6
                    centre = project(view, K.lerp(a.centre, b.centre, t))
                    self.circles.append((centre, a.radius + (b.radius - a.radius) * t))
        torso = [project_ellipsoid(view, e) for e in K.torso_parts(fr)]
        for (c0, a0, b0), (c1, a1, b1) in itertools.pairwise(torso):
            mid = ((c0[0] + c1[0]) / 2, (c0[1] + c1[1]) / 2)
            self._ellipse((mid, ((a0[0] + a1[0]) / 2, (a0[1] + a1[1]) / 2), ((b0[0] + b1[0]) / 2, (b0[1] + b1[1]) / 2)))

    def _ellipse(self, e: tuple[O.Pt, O.Pt, O.Pt]) -> None:
        c, a, b = e
        det = a[0] * b[1] - b[0] * a[1]
        if abs(det) > 1e-12:
            self.ellipses.append((c, b[1] / det, -b[0] / det, -a[1] / det, a[0] / det))

    def hits(self, p: O.Pt, margin: float) -> bool:
        for c, r in self.circles:
            if (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 < (r + margin) ** 2:
                return True
        for c, i00, i01, i10, i11 in self.ellipses:
            dx, dy = p[0] - c[0], p[1] - c[1]
            u, v = i00 * dx + i01 * dy, i10 * dx + i11 * dy
            n = sqrt(u * u + v * v)
            if n < 1.0 or (n > 0 and hypot(dx, dy) * (1 - 1 / n) < margin):
                return True
        return False


def arrows(spec: FigureSpec, start: Solved, end: Solved) -> list[list[O.Pt]]:
    """Arrow shafts as point lists in view coordinates, each ending where its head goes."""
    if spec.arrow == "none":
        return []
    view = camera(spec.view, spec.tilt, spec.turn)
    if spec.arrow == TWIST:
        return [_twist(start, end, view)]
    a, b = landmarks(start.frames), landmarks(end.frames)

    def moved(k: str) -> float:
        pa, pb = project(view, a[k]), project(view, b[k])
        return hypot(pb[0] - pa[0], pb[1] - pa[1])

    keys = _requested(spec)
    if keys is None:
        best = max(landmarks_names(), key=lambda k: (moved(k), k))
        if moved(best) < MIN_MOVE * 0.2:
            return []  # nothing moves: a position to hold
        keys = [best]
        other = _mirror(best)
        if other and view.kind != "side" and moved(other) > 0.6 * moved(best):
            keys.append(other)
    shafts = []
    for key in keys:
        side, _, part = key.partition(" ")
        limb = "arm" if part in ("hand", "elbow", "shoulder") else "leg"
        ink = Ink(end, view, ((side, limb),) if side in B.SIDES else ())
        ink.ellipses += _pillow_ink(spec, end, view)
        push = _push(end, key, view)
        if moved(key) < MIN_MOVE * 0.2 and push is None:
            continue
        kind = key.split(" ", 1)[-1] if key.startswith(("left ", "right ")) else key
        path = trajectory(start, end, key, view)
        shaft = _follow(path, ink) if moved(key) > SHORT else None
        shafts.append(shaft or _point_at(path, RADIUS[kind], push, ink))
    return shafts


def _twist(start: Solved, end: Solved, view: Camera) -> list[O.Pt]:
    """A turn of the upper body: an arc round the trunk at chest height, in front of the body,
    from where the chest faced to where it faces (at least a quarter turn, so that it shows)."""
    pelvis_r, _ = end.frames["pelvis"]
    up = K.column(pelvis_r, 1)
    e1 = K.column(pelvis_r, 0)  # the hips' forward
    e2 = K.cross(up, e1)  # to the right
    centre = end.frames["thorax_low"][1]

    def facing(s: Solved) -> float:
        f = K.column(s.frames["thorax_up"][0], 0)
        return atan2(K.dot(f, e2), K.dot(f, e1))

    a0, a1 = facing(start), facing(end)
    if abs(a1 - a0) < 1.4:
        mid = (a0 + a1) / 2
        half = 0.7 if a1 >= a0 else -0.7
        a0, a1 = mid - half, mid + half
    radius = 0.2
    pts = []
    for i in range(STEPS + 1):
        t = a0 + (a1 - a0) * i / STEPS
        p = K.add(centre, K.add(K.scale(e1, radius * cos(t)), K.scale(e2, radius * sin(t))))
        pts.append(project(view, p))
    return pts


def _pillow_ink(spec: FigureSpec, end: Solved, view: Camera) -> list[tuple[O.Pt, float, float, float, float]]:
    if "pillow" not in spec.props:
        return []
    from .props import pillow_ellipse

    tmp = Ink.__new__(Ink)
    tmp.ellipses = []
    tmp._ellipse(pillow_ellipse(view, end))
    return tmp.ellipses


def _follow(path: list[O.Pt], ink: Ink) -> list[O.Pt] | None:
    """The trajectory, moved sideways if that keeps it off the body, with its end trimmed where
    it would run into the body; None if no long enough stretch is free."""
    (x0, y0), (x1, y1) = path[0], path[-1]
    chord = hypot(x1 - x0, y1 - y0)
    if chord < 1e-9:
        return None
    n = (-(y1 - y0) / chord, (x1 - x0) / chord)
    # A curved path is moved outward (the way it bulges) before inward: outside the swept area.
    mid = path[len(path) // 2]
    if (mid[0] - (x0 + x1) / 2) * n[0] + (mid[1] - (y0 + y1) / 2) * n[1] < 0:
        n = (-n[0], -n[1])
    best: tuple[float, list[O.Pt]] | None = None
    for d in (0.0, 0.03, -0.03, 0.06, -0.06, 0.09, -0.09, 0.12):
        pts = [(x + n[0] * d, y + n[1] * d) for x, y in _dense(path)]
        free = [not ink.hits(p, GAP) for p in pts]
        # The longest free run that ends as near the end of the path as possible.
        runs: list[tuple[int, int]] = []
        i = 0
        while i < len(pts):
            if free[i]:
                j = i
                while j + 1 < len(pts) and free[j + 1]:
                    j += 1
                runs.append((i, j))
                i = j + 1
            else:
                i += 1
        for i, j in runs:
            run = pts[i:j + 1]
            length = sum(hypot(q[0] - p[0], q[1] - p[1]) for p, q in itertools.pairwise(run))
            if length < SHORT or j < 0.6 * len(pts):
                continue  # too short, or stops well before the part arrives
            score = length - (2.0 if d >= 0 else 3.0) * abs(d) + 0.5 * (j / len(pts)) * chord
            if best is None or score > best[0]:
                best = (score, run)
    return best[1] if best else None


def _dense(path: list[O.Pt], step: float = 0.006) -> list[O.Pt]:
    out = [path[0]]
    for p, q in itertools.pairwise(path):
        n = max(1, int(hypot(q[0] - p[0], q[1] - p[1]) / step))
        out += [(p[0] + (q[0] - p[0]) * k / n, p[1] + (q[1] - p[1]) * k / n) for k in range(1, n + 1)]
    return out


def _point_at(path: list[O.Pt], radius: float, push: O.Pt | None, ink: Ink) -> list[O.Pt]:
    """A short straight arrow at a part that hardly moves, or whose path is hidden by the body:
    behind the part pushing it the way it goes (toward its support, if it presses on one) when
    there is room there, else in front of it leading the way."""
    tip = path[-1]
    d = push or (tip[0] - path[0][0], tip[1] - path[0][1])
    n = hypot(*d)
    u = (d[0] / n, d[1] / n) if n > 1e-9 else (0.0, -1.0)

    def clear(sign: float) -> float:
        t = radius * 0.5
        while t < 0.4 and ink.hits((tip[0] + sign * u[0] * t, tip[1] + sign * u[1] * t), GAP * 0.5):
            t += 0.004
        return t

    def free(pts: list[O.Pt]) -> bool:
        return not any(ink.hits(p, GAP * 0.3) for p in _dense(pts))

    behind = clear(-1.0)
    e = (tip[0] - u[0] * (behind + GAP * 0.3), tip[1] - u[1] * (behind + GAP * 0.3))
    pushing = [(e[0] - u[0] * SHORT, e[1] - u[1] * SHORT), e]
    lead = clear(1.0)
    if push is not None or (free(pushing) and behind <= lead + 0.03):
        return pushing
    a = (tip[0] + u[0] * (lead + GAP * 0.3), tip[1] + u[1] * (lead + GAP * 0.3))
    return [a, (a[0] + u[0] * SHORT, a[1] + u[1] * SHORT)]
