"""Booklets: a contents page, continuous page numbers, bookmarks, every problem at once."""


from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.helpers import KNEE, pdf_pages, run, write
from worksheet.render import wording


def test_booklet_has_contents_bookmarks_continuous_pages_and_the_disclaimer(project: Path) -> None:
    write(project, "worksheets/a-knee.yaml", KNEE)
    write(project, "worksheets/b-back.yaml", "title: Back program\ndisclaimer: Ask your therapist first.\nexercises:\n"
          + "".join(f"  - name: Back move {i}\n    steps: [Move slowly., Rest.]\n    reps: 5\n" for i in range(1, 9)))
    result = run("booklet", "worksheets", "-o", "program.pdf", "--title", "Program for Zofia", "--log")
    assert result.exit_code == 0, result.output
    pdf = project / "program.pdf"
    pages = pdf_pages(pdf)
    n = len(pages)
    assert result.stdout == f"Built program.pdf (2 worksheets, {n} pages)\n"
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {n}" in page
        assert wording.DEFAULT_DISCLAIMER in page or "Ask your therapist first." in page
    reader = PdfReader(pdf)
    top = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline if not isinstance(item, list)]
    assert [t for t, _ in top] == ["Contents", "Knee program", "Back program", "Exercise log"]
    knee_page, back_page = top[1][1], top[2][1]
    assert 1 < knee_page < back_page
    contents = pages[0]
    for title, page in (("Knee program", knee_page), ("Back program", back_page)):  # a dotted line to the page
        assert re.search(rf"{title}[ .]*{page}\b|\b{page} {title}", contents), contents
    assert "Ask your therapist first." in pages[back_page - 1]  # each worksheet keeps its own disclaimer
    assert wording.DEFAULT_DISCLAIMER in pages[knee_page - 1]
    exercises = [item.title for item in reader.outline[2]]
    assert exercises[:3] == ["1. Heel slide", "2. Knee to chest", "3. Bridge"]
    assert reader.outline[-1].title == "Exercise log"
    assert reader.metadata.title == "Program for Zofia"
    log = " ".join(pages[reader.get_destination_page_number(reader.outline[-1]):])
    assert log.count("Tick a box") == 1  # one log for the whole booklet
    for name in ("Heel slide", "Knee to chest, left", "Back move 1", "Back move 8"):
        assert name in log


def test_duplex_starts_every_worksheet_on_a_right_hand_page_after_ruled_notes(project: Path) -> None:
    write(project, "worksheets/a.yaml", KNEE)
    write(project, "worksheets/b.yaml", KNEE.replace("Knee program", "Second program"))
    write(project, "worksheets/c.yaml", KNEE.replace("Knee program", "Third program"))
    result = run("booklet", "worksheets", "-o", "program.pdf", "--duplex", "--patient", "Zofia Kowalczyk", "--date", "21 Nov 2026")
    assert result.exit_code == 0, result.output
    pages = pdf_pages(project / "program.pdf")
    reader = PdfReader(project / "program.pdf")
    starts = [reader.get_destination_page_number(i) + 1 for i in reader.outline if not isinstance(i, list) and i.title != "Contents"]
    assert starts == [3, 5, 7], starts  # odd pages: right-hand pages when printed on both sides
    for n in (2, 4, 6):
        assert pages[n - 1].split("Your notes")[0].count("Heel slide") == 0 and "Your notes" in pages[n - 1]
    assert "Patient: Zofia Kowalczyk" in pages[0] and "Date: 21 Nov 2026" in pages[0] and "Contents" in pages[0]
    assert all("Zofia" not in p for p in pages[1:])


def test_one_library_exercise_at_two_doses_is_a_warning_naming_both_places(project: Path) -> None:
    write(project, "library/tilt.yaml", "name: Pelvic tilt\nsteps: [Tilt.]\n")
    write(project, "a.yaml", "title: A\nexercises:\n  - use: tilt\n    reps: 10\n")
    write(project, "b.yaml", "title: B\nexercises:\n  - name: Other\n  - use: tilt\n    hold: 30 s\n    reps: 3\n")
    result = run("booklet", "a.yaml", "b.yaml", "-o", "program.pdf", "--log")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "b.yaml:4:5: warning: The library exercise 'tilt' is used here at one dose (Hold 30 seconds • Repeat 3 times) "
        "and in a.yaml:3 at another (Repeat 10 times); check which one this patient should do.")
    log = " ".join(pdf_pages(project / "program.pdf")[-1].replace("\xa0", " ").split())
    assert "Pelvic tilt (10 times)" in log and "Pelvic tilt (hold 30 seconds, 3 times)" in log  # two rows told apart


def test_booklet_reports_every_problem_and_writes_nothing(project: Path) -> None:
    write(project, "a.yaml", KNEE)
    write(project, "b.yaml", "title: Bad\nexercises:\n  - name: X\n    reps: ten\n")
    result = run("booklet", "a.yaml", "b.yaml", "-o", "program.pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("b.yaml:4:11: 'reps' must be a whole number")
    assert not (project / "program.pdf").exists()
