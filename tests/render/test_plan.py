"""The box on page 1: the patient's details and the plan, filled in or ruled for handwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import KNEE, pdf_pages, run, text_runs, write

FORTY = "Zelda Quintana-Example Montgomery-Fitzge"  # 40 characters


def runs_with(pdf: Path, text: str) -> list[tuple[int, int, int, float, str, str]]:
    return [r for r in text_runs(pdf) if text in r[5]]


def test_a_plan_from_the_file_prints_its_values(project: Path) -> None:
    write(project, "w.yaml", "plan:\n  how_often: Once a day, 5 days a week\n  weeks: 6\n  next_visit: Tuesday 8 December\n"
                             "  call_if: your pain gets worse\n" + KNEE)
    write(project, "clinic.yaml", "name: Riverside\nphone: (555) 010-0100\n")
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    page = pdf_pages(project / "out" / "w.pdf")[0]
    assert "Your plan" in page
    assert "How often: Once a day, 5 days a week" in page
    assert "For: 6 weeks" in page
    assert "Next visit: Tuesday 8 December" in page
    assert "Call us at (555) 010-0100 if: your pain gets worse" in page


def test_options_fill_the_plan_over_the_file(sheet: Path, project: Path) -> None:
    result = run("build", "--how-often", "Twice a day", "--weeks", "4", "--next-visit", "in two weeks")
    assert result.exit_code == 0, result.output
    page = pdf_pages(project / "build" / "knee.pdf")[0]
    assert "How often: Twice a day" in page and "For: 4 weeks" in page and "Next visit: in two weeks" in page
    assert "Call us if:" in page  # no clinic phone, nothing given: a rule to fill in


def test_anything_not_given_is_a_rule_to_fill_in(sheet: Path, project: Path) -> None:
    assert run("build").exit_code == 0
    page = pdf_pages(project / "build" / "knee.pdf")[0]
    assert "How often: ______ times a day, ______ days a week For: ______ weeks Next visit: Call us if:" in page
    assert "Patient:" not in page  # no patient line unless asked for


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_forty_character_name_stays_on_one_line(sheet: Path, project: Path, page_size: str) -> None:
    args = ["build", "--patient", FORTY, "--therapist", FORTY, "--date", "21 November 2026", "--page-size", page_size]
    assert run(*args).exit_code == 0
    pdf = project / "build" / "knee.pdf"
    for label in ("Patient:", "Prescribed by:"):
        (label_run,) = [r for r in runs_with(pdf, label) if r[0] == 1]
        value = [r for r in text_runs(pdf) if r[0] == 1 and r[1] == label_run[1] and r[4] == "R"]
        assert any(FORTY == r[5] or FORTY in r[5] for r in value), (label, value)  # the whole name on the label's line


def test_a_longer_name_wraps_at_a_space_or_hyphen_never_inside_a_word(sheet: Path, project: Path) -> None:
    name = "Alexandra Montgomery-Fitzgerald-Smythe, DPT, and Associates"
    assert run("build", "--therapist", name).exit_code == 0
    words = {w.strip(",") for w in name.replace("-", "- ").split()}
    pieces = [r[5] for r in text_runs(project / "build" / "knee.pdf") if r[0] == 1 and r[4] == "R" and any(p in r[5] for p in ("Alexandra", "Smythe", "Associates"))]
    for piece in pieces:
        for word in piece.replace("-", "- ").split():
            assert word.strip(",") in words, (word, pieces)  # every piece is made of whole words
