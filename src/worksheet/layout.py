"""Lay worksheets out as a PDF, in memory: one worksheet, or several as a booklet.

Why: this is the only module that knows ReportLab's platypus. It turns the model
into flowables (one block per exercise, kept on one page), draws the running
header and the footer (clinic, disclaimer and "Page X of Y") and returns the PDF
bytes; writing them to disk is :mod:`worksheet.output`'s job.

Most text is :class:`worksheet.flow.Text`, which is never markup. The few
platypus Paragraphs left (the log, the patient line, QR captions, the contents)
get user text only through :func:`esc`: Paragraph text is markup, and markup
from a file could embed local images, links or worse (CVE-2023-33733).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.paragraph import Paragraph as _Paragraph

from . import __version__, fonts, images, styles, wording
from .errors import BuildError
from .flow import Block, Box, Drawn, Gap, Row, Stack, Text

# Streams are compressed but not also ASCII-85 encoded: a quarter smaller and quicker to
# write; every PDF reader takes binary streams. (A process-wide ReportLab setting.)
rl_config.useA85 = 0
from .model import Clinic, Exercise, Patient, PrintOptions, Settings, Worksheet
from .styles import Geometry, Theme


class Paragraph(_Paragraph):
    """A Paragraph that breaks its lines once per width.

    Platypus asks a paragraph for its size several times (KeepTogether measures the
    block, the table measures its cell, the frame places it, the table draws it);
    the answer only depends on the width, so the line breaking is remembered.
    """

    _memo_width: float | None = None
    _memo_size: tuple[float, float] = (0, 0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._memo_width or not hasattr(self, "blPara"):
            self._memo_size = super().wrap(availWidth, availHeight)
            self._memo_width = availWidth
        return self._memo_size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the pieces are new paragraphs: they must measure themselves
            part.__dict__.pop("_memo_width", None)
            part.__dict__.pop("_memo_size", None)
        return parts


def esc(text: str) -> str:
    """User text made safe for Paragraph: every ``& < >`` becomes an entity. (Our own three
    replacements: xml.sax.saxutils would pull in urllib and http, 30 ms at start-up.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def short_url(url: str) -> str:
    """The address as a person would type it: no scheme, no 'www.', no trailing slash."""
    short = url.split("://", 1)[-1]
    short = short[4:] if short.lower().startswith("www.") else short
    return short.rstrip("/")


# --- small flowables ---------------------------------------------------------------


class _Anchor(Flowable):
    """A zero-size flowable that adds a bookmark (and a contents entry) where it lands."""

    def __init__(self, key: str, title: str, level: int, contents: bool = False) -> None:
        super().__init__()
        self.key, self.title, self.level, self.contents = key, title, level, contents

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        # Pages are held back until the end (for "Page X of Y"), so a bookmark made now
        # would point at the wrong page: note where it goes, and make it when the page is.
        left, top = self.canv.absolutePosition(0, 0)
        self.canv._marks.append((self.key, self.title, self.level, left, top))  # type: ignore[attr-defined]


class _Mark(Flowable):
    """A zero-size flowable saying "worksheet N starts here", for its header and footer."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


class _Badge(Drawn):
    """The exercise number in a filled circle: easy to find and to say ("number 3")."""

    def __init__(self, number: int, size: float) -> None:
        super().__init__()
        self.number, self.size = number, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.size, self.size)

    def draw_at(self, c: Canvas, x: float, y: float) -> None:
        r = self.size / 2
        c.setFillColor(styles.INK)
        c.circle(x + r, y + r, r, stroke=0, fill=1)
        c.setFillColor("white")
        font_size = self.size * (0.55 if self.number < 10 else 0.45)
        c.setFont(fonts.BOLD, font_size)
        c.drawCentredString(x + r, y + r - font_size * 0.35, str(self.number))
        c.setFillColor(styles.INK)


class _Boxes(Flowable):
    """``count`` empty tick boxes in a row, sized for a pen."""

    GAP = 3

    def __init__(self, count: int, size: float) -> None:
        super().__init__()
        self.count, self.size = count, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.count * self.size + (self.count - 1) * self.GAP, self.size)

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(styles.INK)
        c.setLineWidth(1)
        for i in range(self.count):
            c.rect(i * (self.size + self.GAP), 0, self.size, self.size, stroke=1, fill=0)


def _qr_drawing(url: str, size: float) -> Flowable:
    # Imported here: ReportLab's graphics package takes longer to import than the rest of
    # the layout, and most worksheets have no video.
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _qr_block(url: str, label: str, t: Theme, width: float) -> Table:
    """A QR code with what it is for beside it and the short address written under it."""
    size = t.qr_size
    caption = [
        Paragraph(f"<b>{esc(label)}</b>", t.ss["caption"]),
        Paragraph("Scan the code with a phone camera, or type the address below it.", t.ss["caption"]),
    ]
    return Table(
        [[_qr_drawing(url, size), caption], [Paragraph(esc(short_url(url)), t.ss["caption"]), ""]],
        colWidths=[size + 8, width - size - 8],
        style=TableStyle([*_NO_PADDING, ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("SPAN", (0, 1), (1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 2)]),
    )


# --- page furniture ------------------------------------------------------------------


class _Footer:
    """The foot of every page: a rule, the clinic, the disclaimer and "Page X of Y".

    Built once per document; in a booklet each worksheet's own disclaimer is used
    on its pages, and the footer is as tall as the tallest of them.
    """

    NUMBER_WIDTH = 66

    def __init__(self, geo: Geometry, t: Theme, disclaimers: Sequence[str], clinic: Clinic | None) -> None:
        self.geo, self.t = geo, t
        self.text_width = geo.frame_width - self.NUMBER_WIDTH - 12
        self.paras = [Text(d, t.ss["footer"]) for d in disclaimers]
        heights = [p.wrap(self.text_width, geo.height)[1] for p in self.paras]
        self.clinic = self._clinic_line(clinic) if clinic else None
        self.clinic_height = self.clinic.wrap(geo.frame_width, geo.height)[1] + 4 if self.clinic else 0
        self.height = max(heights) + self.clinic_height + 8  # text plus the gap under the rule
        self.pages = 0  # known once the document is saved

    def _clinic_line(self, clinic: Clinic) -> Table:
        ss = self.t.ss
        bits = [f"<b>{esc(clinic.name)}</b>"]
        bits += [esc(x) for x in (clinic.phone, clinic.address) if x]
        if clinic.website:
            bits.append(esc(short_url(clinic.website)))
        text = Paragraph("  •  ".join(bits), ss["footer"])
        if clinic.logo is None:
            return Table([[text]], colWidths=[self.geo.frame_width], style=TableStyle(_NO_PADDING))
        pic = images.prepare(clinic.logo)
        h = 22.0
        w = min(90.0, h * pic.width / pic.height)
        h = w * pic.height / pic.width
        logo = Image(io.BytesIO(pic.data), width=w, height=h)
        return Table(
            [[logo, text]], colWidths=[w + 8, self.geo.frame_width - w - 8],
            style=TableStyle([*_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
        )

    def draw(self, canv: Canvas, page: int, total: int, index: int) -> None:
        g = self.geo
        top = g.footer_bottom + self.height
        canv.saveState()
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(0.75)
        canv.line(g.left, top, g.width - g.right, top)
        y = top - 8
        if self.clinic is not None:
            y -= self.clinic_height - 4
            self.clinic.drawOn(canv, g.left, y)
            y -= 4
        para = self.paras[min(index, len(self.paras) - 1)]
        para.draw_at(canv, g.left, y - para.height)
        canv.setFillColor(styles.INK)
        canv.setFont(fonts.BOLD, self.t.page_number_size)
        canv.drawRightString(g.width - g.right, y - self.t.page_number_size, f"Page {page} of {total}")
        canv.restoreState()


def _numbered_canvas(footer: _Footer, page_sheet: dict[int, int]) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each can say "of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []
            self._marks: list[tuple[str, str, int, float, float]] = []  # bookmarks on this page

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = footer.pages = len(self._held)
            index = 0
            for number, state in enumerate(self._held, 1):
                index = page_sheet.get(number, index)
                self.__dict__.update(state)
                for key, title, level, left, top in self._marks:
                    self.bookmarkHorizontalAbsolute(key, top, left=left)
                    self.addOutlineEntry(title, key, level=level, closed=False)
                footer.draw(self, number, total, index)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, sheets: Sequence[Worksheet], geo: Geometry, footer: _Footer, t: Theme,
                 title: str, subject: str) -> None:
        super().__init__(
            buf,
            pagesize=(geo.width, geo.height),
            leftMargin=geo.left,
            rightMargin=geo.right,
            topMargin=geo.top,
            bottomMargin=geo.footer_bottom + footer.height + geo.footer_gap,
            title=title,
            subject=subject,
            creator=f"worksheet {__version__}",
            lang=sheets[0].language,
            displayDocTitle=1,
            invariant=1,
        )
        self.sheets, self.geo, self.t = sheets, geo, t
        bottom = self.bottomMargin
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        first = Frame(geo.left, bottom, geo.frame_width, geo.height - geo.top - bottom, id="first", **pad)
        later = Frame(geo.left, bottom, geo.frame_width, geo.height - geo.top - geo.header - bottom, id="later", **pad)
        self.addPageTemplates([
            PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[later], onPage=self._header),
        ])
        self.current: Exercise | None = None
        self.index = 0  # the worksheet being laid out
        self.page_sheet: dict[int, int] = {}  # page -> worksheet index, where one starts

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """The worksheet's title at the top of its pages 2 and on, so a loose page can be put back."""
        g, size = self.geo, self.t.header_size
        title = self.sheets[self.index].title
        while stringWidth(title, fonts.REGULAR, size) > g.frame_width and len(title) > 4:
            title = title[:-5].rstrip() + "…"
        y = g.height - g.top - size
        canv.saveState()
        canv.setFillColor(styles.SOFT_INK)
        canv.setFont(fonts.REGULAR, size)
        canv.drawString(g.left, y, title)
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(0.75)
        canv.line(g.left, y - 7, g.width - g.right, y - 7)
        canv.restoreState()

    def beforeDocument(self) -> None:
        self.canv.showOutline()  # open the bookmarks pane: exercise names at a click
        self.index = 0
        self.page_sheet.clear()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Mark):
            self.index = flowable.index
            self.page_sheet[self.page] = flowable.index
        elif isinstance(flowable, _Anchor) and flowable.contents:
            self.notify("TOCEntry", (0, esc(flowable.title), self.page, flowable.key))
        ex = getattr(flowable, "exercise", None)
        if ex is not None:
            self.current = ex


