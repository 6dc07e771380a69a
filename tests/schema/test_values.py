"""Each kind of value, read from the text a person wrote: the typed value, or a located message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run, write
from worksheet.errors import Issue
from worksheet.model import Count, Duration
from worksheet.read.source import Mapping, parse_text
from worksheet.render import fonts
from worksheet.schema.context import Context, Rejected, Value
from worksheet.schema.values import (
    BOOL,
    DURATION,
    LANGUAGE,
    LIBRARY_ID,
    URL,
    choice_value,
    count_value,
    paragraphs_value,
    parse_duration,
    text_list_value,
    text_value,
)


def read(value: Value[Any], yaml_value: str, *, charset: bool = True) -> Any:
    """Read ``key: <yaml_value>`` with ``value``; the typed value, or the list of issue lines."""
    doc = parse_text(f"key: {yaml_value}\n", "t.yaml")
    assert isinstance(doc.root, Mapping)
    issues: list[Issue] = []
    ctx = Context(doc, issues, fonts.charset() if charset else None)
    node = doc.root.get("key")
    assert node is not None
    try:
        result = value.read(ctx, node, "key")
    except Rejected:
        assert issues, "a refused value must say why"
        return [i.format() for i in issues]
    assert not issues
    return result


# --- text -----------------------------------------------------------------------------


def test_text_is_one_line_with_spaces_made_single_and_composed() -> None:
    assert read(text_value(40), '"  Lie   on\\n your back "') == "Lie on your back"
    assert read(text_value(40), '"Jose\\u0301"') == "José"  # composed (NFC)


@pytest.mark.parametrize(("yaml_value", "message"), [
    ("", "t.yaml:1:5: 'key' is empty; give it text, or remove the line."),
    ('"   "', "t.yaml:1:6: 'key' is empty; give it some text, or remove the line."),
    ("[a, b]", "t.yaml:1:6: 'key' must be text, not a list."),
    ("{a: b}", "t.yaml:1:6: 'key' must be text, not a set of keys."),
    ("abcdefghijk", "t.yaml:1:6: 'key' is 11 characters long; keep it under 10."),
    ('"a\\x07b"', "t.yaml:1:6: 'key' contains the control character U+0007; delete it."),
])
def test_text_problems(yaml_value: str, message: str) -> None:
    assert read(text_value(10), yaml_value) == [message]


def test_a_character_the_font_lacks_is_located_with_a_hint() -> None:
    assert read(text_value(40), "go → stop") == [
        "t.yaml:1:9: The character '→' (U+2192, rightwards arrow) is not in the worksheet font; type -> instead.",
    ]


def test_paragraphs_split_at_blank_lines() -> None:
    assert read(paragraphs_value(100), "|\n  One line\n  and more.\n\n  Two.\n") == ("One line and more.", "Two.")
    assert read(paragraphs_value(100), ">\n  One line\n  and more.\n\n  Two.\n") == ("One line and more.", "Two.")


def test_text_list_takes_one_text_or_a_list_and_reports_every_bad_item() -> None:
    assert read(text_list_value(20, 3), "towel") == ("towel",)
    assert read(text_list_value(20, 3), "[towel, chair]") == ("towel", "chair")
    assert read(text_list_value(20, 3), "[a, b, c, d]") == ["t.yaml:1:6: 'key' has 4 items; keep it to 3 or fewer."]
    assert read(text_list_value(20, 3), "[[a], {b: c}]") == [
        "t.yaml:1:7: Item 1 of 'key' must be plain text, not a nested list or keys.",
        "t.yaml:1:12: Item 2 of 'key' must be plain text, not a nested list or keys.",
    ]
    assert read(text_list_value(20, 3), "[]") == ["t.yaml:1:6: 'key' is an empty list; add at least one item, or remove the line."]


# --- choices and flags ----------------------------------------------------------------------


def test_choices_ignore_case_and_list_the_options() -> None:
    sides = choice_value(("each", "both", "left"))
    assert read(sides, "Each") == "each"
    assert read(sides, "no") == ["t.yaml:1:6: 'key' must be 'each', 'both' or 'left', not 'no'."]


@pytest.mark.parametrize(("yaml_value", "expected"), [("true", True), ("False", False), ("yes", None), ("on", None), ("1", None)])
def test_bool_is_true_or_false_only(yaml_value: str, expected: bool | None) -> None:
    got = read(BOOL, yaml_value)
    if expected is None:
        assert got == [f"t.yaml:1:6: 'key' must be true or false, not '{yaml_value}'."]
    else:
        assert got is expected


# --- numbers and times -------------------------------------------------------------------


@pytest.mark.parametrize(("yaml_value", "expected"), [
    ("10", Count(10, 10)), ("010", Count(10, 10)), ("10-15", Count(10, 15)), ("10 to 15", Count(10, 15)),
    ("5 – 8", Count(5, 8)), ("20", Count(20, 20)),
])
def test_counts_people_write(yaml_value: str, expected: Count) -> None:
    assert read(count_value(20, "10", "10-15"), yaml_value) == expected


@pytest.mark.parametrize(("yaml_value", "message"), [
    ("ten", "'key' must be a whole number such as 10 or a range such as 10-15, not 'ten'."),
    ("0", "'key' must be at least 1."),
    ("21", "'key' of 21 is more than 20; check the number."),
    ("15-10", "The range '15-10' in 'key' is backwards; write the smaller number first (10-15)."),
    ("1234567", "The number in 'key' is far too large."),
    ("2.5", "'key' must be a whole number such as 10 or a range such as 10-15, not '2.5'."),
])
def test_count_problems(yaml_value: str, message: str) -> None:
    assert read(count_value(20, "10", "10-15"), yaml_value) == [f"t.yaml:1:6: {message}"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30 s", (30, 30)), ("3-5 s", (3, 5)), ("3 to 5 seconds", (3, 5)), ("1 min", (60, 60)), ("1:30", (90, 90)),
     ("45", (45, 45)), ("1-2 minutes", (60, 120)), ("2 mins", (120, 120)), ("10 sec", (10, 10))],
)
def test_durations_people_write(text: str, seconds: tuple[int, int]) -> None:
    assert parse_duration(text) == seconds
    assert read(DURATION, f'"{text}"') == Duration(*seconds)


@pytest.mark.parametrize(("yaml_value", "message"), [
    ("soon", "'key' must be a time such as '30 s', '3-5 s', '1 min' or '1:30', not 'soon'."),
    ("0 s", "'key' must be at least 1 second."),
    ("11 min", "'key' of '11 min' is longer than 10 minutes; check the time."),
    ("5-3 s", "The range '5-3 s' in 'key' is backwards; write the smaller number first (3-5)."),
    ("9999999 s", "The number in 'key' is far too large."),
])
def test_duration_problems(yaml_value: str, message: str) -> None:
    assert read(DURATION, yaml_value) == [f"t.yaml:1:6: {message}"]


# --- addresses, tags and ids -------------------------------------------------------------------


def test_addresses_tags_and_ids() -> None:
    assert read(URL, "https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert read(URL, "https://" + "a" * 300 + ".org") == ["t.yaml:1:6: 'key' is 312 characters long; use a shorter address (at most 300)."]
    assert read(LANGUAGE, "es") == "es"
    assert read(LANGUAGE, "en-US") == "en-US"
    assert read(LANGUAGE, "english") == ["t.yaml:1:6: 'key' must be a language tag such as 'en-US' or 'es', not 'english'."]
    assert read(LIBRARY_ID, "knee-to-chest") == "knee-to-chest"
    assert read(LIBRARY_ID, "../secret")[0].startswith("t.yaml:1:6: 'key' must be the id of a library exercise")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd", "example.org", "https://"])
def test_only_http_and_https_addresses(project: Path, url: str) -> None:
    write(project, "w.yaml", f"title: T\nvideo: '{url}'\nexercises:\n  - name: A\n")
    result = run("build", "w.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("w.yaml:2:8: 'video' must be a web address starting with https:// or http://")


def test_a_sentence_cut_at_its_commas_in_a_bracket_list_gets_a_warning(project: Path) -> None:
    write(project, "w.yaml", "title: T\nexercises:\n  - name: A\n    steps: [Bend your knees, then lift your hips., Lower them.]\n"
                             "  - name: B\n    steps: [Lift., Lower.]\n    equipment: [towel, chair]\n")
    result = run("validate", "w.yaml")
    assert result.exit_code == 0  # a warning, not an error
    assert result.stderr.splitlines()[0] == (
        "w.yaml:4:12: warning: 'steps' is a list in [ ], where every comma starts a new item, and 'Bend your knees' "
        "then 'then lift your hips.' read like one sentence cut in two. Write each item on its own line starting with '- ', "
        "or put the sentence in quotes.")
    assert result.stderr.count("warning:") == 1  # sentences that end, and lists of things, are left alone
