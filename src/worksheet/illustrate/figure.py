"""A placed body seen from the side, the front or above: outlines grouped into drawing layers.

Why: drawing order is what makes a line figure read as one person. The body is split into five
groups (far arm, far leg, trunk with head, near leg, near arm, ordered by depth for the view), and
each group is later stroked then filled as one silhouette. In a side view the far limbs are
drawn in a lighter grey, as in commercial exercise drawings.

Views (orthographic; the world has x forward, y up, z toward the side-view reader):
side looks along -z (page right = x); front looks from +x (page right = -z); top looks down
(page up = -x, so a person lying on the back has the head at the top). A view can be tilted or
turned a little where a straight one hides the movement (knees rolling to the side).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from math import cos, radians, sin, sqrt
from typing import NamedTuple

from . import body as B
from . import kinematics as K
from . import outline as O


class Camera(NamedTuple):
    """An orthographic view: rows are the page's right, the page's up and toward the reader."""

    kind: str  # "side", "front" or "top"
    u: K.Vec
    v: K.Vec
    w: K.Vec
    level: bool  # looking straight along a world axis (the floor is a line)


_BASE = {
    "side": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "front": ((0.0, 0.0, -1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0)),
    "top": ((0.0, 0.0, -1.0), (-1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
}


def camera(view: str, tilt: float = 0.0, turn: float = 0.0) -> Camera:
    """``turn`` walks the camera round the body toward its front (degrees about the vertical);
    ``tilt`` raises a side or front camera to look down, or moves a top camera toward the body's
    front (its feet, when lying on the back)."""
    u, v, w = _BASE.get(view, _BASE["side"])
    if turn:  # the whole camera walks round the vertical (a top camera's up is horizontal: it turns too)
        r = K.ry(turn)
        u, v, w = K.app(r, u), K.app(r, v), K.app(r, w)
    if tilt:
        c, s = cos(radians(tilt)), sin(radians(tilt))
        if view == "top":
            v, w = K.add(K.scale(v, c), K.scale(w, s)), K.sub(K.scale(w, c), K.scale(v, s))
        else:
            v, w = K.sub(K.scale(v, c), K.scale(w, s)), K.add(K.scale(w, c), K.scale(v, s))
    return Camera(view, u, v, w, not tilt and not turn)


def project(cam: Camera, p: K.Vec) -> O.Pt:
    return (K.dot(cam.u, p), K.dot(cam.v, p))


def depth(cam: Camera, p: K.Vec) -> float:
    """Toward the reader is larger."""
    return K.dot(cam.w, p)


def project_ellipsoid(view: Camera, e: K.Ellipsoid) -> tuple[O.Pt, O.Pt, O.Pt]:
    """Centre and conjugate semi-axes of an ellipsoid's outline in the view."""
    cols = [project(view, K.column(e.axes, i)) for i in range(3)]
    s11 = sum(c[0] * c[0] for c in cols)
    s12 = sum(c[0] * c[1] for c in cols)
    s22 = sum(c[1] * c[1] for c in cols)
    l11 = sqrt(max(s11, 1e-12))
    l21 = s12 / l11
    l22 = sqrt(max(s22 - l21 * l21, 1e-12))
    return project(view, e.centre), (l11, l21), (0.0, l22)


class Group(NamedTuple):
    name: str  # "body", "arm_left", "leg_right", ...
    depth: float
    far: bool  # drawn lighter (far side in a side view)
    paths: tuple[O.Path, ...]
    detail: bool = False  # inner lines (shoulder blades seen from behind), not outlines
    strokes: tuple[O.Path, ...] = ()  # the outlines to stroke, where they differ from the fills


# A shoulder blade on the back, in its collarbone's frame (so that a retraction moves it toward
# the spine): a rounded triangle from its top inner corner, outer corner and lowest point.
SCAPULA = ((-0.110, -0.004, 0.026), (-0.100, -0.012, 0.074), (-0.100, -0.098, 0.036))


