"""Reading a mapping's keys: every problem gathered, unknown keys with the nearest known one."""

from __future__ import annotations

from typing import Any

import pytest

from worksheet.errors import Issue
from worksheet.model import Count
from worksheet.read.source import parse_text
from worksheet.schema.context import Context, Field, Rejected, quote, read_mapping
from worksheet.schema.values import count_value, text_value

FIELDS = (
    Field("name", text_value(20), "A name.", "Bridge", required=True),
    Field("reps", count_value(10, "5", "5-8"), "A count.", "5"),
    Field("steps", text_value(20), "Steps.", "- Lift.", required=True),
)


def read(yaml_text: str, **kw: Any) -> dict[str, Any] | list[str]:
    doc = parse_text(yaml_text, "t.yaml")
    issues: list[Issue] = []
    try:
        return read_mapping(Context(doc, issues, None), doc.root, FIELDS, "the thing", **kw)
    except Rejected:
        return [i.format() for i in sorted(issues)]


def test_known_keys_are_converted() -> None:
    assert read("name: Bridge\nreps: 5\nsteps: Lift.\n") == {"name": "Bridge", "reps": Count(5, 5), "steps": "Lift."}


def test_every_problem_is_gathered_before_giving_up() -> None:
    assert read("nme: Bridge\nreps: 50\ncolour: red\n") == [
        "t.yaml:1:1: The thing has no 'name'; add one, for example 'name: Bridge'.",
        "t.yaml:1:1: The thing has no 'steps'; add an 'steps:' list.",
        "t.yaml:1:1: Unknown key 'nme' in the thing; the nearest known key is 'name'.",
        "t.yaml:2:7: 'reps' of 50 is more than 10; check the number.",
        "t.yaml:3:1: Unknown key 'colour' in the thing; the known keys are name, reps, steps.",
    ]


def test_skipped_keys_are_left_to_the_caller_and_optional_ones_not_required() -> None:
    assert read("name: Bridge\nuse: bridge\n", skip={"use"}, optional={"steps"}) == {"name": "Bridge"}


def test_a_list_where_keys_belong() -> None:
    assert read("- a\n- b\n") == ["t.yaml:1:1: The thing must be a set of 'key: value' lines."]


@pytest.mark.parametrize(("value", "shown"), [
    ("plain", "'plain'"), ("tab\there", "'tab\\there'"), ("x" * 50, "'" + "x" * 39 + "…'"),
])
def test_quote_shows_escapes_and_cuts_long_values(value: str, shown: str) -> None:
    assert quote(value) == shown
