"""The words of one language: a gettext catalogue with named placeholders and plural forms.

Why: translators see whole phrases ("{n} time each side" / "{n} times each side") with named
placeholders, and Python's own ``gettext`` reads the compiled catalogue and its plural rule
(Spanish and English have two forms, other languages more). English, the source, is the message
ids themselves. Catalogues are looked for in the package's ``locales/`` folder and then in every
folder named in ``WORKSHEET_LOCALE_PATH`` (os.pathsep-separated): a clinic can add a language
without touching the package, and the tests add a pseudo-language that way.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "worksheet"
DEFAULT_LANGUAGE = "en-US"
SOURCE = "en"  # the language the message ids are written in
LOCALES = Path(__file__).resolve().parent / "locales"
PATH_VARIABLE = "WORKSHEET_LOCALE_PATH"


class NoCatalogue(LookupError):
    """No catalogue for a language: its labels cannot be printed."""


def base_language(tag: str) -> str:
    """'es-MX' -> 'es', 'en-US' -> 'en', 'qps' -> 'qps'."""
    return tag.replace("_", "-").split("-")[0].lower()


def _folders() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p]
    return [LOCALES, *extra]


def available() -> list[str]:
    """The languages labels can be printed in: English and every language with a catalogue."""
    found = {SOURCE}
    for folder in _folders():
        if folder.is_dir():
            found.update(p.name.replace("_", "-") for p in folder.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    return sorted(found)


class Words:
    """One language's printed words. ``_`` and ``ngettext`` translate a phrase and fill its
    named placeholders ({n}, {low}, {high}...); ``language`` is the tag the words are in."""

    def __init__(self, language: str, catalogue: gettext.NullTranslations) -> None:
        self.language = language
        self._catalogue = catalogue

    def _(self, message: str, **values: Any) -> str:
        text = self._catalogue.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        return self._catalogue.ngettext(singular, plural, n).format(n=n, **values)

    def gettext(self, message: str) -> str:
        """A phrase as it is, placeholders untouched (for templates filled in later)."""
        return self._catalogue.gettext(message)

    def plural(self, forms: tuple[str, str], n: int) -> str:
        """The plural form of a template for ``n``, placeholders untouched."""
        return self._catalogue.ngettext(forms[0], forms[1], n)

    @property
    def is_source(self) -> bool:
        return base_language(self.language) == SOURCE


@cache
def _words(tag: str, folders: tuple[Path, ...]) -> Words:
    if base_language(tag) == SOURCE:
        return Words(tag, gettext.NullTranslations())
    codes = [tag.replace("-", "_"), base_language(tag)]
    for folder in folders:
        try:
            return Words(tag, gettext.translation(DOMAIN, str(folder), languages=codes))
        except OSError:
            continue
    raise NoCatalogue(tag)


def words(language: str = DEFAULT_LANGUAGE) -> Words:
    """The words of ``language`` (a tag such as 'es' or 'es-MX'); NoCatalogue if there are none."""
    return _words(language, tuple(_folders()))
