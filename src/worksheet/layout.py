"""Lay worksheets out as a PDF, in memory: one worksheet, or several as a booklet.

Why: this is the only module that lays out pages. It turns the model into our
own flowables (:mod:`worksheet.flow`; one block per exercise, kept on one page),
fills the pages with its own small page loop, draws the running header and the
footer (clinic, disclaimer and "Page X of Y") and returns the PDF bytes; writing
them to disk is :mod:`worksheet.output`'s job. ReportLab's canvas does the PDF.
Platypus (Paragraph, Table) is imported only for the parts that are tables: the
tracking log, the patient line and QR codes; importing it costs a tenth of a
second, which a plain worksheet does not pay.

Most text is :class:`worksheet.flow.Text`, which is never markup. The platypus
Paragraphs in those tables get user text only through :func:`esc`: Paragraph
text is markup, and markup from a file could embed local images, links or worse
(CVE-2023-33733).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from . import __version__, fonts, images, styles, wording
from .errors import BuildError
from .flow import Block, Box, Flowable, Gap, Row, Stack, Text
from .model import Clinic, Exercise, Patient, PrintOptions, Settings, Worksheet
from .styles import Geometry, Theme

# Streams are compressed but not also ASCII-85 encoded: a quarter smaller and quicker to
# write; every PDF reader takes binary streams. (A process-wide ReportLab setting.)
rl_config.useA85 = 0


def _para(text: str, style: ParagraphStyle):
    """A platypus Paragraph of our own markup, for a table cell; user text only through esc().
    Platypus is imported here, where a worksheet needs a table (the log, the patient line,
    a QR code), and not at start-up."""
    from reportlab.platypus.paragraph import Paragraph

    return Paragraph(text, style)


def _table(rows: list, widths: list[float], commands: list[tuple], **kw: object):
    from reportlab.platypus.tables import Table, TableStyle

    return Table(rows, colWidths=widths, style=TableStyle(commands), **kw)


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
    """A zero-size flowable that adds a bookmark where it lands."""

    def __init__(self, key: str, title: str, level: int) -> None:
        self.key, self.title, self.level = key, title, level

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        # Pages are held back until the end (for "Page X of Y"), so a bookmark made now
        # would point at the wrong page: note where it goes, and make it when the page is.
        canv._marks.append((self.key, self.title, self.level, *canv.absolutePosition(x, y)))  # type: ignore[attr-defined]


class _Mark(Flowable):
    """A zero-size flowable saying "worksheet N starts here", for its header and footer."""

    def __init__(self, index: int) -> None:
        self.index = index


class _Badge(Flowable):
    """The exercise number in a filled circle: easy to find and to say ("number 3")."""

    def __init__(self, number: int, size: float) -> None:
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
        self.count, self.size = count, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.count * self.size + (self.count - 1) * self.GAP, self.size)

    def draw_at(self, c: Canvas, x: float, y: float) -> None:
        c.saveState()
        c.setStrokeColor(styles.INK)
        c.setLineWidth(1)
        for i in range(self.count):
            c.rect(x + i * (self.size + self.GAP), y, self.size, self.size, stroke=1, fill=0)
        c.restoreState()


def _qr_drawing(url: str, size: float):
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


def _qr_block(url: str, label: str, t: Theme, width: float):
    """A QR code with what it is for beside it and the short address written under it."""
    size = t.qr_size
    caption = [
        _para(f"<b>{esc(label)}</b>", t.ss["caption"]),
        _para("Scan the code with a phone camera, or type the address below it.", t.ss["caption"]),
    ]
    return _table(
        [[_qr_drawing(url, size), caption], [_para(esc(short_url(url)), t.ss["caption"]), ""]],
        [size + 8, width - size - 8],
        [*_NO_PADDING, ("VALIGN", (0, 0), (-1, 0), "MIDDLE"), ("SPAN", (0, 1), (1, 1)), ("TOPPADDING", (0, 1), (-1, 1), 2)],
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

    def _clinic_line(self, clinic: Clinic) -> Row:
        style = self.t.ss["footer"]
        rest = [x for x in (clinic.phone, clinic.address) if x]
        if clinic.website:
            rest.append(short_url(clinic.website))
        text = Text([(fonts.BOLD, clinic.name), *((style.fontName, f"  •  {x}") for x in rest)], style)
        if clinic.logo is None:
            return Row([text], [self.geo.frame_width])
        pic = images.prepare(clinic.logo)
        h = 22.0
        w = min(90.0, h * pic.width / pic.height)
        logo = _Picture(pic.data, w, w * pic.height / pic.width)
        return Row([logo, text], [w + 8, self.geo.frame_width - w - 8], middle=True)

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
            self.clinic.draw_at(canv, g.left, y)
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


class _NewPage(Flowable):
    """Start a new page: 'first' (a worksheet's own first page) or 'later' (with the running header)."""

    def __init__(self, template: str) -> None:
        self.template = template


class _Frame:
    """The text area of one page, filled from the top, as platypus' Frame fills it: the space
    between two flowables is the larger of the one's space after and the next's space before,
    and there is no space before the first flowable on a page."""

    def __init__(self, x: float, bottom: float, width: float, height: float) -> None:
        self.x, self.bottom, self.width, self.height = x, bottom, width, height
        self.y = bottom + height
        self.at_top = True
        self.after = 0.0  # the last flowable's space after, already taken

    def _room(self, f: Flowable) -> tuple[float, float]:
        gap = 0.0 if self.at_top else max(f.getSpaceBefore() - self.after, 0.0)
        return gap, self.y - self.bottom - gap

    def add(self, f: Flowable, canv: Canvas) -> bool:
        """Draw ``f`` at the current position if it fits."""
        gap, room = self._room(f)
        if room < 0:
            return False
        _, h = f.wrapOn(canv, self.width, room)
        y = self.y - gap - h
        if y < self.bottom - 1e-6:
            return False
        f.drawOn(canv, self.x, y)
        self.after = f.getSpaceAfter()
        y -= self.after
        if y != self.y:
            self.at_top = False
        self.y = y
        return True

    def split(self, f: Flowable, canv: Canvas) -> list:
        _, room = self._room(f)
        if room <= 0:
            return []
        f.frame = self  # type: ignore[attr-defined]  # a Block asks whether it could ever fit
        return f.splitOn(canv, self.width, room)


class _Pages:
    """Our page loop: flowables into the frame of each page, split or moved on where they
    do not fit. (Platypus' document templates do the same and much we do not use, and
    importing them costs a tenth of a second at start-up.)

    A worksheet's first page has room for its title; later pages have the running header.
    It notes which worksheet each page belongs to, where each worksheet starts (for the
    booklet's contents) and which exercise is being laid out (for an error message).
    """

    def __init__(self, sheets: Sequence[Worksheet], geo: Geometry, t: Theme, footer: _Footer) -> None:
        self.sheets, self.geo, self.t = sheets, geo, t
        bottom = geo.footer_bottom + footer.height + geo.footer_gap
        self.frames = {
            "first": (geo.left, bottom, geo.frame_width, geo.height - geo.top - bottom),
            "later": (geo.left, bottom, geo.frame_width, geo.height - geo.top - geo.header - bottom),
        }
        self.current: Exercise | None = None
        self.index = 0  # the worksheet being laid out
        self.page = 0
        self.page_sheet: dict[int, int] = {}  # page -> worksheet index, where one starts
        self.starts: list[int] = []  # the first page of each worksheet

    def run(self, story: list[Flowable], canv: Canvas) -> None:
        canv.showOutline()  # open the bookmarks pane: exercise names at a click
        self._begin(canv, "first")
        todo = story[::-1]
        while todo:
            f = todo.pop()
            if isinstance(f, _NewPage):
                canv.showPage()
                self._begin(canv, f.template)
            elif self.frame.add(f, canv):
                self._placed(f)
            elif parts := self.frame.split(f, canv):
                if not self.frame.add(parts[0], canv):
                    self._fail(parts[0])
                self._placed(parts[0])
                todo += parts[:0:-1]
            elif self.frame.at_top or getattr(f, "postponed", False):
                self._fail(f)
            else:  # on to the next page, once
                f.postponed = True  # type: ignore[attr-defined]
                todo.append(f)
                canv.showPage()
                self._begin(canv, "later")
        canv.showPage()

    def _begin(self, canv: Canvas, template: str) -> None:
        self.page += 1
        self.frame = _Frame(*self.frames[template])
        if template == "later":
            self._header(canv)

    def _placed(self, f: Flowable) -> None:
        if isinstance(f, _Mark):
            self.index = f.index
            self.page_sheet[self.page] = f.index
            self.starts.append(self.page)
        ex = getattr(f, "exercise", None)
        if ex is not None:
            self.current = ex

    def _fail(self, f: Flowable) -> None:
        ws = self.sheets[self.index]
        where = f"exercise '{self.current.name}' (line {self.current.line})" if self.current else "the start of the worksheet"
        raise BuildError(f"{ws.source}: cannot fit the page layout near {where}: a part {f.height:.0f} points tall does not fit on a page.")

    def _header(self, canv: Canvas) -> None:
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


class _ContentsLine(Flowable):
    """A line of the booklet's contents: the title, a dotted leader and the page number."""

    NUMBER = 40.0

    def __init__(self, title: str, page: int, style: ParagraphStyle) -> None:
        self.text, self.page, self.style = Text(title, style), page, style
        self.space_after = style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.text.wrap(availWidth - self.NUMBER, availHeight)[1]
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        st = self.style
        self.text.draw_at(canv, x, y)
        base = y + st.leading - st.fontSize  # the last line's baseline
        number = str(self.page)
        end = x + self.width - stringWidth(number, st.fontName, st.fontSize) - 4  # the leader stops here
        dot = stringWidth(" .", st.fontName, st.fontSize)
        dots = int((end - x - self.text.last_line_width() - 6) // dot)
        canv.setFillColor(st.textColor)
        canv.setFont(st.fontName, st.fontSize)
        if dots > 0:
            canv.drawRightString(end, base, " ." * dots)
        canv.drawRightString(x + self.width, base, number)


class _Picture(Flowable):
    """A prepared picture (PNG or JPEG bytes) at a fixed size."""

    def __init__(self, data: bytes, width: float, height: float) -> None:
        self.data, self.width, self.height = data, width, height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        from reportlab.lib.utils import ImageReader

        canv.drawImage(ImageReader(io.BytesIO(self.data)), x, y, self.width, self.height, mask="auto")


# --- the worksheet's parts -------------------------------------------------------------


def _patient_block(patient: Patient, t: Theme, width: float):
    """Patient, Date and Prescribed by, filled in or left as lines to write on."""
    ss = t.ss
    fields = [("Patient", patient.name), ("Date", patient.date), ("Prescribed by", patient.therapist)]
    label = [_para(f"<b>{name}:</b>", ss["field"]) for name, _ in fields]
    value = [_para(esc(v) if v else "", ss["field"]) for _, v in fields]
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
    return _table(rows, widths, [
        *_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2), *lines,
    ])


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
    return _Picture(pic.data, w, h)


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

    anchor = _Anchor(key, f"{number}. {ex.name}", 1)

    def fallback() -> list[Flowable]:
        card = _card(ex, t, width, side_by_side=False)
        return [anchor, heading, Gap(5), *left, *([Gap(t.card_gap)] if left and card else []), *card]

    block = Block([anchor, heading, Gap(5), *body], fallback)
    block.exercise = ex  # type: ignore[attr-defined]
    return block


class _Divider(Flowable):
    """The rule between exercise blocks; dropped where it would fall at the foot of a page."""

    THICKNESS = 0.75

    def __init__(self, t: Theme) -> None:
        self.space_before, self.space_after = t.block_gap / 2, t.block_gap
        self.height = self.THICKNESS

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [Gap(0)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        canv.saveState()
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(self.THICKNESS)
        canv.line(x, y, x + self.width, y)
        canv.restoreState()


def _rule(t: Theme) -> _Divider:
    return _Divider(t)


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
        _NewPage("later"), _Anchor(key, "Exercise log", 1),
        Text("Exercise log", ss["section"]),
        Text(
            "Tick a box each time you do an exercise"
            + (" (one box for each time a day)." if most > 1 else ".")
            + " In the last column, write how much it hurt, from 0 (no pain) to 10 (worst pain).",
            ss["body"],
        ),
        _labelled("Start date:", "____________________", ss["label"]),
    ]
    for start in range(0, s.log_days, per_table):
        days = range(start + 1, min(s.log_days, start + per_table) + 1)
        name_width = width - pain_width - day_width * len(days)
        head = [_para("Exercise", ss["cell_head"])] + [_para(f"Day {d}", ss["cell_head"]) for d in days]
        head.append(_para("Pain 0–10", ss["cell_head"]))
        body = []
        for label, per_day in rows:
            # a cell holding a list is laid out as flowables by platypus' Table, ours included
            cells = [[_Boxes(per_day, t.check_box)] if boxes else _para(f"__ of {per_day}", ss["cell"]) for _ in days]
            body.append([_para(esc(label), ss["cell"]), *cells, ""])
        table = _table(
            [head, *body], [name_width] + [day_width] * len(days) + [pain_width], repeatRows=1,
            commands=[
                ("GRID", (0, 0), (-1, -1), 0.75, styles.RULE),
                ("BACKGROUND", (0, 0), (-1, 0), styles.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ],
        )
        story += [Gap(8), table]
    return story


def worksheet_story(ws: Worksheet, s: Settings, t: Theme, width: float, index: int = 0) -> list[Flowable]:
    """The flowables of one worksheet, from its title to its log."""
    ss = t.ss
    prefix = f"w{index}-"
    story: list[Flowable] = [_Mark(index), _Anchor(f"{prefix}title", ws.title, 0), Text(ws.title, ss["title"])]
    story.append(Text(ws.subtitle, ss["subtitle"]) if ws.subtitle else Gap(8))
    if s.patient_header:
        story += [_patient_block(s.patient, t, width), Gap(10)]
    for para in ws.intro:
        story.append(Text(para, ss["intro"]))
    if ws.equipment:
        story.append(_labelled("You will need:", ", ".join(ws.equipment), ss["equipment"]))
    if ws.video:
        story += [Gap(4), _qr_block(ws.video, "Watch the whole routine", t, width)]
    story.append(Gap(6))
    for number, ex in enumerate(ws.exercises, 1):
        story.append(_rule(t))
        story.append(_exercise_block(ex, number, t, width, f"{prefix}ex{number}"))
    if ws.notes:
        block: list[Flowable] = [_rule(t), _Anchor(f"{prefix}notes", "Notes", 1), Text("Notes", ss["section"])]
        block += [Text(p, ss["body"]) for p in ws.notes]
        story.append(Block(block))
    if s.log:
        story += _log(ws, s, t, width, f"{prefix}log")
    return story


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def _build(sheets: Sequence[Worksheet], s: Settings, story_for: Callable[[Theme, float, list[int] | None], list[Flowable]],
           title: str, subject: str, contents: bool = False) -> Rendered:
    """Lay the story out and save it. With ``contents`` (a booklet), lay it out again with
    the pages each worksheet starts on, until they stop changing (twice, as a rule)."""
    t = styles.theme(s.large_print)
    geo = t.geometry(s.page_size)
    footer = _Footer(geo, t, [ws.disclaimer or wording.DEFAULT_DISCLAIMER for ws in sheets], s.clinic)
    starts: list[int] | None = None
    for _ in range(4):
        buf = io.BytesIO()
        pages = _Pages(sheets, geo, t, footer)
        canv = _numbered_canvas(footer, pages.page_sheet)(buf, pagesize=(geo.width, geo.height), invariant=1, lang=sheets[0].language)
        pages.run(story_for(t, geo.frame_width, starts), canv)
        if not contents or pages.starts == starts:
            break
        starts = pages.starts
    canv.setTitle(title)
    canv.setSubject(subject)
    canv.setCreator(f"worksheet {__version__}")
    canv.setViewerPreference("DisplayDocTitle", "true")
    canv.save()
    data = buf.getvalue()
    if footer.pages < 1 or not data.startswith(b"%PDF-"):  # pragma: no cover - a bug, not a user mistake
        raise RuntimeError(f"layout produced no pages for {sheets[0].source}")
    return Rendered(data, footer.pages)


def render(ws: Worksheet, settings: Settings | None = None) -> Rendered:
    """One worksheet as PDF bytes. Same worksheet and settings, same bytes."""
    s = settings or PrintOptions().resolve(ws)
    return _build([ws], s, lambda t, w, _: worksheet_story(ws, s, t, w), ws.title, ws.subtitle or "Home exercise worksheet")


def render_booklet(sheets: Sequence[Worksheet], settings: Sequence[Settings], title: str) -> Rendered:
    """Several worksheets as one PDF: a contents page, then each worksheet from a new page,
    with continuous page numbers and bookmarks for every worksheet and exercise."""
    s = settings[0]

    def story_for(t: Theme, width: float, starts: list[int] | None) -> list[Flowable]:
        style = t.ss["contents"]
        story: list[Flowable] = [
            _Anchor("contents", "Contents", 0), Text(title, t.ss["title"]), Text("Contents", t.ss["section"]),
            *(_ContentsLine(ws.title, starts[i] if starts else 0, style) for i, ws in enumerate(sheets)),
        ]
        for i, (ws, ws_settings) in enumerate(zip(sheets, settings, strict=True)):
            story.append(_NewPage("first"))
            story += worksheet_story(ws, ws_settings, t, width, index=i)
        return story

    return _build(sheets, s, story_for, title, "Home exercise program", contents=True)
