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
from ..model import PrintOptions, Settings, Worksheet
from . import styles, wording
from .booklet import booklet_story
from .pages import Footer, HeldCanvas, Pages
from .sheet import worksheet_story
from .styles import Geometry, Theme

# Streams are compressed but not also ASCII-85 encoded: a quarter smaller and quicker to
# write; every PDF reader takes binary streams. (A process-wide ReportLab setting.)
rl_config.useA85 = 0

StoryMaker = Callable[[Theme, Geometry, list[int] | None, bool], list[Any]]  # ..., plan_at_end
LONELY = 0.45  # a last page whose blocks fill no more than this share of it is re-balanced
SLACK = 0.5  # ... and so is one whose blocks would nearly fit in the room left on the pages before


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def _lay_out(sheets: Sequence[Worksheet], s: Settings, t: Theme, story_for: StoryMaker, contents: bool,
            plan_at_end: bool = False, dry: bool = False) -> tuple[io.BytesIO, HeldCanvas, Pages, Footer]:
    """Lay the story out on pages. With ``contents`` (a booklet), lay it out again with the
    pages each worksheet starts on, until they stop changing (twice, as a rule). ``dry`` only
    finds where everything goes, drawing nothing (to choose between layouts)."""
    geo = t.geometry(s.page_size)
    footer = Footer(t, [ws.disclaimer or wording.disclaimer(t.w) for ws in sheets], s.clinic)
    starts: list[int] | None = None
    for _ in range(4):
        buf = io.BytesIO()
        pages = Pages(sheets, geo, t, footer, dry=dry)
        canv = HeldCanvas(buf, footer=footer, page_sheet=pages.page_sheet, page_geometry=pages.page_geometry,
                          pagesize=(geo.width, geo.height), invariant=1, lang=sheets[0].language)
        pages.run(story_for(t, geo, starts, plan_at_end), canv)
        if not contents or pages.starts == starts:
            break
        starts = pages.starts
    return buf, canv, pages, footer


def _short_last_page(pages: Pages) -> bool:
    """Whether the last page with blocks might be pulled back by tighter spacing: it holds
    little (one short block, or two that together fill less than half of it), or the room
    left at the foot of the pages before it adds up to most of what it holds."""
    if not pages.blocks:
        return False
    last = max(pages.blocks)
    frame_height = pages.frames["later"][3]
    held = sum(pages.blocks[last])
    left_over = sum(room for page, room in pages.slack.items() if page < last)
    return last > 1 and (held <= LONELY * frame_height or left_over >= SLACK * held)


def _no_block_on_page_one(pages: Pages) -> bool:
    return bool(pages.blocks) and 1 not in pages.blocks


def render_story(sheets: Sequence[Worksheet], s: Settings, story_for: StoryMaker, title: str, subject: str, contents: bool = False) -> Rendered:
    """Lay the story out and save it. When its last page would hold little (one short block), or
    page 1 no exercise at all (large print with a patient line and a plan), the story is laid
    out again with less space between things (never smaller type), and that is kept if it
    takes a page less or brings the first exercise onto page 1."""
    t = styles.theme(s.large_print, language=sheets[0].language)
    if contents:
        buf, canv, pages, footer = _lay_out(sheets, s, t, story_for, contents)
    else:  # the layouts are tried dry, and only the one kept is drawn (its story made once, for both)
        made: dict[tuple[int, bool], list[Any]] = {}
        make = story_for

        def story_for(t: Theme, geo: Geometry, starts: list[int] | None, plan_at_end: bool) -> list[Any]:
            key = (id(t), plan_at_end)  # a theme is made once per process (styles.theme)
            if key not in made:
                made[key] = make(t, geo, starts, plan_at_end)
            return made[key]

        chosen, at_end = t, False
        pages = _lay_out(sheets, s, t, story_for, contents, dry=True)[2]
        if _short_last_page(pages) or _no_block_on_page_one(pages):
            tight_theme = styles.theme(s.large_print, tight=True, language=sheets[0].language)
            tight = _lay_out(sheets, s, tight_theme, story_for, contents, dry=True)[2]
            if tight.page < pages.page or (_no_block_on_page_one(pages) and not _no_block_on_page_one(tight)):
                chosen, pages = tight_theme, tight
            if _no_block_on_page_one(pages):  # still: page 1 keeps the patient's details, the plan goes last
                moved = _lay_out(sheets, s, tight_theme, story_for, contents, plan_at_end=True, dry=True)[2]
                if not _no_block_on_page_one(moved):  # (a long introduction may leave no room anyway)
                    chosen, at_end = tight_theme, True
        buf, canv, pages, footer = _lay_out(sheets, s, chosen, story_for, contents, plan_at_end=at_end)
    canv.setTitle(title)
    canv.setSubject(subject)
    canv.setCreator(f"worksheet {__version__}")
    canv.setViewerPreference("DisplayDocTitle", "true")
    canv.save()
    data = buf.getvalue()  # tagged (PDF/UA-1) and archival (PDF/A-2b) as written: see HeldCanvas.save
    if footer.pages < 1 or not data.startswith(b"%PDF-"):  # pragma: no cover - a bug, not a user mistake
        raise RuntimeError(f"layout produced no pages for {sheets[0].source}")
    return Rendered(data, footer.pages)


def render(ws: Worksheet, settings: Settings | None = None) -> Rendered:
    """One worksheet as PDF bytes. Same worksheet and settings, same bytes."""
    s = settings or PrintOptions().resolve(ws)

    def story_for(t: Theme, geo: Geometry, _: list[int] | None, plan_at_end: bool) -> list[Any]:
        return worksheet_story(ws, s, t, geo.frame_width, wide_width=geo.landscape().frame_width, plan_at_end=plan_at_end)

    return render_story([ws], s, story_for, ws.title, ws.subtitle or styles.theme(language=ws.language).w._("Home exercise worksheet"))


def render_booklet(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str | None = None) -> Rendered:
    """Several worksheets as one PDF: a contents page (with the patient's details and plan),
    then each worksheet from a new page (a right-hand one, printed on both sides), one log for
    the whole booklet, continuous page numbers and bookmarks for every worksheet and exercise."""

    w = styles.theme(language=sheets[0].language).w
    shown = title or w._("Home exercise program")

    def story_for(t: Theme, geo: Geometry, starts: list[int] | None, _: bool) -> list[Any]:
        return booklet_story(sheets, settings, shown, t, geo.frame_width, starts, geo.landscape().frame_width)

    return render_story(sheets, settings[0], story_for, shown, w._("Home exercise program"), contents=True)
