"""The one stylesheet: page geometry, type sizes, colours and spacing, regular and large print.

Why: a worksheet is read by people in pain, often older and without glasses,
and printed on cheap black-and-white printers. So: body text of 12.5 pt (16 pt
in large print), black on white, one highly legible family, no meaning carried
by colour alone, light grey only behind black text (it may vanish on a poor
printer and nothing is lost). Nothing is printed smaller than 11 pt (16 pt in large
print), the footer and the disclaimer included. Every style is named here and derived from
``body`` with ``parent=``; layout code never builds a style of its own. Large
print is a second theme designed for its size (one column, 1-inch margins, more
space), not the regular one scaled up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from ..i18n import Words, words
from . import fonts

ENGLISH = words()

PAGE_SIZES = {"letter": LETTER, "a4": A4}

INK = colors.black
SOFT_INK = colors.HexColor("#333333")  # secondary text: still dark enough to print well
RULE = colors.HexColor("#555555")
SHADE = colors.HexColor("#ECECEC")  # behind the dose; black text stays readable without it


@dataclass(frozen=True)
class Geometry:
    """Page size and margins in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    header: float  # extra room for the running header on pages 2+
    footer_gap: float  # between the text frame and the footer rule
    footer_bottom: float  # from the paper's edge to the footer's last line

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    def landscape(self) -> Geometry:
        """The same margins on the paper turned sideways (for a log a week wide)."""
        return replace(self, width=self.height, height=self.width)


@dataclass(frozen=True)
class Theme:
    """Everything about the look that differs between regular and large print."""

    large: bool
    ss: dict[str, ParagraphStyle]  # the named styles
    two_columns: bool  # instructions left, dose and caution right
    badge: float  # diameter of the exercise number
    badge_gap: float
    block_gap: float  # between exercise blocks, around the rule
    card_share: float  # the right-hand column as a share of the width
    column_gap: float
    card_gap: float
    max_picture_height: float
    min_picture_height: float  # a picture shrinks this far before its block moves to a new page
    qr_size: float
    min_qr_size: float  # still scans from a phone held at reading distance
    figure_height: tuple[float, float]  # a figure's box is as high as it needs, within these
    min_figure_height: float  # a figure shrinks this far before its block moves to a new page
    check_box: float  # a tick box in the log, sized for a pen
    header_size: float
    page_number_size: float
    margin: float
    top: float
    small: float  # the smallest type printed anywhere
    tight: bool  # less space between things, to pull a lonely last block back
    heading_gap: float  # under an exercise's name
    box_pad: tuple[float, float, float, float]  # inside the dose and caution boxes: left, right, top, bottom
    w: Words = ENGLISH  # the printed words: labels and dose phrases in the worksheet's language

    def geometry(self, page_size: str) -> Geometry:
        w, h = PAGE_SIZES[page_size]
        return Geometry(
            w, h, left=self.margin, right=self.margin, top=self.top,
            header=0.4 * inch if not self.large else 0.5 * inch,
            footer_gap=0.16 * inch, footer_bottom=0.4 * inch if not self.large else 0.45 * inch,
        )


