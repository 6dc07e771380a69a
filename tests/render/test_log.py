"""The tracking log: rows per exercise and side, boxes per time a day, a pain column."""


from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import KNEE, pdf_pages, pdf_text, run, write
from worksheet.build.pipeline import load
from worksheet.render.log import log_rows


def test_log_rows_follow_sides_and_frequency(sheet: Path) -> None:
    ws = load(sheet)
    assert log_rows(ws) == [
        ("1. Heel slide", 2),
        ("2. Knee to chest, left", 1),
        ("2. Knee to chest, right", 1),
        ("3. Bridge", 1),
    ]


@pytest.mark.parametrize(("days", "tables"), [(7, 1), (14, 2)])
def test_log_page_has_a_box_per_time_per_day_and_a_pain_column(sheet: Path, project: Path, days: int, tables: int) -> None:
    result = run("build", "--log", "--log-days", str(days))
    assert result.exit_code == 0, result.output
    pdf = project / "build" / "knee.pdf"
    pages = pdf_pages(pdf)
    log_pages = [i for i, p in enumerate(pages) if "Exercise log" in p]
    assert log_pages, "no log page"
    log_text = " ".join(pages[log_pages[0]:])
    assert "Tick a box each time you do an exercise (one box for each time a day)." in log_text
    assert f"Day {days}" in log_text and f"Day {days + 1}" not in log_text
    assert log_text.count("Pain 0–10") == tables
    for label in ("1. Heel slide", "2. Knee to chest, left", "2. Knee to chest, right", "3. Bridge"):
        assert log_text.count(label) == tables
    reader = PdfReader(pdf)
    stroked = sum(len(re.findall(rb"re\s+S", reader.pages[i].get_contents().get_data())) for i in range(log_pages[0], len(pages)))
    assert stroked == days * (2 + 1 + 1 + 1)  # 2 a day for the heel slide, 1 for each other row
    outline = [item.title for item in reader.outline[1]]
    assert outline[-1] == "Exercise log"


def test_log_from_the_file(project: Path) -> None:
    write(project, "w.yaml", "log: true\nlog_days: 3\n" + KNEE)
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    text = pdf_text(project / "out" / "w.pdf")
    assert "Exercise log" in text and "Day 3" in text and "Day 4" not in text
