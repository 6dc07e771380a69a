"""Print options from the form, checked as the command line checks its options."""

from __future__ import annotations

from pathlib import Path

from worksheet.web.forms import print_options


def test_each_option_is_read_and_each_problem_named_by_its_field(tmp_path: Path) -> None:
    options, problems = print_options({"patient": "Ana  Peña", "date": "2026-12-02", "weeks": "6", "log": "on", "log_days": "14",
                                       "large_print": "on", "page_size": "a4", "language": "es", "bilingual": "on"}, tmp_path)
    assert problems == {}
    assert options.patient.name == "Ana Peña" and options.plan.weeks == 6 and options.log_days == 14  # one plain line
    assert options.large_print and options.log and options.page_size == "a4" and options.language == "es" and options.bilingual
    assert options.patient_header and not options.clinic_footer and options.figures is False  # unticked boxes are off
    _, problems = print_options({"weeks": "0", "log_days": "x", "language": "fr", "page_size": "legal", "therapist": "\u0301" * 9}, tmp_path)
    assert set(problems) == {"weeks", "log_days", "language", "page_size", "therapist"}
    assert problems["log_days"] == "Log days must be a whole number from 1 to 14."
