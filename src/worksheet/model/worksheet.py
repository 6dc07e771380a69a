"""The worksheet as the schema builds it: frozen, typed, free of YAML and of ReportLab.

Why: layout code should only ever see clean, checked values (a hold is a number
of seconds, not the string someone typed), and tests can build a worksheet in
Python without a file. Line numbers are kept as plain ints so that a late
problem (a layout that cannot fit) can still point at the right place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import Issue
from ..illustrate import FigureSpec

PageSize = Literal["letter", "a4"]
Sides = Literal["each", "alternate", "both", "left", "right"]
Period = Literal["day", "week"]

PAGE_SIZES: tuple[PageSize, ...] = ("letter", "a4")
SIDES: tuple[Sides, ...] = ("each", "alternate", "both", "left", "right")


@dataclass(frozen=True, slots=True)
class Count:
    """A whole number or an ordered range of whole numbers (``low == high`` for one number)."""

    low: int
    high: int

    @property
    def is_range(self) -> bool:
        return self.high != self.low


@dataclass(frozen=True, slots=True)
class Duration:
    """A time in whole seconds, or a range of times."""

    low: int
    high: int

    @property
    def is_range(self) -> bool:
        return self.high != self.low


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often to do an exercise: ``times`` per day or per week."""

    times: Count
    per: Period


@dataclass(frozen=True, slots=True)
class Dose:
    hold: Duration | None = None
    reps: Count | None = None
    sets: Count | None = None
    sides: Sides | None = None
    frequency: Frequency | None = None

    def merged_over(self, defaults: Dose) -> Dose:
        """This dose with every missing part taken from ``defaults``."""
        return Dose(
            hold=self.hold or defaults.hold,
            reps=self.reps or defaults.reps,
            sets=self.sets or defaults.sets,
            sides=self.sides or defaults.sides,
            frequency=self.frequency or defaults.frequency,
        )

    @property
    def is_empty(self) -> bool:
        return not (self.hold or self.reps or self.sets or self.sides or self.frequency)


@dataclass(frozen=True, slots=True)
class Exercise:
    name: str
    line: int  # where the exercise starts in its worksheet file
    position: str | None = None
    steps: tuple[str, ...] = ()
    dose: Dose = Dose()
    feel: str | None = None
    caution: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # paragraphs
    library_id: str | None = None  # the library entry it comes from, if any
    image: Path | None = None  # a checked PNG or JPEG inside the project folder
    video: str | None = None  # an http(s) address, printed as a QR code
    figure: FigureSpec | None = None  # its picture as checked pose data (none when 'image' or 'figure: none')
    figure_alt: str | None = None  # the picture in words, for readers who cannot see it


@dataclass(frozen=True, slots=True)
class Plan:
    """The patient's plan, printed on page 1: each part not given is a ruled blank to fill in."""

    how_often: str | None = None  # "Once a day, 5 days a week"
    weeks: int | None = None  # for how many weeks
    next_visit: str | None = None
    call_if: str | None = None  # when to call the clinic

    def over(self, other: Plan) -> Plan:
        """This plan with every part it does not give taken from ``other``."""
        return Plan(
            how_often=self.how_often or other.how_often, weeks=self.weeks or other.weeks,
            next_visit=self.next_visit or other.next_visit, call_if=self.call_if or other.call_if,
        )


@dataclass(frozen=True, slots=True)
class Worksheet:
    source: str  # the path shown to the user
    title: str
    exercises: tuple[Exercise, ...]
    subtitle: str | None = None
    intro: tuple[str, ...] = ()  # paragraphs
    notes: tuple[str, ...] = ()  # paragraphs, printed after the exercises
    disclaimer: str | None = None  # None: the default disclaimer
    page_size: PageSize = "letter"
    language: str = "en-US"
    library_ids: tuple[str, ...] = ()  # every library entry it is built from, directly or not
    video: str | None = None  # an http(s) address for the whole worksheet, printed as a QR code
    large_print: bool = False
    log: bool = False  # add a tracking log page
    log_days: int = 7
    plan: Plan = Plan()
    warnings: tuple[Issue, ...] = ()  # located, printed, but nothing to stop the build for

    @property
    def equipment(self) -> tuple[str, ...]:
        """Everything the exercises need, in order of first use, without repeats."""
        seen: dict[str, str] = {}
        for ex in self.exercises:
            for item in ex.equipment:
                seen.setdefault(item.casefold(), item)
        return tuple(seen.values())
