"""Placing a posed body in the world so that what should touch the floor, the seat or the wall does.

Why: joint angles alone do not say where the body is. A clinician writes "hips 90, knees 90" and
expects the hands and knees on the floor; writing exact angles that make four points land on one
line by hand is not reasonable. The solver does the small amount of mechanics needed:

1. turn the body as its base says (the anchor segment keeps the base's turn);
2. unless the base is upright, tip it in the side plane until its first two contacts are level
   with their supports (a body resting on two points), then lower it onto them;
3. let one joint give for every further contact (the knee for a foot on the floor, the hip for a
   knee, the shoulder for a hand...), found by a one-dimensional root search within the joint's
   range;
4. lay feet and hands flat on what they rest on;
5. reach for held body parts (hands under a knee, an ankle on the other knee): see ``hold``.

Everything is deterministic (fixed iteration counts and starting points).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from math import asin, atan2, cos, degrees, hypot, pi, sin

from . import body as B
from . import kinematics as K
from . import postures as P
from .hold import HOLD_TOL, hold, limits
from .spec import Contact

TOL = 2e-4  # of standing height: 0.02 pt on a figure 100 pt tall
UP: K.Vec = (0.0, 1.0, 0.0)
EAST: K.Vec = (1.0, 0.0, 0.0)
SIDE_LYING: K.Mat = K.from_axes((0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0))


@dataclass
class Solved:
    frames: K.Frames
    pose: dict[B.Dof, float]
    fixed: dict[str, K.Mat]
    contacts: list[Contact]
    problems: list[tuple[str, str]] = field(default_factory=list)  # (part or joint, message)
    floor: float = 0.0


def floor_level(props: tuple[str, ...]) -> float:
    return P.MAT_T if "mat" in props else 0.0


def plane(support: str, props: tuple[str, ...]) -> tuple[K.Vec, float]:
    """The support's surface: the direction it faces and its offset along that direction."""
    f = floor_level(props)
    heights = {"floor": f, "mat": f, "seat": P.CHAIR["seat"], "towel": f + P.TOWEL_H,
               "roller": f + 2 * P.ROLLER_R, "pillow": f + P.PILLOW[1]}
    if support in heights:
        return UP, heights[support]
    if support == "ball":
        return EAST, 2 * P.BALL_R
    return EAST, 0.0  # wall


def parts_for(frames: K.Frames, part: str, side: str) -> list[K.Ball | K.Ellipsoid]:
    if part == "head":
        return [K.head_part(frames)]
    if part in P.TORSO_PARTS:
        torso = K.torso_parts(frames)
        out: list[K.Ball | K.Ellipsoid] = [torso[i] for i in P.TORSO_PARTS[part]]
        if part == "buttocks":  # the hip bones stick out when lying on a side
            out += [K.Ball(frames["thigh_" + s][1], B.R_THIGH_TOP) for s in B.SIDES]
        elif part == "upper back":
            out += [K.Ball(frames["arm_" + s][1], B.R_SHOULDER) for s in B.SIDES]
        return out
    j = {n: frames[n + "_" + side][1] for n in ("forearm", "hand", "thigh", "shank", "foot")}
    if part == "thigh":
        return [K.Ball(K.lerp(j["thigh"], j["shank"], 0.68), B.R_THIGH_TOP + (B.R_KNEE - B.R_THIGH_TOP) * 0.68)]
    if part == "knee":
        return [K.Ball(j["shank"], B.R_KNEE)]
    if part == "shin":
        return [K.Ball(j["foot"], B.R_ANKLE)]
    if part == "foot":
        return [K.Ball(j["foot"], B.ANKLE_H)]  # the ankle sits this high above a flat sole
    if part == "heel":
        return [K.foot_balls(frames, side)[1]]
    if part == "toes":
        return [K.foot_balls(frames, side)[-1]]
    if part == "hand":
        return [K.Ball(j["hand"], B.R_WRIST)]
    if part == "shoulder":
        return [K.Ball(frames["arm_" + side][1], B.R_SHOULDER)]
    return [K.Ball(j["forearm"], B.R_ELBOW)]  # elbow


