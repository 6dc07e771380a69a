"""Props placed around a solved figure and outlined for a view: floor, mat, chair, wall, towel,
pillow, ball and foam roller.

Why: a prop must sit where the body says it is (the seat under the buttocks, the towel under the
forehead, the ball between the back and the wall), in both the start and the end picture, and be
drawn with the same line as the figure so the picture stays one drawing. Props are simple boxes,
cylinders and ellipsoids in the world, so every view gets them right from one placement.
"""

from __future__ import annotations

from typing import NamedTuple

from . import body as B
from . import kinematics as K
from . import outline as O
from . import postures as P
from .figure import Camera, depth, project, project_ellipsoid
from .solve import Solved

UNDER = -1e9  # drawn before the figure


class Item(NamedTuple):
    name: str
    depth: float  # UNDER, or a depth sorted with the figure's groups
    paths: tuple[O.Path, ...]
    style: str  # "solid" (outline, white fill), "line" (outline only), "thin" (hatching, seams),
    # "ground" (a light grey area with no outline: a mat seen from above)


Box = tuple[K.Vec, K.Vec]  # two opposite corners


def _box(view: Camera, box: Box, radius: float = 0.0) -> O.Path:
    (x0, y0, z0), (x1, y1, z1) = box
    pts = [project(view, (x, y, z)) for x in (x0, x1) for y in (y0, y1) for z in (z0, z1)]
    if not view.level:
        return O.polygon(O.hull([(round(x, 9), round(y, 9)) for x, y in pts]))
    u0, v0 = min(p[0] for p in pts), min(p[1] for p in pts)
    u1, v1 = max(p[0] for p in pts), max(p[1] for p in pts)
    return rounded_rect(u0, v0, u1, v1, radius)


def rounded_rect(u0: float, v0: float, u1: float, v1: float, r: float) -> O.Path:
    r = max(0.0, min(r, (u1 - u0) / 2, (v1 - v0) / 2))
    if r <= 1e-9:
        return O.polygon([(u0, v0), (u1, v0), (u1, v1), (u0, v1)])
    k = r * (1 - 0.5523)
    return (
        ("M", u0 + r, v0), ("L", u1 - r, v0), ("C", u1 - k, v0, u1, v0 + k, u1, v0 + r),
        ("L", u1, v1 - r), ("C", u1, v1 - k, u1 - k, v1, u1 - r, v1),
        ("L", u0 + r, v1), ("C", u0 + k, v1, u0, v1 - k, u0, v1 - r),
        ("L", u0, v0 + r), ("C", u0, v0 + k, u0 + k, v0, u0 + r, v0), ("Z",),
    )


def _extent(poses: list[Solved], axis: int = 0) -> tuple[float, float]:
    """The body's extent along a world axis, over all the poses."""
    d: K.Vec = (1.0 if axis == 0 else 0.0, 1.0 if axis == 1 else 0.0, 1.0 if axis == 2 else 0.0)
    back: K.Vec = (-d[0], -d[1], -d[2])
    xs: list[float] = []
    for s in poses:
        for part in K.all_parts(s.frames):
            xs += [K.lowest(part, d), -K.lowest(part, back)]
    return min(xs), max(xs)


def chair_place(poses: list[Solved]) -> tuple[float, float, float]:
    """(backrest front x, seat front x, chair centre z) for a chair sat on or stood beside."""
    c = P.CHAIR
    seated = any(ct.support == "seat" for s in poses for ct in s.contacts)
    if not seated:  # stood at: in front of the figure, its backrest within reach
        front = max(max(s.frames["shank_" + side][1][0] for side in B.SIDES) for s in poses)
        back = front + 0.10
        return back + 0.028, back + 0.028 + c["depth"], 0.0
    back = min(min(K.lowest(p, (1.0, 0.0, 0.0)) for p in K.torso_parts(s.frames)[:2]) for s in poses) - 0.006
    # Nothing at the backrest's height may be behind it (an elbow swung back in a twist).
    top = c["seat"] + c["back"]
    for s in poses:
        for part in K.all_parts(s.frames):
            low, high = K.lowest(part, (0.0, 1.0, 0.0)), -K.lowest(part, (0.0, -1.0, 0.0))
            if high > c["seat"] + 0.02 and low < top:
                back = min(back, K.lowest(part, (1.0, 0.0, 0.0)) - 0.006)
    front = back + c["depth"]
    for s in poses:
        for side in B.SIDES:
            hip, knee = s.frames["thigh_" + side][1], s.frames["shank_" + side][1]
            for i in range(21):
                t = i / 20
                p = K.lerp(hip, knee, t)
                r = B.R_THIGH_TOP + (B.R_KNEE - B.R_THIGH_TOP) * t
                if p[0] > back + 0.05 and p[1] - r < c["seat"] - 0.004:
                    front = min(front, p[0] - 0.3 * r)
                    break
    return back, max(front, back + 0.16), 0.0


def chair_grip(poses: list[Solved], side: str) -> K.Vec:
    """Where a hand holds the top of the backrest: near the corner on its side."""
    back, _, _z = chair_place(poses)
    edge = P.CHAIR["width"] / 2 - 0.04
    return (back - 0.014, P.CHAIR["seat"] + P.CHAIR["back"] + 0.03, edge if side == "right" else -edge)


def chair_boxes(poses: list[Solved]) -> dict[str, Box]:
    c = P.CHAIR
    back, front, zc = chair_place(poses)
    hw, seat, slab, leg = c["width"] / 2, c["seat"], c["slab"], c["leg"]
    boxes: dict[str, Box] = {
        "seat": ((back - 0.025, seat - slab, zc - hw), (front, seat, zc + hw)),
        "backrest": ((back - 0.028, seat, zc - hw), (back, seat + c["back"], zc + hw)),
    }
    for name, x in (("back legs", back - 0.028), ("front legs", front - leg - 0.004)):
        for zname, z in (("left", zc - hw), ("right", zc + hw - leg)):
            boxes[f"{name} {zname}"] = ((x, 0.0, z), (x + leg, seat - slab, z + leg))
    return boxes


