"""How often: printed and read back in each language's own words."""

from __future__ import annotations

import pytest

from worksheet.i18n import phrases, words


@pytest.mark.parametrize("language", ["en-US", "es"])
def test_every_printed_frequency_reads_back_as_itself(language: str) -> None:
    w = words(language)
    for per in ("day", "week"):
        for low, high in ((1, 1), (2, 2), (3, 3), (2, 3), (1, 2)):
            text = phrases.frequency(w, per, low, high)
            found = [(p, kind, m) for p, p_per, kind in [(pat, pp, k) for pat, pp, k in phrases.frequency_patterns(w)]
                     if (m := p.match(text)) and p_per == per]
            assert found, (language, text)
            _, kind, m = found[0]
            assert (kind == "once") == (low == high == 1)
            if kind == "range":
                assert (int(m.group("low")), int(m.group("n"))) == (low, high)
            elif kind == "n":
                assert int(m.group("n")) == high


def test_english_frequencies_read_as_written() -> None:
    assert phrases.frequency(words(), "day", 2, 2) == "2 times a day"
    assert phrases.frequency(words(), "week", 1, 1) == "once a week"
    assert phrases.frequency(words(), "week", 3, 4) == "3 to 4 times a week"
