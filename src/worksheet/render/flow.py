"""Our own flowables: plain text that breaks its lines once, and boxes, rows and stacks of it.

Why: platypus' Paragraph parses markup for every piece of text, and a worksheet's
exercise block (a Table in a Table in a KeepTogether) made platypus measure each
paragraph up to four times and re-measure every cell; that was most of a build's
time. Our text needs no markup: it is user text plus our own bold labels, given
as runs of (font, text). So a word is measured once (the widths are cached for the
whole process), lines are broken once per width, and a paragraph is drawn as one
text object. User text never meets a markup parser on this path at all.

Lines are broken by :mod:`.linebreak`. The composites (:class:`Stack`, :class:`Row`, :class:`Box`) lay their parts out
once per width and draw them at absolute positions. A :class:`Stack` splits
between or inside its parts, a :class:`Box` inside its text; a :class:`Row`
does not split: :class:`Block` (an exercise) moves whole to the next page, and
only when it is taller than a page does it give up its columns and flow as one
column that splits anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from .linebreak import EPSILON, Run, Word, break_lines, segments, width, words_of
from .tags import tags

# The structure element a paragraph of each style is; None: it is part of its parent (a heading
# row's name, a table cell's text). Any other style is a paragraph (P).
STYLE_TAGS: dict[str, str | None] = {"title": "H1", "section": "H2", "plan_title": "H2", "name": None, "cell": None,
                                     "cell_head": None, "contents": None}


class Flowable:
    """Our flowables' base: the part of platypus' Flowable interface that our page loop
    (:mod:`worksheet.render.pages`) and platypus' Table (for the few tables left) use.

    Not platypus' own class: importing anything from ``reportlab.platypus`` imports all
    of it, Paragraph's regular expressions included (a tenth of a second at start-up).
    A flowable draws itself at an absolute position, with no saved graphics state.
    """

    width = 0.0
    height = 0.0
    space_before = 0.0
    space_after = 0.0
    label: str | None = None  # what it shows, for a message when it cannot be laid out ("exercise 'Bridge' (line 12)")
    tag: str | None = None  # the structure element it is (P, H2, Sect, Figure...), for screen readers
    tag_attrs: dict[str, str] = {}  # noqa: RUF012 (read only; an instance sets its own)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def wrapOn(self, canv: Canvas, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list:
        return []  # cannot split: it moves to the next page whole

    def splitOn(self, canv: Canvas, availWidth: float, availHeight: float) -> list:
        return self.split(availWidth, availHeight)

    def split_at(self, availWidth: float, availHeight: float, fresh: bool, page_height: float) -> list:
        """Split to fill what is left of a page (``fresh``: the page holds nothing yet;
        ``page_height``: the height of a whole page's text area). By default as :meth:`split`."""
        return self.split(availWidth, availHeight)

    def getSpaceBefore(self) -> float:
        return self.space_before

    def getSpaceAfter(self) -> float:
        return self.space_after

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self.tag is None:
            self.draw_at(canv, x, y)
            return
        with tags(canv).element(self.tag, **self.tag_attrs):
            self.draw_at(canv, x, y)

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pass

    def identity(self, maxLen: int | None = None) -> str:
        return type(self).__name__


class Text(Flowable):
    """A paragraph of plain text in one style: runs of (font, text), an optional bullet.

    Like a platypus Paragraph with ``splitLongWords`` and no widows or orphans, but
    the text is never markup, and its lines are broken once per width.
    """

    def __init__(self, runs: Sequence[Run] | str, style: ParagraphStyle, bullet: str | None = None,
                 tag: str | None = "", lang: str | None = None) -> None:
        self.style = style
        # a list item with its number; else as given; else by its style (a paragraph, a heading)
        self.tag = "LI" if bullet else tag if tag != "" else STYLE_TAGS.get(style.name, "P")
        self.tag_attrs = {"Lang": lang} if lang else {}
        self._words: list[Word] | None = words_of([(style.fontName, runs)] if isinstance(runs, str) else runs)
        self.bullet = bullet
        self.space_before, self.space_after = style.spaceBefore, style.spaceAfter
        self._lines: list[list[Word]] = []
        self._for: float | None = None

    @classmethod
    def _part(cls, whole: Text, lines: list[list[Word]], first: bool, last: bool) -> Text:
        part = cls.__new__(cls)
        part.style, part.bullet = whole.style, whole.bullet if first else None
        part.tag = whole.tag if (first or whole.tag != "LI") else "LI"
        part.tag_attrs = whole.tag_attrs
        part._words = None  # from the lines, if ever needed at another width
        part.space_before = whole.space_before if first else 0
        part.space_after = whole.space_after if last else 0
        part._lines, part._for = lines, whole._for
        return part

    @property
    def words_text(self) -> str:
        """The text, as plain characters (runs joined, words by one space)."""
        return " ".join("".join(t for _, t in w) for w in self.words)

    @property
    def words(self) -> list[Word]:
        if self._words is None:
            self._words = [w for line in self._lines for w in line]
        return self._words

    def lines(self, width: float) -> list[list[Word]]:
        if width != self._for:
            st = self.style
            self._lines = break_lines(self.words, width - st.leftIndent - st.rightIndent, st.fontSize)
            self._for = width
        return self._lines

    def last_line_width(self) -> float:
        """How wide the last line is, as last wrapped (where a dotted leader can start)."""
        if not self._lines:
            return 0.0
        return sum(width(text, font, self.style.fontSize) for font, text in segments(self._lines[-1]))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        fit = int((availHeight + EPSILON) // self.style.leading)
        fit = min(fit, len(lines) - 2)  # no widow: at least two lines go on
        if fit < 2:  # no orphan: at least two lines stay
            return []
        return [self._part(self, lines[:fit], True, False), self._part(self, lines[fit:], False, True)]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        st = self.style
        if not self._lines:
            return
        base = y + self.height - st.fontSize
        tagger = tags(canv)
        if self.bullet:  # the number is the item's label; the text its body
            with tagger.element("Lbl"), tagger.content(canv):
                tx = canv.beginText()
                tx.setFillColor(st.textColor)
                tx.setTextOrigin(x + st.bulletIndent, base)
                tx.setFont(st.bulletFontName, st.bulletFontSize, st.leading)
                tx.textOut(self.bullet)
                canv.drawText(tx)
            with tagger.element("LBody"), tagger.content(canv):
                self._draw_lines(canv, x, base)
        elif self.tag == "LI":  # the rest of an item begun on the page before
            with tagger.element("LBody"), tagger.content(canv):
                self._draw_lines(canv, x, base)
        else:
            with tagger.content(canv):
                self._draw_lines(canv, x, base)

    def _draw_lines(self, canv: Canvas, x: float, base: float) -> None:
        st = self.style
        tx = canv.beginText()
        tx.setFillColor(st.textColor)
        current = None  # the first line always sets its font (and the leading T* moves by)
        tx.setTextOrigin(x + st.leftIndent, base)
        for line in self._lines:
            *pieces, (font, text) = segments(line)
            for piece_font, piece in pieces:
                if piece_font != current:
                    tx.setFont(piece_font, st.fontSize, st.leading)
                    current = piece_font
                tx.textOut(piece)
            if font != current:
                tx.setFont(font, st.fontSize, st.leading)
                current = font
            tx.textLine(text)  # the line's last piece, then down one line (T*)
        canv.drawText(tx)


class Gap(Flowable):
    """Empty vertical space of a fixed height inside a stack."""

    def __init__(self, height: float) -> None:
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        pass


def _stack_geometry(items: Sequence[Flowable], width: float) -> tuple[float, list[tuple[float, float]]]:
    """Height of items one under another (as a table cell stacks them: the spaces between
    parts count, the first part's space before and the last one's space after do not),
    and each part's (offset from the top, height)."""
    at, placed = 0.0, []
    for i, item in enumerate(items):
        if i:
            at += item.getSpaceBefore()
        h = item.wrap(width, 1e9)[1]
        placed.append((at, h))
        at += h
        if i < len(items) - 1:
            at += item.getSpaceAfter()
    return at, placed


class Stack(Flowable):
    """Flowables one under another, at one width; splits between or inside its parts."""

    def __init__(self, items: Sequence[Flowable], space_before: float = 0, space_after: float = 0) -> None:
        self.items = list(items)
        self.space_before, self.space_after = space_before, space_after
        self._for: float | None = None
        self._placed: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._for:
            self.height, self._placed = _stack_geometry(self.items, availWidth)
            self._for = availWidth
        self.width = availWidth
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        for i, (item, (top, h)) in enumerate(zip(self.items, self._placed, strict=True)):
            if top + h <= availHeight + EPSILON:
                continue
            parts = item.split(availWidth, availHeight - top) if availHeight - top > 0 else []
            head, tail = (self.items[:i] + parts[:1], parts[1:] + self.items[i + 1:]) if parts else (self.items[:i], self.items[i:])
            if not head or not tail:
                return []
            return [Stack(head, self.space_before, 0), Stack(tail, 0, self.space_after)]
        return [self]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        top = y + self.height
        for item, (at, h) in zip(self.items, self._placed, strict=True):
            item.drawOn(canv, x, top - at - h)  # ours, or platypus' (a Table, a QR drawing)


class Row(Flowable):
    """Flowables side by side at fixed widths, aligned at the top or in the middle; with
    ``stretch``, boxes are drawn as high as the row (cards that line up)."""

    def __init__(self, cells: Sequence[Flowable | None], widths: Sequence[float], middle: bool = False,
                 stretch: bool = False) -> None:
        self.cells, self.widths, self.middle, self.stretch = list(cells), list(widths), middle, stretch
        self._heights: list[float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._heights is None:
            self._heights = [c.wrap(w, 1e9)[1] if c is not None else 0.0 for c, w in zip(self.cells, self.widths, strict=True)]
        self.width, self.height = availWidth, max(self._heights)
        return self.width, self.height

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        assert self._heights is not None
        if self.tag in ("H1", "H2"):  # a heading's parts (a number and a name) are one piece of text
            with tags(canv).content(canv):
                self._draw_cells(canv, x, y)
        else:
            self._draw_cells(canv, x, y)

    def _draw_cells(self, canv: Canvas, x: float, y: float) -> None:
        assert self._heights is not None
        for cell, w, h in zip(self.cells, self.widths, self._heights, strict=True):
            if self.stretch and isinstance(cell, Box):
                cell.height = h = self.height
            if cell is not None:
                cell.drawOn(canv, x, y + (self.height - h) / 2 if self.middle else y + self.height - h)
            x += w


class Box(Flowable):
    """Text in a box: shaded with a thin rule (a dose) or outlined (a caution). Splits inside its text."""

    PAD = (8.0, 8.0, 5.0, 7.0)  # left, right, top, bottom

    def __init__(self, items: Stack | Sequence[Flowable], background: Color | None = None, line: float = 0,
                 line_color: Color | None = None, pad: tuple[float, float, float, float] | None = None,
                 title: str | None = None) -> None:
        self.stack = items if isinstance(items, Stack) else Stack(items)
        self.background, self.line, self.line_color = background, line, line_color
        self.PAD = pad or Box.PAD
        self.title = title
        if title is not None:  # a labelled section: the dose, the caution, a card
            self.tag, self.tag_attrs = "Sect", {"T": title}

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        left, right, top, bottom = self.PAD
        self.width = availWidth
        self.height = self.stack.wrap(availWidth - left - right, availHeight)[1] + top + bottom
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        left, right, top, bottom = self.PAD
        parts = self.stack.split(availWidth - left - right, availHeight - top - bottom)
        if len(parts) != 2:
            return []
        return [Box(p if isinstance(p, Stack) else [p], self.background, self.line, self.line_color, self.PAD, self.title)
                for p in parts]

    def draw_at(self, canv: Canvas, x: float, y: float) -> None:
        left, _, _, _bottom = self.PAD
        if self.background is not None or self.line:
            with tags(canv).artifact(canv):
                canv.saveState()
                if self.background is not None:
                    canv.setFillColor(self.background)
                if self.line and self.line_color is not None:
                    canv.setStrokeColor(self.line_color)
                    canv.setLineWidth(self.line)
                canv.rect(x, y, self.width, self.height, stroke=1 if self.line else 0, fill=1 if self.background is not None else 0)
                canv.restoreState()
        self.stack.draw_at(canv, x + left, y + self.height - self.PAD[2] - self.stack.height)  # from the top


class Block(Stack):
    """Parts kept on one page whole (an exercise, the notes). Where they do not fit, the
    page engine first tries ``smaller()`` (the same block with its picture or QR code
    shrunk, down to a limit; None when there is no smaller one), then moves it to the next
    page; where it is taller than a whole page, ``fallback()`` gives it as separate
    flowables that split anywhere (by default, the parts themselves)."""

    def __init__(self, items: Sequence[Flowable], fallback: Callable[[], list[Flowable]] | None = None,
                 smaller: Callable[[], Block | None] | None = None) -> None:
        super().__init__(items)
        self.tag = "Sect"  # an exercise, the notes, a week of the log: a section of its own
        self.fallback = fallback or (lambda: list(self.items))
        self._make_smaller = smaller or (lambda: None)
        self._smaller: list[Block | None] = []

    def smaller(self) -> Block | None:
        """The same block a step smaller, made once (a dry layout and the drawn one ask alike)."""
        if not self._smaller:
            self._smaller.append(self._make_smaller())
        return self._smaller[0]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # inside another flowable: it moves whole

    def split_at(self, availWidth: float, availHeight: float, fresh: bool, page_height: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if not fresh and self.height <= page_height:
            return []  # it fits on a fresh page: go there, as KeepTogether would
        return self.fallback()
