"""The exercise library as a picture catalogue, and one exercise's figure as an SVG or PNG file.

Why: a clinician choosing exercises for a patient wants to see the whole library at a glance
(each picture with its name, the id to write after ``use:``, the starting position and the
caution), and a web page or a slide wants one picture on its own. Both read the library with
the same checks as a build, and write atomically like every PDF.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

from ..errors import BuildError, InputError, Issue, display_path, escape, shown
from ..i18n import DEFAULT_LANGUAGE
from ..model import Exercise, PrintOptions, Worksheet
from ..read import files
from ..read.library import ID, Library
from ..render import fonts
from .results import Built

CATALOG_TITLE = "Exercise library"  # in English; the catalogue prints it in its language
FIGURE_FORMATS = (".svg", ".png")
_MARK = b"worksheet figure"  # in every SVG and PNG we write: only those are ever replaced
_MAX_OURS = 16 * 1024 * 1024


def load_library(folder: Path, language: str | None = None, warnings: list[Issue] | None = None) -> list[tuple[str, Exercise]]:
    """Every entry of a library folder, checked, by id, its text in ``language``; InputError with
    every problem in all of them; missing translations go to ``warnings``."""
    from ..schema import load_library_entry

    kind = files.kind(folder)
    if kind != "folder":
        raise BuildError(f"{shown(folder)} is not a folder of library exercises" + (" (it does not exist)." if kind == "absent" else "."))
    ids = Library(folder).ids()
    if not ids:
        raise BuildError(f"{shown(folder)} holds no library exercises (files named like knee-to-chest.yaml).")
    entries, problems, more = [], [], 0
    for entry_id in ids:
        try:
            entries.append((entry_id, load_library_entry(folder / f"{entry_id}.yaml", charset=fonts.charset(),
                                                         language=language, warnings=warnings)))
        except InputError as e:
            problems += e.issues
            more += e.more
    if problems:
        raise InputError(problems, more)
    return entries


def build_catalog(folder: Path, target: Path, options: PrintOptions | None = None) -> Built:
    """The library as a PDF catalogue: one card per entry (figure, name, id, start, caution)."""
    from ..render.catalog import render_catalog
    from .output import write_atomic

    options = options or PrintOptions()
    warnings: list[Issue] = []
    with files.recording() as reads:
        entries = sorted(load_library(folder, options.language, warnings), key=lambda e: (_sort_key(e[1].name), e[0]))
        sheet = Worksheet(source=display_path(folder), title=CATALOG_TITLE, exercises=tuple(ex for _, ex in entries),
                          language=options.language or DEFAULT_LANGUAGE)
        settings = dataclasses.replace(options.resolve(sheet), log=False, patient_header=False)
        rendered = render_catalog(sheet, [entry_id for entry_id, _ in entries], settings)
    write_atomic(target, rendered.data, inputs=[Path(p) for p in reads])
    return Built(folder, target, rendered.pages, warnings=tuple(sorted(set(warnings))))


def _sort_key(name: str) -> str:
    """A name as a reader looks it up: letters without their accents ('Ángeles' with the a's)."""
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def figure_entry(folder: Path, entry_id: str) -> Exercise:
    """The library entry ``entry_id``, checked, which must have a figure."""
    from ..schema import load_library_entry

    library = Library(folder)
    if not ID.match(entry_id) or entry_id not in library.ids():
        close = library.nearest(entry_id) if ID.match(entry_id) else None
        hint = f"; the nearest is '{close}'" if close else ""
        raise BuildError(f"There is no exercise {escape(repr(entry_id))} in {shown(folder)}/{hint}.")
    path = folder / f"{entry_id}.yaml"
    ex = load_library_entry(path, charset=fonts.charset())
    if ex.figure is None:
        raise InputError([Issue(display_path(path), ex.line, 1, f"'{entry_id}' has no figure; add a 'figure:' with its pose.")])
    return ex


def write_figure(folder: Path, entry_id: str, target: Path, width: float = 360.0, dpi: float = 200.0) -> Path:
    """One entry's figure as an SVG or PNG file (by ``target``'s suffix), ``width`` points wide
    and as high as the figure needs; its alt text is the SVG's title and the PNG's description."""
    from .. import illustrate
    from .output import write_atomic

    suffix = target.suffix.lower()
    if suffix not in FIGURE_FORMATS:
        raise BuildError(f"Cannot write {shown(target)}: name it .svg or .png.")
    with files.recording() as reads:
        ex = figure_entry(folder, entry_id)
    assert ex.figure is not None
    height = round(illustrate.natural_height(ex.figure, width, "pair") + 0.5)
    height = min(max(height, round(width * 0.3)), round(width * 0.7))
    if suffix == ".svg":
        svg = illustrate.to_svg(ex.figure, width, height, "pair", ex.figure_alt)
        data = svg.replace("<desc/>", f"<desc>{_MARK.decode()}</desc>", 1).encode("utf-8")
    else:
        data = _png_with_text(illustrate.to_png(ex.figure, width, height, dpi, "pair"), ex.figure_alt or "")
    write_atomic(target, data, inputs=[Path(p) for p in reads], replaces=_is_our_figure)
    return target


def _png_with_text(png: bytes, alt: str) -> bytes:
    """The PNG with our mark and the alt text in its text chunks (same bytes for the same figure)."""
    import io

    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Software", _MARK.decode())
    info.add_itxt("Description", alt)
    out = io.BytesIO()
    with Image.open(io.BytesIO(png)) as image:
        image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def _is_our_figure(path: Path) -> bool:
    try:
        data = files.read_bytes(path, _MAX_OURS, record=False)
    except files.FileProblem:
        return False
    return _MARK in data[:4096]