# --- the worksheet's parts -------------------------------------------------------------


def _patient_block(patient: Patient, t: Theme, width: float) -> Table:
    """Patient, Date and Prescribed by, filled in or left as lines to write on."""
    ss = t.ss
    fields = [("Patient", patient.name), ("Date", patient.date), ("Prescribed by", patient.therapist)]
    label = [Paragraph(f"<b>{name}:</b>", ss["field"]) for name, _ in fields]
    value = [Paragraph(esc(v) if v else "", ss["field"]) for _, v in fields]
    label_w = [stringWidth(f"{name}:", fonts.BOLD, ss["field"].fontSize) + 6 for name, _ in fields]
    if t.large:  # one field a line: room to write large
        rows = [[lab, val] for lab, val in zip(label, value, strict=True)]
        widths = [max(label_w), width - max(label_w)]
        lines = [("LINEBELOW", (1, i), (1, i), 0.75, styles.INK) for i in range(3)]
        padding = 10
    else:  # one line: label, line, gap, label, line, gap, label, line
        gap = 14.0
        rest = width - sum(label_w) - 2 * gap
        date_w = max(86.0, stringWidth(patient.date or "", fonts.REGULAR, ss["field"].fontSize) + 8)
        name_w = (rest - date_w) / 2
        rows = [[label[0], value[0], "", label[1], value[1], "", label[2], value[2]]]
        widths = [label_w[0], name_w, gap, label_w[1], date_w, gap, label_w[2], name_w]
        lines = [("LINEBELOW", (c, 0), (c, 0), 0.75, styles.INK) for c in (1, 4, 7)]
        padding = 4
    table = Table(rows, colWidths=widths, style=TableStyle([
        *_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), *lines,
    ]))
    return table


