"""The typeface: its character set read without ReportLab, registered once, embedded in every PDF."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import DATA
from worksheet.build import pipeline
from worksheet.render import fonts


def test_charset_covers_accented_latin_and_not_arrows_or_emoji() -> None:
    cs = fonts.charset()
    for ch in "AZaz09 éñüçÁÑ½–—’“”°":
        assert ord(ch) in cs, ch
    for ch in "→✓😀漢":
        assert ord(ch) not in cs, ch


def test_charset_is_read_without_importing_reportlab() -> None:
    code = "import sys; from worksheet.render import fonts; fonts.charset(); print(any(m.startswith('reportlab') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_register_is_idempotent() -> None:
    fonts.register()
    fonts.register()
    from reportlab.pdfbase import pdfmetrics

    assert pdfmetrics.getFont(fonts.BOLD).fontName == fonts.BOLD


def test_fonts_are_embedded(tmp_path: Path) -> None:
    data = pipeline.build_one(DATA / "full.yaml", tmp_path).output.read_bytes()
    assert b"AtkinsonHyperlegibleNext-Regular" in data
    assert b"AtkinsonHyperlegibleNext-Bold" in data
    assert b"/FontFile2" in data  # TrueType embedded, not referenced
