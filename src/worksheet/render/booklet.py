"""Several worksheets as one story: a contents page, then each worksheet from a new page.

Why: a patient given several worksheets gets one booklet with one set of page numbers;
the contents page needs the page each worksheet starts on, which is known only after
layout, so :mod:`.document` lays a booklet out twice (see ``contents=True`` there).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Settings, Worksheet
from .flow import Text
from .pages import Anchor, NewPage
from .parts import ContentsLine
from .sheet import worksheet_story
from .styles import Theme


def booklet_story(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str,
                  t: Theme, width: float, starts: list[int] | None) -> list[Any]:
    """The contents (with the start page of each worksheet, once known), then the worksheets."""
    style = t.ss["contents"]
    story: list[Any] = [
        Anchor("contents", "Contents", 0), Text(title, t.ss["title"]), Text("Contents", t.ss["section"]),
        *(ContentsLine(ws.title, starts[i] if starts else 0, style) for i, ws in enumerate(sheets)),
    ]
    for i, (ws, ws_settings) in enumerate(zip(sheets, settings, strict=True)):
        story.append(NewPage("first"))
        story += worksheet_story(ws, ws_settings, t, width, index=i)
    return story
