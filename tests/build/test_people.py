"""A name or a date typed at printing time: composed, one line, printable by the font."""

from __future__ import annotations

import pytest

from worksheet.build.people import NotPrintable, person_text


def test_a_name_is_composed_and_each_refusal_says_why() -> None:
    assert person_text("Jose\u0301") == "José"
    for value, why in (("", "is empty."), ("x" * 81, "is longer than 80 characters."), ("漢", "has characters the font lacks: 漢.")):
        with pytest.raises(NotPrintable) as e:
            person_text(value)
        assert str(e.value) == why
