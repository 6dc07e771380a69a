"""The tracking log: a page of tick boxes a patient fills in at home.

Why: paper is a visible reminder. The log follows the prescription: a row per
exercise (one per side where each side counts), a column per day with a box for
each time a day the exercise is asked for, and a pain column. It is drawn as our own
:class:`~.grid.Grid`, which costs time in proportion to its rows however long it is.
"""

from __future__ import annotations

from typing import Any

from ..model import Settings, Worksheet
from . import styles
from .flow import Gap, Text
from .grid import Cell, Grid
from .pages import Anchor, NewPage
from .parts import TickBoxes, labelled
from .styles import Theme


def log_rows(ws: Worksheet) -> list[tuple[str, int]]:
    """(label, boxes per day) for each row of the log: one per exercise, one per side for 'each'."""
    rows = []
    for number, ex in enumerate(ws.exercises, 1):
        f = ex.dose.frequency
        per_day = f.times.high if f is not None and f.per == "day" else 1
        label = f"{number}. {ex.name}"
        if ex.dose.sides in ("each", "alternate"):
            rows += [(f"{label}, left", per_day), (f"{label}, right", per_day)]
        else:
            rows.append((label, per_day))
    return rows


def log_story(ws: Worksheet, s: Settings, t: Theme, width: float, key: str) -> list[Any]:
    """A tracking log: a row per exercise (per side), a column per day with a box for each time
    the prescription asks for, and a pain column. Days are split into tables that fit the width."""
    ss = t.ss
    rows = log_rows(ws)
    most = max(n for _, n in rows)
    boxes = most if most <= 3 else 0  # more than 3 a day: a space to write the count instead
    day_width = max(34.0, boxes * (t.check_box + TickBoxes.GAP) + 8 if boxes else 40.0)
    pain_width = 50.0 if not t.large else 62.0
    name_min = 150.0 if not t.large else 190.0
    per_table = max(1, min(s.log_days, int((width - name_min - pain_width) // day_width)))
    story: list[Any] = [
        NewPage("later"), Anchor(key, "Exercise log", 1),
        Text("Exercise log", ss["section"]),
        Text(
            "Tick a box each time you do an exercise"
            + (" (one box for each time a day)." if most > 1 else ".")
            + " In the last column, write how much it hurt, from 0 (no pain) to 10 (worst pain).",
            ss["body"],
        ),
        labelled("Start date:", "____________________", ss["label"]),
    ]
    for start in range(0, s.log_days, per_table):
        days = range(start + 1, min(s.log_days, start + per_table) + 1)
        name_width = width - pain_width - day_width * len(days)
        head: list[Cell] = [Text("Exercise", ss["cell_head"]), *(Text(f"Day {d}", ss["cell_head"]) for d in days),
                            Text("Pain 0–10", ss["cell_head"])]
        body: list[list[Cell]] = []
        for label, per_day in rows:
            cells: list[Cell] = [TickBoxes(per_day, t.check_box) if boxes else Text(f"__ of {per_day}", ss["cell"]) for _ in days]
            body.append([Text(label, ss["cell"]), *cells, None])
        widths = [name_width] + [day_width] * len(days) + [pain_width]
        align = ["left"] + ["center"] * len(days) + ["left"]
        story += [Gap(8), Grid(head, body, widths, align=align, rule_color=styles.RULE, head_fill=styles.SHADE)]
    return story
