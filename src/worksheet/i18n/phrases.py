"""Phrases that are both printed and read back: how often, in every language's own words.

Why: a worksheet may write ``frequency: 2 veces al día`` in Spanish; the words accepted are exactly
the words the handout prints, taken from the same catalogue entries, so printing and reading can
never disagree and a new language needs no parser. ``N_`` and ``Nn_`` only mark phrases for
extraction (``pybabel extract -k N_ -k Nn_:1,2``); they return what they are given.
"""

from __future__ import annotations

import re
from functools import cache

from .language import Words


def N_(message: str) -> str:
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


ONCE: dict[str, str] = {"day": N_("once a day"), "week": N_("once a week")}
PLURAL: dict[tuple[str, str], tuple[str, str]] = {
    ("day", "n"): Nn_("{n} time a day", "{n} times a day"),
    ("day", "range"): Nn_("{low} to {n} time a day", "{low} to {n} times a day"),
    ("week", "n"): Nn_("{n} time a week", "{n} times a week"),
    ("week", "range"): Nn_("{low} to {n} time a week", "{low} to {n} times a week"),
}


def frequency(w: Words, per: str, low: int, high: int) -> str:
    """How often, in ``w``'s words: 'once a day', '2 times a day', '3 to 4 times a week'."""
    if low != high:
        singular, plural = PLURAL[(per, "range")]
        return w.ngettext(singular, plural, high, low=low)
    if high == 1:
        return w._(ONCE[per])
    singular, plural = PLURAL[(per, "n")]
    return w.ngettext(singular, plural, high)


@cache
def frequency_patterns(w: Words) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Regular expressions for every printed form of a frequency in ``w``'s language (each plural
    form of each template), with its period and kind ('once', 'n', 'range')."""
    found: list[tuple[re.Pattern[str], str, str]] = []
    templates: list[tuple[str, str, str]] = [(w.gettext(text), per, "once") for per, text in ONCE.items()]
    for (per, kind), forms in PLURAL.items():
        templates += [(form, per, kind) for form in sorted({w.plural(forms, n) for n in (1, 2, 3, 5, 11, 21)})]
    for form, per, kind in templates:
        pattern = re.escape(" ".join(form.split()).casefold())
        pattern = pattern.replace(r"\{n\}", r"(?P<n>[0-9]+)").replace(r"\{low\}", r"(?P<low>[0-9]+)")
        pattern = pattern.replace(r"\ ", r"\s+")
        found.append((re.compile(rf"^{pattern}$", re.IGNORECASE), per, kind))
    return tuple(found)
