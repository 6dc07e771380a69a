"""How to print a worksheet: for whom, by whom, on what paper, and with which extras.

Why: a worksheet file says what to do; the command line (or the web page) says how to
print it this time. :class:`PrintOptions` holds what was asked for (None: "as the file
says"), :meth:`PrintOptions.resolve` merges it over one worksheet's own choices into the
:class:`Settings` layout reads. Patient details live here and only here: they go into
the page, never into a file name, the cache or a log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .worksheet import PageSize, Plan, Worksheet


@dataclass(frozen=True, slots=True)
class Clinic:
    """Who hands the worksheet out: printed at the foot of every page."""

    name: str
    phone: str | None = None
    address: str | None = None
    website: str | None = None
    logo: Path | None = None


@dataclass(frozen=True, slots=True)
class Patient:
    """Filled in from the command line only, and written nowhere but into the PDF."""

    name: str | None = None
    therapist: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """How to print, from the command line; None means "as the worksheet file says"."""

    page_size: PageSize | None = None
    large_print: bool | None = None
    log: bool | None = None
    log_days: int | None = None
    patient_header: bool = False  # print the Patient / Date / Prescribed by block
    patient: Patient = Patient()
    clinic: Clinic | None = None
    plan: Plan = field(default_factory=Plan)  # parts given here win over the worksheet's plan
    notes_lines: bool = True  # ruled "Notes" lines in the space left at the end
    duplex: bool = False  # a booklet's worksheets each start on a right-hand page
    figures: bool = True  # each exercise's figure (--no-figures: none)
    language: str | None = None  # print in this language (a tag such as 'es'), from the files' translations
    bilingual: bool = False  # each instruction also as written (in smaller type), for the therapist to check
    clinic_footer: bool = True  # the clinic.yaml beside the worksheets at the foot of each page (the web page can say no)

    def resolve(self, ws: Worksheet) -> Settings:
        """The settings for one worksheet: these options over the file's own."""
        return Settings(
            page_size=self.page_size or ws.page_size,
            large_print=ws.large_print if self.large_print is None else self.large_print,
            log=ws.log if self.log is None else self.log,
            log_days=self.log_days or ws.log_days,
            patient_header=self.patient_header or any((self.patient.name, self.patient.therapist, self.patient.date)),
            patient=self.patient,
            clinic=self.clinic,
            plan=self.plan.over(ws.plan),
            notes_lines=self.notes_lines,
            duplex=self.duplex,
            figures=self.figures,
        )  # the language is the worksheet's own: it was built in the language asked for


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything layout needs to know besides the worksheet itself."""

    page_size: PageSize = "letter"
    large_print: bool = False
    log: bool = False
    log_days: int = 7
    patient_header: bool = False
    patient: Patient = Patient()
    clinic: Clinic | None = None
    plan: Plan = field(default_factory=Plan)
    notes_lines: bool = True
    duplex: bool = False
    figures: bool = True
    beside: Worksheet | None = None  # bilingual print: the worksheet as written, each instruction printed under its translation
