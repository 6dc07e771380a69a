"""One exercise as a block: its parts in the order a patient reads them, kept together."""

from __future__ import annotations

import dataclasses

from worksheet import illustrate
from worksheet.model import Count, Dose, Duration, Exercise
from worksheet.render import styles
from worksheet.render.exercise import exercise_block
from worksheet.render.figures import Figure
from worksheet.render.flow import Block, Box, Row, Stack, Text

EX = Exercise(
    name="Bridge", line=7, position="Lie on your back.", steps=("Lift.", "Lower."), feel="Buttocks working.",
    dose=Dose(hold=Duration(5, 5), reps=Count(10, 10)), caution=("Stop if it hurts.",), equipment=("mat",),
    notes=("Breathe.",),
)


def words(flowable: object) -> list[str]:
    """Every text in a flowable tree, in reading order."""
    if isinstance(flowable, Text):
        return [" ".join(" ".join("".join(t for _, t in w) for w in flowable.words).split())]
    if isinstance(flowable, Box):
        return words(flowable.stack)
    if isinstance(flowable, Stack):
        return [w for item in flowable.items for w in words(item)]
    if isinstance(flowable, Row):
        return [w for cell in flowable.cells for w in words(cell)]
    return []


def test_instructions_left_then_dose_equipment_and_caution_right() -> None:
    t = styles.theme(False)
    block = exercise_block(EX, 3, t, 500, "ex3")
    assert isinstance(block, Block) and block.label == "exercise 'Bridge' (line 7)"
    assert words(block) == [
        "Bridge", "Start: Lie on your back.", "Lift.", "Lower.", "You should feel: Buttocks working.", "Tip: Breathe.",
        "Hold 5 seconds", "Repeat 10 times", "You need: mat", "Caution: Stop if it hurts.",
    ]


def test_with_a_figure_the_caution_goes_under_the_steps_and_the_figure_above_the_dose() -> None:
    t = styles.theme(False)
    spec = illustrate.from_mapping({"base": "back-lying-knees-bent", "props": ["mat"], "end": {"hips": -40}})
    ex = dataclasses.replace(EX, figure=spec, figure_alt="Lying on your back; lifting your hips")
    block = exercise_block(ex, 3, t, 500, "ex3")
    row = [f for f in block.items if isinstance(f, Row)][-1]  # after the heading's
    left, _, right = row.cells
    assert words(left)[-1] == "Caution: Stop if it hurts."
    assert isinstance(right, Stack) and isinstance(right.items[0], Figure)
    assert words(right) == ["Hold 5 seconds", "Repeat 10 times", "You need: mat"]
    assert words(exercise_block(ex, 3, t, 500, "ex3", figures=False)) == words(exercise_block(EX, 3, t, 500, "ex3"))


def test_a_block_taller_than_a_page_falls_back_to_one_column() -> None:
    t = styles.theme(False)
    block = exercise_block(EX, 1, t, 500, "ex1")
    block.wrap(500, 1000)
    assert block.split_at(500, 100, False, 1000) == []  # fits on a fresh page: it moves there
    parts = block.split_at(500, 10, True, 20)  # taller than any page: its parts, one column
    assert sorted(w for p in parts for w in words(p)) == sorted(words(block))  # nothing lost


def test_several_cautions_are_a_list_and_what_you_need_is_at_the_dose_size() -> None:
    t = styles.theme(False)
    ex = Exercise(name="Bird dog", line=3, dose=Dose(reps=Count(5, 5)), caution=("Keep your back flat.", "Keep your neck long."),
                  equipment=("mat",))
    block = exercise_block(ex, 1, t, 500, "ex1")
    texts = [f for f in _flowables(block) if isinstance(f, Text)]
    bullets = [f.bullet for f in texts if f.bullet]
    assert bullets == ["•", "•"]
    need = [f for f in texts if words(f)[0].startswith("You need:")]
    assert need[0].style.fontSize == t.ss["dose"].fontSize


def _flowables(f: object) -> list[object]:
    if isinstance(f, Box):
        return _flowables(f.stack)
    if isinstance(f, Stack):
        return [f, *(x for item in f.items for x in _flowables(item))]
    if isinstance(f, Row):
        return [x for c in f.cells if c is not None for x in _flowables(c)]
    return [f]