def _inside_any(ellipses: list[tuple[O.Pt, O.Pt, O.Pt]]) -> Callable[[O.Pt], bool]:
    """A test for points inside the trunk's outline (its ellipses and the pieces between them)."""
    pieces = list(ellipses)
    for (c0, a0, b0), (c1, a1, b1) in itertools.pairwise(ellipses):
        pieces.append((((c0[0] + c1[0]) / 2, (c0[1] + c1[1]) / 2), ((a0[0] + a1[0]) / 2, (a0[1] + a1[1]) / 2),
                       ((b0[0] + b1[0]) / 2, (b0[1] + b1[1]) / 2)))
    inverse = []
    for c, a, b in pieces:
        det = a[0] * b[1] - b[0] * a[1]
        if abs(det) > 1e-12:
            inverse.append((c, b[1] / det, -b[0] / det, -a[1] / det, a[0] / det))

    def inside(p: O.Pt) -> bool:
        for c, i00, i01, i10, i11 in inverse:
            dx, dy = p[0] - c[0], p[1] - c[1]
            u, v = i00 * dx + i01 * dy, i10 * dx + i11 * dy
            if u * u + v * v < 1.0:
                return True
        return False

    return inside


def _ball(view: Camera, b: K.Ball) -> tuple[O.Pt, float]:
    return project(view, b.centre), b.radius


def groups(view: Camera, frames: K.Frames) -> list[Group]:
    """The figure's outline groups, back to front."""
    out: list[Group] = []
    torso = [project_ellipsoid(view, e) for e in K.torso_parts(frames)]
    body_paths: list[O.Path] = [O.blob([a, b], n=28) for a, b in itertools.pairwise(torso)]
    neck_base = frames["neck"][1]
    neck_top = K.point(frames, "neck", B.NECK_TOP)
    body_paths.append(O.capsule(project(view, neck_base), B.R_NECK, project(view, neck_top), B.R_NECK * 0.95))
    hc, ha, hb = project_ellipsoid(view, K.head_part(frames))
    body_paths.append(O.ellipse(hc, ha, hb))
    centre = K.lerp(frames["pelvis"][1], frames["thorax_up"][1], 0.5)
    # The trunk is sorted a little toward its near surface: seen from behind, the buttocks cover
    # the tops of the thighs; seen from the side, the near leg still covers the trunk.
    in_trunk = _inside_any(torso)
    body_depth = depth(view, centre)
    near = max(K.dot(e.centre, view.w) + sqrt(max(K.dot(view.w, K.app(e.shape(), view.w)), 0.0))
               for e in K.torso_parts(frames))
    out.append(Group("body", body_depth + 0.3 * (near - body_depth), False, tuple(body_paths)))
    back = K.scale(K.column(frames["thorax_up"][0], 0), -1.0)
    if K.dot(back, view.w) > 0.6:  # seen from behind: the shoulder blades, as they move
        blades = tuple(O.blob([], [(project(view, K.point(frames, "clavicle_" + side, (x, y, z * sg))), 0.007)
                                   for x, y, z in SCAPULA], n=12)
                       for side, sg in (("left", -1.0), ("right", 1.0)))
        out.append(Group("shoulder blades", body_depth + 0.3 * (near - body_depth) + 1e-6, False, blades, True))
    # Far side: behind the trunk as seen level from the camera's side (a raised camera sees the
    # legs lower, not further away).
    across = K.unit((view.w[0], 0.0, view.w[2]))
    body_across = K.dot(across, centre)

    for side in B.SIDES:
        limbs = K.limb_balls(frames, side)
        # Arm: upper arm, forearm, hand (a flat mitten joined to the wrist).
        ua, fa = limbs["upper arm"], limbs["forearm"]
        arm = [
            O.capsule(*_ball(view, ua[0]), *_ball(view, ua[1])),
            O.capsule(*_ball(view, fa[0]), *_ball(view, fa[1])),
            O.blob([project_ellipsoid(view, K.hand_part(frames, side))], [_ball(view, fa[1])], n=20),
        ]
        arm_pts = [ua[0].centre, ua[1].centre, fa[1].centre]
        d = sum(depth(view, p) for p in arm_pts) / 3
        far = view.kind == "side" and sum(K.dot(across, p) for p in arm_pts) / 3 < body_across - 0.03
        out.append(Group("arm_" + side, d, far, tuple(arm)))
        # Leg: thigh, shank with a calf, foot with heel and toes.
        th, sh = limbs["thigh"], limbs["shank"]
        thigh_fill, thigh_line = O.capsule_open(*_ball(view, th[0]), *_ball(view, th[1]), in_trunk)
        leg = [
            thigh_fill,
            O.blob([], [_ball(view, sh[0]), _ball(view, K.calf(frames, side)), _ball(view, sh[1])], n=24),
            O.blob([], [_ball(view, b) for b in K.foot_balls(frames, side)], n=16),
        ]
        leg_pts = [th[0].centre, th[1].centre, sh[1].centre]
        d = sum(depth(view, p) for p in leg_pts) / 3
        far = view.kind == "side" and sum(K.dot(across, p) for p in leg_pts) / 3 < body_across - 0.03
        out.append(Group("leg_" + side, d, far, tuple(leg), False, (thigh_line, *leg[1:])))
    out.sort(key=lambda g: (g.depth, g.name))
    return out