def reach(frames: K.Frames, c: Contact, normal: K.Vec) -> tuple[float, K.Vec]:
    """How far the part reaches toward a support facing ``normal``, and the point that does."""
    best = min(parts_for(frames, c.part, c.side), key=lambda p: K.lowest(p, normal))
    return K.lowest(best, normal), K.lowest_point(best, normal)


def _fit_dofs(c: Contact, contacts: list[Contact], pose: Mapping[B.Dof, float]) -> list[B.Dof]:
    """The joints that may give, in order, for a part to reach its support."""
    joints = list(P.FIT.get(c.part, ()))
    has = {(o.part, o.side) for o in contacts}
    if c.part == "toes" and ("knee", c.side) in has:
        joints = ["knee"]  # kneeling or lying face down: the shin lifts until the toes touch
    out: list[B.Dof] = []
    if c.part == "hand":
        abducted = pose.get((c.side, "shoulder", "abduction"), 0.0) > 45
        bent = pose.get((c.side, "elbow", "flexion"), 0.0) > 45
        if ("elbow", c.side) in has:  # forearm flat: the elbow down already
            if abducted and bent:
                return [(c.side, "shoulder", "external rotation")]
            return [(c.side, "elbow", "flexion")]
        if abducted:  # an arm out to the side lowers by moving back
            out.append((c.side, "shoulder", "horizontal adduction"))
    if c.part == "elbow" and pose.get((c.side, "shoulder", "abduction"), 0.0) > 45:
        return [(c.side, "shoulder", "horizontal adduction")]
    for joint in joints:
        motion = B.JOINTS[joint].motions[0].name
        out.append((c.side if B.JOINTS[joint].sided else "", joint, motion))
    return out


def _root1d(f: Callable[[float], float], x0: float, lo: float, hi: float) -> tuple[float, float]:
    """A zero of f near x0 within [lo, hi] (secant, then a scan and bisection); (x, f(x))."""
    x0 = min(max(x0, lo), hi)
    f0 = f(x0)
    if abs(f0) < TOL / 4:
        return x0, f0
    x1 = min(max(x0 + (4.0 if x0 + 4.0 <= hi else -4.0), lo), hi)
    f1 = f(x1)
    for _ in range(12):
        if abs(f1) < TOL / 4:
            return x1, f1
        if f1 == f0:
            break
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0)
        if not lo - 1e-9 <= x2 <= hi + 1e-9 or abs(x2 - x1) > 60:
            break
        x0, f0, x1, f1 = x1, f1, x2, f(x2)
    # Scan outward from the start for a sign change, then bisect.
    start = min(max(x0, lo), hi)
    fs = f(start)
    best = (abs(fs), start, fs)
    for step in range(1, 60):
        for x in (start + 3 * step, start - 3 * step):
            if not lo <= x <= hi:
                continue
            fx = f(x)
            best = min(best, (abs(fx), x, fx))
            if (fx < 0) != (fs < 0):
                a, fa, b = start, fs, x
                for _ in range(40):
                    m = (a + b) / 2
                    fm = f(m)
                    if (fm < 0) == (fa < 0):
                        a, fa = m, fm
                    else:
                        b = m
                return (a + b) / 2, f((a + b) / 2)
    for x in (lo, hi):
        fx = f(x)
        best = min(best, (abs(fx), x, fx))
    return best[1], best[2]


def _orientation(base: P.Base, pose: Mapping[B.Dof, float], local: Mapping[str, K.Mat]) -> K.Mat:
    turn = SIDE_LYING if base.side_lying else K.rz(base.turn)
    if base.anchor != "pelvis":
        f0 = K.forward(pose, K.IDENTITY, (0.0, 0.0, 0.0), local=local)
        turn = K.mul(turn, K.transpose(f0[base.anchor][0]))
    if base.upright:
        turn = K.mul(K.rz(-pose.get(("", "lean", "forward"), 0.0)), turn)
    return turn


