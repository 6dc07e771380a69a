"""The words of a language: English as written, others from their catalogue, plurals by its rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from worksheet.i18n import language as W


def test_english_is_the_source_and_needs_no_catalogue() -> None:
    en = W.words("en-US")
    assert en.is_source and en._("Start:") == "Start:"
    assert en.ngettext("{n} second", "{n} seconds", 1) == "1 second" and en.ngettext("{n} second", "{n} seconds", 3) == "3 seconds"
    assert en._("Page {page} of {total}", page=2, total=3) == "Page 2 of 3"


def test_spanish_comes_from_the_shipped_catalogue_with_its_plural_rule() -> None:
    es = W.words("es")
    assert "es" in W.available() and not es.is_source
    assert es._("Start:") != "Start:"
    one, many = es.ngettext("{n} second", "{n} seconds", 1), es.ngettext("{n} second", "{n} seconds", 30)
    assert one.startswith("1 ") and many.startswith("30 ") and one != many.replace("30", "1")
    assert W.words("es-MX")._("Start:") == es._("Start:")  # a regional tag falls back to its language


def test_a_language_without_a_catalogue_is_refused() -> None:
    with pytest.raises(W.NoCatalogue):
        W.words("fr")
    assert W.base_language("es_MX") == "es" and W.base_language("en-US") == "en"


def test_a_catalogue_in_a_folder_named_by_the_environment_adds_a_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = Catalog(locale="de")
    catalog.add("Start:", "Beginn:")
    (tmp_path / "de" / "LC_MESSAGES").mkdir(parents=True)
    with open(tmp_path / "de" / "LC_MESSAGES" / "worksheet.mo", "wb") as out:
        write_mo(out, catalog)
    monkeypatch.setenv(W.PATH_VARIABLE, str(tmp_path))
    assert "de" in W.available()
    assert W.words("de")._("Start:") == "Beginn:" and W.words("de")._("Tip:") == "Tip:"
