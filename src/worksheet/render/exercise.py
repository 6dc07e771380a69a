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


def _heading(ex: Exercise, number: int, t: Theme, width: float, beside: Exercise | None = None,
             lang: str | None = None) -> Row:
    lead = t.badge + t.badge_gap
    name: Flowable = Text(ex.name, t.ss["name"])
    if beside is not None and beside.name != ex.name:  # bilingual: the name as written, under it
        name = Stack([name, Text(beside.name, t.ss["beside"], tag=None)])  # inside the heading's text
    heading = Row([Badge(number, t.badge), name], [lead, width - lead], middle=True)
    heading.tag = "H2"  # the number and the name, read as one heading: "3 Bridge"
    heading.label = _label(ex)
    return heading


def _label(ex: Exercise) -> str:
    return f"exercise '{ex.name}' (line {ex.line})"


def _instructions(ex: Exercise, t: Theme, beside: Exercise | None = None, lang: str | None = None) -> list[Flowable]:
    """How to do it: starting position, numbered steps, what to feel, tips; with ``beside`` (bilingual
    print), each as written in the file under its translation."""
    ss = t.ss
    parts: list[Flowable] = []

    def under(text: str | None, style: str = "beside") -> None:
        if beside is not None and text:
            parts.append(Text(text, ss[style], lang=lang))

    if ex.position:
        parts.append(labelled(t.w._("Start:"), ex.position, ss["label"]))
        under(beside.position if beside else None)
    written = beside.steps if beside else ()
    if len(ex.steps) == 1:
        parts.append(Text(ex.steps[0], ss["body"]))
        under(" ".join(written))
    else:
        for i, step in enumerate(ex.steps, 1):
            parts.append(Text(step, ss["step"], bullet=f"{i}."))
            under(written[i - 1] if i <= len(written) else None, "beside_step")
        for extra in written[len(ex.steps):]:  # a translation with fewer steps: the rest as written
            under(extra, "beside_step")
    if ex.feel:
        parts.append(labelled(t.w._("You should feel:"), ex.feel, ss["label"]))
        under(beside.feel if beside else None)
    for i, note in enumerate(ex.notes):
        parts.append(labelled(t.w._("Tip:"), note, ss["note"]) if i == 0 else Text(note, ss["note"]))
        under(beside.notes[i] if beside and i < len(beside.notes) else None)
    return parts


def _picture(path: Path, width: float, max_height: float, alt: str) -> Flowable:
    """The exercise's picture, as wide as the column and at most ``max_height`` tall."""
    pic = prepared(path)
    w, h = width, width * pic.height / pic.width
    if h > max_height:
        w, h = w * max_height / h, max_height
    return Picture(pic.data, w, h, alt)


def _dose_box(ex: Exercise, t: Theme) -> Box | None:
    """The dose in a shaded, ruled box, one part a line ("Hold 30 seconds", "Repeat 3 times
    each side"), with what the exercise needs as its last line. The rule keeps the box
    visible where a printer drops the light grey."""
    ss = t.ss
    lines: list[Flowable] = [labelled(label, words, ss["dose"]) if label else Text(words, ss["dose"])
                             for label, words in wording.dose_parts(ex.dose, t.w)]
    if ex.equipment:
        lines.append(labelled(t.w._("You need:"), wording.listed(ex.equipment, t.w), ss["dose_need"]))
    if not lines:
        return None
    return Box(lines, background=styles.SHADE, line=0.75, line_color=styles.RULE, pad=t.box_pad, title=t.w._("Dose"))


def _caution_box(ex: Exercise, t: Theme, beside: Exercise | None = None, lang: str | None = None) -> Box | None:
    """When to stop, in a box ruled in black: one caution after its label, several as a list."""
    if not ex.caution:
        return None
    if len(ex.caution) == 1:
        paras: list[Flowable] = [labelled(t.w._("Caution:"), ex.caution[0], t.ss["caution"])]
    else:
        paras = [Text([(fonts.BOLD, t.w._("Caution:"))], t.ss["caution"])]
        paras += [Text(c, t.ss["caution_item"], bullet="•") for c in ex.caution]
    if beside is not None:  # bilingual: the cautions as written, under the translated ones
        paras += [Text(c, t.ss["beside"], lang=lang) for c in beside.caution]
    return Box(paras, line=1.5, line_color=styles.INK, pad=t.box_pad, title=t.w._("Caution:").rstrip(":"))


def _card(ex: Exercise, t: Theme, width: float, side_by_side: bool = True, scale: float = 1.0,
          figures: bool = True, caution: bool = True, beside: Exercise | None = None, lang: str | None = None) -> list[Any]:
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
        add(_picture(ex.image, width, max(t.min_picture_height, t.max_picture_height * scale),
                     t.w._("A picture of the exercise: {name}", name=ex.name)))
    elif ex.figure is not None and figures:
        add(figure_box(ex.figure, ex.figure_alt, t, width, scale))
    if ex.video:
        add(qr_block(ex.video, t.w._("Video"), t, width, max(t.min_qr_size, t.qr_size * scale)))
    dose, stop = _dose_box(ex, t), _caution_box(ex, t, beside, lang) if caution else None
    if not t.two_columns and side_by_side and dose is not None and stop is not None:
        half = (width - t.column_gap) / 2
        add(Row([dose, None, stop], [half, t.column_gap, half]))
    else:
        add(dose)
        add(stop)
    return parts