class _Placer:
    """The body for one pose: its angles, and where it is (turn, tip and shift)."""

    def __init__(self, base: P.Base, pose: dict[B.Dof, float], flat: list[Contact], props: tuple[str, ...]):
        self.base, self.pose, self.flat, self.props = base, pose, flat, props
        self.local = K.local_rotations(pose)
        self.g = K.IDENTITY
        self.theta = 0.0
        self.shift: K.Vec = (0.0, 0.0, 0.0)
        self.placed: list[Contact] = []

    def set(self, dof: B.Dof, value: float) -> None:
        self.pose[dof] = value
        K.update_local(self.local, self.pose, dof)

    def refresh(self) -> None:
        self.local = K.local_rotations(self.pose)

    def frames(self, fixed: Mapping[str, K.Mat] | None = None) -> K.Frames:
        return K.forward(self.pose, K.mul(K.rz(self.theta), self.g), self.shift, fixed=fixed, local=self.local)

    def _height_after(self, d: float, about: K.Vec) -> float:
        """How high the trunk would be above the point ``about`` after tipping by d radians."""
        fr = self.frames()
        c, sn = cos(d), sin(d)
        total = 0.0
        for seg in ("pelvis", "thorax_low", "neck"):
            x, y = fr[seg][1][0] - about[0], fr[seg][1][1] - about[1]
            total += x * sn + y * c
        return total

    def place(self) -> None:
        """Turn the body, tip it onto its first two contacts and lower it onto the first."""
        self.g = _orientation(self.base, self.pose, self.local)
        self.theta, self.shift, self.placed = 0.0, (0.0, 0.0, 0.0), []
        if not self.flat:
            return
        first = self.flat[0]
        self.placed.append(first)
        fr = self.frames()
        _, p1 = reach(fr, first, UP)
        second = None
        if not self.base.upright:
            for c in self.flat[1:]:
                _, p2 = reach(fr, c, UP)
                if hypot(p2[0] - p1[0], p2[1] - p1[1]) > 0.08:
                    second = c
                    break
        if second is not None:
            self.placed.append(second)
            t1, t2 = plane(first.support, self.props)[1], plane(second.support, self.props)[1]
            for step in range(8):
                fr = self.frames()
                _, p1 = reach(fr, first, UP)
                _, p2 = reach(fr, second, UP)
                vx, vy = p2[0] - p1[0], p2[1] - p1[1]
                s = max(-1.0, min(1.0, (t2 - t1) / hypot(vx, vy)))
                phi = atan2(vy, vx)
                options = [(d + pi) % (2 * pi) - pi for d in (asin(s) - phi, pi - asin(s) - phi)]
                if step == 0:  # the smaller of the two tips that level the contacts, unless it
                    # would turn the body upside down under them
                    above = [d for d in options if self._height_after(d, p1) > 0]
                    d = min(above, key=abs) if above else max(options, key=lambda d: self._height_after(d, p1))
                else:
                    d = min(options, key=abs)
                self.theta += degrees(d)
                if abs(d) < 1e-9:
                    break
        h1, p1 = reach(self.frames(), first, UP)
        self.shift = (-p1[0], plane(first.support, self.props)[1] - h1, 0.0)


