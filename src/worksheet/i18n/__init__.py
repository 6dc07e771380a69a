"""Printed words in the patient's language: message catalogues, plural rules and dates.

Why: a handout is read by the patient in their language, and its labels and dose phrases are
data, not code. Every printed word goes through a gettext catalogue per language
(``locales/<lang>/LC_MESSAGES/worksheet.po``, compiled to the ``.mo`` shipped in the package), as
whole phrases with named placeholders and plural forms ("Mantenga {n} segundos"), never English
fragments glued together. English is the source language: its phrases are the message ids, and
it needs no catalogue. Adding a language is a new catalogue (and translated worksheets): no code.

- :mod:`.language`: ``Words`` (gettext and ngettext with named placeholders) for a language tag, the
  languages there are catalogues for, and where catalogues are looked for.
- :mod:`.phrases`: phrases both printed and read back (how often), and their patterns.
- :mod:`.dates`: an ISO date (2026-12-02) written as the language writes dates.

A leaf stage: it imports no other stage, and only the standard library at import time.
"""

from .language import DEFAULT_LANGUAGE, NoCatalogue, Words, available, base_language, words

__all__ = ["DEFAULT_LANGUAGE", "NoCatalogue", "Words", "available", "base_language", "words"]
