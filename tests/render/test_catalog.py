"""The library catalogue: a card per entry with its figure, name, id, start and caution."""

from __future__ import annotations

from tests.helpers import SHIPPED
from worksheet.build.catalog import load_library
from worksheet.model import Settings, Worksheet
from worksheet.render import styles
from worksheet.render.catalog import catalog_story
from worksheet.render.figures import Figure
from worksheet.render.flow import Block, Box, Row


def _cards(story: list[object]) -> list[Box]:
    rows = [item for b in story if isinstance(b, Block) for item in b.items if isinstance(item, Row)]
    return [cell for row in rows for cell in row.cells if isinstance(cell, Box)]


def test_two_cards_a_row_in_regular_print_one_in_large_print_each_with_its_figure() -> None:
    entries = load_library(SHIPPED / "library")
    sheet = Worksheet(source="library", title="Exercise library", exercises=tuple(ex for _, ex in entries))
    ids = [i for i, _ in entries]
    for large, across in ((False, 2), (True, 1)):
        t = styles.theme(large)
        story = catalog_story(sheet, ids, Settings(large_print=large), t, 500)
        rows = [item for b in story if isinstance(b, Block) for item in b.items if isinstance(item, Row)]
        assert len(rows) == -(-len(ids) // across)
        cards = _cards(story)
        assert len(cards) == len(ids) == 30
        assert all(isinstance(card.stack.items[1], Figure) for card in cards)  # after its bookmark
    without = _cards(catalog_story(sheet, ids, Settings(figures=False), styles.theme(False), 500))
    assert not any(isinstance(item, Figure) for card in without for item in card.stack.items)
