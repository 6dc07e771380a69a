"""One exercise as a block: the numbered name, the instructions, the dose and the caution.

Why: the exercise block is what a patient reads most, so its parts are composed in one
place: instructions on the left, and on the right, where a glance finds them, the
picture, the video code, the dose in a shaded box and the caution in a ruled box (one
column in large print, with the dose and the caution side by side). A block is kept on
one page; one taller than a page flows as one column instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Exercise
from . import fonts, styles, wording
from .figures import figure_box
from .flow import Block, Box, Flowable, Gap, Row, Stack, Text
from .pages import Anchor
from .parts import Badge, Picture, labelled, prepared, qr_block
from .styles import Theme


def _heading(ex: Exercise, number: int, t: Theme, width: float) -> Row:
    lead = t.badge + t.badge_gap
    heading = Row([Badge(number, t.badge), Text(ex.name, t.ss["name"])], [lead, width - lead], middle=True)
    heading.label = _label(ex)
    return heading


def _label(ex: Exercise) -> str:
    return f"exercise '{ex.name}' (line {ex.line})"


def _instructions(ex: Exercise, t: Theme) -> list[Flowable]:
    """How to do it: starting position, numbered steps, what to feel, tips."""
    ss = t.ss
    parts: list[Flowable] = []
    if ex.position:
        parts.append(labelled("Start:", ex.position, ss["label"]))
    if len(ex.steps) == 1:
        parts.append(Text(ex.steps[0], ss["body"]))
    else:
        for i, step in enumerate(ex.steps, 1):
            parts.append(Text(step, ss["step"], bullet=f"{i}."))
    if ex.feel:
        parts.append(labelled("You should feel:", ex.feel, ss["label"]))
    for i, note in enumerate(ex.notes):
        parts.append(labelled("Tip:", note, ss["note"]) if i == 0 else Text(note, ss["note"]))
    return parts


def _picture(path: Path, width: float, max_height: float) -> Flowable:
    """The exercise's picture, as wide as the column and at most ``max_height`` tall."""
    pic = prepared(path)
    w, h = width, width * pic.height / pic.width
    if h > max_height:
        w, h = w * max_height / h, max_height
    return Picture(pic.data, w, h)


def _dose_box(ex: Exercise, t: Theme) -> Box | None:
    """The dose in a shaded, ruled box, one part a line ("Hold 30 seconds", "Repeat 3 times
    each side"), with what the exercise needs as its last line. The rule keeps the box
    visible where a printer drops the light grey."""
    ss = t.ss
    lines: list[Flowable] = [labelled(label, words, ss["dose"]) if label else Text(words, ss["dose"])
                             for label, words in wording.dose_parts(ex.dose)]
    if ex.equipment:
        lines.append(labelled("You need:", ", ".join(ex.equipment), ss["dose_need"]))
    if not lines:
        return None
    return Box(lines, background=styles.SHADE, line=0.75, line_color=styles.RULE, pad=t.box_pad)


def _caution_box(ex: Exercise, t: Theme) -> Box | None:
    """When to stop, in a box ruled in black: one caution after its label, several as a list."""
    if not ex.caution:
        return None
    if len(ex.caution) == 1:
        paras: list[Flowable] = [labelled("Caution:", ex.caution[0], t.ss["caution"])]
    else:
        paras = [Text([(fonts.BOLD, "Caution:")], t.ss["caution"])]
        paras += [Text(c, t.ss["caution_item"], bullet="•") for c in ex.caution]
    return Box(paras, line=1.5, line_color=styles.INK, pad=t.box_pad)


