"""The composer's form as worksheet text (each line traced to its field) and a file as the form."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SHIPPED
from worksheet.build.memory import check_text
from worksheet.errors import Issue
from worksheet.web.compose import from_file, rows_of, to_text


def test_the_form_becomes_the_worksheet_a_clinician_would_write() -> None:
    form = {"title": 'Knee "care"', "intro": "Go slowly.\nStop if it hurts.", "ex-3-use": "bridge", "ex-3-reps": "10",
            "ex-1-use": "pelvic-tilt", "ex-1-hold": "5 s", "patient": "Zelda"}
    composed = to_text(form)
    assert [r["use"] for r in rows_of(form)] == ["pelvic-tilt", "bridge"]  # in the form's order
    assert "Zelda" not in composed.text  # print options are never part of a worksheet
    ws = check_text(composed.text, SHIPPED)
    assert ws.title == 'Knee "care"' and ws.intro == ("Go slowly.", "Stop if it hurts.")
    assert [ex.library_id for ex in ws.exercises] == ["pelvic-tilt", "bridge"]
    line = next(n for n, f in composed.fields.items() if f == "ex-3-reps")
    assert composed.place(Issue("composed.yaml", line, 5, "x")) == "ex-3-reps"
    assert composed.place(Issue("library/bridge.yaml", line, 5, "x")) == ""


def test_a_shipped_worksheet_comes_back_as_the_form_with_its_translations_carried() -> None:
    form = from_file(SHIPPED / "back-stretches-5-minute.yaml")
    assert form is not None and form["ex-0-use"] == "pelvic-tilt" and form["ex-0-hold"] == "3-5 s"
    spanish = check_text(to_text(form).text, SHIPPED, language="es")
    assert spanish.warnings == () and spanish.title.startswith("Estiramientos")
    assert spanish.exercises[0].notes[0].startswith("Este es su calentamiento")


def test_a_worksheet_with_exercises_of_its_own_is_printed_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "own.yaml").write_text("title: T\nexercises:\n  - name: Own\n    steps: [Go.]\n", encoding="utf-8")
    assert from_file(tmp_path / "own.yaml") is None
