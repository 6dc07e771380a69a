"""The page engine: flowables into the text area of each page, with the footer and running head.

Why: platypus' document templates do this and much we do not use, and importing them
costs a tenth of a second at start-up. Our loop is small: a flowable that fits is
drawn; one that does not is split (a :class:`~.flow.Block` only when it is taller than
a page) or moved to the next page, once. Pages are held back by :class:`HeldCanvas`
until the end, so that each can say "Page X of Y" and bookmarks point at the right page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .. import model
from ..errors import BuildError, escape
from . import fonts, styles
from .flow import Flowable, Row, Text
from .parts import Picture, prepared, short_url
from .styles import Geometry, Theme

Mark = tuple[str, str, int, float, float]  # bookmark key, title, level, left, top


class Anchor(Flowable):
    """A zero-size flowable that adds a bookmark where it lands."""

    def __init__(self, key: str, title: str, level: int) -> None:
        self.key, self.title, self.level = key, title, level

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        # Pages are held back until the end (for "Page X of Y"), so a bookmark made now
        # would point at the wrong page: note where it goes, and make it when the page is.
        assert isinstance(canv, HeldCanvas)
        canv.marks.append((self.key, self.title, self.level, *canv.absolutePosition(x, y)))


class SheetStart(Flowable):
    """A zero-size flowable saying "worksheet N starts here", for its header and footer."""

    def __init__(self, index: int) -> None:
        self.index = index


class NewPage(Flowable):
    """Start a new page: 'first' (a worksheet's own first page) or 'later' (with the running header)."""

    def __init__(self, template: str) -> None:
        self.template = template


class Footer:
    """The foot of every page: a rule, the clinic, the disclaimer and "Page X of Y".

    Built once per document; in a booklet each worksheet's own disclaimer is used
    on its pages, and the footer is as tall as the tallest of them.
    """

    NUMBER_WIDTH = 66

    def __init__(self, geo: Geometry, t: Theme, disclaimers: Sequence[str], clinic: model.Clinic | None) -> None:
        self.geo, self.t = geo, t
        self.text_width = geo.frame_width - self.NUMBER_WIDTH - 12
        self.paras = [Text(d, t.ss["footer"]) for d in disclaimers]
        heights = [p.wrap(self.text_width, geo.height)[1] for p in self.paras]
        self.clinic = self._clinic_line(clinic) if clinic else None
        self.clinic_height = self.clinic.wrap(geo.frame_width, geo.height)[1] + 4 if self.clinic else 0
        self.height = max(heights) + self.clinic_height + 8  # text plus the gap under the rule
        self.pages = 0  # known once the document is saved

    def _clinic_line(self, clinic: model.Clinic) -> Row:
        style = self.t.ss["footer"]
        rest = [x for x in (clinic.phone, clinic.address) if x]
        if clinic.website:
            rest.append(short_url(clinic.website))
        text = Text([(fonts.BOLD, clinic.name), *((style.fontName, f"  •  {x}") for x in rest)], style)
        if clinic.logo is None:
            return Row([text], [self.geo.frame_width])
        pic = prepared(clinic.logo)
        h = 22.0
        w = min(90.0, h * pic.width / pic.height)
        logo = Picture(pic.data, w, w * pic.height / pic.width)
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


class HeldCanvas(Canvas):
    """A canvas that holds pages back until the end, so each can say "of Y", and makes
    each page's bookmarks when that page is written."""

    def __init__(self, *args: Any, footer: Footer, page_sheet: dict[int, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.footer = footer
        self.page_sheet = page_sheet  # page -> worksheet index, where one starts
        self.held: list[dict[str, Any]] = []
        self.marks: list[Mark] = []  # bookmarks on the page being drawn

    def showPage(self) -> None:
        self.held.append(dict(self.__dict__))
        self.marks = []
        self._startPage()  # type: ignore[attr-defined]  # what Canvas.showPage does after writing a page

    def save(self) -> None:
        total = self.footer.pages = len(self.held)
        index = 0
        for number, state in enumerate(self.held, 1):
            index = self.page_sheet.get(number, index)
            self.__dict__.update(state)
            for key, title, level, left, top in self.marks:
                self.bookmarkHorizontalAbsolute(key, top, left=left)  # type: ignore[arg-type]  # the stub says int; any number works
                self.addOutlineEntry(title, key, level=level, closed=False)
            self.footer.draw(self, number, total, index)
            super().showPage()
        super().save()


class Frame:
    """The text area of one page, filled from the top, as platypus' Frame fills it: the space
    between two flowables is the larger of the one's space after and the next's space before,
    and there is no space before the first flowable on a page."""

    def __init__(self, x: float, bottom: float, width: float, height: float) -> None:
        self.x, self.bottom, self.width, self.height = x, bottom, width, height
        self.y = bottom + height
        self.at_top = True
        self.after = 0.0  # the last flowable's space after, already taken

    def _room(self, f: Any) -> tuple[float, float]:
        gap = 0.0 if self.at_top else max(f.getSpaceBefore() - self.after, 0.0)
        return gap, self.y - self.bottom - gap

    def add(self, f: Any, canv: Canvas) -> bool:
        """Draw ``f`` (ours, or a platypus table) at the current position if it fits."""
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

    def split(self, f: Any, canv: Canvas) -> list[Any]:
        _, room = self._room(f)
        if room <= 0:
            return []
        if isinstance(f, Flowable):
            return f.split_at(self.width, room, self.at_top, self.height)
        return f.splitOn(canv, self.width, room)  # a platypus table


class Pages:
    """Our page loop: flowables into the frame of each page, split or moved on where they
    do not fit.

    A worksheet's first page has room for its title; later pages have the running header.
    It notes which worksheet each page belongs to, where each worksheet starts (for the
    booklet's contents) and what is being laid out (for an error message).
    """

    def __init__(self, sheets: Sequence[model.Worksheet], geo: Geometry, t: Theme, footer: Footer) -> None:
        self.sheets, self.geo, self.t = sheets, geo, t
        bottom = geo.footer_bottom + footer.height + geo.footer_gap
        self.frames = {
            "first": (geo.left, bottom, geo.frame_width, geo.height - geo.top - bottom),
            "later": (geo.left, bottom, geo.frame_width, geo.height - geo.top - geo.header - bottom),
        }
        self.frame = Frame(*self.frames["first"])
        self.current: str | None = None  # the label of what is being laid out
        self.index = 0  # the worksheet being laid out
        self.page = 0
        self.page_sheet: dict[int, int] = {}  # page -> worksheet index, where one starts
        self.starts: list[int] = []  # the first page of each worksheet

    def run(self, story: Sequence[Any], canv: Canvas) -> None:
        canv.showOutline()  # open the bookmarks pane: exercise names at a click
        self._begin(canv, "first")
        todo: list[tuple[Any, bool]] = [(f, False) for f in reversed(story)]  # (flowable, moved on once)
        while todo:
            f, moved = todo.pop()
            if isinstance(f, NewPage):
                canv.showPage()
                self._begin(canv, f.template)
            elif self.frame.add(f, canv):
                self._placed(f)
            elif parts := self.frame.split(f, canv):
                if not self.frame.add(parts[0], canv):
                    self._fail(parts[0])
                self._placed(parts[0])
                todo += [(p, False) for p in parts[:0:-1]]
            elif self.frame.at_top or moved:
                self._fail(f)
            else:  # on to the next page, once
                todo.append((f, True))
                canv.showPage()
                self._begin(canv, "later")
        canv.showPage()

    def _begin(self, canv: Canvas, template: str) -> None:
        self.page += 1
        self.frame = Frame(*self.frames[template])
        if template == "later":
            self._header(canv)

    def _placed(self, f: Any) -> None:
        if isinstance(f, SheetStart):
            self.index = f.index
            self.page_sheet[self.page] = f.index
            self.starts.append(self.page)
        if isinstance(f, Flowable) and f.label is not None:
            self.current = f.label

    def _fail(self, f: Any) -> None:
        ws = self.sheets[self.index]
        where = self.current or "the start of the worksheet"
        raise BuildError(f"{escape(ws.source)}: cannot fit the page layout near {where}: a part {f.height:.0f} points tall does not fit on a page.")

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
