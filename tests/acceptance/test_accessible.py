"""Every kind of PDF we write is tagged (PDF/UA-1) and archival (PDF/A-2b): its structure tree
reads as the page does, every piece of text and picture is tagged or an artifact, figures have
words, the log has header cells, every font is embedded, and the metadata says so."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfua import Severity, validate
from PIL import Image

from tests.helpers import CLINIC, KNEE, SHIPPED, marked_content, run, structure_elements, structure_order, write

KINDS: dict[str, Callable[[Path], Path]] = {}


def kind(name: str) -> Callable[[Callable[[Path], Path]], Callable[[Path], Path]]:
    def register(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
        KINDS[name] = make
        return make
    return register


@kind("worksheet with picture, video, log, clinic and patient")
def _full(project: Path) -> Path:
    Image.new("RGB", (60, 40), "gray").save(project / "worksheets" / "photo.png")
    (project / "worksheets" / "logo.png").write_bytes((project / "worksheets" / "photo.png").read_bytes())
    write(project, "worksheets/clinic.yaml", CLINIC)
    write(project, "worksheets/knee.yaml", KNEE.replace("    sides: both\n", "    sides: both\n    image: photo.png\n"))
    assert run("build", "worksheets/knee.yaml", "-o", "out", "--log", "--log-days", "14", "--patient", "Ana María Peña").exit_code == 0
    return project / "out" / "knee.pdf"


@kind("large print")
def _large(project: Path) -> Path:
    assert run("build", str(SHIPPED / "back-pain-relief.yaml"), "-o", "out", "--large-print").exit_code == 0
    return project / "out" / "back-pain-relief.pdf"


@kind("booklet with log, duplex")
def _booklet(project: Path) -> Path:
    assert run("booklet", str(SHIPPED / "achy-back.yaml"), str(SHIPPED / "upper-back-pain.yaml"), "-o", "b.pdf", "--log", "--duplex").exit_code == 0
    return project / "b.pdf"


@kind("catalogue")
def _catalogue(project: Path) -> Path:
    assert run("catalog", str(SHIPPED / "library"), "-o", "c.pdf").exit_code == 0
    return project / "c.pdf"


@kind("Spanish, bilingual")
def _spanish(project: Path) -> Path:
    assert run("build", str(SHIPPED / "upper-back-trigger-points.yaml"), "-o", "out", "--language", "es", "--bilingual").exit_code == 0
    return project / "out" / "upper-back-trigger-points.pdf"


@pytest.fixture(params=sorted(KINDS))
def pdf(request: pytest.FixtureRequest, sheet: Path, project: Path) -> Path:
    return KINDS[request.param](project)


def test_the_structure_tree_reads_as_the_page_does_nothing_missing_nothing_doubled(pdf: Path) -> None:
    pages = marked_content(pdf)
    untagged = [(i, t) for i, page in enumerate(pages) for tag, _, t in page if not tag]
    assert not untagged, untagged[:5]
    drawn = [(i, mcid) for i, page in enumerate(pages) for tag, mcid, _ in page if tag != "Artifact"]
    in_order = list(dict.fromkeys(drawn))  # a paragraph's lines are one piece
    tree = structure_order(pdf)
    with_text = [m for m in tree if m in set(in_order)]
    assert with_text == in_order  # the tree's order is the reading order, page by page
    assert len(tree) == len(set(tree))  # nothing in the tree twice
    text = {(i, m): "".join(t for tag, mm, t in page if mm == m and tag != "Artifact") for i, page in enumerate(pages) for m in {mm for _, mm, _ in page}}
    read = " ".join(" ".join(text.get(m, "").split()) for m in tree if text.get(m))
    shown = " ".join(" ".join(t.split()) for page in pages for tag, _, t in page if tag != "Artifact")
    assert read.replace(" ", "") == shown.replace(" ", "")


def test_every_text_and_picture_is_tagged_or_an_artifact(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
            depth = 0
            for _operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    depth += 1
                elif op == "EMC":
                    depth -= 1
                elif op in ("Tj", "TJ", "'", '"', "Do", "BI") and depth == 0:
                    pytest.fail(f"page {number}: {op} outside marked content")


def test_figures_have_words_tables_have_headers_and_the_headings_are_in_order(pdf: Path) -> None:
    elements = structure_elements(pdf)
    roles = [role for role, *_ in elements]
    assert all(alt.strip() for role, alt, _, _ in elements if role == "Figure"), "a figure with no words"
    if "Table" in roles:
        assert any(role == "TH" and scope == "Column" for role, _, _, scope in elements)
        assert any(role == "TH" and scope == "Row" for role, _, _, scope in elements)
    headings = [int(r[1]) for r in roles if re.fullmatch(r"H\d", r)]
    assert headings and headings[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(headings))
    if "LI" in roles:
        assert "L" in roles and "Lbl" in roles and "LBody" in roles


def test_every_font_is_embedded_and_the_metadata_declares_pdf_a_2b_and_pdf_ua_1(pdf: Path) -> None:
    with pikepdf.open(pdf) as doc:
        assert doc.Root.MarkInfo.Marked is True and str(doc.Root.Lang)
        assert doc.Root.ViewerPreferences.DisplayDocTitle is True
        assert doc.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFA1
        assert not doc.is_encrypted and "/ID" in doc.trailer
        for page in doc.pages:
            for font in page.Resources.get("/Font", {}).values():
                descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont
        xmp = ET.fromstring(doc.Root.Metadata.read_bytes())
        title = str(doc.docinfo.Title)
    ns = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
          "dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
    assert xmp.findtext(".//pdfaid:part", namespaces=ns) == "2" and xmp.findtext(".//pdfaid:conformance", namespaces=ns) == "B"
    assert xmp.findtext(".//pdfuaid:part", namespaces=ns) == "1"
    assert xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=ns) == title


def test_the_pdfua_checker_finds_no_error(pdf: Path) -> None:
    report = validate(str(pdf))
    errors = [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert not errors, errors
    assert not list(report.skipped), [o.skipped_reason for o in report.skipped]


def test_the_same_input_gives_the_same_bytes(sheet: Path, project: Path) -> None:
    first = KINDS["booklet with log, duplex"](project).read_bytes()
    (project / "b.pdf").unlink()
    assert KINDS["booklet with log, duplex"](project).read_bytes() == first


def test_bilingual_print_marks_the_text_as_written_with_its_own_language(sheet: Path, project: Path) -> None:
    langs = {lang for _, _, lang, _ in structure_elements(KINDS["Spanish, bilingual"](project)) if lang}
    assert langs == {"en-US"}
    with pikepdf.open(project / "out" / "upper-back-trigger-points.pdf") as doc:
        assert str(doc.Root.Lang) == "es"
