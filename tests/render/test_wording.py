"""The dose line in plain words."""

from __future__ import annotations

import pytest

from worksheet.model import Count, Dose, Duration, Frequency
from worksheet.render.wording import dose_line, dose_parts, duration_words


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(30, 30, "30 seconds"), (1, 1, "1 second"), (3, 5, "3 to 5 seconds"), (60, 60, "1 minute"), (90, 90, "1 minute 30 seconds"),
     (60, 120, "1 to 2 minutes"), (30, 60, "30 seconds to 1 minute")],
)
def test_duration_words(low: int, high: int, words: str) -> None:
    assert duration_words(Duration(low, high)) == words


def test_dose_line() -> None:
    dose = Dose(hold=Duration(30, 30), reps=Count(3, 3), sides="each")
    assert dose_line(dose) == "Hold 30 seconds • Repeat 3 times each side"
    dose = Dose(reps=Count(10, 15), sets=Count(2, 2), frequency=Frequency(Count(1, 1), "day"))
    assert dose_line(dose) == "Repeat 10 to 15 times • 2 sets, resting between • How often: once a day"
    assert dose_line(Dose(reps=Count(1, 1), sets=Count(1, 1))) == "Do it once"
    assert dose_line(Dose(frequency=Frequency(Count(3, 4), "week"))) == "How often: 3 to 4 times a week"


def test_sides_each_joins_the_repeat_line_and_other_sides_get_their_own() -> None:
    assert dose_line(Dose(hold=Duration(30, 30), sides="each")) == "Hold 30 seconds • Each side"
    assert dose_line(Dose(reps=Count(5, 5), sides="alternate")) == "Repeat 5 times each side • Switch sides each time"
    assert dose_line(Dose(hold=Duration(30, 30), sides="alternate")) == "Hold 30 seconds • Each side, switching sides each time"
    assert dose_line(Dose(reps=Count(5, 5), sides="both")) == "Repeat 5 times • Both sides at once"


def test_a_count_and_its_word_never_break_apart() -> None:
    parts = dict(dose_parts(Dose(hold=Duration(3, 5), reps=Count(5, 10), sides="each", frequency=Frequency(Count(2, 2), "day"))))
    assert parts["Hold"] == "3\u00a0to\u00a05\u00a0seconds"
    assert parts["Repeat"] == "5\u00a0to\u00a010\u00a0times\u00a0each\u00a0side"  # never "times" at a line's end, "each side" on the next
    assert parts["How often:"] == "2\u00a0times\u00a0a\u00a0day"