def _labelled(label: str, text: str, style: ParagraphStyle) -> Text:
    """``label`` in bold, then the text: "Start: Lie on your back"."""
    return Text([(fonts.BOLD, label), (style.fontName, " " + text)], style)


def _heading(ex: Exercise, number: int, t: Theme, width: float) -> Row:
    lead = t.badge + t.badge_gap
    heading = Row([_Badge(number, t.badge), Text(ex.name, t.ss["name"])], [lead, width - lead], middle=True)
    heading.exercise = ex  # type: ignore[attr-defined]
    return heading


def _instructions(ex: Exercise, t: Theme) -> list[Flowable]:
    """How to do it: starting position, numbered steps, what to feel, tips."""
    ss = t.ss
    parts: list[Flowable] = []
    if ex.position:
        parts.append(_labelled("Start:", ex.position, ss["label"]))
    if len(ex.steps) == 1:
        parts.append(Text(ex.steps[0], ss["body"]))
    else:
        for i, step in enumerate(ex.steps, 1):
            parts.append(Text(step, ss["step"], bullet=f"{i}."))
    if ex.feel:
        parts.append(_labelled("You should feel:", ex.feel, ss["label"]))
    for i, note in enumerate(ex.notes):
        parts.append(_labelled("Tip:", note, ss["note"]) if i == 0 else Text(note, ss["note"]))
    return parts


