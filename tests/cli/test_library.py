"""worksheet catalog and worksheet figure: exit codes and the lines they print."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers import SHIPPED, pdf_pages, run


def test_catalog_prints_every_entry_with_its_id(project: Path) -> None:
    shutil.copytree(SHIPPED / "library", project / "worksheets" / "library")
    result = run("catalog")
    assert result.exit_code == 0, result.output
    pages = pdf_pages(project / "library.pdf")
    assert result.stdout == f"Built library.pdf ({len(pages)} pages)\n"
    text = " ".join(pages)
    for entry in (project / "worksheets" / "library").glob("*.yaml"):
        assert f"use: {entry.stem}" in text
    assert "Pelvic tilt" in text and "Caution:" in text and "For choosing exercises" in pages[-1]


def test_figure_writes_svg_and_png_and_reports_a_typo(project: Path) -> None:
    library = str(SHIPPED / "library")
    assert run("figure", "bridge", "--library", library, "-o", "bridge.svg").stdout == "Wrote bridge.svg\n"
    assert (project / "bridge.svg").read_text(encoding="utf-8").count("<path") > 20
    assert run("figure", "bridge", "--library", library, "-o", "bridge.png").exit_code == 0
    assert (project / "bridge.png").read_bytes().startswith(b"\x89PNG")
    result = run("figure", "brige", "--library", library, "-o", "x.svg")
    assert result.exit_code == 1 and not (project / "x.svg").exists()
    assert result.stderr == f"Error: There is no exercise 'brige' in {library}/; the nearest is 'bridge'.\n"
