"""An ISO date, written the way each language writes dates; any other date as typed."""

from __future__ import annotations

from worksheet.i18n.dates import local_date


def test_an_iso_date_is_written_out_and_anything_else_is_kept() -> None:
    assert local_date("2026-12-02", "en-US") == "December 2, 2026"
    assert local_date("2026-12-02", "es") == "2 de diciembre de 2026"
    assert local_date("21 Nov 2026", "es") == "21 Nov 2026"
    assert local_date("2026-02-30", "es") == "2026-02-30"  # not a date: as typed
    assert local_date("2026-12-02", "qps") == "2026-12-02"  # a language with no date rules: as typed
