"""How the model is put into words on the page, in the worksheet's language.

Why: the dose line is the part of a worksheet a patient reads most often, so its wording lives in
one place, in plain words ("3 to 5 seconds", not "3-5s"), and tests can check it without building
a PDF. Every phrase is a whole template from the language's catalogue, with named placeholders and
its plural forms ("{low} to {n} seconds"), so a translation never glues English fragments.
"""

from __future__ import annotations

import re

from ..i18n import Words, phrases, words
from ..model import Count, Dose, Duration, Frequency

ENGLISH = words()
NBSP = "\u00a0"  # a space where a line must not break: "5 to 10 times" is read as one thing
SEPARATOR = "•"
WHOLE = 24  # a count phrase this short never breaks; a longer one breaks only away from its numbers
_NEAR_NUMBER = re.compile(r"(?<=\d) | (?=\d)")


def disclaimer(w: Words = ENGLISH) -> str:
    return w._("These are general exercises, not medical advice. Check with your therapist before you start, "
               "and stop and call them if one causes pain, dizziness or numbness.")


DEFAULT_DISCLAIMER = disclaimer()


def unit(text: str) -> str:
    """Words that stay on one line together: the whole phrase when it is short, else each number
    with the words next to it ("5 a 10 veces" together, "de cada lado" free to move on)."""
    text = text.replace("\u202f", " ")
    if len(text) <= WHOLE:
        return text.replace(" ", NBSP)
    return _NEAR_NUMBER.sub(NBSP, text)


def side_words(sides: str, w: Words = ENGLISH) -> str:
    return {
        "each": w._("Each side"),
        "alternate": w._("Each side, switching sides each time"),
        "switch": w._("Switch sides each time"),
        "both": w._("Both sides at once"),
        "left": w._("Left side only"),
        "right": w._("Right side only"),
    }[sides]


def seconds_words(s: int, w: Words = ENGLISH) -> str:
    """90 -> '1 minute 30 seconds', 120 -> '2 minutes', 45 -> '45 seconds'."""
    minutes, seconds = divmod(s, 60)
    m = w.ngettext("{n} minute", "{n} minutes", minutes)
    sec = w.ngettext("{n} second", "{n} seconds", seconds)
    if minutes and seconds:
        return w._("{minutes} {seconds}", minutes=m, seconds=sec)
    return m if minutes else sec


def duration_words(d: Duration, w: Words = ENGLISH) -> str:
    """'30 seconds', '3 to 5 seconds', '1 to 2 minutes', '30 seconds to 1 minute'."""
    if not d.is_range:
        return seconds_words(d.low, w)
    if d.low % 60 == 0 and d.high % 60 == 0:
        return w.ngettext("{low} to {n} minute", "{low} to {n} minutes", d.high // 60, low=d.low // 60)
    if d.high < 60:
        return w.ngettext("{low} to {n} second", "{low} to {n} seconds", d.high, low=d.low)
    return w._("{low} to {high}", low=seconds_words(d.low, w), high=seconds_words(d.high, w))


def count_words(c: Count, w: Words = ENGLISH) -> str:
    return w._("{low} to {high}", low=c.low, high=c.high) if c.is_range else str(c.low)


def times_words(c: Count, w: Words = ENGLISH) -> str:
    """'10 times', '5 to 10 times' (how many times to repeat it)."""
    if c.is_range:
        return w.ngettext("{low} to {n} time", "{low} to {n} times", c.high, low=c.low)
    return w.ngettext("{n} time", "{n} times", c.low)


def frequency_words(f: Frequency, w: Words = ENGLISH) -> str:
    """'once a day', '2 times a day', '3 to 4 times a week' (lower case: it follows a label)."""
    return phrases.frequency(w, f.per, f.times.low, f.times.high)


def reps_part(c: Count, per_side: bool, w: Words = ENGLISH) -> tuple[str, str]:
    """('Repeat', '10 times'), ('Repeat', '5 to 10 times each side'), ('Do it', 'once')."""
    if not c.is_range and c.low == 1:
        return w._("Do it"), (w._("once each side") if per_side else w._("once"))
    if c.is_range:
        text = (w.ngettext("{low} to {n} time each side", "{low} to {n} times each side", c.high, low=c.low) if per_side
                else times_words(c, w))
    else:
        text = w.ngettext("{n} time each side", "{n} times each side", c.low) if per_side else times_words(c, w)
    return w._("Repeat"), unit(text)


def sets_words(c: Count, w: Words = ENGLISH) -> str:
    """'2 sets, resting between': a patient may not know the word, so it says what to do."""
    if c.is_range:
        return w.ngettext("{low} to {n} set, resting between", "{low} to {n} sets, resting between", c.high, low=c.low)
    return w.ngettext("{n} set, resting between", "{n} sets, resting between", c.low)


def dose_parts(dose: Dose, w: Words = ENGLISH) -> list[tuple[str, str]]:
    """The dose as (label, words) pairs, in the order a patient does them: the label is the
    bold lead ('Hold', 'Repeat'); a count and its words never break apart."""
    parts: list[tuple[str, str]] = []
    if dose.hold:
        parts.append((w._("Hold"), unit(duration_words(dose.hold, w))))
    sides: str | None = dose.sides
    if dose.reps:
        per_side = sides in ("each", "alternate")  # the count is per side: said with it, never on a line of its own
        parts.append(reps_part(dose.reps, per_side, w))
        if per_side:
            sides = None if sides == "each" else "switch"
    if dose.sets and (dose.sets.is_range or dose.sets.low > 1):  # "1 set" only adds words
        parts.append(("", _numbers_kept(sets_words(dose.sets, w))))
    if sides:
        parts.append(("", side_words(sides, w)))
    if dose.frequency:
        parts.append((w._("How often:"), unit(frequency_words(dose.frequency, w))))
    return parts


def _numbers_kept(text: str) -> str:
    return _NEAR_NUMBER.sub(NBSP, text)


def dose_line(dose: Dose, w: Words = ENGLISH) -> str:
    """The dose as one plain line (for a message, or a label): 'Hold 30 seconds • Repeat 3 times • Each side'."""
    return f" {SEPARATOR} ".join(" ".join(p for p in part if p) for part in dose_parts(dose, w)).replace(NBSP, " ")


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def listed(items: tuple[str, ...] | list[str], w: Words = ENGLISH) -> str:
    """Things to have ready, as a list the language writes: 'a mat, a towel'."""
    return w._(", ").join(items)