def landmark(frames: K.Frames, key: str) -> K.Vec:
    """One of ``landmarks``, computing only that one."""
    side, _, part = key.partition(" ")
    if side not in B.SIDES:
        torso = {"upper back": 4, "lower back": 2, "buttocks": 1}
        return K.head_part(frames).centre if key == "head" else K.torso_parts(frames)[torso[key]].centre
    one = {
        "hand": lambda: K.hand_part(frames, side).centre,
        "elbow": lambda: frames["forearm_" + side][1],
        "knee": lambda: frames["shank_" + side][1],
        "foot": lambda: K.point(frames, "foot_" + side, (0.04, -0.015, 0.0)),
        "thigh": lambda: K.lerp(frames["thigh_" + side][1], frames["shank_" + side][1], 0.6),
        "shin": lambda: K.lerp(frames["shank_" + side][1], frames["foot_" + side][1], 0.5),
        "heel": lambda: K.foot_balls(frames, side)[1].centre,
        "toes": lambda: K.foot_balls(frames, side)[-1].centre,
        "shoulder": lambda: frames["arm_" + side][1],
    }
    return one[part]()


def landmarks(frames: K.Frames) -> dict[str, K.Vec]:
    """Points an arrow can follow, by the part names a clinician writes."""
    pts: dict[str, K.Vec] = {
        "head": K.head_part(frames).centre,
        "upper back": K.torso_parts(frames)[4].centre,
        "lower back": K.torso_parts(frames)[2].centre,
        "buttocks": K.torso_parts(frames)[1].centre,
    }
    for side in B.SIDES:
        pts[side + " hand"] = K.hand_part(frames, side).centre
        pts[side + " elbow"] = frames["forearm_" + side][1]
        pts[side + " knee"] = frames["shank_" + side][1]
        pts[side + " foot"] = K.point(frames, "foot_" + side, (0.04, -0.015, 0.0))
        pts[side + " thigh"] = K.lerp(frames["thigh_" + side][1], frames["shank_" + side][1], 0.6)
        pts[side + " shin"] = K.lerp(frames["shank_" + side][1], frames["foot_" + side][1], 0.5)
        pts[side + " heel"] = K.foot_balls(frames, side)[1].centre
        pts[side + " toes"] = K.foot_balls(frames, side)[-1].centre
        pts[side + " shoulder"] = frames["arm_" + side][1]
    return pts


RADIUS = {"head": 0.066, "upper back": 0.07, "lower back": 0.06, "buttocks": 0.075, "hand": 0.03,
          "elbow": B.R_ELBOW, "knee": B.R_KNEE, "foot": 0.03, "thigh": 0.045, "shin": 0.03,
          "heel": 0.021, "toes": 0.012, "shoulder": B.R_SHOULDER}
