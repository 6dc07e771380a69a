"""The command line as a user drives it: exit codes, exact lines, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL, run, write
from worksheet.build.cache import CACHE_NAME

COMMANDS = [[], ["build"], ["validate"], ["schema"], ["new"], ["watch"], ["list"]]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")
    assert "Examples:" in result.output


def test_build_defaults_to_worksheets_into_build(project: Path) -> None:
    write(project, "worksheets/one.yaml", MINIMAL)
    write(project, "worksheets/two.yml", MINIMAL)
    write(project, "worksheets/library/not-a-worksheet.yaml", "name: Pelvic tilt\n")
    write(project, "worksheets/readme.txt", "not yaml")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Built build/one.pdf (1 page)\nBuilt build/two.pdf (1 page)\n"
    assert result.stderr == "2 built, 0 failed\n"
    assert sorted(p.name for p in (project / "build").iterdir() if p.name != CACHE_NAME) == ["one.pdf", "two.pdf"]


def test_batch_keeps_going_past_a_bad_file(project: Path) -> None:
    write(project, "worksheets/a-good.yaml", MINIMAL)
    write(project, "worksheets/b-bad.yaml", "title: Bad\nexercises:\n  - name: Tilt\n    reps: ten\n")
    write(project, "worksheets/c-good.yaml", MINIMAL)
    result = run("build", "worksheets", "-o", "out")
    assert result.exit_code == 1
    assert result.stdout == "Built out/a-good.pdf (1 page)\nBuilt out/c-good.pdf (1 page)\n"
    assert result.stderr == (
        "worksheets/b-bad.yaml:4:11: 'reps' must be a whole number such as 10 or a range such as 10-15, not 'ten'.\n"
        "   4 |     reps: ten\n"
        "     |           ^\n"
        "2 built, 1 failed\n"
    )
    assert sorted(p.name for p in (project / "out").iterdir() if p.name != CACHE_NAME) == ["a-good.pdf", "c-good.pdf"]


def test_quiet_prints_only_problems(project: Path) -> None:
    write(project, "worksheets/a.yaml", MINIMAL)
    result = run("build", "-q")
    assert result.exit_code == 0
    assert result.output == ""


def test_validate_writes_nothing(project: Path) -> None:
    write(project, "worksheets/a.yaml", MINIMAL)
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout == "OK worksheets/a.yaml\n"
    assert not (project / "build").exists()


def test_folder_without_worksheets(project: Path) -> None:
    (project / "empty").mkdir()
    result = run("build", "empty")
    assert result.exit_code == 1
    assert result.stderr == "Error: No worksheet files (*.yaml) found in empty.\n"


def test_unwritable_output_is_an_error_line(project: Path) -> None:
    write(project, "a.yaml", MINIMAL)
    (project / "out").write_text("a file where the folder should be")
    result = run("build", "a.yaml", "-o", "out")
    assert result.exit_code == 2  # click refuses a file as --out
    (project / "out").unlink()
    (project / "out").mkdir()
    (project / "out" / "a.pdf").mkdir()  # a folder where the PDF should go
    result = run("build", "a.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot write out/a.pdf: ")
    assert "Traceback" not in result.output


def test_a_link_out_of_the_folder_is_not_read(project: Path) -> None:
    secret = write(project, "secret/passwords.yaml", "title: hunter2\nexercises:\n  - name: x\n")
    write(project, "worksheets/good.yaml", MINIMAL)
    (project / "worksheets" / "evil.yaml").symlink_to(secret)
    (project / "worksheets" / "zz-link.yaml").symlink_to(project / "worksheets" / "good.yaml")  # inside: fine
    result = run("build")
    assert result.exit_code == 1
    assert "worksheets/evil.yaml:1:1: This file is a link to a file outside its folder, so it was not read; copy the file here instead.\n" in result.stderr
    assert not (project / "build" / "evil.pdf").exists()
    assert (project / "build" / "good.pdf").exists()  # the link to it is the same file, built once


