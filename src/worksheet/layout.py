"""Lay a :class:`~worksheet.model.Worksheet` out as a PDF, in memory.

Why: this is the only module that knows ReportLab's platypus. It turns the model
into flowables (one kept-together block per exercise), draws the running header
and the footer (disclaimer and "Page X of Y") and returns the PDF bytes; writing
them to disk is :mod:`worksheet.output`'s job.

Every piece of user text goes through :func:`esc` before it reaches a
Paragraph: Paragraph text is markup, and markup from a file could embed local
images, links or worse (CVE-2023-33733). Our own tags are the only markup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import StyleSheet1
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from . import __version__, fonts, images, styles, wording
from .errors import BuildError
from .model import Exercise, Worksheet
from .styles import Geometry


def esc(text: str) -> str:
    """User text made safe for Paragraph: every ``& < >`` becomes an entity."""
    return escape(text)


class _Anchor(Flowable):
    """A zero-size flowable that adds a PDF bookmark (outline entry) where it lands."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class _Badge(Flowable):
    """The exercise number in a filled circle: easy to find and to say ("number 3")."""

    def __init__(self, number: int, size: float) -> None:
        super().__init__()
        self.number, self.size = number, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.size, self.size)

    def draw(self) -> None:
        c, r = self.canv, self.size / 2
        c.setFillColor(styles.INK)
        c.circle(r, r, r, stroke=0, fill=1)
        c.setFillColor("white")
        font_size = self.size * (0.55 if self.number < 10 else 0.45)
        c.setFont(fonts.BOLD, font_size)
        c.drawCentredString(r, r - font_size * 0.35, str(self.number))


class _Footer:
    """The footer on every page: a rule, the disclaimer and "Page X of Y". Built once per document."""

    NUMBER_WIDTH = 66

    def __init__(self, geo: Geometry, disclaimer: str, ss: StyleSheet1) -> None:
        self.geo = geo
        self.para = Paragraph(esc(disclaimer), ss["footer"])
        self.text_width = geo.frame_width - self.NUMBER_WIDTH - 12
        _, self.text_height = self.para.wrap(self.text_width, geo.height)
        self.height = self.text_height + 8  # text plus the gap under the rule
        self.pages = 0  # known once the document is saved

    def draw(self, canv: Canvas, page: int, total: int) -> None:
        g = self.geo
        top = g.footer_bottom + self.height
        canv.saveState()
        canv.setStrokeColor(styles.RULE)
        canv.setLineWidth(0.75)
        canv.line(g.left, top, g.width - g.right, top)
        self.para.drawOn(canv, g.left, g.footer_bottom)
        canv.setFillColor(styles.INK)
        canv.setFont(fonts.BOLD, 11)
        canv.drawRightString(g.width - g.right, top - 8 - 11, f"Page {page} of {total}")
        canv.restoreState()


def _numbered_canvas(footer: _Footer) -> type[Canvas]:
    """A canvas class that holds pages back until the end, so each can say "of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = footer.pages = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                footer.draw(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Doc(BaseDocTemplate):
    def __init__(self, buf: io.BytesIO, ws: Worksheet, geo: Geometry, footer: _Footer, ss: StyleSheet1) -> None:
        subject = ws.subtitle or "Home exercise worksheet"
        super().__init__(
            buf,
            pagesize=(geo.width, geo.height),
            leftMargin=geo.left,
            rightMargin=geo.right,
            topMargin=geo.top,
            bottomMargin=geo.footer_bottom + footer.height + geo.footer_gap,
            title=ws.title,
            subject=subject,
            creator=f"worksheet {__version__}",
            lang=ws.language,
            displayDocTitle=1,
            invariant=1,
        )
        self.ws, self.geo, self.ss = ws, geo, ss
        bottom = self.bottomMargin
        first = Frame(geo.left, bottom, geo.frame_width, geo.height - geo.top - bottom, id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        later_top = geo.top + geo.header
        later = Frame(geo.left, bottom, geo.frame_width, geo.height - later_top - bottom, id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
            PageTemplate(id="later", frames=[later], onPage=self._header),
        ])
        self.current: Exercise | None = None

    def _header(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """The worksheet's title at the top of pages 2 and on, so a loose page can be put back."""
        g = self.geo
        size = 11
        title = self.ws.title
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

    def afterFlowable(self, flowable: Flowable) -> None:
        ex = getattr(flowable, "exercise", None)
        if ex is not None:
            self.current = ex


