"""Lay a story out on pages and save the PDF, in memory: one worksheet, or a booklet.

Why: this is the render stage's front door. It picks the theme and the page geometry,
runs the page engine (:mod:`.pages`) over the story (:mod:`.sheet`, :mod:`.booklet`),
sets the document's metadata and returns the bytes; writing them to disk is the build
stage's job. Same model and settings, same bytes (ReportLab's invariant mode).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config

from .. import __version__
from ..defaults import DEFAULT_PROGRAM_TITLE
from ..model import PrintOptions, Settings, Worksheet
from . import styles, wording
from .booklet import booklet_story
from .pages import Footer, HeldCanvas, Pages
from .sheet import worksheet_story
from .styles import Theme

# Streams are compressed but not also ASCII-85 encoded: a quarter smaller and quicker to
# write; every PDF reader takes binary streams. (A process-wide ReportLab setting.)
rl_config.useA85 = 0

StoryMaker = Callable[[Theme, float, list[int] | None], list[Any]]


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def _build(sheets: Sequence[Worksheet], s: Settings, story_for: StoryMaker, title: str, subject: str, contents: bool = False) -> Rendered:
    """Lay the story out and save it. With ``contents`` (a booklet), lay it out again with
    the pages each worksheet starts on, until they stop changing (twice, as a rule)."""
    t = styles.theme(s.large_print)
    geo = t.geometry(s.page_size)
    footer = Footer(geo, t, [ws.disclaimer or wording.DEFAULT_DISCLAIMER for ws in sheets], s.clinic)
    starts: list[int] | None = None
    for _ in range(4):
        buf = io.BytesIO()
        pages = Pages(sheets, geo, t, footer)
        canv = HeldCanvas(buf, footer=footer, page_sheet=pages.page_sheet, pagesize=(geo.width, geo.height),
                          invariant=1, lang=sheets[0].language)
        pages.run(story_for(t, geo.frame_width, starts), canv)
        if not contents or pages.starts == starts:
            break
        starts = pages.starts
    canv.setTitle(title)
    canv.setSubject(subject)
    canv.setCreator(f"worksheet {__version__}")
    canv.setViewerPreference("DisplayDocTitle", "true")
    canv.save()
    data = buf.getvalue()
    if footer.pages < 1 or not data.startswith(b"%PDF-"):  # pragma: no cover - a bug, not a user mistake
        raise RuntimeError(f"layout produced no pages for {sheets[0].source}")
    return Rendered(data, footer.pages)


def render(ws: Worksheet, settings: Settings | None = None) -> Rendered:
    """One worksheet as PDF bytes. Same worksheet and settings, same bytes."""
    s = settings or PrintOptions().resolve(ws)
    return _build([ws], s, lambda t, w, _: worksheet_story(ws, s, t, w), ws.title, ws.subtitle or "Home exercise worksheet")


def render_booklet(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str) -> Rendered:
    """Several worksheets as one PDF: a contents page, then each worksheet from a new page,
    with continuous page numbers and bookmarks for every worksheet and exercise."""

    def story_for(t: Theme, width: float, starts: list[int] | None) -> list[Any]:
        return booklet_story(sheets, settings, title, t, width, starts)

    return _build(sheets, settings[0], story_for, title, DEFAULT_PROGRAM_TITLE, contents=True)
