"""The one stylesheet: page geometry, type sizes, colours and spacing.

Why: a worksheet is read by people in pain, often older and without glasses,
and printed on cheap black-and-white printers. So: body text of 13 pt, black on
white, one highly legible family, no meaning carried by colour alone, light
grey only behind black text (it may vanish on a poor printer and nothing is
lost). Every style is named here and derived from ``body`` with ``parent=``;
layout code never builds a style of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import inch

from . import fonts

PAGE_SIZES = {"letter": LETTER, "a4": A4}

INK = colors.black
SOFT_INK = colors.HexColor("#333333")  # secondary text: still dark enough to print well
RULE = colors.HexColor("#555555")
SHADE = colors.HexColor("#ECECEC")  # behind the dose line; black text stays readable without it


@dataclass(frozen=True)
class Geometry:
    """Page size and margins in points."""

    width: float
    height: float
    left: float = 0.6 * inch
    right: float = 0.6 * inch
    top: float = 0.55 * inch
    header: float = 0.4 * inch  # extra room for the running header on pages 2+
    footer_gap: float = 0.12 * inch  # between the text frame and the footer rule
    footer_bottom: float = 0.4 * inch  # from the paper's edge to the footer's last line

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right


def geometry(page_size: str) -> Geometry:
    w, h = PAGE_SIZES[page_size]
    return Geometry(w, h)


# Spacing, in points.
BADGE = 26  # diameter of the exercise number badge
BADGE_GAP = 9
BLOCK_GAP = 10  # between exercise blocks, around the rule
STEP_INDENT = 20
CARD_SHARE = 0.40  # the right-hand column (dose, feel, caution) as a share of the width
COLUMN_GAP = 16
CARD_GAP = 6
MAX_PICTURE_HEIGHT = 2.2 * inch


@cache
def stylesheet() -> StyleSheet1:
    """All named paragraph styles, built once per process."""
    fonts.register()
    ss = StyleSheet1()
    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=12.5, leading=16.5, textColor=INK, alignment=TA_LEFT, spaceAfter=4,
        splitLongWords=1, allowWidows=0, allowOrphans=0,
    )
    ss.add(body)
    ss.add(ParagraphStyle("title", parent=body, fontName=fonts.BOLD, fontSize=24, leading=29, spaceAfter=2))
    ss.add(ParagraphStyle("subtitle", parent=body, fontSize=15, leading=19, textColor=SOFT_INK, spaceAfter=8))
    ss.add(ParagraphStyle("intro", parent=body, spaceAfter=6))
    ss.add(ParagraphStyle("equipment", parent=body, spaceBefore=2, spaceAfter=6))
    ss.add(ParagraphStyle("name", parent=body, fontName=fonts.BOLD, fontSize=17, leading=21, spaceAfter=0))
    ss.add(ParagraphStyle("label", parent=body, spaceAfter=4))
    ss.add(ParagraphStyle(
        "step", parent=body, leftIndent=STEP_INDENT, bulletIndent=0, bulletFontName=fonts.BOLD, bulletFontSize=12.5, spaceAfter=3,
    ))
    ss.add(ParagraphStyle("dose", parent=body, fontSize=13.5, leading=18, spaceAfter=0))
    ss.add(ParagraphStyle("caution", parent=body, spaceAfter=0))
    ss.add(ParagraphStyle("caution_more", parent=body, spaceBefore=3, spaceAfter=0))
    ss.add(ParagraphStyle("note", parent=body, spaceAfter=3))
    ss.add(ParagraphStyle("section", parent=body, fontName=fonts.BOLD, fontSize=18, leading=22, spaceBefore=6, spaceAfter=6))
    ss.add(ParagraphStyle("header", parent=body, fontSize=11, leading=13, textColor=SOFT_INK, spaceAfter=0))
    ss.add(ParagraphStyle("footer", parent=body, fontSize=9.5, leading=11.5, textColor=INK, spaceAfter=0))
    ss.add(ParagraphStyle("page_number", parent=body, fontName=fonts.BOLD, fontSize=11, leading=13, alignment=TA_RIGHT, spaceAfter=0))
    return ss
