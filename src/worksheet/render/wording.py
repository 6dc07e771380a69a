"""How the model is put into words on the page.

Why: the dose line is the part of a worksheet a patient reads most often, so its
wording lives in one place, in plain words ("3 to 5 seconds", not "3-5s"), and
tests can check it without building a PDF.
"""

from __future__ import annotations

from ..model import Count, Dose, Duration, Frequency

DEFAULT_DISCLAIMER = (
    "These are general exercises, not medical advice. Check with your therapist before you start, "
    "and stop and call them if one causes pain, dizziness or numbness."
)
NBSP = "\u00a0"  # a space where a line must not break: "5 to 10 times" is read as one thing


def unit(text: str) -> str:
    """Words that must stay on one line together."""
    return text.replace(" ", NBSP)

SEPARATOR = "•"

SIDE_WORDS = {
    "each": "Each side",
    "alternate": "Each side, switching sides each time",
    "switch": "Switch sides each time",
    "both": "Both sides at once",
    "left": "Left side only",
    "right": "Right side only",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def seconds_words(s: int) -> str:
    """90 -> '1 minute 30 seconds', 120 -> '2 minutes', 45 -> '45 seconds'."""
    minutes, seconds = divmod(s, 60)
    if minutes and seconds:
        return f"{_plural(minutes, 'minute')} {_plural(seconds, 'second')}"
    if minutes:
        return _plural(minutes, "minute")
    return _plural(seconds, "second")


def duration_words(d: Duration) -> str:
    """'30 seconds', '3 to 5 seconds', '1 to 2 minutes', '30 seconds to 1 minute'."""
    if not d.is_range:
        return seconds_words(d.low)
    if d.low % 60 == 0 and d.high % 60 == 0:
        return f"{d.low // 60} to {_plural(d.high // 60, 'minute')}"
    if d.high < 60:
        return f"{d.low} to {_plural(d.high, 'second')}"
    return f"{seconds_words(d.low)} to {seconds_words(d.high)}"


def count_words(c: Count) -> str:
    return f"{c.low} to {c.high}" if c.is_range else str(c.low)


def times_words(c: Count) -> str:
    """'once', 'twice', '3 times', '2 to 3 times'."""
    if not c.is_range:
        return {1: "once", 2: "twice"}.get(c.low, f"{c.low} times")
    return f"{c.low} to {c.high} times"


def frequency_words(f: Frequency) -> str:
    """'Once a day', '2 times a day', '3 to 4 times a week'."""
    times = "2 times" if (not f.times.is_range and f.times.low == 2) else times_words(f.times)
    text = f"{times} a {f.per}"
    return text[0].upper() + text[1:]


def reps_words(c: Count) -> str:
    if not c.is_range and c.low == 1:
        return "Do it once"
    return f"Repeat {count_words(c)} times"


def sets_words(c: Count) -> str:
    """'2 sets, resting between'; a patient may not know the word, so it says what to do."""
    return f"{count_words(c)} sets, resting between"


def dose_parts(dose: Dose) -> list[tuple[str, str]]:
    """The dose as (label, words) pairs, in the order a patient does them.

    The label is the bold lead word ('Hold', 'Repeat'); words is the rest.
    A count and its word ("5 to 10 times", "each side", "2 times a day") are joined with
    no-break spaces: a line never breaks inside one.
    """
    parts: list[tuple[str, str]] = []
    if dose.hold:
        parts.append(("Hold", unit(duration_words(dose.hold))))
    sides: str | None = dose.sides
    if dose.reps:
        lead, _, rest = reps_words(dose.reps).partition(" ")
        text = rest if rest.startswith("once") else unit(rest)
        if sides in ("each", "alternate"):  # the count is per side: said with it, never on a line of its own
            text = f"{text}{NBSP}{unit('each side')}"
            sides = None if sides == "each" else "switch"
        parts.append((lead, text))
    if dose.sets and (dose.sets.is_range or dose.sets.low > 1):  # "1 set" only adds words
        count, _, rest = sets_words(dose.sets).partition(",")
        parts.append(("", f"{unit(count)},{rest}"))
    if sides:
        parts.append(("", SIDE_WORDS[sides]))
    if dose.frequency:
        words = frequency_words(dose.frequency)
        parts.append(("How often:", unit(words[0].lower() + words[1:])))
    return parts


def dose_line(dose: Dose) -> str:
    """The dose as one plain line (for a message, or a label): 'Hold 30 seconds • Repeat 3 times • Each side'."""
    return f" {SEPARATOR} ".join(" ".join(p for p in part if p) for part in dose_parts(dose)).replace(NBSP, " ")