def solve(base: P.Base, angles: Mapping[B.Dof, float], contacts: list[Contact], props: tuple[str, ...],
          grips: Mapping[str, K.Vec] | None = None) -> Solved:
    pose = dict(angles)
    flat = [c for c in contacts if c.support in P.HORIZONTAL and c.support != "chair"]
    upright = [c for c in contacts if c.support in P.UPRIGHT]
    problems: list[tuple[str, str]] = []
    body = _Placer(base, pose, flat, props)
    body.place()

    # Further contacts: one joint gives for each. A joint of the spine moves the two contacts the
    # body rests on, so for those the body is placed again at every try (and they go first).
    fits = [(c, _fit_dofs(c, contacts, pose)) for c in flat if c not in body.placed]
    fits.sort(key=lambda cd: 0 if cd[1] and cd[1][0][1] in ("lower back", "upper back") else 1)
    for c, dofs in fits:
        target = plane(c.support, props)[1]
        for dof in dofs:
            again = dof[1] in ("lower back", "upper back")
            lo, hi = limits(dof)
            was = pose.get(dof, 0.0)

            def miss(x: float, dof: B.Dof = dof, c: Contact = c, target: float = target, again: bool = again) -> float:
                body.set(dof, x)
                if again:
                    body.place()
                return reach(body.frames(), c, UP)[0] - target

            x, err = _root1d(miss, was, lo, hi)
            if abs(err) <= TOL:
                miss(x)
                break
            miss(was)  # this joint cannot do it: leave it and let the next one try
    fr = body.frames()

    if upright:
        c = upright[0]
        normal, offset = plane(c.support, props)
        h, _ = reach(fr, c, normal)
        body.shift = (body.shift[0] + offset - h, body.shift[1], body.shift[2])
        fr = body.frames()

    fixed = lay_flat(fr, flat, pose)
    fr = body.frames(fixed)
    for c in contacts:
        if c.support in ("body", "chair"):
            point = grips.get(c.side) if (c.support == "chair" and grips) else None
            if c.support == "chair" and point is None:
                continue
            missed = hold(pose, fr, c, point)
            if missed > HOLD_TOL:  # (hold's own tolerance: about half a point at print size)
                what = "the chair" if c.support == "chair" else f"the {' '.join(w for w in c.target[::-1] if w)}"
                problems.append((c.part, f"the {_name(c)} cannot reach {what} (misses by {missed:.3f} of height)"))
            body.refresh()
            fr = body.frames(fixed)

    for c in flat + upright:
        normal, offset = plane(c.support, props)
        h, _ = reach(fr, c, normal)
        if abs(h - offset) > 10 * TOL:
            gap = abs(h - offset)
            problems.append((c.part, f"the {_name(c)} cannot reach the {c.support} (misses by {gap:.3f} of height)"))
    return Solved(fr, pose, fixed, contacts, problems, floor_level(props))


def _name(c: Contact) -> str:
    return f"{c.side} {c.part}".strip()


def lay_flat(fr: K.Frames, flat: list[Contact], pose: dict[B.Dof, float]) -> dict[str, K.Mat]:
    """Feet and hands resting on a horizontal support lie flat on it (the ankle angle this needs
    is written back into the pose, so that it is range-checked like the others)."""
    fixed: dict[str, K.Mat] = {}
    for c in flat:
        if c.part == "foot":
            rs, _ = fr["shank_" + c.side]
            rf, _ = fr["foot_" + c.side]
            fx = K.column(rf, 0)
            if hypot(fx[0], fx[2]) < 1e-6:  # pointing straight down: lay it along the shin's front
                fx = K.column(rs, 0)
            x = K.unit((fx[0], 0.0, fx[2]))
            z = K.cross(x, UP)
            fixed["foot_" + c.side] = K.from_axes(x, UP, z)
            ankle = degrees(atan2(K.dot(x, K.column(rs, 1)), K.dot(x, K.column(rs, 0))))
            pose[(c.side, "ankle", "dorsiflexion")] = ankle
        elif c.part == "hand":
            rf, _ = fr["forearm_" + c.side]
            along = K.scale(K.column(rf, 1), -1.0)
            fingers = (along[0], 0.0, along[2])
            if hypot(fingers[0], fingers[2]) < 0.35:
                head = K.column(fr["thorax_up"][0], 1)
                fingers = (head[0], 0.0, head[2]) if hypot(head[0], head[2]) > 0.2 else (1.0, 0.0, 0.0)
            f = K.unit(fingers)
            s = 1.0 if c.side == "right" else -1.0
            y = K.scale(f, -1.0)
            z = K.scale(UP, s)
            fixed["hand_" + c.side] = K.from_axes(K.cross(y, z), y, z)
    return fixed