def _picture(path: Path, width: float, max_height: float) -> Flowable:
    """The exercise's picture, as wide as the column and at most ``max_height`` tall."""
    pic = images.prepare(path)
    w, h = width, width * pic.height / pic.width
    if h > max_height:
        w, h = w * max_height / h, max_height
    flowable = Image(io.BytesIO(pic.data), width=w, height=h)
    flowable.hAlign = "LEFT"
    return flowable


def _dose_box(ex: Exercise, t: Theme) -> Box | None:
    """The dose in a shaded, ruled box, one part a line ("Hold 30 seconds", "Repeat 3 times
    each side"), with what the exercise needs as its last line. The rule keeps the box
    visible where a printer drops the light grey."""
    ss = t.ss
    lines: list[Flowable] = [_labelled(label, words, ss["dose"]) if label else Text(words, ss["dose"])
                             for label, words in wording.dose_parts(ex.dose)]
    if ex.equipment:
        lines.append(_labelled("You need:", ", ".join(ex.equipment), ss["dose_need"]))
    if not lines:
        return None
    return Box(lines, background=styles.SHADE, line=0.75, line_color=styles.RULE)


def _caution_box(ex: Exercise, t: Theme) -> Box | None:
    if not ex.caution:
        return None
    first, *more = ex.caution
    paras: list[Flowable] = [_labelled("Caution:", first, t.ss["caution"])]
    paras += [Text(c, t.ss["caution_more"]) for c in more]
    return Box(paras, line=1.5, line_color=styles.INK)


def _card(ex: Exercise, t: Theme, width: float, side_by_side: bool = True) -> list[Flowable]:
    """What to look at, how much, with what, and when to stop: picture, video code, the dose
    in a shaded box (with the equipment), and a caution in a ruled box. In one-column (large
    print) layout the dose and the caution stand side by side."""
    parts: list[Flowable] = []

    def add(flowable: Flowable | None) -> None:
        if flowable is None:
            return
        if parts:
            parts.append(Gap(t.card_gap))
        parts.append(flowable)

    if ex.image is not None:
        add(_picture(ex.image, width, t.max_picture_height))
    if ex.video:
        add(_qr_block(ex.video, "Video", t, width))
    dose, caution = _dose_box(ex, t), _caution_box(ex, t)
    if not t.two_columns and side_by_side and dose is not None and caution is not None:
        half = (width - t.column_gap) / 2
        add(Row([dose, None, caution], [half, t.column_gap, half]))
    else:
        add(dose)
        add(caution)
    return parts


