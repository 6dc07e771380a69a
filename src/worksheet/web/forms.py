"""The print options of the page's form, checked as the command line checks its options.

Why: "for whom and how" is asked at the front desk, not written in a file: the patient, the
therapist, the date, the plan, large print, paper, log, language. Each is checked with the same
rules as its command-line option, and a problem is said next to its field.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

from ..build.people import NotPrintable, person_text
from ..i18n import available, base_language
from ..model import PageSize, Patient, Plan, PrintOptions

PERSON_FIELDS = {"patient": "Patient", "therapist": "Therapist", "date": "Date", "how_often": "How often",
                 "next_visit": "Next visit"}


def _number(form: Mapping[str, str], key: str, low: int, high: int, label: str, problems: dict[str, str]) -> int | None:
    raw = form.get(key, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        problems[key] = f"{label} must be a whole number from {low} to {high}."
        return None
    return int(raw)


def print_options(form: Mapping[str, str], folder: Path) -> tuple[PrintOptions, dict[str, str]]:
    """The options the form asks for, and a message for each field that cannot be used."""
    problems: dict[str, str] = {}
    people: dict[str, str | None] = {}
    for key, label in PERSON_FIELDS.items():
        raw = form.get(key, "").strip()
        people[key] = None
        if raw:
            try:
                people[key] = person_text(raw)
            except NotPrintable as e:
                problems[key] = f"{label} {e}"
    weeks = _number(form, "weeks", 1, 52, "Weeks", problems)
    log_days = _number(form, "log_days", 1, 14, "Log days", problems)
    language = form.get("language", "").strip() or None
    if language is not None and base_language(language) not in available():
        problems["language"] = f"Choose one of: {', '.join(available())}."
        language = None
    page_size = form.get("page_size", "letter")
    if page_size not in ("letter", "a4"):
        problems["page_size"] = "Choose Letter or A4."
        page_size = "letter"
    options = PrintOptions(
        page_size=cast(PageSize, page_size), large_print=form.get("large_print") == "on", log=form.get("log") == "on",
        log_days=log_days, patient_header=any(people[k] for k in ("patient", "therapist", "date")),
        patient=Patient(people["patient"], people["therapist"], people["date"]),
        plan=Plan(people["how_often"], weeks, people["next_visit"]), clinic_footer=form.get("clinic") == "on",
        figures=form.get("figures") == "on", language=language, bilingual=form.get("bilingual") == "on",
    )
    return options, problems
