"""Checking a figure: the names and ranges in its data, then the placed poses themselves.

Why: "an impossible pose is an error". Names and joint ranges are checked first (cheap, and the
rest cannot run without them); then both poses are placed and checked as a body in the world:
every contact reached, every angle the solver chose within range, nothing below the floor,
through the chair or behind the wall.
"""

from __future__ import annotations

from . import body as B
from . import kinematics as K
from . import props as PR
from .compose import solved
from .solve import EAST, UP, Solved, plane, reach
from .spec import FigureSpec, Problem, range_problems, static_problems

TOL = 0.004  # of standing height: about 0.3 pt at print size


def named_parts(fr: K.Frames) -> list[tuple[str, K.Ball | K.Ellipsoid]]:
    """Every solid part of the body with a name for messages."""
    torso = K.torso_parts(fr)
    out: list[tuple[str, K.Ball | K.Ellipsoid]] = [
        ("buttocks", torso[0]), ("hips", torso[1]), ("lower back", torso[2]),
        ("chest", torso[3]), ("upper back", torso[4]), ("shoulders", torso[5]), ("head", K.head_part(fr)),
    ]
    for side in B.SIDES:
        limbs = K.limb_balls(fr, side)
        out += [(f"{side} shoulder", limbs["upper arm"][0]), (f"{side} elbow", limbs["upper arm"][1]),
                (f"{side} wrist", limbs["forearm"][1]), (f"{side} hand", K.hand_part(fr, side)),
                (f"{side} thigh", limbs["thigh"][0]), (f"{side} knee", limbs["thigh"][1]),
                (f"{side} calf", K.calf(fr, side)), (f"{side} ankle", limbs["shank"][1])]
        feet = K.foot_balls(fr, side)
        out += [(f"{side} heel", feet[1]), (f"{side} foot", feet[2]), (f"{side} toes", feet[3])]
    return out


def _samples(part: K.Ball | K.Ellipsoid) -> list[K.Vec]:
    dirs = [(x, y, z) for x in (-1, 0, 1) for y in (-1, 0, 1) for z in (-1, 0, 1) if (x, y, z) != (0, 0, 0)]
    if isinstance(part, K.Ball):
        return [K.add(part.centre, K.scale(K.unit(d), part.radius)) for d in dirs] + [part.centre]
    return [K.add(part.centre, K.app(part.axes, K.unit(d))) for d in dirs] + [part.centre]


def _inside(p: K.Vec, box: PR.Box, margin: float) -> bool:
    lo, hi = box
    return all(lo[i] + margin < p[i] < hi[i] - margin for i in range(3))


def pose_problems(spec: FigureSpec, field: str, pose: Solved, poses: list[Solved]) -> list[Problem]:
    out: list[Problem] = []
    for part, message in pose.problems:
        out.append(Problem(field, part, message))
    fitted = dict(pose.pose.items())
    for p in range_problems(fitted, {}, field):
        out.append(Problem(field, p.joint, p.message + " (set by the solver to reach a support)"))
    for c in pose.contacts:
        if c.support in ("body", "chair"):
            continue
        normal, offset = plane(c.support, spec.props)
        h, _ = reach(pose.frames, c, normal)
        if abs(h - offset) > TOL:
            who = f"{c.side} {c.part}".strip()
            out.append(Problem(field, c.part, f"the {who} is {abs(h - offset):.3f} of height off the {c.support}"))
    parts = named_parts(pose.frames)
    through: dict[str, list[str]] = {}  # what is gone through -> the parts that do, in body order
    for name, solid in parts:
        if K.lowest(solid, UP) < pose.floor - TOL:
            through.setdefault("below the floor", []).append(name)
        if "wall" in spec.props and K.lowest(solid, EAST) < -TOL:
            through.setdefault("through the wall", []).append(name)
    if "chair" in spec.props:
        boxes = PR.chair_boxes(poses)
        held = {f"{c.side} hand" for c in pose.contacts if c.support == "chair" and c.part == "hand"}
        for name, solid in parts:
            if name in held:
                continue  # a hand holding the backrest wraps round it
            for box_name, box in boxes.items():
                if any(_inside(p, box, TOL) for p in _samples(solid)):
                    through.setdefault(f"through the chair's {box_name}", []).append(name)
                    break
    for where, names in through.items():  # one problem per obstacle, naming the first few parts
        one = len(names) == 1 and not names[0].endswith(("buttocks", "hips", "shoulders", "toes"))
        out.append(Problem(field, names[0], f"the {_listed(names)} {'goes' if one else 'go'} {where}"))
    return out


def _listed(names: list[str], most: int = 3) -> str:
    """'head', 'head and chest', 'head, chest, hips and 4 more parts'."""
    if len(names) == 1:
        return names[0]
    if len(names) <= most:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return ", ".join(names[:most]) + f" and {len(names) - most} more parts"


def check(spec: FigureSpec) -> list[Problem]:
    """Everything wrong with a figure, each naming its field and the joint, part or prop."""
    problems = static_problems(spec)
    if problems:
        return problems
    start, end = solved(spec)
    seen: set[Problem] = set()
    out: list[Problem] = []
    for field, pose in (("start", start), ("end", end)):
        for p in pose_problems(spec, field, pose, [start, end]):
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out