def _exercise_block(ex: Exercise, number: int, t: Theme, width: float, key: str) -> Block:
    """One exercise: the numbered name across the top, then the instructions on the left
    and the dose and caution on the right, where a glance finds them (one column in large
    print). Kept on one page; one taller than a page flows as one column instead."""
    title = f"{number}. {ex.name}"
    heading = _heading(ex, number, t, width)
    left = _instructions(ex, t)
    right_width = round(width * t.card_share)
    right = _card(ex, t, right_width) if t.two_columns else []
    if left and right:
        left_width = width - right_width - t.column_gap
        body: list[Flowable] = [Row([Stack(left), None, Stack(right)], [left_width, t.column_gap, right_width])]
    else:
        card = _card(ex, t, width)
        body = left + ([Gap(t.card_gap)] if left and card else []) + card

    def fallback() -> list[Flowable]:
        card = _card(ex, t, width, side_by_side=False)
        return [_Anchor(key, title, 1), heading, Gap(5), *left, *([Gap(t.card_gap)] if left and card else []), *card]

    def mark(canv: Canvas, x: float, top: float) -> None:
        # Pages are held back until the end (for "Page X of Y"): note where the bookmark goes.
        canv._marks.append((key, title, 1, *canv.absolutePosition(x, top)))  # type: ignore[attr-defined]

    block = Block([heading, Gap(5), *body], fallback, mark)
    block.exercise = ex  # type: ignore[attr-defined]
    return block


