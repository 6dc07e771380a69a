"""Located problems: their one-line form, sorting, de-duplication, and the trip between processes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from worksheet.errors import InputError, Issue, display_path


def test_an_issue_reads_as_path_line_col_message() -> None:
    assert Issue("w.yaml", 3, 11, "'reps' must be a number.").format() == "w.yaml:3:11: 'reps' must be a number."


def test_issues_are_sorted_by_position_and_repeats_dropped() -> None:
    e = InputError([Issue("b.yaml", 1, 1, "x."), Issue("a.yaml", 9, 1, "y."), Issue("a.yaml", 2, 5, "z."), Issue("a.yaml", 2, 5, "z.")])
    assert [i.format() for i in e.issues] == ["a.yaml:2:5: z.", "a.yaml:9:1: y.", "b.yaml:1:1: x."]
    assert str(e) == "\n".join(i.format() for i in e.issues)


def test_an_input_error_needs_an_issue_and_pickles_whole() -> None:
    with pytest.raises(ValueError):
        InputError([])
    e = InputError([Issue("a.yaml", 1, 2, "m.")])
    assert pickle.loads(pickle.dumps(e)).issues == e.issues


def test_display_path_is_relative_inside_the_current_folder(project: Path) -> None:
    assert display_path(project / "w" / "a.yaml") == "w/a.yaml"
    assert display_path(Path("/elsewhere/a.yaml")) == "/elsewhere/a.yaml"
