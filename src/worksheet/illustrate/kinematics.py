"""Forward kinematics: joint angles to where every body segment is, and the body's solid parts.

Why: the picture, the contact solver and the tests all need the same answer to "where is the
left knee when the hips bend 90 degrees", so it is computed in exactly one place. Rotations are
plain 3x3 tuples (no numpy: the package stays light and a figure is only a few dozen joints).

Frames: each segment has a rotation R (columns are its x, y, z axes in the world) and the
position of its joint. The root is the pelvis, at the centre between the hip joints.
"""

from __future__ import annotations

from collections.abc import Mapping
from math import cos, radians, sin, sqrt
from typing import NamedTuple

from . import body as B

Vec = tuple[float, float, float]
Mat = tuple[float, float, float, float, float, float, float, float, float]  # row-major
Frames = dict[str, tuple[Mat, Vec]]
Pose = Mapping[B.Dof, float]

IDENTITY: Mat = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)


def rx(deg: float) -> Mat:
    c, s = cos(radians(deg)), sin(radians(deg))
    return (1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c)


def ry(deg: float) -> Mat:
    c, s = cos(radians(deg)), sin(radians(deg))
    return (c, 0.0, s, 0.0, 1.0, 0.0, -s, 0.0, c)


def rz(deg: float) -> Mat:
    c, s = cos(radians(deg)), sin(radians(deg))
    return (c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0)


def mul(a: Mat, b: Mat) -> Mat:
    a0, a1, a2, a3, a4, a5, a6, a7, a8 = a
    b0, b1, b2, b3, b4, b5, b6, b7, b8 = b
    return (
        a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8,
        a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8,
        a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8,
    )


def app(a: Mat, v: Vec) -> Vec:
    x, y, z = v
    return (a[0] * x + a[1] * y + a[2] * z, a[3] * x + a[4] * y + a[5] * z, a[6] * x + a[7] * y + a[8] * z)


def transpose(a: Mat) -> Mat:
    return (a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8])


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(a: Vec) -> float:
    return sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    n = norm(a)
    return (a[0] / n, a[1] / n, a[2] / n) if n > 1e-12 else (0.0, 0.0, 0.0)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def from_axes(x: Vec, y: Vec, z: Vec) -> Mat:
    """The rotation whose columns are the given (orthonormal) axes."""
    return (x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2])


def column(a: Mat, i: int) -> Vec:
    return (a[i], a[3 + i], a[6 + i])


# ---------------------------------------------------------------------------------------------
# Local joint rotations. sigma is +1 for the right side and -1 for the left, so that abduction,
# rotation and retraction mean the same movement on both sides.

def _spine(flex: float, side: float, rot: float) -> Mat:
    return mul(mul(rz(-flex), rx(side)), ry(-rot))


def _get(pose: Pose, side: str, joint: str, motion: str) -> float:
    return pose.get((side, joint, motion), 0.0)


def arm_local(s: float, flex: float, abd: float, horiz: float, rot: float) -> Mat:
    """Upper arm relative to the shoulder girdle: horizontal adduction about the vertical, then
    flexion, abduction and rotation about the arm's own axis."""
    return mul(mul(ry(s * horiz), rz(flex)), mul(rx(-s * abd), ry(-s * rot)))


def thigh_local(s: float, flex: float, abd: float, rot: float) -> Mat:
    return mul(rz(flex), mul(rx(-s * abd), ry(-s * rot)))


def arm_values(pose: Pose, side: str) -> tuple[float, float, float, float]:
    return (_get(pose, side, "shoulder", "flexion"), _get(pose, side, "shoulder", "abduction"),
            _get(pose, side, "shoulder", "horizontal adduction"), _get(pose, side, "shoulder", "external rotation"))


def thigh_values(pose: Pose, side: str) -> tuple[float, float, float]:
    return (_get(pose, side, "hip", "flexion"), _get(pose, side, "hip", "abduction"),
            _get(pose, side, "hip", "external rotation"))


