"""The one stylesheet: page geometry, type sizes, colours and spacing, regular and large print.

Why: a worksheet is read by people in pain, often older and without glasses,
and printed on cheap black-and-white printers. So: body text of 12.5 pt (16 pt
in large print), black on white, one highly legible family, no meaning carried
by colour alone, light grey only behind black text (it may vanish on a poor
printer and nothing is lost). Every style is named here and derived from
``body`` with ``parent=``; layout code never builds a style of its own. Large
print is a second theme designed for its size (one column, 1-inch margins, more
space), not the regular one scaled up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch

from . import fonts

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
    qr_size: float
    check_box: float  # a tick box in the log, sized for a pen
    header_size: float
    page_number_size: float
    margin: float
    top: float

    def geometry(self, page_size: str) -> Geometry:
        w, h = PAGE_SIZES[page_size]
        return Geometry(
            w, h, left=self.margin, right=self.margin, top=self.top,
            header=0.4 * inch if not self.large else 0.5 * inch,
            footer_gap=0.12 * inch, footer_bottom=0.4 * inch if not self.large else 0.6 * inch,
        )


def _sheet(size: float, leading: float) -> dict[str, ParagraphStyle]:
    """The named styles for a body size; headings and labels scale with it."""
    k = size / 12.5
    ss: dict[str, ParagraphStyle] = {}

    def add(style: ParagraphStyle) -> None:
        ss[style.name] = style
    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=size, leading=leading, textColor=INK, alignment=TA_LEFT,
        spaceAfter=4 * k, splitLongWords=1, allowWidows=0, allowOrphans=0,
    )
    add(body)
    add(ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=24 * k, leading=29 * k, spaceAfter=2 * k))
    add(ParagraphStyle("subtitle", parent=body, fontSize=15 * k, leading=19 * k, textColor=SOFT_INK, spaceAfter=8 * k))
    add(ParagraphStyle("intro", parent=body, spaceAfter=6 * k))
    add(ParagraphStyle("equipment", parent=body, spaceBefore=2 * k, spaceAfter=6 * k))
    add(ParagraphStyle("name", parent=body, fontName=fonts.BOLD, fontSize=17 * k, leading=21 * k, spaceAfter=0))
    add(ParagraphStyle("label", parent=body, spaceAfter=4 * k))
    add(ParagraphStyle(
        "step", parent=body, leftIndent=20 * k, bulletIndent=0, bulletFontName=fonts.BOLD, bulletFontSize=size, spaceAfter=3 * k,
    ))
    add(ParagraphStyle("dose", parent=body, fontSize=13.5 * k, leading=18 * k, spaceAfter=0))
    add(ParagraphStyle("dose_need", parent=body, spaceBefore=3 * k, spaceAfter=0))
    add(ParagraphStyle("caution", parent=body, spaceAfter=0))
    add(ParagraphStyle("caution_more", parent=body, spaceBefore=3 * k, spaceAfter=0))
    add(ParagraphStyle("note", parent=body, spaceAfter=3 * k))
    add(ParagraphStyle("section", parent=body, fontName=fonts.BOLD, fontSize=18 * k, leading=22 * k, spaceBefore=6 * k, spaceAfter=6 * k))
    add(ParagraphStyle("caption", parent=body, fontSize=max(11, 10.5 * k), leading=max(13.5, 13 * k), spaceAfter=0))
    add(ParagraphStyle("field", parent=body, fontSize=max(12, 11.5 * k), leading=max(15, 14 * k), spaceAfter=0))
    add(ParagraphStyle("cell", parent=body, fontSize=max(11, 11 * k), leading=max(13.5, 13 * k), spaceAfter=0))
    add(ParagraphStyle("cell_head", parent=body, fontName=fonts.BOLD, fontSize=max(10, 10 * k), leading=max(12, 12 * k), spaceAfter=0))
    add(ParagraphStyle("footer", parent=body, fontSize=10 * max(1, k * 0.85), leading=12 * max(1, k * 0.85), spaceAfter=0))
    add(ParagraphStyle("contents", parent=body, fontSize=15 * k, leading=20 * k, spaceAfter=6 * k))
    return ss


@cache
def theme(large: bool = False) -> Theme:
    """The regular or the large-print theme, built once per process."""
    fonts.register()
    if not large:
        return Theme(
            large=False, ss=_sheet(12.5, 16.5), two_columns=True, badge=26, badge_gap=9, block_gap=10,
            card_share=0.37, column_gap=16, card_gap=6, max_picture_height=2.2 * inch, qr_size=0.95 * inch,
            check_box=16, header_size=11, page_number_size=11, margin=0.6 * inch, top=0.55 * inch,
        )
    return Theme(
        large=True, ss=_sheet(16.5, 22), two_columns=False, badge=34, badge_gap=12, block_gap=16,
        card_share=0.5, column_gap=20, card_gap=10, max_picture_height=3.0 * inch, qr_size=1.2 * inch,
        check_box=19, header_size=13, page_number_size=13, margin=1.0 * inch, top=0.9 * inch,
    )
