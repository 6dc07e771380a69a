"""worksheet list: the state of each worksheet, as a build would see it."""


from __future__ import annotations

from pathlib import Path

from tests.helpers import MINIMAL, run, write


def test_list_shows_state(project: Path) -> None:
    write(project, "worksheets/a.yaml", MINIMAL)
    write(project, "worksheets/b.yaml", "title: Bad\nexercises: []\n")
    result = run("list")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "File               Title       Exercises  Pages  PDF",
        "worksheets/a.yaml  Test sheet  1          -      not built",
        "worksheets/b.yaml  -           -          -      has problems",
    ]
    assert run("build", "worksheets/a.yaml").exit_code == 0
    assert run("list").stdout.splitlines()[1] == "worksheets/a.yaml  Test sheet  1          1      up to date"
    write(project, "worksheets/a.yaml", MINIMAL.replace("reps: 10", "reps: 12"))
    assert run("list").stdout.splitlines()[1].endswith("out of date")
    assert run("build", "worksheets/a.yaml", "--large-print").exit_code == 0  # built, not as a plain build would
    assert run("list").stdout.splitlines()[1].endswith("out of date")
    assert run("build", "worksheets/a.yaml").exit_code == 0
    assert run("list").stdout.splitlines()[1].endswith("up to date")
