"""The worksheets we ship: each builds, fits its pages (2 Letter pages for 5 exercises or fewer, 3
otherwise), and prints every exercise, its figure and its dose."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SHIPPED, figures_drawn, pdf_pages, plain
from worksheet.build import pipeline
from worksheet.build.results import Built, Failed
from worksheet.defaults import LIBRARY_FOLDER
from worksheet.render import wording
from worksheet.schema import load_library_entry

WORKSHEETS = sorted(SHIPPED.glob("*.yaml"))
LIBRARY = sorted((SHIPPED / LIBRARY_FOLDER).glob("*.yaml"))


def page_limit(source: Path) -> int:
    """With a figure for every exercise: 2 pages for 5 exercises or fewer, 3 otherwise."""
    return 2 if len(pipeline.load(source).exercises) <= 5 else 3


def test_the_library_ships_at_least_eight_worksheets() -> None:
    assert len(WORKSHEETS) >= 8


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("shipped")
    results = list(pipeline.build_all(WORKSHEETS, out))
    failures = [f"{r.source}: {r.error}" for r in results if isinstance(r, Failed)]
    assert not failures, failures
    return {r.source.stem: r.output for r in results if isinstance(r, Built)}


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda p: p.stem)
def test_builds_and_prints_every_exercise_and_dose(built: dict[str, Path], path: Path) -> None:
    ws = pipeline.load(path)
    pages = pdf_pages(built[path.stem])
    assert 1 <= len(pages) <= page_limit(path), f"{path.name} runs to {len(pages)} pages"
    text = " ".join(pages)
    assert ws.title in text
    for number, ex in enumerate(ws.exercises, 1):
        assert f"{number} {ex.name}" in text
        assert ex.dose.hold or ex.dose.reps, f"{ex.name} has no dose"
        assert plain(" ".join(" ".join(p for p in part if p) for part in wording.dose_parts(ex.dose))) in text
        for step in ex.steps:
            assert step in text
    drawn = [name for page in figures_drawn(built[path.stem]) for name in page]
    assert len(drawn) == len(ws.exercises), f"{path.name}: {len(drawn)} figures for {len(ws.exercises)} exercises"
    assert all(ex.figure is not None and ex.figure_alt for ex in ws.exercises)
    for number, page in enumerate(pages, 1):
        assert (ws.disclaimer or wording.DEFAULT_DISCLAIMER) in page
        assert f"Page {number} of {len(pages)}" in page


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_library_entry_is_valid_and_used(path: Path) -> None:
    load_library_entry(path)
    used = {i for ws in map(pipeline.load, WORKSHEETS) for i in ws.library_ids}
    assert path.stem in used, f"library entry {path.stem} is used by no worksheet"


README_CLINIC = """\
name: Riverside Physical Therapy
phone: (555) 010-0100
address: 1234 Main Street, Springfield
website: https://www.example.org
"""


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_with_a_clinic_and_a_patient_line_every_worksheet_still_fits_its_pages(tmp_path: Path, page_size: str) -> None:
    from worksheet.model import Patient, PrintOptions

    clinic_file = tmp_path / "clinic.yaml"
    clinic_file.write_text(README_CLINIC)
    options = PrintOptions(page_size=page_size, clinic=pipeline.load_clinic(clinic_file), patient=Patient(
        "Zelda Quintana-Example", "Dr. Alexandra Montgomery-Fitzgerald, DPT", "21 November 2026"))
    for result in pipeline.build_all(WORKSHEETS, tmp_path / "out", options):
        assert isinstance(result, Built), result
        pages = pdf_pages(result.output)
        assert len(pages) <= page_limit(result.source), f"{result.source.name} runs to {len(pages)} pages"
        assert "Phone: (555) 010-0100 • 1234 Main Street, Springfield" in " ".join(p for p in pages)


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_without_options_every_worksheet_fits_its_pages_and_notes_never_start_a_page(tmp_path: Path, page_size: str) -> None:
    from worksheet.model import PrintOptions

    for result in pipeline.build_all(WORKSHEETS, tmp_path / "out", PrintOptions(page_size=page_size)):
        assert isinstance(result, Built), result
        pages = pdf_pages(result.output)
        assert len(pages) <= page_limit(result.source), f"{result.source.name} runs to {len(pages)} pages"
        before_notes = pages[-1].split("Your notes")[0]
        names = [ex.name for ex in pipeline.load(result.source).exercises]
        assert any(name in before_notes for name in names), f"{result.source.name}: a last page of notes alone"


def test_muscle_names_are_explained_and_prone_prop_defers_to_the_therapist() -> None:
    entries = {p.stem: load_library_entry(p) for p in LIBRARY}
    for entry, word in (("seated-ql-stretch", "QL"), ("psoas-stretch", "psoas"), ("seated-rhomboid-stretch", "rhomboid"),
                        ("long-sitting-rhomboid-stretch", "rhomboid"), ("seated-piriformis-stretch", "piriformis")):
        ex = entries[entry]
        assert word in (ex.feel or ""), f"{entry}: '{word}' is not said in plain words where the patient reads it"
    assert "only if your therapist told you to" in " ".join(entries["prone-prop"].caution)


def test_no_last_page_holds_a_block_that_tighter_spacing_would_pull_back(tmp_path: Path) -> None:
    """With a clinic and a patient line, each shipped worksheet's page count is the fewest the
    tighter spacing can reach: the engine kept the tight layout wherever it saves a page."""
    from worksheet.model import Patient, PrintOptions
    from worksheet.render import document, styles
    from worksheet.render.sheet import worksheet_story

    (tmp_path / "clinic.yaml").write_text(README_CLINIC)
    clinic = pipeline.load_clinic(tmp_path / "clinic.yaml")
    for path in WORKSHEETS:
        ws = pipeline.load(path)
        s = PrintOptions(clinic=clinic, patient=Patient("Zelda Quintana-Example", None, "21 November 2026")).resolve(ws)

        def story_for(t: styles.Theme, geo: styles.Geometry, _: object, plan_at_end: bool, ws: object = ws, s: object = s) -> list[object]:
            return worksheet_story(ws, s, t, geo.frame_width, wide_width=geo.landscape().frame_width, plan_at_end=plan_at_end)  # type: ignore[arg-type]

        tight = document._lay_out([ws], s, styles.theme(False, tight=True), story_for, False)[2]  # type: ignore[arg-type]
        assert document.render(ws, s).pages <= tight.page, path.name

