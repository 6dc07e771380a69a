"""A ruled table of our own flowables, split between rows at no cost: the tracking log's grid.

Why: platypus' Table re-measures and copies every remaining row each time it splits across
a page, so a log of thousands of rows took time quadratic in its length. Here each row is
measured once, the parts a grid is split into share the same rows (a part is a range of
them), and finding where a page ends is a binary search. The header row is repeated at the
top of every part. Cells are never markup: they hold our own flowables.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from .flow import Flowable
from .tags import tags


class Span:
    """A cell that covers ``columns`` columns (a week's boxes across the days of a log)."""

    def __init__(self, content: Flowable | None, columns: int) -> None:
        self.content, self.columns = content, columns


Cell = Flowable | Span | None


def _cells(row: Sequence[Cell], widths: Sequence[float]) -> list[tuple[Flowable | None, float, int]]:
    """(content, width, first column) for each cell of a row, spans joined into one."""
    out, col = [], 0
    for cell in row:
        span = cell.columns if isinstance(cell, Span) else 1
        content = cell.content if isinstance(cell, Span) else cell
        out.append((content, sum(widths[col:col + span]), col))
        col += span
    return out


@dataclass
class _Rows:
    """The rows of a grid, measured once for its column widths."""

    header: list[Cell]
    body: list[list[Cell]]
    widths: list[float]
    pad_x: float
    pad_y: float
    header_height: float = 0.0
    heights: list[float] = field(default_factory=list)
    tops: list[float] = field(default_factory=list)  # running sum of body heights: tops[i] = rows 0..i-1

    def measure(self) -> None:
        self.header_height = self._height(self.header)
        self.heights = [self._height(row) for row in self.body]
        self.tops = [0.0, *accumulate(self.heights)]

    def _height(self, row: Sequence[Cell]) -> float:
        tallest = max((c.wrap(w - 2 * self.pad_x, 1e9)[1] for c, w, _ in _cells(row, self.widths) if c is not None), default=0.0)
        return tallest + 2 * self.pad_y


class Grid(Flowable):
    """Rows ``start`` to ``end`` of a table, under its header; splits between rows. Tagged as a
    table: the header row's cells and each row's first cell are header cells (TH, with their
    scope), the rest data cells; rules and the header's shading are artifacts."""

    tag = "Table"

    def __init__(self, header: list[Cell], body: list[list[Cell]], widths: list[float], *, align: Sequence[str] = (),
                 pad_x: float = 4, pad_y: float = 5, rule: float = 0.75, rule_color: Color | None = None,
                 head_fill: Color | None = None, space_before: float = 0) -> None:
        self.rows = _Rows(header, body, list(widths), pad_x, pad_y)
        self.rows.measure()
        self.start, self.end = 0, len(body)
        self.align = list(align) or ["left"] * len(widths)
        self.rule, self.rule_color, self.head_fill = rule, rule_color, head_fill
        self.space_before = space_before

    def _part(self, start: int, end: int) -> Grid:
        part = Grid.__new__(Grid)
        part.__dict__.update(self.__dict__)
        part.start, part.end = start, end
        part.space_before = self.space_before if start == 0 else 0
        return part

    def _body_height(self, start: int, end: int) -> float:
        return self.rows.tops[end] - self.rows.tops[start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.rows.widths)
        self.height = self.rows.header_height + self._body_height(self.start, self.end)
        return self.width, self.height

    def split_at(self, availWidth: float, availHeight: float, fresh: bool, page_height: float) -> list[Flowable]:
        """A table that fits on a page of its own (a week of the log) moves there whole; a longer
        one splits where the page ends."""
        self.wrap(availWidth, availHeight)
        if not fresh and self.height <= page_height:
            return []
        return self.split(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The rows that fit here and the rest, each part under the header. At least two rows
        stay on each side: never a header over one row, never one row alone on a page."""
        room = availHeight - self.rows.header_height + self.rows.tops[self.start] + 1e-6
        fit = bisect.bisect_right(self.rows.tops, room, self.start, self.end + 1) - 1 - self.start
        fit = min(fit, self.end - self.start - 2)
        if fit < 2:
            return []
        return [self._part(self.start, self.start + fit), self._part(self.start + fit, self.end)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        rows = self.rows
        top = y + self.height
        canv.saveState()
        if self.head_fill is not None:
            with tags(canv).artifact(canv):
                canv.setFillColor(self.head_fill)
                canv.rect(x, top - rows.header_height, self.width, rows.header_height, stroke=0, fill=1)
        if self.rule_color is not None:
            canv.setStrokeColor(self.rule_color)
        canv.setLineWidth(self.rule)
        self._draw_row(canv, rows.header, x, top, rows.header_height, head=True)
        at = top - rows.header_height
        for i in range(self.start, self.end):
            self._draw_row(canv, rows.body[i], x, at, rows.heights[i])
            at -= rows.heights[i]
        canv.restoreState()

    def _draw_row(self, canv: Canvas, row: Sequence[Cell], x: float, top: float, height: float, head: bool = False) -> None:
        """A row's cells, and its rules: above and below it, and between its cells (not inside a span)."""
        edges = [0.0, *accumulate(self.rows.widths)]
        tagger = tags(canv)
        with tagger.element("TR"):
            for cell, w, col in _cells(row, self.rows.widths):
                left_edge = x + edges[col]
                role, scope = ("TH", "Column") if head else ("TH", "Row") if col == 0 else ("TD", "")
                with tagger.element(role, Scope=scope):
                    if cell is not None:
                        cw, ch = cell.wrap(w - 2 * self.rows.pad_x, 1e9)
                        how = self.align[col]
                        left = left_edge + self.rows.pad_x if how == "left" else left_edge + (w - cw) / 2
                        cell.drawOn(canv, left, top - (height + ch) / 2)
                if self.rule:
                    with tagger.artifact(canv):
                        canv.line(left_edge, top, left_edge, top - height)
        if self.rule:
            with tagger.artifact(canv):
                canv.line(x, top, x + self.width, top)
                canv.line(x, top - height, x + self.width, top - height)
                canv.line(x + self.width, top, x + self.width, top - height)
