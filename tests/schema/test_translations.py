"""'translations:': the text in other languages, doses written once, every missing text located."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run, write
from worksheet.build.pipeline import load

ENTRY = """\
name: Bridge
position: Lie on your back.
steps:
  - Lift your hips.
  - Lower them.
caution: Stop if it hurts.
translations:
  es:
    name: Puente
    position: Acuéstese boca arriba.
    steps:
      - Levante la cadera.
      - Bájela.
"""

SHEET = """\
title: Back
intro: Move slowly.
translations:
  es-MX:
    title: Espalda
exercises:
  - use: bridge
    reps: 10
    notes: Breathe out as you lift.
"""


def test_the_text_comes_from_the_translation_and_the_dose_is_written_once(project: Path) -> None:
    write(project, "library/bridge.yaml", ENTRY)
    sheet = write(project, "w.yaml", SHEET)
    english, spanish = load(sheet), load(sheet, "es")
    assert spanish.language == "es" and english.language == "en-US"
    assert spanish.title == "Espalda"  # 'es-MX' serves 'es': the same base language
    ex = spanish.exercises[0]
    assert (ex.name, ex.position, ex.steps) == ("Puente", "Acuéstese boca arriba.", ("Levante la cadera.", "Bájela."))
    assert ex.dose == english.exercises[0].dose
    assert english.exercises[0].name == "Bridge" and english.warnings == ()


def test_each_text_without_a_translation_is_a_located_warning_and_prints_as_written(project: Path) -> None:
    write(project, "library/bridge.yaml", ENTRY)
    sheet = write(project, "w.yaml", SHEET)
    ws = load(sheet, "es")
    assert ws.intro == ("Move slowly.",) and ws.exercises[0].caution == ("Stop if it hurts.",)
    assert [(Path(w.path).name, w.line, w.col, w.message) for w in ws.warnings] == [
        ("bridge.yaml", 6, 1, "No Spanish ('es') text for 'caution' of library entry 'bridge'; it prints as written. "
                              "Add it under 'translations: es:'."),
        ("w.yaml", 2, 1, "No Spanish ('es') text for 'intro' of the worksheet; it prints as written. Add it under 'translations: es:'."),
        ("w.yaml", 9, 5, "No Spanish ('es') text for 'notes' of exercise 1; it prints as written. "
                         "Add it under 'translations: es:'."),
    ]


def test_validate_lists_every_missing_translation_and_passes(project: Path) -> None:
    write(project, "library/bridge.yaml", ENTRY)
    write(project, "w.yaml", SHEET)
    result = run("validate", "w.yaml", "--language", "es")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 3 and warnings[0].startswith("library/bridge.yaml:6:1: warning: No Spanish ('es') text for 'caution'")
    assert run("validate", "w.yaml").stderr == ""  # in the language it is written in, nothing is missing


def test_a_dose_or_an_unknown_key_in_a_translation_is_refused_where_it_is(project: Path) -> None:
    write(project, "library/bridge.yaml", ENTRY.replace("    name: Puente\n", "    name: Puente\n    reps: 10\n"))
    write(project, "w.yaml", SHEET.replace("  es-MX:\n", "  123:\n"))
    result = run("validate", "w.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if ": " in line and line[:1].isalpha() and "|" not in line]
    assert "library/bridge.yaml:10:5: 'reps' is not translated: it is written once, outside 'translations'; " \
           "remove it from the Spanish ('es') translation of library entry 'bridge'." in lines
    assert any(line.startswith("w.yaml:4:3: 'translations' must be a language tag") for line in lines), lines


def test_a_frequency_may_be_written_in_the_worksheet_s_language(project: Path) -> None:
    write(project, "w.yaml", "title: Espalda\nlanguage: es\nexercises:\n  - name: Puente\n    frequency: 2 veces al día\n"
                             "  - name: Gato\n    frequency: una vez a la semana\n  - name: Perro\n    frequency: 3 times a week\n")
    ws = load(project / "w.yaml")
    assert [(ex.dose.frequency.times.high, ex.dose.frequency.per) for ex in ws.exercises if ex.dose.frequency] == [
        (2, "day"), (1, "week"), (3, "week")]
