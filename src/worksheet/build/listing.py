"""The state of each worksheet for ``worksheet list``: title, exercises, pages, up to date.

Why: "up to date" must mean exactly what ``worksheet build`` means by it (the build
cache, with default options), so that the list never promises a rebuild that a build
would skip, or the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorksheetError
from ..model import PrintOptions
from ..read import files
from . import pipeline

_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass(frozen=True)
class Row:
    """One line of ``worksheet list``."""

    source: Path
    title: str
    exercises: int | None
    pages: int | None
    state: str  # up to date | out of date | not built | has problems


def pdf_pages(path: Path) -> int | None:
    """Pages in a PDF we wrote, counted without a PDF library (our page objects are not compressed)."""
    try:
        return len(_PAGE.findall(files.read_bytes(path, 1 << 30, record=False))) or None
    except files.FileProblem:
        return None


def rows(paths: list[Path], out_dir: Path) -> Iterator[Row]:
    """One row per worksheet; "up to date" means what ``worksheet build`` (default options) means."""
    from .cache import Cache, options_digest

    cache = Cache.load(out_dir)
    key = options_digest(PrintOptions())
    for path in paths:
        pdf = pipeline.output_path(path, out_dir)
        pages = pdf_pages(pdf) if pdf.exists() else None
        try:
            ws = pipeline.load(path)
        except WorksheetError:
            yield Row(path, "", None, pages, "has problems")
            continue
        if not pdf.exists():
            state = "not built"
        else:
            state = "up to date" if cache.fresh(pdf, key) is not None else "out of date"
        yield Row(path, ws.title, len(ws.exercises), pages, state)
