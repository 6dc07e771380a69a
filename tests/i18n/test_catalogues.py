"""The catalogues in step with the code: every printed phrase in the template, every language's
catalogue complete with its placeholders kept, and its compiled .mo the same as its .po."""

from __future__ import annotations

import gettext
import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from tests.helpers import ROOT
from worksheet.i18n import language as W

SRC = ROOT / "src" / "worksheet"
LANGUAGES = sorted(p.name for p in W.LOCALES.iterdir() if p.is_dir())
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "Nn_": (1, 2)}


def _ids(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_every_phrase_in_the_code_is_in_the_template_and_nothing_else() -> None:
    in_code = {_ids(m[2]) for m in extract_from_dir(str(SRC), keywords=KEYWORDS, comment_tags=())} - {""}
    with open(W.LOCALES.parent / "worksheet.pot", "rb") as f:
        template = {_ids(m.id) for m in read_po(f) if m.id}
    assert in_code == template, f"run the pybabel commands in DEVELOPING.md: new {in_code - template}, gone {template - in_code}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_catalogue_is_complete_and_keeps_every_placeholder(language: str) -> None:
    po = W.LOCALES / language / "LC_MESSAGES" / "worksheet.po"
    with open(po, "rb") as f:
        catalog = read_po(f)
    with open(W.LOCALES.parent / "worksheet.pot", "rb") as f:
        template = {_ids(m.id) for m in read_po(f) if m.id}
    assert {_ids(m.id) for m in catalog if m.id} == template, "run pybabel update (DEVELOPING.md)"
    for m in catalog:
        if not m.id:
            continue
        assert not m.fuzzy, m.id
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert all(strings), f"{language}: no translation for {ids[0]!r}"
        wanted = set(re.findall(r"\{\w+\}", ids[-1]))
        for s in strings:
            assert set(re.findall(r"\{\w+\}", s)) == wanted, (language, ids[0], s)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_says_what_its_po_says(language: str) -> None:
    folder = W.LOCALES / language / "LC_MESSAGES"
    with open(folder / "worksheet.po", "rb") as f:
        catalog = read_po(f)
    with open(folder / "worksheet.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            for n, form in ((1, 0), (2, -1)):
                assert compiled.ngettext(m.id[0], m.id[1], n) == m.string[form], f"run pybabel compile: {m.id[0]!r}"
        else:
            assert compiled.gettext(m.id) == m.string, f"run pybabel compile (DEVELOPING.md): {m.id!r}"

