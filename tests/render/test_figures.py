"""Figures on the page: as high as they need within the theme's limits, each stored once per PDF."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from tests.helpers import SHIPPED, figures_drawn, run
from worksheet import illustrate
from worksheet.render import styles
from worksheet.render.figures import STACK_ROOM, Figure, figure_box

LYING = illustrate.from_mapping({"base": "back-lying-knees-bent", "props": ["mat"], "end": {"hips": -40}})
SITTING = illustrate.from_mapping({"base": "sitting-chair", "props": ["chair"], "end": {"trunk": 30}})


def test_a_figure_box_stays_within_the_theme_s_limits_and_a_lying_figure_stacks() -> None:
    for large in (False, True):
        t = styles.theme(large)
        width = 190.0 if not large else 468.0
        for spec in (LYING, SITTING):
            box = figure_box(spec, None, t, width)
            high = t.figure_height[1] * (STACK_ROOM if box.layout == "stack" else 1)
            assert t.figure_height[0] <= box.height <= high and box.width == width
        small = figure_box(SITTING, None, t, width, scale=0.1)
        assert small.height >= t.min_figure_height  # a smaller version never goes below the floor of the theme
    assert figure_box(LYING, None, styles.theme(False), 190).layout == "stack"  # too small side by side in a column
    assert figure_box(SITTING, None, styles.theme(False), 190).layout == "pair"


def test_the_same_figure_at_the_same_size_has_one_name_and_a_different_one_another() -> None:
    a, b = Figure(LYING, 190, 80), Figure(LYING, 190, 80)
    assert a.form_name == b.form_name
    assert Figure(LYING, 190, 81).form_name != a.form_name and Figure(SITTING, 190, 80).form_name != a.form_name


def test_a_figure_used_in_several_worksheets_of_a_booklet_is_stored_once(project: Path) -> None:
    result = run("booklet", str(SHIPPED), "-o", "program.pdf")
    assert result.exit_code == 0, result.output
    drawn = [name for page in figures_drawn(project / "program.pdf") for name in page]
    with pikepdf.open(project / "program.pdf") as pdf:
        forms = {obj.objgen for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form"}
    assert len(drawn) > len(set(drawn))  # the pelvic tilt, the bridge... appear in several worksheets
    assert len(forms) == len(set(drawn))  # but each is in the file once


def test_no_figures_prints_none_and_the_text_is_unchanged(sheet: Path, project: Path) -> None:
    from tests.helpers import pdf_pages

    assert run("build", str(SHIPPED / "achy-back.yaml"), "-o", "with").exit_code == 0
    assert run("build", str(SHIPPED / "achy-back.yaml"), "-o", "without", "--no-figures").exit_code == 0
    assert sum(map(len, figures_drawn(project / "with" / "achy-back.pdf"))) == 5
    assert figures_drawn(project / "without" / "achy-back.pdf") == [[], []]
    from collections import Counter

    def words(pdf: Path) -> Counter[str]:
        return Counter(" ".join(pdf_pages(pdf)).split())

    missing = words(project / "with" / "achy-back.pdf") - words(project / "without" / "achy-back.pdf")
    assert not missing  # every word is still printed (without pictures, more room for ruled notes)