class _Divider(HRFlowable):
    """The rule between exercise blocks; dropped where it would fall at the foot or top of a page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [Spacer(0, 0)]


def _rule(t: Theme) -> HRFlowable:
    return _Divider(width="100%", thickness=0.75, color=styles.RULE, spaceBefore=t.block_gap / 2, spaceAfter=t.block_gap)


def _log_rows(ws: Worksheet) -> list[tuple[str, int]]:
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


def _log(ws: Worksheet, s: Settings, t: Theme, width: float, key: str) -> list[Flowable]:
    """A tracking log: a row per exercise (per side), a column per day with a box for each time
    the prescription asks for, and a pain column. Days are split into tables that fit the width."""
    ss = t.ss
    rows = _log_rows(ws)
    most = max(n for _, n in rows)
    boxes = most if most <= 3 else 0  # more than 3 a day: a space to write the count instead
    day_width = max(34.0, boxes * (t.check_box + _Boxes.GAP) + 8 if boxes else 40.0)
    pain_width = 50.0 if not t.large else 62.0
    name_min = 150.0 if not t.large else 190.0
    per_table = max(1, min(s.log_days, int((width - name_min - pain_width) // day_width)))
    story: list[Flowable] = [
        NextPageTemplate("later"), PageBreak(), _Anchor(key, "Exercise log", 1),
        Paragraph("Exercise log", ss["section"]),
        Paragraph(
            "Tick a box each time you do an exercise"
            + (" (one box for each time a day)." if most > 1 else ".")
            + " In the last column, write how much it hurt, from 0 (no pain) to 10 (worst pain).",
            ss["body"],
        ),
        Paragraph("<b>Start date:</b> ____________________", ss["label"]),
    ]
    for start in range(0, s.log_days, per_table):
        days = range(start + 1, min(s.log_days, start + per_table) + 1)
        name_width = width - pain_width - day_width * len(days)
        head = [Paragraph("Exercise", ss["cell_head"])] + [Paragraph(f"Day {d}", ss["cell_head"]) for d in days]
        head.append(Paragraph("Pain 0–10", ss["cell_head"]))
        body = []
        for label, per_day in rows:
            cells: list[Flowable] = []
            for _ in days:
                cell = _Boxes(per_day, t.check_box) if boxes else Paragraph(f"__ of {per_day}", ss["cell"])
                cell.hAlign = "CENTER"
                cells.append(cell)
            body.append([Paragraph(esc(label), ss["cell"]), *cells, ""])
        table = Table(
            [head, *body], colWidths=[name_width] + [day_width] * len(days) + [pain_width], repeatRows=1,
            style=TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.75, styles.RULE),
                ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]),
        )
        story += [Spacer(0, 8), table]
    return story


def worksheet_story(ws: Worksheet, s: Settings, t: Theme, width: float, index: int = 0, booklet: bool = False) -> list[Flowable]:
    """The flowables of one worksheet, from its title to its log."""
    ss = t.ss
    prefix = f"w{index}-"
    story: list[Flowable] = [_Mark(index), _Anchor(f"{prefix}title", ws.title, 0, contents=booklet), Text(ws.title, ss["title"])]
    story.append(Text(ws.subtitle, ss["subtitle"]) if ws.subtitle else Spacer(0, 8))
    if s.patient_header:
        story += [_patient_block(s.patient, t, width), Spacer(0, 10)]
    for para in ws.intro:
        story.append(Text(para, ss["intro"]))
    if ws.equipment:
        story.append(_labelled("You will need:", ", ".join(ws.equipment), ss["equipment"]))
    if ws.video:
        story += [Spacer(0, 4), _qr_block(ws.video, "Watch the whole routine", t, width)]
    story.append(Spacer(0, 6))
    for number, ex in enumerate(ws.exercises, 1):
        story.append(_rule(t))
        story.append(_exercise_block(ex, number, t, width, f"{prefix}ex{number}"))
    if ws.notes:
        block: list[Flowable] = [_rule(t), _Anchor(f"{prefix}notes", "Notes", 1), Text("Notes", ss["section"])]
        block += [Text(p, ss["body"]) for p in ws.notes]
        story.append(KeepTogether(block))
    if s.log:
        story += _log(ws, s, t, width, f"{prefix}log")
    return story


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def _build(sheets: Sequence[Worksheet], s: Settings, story_for, title: str, subject: str, multi: bool = False) -> Rendered:
    t = styles.theme(s.large_print)
    geo = t.geometry(s.page_size)
    footer = _Footer(geo, t, [ws.disclaimer or wording.DEFAULT_DISCLAIMER for ws in sheets], s.clinic)
    buf = io.BytesIO()
    doc = _Doc(buf, sheets, geo, footer, t, title, subject)
    story = story_for(t, geo.frame_width)
    canvas = _numbered_canvas(footer, doc.page_sheet)
    try:
        if multi:
            doc.multiBuild(story, canvasmaker=canvas)
        else:
            doc.build(story, canvasmaker=canvas)
    except LayoutError as e:
        ws = sheets[doc.index]
        where = f"exercise '{doc.current.name}' (line {doc.current.line})" if doc.current else "the start of the worksheet"
        raise BuildError(f"{ws.source}: cannot fit the page layout near {where}: {e}") from None
    data = buf.getvalue()
    if footer.pages < 1 or not data.startswith(b"%PDF-"):  # pragma: no cover - a bug, not a user mistake
        raise RuntimeError(f"layout produced no pages for {sheets[0].source}")
    return Rendered(data, footer.pages)


def render(ws: Worksheet, settings: Settings | None = None) -> Rendered:
    """One worksheet as PDF bytes. Same worksheet and settings, same bytes."""
    s = settings or PrintOptions().resolve(ws)
    return _build([ws], s, lambda t, w: worksheet_story(ws, s, t, w), ws.title, ws.subtitle or "Home exercise worksheet")


def render_booklet(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str) -> Rendered:
    """Several worksheets as one PDF: a contents page, then each worksheet from a new page,
    with continuous page numbers and bookmarks for every worksheet and exercise."""
    s = settings[0]

    def story_for(t: Theme, width: float) -> list[Flowable]:
        from reportlab.platypus.tableofcontents import TableOfContents

        contents = TableOfContents(dotsMinLevel=0)
        contents.levelStyles = [ParagraphStyle("toc0", parent=t.ss["contents"], leftIndent=0, firstLineIndent=0)]
        story: list[Flowable] = [
            _Anchor("contents", "Contents", 0), Paragraph(esc(title), t.ss["title"]),
            Paragraph("Contents", t.ss["section"]), contents,
        ]
        for i, (ws, ws_settings) in enumerate(zip(sheets, settings, strict=True)):
            story += [NextPageTemplate("first"), PageBreak()]
            story += worksheet_story(ws, ws_settings, t, width, index=i, booklet=True)
        return story

    return _build(sheets, s, story_for, title, "Home exercise program", multi=True)
