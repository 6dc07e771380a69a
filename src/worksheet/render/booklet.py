"""Several worksheets as one story: a contents page, each worksheet from a new page, one log.

Why: a patient given several worksheets gets one booklet with one set of page numbers;
the contents page needs the page each worksheet starts on, which is known only after
layout, so :mod:`.document` lays a booklet out twice (see ``contents=True`` there).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Settings, Worksheet
from .flow import Gap, Text
from .log import log_story
from .pages import Anchor, NewPage, RunningHead
from .parts import ContentsLine
from .plan import plan_box
from .sheet import worksheet_story
from .styles import Theme


def booklet_story(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str,
                  t: Theme, width: float, starts: list[int] | None, wide_width: float | None = None) -> list[Any]:
    """The contents (the patient's details and plan, and the start page of each worksheet, once
    known), then the worksheets, then one log for all of them."""
    s = settings[0]
    style = t.ss["contents"]
    log_title = t.w._("Exercise log")
    entries = [ws.title for ws in sheets] + ([log_title] if s.log else [])
    story: list[Any] = [
        RunningHead(title), Anchor("contents", t.w._("Contents"), 0), Text(title, t.ss["title"]),
        plan_box(s.plan, s.patient if s.patient_header else None, s.clinic, t, width), Gap(10),
        Text(t.w._("Contents"), t.ss["section"]),
        *(ContentsLine(entry, starts[i] if starts and i < len(starts) else 0, style) for i, entry in enumerate(entries)),
    ]
    for i, (ws, ws_settings) in enumerate(zip(sheets, settings, strict=True)):
        story.append(NewPage("first", right_hand=s.duplex))
        story += worksheet_story(ws, ws_settings, t, width, index=i, in_booklet=True)
    if s.log:
        story += log_story(sheets, s, t, width, "log", wide_width, level=0, section=log_title)  # the booklet's own
    return story
