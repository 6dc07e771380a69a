"""How often: English as people write it, the worksheet's own language, or keys."""

from __future__ import annotations

import pytest

from tests.schema.test_values import read
from worksheet.model import Count, Frequency
from worksheet.read.source import parse_text
from worksheet.render import fonts
from worksheet.schema.context import Context, Rejected
from worksheet.schema.frequency import FREQUENCY


@pytest.mark.parametrize(("yaml_value", "expected"), [
    ("once a day", Frequency(Count(1, 1), "day")), ("twice a day", Frequency(Count(2, 2), "day")),
    ("2 times a day", Frequency(Count(2, 2), "day")), ("3x per week", Frequency(Count(3, 3), "week")),
    ("2-3 times a week", Frequency(Count(2, 3), "week")), ("daily", Frequency(Count(1, 1), "day")),
    ("Every Week", Frequency(Count(1, 1), "week")), ("{times: 2, per: day}", Frequency(Count(2, 2), "day")),
])
def test_frequencies_people_write(yaml_value: str, expected: Frequency) -> None:
    assert read(FREQUENCY, yaml_value) == expected


def test_frequency_problems() -> None:
    assert read(FREQUENCY, "often") == [
        "t.yaml:1:6: 'key' must say how often, such as 'once a day', '2 times a day' or '3 times a week', not 'often'.",
    ]
    assert read(FREQUENCY, "30 times a day") == ["t.yaml:1:6: 'key' of 30 is more than 24; check the number."]
    assert read(FREQUENCY, "{times: 2}") == ["t.yaml:1:6: 'key' has no 'per'; add one, for example 'per: day'."]


@pytest.mark.parametrize(("text", "expected"), [
    ("una vez al día", Frequency(Count(1, 1), "day")), ("2 veces al día", Frequency(Count(2, 2), "day")),
    ("de 3 a 4 veces a la semana", Frequency(Count(3, 4), "week")), ("2 times a day", Frequency(Count(2, 2), "day")),
])
def test_a_spanish_worksheet_may_write_how_often_in_spanish(text: str, expected: Frequency) -> None:
    doc = parse_text(f"key: {text}\n", "t.yaml")
    ctx = Context(doc, [], fonts.charset())
    ctx.language = "es"
    node = doc.root.get("key")  # type: ignore[union-attr]
    assert node is not None
    assert FREQUENCY.read(ctx, node, "key") == expected
    ctx.language = None
    if "veces" in text or text.startswith("una"):
        with pytest.raises(Rejected):
            FREQUENCY.read(ctx, node, "key")  # in an English worksheet, Spanish is not read
