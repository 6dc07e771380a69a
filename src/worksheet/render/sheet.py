"""One worksheet as a story of flowables: title, patient line, introduction, exercises, notes, log.

Why: a worksheet and a booklet lay out the same worksheet story; a booklet only adds
a contents page and starts each worksheet on a new page (:mod:`.booklet`).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from ..model import Patient, Settings, Worksheet
from . import fonts, styles
from .exercise import exercise_block
from .flow import Block, Gap, Text
from .log import log_story
from .pages import Anchor, SheetStart
from .parts import Divider, labelled, qr_block
from .styles import Theme
from .tables import NO_PADDING, esc, para, table


def _patient_block(patient: Patient, t: Theme, width: float) -> Any:
    """Patient, Date and Prescribed by, filled in or left as lines to write on."""
    ss = t.ss
    fields = [("Patient", patient.name), ("Date", patient.date), ("Prescribed by", patient.therapist)]
    label = [para(f"<b>{name}:</b>", ss["field"]) for name, _ in fields]
    value = [para(esc(v) if v else "", ss["field"]) for _, v in fields]
    label_w = [stringWidth(f"{name}:", fonts.BOLD, ss["field"].fontSize) + 6 for name, _ in fields]
    rows: list[list[Any]]
    if t.large:  # one field a line: room to write large
        rows = [[lab, val] for lab, val in zip(label, value, strict=True)]
        widths = [max(label_w), width - max(label_w)]
        lines = [("LINEBELOW", (1, i), (1, i), 0.75, styles.INK) for i in range(3)]
        padding = 10
    else:  # one line: label, line, gap, label, line, gap, label, line
        gap = 14.0
        rest = width - sum(label_w) - 2 * gap
        # The date gets the room it needs, up to a third of the line (a long one wraps); the
        # names share the rest. No column is ever narrower than the text it must hold.
        date_w = min(max(86.0, stringWidth(patient.date or "", fonts.REGULAR, ss["field"].fontSize) + 8), rest / 3)
        name_w = (rest - date_w) / 2
        rows = [[label[0], value[0], "", label[1], value[1], "", label[2], value[2]]]
        widths = [label_w[0], name_w, gap, label_w[1], date_w, gap, label_w[2], name_w]
        lines = [("LINEBELOW", (c, 0), (c, 0), 0.75, styles.INK) for c in (1, 4, 7)]
        padding = 4
    return table(rows, widths, [
        *NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), *lines,
    ])


def worksheet_story(ws: Worksheet, s: Settings, t: Theme, width: float, index: int = 0) -> list[Any]:
    """The flowables of one worksheet, from its title to its log."""
    ss = t.ss
    prefix = f"w{index}-"
    story: list[Any] = [SheetStart(index), Anchor(f"{prefix}title", ws.title, 0), Text(ws.title, ss["title"])]
    story.append(Text(ws.subtitle, ss["subtitle"]) if ws.subtitle else Gap(8))
    if s.patient_header:
        story += [_patient_block(s.patient, t, width), Gap(10)]
    for paragraph in ws.intro:
        story.append(Text(paragraph, ss["intro"]))
    if ws.equipment:
        story.append(labelled("You will need:", ", ".join(ws.equipment), ss["equipment"]))
    if ws.video:
        story += [Gap(4), qr_block(ws.video, "Watch the whole routine", t, width)]
    story.append(Gap(6))
    for number, ex in enumerate(ws.exercises, 1):
        story.append(Divider(t))
        story.append(exercise_block(ex, number, t, width, f"{prefix}ex{number}"))
    if ws.notes:
        block: list[Any] = [Divider(t), Anchor(f"{prefix}notes", "Notes", 1), Text("Notes", ss["section"])]
        block += [Text(p, ss["body"]) for p in ws.notes]
        story.append(Block(block))
    if s.log:
        story += log_story(ws, s, t, width, f"{prefix}log")
    return story
