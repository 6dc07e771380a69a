"""Names, dates and plan words typed at the moment of printing, checked the way file text is.

Why: a patient's name comes from the command line or from the web page, never from a file, and
must print as typed: one plain line the font can print, accents typed apart joined to their
letters (NFC). The same check serves both front ends.
"""

from __future__ import annotations

MAX = 80


class NotPrintable(ValueError):
    """The text cannot be printed; the message says why, to follow the field's name."""


def person_text(value: str) -> str:
    """``value`` composed and checked; NotPrintable with a reason ("is longer than 80 characters.")."""
    from ..read.text import loose_marks, mark_run, normalize
    from ..render.fonts import charset

    if len(value) > 1000 or mark_run(value):
        raise NotPrintable(f"is longer than {MAX} characters.")
    text = normalize(value)
    loose = loose_marks(text)
    if loose:
        _, mark, base = loose[0]
        raise NotPrintable(f"has '{base}{mark}': its accent (U+{ord(mark):04X}) cannot be printed with the worksheet font; "
                           "write the letter without it.")
    missing = sorted({c for c in text if ord(c) not in charset()})
    if not text or len(text) > MAX or missing:
        why = "is empty" if not text else f"is longer than {MAX} characters" if len(text) > MAX else \
            f"has characters the font lacks: {' '.join(missing)}"
        raise NotPrintable(f"{why}.")
    return text
