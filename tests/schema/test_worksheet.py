"""Worksheets built from files: defaults, library layers, every problem gathered."""


from __future__ import annotations

from pathlib import Path

from tests.helpers import write
from worksheet.build import pipeline
from worksheet.render import wording


def test_defaults_apply_only_where_the_exercise_gives_none(project: Path) -> None:
    write(project, "w.yaml", """
        title: Defaults
        defaults:
          hold: 30 s
          reps: 3
        exercises:
          - name: First
          - name: Second
            reps: 5
            sides: each
    """)
    ws = pipeline.load(project / "w.yaml")
    assert wording.dose_line(ws.exercises[0].dose) == "Hold 30 seconds • Repeat 3 times"
    assert wording.dose_line(ws.exercises[1].dose) == "Hold 30 seconds • Repeat 5 times each side"
