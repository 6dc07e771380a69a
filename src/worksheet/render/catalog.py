"""The exercise library as a picture catalogue: a card per entry, for a clinician choosing.

Why: choosing exercises for a patient starts from pictures. Each card shows the figure, the
name, the id to write after ``use:``, where the exercise starts and its caution; cards stand
two to a row (one in large print) and are never split across pages. The catalogue is laid out
by the same page engine as a worksheet, with its own note at the foot of every page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ..model import Exercise, Settings, Worksheet
from . import fonts, styles
from .document import Rendered, render_story
from .figures import Figure
from .flow import Block, Box, Flowable, Gap, Row, Text
from .pages import Anchor, SheetStart
from .parts import labelled
from .styles import Geometry, Theme, theme

FIGURE_SHARE = 0.36  # a card's picture: this much as high as it is wide


def _card(entry_id: str, ex: Exercise, t: Theme, width: float, figures: bool, key: str) -> Box:
    ss = t.ss
    pad = t.box_pad
    inner = width - pad[0] - pad[1]
    parts: list[Flowable] = [Anchor(key, ex.name, 1)]
    if ex.figure is not None and figures:
        # Every card's picture the same size, start and end side by side: the cards line up
        parts += [Figure(ex.figure, inner, inner * FIGURE_SHARE, "pair", ex.figure_alt), Gap(t.card_gap)]
    parts.append(Text(ex.name, ss["name"], tag="H2"))
    parts.append(Text([(fonts.REGULAR, "use: "), (fonts.BOLD, entry_id)], ss["caption"]))
    parts.append(Gap(t.card_gap / 2))
    if ex.position:
        parts.append(labelled(t.w._("Start:"), ex.position, ss["label"]))
    if ex.caution:
        parts.append(labelled(t.w._("Caution:"), " ".join(ex.caution), ss["label"]))
    return Box(parts, line=0.75, line_color=styles.RULE, pad=pad, title=ex.name)


def catalog_story(sheet: Worksheet, ids: Sequence[str], s: Settings, t: Theme, width: float) -> list[Any]:
    """The title, a line saying what the cards hold, then the cards in rows."""
    ss = t.ss
    count = len(sheet.exercises)
    story: list[Any] = [SheetStart(0), Anchor("title", sheet.title, 0), Text(sheet.title, ss["title"]),
                        Text(t.w.ngettext("{n} exercise: the picture, the id to write after 'use:', where it starts and its caution.",
                                          "{n} exercises: the picture, the id to write after 'use:', where it starts and its caution.",
                                          count), ss["subtitle"])]
    across = 2 if t.two_columns else 1
    gap = t.column_gap
    card_width = (width - gap * (across - 1)) / across
    pairs = list(zip(ids, sheet.exercises, strict=True))
    for i in range(0, len(pairs), across):
        row = pairs[i:i + across]
        cards: list[Flowable | None] = []
        widths: list[float] = []
        for k, (entry_id, ex) in enumerate(row):
            if k:
                cards.append(None)
                widths.append(gap)
            cards.append(_card(entry_id, ex, t, card_width, s.figures, f"e{i + k}"))
            widths.append(card_width)
        story += [Gap(gap / 2), Block([Row(cards, widths, stretch=True)])]
    return story


def render_catalog(sheet: Worksheet, ids: Sequence[str], s: Settings) -> Rendered:
    """The catalogue as PDF bytes; ``ids`` are the entries' ids, in the order of ``sheet``'s exercises."""
    w = theme(language=sheet.language).w
    sheet = dataclasses.replace(sheet, title=w._("Exercise library"), disclaimer=w._(
        "For choosing exercises: each worksheet gives the patient the steps, the dose and what to watch for."))

    def story_for(t: Theme, geo: Geometry, _: list[int] | None, __: bool) -> list[Any]:
        return catalog_story(sheet, ids, s, t, geo.frame_width)

    return render_story([sheet], dataclasses.replace(s, notes_lines=False), story_for, sheet.title, w._("Exercise library catalogue"))
