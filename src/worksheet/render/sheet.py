"""One worksheet as a story of flowables: title, plan, introduction, exercises, notes, log.

Why: a worksheet and a booklet lay out the same worksheet story; a booklet only adds
a contents page and starts each worksheet on a new page (:mod:`.booklet`).
"""

from __future__ import annotations

from typing import Any

from ..model import Settings, Worksheet
from . import wording
from .exercise import exercise_block
from .flow import Block, Gap, Text
from .log import log_story
from .pages import Anchor, SheetStart
from .parts import Divider, NotesLines, labelled, qr_block
from .plan import patient_rows, plan_box
from .styles import Theme


def worksheet_story(ws: Worksheet, s: Settings, t: Theme, width: float, index: int = 0, in_booklet: bool = False,
                    wide_width: float | None = None, plan_at_end: bool = False) -> list[Any]:
    """The flowables of one worksheet, from its title to its log. In a booklet the plan box
    is on the contents page, and the log is the booklet's own, after every worksheet. With
    ``plan_at_end`` (large print, when page 1 would otherwise hold no exercise), page 1 keeps
    only the patient's details and the plan box follows the last exercise."""
    ss = t.ss
    prefix = f"w{index}-"
    story: list[Any] = [SheetStart(index), Anchor(f"{prefix}title", ws.title, 0), Text(ws.title, ss["title"])]
    story.append(Text(ws.subtitle, ss["subtitle"]) if ws.subtitle else Gap(8))
    patient = s.patient if s.patient_header else None
    if not in_booklet and not plan_at_end:
        story += [plan_box(s.plan, patient, s.clinic, t, width), Gap(3 if t.tight else 10)]
    elif not in_booklet and patient is not None:
        story += [*patient_rows(patient, t, width), Gap(10)]
    for i, paragraph in enumerate(ws.intro):
        story.append(Text(paragraph, ss["intro"]))
        if s.beside is not None and i < len(s.beside.intro):  # bilingual: as written, under it
            story.append(Text(s.beside.intro[i], ss["beside"], lang=s.beside.language))
    if ws.equipment:
        story.append(labelled(t.w._("You will need:"), wording.listed(ws.equipment, t.w), ss["equipment"]))
    if ws.video:
        story += [Gap(4), qr_block(ws.video, t.w._("Watch the whole routine"), t, width)]
    story.append(Gap(6))
    written = s.beside.exercises if s.beside is not None else ()
    for number, ex in enumerate(ws.exercises, 1):
        story.append(Divider(t))
        beside = written[number - 1] if number <= len(written) else None
        story.append(exercise_block(ex, number, t, width, f"{prefix}ex{number}", figures=s.figures, beside=beside,
                                    lang=s.beside.language if s.beside is not None else None))
    if ws.notes:
        notes = t.w._("Notes")
        block: list[Any] = [Divider(t), Anchor(f"{prefix}notes", notes, 1), Text(notes, ss["section"])]
        block += [Text(p, ss["body"]) for p in ws.notes]
        story.append(Block(block))
    if plan_at_end and not in_booklet:
        story += [Divider(t), Block([plan_box(s.plan, None, s.clinic, t, width)])]
    if s.notes_lines:
        story.append(NotesLines(t))
    if s.log and not in_booklet:
        story += log_story([ws], s, t, width, f"{prefix}log", wide_width)
    return story