def _sheet(size: float, leading: float, small: float, tight: float, dose_leading: float) -> dict[str, ParagraphStyle]:
    """The named styles for a body size; headings and labels scale with it. ``small`` is the
    smallest size anything is printed at (11 pt, or 16 pt in large print: the footer, the
    disclaimer, captions and table cells included); ``tight`` scales the space between
    paragraphs (1, or less to pull a last lonely block back onto the page before)."""
    k = size / 12.5
    ss: dict[str, ParagraphStyle] = {}

    def add(style: ParagraphStyle) -> None:
        ss[style.name] = style

    def fine(points: float) -> float:  # a size for small print, never below the minimum
        return max(small, points)

    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=size, leading=leading, textColor=INK, alignment=TA_LEFT,
        spaceAfter=4 * k * tight, splitLongWords=1, allowWidows=0, allowOrphans=0,
    )
    add(body)
    title = min(24 * k, 27)  # large print's title needs no more than 27 pt to stand out
    add(ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=title, leading=title * 1.2, spaceAfter=2 * k))
    add(ParagraphStyle("subtitle", parent=body, fontSize=15 * k, leading=19 * k, textColor=SOFT_INK, spaceAfter=8 * k * tight))
    add(ParagraphStyle("intro", parent=body, spaceAfter=6 * k * tight))
    add(ParagraphStyle("equipment", parent=body, spaceBefore=2 * k * tight, spaceAfter=6 * k * tight))
    add(ParagraphStyle("name", parent=body, fontName=fonts.BOLD, fontSize=17 * k, leading=21 * k, spaceAfter=0))
    add(ParagraphStyle("label", parent=body, spaceAfter=4 * k * tight))
    add(ParagraphStyle(
        "step", parent=body, leftIndent=20 * k, bulletIndent=0, bulletFontName=fonts.BOLD, bulletFontSize=size,
        spaceAfter=3 * k * tight,
    ))
    add(ParagraphStyle("dose", parent=body, fontSize=13.5 * k, leading=dose_leading, spaceAfter=0))
    add(ParagraphStyle("dose_need", parent=ss["dose"], spaceBefore=3 * k))
    add(ParagraphStyle("caution", parent=body, spaceAfter=0))
    add(ParagraphStyle("caution_more", parent=body, spaceBefore=3 * k, spaceAfter=0))
    add(ParagraphStyle("caution_item", parent=body, leftIndent=14 * k, bulletIndent=0, bulletFontName=fonts.BOLD,
                       bulletFontSize=size, spaceBefore=2 * k, spaceAfter=0))
    add(ParagraphStyle("note", parent=body, spaceAfter=3 * k * tight))
    add(ParagraphStyle("section", parent=body, fontName=fonts.BOLD, fontSize=18 * k, leading=22 * k,
                       spaceBefore=6 * k * tight, spaceAfter=6 * k * tight))
    plan_title = min(15 * k, size + 1)
    add(ParagraphStyle("plan_title", parent=body, fontName=fonts.BOLD, fontSize=plan_title, leading=plan_title * 1.2, spaceAfter=0))
    add(ParagraphStyle("caption", parent=body, fontSize=fine(10.5 * k), leading=fine(10.5 * k) * 1.25, spaceAfter=0))
    add(ParagraphStyle("field", parent=body, fontSize=fine(12 * k), leading=fine(12 * k) * 1.25, spaceAfter=0))
    add(ParagraphStyle("cell", parent=body, fontSize=fine(12), leading=fine(12) * 1.2, spaceAfter=0))
    add(ParagraphStyle("cell_head", parent=ss["cell"], fontName=fonts.BOLD))
    # Bilingual print: the text as written, under its translation, smaller and grey (for the therapist)
    add(ParagraphStyle("beside", parent=body, fontSize=fine(11), leading=fine(11) * 1.25, textColor=SOFT_INK,
                       spaceBefore=0, spaceAfter=4 * k * tight))
    add(ParagraphStyle("beside_step", parent=ss["beside"], leftIndent=20 * k))
    add(ParagraphStyle("footer", parent=body, fontSize=fine(11), leading=fine(11) * 1.2, spaceAfter=0))
    add(ParagraphStyle("contents", parent=body, fontSize=15 * k, leading=20 * k, spaceAfter=6 * k))
    return ss


@cache
def theme(large: bool = False, tight: bool = False, language: str | None = None) -> Theme:
    """The regular or the large-print theme (see ``_theme``), with the words of ``language``."""
    base = _theme(large, tight)
    return base if language is None else replace(base, w=words(language))


@cache
def _theme(large: bool = False, tight: bool = False) -> Theme:
    """The regular or the large-print theme, built once per process. ``tight`` has less space
    between paragraphs and blocks (never smaller type): the page engine tries it when the last
    page would hold one short block alone."""
    fonts.register()
    # Tight: less space between paragraphs, blocks and inside boxes, and lines set closer, but
    # never below 1.2 times the type size; the type itself never shrinks.
    squeeze = 0.55 if tight else 1.0
    if not large:
        return Theme(
            large=False, ss=_sheet(12.5, 15.0 if tight else 16.5, 11, squeeze, 16.2 if tight else 18),
            two_columns=True, badge=26, badge_gap=9,
            block_gap=10 * squeeze, card_share=0.37, column_gap=16, card_gap=6 * squeeze, max_picture_height=2.2 * inch,
            min_picture_height=1.2 * inch, qr_size=0.95 * inch, min_qr_size=0.75 * inch, check_box=16,
            figure_height=(64, 90), min_figure_height=56,
            header_size=11, page_number_size=11, margin=0.6 * inch, top=0.55 * inch, small=11, tight=tight,
            heading_gap=3 if tight else 5, box_pad=(7, 7, 3.5, 5) if tight else (8, 8, 5, 7),
        )
    return Theme(
        large=True, ss=_sheet(16.5, 20 if tight else 22, 16, squeeze, 21 if tight else 23.8),
        two_columns=False, badge=34, badge_gap=12,
        block_gap=16 * squeeze, card_share=0.5, column_gap=20, card_gap=10 * squeeze, max_picture_height=3.0 * inch,
        min_picture_height=1.6 * inch, qr_size=1.2 * inch, min_qr_size=0.9 * inch, check_box=19,
        figure_height=(110, 200), min_figure_height=64,
        header_size=16, page_number_size=16, margin=1.0 * inch, top=0.9 * inch, small=16, tight=tight,
        heading_gap=4 if tight else 6, box_pad=(8, 8, 4, 6) if tight else (9, 9, 6, 8),
    )
