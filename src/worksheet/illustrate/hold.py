"""Reaching for a held body part: hands under a knee, behind the head or on the other shoulder,
an ankle on the other knee, a hand on the chair.

Why: "hold your knee" is data about the other end of an arm, not about its joint angles, and
nobody should have to work out the shoulder and elbow angles that put a hand on a knee. A small
damped least-squares search over the limb's joints, started from the angles written in the
spec, finds the nearest pose that does it; an arm out to the side keeps its abduction and an arm
in front keeps its horizontal angle, so the elbow stays where the spec put it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from . import body as B
from . import kinematics as K
from . import postures as P
from .spec import Contact

TOL = 2e-4


def limits(dof: B.Dof) -> tuple[float, float]:
    j = B.JOINTS[dof[1]]
    m = next(m for m in j.motions if m.name == dof[2])
    return m.low, m.high



def target_point(fr: K.Frames, part: str, side: str, hand_side: str, limb: str) -> K.Vec:
    s = 1.0 if hand_side == "right" else -1.0
    if part == "head":
        return K.point(fr, "neck", (B.HEAD_CENTRE[0] - 0.9 * B.HEAD_RADII[0], B.HEAD_CENTRE[1] + 0.01, s * 0.03))
    if part in P.TORSO_PARTS:
        i = P.TORSO_PARTS[part][-1]
        seg, c, radii = B.TORSO[i]
        return K.point(fr, seg, (c[0] + radii[0], c[1], c[2] + s * 0.4 * radii[2]))
    ts = side or hand_side
    if part in ("knee", "thigh"):
        rt, _ = fr["thigh_" + ts]
        if limb == "leg":  # an ankle resting on the top of the other knee
            return K.add(fr["shank_" + ts][1], K.app(rt, (B.R_KNEE + B.R_ANKLE * 0.8, 0.02, 0.0)))
        if part == "knee":  # hands holding the back of the thigh just above the knee
            r = B.R_KNEE * 1.1
            return K.point(fr, "thigh_" + ts, (-0.5 * r, -B.THIGH * 0.86, s * 0.9 * r))
        r = B.R_THIGH_TOP * 0.8
        return K.point(fr, "thigh_" + ts, (r + B.HAND_RADII[2], -B.THIGH * 0.62, s * 0.2 * r))
    if part == "shin":
        return K.point(fr, "shank_" + ts, (B.R_KNEE, -B.SHANK * 0.3, 0.0))
    if part == "shoulder":  # arms crossed: a hand on the front of the other shoulder
        return K.point(fr, "arm_" + ts, (B.R_SHOULDER + B.HAND_RADII[2], -0.04, 0.0))
    return fr["hand_" + ts][1]


_ARM = (("shoulder", "flexion"), ("shoulder", "abduction"), ("shoulder", "horizontal adduction"), ("elbow", "flexion"))
_LEG = (("hip", "flexion"), ("hip", "abduction"), ("hip", "external rotation"), ("knee", "flexion"))


def hold(pose: dict[B.Dof, float], fr: K.Frames, c: Contact, point: K.Vec | None) -> float:
    """Bend the limb of contact ``c`` so that its hand (or ankle) reaches what it holds; the
    distance it still misses by, as a fraction of standing height. An arm first keeps its
    abduction (out to the side) or its horizontal angle (in front), so the elbow stays where the
    spec put it; only where that cannot reach does it use all its joints."""
    limb = "arm" if c.part in ("hand", "elbow") else "leg"
    side = c.side
    target = point if point is not None else target_point(fr, c.target[0], c.target[1], side, limb)
    if limb == "leg":
        return _reach(pose, [(side, j, m) for j, m in _LEG], _leg(fr, side), target)
    out = pose.get((side, "shoulder", "abduction"), 0.0) > 45
    kept = "abduction" if out else "horizontal adduction"
    before = dict(pose)
    missed = _reach(pose, [(side, j, m) for j, m in _ARM if m != kept], _arm(pose, fr, side, c.part), target)
    if missed > HOLD_TOL:
        tried = dict(pose)
        pose.update(before)
        again = _reach(pose, [(side, j, m) for j, m in _ARM], _arm(pose, fr, side, c.part), target)
        if again >= missed:
            pose.update(tried)
            return missed
        return again
    return missed


HOLD_TOL = 0.008  # of standing height: about half a point at print size


def _reach(pose: dict[B.Dof, float], dofs: list[B.Dof], effector: Callable[[dict[B.Dof, float]], K.Vec],
           target: K.Vec) -> float:
    def at(q: list[float]) -> K.Vec:
        return effector({**pose, **dict(zip(dofs, q, strict=True))})

    bounds = [limits(d) for d in dofs]
    q0 = [pose.get(d, 0.0) for d in dofs]
    q = _least_squares(at, target, q0, bounds)
    missed = K.norm(K.sub(at(q), target))
    if missed > HOLD_TOL:  # stuck against a limit: start again from across the joints' ranges
        for f in itertools.product((0.3, 0.7), repeat=len(dofs)):
            tried = _least_squares(at, target, [lo + (hi - lo) * k for (lo, hi), k in zip(bounds, f, strict=True)], bounds)
            miss = K.norm(K.sub(at(tried), target))
            if miss < missed - 1e-9:
                q, missed = tried, miss
            if missed <= HOLD_TOL:
                break
    pose.update(zip(dofs, q, strict=True))
    return missed


def _arm(pose: dict[B.Dof, float], fr: K.Frames, side: str, part: str) -> Callable[[dict[B.Dof, float]], K.Vec]:
    s = 1.0 if side == "right" else -1.0
    rp, _ = fr["clavicle_" + side]
    origin = fr["arm_" + side][1]
    rot = pose.get((side, "shoulder", "external rotation"), 0.0)

    def effector(p: dict[B.Dof, float]) -> K.Vec:
        g = lambda j, m: p.get((side, j, m), 0.0)  # noqa: E731
        ra = K.mul(rp, K.arm_local(s, g("shoulder", "flexion"), g("shoulder", "abduction"),
                                   g("shoulder", "horizontal adduction"), rot))
        elbow = K.add(origin, K.app(ra, (0.0, -B.UPPER_ARM, 0.0)))
        rf = K.mul(ra, K.rz(g("elbow", "flexion")))
        wrist = K.add(elbow, K.app(rf, (0.0, -B.FOREARM, 0.0)))
        return K.add(wrist, K.app(rf, B.HAND_CENTRE)) if part == "hand" else elbow

    return effector


def _leg(fr: K.Frames, side: str) -> Callable[[dict[B.Dof, float]], K.Vec]:
    s = 1.0 if side == "right" else -1.0
    rp, _ = fr["pelvis"]
    origin = fr["thigh_" + side][1]

    def effector(p: dict[B.Dof, float]) -> K.Vec:
        g = lambda j, m: p.get((side, j, m), 0.0)  # noqa: E731
        rt = K.mul(rp, K.thigh_local(s, g("hip", "flexion"), g("hip", "abduction"), g("hip", "external rotation")))
        knee = K.add(origin, K.app(rt, (0.0, -B.THIGH, 0.0)))
        return K.add(knee, K.app(K.mul(rt, K.rz(-g("knee", "flexion"))), (0.0, -B.SHANK, 0.0)))

    return effector


def _least_squares(effector: Callable[[list[float]], K.Vec], target: K.Vec, q0: list[float],
                   limits: list[tuple[float, float]]) -> list[float]:
    """Damped Gauss-Newton: the joint values nearest q0 that bring the effector to the target."""
    q = list(q0)
    n = len(q)
    for _ in range(40):
        e = K.sub(effector(q), target)
        if K.norm(e) < TOL / 4:
            break
        cols = []
        for i in range(n):
            qi = list(q)
            qi[i] += 0.5
            cols.append(K.scale(K.sub(effector(qi), effector(q)), 2.0))
        jtj = [[K.dot(cols[i], cols[k]) for k in range(n)] for i in range(n)]
        jte = [K.dot(cols[i], e) for i in range(n)]
        damp = 1e-3 * max(jtj[i][i] for i in range(n)) + 1e-9
        for i in range(n):
            jtj[i][i] += damp
        step = _linsolve(jtj, [-v for v in jte])
        big = max(abs(v) for v in step)
        if big > 15:
            step = [v * 15 / big for v in step]
        q = [min(max(q[i] + step[i], limits[i][0]), limits[i][1]) for i in range(n)]
    return q


def _linsolve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [[*row[:], b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        if abs(m[col][col]) < 1e-18:
            continue
        for r in range(n):
            if r != col:
                k = m[r][col] / m[col][col]
                for cc in range(col, n + 1):
                    m[r][cc] -= k * m[col][cc]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-18 else 0.0 for i in range(n)]
