"""The YAML reader keeps what the person wrote, with positions, and refuses the dangerous parts."""

from __future__ import annotations

import pytest

from worksheet.errors import InputError
from worksheet.read.source import Mapping, Scalar, Sequence, parse_bytes, parse_text


def test_scalars_stay_strings() -> None:
    doc = parse_text("a: no\nb: 1:30\nc: 010\nd: 2024-01-02\ne: on\nf: 1e3\ng: ~\nh:\n", "t.yaml")
    assert isinstance(doc.root, Mapping)
    values = {k.value: v.value for k, v in doc.root.items}
    assert values == {"a": "no", "b": "1:30", "c": "010", "d": "2024-01-02", "e": "on", "f": "1e3", "g": None, "h": None}


def test_positions_are_one_based() -> None:
    doc = parse_text("title: x\nexercises:\n  - name: Tilt\n", "t.yaml")
    ex = doc.root.get("exercises")
    assert isinstance(ex, Sequence)
    item = ex.items[0]
    assert isinstance(item, Mapping)
    key = item.key_node("name")
    assert (key.line, key.col) == (3, 5)
    value = item.get("name")
    assert isinstance(value, Scalar) and (value.line, value.col) == (3, 11)


def test_utf8_bom_is_accepted() -> None:
    doc = parse_bytes("\ufefftitle: Café\n".encode("utf-8"), "t.yaml")
    assert doc.root.get("title").value == "Café"


@pytest.mark.parametrize("text", ["[" * 500, "a: " + "[" * 100 + "]" * 100])
def test_deep_nesting_is_refused_not_a_crash(text: str) -> None:
    with pytest.raises(InputError) as e:
        parse_text(text, "t.yaml")
    assert "nested more than" in str(e.value)


def test_billion_laughs_never_expands() -> None:
    text = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    doc = parse_text(text, "t.yaml")
    messages = [i.format() for i in doc.issues]
    assert "t.yaml:2:8: Aliases (*a) are not allowed; write the value out in full." in messages
    # each alias is a single refused placeholder, not a copy of what it names
    c = doc.root.get("c")
    assert [item.refused for item in c.items] == [True, True]


def test_oversized_file_is_refused() -> None:
    with pytest.raises(InputError) as e:
        parse_bytes(b"title: x\n" + b"#" * 2_000_000, "t.yaml")
    assert str(e.value).startswith("t.yaml:1:1: The file is larger than 1 MB")


def test_control_character_in_the_file_is_located() -> None:
    with pytest.raises(InputError) as e:
        parse_text("title: a\x07b\n", "t.yaml")
    assert str(e.value) == "t.yaml:1:9: Control character U+0007 is not allowed; delete it."
