"""The tracking log: a week to a table, a patient ticks a box each time and writes the day's pain.

Why: paper is a visible reminder, so the log follows the prescription. A row per exercise
(one per side where each side counts), a column per day with a box for each time a day
it is asked for; an exercise done so many times a week has that many boxes across the
week instead; a last row for the day's pain, 0 to 10. Tables run in weeks (days 1-7,
8-14), each with its day headers on one line. Where a week does not fit across the page
the log's pages are turned sideways. It is drawn as our own :class:`~.grid.Grid`, whose
cost grows with its rows, never a lone row on a page; its text is never smaller than
12 pt (16 pt in large print).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..i18n import Words
from ..model import Exercise, Settings, Worksheet
from . import fonts, styles, wording
from .flow import Block, Gap, Text
from .grid import Cell, Grid, Span
from .linebreak import width as text_width
from .pages import Anchor, NewPage
from .parts import TickBoxes, labelled
from .styles import Theme

WEEK = 7
PAD = 6.0  # inside each cell, left and right


@dataclass(frozen=True)
class LogRow:
    label: str
    per_day: int  # boxes each day (0: the exercise is counted by the week)
    per_week: int  # boxes across the week, for 'N times a week'


def _rows_for(ex: Exercise, label: str, w: Words) -> list[LogRow]:
    f = ex.dose.frequency
    per_day, per_week = 1, 0
    if f is not None and f.per == "day":
        per_day = f.times.high
    elif f is not None:
        per_day, per_week = 0, f.times.high
    if ex.dose.sides in ("each", "alternate"):
        return [LogRow(w._("{exercise}, left", exercise=label), per_day, per_week),
                LogRow(w._("{exercise}, right", exercise=label), per_day, per_week)]
    return [LogRow(label, per_day, per_week)]


def log_rows(sheets: Sequence[Worksheet], w: Words = wording.ENGLISH) -> list[LogRow]:
    """The rows of the log. For one worksheet, numbered as on its pages; for a booklet, each
    exercise once per dose, in order of first use (the dose said where one name has two)."""
    if len(sheets) == 1:
        return [row for n, ex in enumerate(sheets[0].exercises, 1) for row in _rows_for(ex, f"{n}. {ex.name}", w)]
    seen: dict[tuple[str, object], Exercise] = {}
    doses: dict[str, set[object]] = {}
    for ws in sheets:
        for ex in ws.exercises:
            seen.setdefault((ex.name, ex.dose), ex)
            doses.setdefault(ex.name, set()).add(ex.dose)
    rows = []
    for (name, _), ex in seen.items():
        label = name if len(doses[name]) == 1 else w._("{exercise} ({dose})", exercise=name, dose=_dose_hint(ex, w))
        rows += _rows_for(ex, label, w)
    return rows


def _dose_hint(ex: Exercise, w: Words) -> str:
    """A short dose to tell two rows of one exercise apart: 'hold 30 seconds, 3 times'."""
    parts = []
    if ex.dose.hold:
        parts.append(wording.unit(w._("hold {duration}", duration=wording.duration_words(ex.dose.hold, w))))
    if ex.dose.reps:
        parts.append(wording.unit(wording.times_words(ex.dose.reps, w)))
    return w._(", ").join(parts) or w._("as shown")


def _day_width(t: Theme, boxes: int, box: float) -> float:
    cell_head = t.ss["cell_head"]
    header = text_width("14" if t.large else t.w._("Day {n}", n=14), fonts.BOLD, cell_head.fontSize) + 2 * PAD + 4
    return max(header, boxes * box + (boxes - 1) * TickBoxes.GAP + 2 * PAD + 2 if boxes else 0)


def _instructions(rows: list[LogRow], w: Words) -> str:
    """How to fill it in, for the boxes this log has."""
    daily = [r for r in rows if r.per_day]
    if any(r.per_day > 1 for r in daily):
        how = [w._("Tick a box each time you do an exercise: it has a box for each time a day you are asked to do it.")]
    else:
        how = [w._("Tick the box on each day you do an exercise.")]
    if any(r.per_week for r in rows):
        how.append(w._("For an exercise done a few times a week, tick one of its boxes each time."))
    how.append(w._("Each day, write how much it hurt in the first row, from 0 (no pain) to 10 (worst pain)."))
    return " ".join(how)


def log_story(sheets: Sequence[Worksheet], s: Settings, t: Theme, width: float, key: str, wide_width: float | None = None,
              level: int = 1, section: str | None = None) -> list[Any]:
    """The log's pages: a heading, how to fill it in, and a table per week, each week kept on a
    page of its own where it fits (the heading with the first). In large print the days are
    headed by their numbers under the week ("Week 1 · day"), so that a week fits upright."""
    ss = t.ss
    w = t.w
    rows = log_rows(sheets, w)
    most = max((r.per_day for r in rows), default=1)
    name_min = 150.0 if not t.large else 200.0
    box = t.check_box
    template, usable = "later", width
    day_width = _day_width(t, most, box)
    if name_min + WEEK * day_width > width:  # a week does not fit across: turn the page sideways
        template, usable = "wide", wide_width or width
    write_in = name_min + WEEK * day_width > usable  # still too many boxes: write the count instead
    if write_in:
        day_width = max(_day_width(t, 0, box), text_width(w._("__ of {n}", n=most), fonts.REGULAR, ss["cell"].fontSize) + 2 * PAD + 4)
    heading: list[Any] = [
        Anchor(key, w._("Exercise log"), level), Text(w._("Exercise log"), ss["section"]), Text(_instructions(rows, w), ss["body"]),
        labelled(w._("Start date:"), "____________________", ss["label"]),
    ]
    story: list[Any] = [NewPage(template, section=section)]
    for week_start in range(0, s.log_days, WEEK):
        days = list(range(week_start + 1, min(s.log_days, week_start + WEEK) + 1))
        name_width = usable - day_width * len(days)
        number = week_start // WEEK + 1
        week = w._("Week {n} · day", n=number) if t.large else w._("Week {n}", n=number)
        head: list[Cell] = [Text(week, ss["cell_head"]),
                            *(Text(str(d) if t.large else wording.unit(w._("Day {n}", n=d)), ss["cell_head"]) for d in days)]
        body: list[list[Cell]] = [[Text(w._("Pain (0–10)"), ss["cell_head"]), *(None for _ in days)]]  # first: on the week's first page
        for row in rows:
            cells: list[Cell]
            if row.per_week:
                times = w._("once this week") if row.per_week == 1 else w.ngettext("{n} time this week", "{n} times this week", row.per_week)
                cells = [Span(_WeekBoxes(row.per_week, box, times, ss["cell"]), len(days))]
            elif write_in and row.per_day > 1:
                cells = [Text(w._("__ of {n}", n=row.per_day), ss["cell"]) for _ in days]
            else:
                cells = [TickBoxes(row.per_day, box) for _ in days]
            body.append([Text(row.label, ss["cell"]), *cells])
        widths = [name_width] + [day_width] * len(days)
        align = ["left"] + ["center"] * len(days)
        grid = Grid(head, body, widths, align=align, rule_color=styles.RULE, head_fill=styles.SHADE, pad_x=PAD, space_before=10)
        if week_start == 0:  # the heading stays with the first week
            story.append(Block([*heading, Gap(10), grid]))
        else:
            story.append(grid)
    return story


class _WeekBoxes(TickBoxes):
    """Boxes across a week, with what they count beside them ("3 times this week")."""

    def __init__(self, count: int, size: float, words: str, style: Any) -> None:
        super().__init__(count, size)
        self.words = Text(words, style)
        self.words_width = text_width(words, style.fontName, style.fontSize) + 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        boxes_width, _ = super().wrap(availWidth, availHeight)
        self.words.wrap(self.words_width, 1e9)
        self.width = boxes_width + 12 + self.words_width
        self.height = max(self.size, self.words.height)
        return self.width, self.height

    def draw_at(self, c: Any, x: float, y: float) -> None:
        super().draw_at(c, x, y + (self.height - self.size) / 2)
        boxes_width = self.count * self.size + (self.count - 1) * self.GAP
        self.words.draw_at(c, x + boxes_width + 12, y + (self.height - self.words.height) / 2)
