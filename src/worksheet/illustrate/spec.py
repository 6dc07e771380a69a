"""What a clinician writes for one exercise picture, and the checks that catch a wrong one.

Why: a picture is data (a base posture, props, and joint changes for the start and the end), so
it can be written by hand in YAML next to the exercise and checked like the rest of a worksheet.
``check`` names the field and the joint or part each problem is about, so the caller can point at
the right line of the file. ``from_mapping`` builds a spec from what ``yaml.safe_load`` gives.

Example (a bridge)::

    base: back-lying-knees-bent
    props: [mat]
    end: {hip: -45}
    end_contacts: {buttocks: lifted}

Joint keys are ``[left|right|other] joint [motion]`` (see ``body``); a key without a side means
both sides, or the ``side`` that moves when one is given. Contacts map a body part (``feet``,
``right knee``, ``buttocks``, ``hands``...) to what it rests on: a prop, another body part
(``hands: right knee`` to hold a knee), or ``lifted``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from . import body as B
from . import postures as P

VIEWS = ("side", "front", "top")
FIELDS = ("base", "view", "props", "start", "end", "side", "contacts", "end_contacts", "arrow", "tilt", "turn")


class Problem(NamedTuple):
    field: str  # "start", "end", "base", "props", ...
    joint: str  # the joint, part or prop as written ("" when the field itself is wrong)
    message: str


@dataclass(frozen=True)
class FigureSpec:
    base: str
    view: str = "side"
    props: tuple[str, ...] = ()
    start: tuple[tuple[str, float], ...] = ()  # (joint, degrees) changes over the base
    end: tuple[tuple[str, float], ...] = ()
    side: str = ""  # "left" or "right": the side that moves; "" for both
    contacts: tuple[tuple[str, str], ...] = ()  # (part, support) for both poses, over the base's
    end_contacts: tuple[tuple[str, str], ...] = ()  # for the end pose, over those
    arrow: str = ""  # the parts whose paths arrows follow; "" = what moves most; "twist"; "none"
    tilt: float = 0.0  # degrees: a side or front view seen from a little above; a top view
    turn: float = 0.0  # from a little in front; turn: the camera walks round toward the front


# ---------------------------------------------------------------------------------------------
# From plain values


def _pairs(value: Any, what: str, number: bool) -> tuple[tuple[str, Any], ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, (list, tuple)) and all(isinstance(v, (list, tuple)) and len(v) == 2 for v in value):
        items = [tuple(v) for v in value]
    else:
        raise ValueError(f"'{what}' must be a mapping such as {{knee: 90}}")
    out: list[tuple[str, Any]] = []
    for k, v in items:
        if number:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"'{what}': '{k}' must be a number of degrees, not {v!r}")
            out.append((str(k), float(v)))
        else:
            out.append((str(k), str(v)))
    return tuple(out)


def from_mapping(data: Mapping[str, Any]) -> FigureSpec:
    """A FigureSpec from plain Python values; ValueError if a value has the wrong type."""
    if not isinstance(data, Mapping):
        raise ValueError("a figure must be a mapping with at least 'base'")
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        raise ValueError(f"unknown figure field '{unknown[0]}'; fields are " + ", ".join(FIELDS))
    if "base" not in data:
        raise ValueError("a figure needs a 'base' posture")
    props = data.get("props") or ()
    if isinstance(props, str):
        props = (props,)
    if not isinstance(props, (list, tuple)):
        raise ValueError("'props' must be a list such as [mat, pillow]")
    return FigureSpec(
        base=str(data["base"]),
        view=str(data.get("view", "side")),
        props=tuple(str(p) for p in props),
        start=_pairs(data.get("start"), "start", True),
        end=_pairs(data.get("end"), "end", True),
        side=str(data.get("side") or ""),
        contacts=_pairs(data.get("contacts"), "contacts", False),
        end_contacts=_pairs(data.get("end_contacts"), "end_contacts", False),
        arrow=str(data.get("arrow") or ""),
        tilt=_number(data.get("tilt", 0.0), "tilt"),
        turn=_number(data.get("turn", 0.0), "turn"),
    )


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"'{what}' must be a number of degrees, not {value!r}")
    return float(value)


# ---------------------------------------------------------------------------------------------
# Parts and contacts


class PartKey(NamedTuple):
    part: str  # canonical: "foot", "upper back", ...
    sides: tuple[str, ...]  # ("left",), ("left", "right") or ("",)


def parse_part(text: str, moving: str) -> PartKey | str:
    words = " ".join(str(text).lower().replace("_", " ").replace("-", " ").split())
    side = ""
    for s in ("left", "right", "other", "both"):
        if words.startswith(s + " "):
            side, words = s, words[len(s) + 1:]
    if side == "both":
        part = P.PART_ALIASES.get(words, words) if words != "shoulder" else words
        if part in P.SIDED_PARTS:
            return PartKey(part, B.SIDES)
        return f"'{text}': the {part} has no left or right"
    plural = words in P.PART_ALIASES and P.PART_ALIASES[words] in P.SIDED_PARTS and words != "toe"
    part = P.PART_ALIASES.get(words, words)
    if part not in P.PARTS:
        return f"'{text}' is not a body part; parts are " + ", ".join(P.PARTS)
    if part not in P.SIDED_PARTS:
        if side:
            return f"'{text}': the {part} has no left or right"
        return PartKey(part, ("",))
    if side == "other":
        if not moving:
            return f"'{text}': 'other' needs the figure's 'side'"
        side = "left" if moving == "right" else "right"
    if side:
        return PartKey(part, (side,))
    if plural or part == "toes" or not moving:
        return PartKey(part, B.SIDES)
    return PartKey(part, (moving,))


class Contact(NamedTuple):
    part: str
    side: str
    support: str  # a prop id, "body" for another body part, or "lifted"
    target: tuple[str, str] = ("", "")  # the body part held or rested on: (part, side)


def _support(value: str, side: str, moving: str, props: tuple[str, ...]) -> tuple[str, tuple[str, str]] | str:
    v = " ".join(value.lower().split())
    if v == P.LIFTED:
        return P.LIFTED, ("", "")
    if v in ("floor", "mat"):
        return ("mat" if "mat" in props else "floor"), ("", "")
    if v in ("seat", "chair", "backrest"):
        return ("chair" if v == "chair" else v), ("", "")
    if v in P.PROPS:
        return v, ("", "")
    target = parse_part(v, moving)
    if isinstance(target, str):
        return f"'{value}' is neither a prop ({', '.join(P.PROPS)}), a body part nor 'lifted'"
    t_side = target.sides[0] if len(target.sides) == 1 else side
    return "body", (target.part, t_side)


def resolve_contacts(spec: FigureSpec, pose: str) -> tuple[list[Contact], list[Problem]]:
    """The contacts of the start or the end pose, in order: base, then spec, then end."""
    base = P.BASES[spec.base]
    layers: list[tuple[str, tuple[tuple[str, str], ...]]] = [("base", base.contacts), ("contacts", spec.contacts)]
    if pose == "end":
        layers.append(("end_contacts", spec.end_contacts))
    found: dict[tuple[str, str], Contact] = {}
    problems: list[Problem] = []
    for field, pairs in layers:
        moving = spec.side if field != "base" else ""
        for text, value in pairs:
            key = parse_part(text, moving)
            if isinstance(key, str):
                problems.append(Problem(field, text, key))
                continue
            parts = ("elbow", "hand") if key.part == "forearm" else (key.part,)
            for side in key.sides:
                sup = _support(value, side, moving, spec.props)
                if isinstance(sup, str):
                    problems.append(Problem(field, text, sup))
                    continue
                for part in parts:
                    found[(part, side)] = Contact(part, side, sup[0], sup[1])
    return [c for c in found.values() if c.support != P.LIFTED], problems


# ---------------------------------------------------------------------------------------------
# Poses and checks


def pose_changes(spec: FigureSpec, pose: str) -> tuple[dict[B.Dof, float], dict[B.Dof, str], list[Problem]]:
    """Absolute angles (base + changes) of the start or end pose, which key set each degree of
    freedom (for messages), and the problems found reading the keys."""
    base = P.BASES[spec.base]
    angles: dict[B.Dof, float] = {}
    written: dict[B.Dof, str] = {}
    problems: list[Problem] = []
    layers = [("base", base.angles, ""), (pose, spec.start if pose == "start" else spec.end, spec.side)]
    for field, pairs, moving in layers:
        for text, degrees in pairs:
            key = B.parse_key(text)
            if isinstance(key, str):
                problems.append(Problem(field, text, key))
                continue
            if key.side == "other" and not moving:
                problems.append(Problem(field, text, f"'{text}': 'other' needs the figure's 'side'"))
                continue
            for dof, value in B.expand(key, degrees, moving):
                angles[dof] = angles.get(dof, 0.0) + value
                if field != "base":
                    written[dof] = text
    return angles, written, problems


def range_problems(angles: Mapping[B.Dof, float], written: Mapping[B.Dof, str], field: str,
                   base: Mapping[B.Dof, float] | None = None) -> list[Problem]:
    """Every degree of freedom, and the whole trunk, within its joint's range. A problem is named
    the way its key was written ("knee", "right hip abduction"); a bare "trunk" is checked as
    one whole."""
    problems: list[Problem] = []
    for dof, value in angles.items():
        side, joint_name, motion_name = dof
        joint = B.JOINTS[joint_name]
        motion = next(m for m in joint.motions if m.name == motion_name)
        key = written.get(dof)
        parsed = B.parse_key(key) if key else None
        if isinstance(parsed, B.Key) and parsed.joint.name == "trunk":
            continue
        if isinstance(parsed, B.Key):  # as the clinician wrote it: a side only if they gave one
            side = side if parsed.side in ("left", "right", "other") else ""
        label = " ".join(w for w in (side, joint_name, motion_name) if w)
        for p in _limit(field, key or joint_name, label, motion, value, (base or {}).get(dof, 0.0) if key else 0.0):
            if p not in problems:
                problems.append(p)
    trunk = B.JOINTS["trunk"]
    for motion in trunk.motions:
        total = sum(angles.get(("", part, motion.name), 0.0) for part in ("lower back", "upper back"))
        keys = [written.get(("", part, motion.name)) for part in ("lower back", "upper back")]
        key = next((k for k in keys if k), "trunk")
        problems += _limit(field, key, "trunk " + motion.name, motion, total)
    return problems


def _limit(field: str, key: str, label: str, motion: B.Motion, value: float, base: float = 0.0) -> list[Problem]:
    tol = 1e-6
    if motion.low - tol <= value <= motion.high + tol:
        return []
    if value > 0:
        words, limit = label, motion.high
    else:
        words, limit = label.replace(motion.name, motion.opposite), -motion.low
    how = ""
    if abs(base) > tol:  # the key adds to the base posture's own angle: say both
        change = value - base
        how = (f" ({abs(base):g} of {motion.name if base > 0 else motion.opposite} in the base posture, then "
               f"{abs(change):g} of {motion.name if change > 0 else motion.opposite} here)")
    return [Problem(field, key, f"{words} of {abs(value):g} degrees{how} is beyond its range of 0 to {limit:g}")]


def static_problems(spec: FigureSpec) -> list[Problem]:
    """Problems found without placing the figure: names, values and joint ranges."""
    out: list[Problem] = []
    if spec.base not in P.BASES:
        out.append(Problem("base", spec.base, f"unknown base posture '{spec.base}'; bases are " + ", ".join(P.BASES)))
    if spec.view not in VIEWS:
        out.append(Problem("view", spec.view, f"unknown view '{spec.view}'; views are " + ", ".join(VIEWS)))
    for prop in spec.props:
        if prop not in P.PROPS:
            out.append(Problem("props", prop, f"unknown prop '{prop}'; props are " + ", ".join(P.PROPS)))
    for name, value, limit in (("tilt", spec.tilt, 60), ("turn", spec.turn, 180)):
        if not -limit <= value <= limit:
            out.append(Problem(name, "", f"'{name}' must be between -{limit} and {limit} degrees"))
    if spec.side not in ("", "left", "right"):
        out.append(Problem("side", spec.side, "'side' must be left or right"))
    if spec.arrow and spec.arrow not in ("none", "twist"):
        for text in spec.arrow.split(","):
            part = parse_part(text.strip(), spec.side if spec.side in B.SIDES else "")
            if isinstance(part, str):
                out.append(Problem("arrow", text.strip(), part))
    if out and (spec.base not in P.BASES or spec.side not in ("", "left", "right")):
        return out
    base = {dof: v for text, degrees in P.BASES[spec.base].angles if isinstance(key := B.parse_key(text), B.Key)
            for dof, v in B.expand(key, degrees, "")}
    for pose in ("start", "end"):
        angles, written, problems = pose_changes(spec, pose)
        out += problems
        out += range_problems(angles, written, pose, base)
    seen: set[Problem] = set()
    for pose in ("start", "end"):
        contacts, problems = resolve_contacts(spec, pose)
        for p in problems:
            if p not in seen:
                seen.add(p)
                out.append(p)
        for c in contacts:
            need = {"seat": "chair", "backrest": "chair"}.get(c.support, c.support)
            if need in P.PROPS and need != "floor" and need not in spec.props:
                p = Problem("end_contacts" if pose == "end" and c in _end_only(spec) else "contacts",
                            c.part, f"the {c.part} rests on the {c.support}, which is not in 'props'")
                if p not in seen:
                    seen.add(p)
                    out.append(p)
    return out


def _end_only(spec: FigureSpec) -> set[Contact]:
    end, _ = resolve_contacts(spec, "end")
    start, _ = resolve_contacts(spec, "start")
    return set(end) - set(start)
