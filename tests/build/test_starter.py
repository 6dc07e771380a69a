"""worksheet new: a starter that builds as it is, never overwriting a file."""


from __future__ import annotations

from pathlib import Path

from tests.helpers import MINIMAL, pdf_text, run, write


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


def test_retitled_replaces_any_kind_of_title_whole(tmp_path: Path) -> None:
    from worksheet.build.starter import retitled

    for old in ("title: [Old, words]\n", "title: 'Old: words'\n", "title: \"Old\\nwords\"\n"):
        path = tmp_path / "w.yaml"
        path.write_text(old + "exercises:\n  - name: A\n")
        assert retitled(path, "New: title") == 'title: "New: title"\nexercises:\n  - name: A\n'
