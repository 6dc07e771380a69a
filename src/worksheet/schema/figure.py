"""An exercise's picture, written as pose data under ``figure:`` and checked like any other key.

Why: a wrong pose is a mistake in a file, so it gets what every other mistake gets: the file,
line and column of the key that is wrong ("the figure's 'end': knee flexion of 200 degrees is
beyond its range of 0 to 150"), found with every other problem in one pass. The keys are read
here into plain values; :mod:`worksheet.illustrate` checks the pose itself (names, joint
ranges, then both poses placed: supports reached, nothing through the floor, chair or wall),
and each problem it names is traced back to the node it came from.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import illustrate
from ..illustrate import postures
from ..illustrate.spec import VIEWS, parse_part
from ..read.source import Mapping, Node, Scalar, Sequence
from .context import Context, Field, Rejected, Value, quote, read_mapping, scalar
from .values import MAX_SHORT, choice_value, short

NONE = "none"  # 'figure: none': no picture for this exercise, even where its library entry has one
MAX_FIGURES = 100  # different figures checked for one worksheet: each costs a few milliseconds to place
_DEGREES = re.compile(r"^[+-]?[0-9]{1,3}(?:\.[0-9]{1,2})?$", re.ASCII)
_NUMBER_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _DEGREES.pattern}]}


def _degrees(ctx: Context, node: Node, name: str) -> float:
    text = short(ctx, node, name, "a number of degrees", "'" + name + "' must be a number of degrees such as 45, not {}.")
    if not _DEGREES.match(text):
        raise ctx.bad(node, f"'{name}' must be a number of degrees such as 45 or -30, not {quote(text)}.")
    return float(text)


def _key(ctx: Context, key: Scalar, name: str) -> str:
    return short(ctx, key, name, "a name", "A key in '" + name + "' is too long: {}.")


def _pairs(value_of: Any, what: str) -> Any:
    """A mapping of short keys (joints or body parts) to values read by ``value_of``."""

    def read(ctx: Context, node: Node, name: str) -> tuple[tuple[str, Any], ...]:
        if not isinstance(node, Mapping):
            raise ctx.bad(node, f"'{name}' must be a set of '{what}' pairs, such as {{knee: 90}}.")
        out: list[tuple[str, Any]] = []
        ok = True
        for key, value in node.items:
            try:
                out.append((_key(ctx, key, name), value_of(ctx, value, name)))
            except Rejected:
                ok = False
        if not ok:
            raise Rejected()
        return tuple(out)

    return read


def _support(ctx: Context, node: Node, name: str) -> str:
    return short(ctx, node, name, "what the part rests on", "'" + name + "': {} is not a support.")


def _props(ctx: Context, node: Node, name: str) -> tuple[str, ...]:
    items = node.items if isinstance(node, Sequence) else (node,)
    one = choice_value(postures.PROPS).read
    out, ok = [], True
    for item in items:
        try:
            out.append(one(ctx, item, name))
        except Rejected:
            ok = False
    if not ok:
        raise Rejected()
    return tuple(out)


def _text(ctx: Context, node: Node, name: str) -> str:
    return short(ctx, node, name, "text", "'" + name + "' is too long: {}.")


_ANGLES_SCHEMA = {"type": "object", "additionalProperties": _NUMBER_SCHEMA}
_CONTACTS_SCHEMA = {"type": "object", "additionalProperties": {"type": "string", "maxLength": MAX_SHORT}}
_V = Value

FIGURE_FIELDS = (
    Field("base", choice_value(tuple(postures.BASES)), "The starting posture the picture is built on: " + ", ".join(postures.BASES) + ".", "back-lying-knees-bent", required=True),
    Field("view", choice_value(VIEWS), "Where it is seen from: 'side' (the default), 'front' or 'top' (for moves a side view cannot show).", "side"),
    Field("props", _V(_props, {"anyOf": [{"enum": list(postures.PROPS)}, {"type": "array", "items": {"enum": list(postures.PROPS)}}]}), "What is drawn with the figure: " + ", ".join(postures.PROPS) + ".", "[mat]"),
    Field("side", choice_value(("left", "right")), "The side that moves, where only one does; joint keys without a side then mean that side, and 'other knee' the other.", "right"),
    Field("start", _V(_pairs(_degrees, "joint: degrees"), _ANGLES_SCHEMA), "The start pose: joint changes in degrees over the base, such as {hip: 30, knee: -20}.", "{hip: 30}"),
    Field("end", _V(_pairs(_degrees, "joint: degrees"), _ANGLES_SCHEMA), "The end pose: joint changes in degrees over the base.", "{hips: -40}"),
    Field("contacts", _V(_pairs(_support, "part: support"), _CONTACTS_SCHEMA), "What rests on what in both poses, over the base's: a prop, a body part to hold, or 'lifted'.", "{hands: chair}"),
    Field("end_contacts", _V(_pairs(_support, "part: support"), _CONTACTS_SCHEMA), "What rests on what in the end pose only.", "{buttocks: lifted}"),
    Field("arrow", _V(_text, {"type": "string", "maxLength": MAX_SHORT}), "The parts the movement arrows follow ('right hand, left foot'), 'twist', or 'none'; by default the part that moves most.", "knees"),
    Field("tilt", _V(_degrees, _NUMBER_SCHEMA), "Degrees the camera looks down from above (-60 to 60).", "30"),
    Field("turn", _V(_degrees, _NUMBER_SCHEMA), "Degrees the camera walks round toward the front (-180 to 180).", "20"),
)


def read_figure(ctx: Context, node: Node, name: str) -> illustrate.FigureSpec | str:
    """``figure: none``, or a checked FigureSpec; every problem located at its key."""
    if isinstance(node, Scalar):
        text = scalar(ctx, node, name, "'none' or the pose keys (base, start, end...)")
        if text.strip().lower() != NONE:
            raise ctx.bad(node, f"'{name}' must be 'none' or a set of keys starting with 'base:', not {quote(text)}.")
        return NONE
    values = read_mapping(ctx, node, FIGURE_FIELDS, "'figure'")
    assert isinstance(node, Mapping)
    spec = illustrate.from_mapping(values)  # the types are right: read_mapping made them
    ctx.figures.add(spec)
    if len(ctx.figures) > MAX_FIGURES:
        raise ctx.bad(node, f"This worksheet has more than {MAX_FIGURES} different figures; a worksheet needs one per exercise.")
    problems = _checked(spec)
    for p in problems:
        ctx.bad(_where(node, p), f"The figure's '{p.field}': {p.message}." if p.field else f"The figure: {p.message}.")
    if problems:
        raise Rejected()
    return spec


@lru_cache(maxsize=256)
def _checked(spec: illustrate.FigureSpec) -> tuple[illustrate.Problem, ...]:
    return tuple(illustrate.check(spec))


def _where(node: Mapping, p: illustrate.Problem) -> Node:
    """The node a problem is about: the joint or part's key, else its field's value, else the figure."""
    field = node.get(p.field)
    if field is None:
        return node
    if isinstance(field, Mapping):
        wanted = p.joint.strip().lower()
        key = next((k for k, _ in field.items if str(k.value).strip().lower() == wanted), None)
        if key is None:  # a part named by the check ("hand") where the file says "hands" or "right hand"
            key = next((k for k, _ in field.items if _part(str(k.value)) == _part(wanted)), None)
        return key or field
    if isinstance(field, Sequence):
        return next((i for i in field.items if isinstance(i, Scalar) and str(i.value).strip() == p.joint), field)
    return field


def _part(text: str) -> str:
    found = parse_part(text, "left")
    return found.part if not isinstance(found, str) else text
