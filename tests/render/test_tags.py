"""Tagging as we draw: elements nest as drawn, steps gather into one list, marked content is
numbered page by page, and nothing inside an artifact or a marked piece is tagged again."""

from __future__ import annotations

from typing import Any

from worksheet.render.tags import UNTAGGED, Element, Tagger, tags


class FakeCanvas:
    def __init__(self) -> None:
        self._code: list[str] = []
        self.tags = Tagger()


def test_consecutive_items_gather_into_one_list_and_anything_else_closes_it() -> None:
    c = FakeCanvas()
    t = c.tags
    for _ in range(2):
        with t.element("LI"), t.content(c):
            pass
    with t.element("P"), t.content(c):
        pass
    with t.element("LI"), t.content(c):
        pass
    roles = [k.role for k in t.root.kids if isinstance(k, Element)]
    assert roles == ["L", "P", "L"]
    first = t.root.kids[0]
    assert isinstance(first, Element) and [k.role for k in first.kids if isinstance(k, Element)] == ["LI", "LI"]


def test_marked_content_is_numbered_per_page_and_written_round_what_is_drawn() -> None:
    c = FakeCanvas()
    t = c.tags
    with t.element("P"), t.content(c):
        c._code.append("TEXT")
    t.page = 1
    with t.element("H2"), t.content(c):
        with t.content(c):  # a heading's number and name: one piece
            c._code.append("NAME")
        with t.artifact(c):  # and its badge's circle is part of it, never an artifact inside it
            c._code.append("CIRCLE")
    with t.artifact(c, "Pagination"):
        with t.element("P"), t.content(c):  # a repeated footer: not tagged at all
            c._code.append("FOOTER")
    assert c._code == ["/P <</MCID 0>> BDC", "TEXT", "EMC", "/H2 <</MCID 0>> BDC", "NAME", "CIRCLE", "EMC",
                       "/Artifact <</Type /Pagination>> BDC", "FOOTER", "EMC"]
    assert list(t.root.text_parts()) == [(0, 0), (1, 0)]


def test_a_canvas_that_is_not_ours_is_drawn_on_untagged() -> None:
    plain: Any = object()
    assert tags(plain) is UNTAGGED
    with UNTAGGED.element("P"), UNTAGGED.content(plain), UNTAGGED.artifact(plain):
        pass
