"""Located problems as a person reads them: the offending line, a caret, colour only on a terminal."""


from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import write


def test_excerpt_in_colour_only_on_a_terminal_without_no_color(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from worksheet.cli import app as cli_module
    from worksheet.cli.report import format_issue
    from worksheet.errors import Issue

    write(project, "w.yaml", "title: Bad\nexercises:\n  - name: Tilt\n    reps: ten\n")
    issue = Issue("w.yaml", 4, 11, "'reps' is wrong.")
    plain = format_issue(issue, color=False)
    assert plain == "w.yaml:4:11: 'reps' is wrong.\n   4 |     reps: ten\n     |           ^"
    coloured = format_issue(issue, color=True)
    assert "\x1b[" in coloured and click_unstyle(coloured) == plain
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli_module._color() is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module._color() is False


def click_unstyle(text: str) -> str:
    import click

    return click.unstyle(text)
