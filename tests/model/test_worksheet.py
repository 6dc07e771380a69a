"""The model: doses merged over defaults, equipment gathered once."""

from __future__ import annotations

import dataclasses

import pytest

from worksheet.model import Count, Dose, Duration, Exercise, Frequency, Worksheet


def test_a_dose_takes_only_its_missing_parts_from_the_defaults() -> None:
    defaults = Dose(hold=Duration(30, 30), reps=Count(3, 3), frequency=Frequency(Count(1, 1), "day"))
    own = Dose(reps=Count(5, 5), sides="each")
    assert own.merged_over(defaults) == Dose(hold=Duration(30, 30), reps=Count(5, 5), sides="each", frequency=Frequency(Count(1, 1), "day"))
    assert Dose().is_empty and not own.is_empty


def test_equipment_is_listed_once_in_order_of_first_use() -> None:
    ws = Worksheet("w.yaml", "T", (
        Exercise("A", 1, equipment=("Towel", "chair")), Exercise("B", 2, equipment=("towel", "Pillow")),
    ))
    assert ws.equipment == ("Towel", "chair", "Pillow")


def test_the_model_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Count(1, 2).low = 3  # type: ignore[misc]
    assert Count(2, 3).is_range and not Duration(5, 5).is_range