def local_rotations(pose: Pose, spine_only: bool = False) -> dict[str, Mat]:
    """Every segment's rotation relative to its parent (the root excluded)."""
    g = _get
    out: dict[str, Mat] = {}
    lb = (g(pose, "", "lower back", "flexion"), g(pose, "", "lower back", "side bend right"),
          g(pose, "", "lower back", "rotation right"))
    ub = (g(pose, "", "upper back", "flexion") / 2, g(pose, "", "upper back", "side bend right") / 2,
          g(pose, "", "upper back", "rotation right") / 2)
    out["lumbar"] = _spine(*lb)
    out["thorax_low"] = _spine(*ub)
    out["thorax_up"] = _spine(*ub)
    out["neck"] = _spine(g(pose, "", "neck", "flexion"), g(pose, "", "neck", "side bend right"),
                         g(pose, "", "neck", "rotation right"))
    if spine_only:
        return out
    for side in B.SIDES:
        s = 1.0 if side == "right" else -1.0
        out["clavicle_" + side] = mul(ry(-s * g(pose, side, "shoulder blades", "retraction")),
                                      rx(-s * g(pose, side, "shoulder blades", "elevation")))
        out["arm_" + side] = arm_local(s, *arm_values(pose, side))
        out["forearm_" + side] = rz(g(pose, side, "elbow", "flexion"))
        out["hand_" + side] = IDENTITY
        out["thigh_" + side] = thigh_local(s, *thigh_values(pose, side))
        out["shank_" + side] = rz(-g(pose, side, "knee", "flexion"))
        out["foot_" + side] = rz(g(pose, side, "ankle", "dorsiflexion"))
    return out


SEGMENTS_OF = {  # which segments a joint's angle turns
    "hip": ("thigh",), "knee": ("shank",), "ankle": ("foot",), "shoulder": ("arm",), "elbow": ("forearm",),
    "shoulder blades": ("clavicle",), "lower back": ("lumbar",), "upper back": ("thorax_low", "thorax_up"),
    "neck": ("neck",),
}


def update_local(local: dict[str, Mat], pose: Pose, dof: B.Dof) -> None:
    """Recompute only the local rotations that one degree of freedom changes."""
    side, joint, _ = dof
    fresh = None
    for seg in SEGMENTS_OF.get(joint, ()):
        name = seg + "_" + side if side else seg
        if joint in ("lower back", "upper back", "neck"):
            fresh = fresh or local_rotations(pose, spine_only=True)
            local[name] = fresh[name]
            continue
        s = 1.0 if side == "right" else -1.0
        if joint == "hip":
            local[name] = thigh_local(s, *thigh_values(pose, side))
        elif joint == "shoulder":
            local[name] = arm_local(s, *arm_values(pose, side))
        elif joint == "knee":
            local[name] = rz(-_get(pose, side, "knee", "flexion"))
        elif joint == "ankle":
            local[name] = rz(_get(pose, side, "ankle", "dorsiflexion"))
        elif joint == "elbow":
            local[name] = rz(_get(pose, side, "elbow", "flexion"))
        elif joint == "shoulder blades":
            local[name] = mul(ry(-s * _get(pose, side, "shoulder blades", "retraction")),
                              rx(-s * _get(pose, side, "shoulder blades", "elevation")))


def _skeleton() -> tuple[tuple[str, str, Vec], ...]:
    """(segment, parent, offset of its joint in the parent's frame), parents first."""
    rows: list[tuple[str, str, Vec]] = [
        ("lumbar", "pelvis", (0.0, B.LUMBAR_Y, 0.0)),
        ("thorax_low", "lumbar", (0.0, B.THORAX_LOW_DY, 0.0)),
        ("thorax_up", "thorax_low", (0.0, B.THORAX_UP_DY, 0.0)),
        ("neck", "thorax_up", (0.0, B.NECK_DY, 0.0)),
    ]
    for side in B.SIDES:
        s = 1.0 if side == "right" else -1.0
        cr, cl = B.CLAVICLE_ROOT, B.CLAVICLE
        rows += [
            ("clavicle_" + side, "thorax_up", (cr[0], cr[1], s * cr[2])),
            ("arm_" + side, "clavicle_" + side, (cl[0], cl[1], s * cl[2])),
            ("forearm_" + side, "arm_" + side, (0.0, -B.UPPER_ARM, 0.0)),
            ("hand_" + side, "forearm_" + side, (0.0, -B.FOREARM, 0.0)),
            ("thigh_" + side, "pelvis", (0.0, 0.0, s * B.HIP_HALF)),
            ("shank_" + side, "thigh_" + side, (0.0, -B.THIGH, 0.0)),
            ("foot_" + side, "shank_" + side, (0.0, -B.SHANK, 0.0)),
        ]
    return tuple(rows)


SKELETON = _skeleton()
PARENT = {name: parent for name, parent, _ in SKELETON}