def _card(ex: Exercise, t: Theme, width: float, side_by_side: bool = True, scale: float = 1.0,
          figures: bool = True, caution: bool = True) -> list[Any]:
    """What to look at, how much, with what, and when to stop: the figure or the clinic's
    own picture, video code, the dose
    in a shaded box (with the equipment), and a caution in a ruled box. In one-column (large
    print) layout the dose and the caution stand side by side."""
    parts: list[Any] = []

    def add(flowable: Any) -> None:
        if flowable is None:
            return
        if parts:
            parts.append(Gap(t.card_gap))
        parts.append(flowable)

    if ex.image is not None:
        add(_picture(ex.image, width, max(t.min_picture_height, t.max_picture_height * scale)))
    elif ex.figure is not None and figures:
        add(figure_box(ex.figure, ex.figure_alt, t, width, scale))
    if ex.video:
        add(qr_block(ex.video, "Video", t, width, max(t.min_qr_size, t.qr_size * scale)))
    dose, stop = _dose_box(ex, t), _caution_box(ex, t) if caution else None
    if not t.two_columns and side_by_side and dose is not None and stop is not None:
        half = (width - t.column_gap) / 2
        add(Row([dose, None, stop], [half, t.column_gap, half]))
    else:
        add(dose)
        add(stop)
    return parts


SHRINK = 0.85  # each smaller version of a block: its picture and QR code this much smaller


def _above(ex: Exercise, t: Theme, width: float, scale: float, shown: bool) -> list[Any]:
    """The figure across the column, above the steps (one-column layouts)."""
    if not shown or ex.figure is None:
        return []
    return [figure_box(ex.figure, ex.figure_alt, t, width, scale), Gap(t.card_gap)]


def exercise_block(ex: Exercise, number: int, t: Theme, width: float, key: str, scale: float = 1.0,
                   figures: bool = True) -> Block:
    """One exercise, kept on one page whole. Where it does not fit, smaller versions (picture
    and QR code shrunk step by step, never below the theme's limits) are tried before it moves
    to the next page; one taller than a page flows as one column, its heading kept with the
    first line after it."""
    heading = _heading(ex, number, t, width)
    left = _instructions(ex, t)
    shown = figures and ex.image is None and ex.figure is not None  # a clinic's own picture wins
    pictured = shown or ex.image is not None or ex.video is not None
    right_width = round(width * t.card_share)
    # Two columns: what it looks like and how much on the right (picture, video code, dose), how
    # to do it on the left. The caution goes under the steps where a picture fills the right.
    right = _card(ex, t, right_width, scale=scale, figures=figures, caution=not pictured) if t.two_columns else []
    stop = _caution_box(ex, t) if pictured else None
    body: list[Any]
    if left and right:
        left_width = width - right_width - t.column_gap
        under = [Gap(t.card_gap), stop] if stop is not None else []
        body = [Row([Stack([*left, *under]), None, Stack(right)], [left_width, t.column_gap, right_width])]
    else:  # one column: the figure above the steps, across the page
        card = _card(ex, t, width, scale=scale, figures=False)
        body = _above(ex, t, width, scale, shown) + left + ([Gap(t.card_gap)] if left and card else []) + card

    anchor = Anchor(key, f"{number}. {ex.name}", 1)

    def fallback() -> list[Any]:
        card = _card(ex, t, width, side_by_side=False, scale=scale, figures=False)
        rest = [*_above(ex, t, width, scale, shown), *left, *([Gap(t.card_gap)] if left and card else []), *card]
        return [Block([anchor, heading, Gap(t.heading_gap), *rest[:1]]), *rest[1:]]  # never a heading alone at a page foot

    def smaller() -> Block | None:
        can_shrink = (ex.image is not None and t.max_picture_height * scale > t.min_picture_height) or (
            ex.video is not None and t.qr_size * scale > t.min_qr_size) or (
            ex.figure is not None and figures and t.figure_height[0] * scale > t.min_figure_height)
        return exercise_block(ex, number, t, width, key, scale * SHRINK, figures) if can_shrink else None

    block = Block([anchor, heading, Gap(t.heading_gap), *body], fallback, smaller)
    block.label = _label(ex)
    return block
