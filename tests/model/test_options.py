"""Printing options resolved over a worksheet's own choices."""

from __future__ import annotations

from worksheet.model import Clinic, Exercise, Patient, PrintOptions, Settings, Worksheet

WS = Worksheet("w.yaml", "T", (Exercise("A", 1),), page_size="a4", large_print=True, log=True, log_days=10)


def test_nothing_given_keeps_the_files_choices() -> None:
    assert PrintOptions().resolve(WS) == Settings(page_size="a4", large_print=True, log=True, log_days=10)


def test_options_override_and_a_name_turns_the_patient_line_on() -> None:
    clinic = Clinic("Riverside")
    s = PrintOptions(page_size="letter", large_print=False, log=False, log_days=3, patient=Patient(name="Ana"), clinic=clinic).resolve(WS)
    assert (s.page_size, s.large_print, s.log, s.log_days, s.patient_header, s.clinic) == ("letter", False, False, 3, True, clinic)
    assert PrintOptions(patient_header=True).resolve(WS).patient_header
