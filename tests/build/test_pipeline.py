"""The library API: batches in input order, output names, errors from worker processes."""


from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import MINIMAL, pdf_text, run, write
from worksheet.build import pipeline
from worksheet.build.cache import CACHE_NAME, file_digest
from worksheet.build.results import Built, Failed, UpToDate, Valid
from worksheet.errors import InputError
from worksheet.model import Patient, PrintOptions


def test_find_worksheets_lists_each_folder_sorted_without_clinic_files_or_sub_folders(project: Path) -> None:
    for name in ("b.yaml", "a.yml", "clinic.yaml", "notes.txt", "library/entry.yaml", "C.YAML"):
        write(project, f"worksheets/{name}", MINIMAL)
    found = pipeline.find_worksheets([Path("worksheets"), Path("worksheets/b.yaml")])
    assert [p.as_posix() for p in found] == ["worksheets/C.YAML", "worksheets/a.yml", "worksheets/b.yaml"]


def test_build_one_returns_what_it_built_from(project: Path) -> None:
    write(project, "worksheets/library/tilt.yaml", "name: Tilt\nsteps: [Tilt.]\n")
    path = write(project, "worksheets/w.yaml", "title: T\nexercises:\n  - use: tilt\n    reps: 3\n")
    built = pipeline.build_one(path, project / "out")
    assert built == Built(path, project / "out" / "w.pdf", 1, library_ids=("tilt",), inputs=built.inputs)
    inputs = dict(built.inputs)
    assert inputs[str(path.resolve())] == file_digest(path)
    assert inputs[str((project / "worksheets/library/tilt.yaml").resolve())] == file_digest(project / "worksheets/library/tilt.yaml")
    assert inputs[str((project / "worksheets/clinic.yaml").resolve())] == "absent"  # one appearing later rebuilds
    assert "Repeat 3 times" in pdf_text(built.output)


def test_build_all_gives_one_typed_result_per_input_in_order(project: Path) -> None:
    good = write(project, "a.yaml", MINIMAL)
    bad = write(project, "b.yaml", "title: Bad\nexercises: []\n")
    results = list(pipeline.build_all([good, bad], project / "out", force=False))
    assert [type(r) for r in results] == [Built, Failed]
    assert isinstance(results[1], Failed) and isinstance(results[1].error, InputError)
    again = list(pipeline.build_all([good, bad], project / "out", force=False))
    assert [type(r) for r in again] == [UpToDate, Failed]
    assert again[0] == UpToDate(good, project / "out" / "a.pdf", 1)
    forced = list(pipeline.build_all([good], project / "out", force=True))
    assert [type(r) for r in forced] == [Built]


def test_options_are_part_of_up_to_date(project: Path) -> None:
    path = write(project, "a.yaml", MINIMAL)
    list(pipeline.build_all([path], project / "out", force=False))
    named = PrintOptions(patient=Patient("A. Person"))
    assert [type(r) for r in pipeline.build_all([path], project / "out", named, force=False)] == [Built]
    assert [type(r) for r in pipeline.build_all([path], project / "out", named, force=False)] == [UpToDate]


def test_check_all_writes_nothing(project: Path) -> None:
    good = write(project, "a.yaml", MINIMAL)
    bad = write(project, "b.yaml", "title: Bad\n")
    results = list(pipeline.check_all([good, bad]))
    assert results[0] == Valid(good)
    assert isinstance(results[1], Failed)
    assert sorted(p.name for p in project.iterdir()) == ["a.yaml", "b.yaml"]


def test_a_booklet_fails_whole_with_every_problem(project: Path) -> None:
    bad1 = write(project, "a.yaml", "title: A\n")
    bad2 = write(project, "b.yaml", "exercises: []\n")
    with pytest.raises(InputError) as e:
        pipeline.build_booklet([bad1, bad2], project / "book.pdf")
    assert {i.path for i in e.value.issues} == {"a.yaml", "b.yaml"}
    assert not (project / "book.pdf").exists()


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
