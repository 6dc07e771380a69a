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
    assert [t for t, _ in top] == ["Contents", "Knee program", "Back program"]
    knee_page, back_page = top[1][1], top[2][1]
    assert 1 < knee_page < back_page
    contents = pages[0]
    for title, page in (("Knee program", knee_page), ("Back program", back_page)):  # a dotted line to the page
        assert re.search(rf"{title}[ .]*{page}\b|\b{page} {title}", contents), contents
    assert "Ask your therapist first." in pages[back_page - 1]  # each worksheet keeps its own disclaimer
    assert wording.DEFAULT_DISCLAIMER in pages[knee_page - 1]
    exercises = [item.title for item in reader.outline[2]]
    assert exercises[:3] == ["1. Heel slide", "2. Knee to chest", "3. Bridge"] and exercises[-1] == "Exercise log"
    assert reader.metadata.title == "Program for Zofia"


def test_booklet_reports_every_problem_and_writes_nothing(project: Path) -> None:
    write(project, "a.yaml", KNEE)
    write(project, "b.yaml", "title: Bad\nexercises:\n  - name: X\n    reps: ten\n")
    result = run("booklet", "a.yaml", "b.yaml", "-o", "program.pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("b.yaml:4:11: 'reps' must be a whole number")
    assert not (project / "program.pdf").exists()
