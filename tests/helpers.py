"""Helpers every test module may import: write a worksheet, run the CLI, read a PDF back as a
user would. (Fixtures live in conftest.py; these are plain functions and constants.)"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pikepdf
from click.testing import CliRunner, Result
from pypdf import PdfReader

from worksheet.cli import cli

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
SHIPPED = ROOT / "worksheets"

MINIMAL = """\
title: Test sheet
exercises:
  - name: Pelvic tilt
    steps:
      - Flatten your back.
      - Relax.
    hold: 3-5 s
    reps: 10
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text), encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def check_structure(path: Path) -> None:
    """qpdf (through pikepdf) finds no syntax problem, and the PDF has at least one page."""
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == [], f"{path} fails qpdf's check"
        assert len(pdf.pages) >= 1


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, with runs of whitespace made single spaces (after a structure check)."""
    check_structure(path)
    reader = PdfReader(path, strict=True)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))