def forward(pose: Pose, root: Mat, origin: Vec, fixed: Mapping[str, Mat] | None = None,
            local: Mapping[str, Mat] | None = None) -> Frames:
    """World frames of every segment. ``fixed`` sets a segment's world rotation directly (a
    foot or hand laid flat on its support); ``local`` passes precomputed local rotations."""
    loc = local if local is not None else local_rotations(pose)
    frames: Frames = {"pelvis": (root, origin)}
    for name, parent, offset in SKELETON:
        pr, pp = frames[parent]
        rot = fixed[name] if fixed and name in fixed else mul(pr, loc[name])
        frames[name] = (rot, add(pp, app(pr, offset)))
    return frames


def point(frames: Frames, segment: str, local_point: Vec) -> Vec:
    r, p = frames[segment]
    return add(p, app(r, local_point))


# ---------------------------------------------------------------------------------------------
# Solid parts: what is drawn and what touches a support.

class Ball(NamedTuple):
    centre: Vec
    radius: float


class Ellipsoid(NamedTuple):
    centre: Vec
    axes: Mat  # columns: the three semi-axes in world coordinates

    def shape(self) -> Mat:
        """A = M M^T, row-major 3x3: the quadratic form whose support function is sqrt(d.A.d)."""
        m = self.axes
        return mul(m, transpose(m))


def ellipsoid(frames: Frames, segment: str, centre: Vec, radii: Vec) -> Ellipsoid:
    r, _ = frames[segment]
    axes = mul(r, (radii[0], 0.0, 0.0, 0.0, radii[1], 0.0, 0.0, 0.0, radii[2]))
    return Ellipsoid(point(frames, segment, centre), axes)


def lowest(part: Ball | Ellipsoid, normal: Vec) -> float:
    """The smallest value of dot(p, normal) over the part: how far it reaches toward a support
    whose surface faces along ``normal``."""
    if isinstance(part, Ball):
        return dot(part.centre, normal) - part.radius
    a = part.shape()
    return dot(part.centre, normal) - sqrt(max(dot(normal, app(a, normal)), 0.0))


def lowest_point(part: Ball | Ellipsoid, normal: Vec) -> Vec:
    """The point of the part that reaches furthest toward the support."""
    if isinstance(part, Ball):
        return sub(part.centre, scale(normal, part.radius))
    a = part.shape()
    an = app(a, normal)
    h = sqrt(max(dot(normal, an), 1e-12))
    return sub(part.centre, scale(an, 1.0 / h))


def torso_parts(frames: Frames) -> list[Ellipsoid]:
    return [ellipsoid(frames, seg, c, r) for seg, c, r in B.TORSO]


def head_part(frames: Frames) -> Ellipsoid:
    return ellipsoid(frames, "neck", B.HEAD_CENTRE, B.HEAD_RADII)


def hand_part(frames: Frames, side: str) -> Ellipsoid:
    return ellipsoid(frames, "hand_" + side, B.HAND_CENTRE, B.HAND_RADII)


def limb_balls(frames: Frames, side: str) -> dict[str, tuple[Ball, Ball]]:
    """Tapered limb segments as the balls at their two ends."""
    j = {n: frames[n + "_" + side][1] for n in ("arm", "forearm", "hand", "thigh", "shank", "foot")}
    return {
        "upper arm": (Ball(j["arm"], B.R_SHOULDER), Ball(j["forearm"], B.R_ELBOW)),
        "forearm": (Ball(j["forearm"], B.R_ELBOW), Ball(j["hand"], B.R_WRIST)),
        "thigh": (Ball(j["thigh"], B.R_THIGH_TOP), Ball(j["shank"], B.R_KNEE)),
        "shank": (Ball(j["shank"], B.R_KNEE), Ball(j["foot"], B.R_ANKLE)),
    }


def calf(frames: Frames, side: str) -> Ball:
    return Ball(lerp(frames["shank_" + side][1], frames["foot_" + side][1], 0.3), B.R_CALF)


def foot_balls(frames: Frames, side: str) -> list[Ball]:
    return [Ball(point(frames, "foot_" + side, c), r) for c, r in B.FOOT_BALLS]


def all_parts(frames: Frames) -> list[Ball | Ellipsoid]:
    """Everything solid, for "nothing below the floor" checks."""
    parts: list[Ball | Ellipsoid] = [*torso_parts(frames), head_part(frames)]
    for side in B.SIDES:
        for a, b in limb_balls(frames, side).values():
            parts += [a, b]
        parts += [calf(frames, side), hand_part(frames, side), *foot_balls(frames, side)]
    return parts