_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _heading(ex: Exercise, number: int, ss: StyleSheet1, width: float) -> Table:
    lead = styles.BADGE + styles.BADGE_GAP
    heading = Table(
        [[_Badge(number, styles.BADGE), Paragraph(esc(ex.name), ss["name"])]],
        colWidths=[lead, width - lead],
        style=TableStyle([*_NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
    )
    heading.exercise = ex  # type: ignore[attr-defined]
    return heading


def _instructions(ex: Exercise, ss: StyleSheet1) -> list[Flowable]:
    """How to do it: starting position, numbered steps, what to feel, tips."""
    parts: list[Flowable] = []
    if ex.position:
        parts.append(Paragraph(f"<b>Start:</b> {esc(ex.position)}", ss["label"]))
    if len(ex.steps) == 1:
        parts.append(Paragraph(esc(ex.steps[0]), ss["body"]))
    else:
        for i, step in enumerate(ex.steps, 1):
            parts.append(Paragraph(esc(step), ss["step"], bulletText=f"{i}."))
    if ex.feel:
        parts.append(Paragraph(f"<b>You should feel:</b> {esc(ex.feel)}", ss["label"]))
    for i, note in enumerate(ex.notes):
        parts.append(Paragraph(("<b>Tip:</b> " if i == 0 else "") + esc(note), ss["note"]))
    return parts


def _card(ex: Exercise, ss: StyleSheet1, width: float) -> list[Flowable]:
    """How much, with what, and when to stop: the dose in a shaded box, then the
    equipment, then a caution in a ruled box."""
    parts: list[Flowable] = []
    if ex.image is not None:
        parts += [_picture(ex.image, width), Spacer(0, styles.CARD_GAP)]
    dose = wording.dose_parts(ex.dose)
    if dose:
        lines = [Paragraph(f"<b>{esc(label)}</b> {esc(words)}" if label else esc(words), ss["dose"]) for label, words in dose]
        parts.append(_boxed(lines, width, background=styles.SHADE))
    if ex.equipment:
        if parts:
            parts.append(Spacer(0, styles.CARD_GAP))
        parts.append(Paragraph(f"<b>You need:</b> {esc(', '.join(ex.equipment))}", ss["label"]))
    if ex.caution:
        if parts:
            parts.append(Spacer(0, styles.CARD_GAP))
        first, *more = ex.caution
        paras = [Paragraph(f"<b>Caution:</b> {esc(first)}", ss["caution"])]
        paras += [Paragraph(esc(c), ss["caution_more"]) for c in more]
        parts.append(_boxed(paras, width, border=True))
    return parts


def _picture(path: Path, width: float) -> Flowable:
    """The exercise's picture, as wide as the column and at most MAX_PICTURE_HEIGHT tall."""
    pic = images.prepare(path)
    w, h = width, width * pic.height / pic.width
    if h > styles.MAX_PICTURE_HEIGHT:
        w, h = w * styles.MAX_PICTURE_HEIGHT / h, styles.MAX_PICTURE_HEIGHT
    flowable = Image(io.BytesIO(pic.data), width=w, height=h)
    flowable.hAlign = "LEFT"
    return flowable


def _exercise_block(ex: Exercise, number: int, ss: StyleSheet1, width: float) -> list[Flowable]:
    """One exercise: the numbered name across the top, then the instructions on the left
    and the dose and caution on the right, where a glance finds them."""
    parts: list[Flowable] = [_Anchor(f"ex{number}", f"{number}. {ex.name}", 1), _heading(ex, number, ss, width), Spacer(0, 5)]
    left = _instructions(ex, ss)
    right_width = round(width * styles.CARD_SHARE)
    left_width = width - right_width - styles.COLUMN_GAP
    right = _card(ex, ss, right_width)
    if left and right:
        body = Table(
            [[left, "", right]],
            colWidths=[left_width, styles.COLUMN_GAP, right_width],
            style=TableStyle(_NO_PADDING),
            splitInRow=1,
        )
        parts.append(body)
    else:
        parts += left or _card(ex, ss, width)
    return parts


def _boxed(paras: list[Flowable], width: float, *, background: object = None, border: bool = False) -> Table:
    """Paragraphs in a one-cell table: shaded (the dose) or outlined (a caution)."""
    cmds: list[tuple] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    if background is not None:
        cmds.append(("BACKGROUND", (0, 0), (-1, -1), background))
    if border:
        cmds.append(("BOX", (0, 0), (-1, -1), 1.5, styles.INK))
    return Table([[paras]], colWidths=[width], style=TableStyle(cmds), splitInRow=1)


def build_story(ws: Worksheet, ss: StyleSheet1, width: float) -> list[Flowable]:
    story: list[Flowable] = [_Anchor("title", ws.title, 0), Paragraph(esc(ws.title), ss["title"])]
    if ws.subtitle:
        story.append(Paragraph(esc(ws.subtitle), ss["subtitle"]))
    else:
        story.append(Spacer(0, 8))
    for para in ws.intro:
        story.append(Paragraph(esc(para), ss["intro"]))
    if ws.equipment:
        story.append(Paragraph(f"<b>You will need:</b> {esc(', '.join(ws.equipment))}", ss["equipment"]))
    story.append(Spacer(0, 6))
    for number, ex in enumerate(ws.exercises, 1):
        story.append(HRFlowable(width="100%", thickness=0.75, color=styles.RULE, spaceBefore=styles.BLOCK_GAP / 2, spaceAfter=styles.BLOCK_GAP))
        story.append(KeepTogether(_exercise_block(ex, number, ss, width)))
    if ws.notes:
        block: list[Flowable] = [
            HRFlowable(width="100%", thickness=0.75, color=styles.RULE, spaceBefore=styles.BLOCK_GAP / 2, spaceAfter=styles.BLOCK_GAP),
            _Anchor("notes", "Notes", 1),
            Paragraph("Notes", ss["section"]),
        ]
        block += [Paragraph(esc(p), ss["body"]) for p in ws.notes]
        story.append(KeepTogether(block))
    return story


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def render(ws: Worksheet, page_size: str | None = None) -> Rendered:
    """The worksheet as PDF bytes. Same worksheet, same bytes."""
    ss = styles.stylesheet()
    geo = styles.geometry(page_size or ws.page_size)
    footer = _Footer(geo, ws.disclaimer or wording.DEFAULT_DISCLAIMER, ss)
    buf = io.BytesIO()
    doc = _Doc(buf, ws, geo, footer, ss)
    story = build_story(ws, ss, geo.frame_width)
    try:
        doc.build(story, canvasmaker=_numbered_canvas(footer))
    except LayoutError as e:
        where = f"exercise '{doc.current.name}' (line {doc.current.line})" if doc.current else "the start of the worksheet"
        raise BuildError(f"{ws.source}: cannot fit the page layout near {where}: {e}") from None
    data = buf.getvalue()
    if footer.pages < 1 or not data.startswith(b"%PDF-"):  # pragma: no cover - a bug, not a user mistake
        raise RuntimeError(f"layout produced no pages for {ws.source}")
    return Rendered(data, footer.pages)