def items(view: Camera, props: tuple[str, ...], poses: list[Solved], pose: Solved) -> list[Item]:
    """The props of one pose (``pose``), placed from both (``poses``) where they stay put."""
    out: list[Item] = []
    floor = poses[0].floor
    if "mat" in props:
        lo, hi = _extent(poses)
        zlo, zhi = _extent(poses, axis=2)
        half = max(0.2, -zlo, zhi) + 0.05  # as wide as the body and what it sweeps, centred
        box = ((lo - 0.04, 0.0, -half), (hi + 0.04, P.MAT_T, half))
        if view.level and view.kind != "top":
            out.append(Item("mat", UNDER, (_box(view, box, P.MAT_T * 0.4),), "solid"))
        else:
            out.append(Item("mat", UNDER, (_box(view, box, 0.02),), "ground"))
    if "chair" in props:
        boxes = chair_boxes(poses)
        order = sorted(boxes, key=lambda n: depth(view, K.lerp(*boxes[n], 0.5)))
        paths = [_box(view, boxes[n], 0.006 if n in ("seat", "backrest") else 0.0) for n in order]
        out.append(Item("chair", UNDER, tuple(paths), "solid"))
    if "wall" in props and view.level and view.kind != "front":
        out.append(_wall(view))
    if "roller" in props:
        fr = poses[0].frames
        xs = [x for part in [*K.torso_parts(fr), K.head_part(fr)]
              for x in (K.lowest(part, (1.0, 0.0, 0.0)), -K.lowest(part, (-1.0, 0.0, 0.0)))]
        lo, hi = min(xs) - 0.03, max(xs) + 0.14  # it sticks out past the head, so it shows
        r = P.ROLLER_R
        if view.kind == "front" and view.level:
            path = O.circle(project(view, (hi, floor + r, 0.0)), r)
        else:
            path = _box(view, ((lo, floor, -r), (hi, floor + 2 * r, r)), r * (0.25 if view.kind == "side" else 1.0))
        out.append(Item("roller", UNDER, (path,), "solid"))
    if "towel" in props:
        head = K.head_part(poses[0].frames).centre
        box = ((head[0] - 0.07, floor, -0.085), (head[0] + 0.07, floor + P.TOWEL_H, 0.085))
        mid = floor + P.TOWEL_H / 2
        fold = O.polygon([project(view, (head[0] - 0.062, mid, 0.07)),
                          project(view, (head[0] + 0.062, mid, 0.07))], close=False)
        out.append(Item("towel", UNDER, (_box(view, box, P.TOWEL_H * 0.45),), "solid"))
        if view.kind != "top":
            out.append(Item("towel fold", UNDER, (fold,), "thin"))
    if "pillow" in props:
        out.append(_pillow(view, pose))
    if "ball" in props:
        out.append(_ball(view, poses))
    return out


def _wall(view: Camera) -> Item:
    paths: list[O.Path] = []
    top = 1.02
    if view.kind == "side":
        paths.append(O.polygon([(0.0, 0.0), (0.0, top)], close=False))
        for i in range(1, 20):
            y = i * top / 20
            paths.append(O.polygon([(0.0, y), (-0.035, y - 0.035)], close=False))
    else:  # top: the wall's face is the line x = 0, page up is -x
        paths.append(O.polygon([(-0.4, 0.0), (0.4, 0.0)], close=False))
        for i in range(16):
            u = -0.4 + i * 0.05
            paths.append(O.polygon([(u, 0.0), (u + 0.035, 0.035)], close=False))
    return Item("wall", UNDER, tuple(paths), "thin")


def pillow_ellipse(view: Camera, pose: Solved) -> tuple[O.Pt, O.Pt, O.Pt]:
    fr = pose.frames
    kl, kr = fr["shank_left"][1], fr["shank_right"][1]
    hl, hr = fr["thigh_left"][1], fr["thigh_right"][1]
    knees = K.lerp(kl, kr, 0.5)
    hips = K.lerp(hl, hr, 0.5)
    along = K.unit(K.sub(knees, hips))
    centre = K.lerp(knees, hips, 0.22)
    gap = max(abs(kr[2] - kl[2]) - 2 * B.R_KNEE, 0.04)
    up = K.unit(K.cross((0.0, 0.0, 1.0), along))
    axes = K.from_axes(K.scale(along, P.PILLOW[0] / 2), K.scale(up, P.PILLOW[1]), (0.0, 0.0, gap / 2 + 0.01))
    return project_ellipsoid(view, K.Ellipsoid(centre, axes))


def _pillow(view: Camera, pose: Solved) -> Item:
    c, a, b = pillow_ellipse(view, pose)
    knees = K.lerp(pose.frames["shank_left"][1], pose.frames["shank_right"][1], 0.5)
    return Item("pillow", depth(view, knees) + 1e-3, (O.ellipse(c, a, b),), "solid")


def _ball(view: Camera, poses: list[Solved]) -> Item:
    pose = poses[-1]
    y = 0.6
    for c in pose.contacts:
        if c.support == "ball":
            from .solve import reach
            _, pt = reach(pose.frames, c, (1.0, 0.0, 0.0))
            y = pt[1]
    centre = (P.BALL_R, y, 0.0)
    return Item("ball", UNDER, (O.circle(project(view, centre), P.BALL_R),), "solid")
