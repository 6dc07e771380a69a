"""Small drawn parts of a page: number badges, tick boxes, pictures, rules, QR codes, labels.

Why: each is a flowable that only measures and draws itself (as pretix's small
flowables do), so the modules that compose a worksheet (:mod:`.exercise`,
:mod:`.sheet`, :mod:`.log`, :mod:`.booklet`) read as a list of parts.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..errors import BuildError, shown
from ..read import pictures
from . import fonts, styles
from .flow import Flowable, Gap, Row, Stack, Text
from .styles import Theme
from .tags import tags


def short_url(url: str) -> str:
    """The address as a person would type it: no scheme, no 'www.', no trailing slash."""
    short = url.split("://", 1)[-1]
    short = short[4:] if short.lower().startswith("www.") else short
    return short.rstrip("/")


def labelled(label: str, text: str, style: ParagraphStyle) -> Text:
    """``label`` in bold, then the text: "Start: Lie on your back"."""
    return Text([(fonts.BOLD, label), (style.fontName, " " + text)], style)


class Badge(Flowable):
    """The exercise number in a filled circle: easy to find and to say ("number 3")."""

    def __init__(self, number: int, size: float) -> None:
        self.number, self.size = number, size
        # Large for one digit, a little smaller for two; a longer number shrinks to fit the circle.
        self.font_size = size * (0.55 if number < 10 else 0.45)
        width = stringWidth(str(number), fonts.BOLD, self.font_size)
        if width > 0.78 * size:
            self.font_size *= 0.78 * size / width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.size, self.size)

    def draw_at(self, c: Canvas, x: float, y: float) -> None:
        r = self.size / 2
        tagger = tags(c)
        with tagger.artifact(c):
            c.setFillColor(styles.INK)
            c.circle(x + r, y + r, r, stroke=0, fill=1)
        with tagger.content(c):  # the number is read with the exercise's name: "3 Bridge"
            c.setFillColor("white")
            c.setFont(fonts.BOLD, self.font_size)
            c.drawCentredString(x + r, y + r - self.font_size * 0.35, str(self.number))
        c.setFillColor(styles.INK)


class TickBoxes(Flowable):
    """``count`` empty tick boxes in a row, sized for a pen."""

    GAP = 3

    def __init__(self, count: int, size: float) -> None:
        self.count, self.size = count, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return (self.count * self.size + (self.count - 1) * self.GAP, self.size)

    def draw_at(self, c: Canvas, x: float, y: float) -> None:
        with tags(c).artifact(c):  # empty boxes to tick: nothing to read
            c.saveState()
            c.setStrokeColor(styles.INK)
            c.setLineWidth(1)
            for i in range(self.count):
                c.rect(x + i * (self.size + self.GAP), y, self.size, self.size, stroke=1, fill=0)
            c.restoreState()


def prepared(path: Path) -> pictures.Picture:
    """A picture read for printing. It was checked when its file was read; if it has changed
    or gone since, that is said as a build error, not a traceback."""
    try:
        return pictures.prepare(path)
    except pictures.ImageProblem as e:
        raise BuildError(f"The picture {shown(path)} {e}.") from None


class Picture(Flowable):
    """A prepared picture (PNG or JPEG bytes) at a fixed size; with ``alt``, a figure with words
    for a screen reader, else decoration (a clinic's logo beside its name)."""

    def __init__(self, data: bytes, width: float, height: float, alt: str | None = None) -> None:
        self.data, self.width, self.height = data, width, height
        if alt:
            self.tag, self.tag_attrs = "Figure", {"Alt": alt}

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        from reportlab.lib.utils import ImageReader

        tagger = tags(canv)
        with tagger.content(canv) if self.tag else tagger.artifact(canv):
            canv.drawImage(ImageReader(io.BytesIO(self.data)), x, y, self.width, self.height, mask="auto")


class Divider(Flowable):
    """The rule between exercise blocks; dropped where it would fall at the foot of a page."""

    THICKNESS = 0.75

    def __init__(self, t: Theme) -> None:
        self.space_before, self.space_after = max(t.block_gap / 2, 4.0), t.block_gap  # never on the box above it
        self.height = self.THICKNESS

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [Gap(0)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        with tags(canv).artifact(canv):
            canv.saveState()
            canv.setStrokeColor(styles.RULE)
            canv.setLineWidth(self.THICKNESS)
            canv.line(x, y, x + self.width, y)
            canv.restoreState()


class ContentsLine(Flowable):
    """A line of the booklet's contents: the title, a dotted leader and the page number."""

    NUMBER = 40.0

    tag = "TOCI"

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
        tagger = tags(canv)
        if dots > 0:
            with tagger.artifact(canv):
                canv.drawRightString(end, base, " ." * dots)
        with tagger.content(canv):
            canv.drawRightString(x + self.width, base, number)


class QRCode(Flowable):
    """A QR code a phone camera opens, drawn as squares (ReportLab's encoder, our own drawing:
    a graphics Drawing would bring its own default font into the page); a figure whose words
    say what it opens."""

    def __init__(self, url: str, size: float, alt: str) -> None:
        from reportlab.graphics.barcode import qrencoder

        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(url)
        qr.make()
        n = qr.getModuleCount()
        self.dark = [(r, c) for r in range(n) for c in range(n) if qr.isDark(r, c)]
        self.modules, self.width, self.height = n, size, size
        self.tag, self.tag_attrs = "Figure", {"Alt": alt}

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        border = 2  # quiet zone, in modules (the space round it does the rest)
        step = self.width / (self.modules + 2 * border)
        with tags(canv).content(canv):
            canv.saveState()
            canv.setFillColor(styles.INK)
            path = canv.beginPath()
            for r, c in self.dark:
                path.rect(x + (c + border) * step, y + self.height - (r + border + 1) * step, step, step)
            canv.drawPath(path, stroke=0, fill=1)
            canv.restoreState()


def qr_block(url: str, label: str, t: Theme, width: float, size: float | None = None) -> Flowable:
    """A QR code with what it is for beside it and the short address written under it."""
    size = size or t.qr_size
    style = t.ss["caption"]
    caption = Stack([Text([(fonts.BOLD, label)], style),
                     Text(t.w._("Scan the code with a phone camera, or type the address below it."), style)])
    code = QRCode(url, size, t.w._("QR code: {label}, opens {address}", label=label, address=short_url(url)))
    return Stack([Row([code, None, caption], [size, 8, width - size - 8], middle=True), Gap(2), Text(short_url(url), style)])


class NotesLines(Flowable):
    """Ruled lines to write on, filling what is left of a page, under a "Your notes" heading.

    Paper is not wasted: the space after the last exercise becomes a place for the patient's
    own notes. Where fewer than three lines fit it takes no room at all (it never starts a
    page of its own); ``full`` fills a whole page (the blank left page of a booklet printed
    on both sides).
    """

    MIN_LINES = 2

    def __init__(self, t: Theme, full: bool = False) -> None:
        self.heading = Text([(fonts.BOLD, t.w._("Your notes"))], t.ss["section" if full else "label"])
        self.gap = 24.0 if not t.large else 32.0  # between ruled lines: room to write by hand
        self.full = full
        self.lead = 0 if full else t.block_gap  # the gap above it is part of it: no lines, no gap
        self.lines = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        head = self.lead + self.heading.wrap(availWidth, availHeight)[1] + 4
        self.lines = int((availHeight - head - self.gap / 2) // self.gap)  # the last line clear of the footer
        if self.lines < self.MIN_LINES:
            self.lines, self.height = 0, 0.0
        else:
            self.height = head + self.lines * self.gap + self.gap / 2
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        if not self.lines:
            return
        top = y + self.height - self.lead
        self.heading.drawOn(canv, x, top - self.heading.height)
        with tags(canv).artifact(canv):  # lines to write on
            canv.saveState()
            canv.setStrokeColor(styles.RULE)
            canv.setLineWidth(0.75)
            for i in range(self.lines):
                line_y = y + self.gap / 2 + i * self.gap
                canv.line(x, line_y, x + self.width, line_y)
            canv.restoreState()
