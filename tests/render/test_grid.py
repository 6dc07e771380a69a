"""The ruled grid: rows measured once, split between rows with the header repeated, never a lone row."""

from __future__ import annotations

import pytest

from worksheet.render import fonts, styles
from worksheet.render.flow import Text
from worksheet.render.grid import Grid


@pytest.fixture
def grid() -> Grid:
    fonts.register()
    ss = styles.theme(False).ss
    head = [Text("Exercise", ss["cell_head"]), Text("Day 1", ss["cell_head"])]
    body = [[Text(f"Row {i}", ss["cell"]), None] for i in range(10)]
    return Grid(head, body, [200, 60])


def rows_of(part: Grid) -> list[int]:
    return list(range(part.start, part.end))


def test_a_grid_is_as_tall_as_its_header_and_rows(grid: Grid) -> None:
    _, height = grid.wrap(260, 1000)
    assert height == pytest.approx(grid.rows.header_height + sum(grid.rows.heights))
    assert grid.width == 260


def test_split_keeps_the_rows_that_fit_and_the_header_on_both_parts(grid: Grid) -> None:
    row = grid.rows.heights[0]
    first, rest = grid.split(260, grid.rows.header_height + 4.5 * row)
    assert rows_of(first) == [0, 1, 2, 3] and rows_of(rest) == list(range(4, 10))
    assert first.wrap(260, 1e9)[1] == pytest.approx(grid.rows.header_height + 4 * row)
    assert rest.rows is grid.rows  # the parts share the measured rows: nothing is measured again


def test_never_a_header_over_one_row_nor_one_row_alone(grid: Grid) -> None:
    row, head = grid.rows.heights[0], grid.rows.header_height
    assert grid.split(260, head + 1.5 * row) == []  # one row would sit under the header: move on instead
    first, rest = grid.split(260, head + 9.5 * row)  # nine fit, but the last row must not go on alone
    assert rows_of(first) == list(range(8)) and rows_of(rest) == [8, 9]
