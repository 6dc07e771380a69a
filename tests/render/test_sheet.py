"""Printing for patients: personal header, clinic, large print, QR codes, tracking log, booklet.

Each feature is checked the way a patient or a clinic meets it: in the PDF's text, pages,
pictures, codes and bookmarks, and through the command line.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.helpers import check_structure, pdf_pages, pdf_text, run, write
from worksheet.build.pipeline import load
from worksheet.render import styles, wording
from worksheet.render.log import log_rows

SHEET = """
title: Knee program
exercises:
  - name: Heel slide
    steps: [Slide your heel toward you., Slide it back.]
    reps: 10
    frequency: 2 times a day
    video: https://www.example.org/videos/heel-slide/
  - name: Knee to chest
    steps: [Pull one knee up., Lower it.]
    hold: 30 s
    reps: 3
    sides: each
  - name: Bridge
    steps: [Lift your hips.]
    reps: 10
    sides: both
"""


@pytest.fixture
def sheet(project: Path) -> Path:
    return write(project, "worksheets/knee.yaml", SHEET)


def text_sizes(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """(font size, x, y) of every piece of text on a page."""
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((round(size * tm[3] * cm[3], 1), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


# 1. Patient header ------------------------------------------------------------------


def test_patient_details_are_printed_on_page_one_and_nowhere_else(sheet: Path, project: Path) -> None:
    result = run("build", "--patient", "Zofia Kowalczyk", "--therapist", "Dr. Ana Ruiz", "--date", "21 November 2026")
    assert result.exit_code == 0, result.output
    pdf = project / "build" / "knee.pdf"
    pages = pdf_pages(pdf)
    assert "Patient: Zofia Kowalczyk" in pages[0]
    assert "Date: 21 November 2026" in pages[0]
    assert "Prescribed by: Dr. Ana Ruiz" in pages[0]
    assert all("Zofia" not in p for p in pages[1:])
    meta = PdfReader(pdf).metadata
    assert not any("Zofia" in str(v) for v in meta.values())
    assert "Zofia" not in result.output
    for path in project.rglob("*"):  # no other file, name or cache holds the name
        assert "zofia" not in path.name.lower()
        if path.is_file() and path != pdf:
            assert b"Zofia" not in path.read_bytes(), path


def test_blank_lines_to_fill_in_by_hand(sheet: Path, project: Path) -> None:
    assert run("build", "--patient-header").exit_code == 0
    first = pdf_pages(project / "build" / "knee.pdf")[0]
    assert "Patient:" in first and "Date:" in first and "Prescribed by:" in first
    assert run("build").exit_code == 0
    assert "Patient:" not in pdf_pages(project / "build" / "knee.pdf")[0]  # off unless asked for


def test_a_name_the_font_cannot_print_is_refused(sheet: Path) -> None:
    result = run("build", "--patient", "王小明")
    assert result.exit_code == 2
    assert "Invalid value for '--patient': has characters the font lacks" in result.stderr


# 2. Clinic ---------------------------------------------------------------------------

CLINIC = """
name: Riverside Physical Therapy
phone: 555-0100
address: 12 Main Street, Springfield
website: https://www.riverside.example/
logo: logo.png
"""


def test_clinic_beside_the_worksheets_is_on_every_page(sheet: Path, project: Path) -> None:
    Image.new("RGB", (300, 100), "black").save(project / "worksheets" / "logo.png")
    write(project, "worksheets/clinic.yaml", CLINIC)
    result = run("build", "--log")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Built build/knee.pdf (2 pages)\n"  # clinic.yaml is not a worksheet
    pdf = project / "build" / "knee.pdf"
    for page in pdf_pages(pdf):
        assert "Riverside Physical Therapy • 555-0100 • 12 Main Street, Springfield • riverside.example" in page
    assert pdf.read_bytes().count(b"/Subtype /Image") == 1  # the logo, once, reused on every page


def test_clinic_option_and_located_clinic_errors(sheet: Path, project: Path) -> None:
    write(project, "other/clinic.yaml", "name: Hillside Clinic\nphone: 555-0199\n")
    assert run("build", "--clinic", "other/clinic.yaml").exit_code == 0
    assert "Hillside Clinic • 555-0199" in pdf_text(project / "build" / "knee.pdf")
    write(project, "bad/clinic.yaml", "nam: Typo Clinic\nwebsite: ftp://example.org\n")
    result = run("build", "--clinic", "bad/clinic.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith(" ")]
    assert lines == [
        "bad/clinic.yaml:1:1: The clinic file has no 'name'; add one, for example 'name: Riverside Physical Therapy'.",
        "bad/clinic.yaml:1:1: Unknown key 'nam' in the clinic file; the nearest known key is 'name'.",
        "bad/clinic.yaml:2:10: 'website' must be a web address starting with https:// or http://, not 'ftp://example.org'.",
    ]


# 3. Large print and 4. page sizes --------------------------------------------------------


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_large_print_is_16_pt_with_one_inch_margins(sheet: Path, project: Path, page_size: str) -> None:
    result = run("build", "--large-print", "--page-size", page_size)
    assert result.exit_code == 0, result.output
    pdf = project / "build" / "knee.pdf"
    check_structure(pdf)
    sizes = text_sizes(pdf, 0)
    body = Counter(size for size, _, _ in sizes).most_common(1)[0][0]
    assert body >= 16
    assert min(x for _, x, _ in sizes) >= 72 - 0.5  # 1-inch left margin
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    assert width == pytest.approx(612 if page_size == "letter" else 595.3, abs=1)
    text = pdf_text(pdf)
    assert "2. Slide it back. Video" in text and "Repeat 10 times 2 times a day" in text  # one column: the card follows the steps
    assert "Hold 30 seconds Repeat 3 times each side" in text


def test_large_print_from_the_file_and_regular_print_is_smaller(project: Path) -> None:
    write(project, "big.yaml", "large_print: true\n" + SHEET)
    write(project, "small.yaml", SHEET)
    assert run("build", "big.yaml", "small.yaml", "-o", "out").exit_code == 0
    big = Counter(s for s, _, _ in text_sizes(project / "out/big.pdf", 0)).most_common(1)[0][0]
    small = Counter(s for s, _, _ in text_sizes(project / "out/small.pdf", 0)).most_common(1)[0][0]
    assert big >= 16 > small >= 12
    assert styles.theme(True).ss["body"].fontSize >= 16 and styles.theme(False).ss["body"].fontSize >= 12


# 6. QR codes -----------------------------------------------------------------------------


def decode_qr(pdf: Path, page: int = 0) -> list[str]:
    pdfium = pytest.importorskip("pypdfium2")
    zxing = pytest.importorskip("zxingcpp")
    image = pdfium.PdfDocument(str(pdf))[page].render(scale=3).to_pil()
    return sorted(r.text for r in zxing.read_barcodes(image))


def test_video_addresses_print_as_qr_codes_that_decode(project: Path) -> None:
    write(project, "w.yaml", SHEET + "video: https://example.org/programs/knee\n")
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    pdf = project / "out" / "w.pdf"
    assert decode_qr(pdf) == ["https://example.org/programs/knee", "https://www.example.org/videos/heel-slide/"]
    text = pdf_text(pdf)
    assert "the address below it. example.org/programs/knee" in text  # the short address, written out to type
    assert "example.org/videos/heel-slide" in "".join(text.split())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd", "example.org", "https://"])
def test_only_http_and_https_addresses(project: Path, url: str) -> None:
    write(project, "w.yaml", f"title: T\nvideo: '{url}'\nexercises:\n  - name: A\n")
    result = run("build", "w.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("w.yaml:2:8: 'video' must be a web address starting with https:// or http://")


# 7. Tracking log --------------------------------------------------------------------------


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
    write(project, "w.yaml", "log: true\nlog_days: 3\n" + SHEET)
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    text = pdf_text(project / "out" / "w.pdf")
    assert "Exercise log" in text and "Day 3" in text and "Day 4" not in text


# 8. Booklet ---------------------------------------------------------------------------------


def test_booklet_has_contents_bookmarks_continuous_pages_and_the_disclaimer(project: Path) -> None:
    write(project, "worksheets/a-knee.yaml", SHEET)
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
    write(project, "a.yaml", SHEET)
    write(project, "b.yaml", "title: Bad\nexercises:\n  - name: X\n    reps: ten\n")
    result = run("booklet", "a.yaml", "b.yaml", "-o", "program.pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("b.yaml:4:11: 'reps' must be a whole number")
    assert not (project / "program.pdf").exists()
