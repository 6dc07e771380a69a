"""The two themes: regular print, and large print at 16 pt or more with 1-inch margins."""


from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import KNEE, check_structure, pdf_text, run, text_runs, text_sizes, write
from worksheet.render import styles


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
    assert "2. Slide it back. Video" in text and "Repeat 10 times How often: 2 times a day" in text  # one column: the card follows the steps
    assert "Hold 30 seconds Repeat 3 times each side" in text


def test_large_print_from_the_file_and_regular_print_is_smaller(project: Path) -> None:
    write(project, "big.yaml", "large_print: true\n" + KNEE)
    write(project, "small.yaml", KNEE)
    assert run("build", "big.yaml", "small.yaml", "-o", "out").exit_code == 0
    big = Counter(s for s, _, _ in text_sizes(project / "out/big.pdf", 0)).most_common(1)[0][0]
    small = Counter(s for s, _, _ in text_sizes(project / "out/small.pdf", 0)).most_common(1)[0][0]
    assert big >= 16 > small >= 12
    assert styles.theme(True).ss["body"].fontSize >= 16 and styles.theme(False).ss["body"].fontSize >= 12


@pytest.mark.parametrize(("large", "smallest"), [(False, 11), (True, 16)])
def test_nothing_is_printed_smaller_than_the_minimum_footer_and_disclaimer_included(project: Path, large: bool, smallest: float) -> None:
    """Every character on every page: 11 pt at least in regular print, 16 pt in large print."""
    (project / "logo.png").write_bytes(b"")
    write(project, "worksheets/clinic.yaml", "name: Riverside Physical Therapy\nphone: (555) 010-0100\naddress: 1234 Main Street, Springfield\nwebsite: https://www.example.org\n")
    write(project, "worksheets/knee.yaml", KNEE + "video: https://example.org/routine\n")
    args = ["build", "--patient", "Ana María Peña Ibáñez", "--log", "--log-days", "14"] + (["--large-print"] if large else [])
    assert run(*args).exit_code == 0
    runs = text_runs(project / "build" / "knee.pdf")
    assert min(size for *_, size, _, _ in runs) >= smallest, sorted({(r[3], r[5][:30]) for r in runs})[:5]
    assert any("general exercises" in r[5] for r in runs) and any("Riverside" in r[5] for r in runs)
