"""A date given as 2026-12-02, written the way the language writes dates.

Why: ``--date`` is printed as typed ("21 Nov 2026", "martes 8"), except an ISO date, which is a
date a program wrote and no patient reads easily: it becomes "December 2, 2026" in English and
"2 de diciembre de 2026" in Spanish, by Babel's locale data (CLDR), which knows how every
language writes a date. Babel is imported only when such a date is printed.
"""

from __future__ import annotations

import datetime as dt
import re

from .language import base_language

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$", re.ASCII)


def local_date(text: str, language: str) -> str:
    """``text`` as typed, unless it is an ISO date: then in ``language``'s long form."""
    m = _ISO.match(text)
    if m is None:
        return text
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return text
    from babel.core import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        try:
            locale = Locale.parse(base_language(language))
        except (ValueError, UnknownLocaleError):
            return text
    return format_date(day, format="long", locale=locale)
