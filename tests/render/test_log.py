"""The tracking log: a table a week, boxes per time a day or per week, a pain row each day."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import KNEE, pdf_pages, pdf_text, run, text_runs, write
from worksheet.build.pipeline import load
from worksheet.render.log import LogRow, log_rows

WEEKLY = KNEE.replace("    sides: both\n", "    sides: both\n    frequency: 3 times a week\n")


def test_log_rows_follow_sides_and_frequency(project: Path) -> None:
    ws = load(write(project, "w.yaml", WEEKLY))
    assert log_rows([ws]) == [
        LogRow("1. Heel slide", 2, 0),
        LogRow("2. Knee to chest, left", 1, 0),
        LogRow("2. Knee to chest, right", 1, 0),
        LogRow("3. Bridge", 0, 3),  # three times a week: three boxes across the week
    ]


def log_pages(pdf: Path) -> list[int]:
    return [i for i, p in enumerate(pdf_pages(pdf)) if "Exercise log" in p or "Week " in p]


@pytest.mark.parametrize(("days", "weeks"), [(7, 1), (14, 2), (10, 2)])
def test_the_log_runs_in_weeks_with_a_pain_row_each_day(project: Path, days: int, weeks: int) -> None:
    write(project, "w.yaml", WEEKLY)
    result = run("build", "w.yaml", "-o", "out", "--log", "--log-days", str(days))
    assert result.exit_code == 0, result.output
    pdf = project / "out" / "w.pdf"
    pages = log_pages(pdf)
    text = " ".join(pdf_pages(pdf)[pages[0]:])
    for week in range(1, weeks + 1):
        first, last = 7 * (week - 1) + 1, min(days, 7 * week)
        assert f"Week {week} Day {first}" in text and f"Day {last} " in text
    assert f"Day {days + 1}" not in text
    assert text.count("Pain (0–10)") == weeks  # a row for the day's pain, in every week's table
    assert text.count("3 times this week") == weeks
    reader = PdfReader(pdf)
    stroked = sum(len(re.findall(rb"re\s+S", reader.pages[i].get_contents().get_data())) for i in pages)
    assert stroked == days * (2 + 1 + 1) + 3 * weeks  # 2 a day, 1 a day per side, 3 a week


def test_day_headers_stay_on_one_line_and_the_text_is_large_enough(project: Path) -> None:
    for large in (False, True):
        write(project, "w.yaml", WEEKLY)
        args = ["build", "w.yaml", "-o", "out", "--log", "--log-days", "14", "--force"] + (["--large-print"] if large else [])
        assert run(*args).exit_code == 0
        pdf = project / "out" / "w.pdf"
        pages = set(log_pages(pdf))
        runs = [r for r in text_runs(pdf) if r[0] - 1 in pages]
        texts = [r[5].replace("\xa0", " ") for r in runs]
        if large:  # the week's label says "day" once and each column holds just its number
            assert [t for t in texts if t.startswith("Week")] == ["Week 1 · day", "Week 2 · day"], texts
            days = [t for t in texts if re.fullmatch(r"\d+", t)]
            assert sorted(set(days), key=int) == [str(n) for n in range(1, 15)], days
        else:  # "Day 1", never "Day" / "1"
            days = [t for t in texts if t.startswith("Day")]
            assert len(set(days)) == 14 and all(re.fullmatch(r"Day \d+", d) for d in days), days
        table = [r for r in runs if re.match(r"(Day|Week|Pain|\d+\. |\d+ times this week|\d+$)", r[5].replace("\xa0", " "))]
        assert len(table) > 20 and min(r[3] for r in table) >= (16 if large else 12)


def test_a_log_a_week_too_wide_for_the_page_is_turned_sideways(project: Path) -> None:
    write(project, "w.yaml", KNEE.replace("frequency: 2 times a day", "frequency: 3 times a day"))
    assert run("build", "w.yaml", "-o", "out", "--log", "--large-print").exit_code == 0
    reader = PdfReader(project / "out" / "w.pdf")
    sizes = [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages]
    assert sizes[0] == (612, 792) and sizes[-1] == (792, 612)


def test_log_from_the_file(project: Path) -> None:
    write(project, "w.yaml", "log: true\nlog_days: 3\n" + KNEE)
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    text = pdf_text(project / "out" / "w.pdf")
    assert "Exercise log" in text and "Day 3" in text and "Day 4" not in text
