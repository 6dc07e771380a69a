"""The page engine: flowables into the text area of each page, with the footer and running head.

Why: platypus' document templates do this and much we do not use, and importing them
costs a tenth of a second at start-up. Our loop is small: a flowable that fits is
drawn; one that does not is split (a :class:`~.flow.Block` only when it is taller than
a page) or moved to the next page, once. Pages are held back by :class:`HeldCanvas`
until the end, so that each can say "Page X of Y" and bookmarks point at the right page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .. import model
from ..errors import BuildError, escape
from . import archive, fonts, styles
from .flow import Block, Flowable, Row, Text
from .parts import Divider, NotesLines, Picture, prepared, short_url
from .styles import Geometry, Theme
from .tags import Tagger, tags
from .wording import NBSP, unit

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
    """Start a new page: 'first' (a worksheet's own first page), 'later' (with the running
    header) or 'wide' (a later page turned sideways, for a log a week wide). With
    ``right_hand``, the page starts on a right-hand page when printed on both sides: a blank
    left-hand page before it becomes a page of ruled notes. With ``section``, the pages from
    here on are a section of their own (a booklet's log): its title is their running head,
    and the page it starts on is noted for the contents."""

    def __init__(self, template: str, right_hand: bool = False, section: str | None = None) -> None:
        self.template, self.right_hand, self.section = template, right_hand, section


class RunningHead(Flowable):
    """A zero-size flowable: the running head of the pages after it, until a worksheet starts
    (a booklet's contents, and the notes page on its back)."""

    def __init__(self, title: str) -> None:
        self.title = title


_HOUSE_NUMBER = re.compile(r"^(\d+[A-Za-z]?)\s+")


def _keep_address(address: str) -> str:
    """An address whose house number stays with its street ("1234 Main Street")."""
    return _HOUSE_NUMBER.sub(lambda m: m.group(1) + NBSP, address, count=1)


class Footer:
    """The foot of every page: a rule, the clinic, the disclaimer and "Page X of Y".

    Built once per document and laid out once per page width (a page turned sideways is
    wider); in a booklet each worksheet's own disclaimer is used on its pages, and the
    footer is as tall as the tallest of them. Nothing in it is smaller than the theme's
    smallest type, and a phone number or a house number and its street never break.
    """

    def __init__(self, t: Theme, disclaimers: Sequence[str], clinic: model.Clinic | None) -> None:
        self.t = t
        self.style = t.ss["footer"]
        self.disclaimers = list(disclaimers)
        self.clinic = clinic
        # In large print the page number goes at the top right of each page, so that the
        # disclaimer can run the footer's whole width in 16 pt type.
        self.number_at_top = t.large
        self.number_width = 0.0 if t.large else stringWidth(self.page_words(88, 88), fonts.BOLD, t.page_number_size) + 10
        self._layouts: dict[float, tuple[Row | None, float, list[Text], float]] = {}
        self.pages = 0  # known once the document is saved

    def page_words(self, page: int, total: int) -> str:
        return self.t.w._("Page {page} of {total}", page=page, total=total)

    def _clinic_line(self, clinic: model.Clinic, width: float) -> Row:
        style = self.style
        rest = []
        if clinic.phone:
            rest.append(self.t.w._("Phone: {phone}", phone=unit(clinic.phone)).replace(" ", NBSP, 1))
        if clinic.address:
            rest.append(_keep_address(clinic.address))
        if clinic.website:
            rest.append(short_url(clinic.website))
        # A bullet stays with the item before it, so that no line starts with one.
        text = Text([(fonts.BOLD, clinic.name), *((style.fontName, f"{NBSP}• {x}") for x in rest)], style)
        if clinic.logo is None:
            return Row([text], [width])
        pic = prepared(clinic.logo)
        h = max(22.0, style.leading * 1.6)
        w = min(4 * h, h * pic.width / pic.height)
        logo = Picture(pic.data, w, w * pic.height / pic.width)
        return Row([logo, text], [w + 8, width - w - 8], middle=True)

    def layout(self, geo: Geometry) -> tuple[Row | None, float, list[Text], float]:
        """The clinic line and its height, the disclaimers, and the footer's height, for one width."""
        key = geo.frame_width
        if key not in self._layouts:
            clinic = self._clinic_line(self.clinic, geo.frame_width) if self.clinic else None
            clinic_height = clinic.wrap(geo.frame_width, geo.height)[1] + 4 if clinic else 0.0
            paras = [Text(d, self.style) for d in self.disclaimers]
            text_width = geo.frame_width - self.number_width
            heights = [p.wrap(text_width, geo.height)[1] for p in paras]
            self._layouts[key] = (clinic, clinic_height, paras, max(heights) + clinic_height + 8)
        return self._layouts[key]

    def height(self, geo: Geometry) -> float:
        return self.layout(geo)[3]

    def draw(self, canv: Canvas, page: int, total: int, index: int, geo: Geometry, header: bool) -> None:
        """The footer of one page; with ``header``, the page has a running head (pages 2 and on).
        It repeats on every page, so a screen reader is given it once, on the last page."""
        if page == total:
            self._draw(canv, page, total, index, geo, header)
        else:
            with tags(canv).artifact(canv, "Pagination"):
                self._draw(canv, page, total, index, geo, header)

    def _draw(self, canv: Canvas, page: int, total: int, index: int, geo: Geometry, header: bool) -> None:
        clinic, clinic_height, paras, height = self.layout(geo)
        tagger = tags(canv)
        g = geo
        top = g.footer_bottom + height
        canv.saveState()
        with tagger.artifact(canv):
            canv.setStrokeColor(styles.RULE)
            canv.setLineWidth(0.75)
            canv.line(g.left, top, g.width - g.right, top)
        y = top - 8
        if clinic is not None:
            y -= clinic_height - 4
            clinic.draw_at(canv, g.left, y)
            y -= 4
        para = paras[min(index, len(paras) - 1)]
        para.drawOn(canv, g.left, y - para.height)
        canv.setFillColor(styles.INK)
        size = self.t.page_number_size
        canv.setFont(fonts.BOLD, size)
        if self.number_at_top:  # on the running head's line, or above the title on a first page
            number_y = g.height - g.top - size if header else g.height - g.top + size * 0.4
        else:
            number_y = y - size
        with tagger.artifact(canv, "Pagination"):
            canv.drawRightString(g.width - g.right, number_y, self.page_words(page, total))
        canv.restoreState()


class HeldCanvas(Canvas):
    """A canvas that holds pages back until the end, so each can say "of Y", and makes
    each page's bookmarks when that page is written."""

    def __init__(self, *args: Any, footer: Footer, page_sheet: dict[int, int], page_geometry: dict[int, tuple[Geometry, bool]],
                 **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", fonts.REGULAR)  # never Helvetica: every font is ours, embedded
        self.language = kwargs["lang"]
        super().__init__(*args, **kwargs)
        self.tags = Tagger()
        self.footer = footer
        self.page_sheet = page_sheet  # page -> worksheet index, where one starts
        self.page_geometry = page_geometry  # page -> its geometry (a log page may be sideways), and whether it has a running head
        self.held: list[dict[str, Any]] = []
        self.marks: list[Mark] = []  # bookmarks on the page being drawn

    def showPage(self) -> None:
        self.held.append(dict(self.__dict__))
        self.marks = []
        self.tags.page += 1
        self._startPage()  # type: ignore[attr-defined]  # what Canvas.showPage does after writing a page

    def save(self) -> None:
        total = self.footer.pages = len(self.held)
        index = 0
        for number, state in enumerate(self.held, 1):
            index = self.page_sheet.get(number, index)
            self.__dict__.update(state)
            self.tags.page = number - 1
            for key, title, level, left, top in self.marks:
                self.bookmarkHorizontalAbsolute(key, top, left=left)  # type: ignore[arg-type]  # the stub says int; any number works
                self.addOutlineEntry(title, key, level=level, closed=False)
            self.footer.draw(self, number, total, index, *self.page_geometry[number])
            super().showPage()
        archive.tag(self._doc, self.tags.root, self.language)  # type: ignore[attr-defined]  # tagged (PDF/UA-1) and archival (PDF/A-2b)
        super().save()


class Frame:
    """The text area of one page, filled from the top, as platypus' Frame fills it: the space
    between two flowables is the larger of the one's space after and the next's space before,
    and there is no space before the first flowable on a page."""

    def __init__(self, x: float, bottom: float, width: float, height: float, dry: bool = False) -> None:
        self.x, self.bottom, self.width, self.height = x, bottom, width, height
        self.dry = dry  # place, but draw nothing
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
        if not self.dry:
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

    A worksheet's first page has room for its title; later pages have the running header;
    a 'wide' page is a later page turned sideways. A block that does not fit where it is
    first tries its smaller versions (a picture or a QR code shrunk within limits), then
    moves to the next page whole, and only when it is taller than a whole page does it
    split. The loop notes which worksheet each page belongs to, where each worksheet starts
    (for the booklet's contents), the blocks on each page (to re-balance a lonely last one)
    and what is being laid out (for an error message).
    """

    def __init__(self, sheets: Sequence[model.Worksheet], geo: Geometry, t: Theme, footer: Footer, dry: bool = False) -> None:
        self.sheets, self.t, self.dry = sheets, t, dry
        self.geos = {"first": geo, "later": geo, "wide": geo.landscape()}
        self.frames = {}
        for name, g in self.geos.items():
            bottom = g.footer_bottom + footer.height(g) + g.footer_gap
            header = 0.0 if name == "first" else g.header
            self.frames[name] = (g.left, bottom, g.frame_width, g.height - g.top - header - bottom)
        self.frame = Frame(*self.frames["first"], dry=dry)
        self.current: str | None = None  # the label of what is being laid out
        self.index = 0  # the worksheet being laid out
        self.page = 0
        self.page_sheet: dict[int, int] = {}  # page -> worksheet index, where one starts
        self.page_geometry: dict[int, tuple[Geometry, bool]] = {}
        self.template = "first"
        self.head: str | None = None  # the running head, when not the worksheet's title
        self.starts: list[int] = []  # the first page of each worksheet
        self.blocks: dict[int, list[float]] = {}  # page -> heights of the whole blocks on it
        self.slack: dict[int, float] = {}  # page -> the room left at its foot when the next part did not fit

    def run(self, story: Sequence[Any], canv: Canvas) -> None:
        canv.showOutline()  # open the bookmarks pane: exercise names at a click
        self._begin(canv, "first")
        todo: list[tuple[Any, bool]] = [(f, False) for f in reversed(story)]  # (flowable, moved on once)
        while todo:
            f, moved = todo.pop()
            if isinstance(f, Divider) and self.frame.at_top:
                continue  # a rule between blocks is not needed at the top of a page
            if isinstance(f, NewPage):
                canv.showPage()
                if f.right_hand and self.page % 2 == 1:  # the next page would be a left-hand one
                    self._begin(canv, "later")
                    self.frame.add(NotesLines(self.t, full=True), canv)
                    canv.showPage()
                if f.section is not None:
                    self.head = f.section
                self._begin(canv, f.template)
                if f.section is not None:
                    self.starts.append(self.page)
            elif self.frame.add(f, canv):
                self._placed(f)
            elif isinstance(f, Block) and (smaller := self._smaller_fit(f, canv)) is not None:
                self._placed(smaller)
            elif (parts := self.frame.split(f, canv)) and parts != [f]:
                if self.frame.add(parts[0], canv):
                    self._placed(parts[0])
                    todo += [(p, False) for p in parts[:0:-1]]
                else:  # its first part (a heading kept with what follows) is laid out in turn
                    todo += [(p, False) for p in parts[::-1]]
            elif self.frame.at_top or moved:
                self._fail(f)
            else:  # on to the next page, once (a sideways page goes on sideways)
                todo.append((f, True))
                self.slack[self.page] = self.frame.y - self.frame.bottom
                canv.showPage()
                self._begin(canv, "wide" if self.template == "wide" else "later")
        canv.showPage()

    def _smaller_fit(self, block: Block, canv: Canvas) -> Block | None:
        """The first of the block's smaller versions that fits where it is, placed; or None."""
        smaller = block.smaller()
        while smaller is not None:
            if self.frame.add(smaller, canv):
                return smaller
            smaller = smaller.smaller()
        return None

    def _begin(self, canv: Canvas, template: str) -> None:
        self.page += 1
        self.template = template
        geo = self.geos[template]
        self.page_geometry[self.page] = (geo, template != "first")
        canv.setPageSize((geo.width, geo.height))
        self.frame = Frame(*self.frames[template], dry=self.dry)
        if template != "first" and not self.dry:
            self._header(canv, geo)

    def _placed(self, f: Any) -> None:
        if isinstance(f, RunningHead):
            self.head = f.title
        if isinstance(f, SheetStart):
            self.head = None
            self.index = f.index
            self.page_sheet[self.page] = f.index
            self.starts.append(self.page)
        if isinstance(f, Block):
            self.blocks.setdefault(self.page, []).append(f.height)
        if isinstance(f, Flowable) and f.label is not None:
            self.current = f.label

    def _fail(self, f: Any) -> None:
        ws = self.sheets[self.index]
        where = self.current or "the start of the worksheet"
        raise BuildError(f"{escape(ws.source)}: cannot fit the page layout near {where}: a part {f.height:.0f} points tall does not fit on a page.")

    def _header(self, canv: Canvas, g: Geometry) -> None:
        """The worksheet's title at the top of its pages 2 and on, so a loose page can be put back."""
        size = self.t.header_size
        title = self.head or self.sheets[self.index].title
        room = g.frame_width
        if self.t.large:  # the page number shares the line: "Page 12 of 12" at its right
            room -= stringWidth(self.t.w._("Page {page} of {total}", page=88, total=88), fonts.BOLD, self.t.page_number_size) + 12
        while stringWidth(title, fonts.REGULAR, size) > room and len(title) > 4:
            title = title[:-5].rstrip() + "…"
        y = g.height - g.top - size
        with tags(canv).artifact(canv, "Pagination"):  # repeats the title: a reader has heard it
            canv.saveState()
            canv.setFillColor(styles.SOFT_INK)
            canv.setFont(fonts.REGULAR, size)
            canv.drawString(g.left, y, title)
            canv.setStrokeColor(styles.RULE)
            canv.setLineWidth(0.75)
            canv.line(g.left, y - 7, g.width - g.right, y - 7)
            canv.restoreState()
