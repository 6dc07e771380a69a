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

# A small worksheet with a video, sides each/both and a frequency: the printing options' test sheet.
KNEE = """
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

CLINIC = """
name: Riverside Physical Therapy
phone: 555-0100
address: 12 Main Street, Springfield
website: https://www.riverside.example/
logo: logo.png
"""


def plain(text: str) -> str:
    """Text with every run of white space (no-break spaces included) as one space: as extracted."""
    return " ".join(text.split())


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


_FACES = {"Regular": "R", "Bold": "B", "Italic": "I", "BoldItalic": "BI"}


def text_runs(path: Path) -> list[tuple[int, int, int, float, str, str]]:
    """Every run of text (same line, font and size) on every page, as (page, top, left, size,
    face, text): positions in whole points from the page's top left, read with pdfium as a
    viewer would show them."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out: list[tuple[int, int, int, float, str, str]] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number, page in enumerate(pdf, 1):
            _, height = page.get_size()
            text = page.get_textpage()
            runs: list[list] = []  # [top, left, size, face, text]
            name = ctypes.create_string_buffer(128)
            flags = ctypes.c_int()
            x, y = ctypes.c_double(), ctypes.c_double()
            box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
            right = -1e9  # where the last character ended
            for i in range(text.count_chars()):
                if raw.FPDFText_IsGenerated(text.raw, i):
                    continue
                ch = text.get_text_range(i, 1)
                raw.FPDFText_GetCharOrigin(text.raw, i, x, y)
                size = round(raw.FPDFText_GetFontSize(text.raw, i), 1)
                raw.FPDFText_GetFontInfo(text.raw, i, name, len(name), flags)
                face = _FACES.get(name.value.decode("latin-1").rsplit("-", 1)[-1], name.value.decode("latin-1"))
                top, left = round(height - y.value), round(x.value)
                last = runs[-1] if runs else None
                apart = x.value - right > 0.6 * size  # a gap wider than a space: another cell or column
                if last is not None and last[0] == top and last[2] == size and last[3] == face and not apart:
                    last[4] += ch
                else:
                    runs.append([top, left, size, face, ch])
                raw.FPDFText_GetCharBox(text.raw, i, *box)
                right = box[1].value if box[1].value > box[0].value else x.value + 0.5 * size
            out += [(number, top, left, size, face, chars.strip()) for top, left, size, face, chars in runs if chars.strip()]
            text.close()
            page.close()
    finally:
        pdf.close()
    return out


def page_dump(path: Path) -> str:
    """Every page's text as runs (same line, font and size): ``top left size face text``,
    positions in whole points from the page's top left. Small enough to read in a diff, exact
    enough that any change to the layout shows (the golden files in tests/render/golden/)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    sizes = [page.get_size() for page in pdf]
    pdf.close()
    runs = text_runs(path)
    out: list[str] = []
    for number, (width, height) in enumerate(sizes, 1):
        out.append(f"--- page {number} of {len(sizes)} ({width:.0f} x {height:.0f})")
        out += [f"{top:4d} {left:4d} {size:5.1f} {face:2} {text}" for page, top, left, size, face, text in runs if page == number]
    return "\n".join(out) + "\n"


def text_sizes(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """(font size, x, y) of every piece of text on a page (page counted from 0)."""
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((round(size * tm[3] * cm[3], 1), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return found


def figures_drawn(path: Path) -> list[list[str]]:
    """The exercise figures each page draws, in order: the names of the form XObjects it uses
    (a figure is stored once per document and drawn wherever it is shown)."""
    import re

    reader = PdfReader(path)
    return [[m.decode()[1:] for m in re.findall(rb"/FormXob\.Fig\w+(?= Do)", page.get_contents().get_data())]
            if page.get_contents() is not None else [] for page in reader.pages]


def marked_content(path: Path) -> list[list[tuple[str, int | None, str]]]:
    """Each page's text in drawing order, each piece with the marked content it is in: its tag
    and MCID, ('Artifact', None), or ('', None) when it is in none."""
    pages = []
    for page in PdfReader(path).pages:
        open_: list[tuple[str, int | None]] = []
        found: list[tuple[str, int | None, str]] = []

        def before(op: bytes, args: list, cm: object, tm: object, open_: list = open_) -> None:
            if op in (b"BDC", b"BMC"):
                props = args[1] if op == b"BDC" and len(args) > 1 and isinstance(args[1], dict) else {}
                open_.append((str(args[0]).lstrip("/"), props.get("/MCID")))
            elif op == b"EMC" and open_:
                open_.pop()

        def text(t: str, *_: object, open_: list = open_, found: list = found) -> None:
            if t.strip():
                tag, mcid = open_[-1] if open_ else ("", None)
                found.append((tag, mcid, t))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        pages.append(found)
    return pages


def structure_order(path: Path) -> list[tuple[int, int]]:
    """The (page index, MCID) of every piece of marked content, in the structure tree's order."""
    pdf = pikepdf.open(path)
    page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}
    out: list[tuple[int, int]] = []

    def walk(node: pikepdf.Object, page: int | None) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, page)
            return
        if isinstance(node, int):
            assert page is not None, "a content item with no page"
            out.append((page, int(node)))
            return
        if isinstance(node, pikepdf.Dictionary):
            if "/Pg" in node:
                page = page_index[node.Pg.objgen]
            if node.get("/Type") == pikepdf.Name.MCR:
                out.append((page, int(node.MCID)))  # type: ignore[arg-type]
                return
            if "/K" in node:
                walk(node.K, page)

    walk(pdf.Root.StructTreeRoot.K, None)
    return out


def structure_elements(path: Path) -> list[tuple[str, str, str, str]]:
    """Every structure element, depth first, as (role, Alt, Lang, table Scope)."""
    out: list[tuple[str, str, str, str]] = []

    def walk(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") != pikepdf.Name.MCR and "/S" in node:
            scope = node.get("/A", pikepdf.Dictionary()).get("/Scope", "")
            out.append((str(node.S).lstrip("/"), str(node.get("/Alt", "")), str(node.get("/Lang", "")), str(scope).lstrip("/")))
            if "/K" in node:
                walk(node.K)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot.K)
    return out
