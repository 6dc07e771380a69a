"""The control characters refused in files and in values."""

from __future__ import annotations

import pytest

from worksheet.read.text import CONTROL_IN_FILE, CONTROL_IN_VALUE


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\uffff"])
def test_controls_are_refused_everywhere(ch: str) -> None:
    assert CONTROL_IN_FILE.search(f"a{ch}b") and CONTROL_IN_VALUE.search(f"a{ch}b")


def test_tab_and_line_ends_make_lines_in_a_file_but_a_value_refuses_carriage_return() -> None:
    for ch in "\t\n\r":
        assert not CONTROL_IN_FILE.search(ch)
    assert not CONTROL_IN_VALUE.search("\t\n")
    assert CONTROL_IN_VALUE.search("\r")


def test_printable_text_passes() -> None:
    assert not CONTROL_IN_VALUE.search("Café – ½ “quoted” \u00a0")
