"""The command line as a user drives it: exit codes, exact lines, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL, pdf_text, run, write
from worksheet import __version__
from worksheet.build.cache import CACHE_NAME

COMMANDS = [[], ["build"], ["validate"], ["schema"], ["new"], ["watch"], ["list"]]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")
    assert "Examples:" in result.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"worksheet {__version__}\n"


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


def test_same_output_name_is_refused(project: Path) -> None:
    write(project, "a/Sheet.yaml", MINIMAL)
    write(project, "b/sheet.yaml", MINIMAL)
    result = run("build", "a/Sheet.yaml", "b/sheet.yaml", "-o", "out")
    assert result.exit_code == 1
    assert "b/sheet.yaml:1:1: Both this file and a/Sheet.yaml would be built into out/sheet.pdf; rename one of them." in result.stderr
    assert [p.name for p in (project / "out").iterdir() if p.name != CACHE_NAME] == ["Sheet.pdf"]


def test_same_file_twice_is_built_once(project: Path) -> None:
    write(project, "worksheets/a.yaml", MINIMAL)
    result = run("build", "worksheets", "worksheets/a.yaml")
    assert result.exit_code == 0
    assert result.stdout == "Built build/a.pdf (1 page)\n"


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


def test_new_writes_a_starter_that_builds(project: Path) -> None:
    (project / "worksheets").mkdir()
    result = run("new", "Knee Pain")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created worksheets/knee-pain.yaml; build it with: worksheet build worksheets/knee-pain.yaml\n"
    text = (project / "worksheets" / "knee-pain.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=worksheet.schema.json\n")
    assert "title: Knee pain\n" in text
    build = run("build", "worksheets/knee-pain.yaml")
    assert build.exit_code == 0, build.output
    assert "Knee pain" in pdf_text(project / "build" / "knee-pain.pdf")


def test_new_refuses_to_overwrite(project: Path) -> None:
    write(project, "worksheets/knee-pain.yaml", MINIMAL)
    result = run("new", "knee-pain")
    assert result.exit_code == 1
    assert result.stderr == "Error: worksheets/knee-pain.yaml already exists; choose another name, or delete it first.\n"
    assert (project / "worksheets" / "knee-pain.yaml").read_text() == MINIMAL


def test_new_from_an_existing_worksheet(project: Path) -> None:
    write(project, "base.yaml", MINIMAL)
    result = run("new", "copy.yaml", "--from", "base.yaml")
    assert result.exit_code == 0, result.output
    assert (project / "copy.yaml").read_text() == MINIMAL.replace("title: Test sheet", "title: Copy")
    assert run("validate", "copy.yaml").exit_code == 0


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_parallel_batch_reports_in_input_order_with_the_same_pdfs(project: Path, jobs: str) -> None:
    for i in range(6):
        write(project, f"worksheets/s{i}.yaml", MINIMAL.replace("Test sheet", f"Sheet {i}"))
    write(project, "worksheets/s3.yaml", "title: Bad\nexercises:\n  - name: Tilt\n    reps: ten\n")
    result = run("build", "-j", jobs, "-o", f"out{jobs}")
    assert result.exit_code == 1
    assert result.stdout == "".join(f"Built out{jobs}/s{i}.pdf (1 page)\n" for i in (0, 1, 2, 4, 5))
    assert result.stderr.splitlines()[0].startswith("worksheets/s3.yaml:4:11: 'reps' must be a whole number")
    assert result.stderr.endswith("5 built, 1 failed\n")
    if jobs != "1":
        assert run("build", "-j", "1", "-o", "serial").exit_code == 1
        for i in (0, 1, 2, 4, 5):
            assert (project / f"out{jobs}/s{i}.pdf").read_bytes() == (project / f"serial/s{i}.pdf").read_bytes()


def test_errors_survive_the_trip_from_a_worker_process() -> None:
    import pickle

    from worksheet.errors import InputError, Issue

    error = InputError([Issue("a.yaml", 2, 3, "Second."), Issue("a.yaml", 1, 1, "First.")])
    again = pickle.loads(pickle.dumps(error))
    assert again.issues == error.issues and str(again) == str(error)
