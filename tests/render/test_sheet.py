"""Printing for patients: personal header, clinic, large print, QR codes, tracking log, booklet.

Each feature is checked the way a patient or a clinic meets it: in the PDF's text, pages,
pictures, codes and bookmarks, and through the command line.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.helpers import pdf_pages, run


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


