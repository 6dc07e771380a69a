"""The command group and its error boundary: versions, suggestions, exit codes."""


from __future__ import annotations

from pathlib import Path

from tests.helpers import run
from worksheet import __version__


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = run("biuld")
    assert result.exit_code == 2
    assert "Error: No such command 'biuld'. Did you mean 'build'?" in result.stderr
    result = run("build", "--pagesize", "a4")
    assert result.exit_code == 2
    assert "Did you mean one of: '--page-size'" in result.stderr


def test_usage_errors_exit_2(project: Path) -> None:
    assert run("frobnicate").exit_code == 2
    assert run("build", "--page-size", "legal").exit_code == 2
    assert run("build", "missing.yaml").exit_code == 2
    result = run("build")  # no worksheets/ folder here
    assert result.exit_code == 2
    assert "There is no worksheets/ folder here" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"worksheet {__version__}\n"
