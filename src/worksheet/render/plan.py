"""The box on page 1: who the sheet is for, and the plan (how often, for how long, when to call).

Why: none of the worksheets said how often or for how long to exercise, and the patient
line wrapped names onto two lines or cut them mid-word. Every field here is a label with
its value written on a rule, given the room it needs: a name of 40 characters stays on
one line at the regular size, a longer one wraps at a space or a hyphen, and a value not
given is the rule alone, to fill in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from ..i18n.dates import local_date
from ..model import Clinic, Patient, Plan
from . import fonts, styles
from .flow import Box, Flowable, Gap, Text
from .linebreak import width
from .styles import Theme
from .tags import tags
from .wording import unit

BLANK = "_" * 6  # a short blank inside a sentence: "___ times a day"
Field = tuple[str, str | None, float]  # label, value (None: a rule to fill in), share of the row


class FieldRow(Flowable):
    """Fields side by side, each a bold label and its value on a rule; values wrap in place."""

    GAP = 14.0  # between two fields
    RULE = 0.75
    tag = "P"  # read as a line: "Patient: Zelda Date: 2 December"

    def __init__(self, fields: Sequence[Field], t: Theme) -> None:
        self.fields, self.style = list(fields), t.ss["field"]
        self.space_before = 7.0 * (0.45 if t.tight else 1.0)
        self._parts: list[tuple[float, float, float, Text, Text | None]] = []  # x, value x, end x, label, value

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        st = self.style
        total_share = sum(share for *_, share in self.fields)
        usable = availWidth - self.GAP * (len(self.fields) - 1)
        x, height, self._parts = 0.0, st.leading, []
        for label, value, share in self.fields:
            field_width = usable * share / total_share
            label_width = width(label, fonts.BOLD, st.fontSize) + 6
            label_text = Text([(fonts.BOLD, label)], st)
            label_text.wrap(label_width, 1e9)
            text = Text(value, st) if value else None
            if text is not None:
                height = max(height, text.wrap(field_width - label_width, 1e9)[1])
            self._parts.append((x, x + label_width, x + field_width, label_text, text))
            x += field_width + self.GAP
        self.width, self.height = availWidth, height + st.fontSize * 0.2
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        st = self.style
        top = y + self.height
        canv.saveState()
        canv.setStrokeColor(styles.INK)
        canv.setLineWidth(self.RULE)
        for x0, x_value, x_end, label, value in self._parts:
            label.draw_at(canv, x + x0, top - label.height)  # on the value's first line
            lines = 1
            if value is not None:
                value.draw_at(canv, x + x_value, top - value.height)
                lines = round(value.height / st.leading)
            if value is not None and BLANK in value.words_text:
                continue  # the value has its own blanks to write in: no rule under it as well
            rule = top - st.fontSize - (lines - 1) * st.leading - st.fontSize * 0.38  # clear of g, p and y
            with tags(canv).artifact(canv):  # the line to write on
                canv.line(x + x_value, rule, x + x_end, rule)
        canv.restoreState()


def _phone(clinic: Clinic | None) -> str | None:
    return unit(clinic.phone) if clinic is not None and clinic.phone else None


def _date_need(patient: Patient, t: Theme) -> float:
    """The room the date needs: its label and its text (or a rule to write one on), with a margin."""
    st = t.ss["field"]
    return width(t.w._("Date:"), fonts.BOLD, st.fontSize) + width(patient.date or "_" * 16, st.fontName, st.fontSize) + 30


def patient_rows(patient: Patient, t: Theme, row_width: float) -> list[Flowable]:
    """Patient, Date and Prescribed by, filled in or left as rules to write on; the date gets the
    room its text needs."""
    if patient.date:  # an ISO date is written the way the language writes dates
        patient = replace(patient, date=local_date(patient.date, t.w.language))
    date = min(0.5, max(0.25, _date_need(patient, t) / row_width))  # a long name beside it keeps the rest
    name, by, on = t.w._("Patient:"), t.w._("Prescribed by:"), t.w._("Date:")
    if t.large:  # in large print each takes a line of its own
        return [FieldRow([(name, patient.name, 1)], t), FieldRow([(by, patient.therapist, 1)], t),
                FieldRow([(on, patient.date, 1)], t)]
    return [FieldRow([(name, patient.name, 1 - date), (on, patient.date, date)], t),
            FieldRow([(by, patient.therapist, 1)], t)]


def plan_box(plan: Plan, patient: Patient | None, clinic: Clinic | None, t: Theme, row_width: float) -> Box:
    """"Your plan": the patient's details (when asked for), how often and for how long, the
    next visit, and when to call the clinic, with its phone number when there is one."""
    w = t.w
    how_often = plan.how_often or w._("{blank} times a day, {blank} days a week", blank=BLANK)
    weeks = unit(w.ngettext("{n} week", "{n} weeks", plan.weeks)) if plan.weeks else w._("{blank} weeks", blank=BLANK)
    phone = _phone(clinic)
    call = w._("Call us at {phone} if:", phone=phone) if phone else w._("Call us if:")
    rows: list[Flowable] = [Text(w._("Your plan"), t.ss["plan_title"])]
    if patient is not None:
        rows += patient_rows(patient, t, row_width - t.box_pad[0] - t.box_pad[1])
    if t.large:
        rows += [FieldRow([(w._("How often:"), how_often, 1)], t),
                 FieldRow([(w._("For:"), weeks, 0.4), (w._("Next visit:"), plan.next_visit, 0.6)], t),
                 FieldRow([(call, plan.call_if, 1)], t)]
    else:
        rows += [FieldRow([(w._("How often:"), how_often, 0.6), (w._("For:"), weeks, 0.4)], t),
                 FieldRow([(w._("Next visit:"), plan.next_visit, 0.4), (call, plan.call_if, 0.6)], t)]
    return Box([*rows, Gap(2)], line=0.75, line_color=styles.RULE, pad=t.box_pad, title=w._("Your plan"))