SHRINK = 0.85  # each smaller version of a block: its picture and QR code this much smaller


def _wrapped(left: list[Any], right: list[Any], widths: list[float], t: Theme) -> list[Any]:
    """The instructions beside the picture column, and where they run on below it, across the
    whole width (text wrapped round the picture): a long text takes no more height than it needs."""
    right_stack = Stack(right)
    beside_height = right_stack.wrap(widths[2], 1e9)[1] + t.ss["body"].leading  # a line's grace
    column = Stack(left)
    column.wrap(widths[0], 1e9)
    k = sum(1 for top, h in column._placed if top + h <= beside_height)
    while 0 < k < len(left) and isinstance(left[k - 1], Gap):  # never end the column on a gap
        k -= 1
    if k in (0, len(left)):
        return [Row([column, None, right_stack], widths)]
    return [Row([Stack(left[:k]), None, right_stack], widths), Stack(left[k:])]


def _above(ex: Exercise, t: Theme, width: float, scale: float, shown: bool) -> list[Any]:
    """The figure across the column, above the steps (one-column layouts)."""
    if not shown or ex.figure is None:
        return []
    return [figure_box(ex.figure, ex.figure_alt, t, width, scale), Gap(t.card_gap)]


def exercise_block(ex: Exercise, number: int, t: Theme, width: float, key: str, scale: float = 1.0,
                   figures: bool = True, beside: Exercise | None = None, lang: str | None = None) -> Block:
    """One exercise, kept on one page whole. Where it does not fit, smaller versions (picture
    and QR code shrunk step by step, never below the theme's limits) are tried before it moves
    to the next page; one taller than a page flows as one column, its heading kept with the
    first line after it."""
    heading = _heading(ex, number, t, width, beside, lang)
    left = _instructions(ex, t, beside, lang)
    shown = figures and ex.image is None and ex.figure is not None  # a clinic's own picture wins
    pictured = shown or ex.image is not None or ex.video is not None
    right_width = round(width * t.card_share)
    # Two columns: what it looks like and how much on the right (picture, video code, dose), how
    # to do it on the left. With a picture, the caution goes under whichever column is shorter
    # (under the steps, as a rule), so that a block is no taller than it needs to be.
    right = _card(ex, t, right_width, scale=scale, figures=figures, caution=not pictured, beside=beside, lang=lang) if t.two_columns else []
    stop = _caution_box(ex, t, beside, lang) if pictured else None
    body: list[Any]
    if left and right:
        widths = [width - right_width - t.column_gap, t.column_gap, right_width]
        under = [Gap(t.card_gap), stop] if stop is not None else []
        body = _wrapped([*left, *under], right, widths, t)
        if stop is not None:  # the caution under the picture instead: built afresh (a flowable keeps its last wrap)
            other = _wrapped(_instructions(ex, t, beside, lang),
                             [*_card(ex, t, right_width, scale=scale, figures=figures, caution=False, beside=beside, lang=lang),
                              Gap(t.card_gap), _caution_box(ex, t, beside, lang)], widths, t)
            if Stack(other).wrap(width, 1e9)[1] < Stack(body).wrap(width, 1e9)[1] - 1:
                body = other
    else:  # one column: the figure above the steps, across the page
        card = _card(ex, t, width, scale=scale, figures=False, beside=beside, lang=lang)
        body = _above(ex, t, width, scale, shown) + left + ([Gap(t.card_gap)] if left and card else []) + card

    anchor = Anchor(key, f"{number}. {ex.name}", 1)

    def fallback() -> list[Any]:
        card = _card(ex, t, width, side_by_side=False, scale=scale, figures=False, beside=beside, lang=lang)
        rest = [*_above(ex, t, width, scale, shown), *left, *([Gap(t.card_gap)] if left and card else []), *card]
        return [Block([anchor, heading, Gap(t.heading_gap), *rest[:1]]), *rest[1:]]  # never a heading alone at a page foot

    def smaller() -> Block | None:
        can_shrink = (ex.image is not None and t.max_picture_height * scale > t.min_picture_height) or (
            ex.video is not None and t.qr_size * scale > t.min_qr_size) or (
            ex.figure is not None and figures and t.figure_height[0] * scale > t.min_figure_height)
        return exercise_block(ex, number, t, width, key, scale * SHRINK, figures, beside, lang) if can_shrink else None

    block = Block([anchor, heading, Gap(t.heading_gap), *body], fallback, smaller)
    block.label = _label(ex)
    return block
