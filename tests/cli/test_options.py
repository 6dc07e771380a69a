"""Options shared by several commands: names the font can print, the clinic file."""


from __future__ import annotations

from pathlib import Path

from tests.helpers import pdf_text, run, write


def test_a_name_the_font_cannot_print_is_refused(sheet: Path) -> None:
    result = run("build", "--patient", "王小明")
    assert result.exit_code == 2
    assert "Invalid value for '--patient': has characters the font lacks" in result.stderr


def test_clinic_option_and_located_clinic_errors(sheet: Path, project: Path) -> None:
    write(project, "other/clinic.yaml", "name: Hillside Clinic\nphone: 555-0199\n")
    assert run("build", "--clinic", "other/clinic.yaml").exit_code == 0
    assert "Hillside Clinic • Phone: 555-0199" in pdf_text(project / "build" / "knee.pdf")
    write(project, "bad/clinic.yaml", "nam: Typo Clinic\nwebsite: ftp://example.org\n")
    result = run("build", "--clinic", "bad/clinic.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith(" ")]
    assert lines == [
        "bad/clinic.yaml:1:1: The clinic file has no 'name'; add one, for example 'name: Riverside Physical Therapy'.",
        "bad/clinic.yaml:1:1: Unknown key 'nam' in the clinic file; the nearest known key is 'name'.",
        "bad/clinic.yaml:2:10: 'website' must be a web address starting with https:// or http://, not 'ftp://example.org'.",
    ]
