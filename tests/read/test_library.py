"""Exercises defined once in library/ and used by id, with located errors for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run, write
from worksheet.build import pipeline
from worksheet.errors import InputError
from worksheet.render import wording
from worksheet.schema import load_library_entry

KNEE = """
    name: Knee to chest stretch
    position: Lie on your back, knees bent.
    steps:
      - Pull one knee toward your chest.
      - Lower it slowly.
    caution: Hold under the knee, not on top.
"""


@pytest.fixture
def lib(project: Path) -> Path:
    write(project, "worksheets/library/knee-to-chest.yaml", KNEE)
    write(project, "worksheets/library/seated-knee-to-chest.yaml", """
        use: knee-to-chest
        name: Seated knee to chest
        position: Sit tall near the front of a sturdy chair.
    """)
    return project


def test_use_takes_the_entry_and_adds_the_dose(lib: Path) -> None:
    write(lib, "worksheets/w.yaml", """
        title: Test
        exercises:
          - use: knee-to-chest
            hold: 30 s
            reps: 3
            sides: alternate
    """)
    ws = pipeline.load(lib / "worksheets/w.yaml")
    ex = ws.exercises[0]
    assert ex.name == "Knee to chest stretch"
    assert ex.steps == ("Pull one knee toward your chest.", "Lower it slowly.")
    assert ex.caution == ("Hold under the knee, not on top.",)
    assert ex.library_id == "knee-to-chest"
    assert wording.dose_line(ex.dose) == "Hold 30 seconds • Repeat 3 times each side • Switch sides each time"


def test_worksheet_keys_override_the_entry_and_variants_inherit(lib: Path) -> None:
    write(lib, "worksheets/w.yaml", """
        title: Test
        exercises:
          - use: seated-knee-to-chest
            caution: Keep both feet near the chair.
            reps: 3
    """)
    ex = pipeline.load(lib / "worksheets/w.yaml").exercises[0]
    assert ex.name == "Seated knee to chest"
    assert ex.position == "Sit tall near the front of a sturdy chair."
    assert ex.steps == ("Pull one knee toward your chest.", "Lower it slowly.")  # from knee-to-chest
    assert ex.caution == ("Keep both feet near the chair.",)
    assert pipeline.load(lib / "worksheets/w.yaml").library_ids == ("seated-knee-to-chest", "knee-to-chest")


def test_unknown_id_cycle_and_bad_entry_are_located(lib: Path) -> None:
    write(lib, "worksheets/library/loop-a.yaml", "use: loop-b\n")
    write(lib, "worksheets/library/loop-b.yaml", "use: loop-a\n")
    write(lib, "worksheets/library/broken.yaml", "name: Broken\nreps: lots\ncolor: red\n")
    write(lib, "worksheets/w.yaml", """
        title: Test
        exercises:
          - use: knee-to-chst
          - use: loop-a
          - use: broken
          - use: knee-to-chest
            hold: forever
    """)
    result = run("validate", "-q", "worksheets/w.yaml")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if not line.startswith(" ")] == [
        "worksheets/library/broken.yaml:2:7: 'reps' must be a whole number such as 10 or a range such as 10-15, not 'lots'.",
        "worksheets/library/broken.yaml:3:1: Unknown key 'color' in library entry 'broken'; the known keys are caution, equipment, feel, figure, frequency, hold, image, name, notes, position, reps, sets, sides, steps, translations, use, video.",
        "worksheets/library/loop-b.yaml:1:6: The library entry 'loop-a' uses itself (loop-a -> loop-b -> loop-a); remove one of the 'use' keys.",
        "worksheets/w.yaml:3:10: There is no exercise 'knee-to-chst' in worksheets/library/; the nearest is 'knee-to-chest'.",
        "worksheets/w.yaml:7:11: 'hold' must be a time such as '30 s', '3-5 s', '1 min' or '1:30', not 'forever'.",
        "0 valid, 1 with problems",
    ]


def test_a_library_entry_is_checked_on_its_own(lib: Path) -> None:
    ex = load_library_entry(lib / "worksheets/library/seated-knee-to-chest.yaml")
    assert ex.name == "Seated knee to chest"
    write(lib, "worksheets/library/self.yaml", "use: self\n")
    with pytest.raises(InputError) as e:
        load_library_entry(lib / "worksheets/library/self.yaml")
    assert "uses itself (self -> self)" in str(e.value)


def test_library_folder_is_not_built_as_worksheets(lib: Path) -> None:
    write(lib, "worksheets/w.yaml", "title: T\nexercises:\n  - use: knee-to-chest\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Built build/w.pdf (1 page)\n"


def test_an_edited_entry_is_read_afresh_in_the_same_process(lib: Path) -> None:
    """Entries are parsed once per process and content: an edit is never hidden by that."""
    write(lib, "worksheets/w.yaml", "title: Test\nexercises:\n  - use: knee-to-chest\n")
    first = pipeline.load(lib / "worksheets/w.yaml")
    assert first.exercises[0].name == "Knee to chest stretch"
    write(lib, "worksheets/library/knee-to-chest.yaml", KNEE.replace("Knee to chest stretch", "Knee hug"))
    again = pipeline.load(lib / "worksheets/w.yaml")
    assert again.exercises[0].name == "Knee hug"
    write(lib, "worksheets/library/knee-to-chest.yaml", KNEE + "    reps: ten\n")
    with pytest.raises(InputError, match="reps"):
        pipeline.load(lib / "worksheets/w.yaml")
