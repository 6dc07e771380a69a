"""Characters no input may hold, defined once for every reader.

Why: control characters print as nothing or as boxes, and can hide text from the
person who reviews a file. They are refused wherever text comes in: in a file as it
is read (where tab, line feed and carriage return make lines and are allowed) and in
a value once YAML has read it (where a carriage return, written as an escape, is
refused too: a value is printed on the page, not split into lines by it).

Text is composed once (NFC), after its length is checked and after runs of accent
marks are bounded, since composing a long run of marks takes quadratic time.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL and the non-characters U+FFFE and U+FFFF, without tab, LF and CR.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"

CONTROL_IN_FILE = re.compile(f"[{_CONTROLS}]")
CONTROL_IN_VALUE = re.compile(f"[{_CONTROLS}\r]")

# Line and paragraph separators: PyYAML breaks lines at them, editors do not, so a file that
# holds one is read with lines the person cannot see. Refused wherever a file is read.
SEPARATORS = re.compile("[\u2028\u2029]")

MAX_MARKS = 4  # accent marks on one letter: more is never text, and NFC would be quadratic on it


def mark_run(text: str) -> tuple[int, int] | None:
    """Where the first run of more than :data:`MAX_MARKS` combining marks starts, and its length.

    Checked before normalising: Unicode's canonical reordering takes time quadratic in the
    length of such a run, so a file of nothing but accents could take minutes to read.
    """
    if text.isascii():
        return None
    start, count = 0, 0
    for i, ch in enumerate(text):
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            if count == 0:
                start = i
            count += 1
        elif count:
            if count > MAX_MARKS:
                return start, count
            count = 0
    return (start, count) if count > MAX_MARKS else None


def normalize(text: str) -> str:
    """Composed (NFC: an accent typed apart joins its letter) with runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def loose_marks(text: str) -> list[tuple[int, str, str]]:
    """Accent marks left on their own after composing (q + tilde has no letter of its own):
    (index, mark, the letter it sits on). Our text has no mark positioning, so such a mark
    would print beside its letter, not on it."""
    if text.isascii():
        return []
    found = []
    for i, ch in enumerate(text):
        if unicodedata.category(ch) in ("Mn", "Me"):
            base = text[i - 1] if i else ""
            found.append((i, ch, base))
    return found
