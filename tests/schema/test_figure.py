"""'figure:': pose data read into a checked FigureSpec, every problem located at its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run, write
from worksheet.build.pipeline import load
from worksheet.schema import figure as figure_module

BRIDGE = """\
name: Bridge
figure:
  base: back-lying-knees-bent
  props: [mat]
  end: {hips: -40}
  end_contacts: {buttocks: lifted}
"""


def test_a_library_figure_becomes_a_checked_spec_with_its_words(project: Path) -> None:
    write(project, "library/bridge.yaml", BRIDGE)
    ws = load(write(project, "w.yaml", "title: T\nexercises:\n  - use: bridge\n    reps: 10\n"))
    ex = ws.exercises[0]
    assert ex.figure is not None and ex.figure.base == "back-lying-knees-bent" and ex.figure.end == (("hips", -40.0),)
    assert ex.figure.props == ("mat",) and ex.figure.end_contacts == (("buttocks", "lifted"),)
    assert ex.figure_alt == "Lying on your back, knees bent; lifting your hips"


def test_figure_none_hides_the_library_figure(project: Path) -> None:
    write(project, "library/bridge.yaml", BRIDGE)
    ws = load(write(project, "w.yaml", "title: T\nexercises:\n  - use: bridge\n    figure: none\n  - use: bridge\n"))
    assert ws.exercises[0].figure is None and ws.exercises[0].figure_alt is None
    assert ws.exercises[1].figure is not None


def test_a_clinic_picture_takes_the_figure_s_place(project: Path) -> None:
    from PIL import Image

    write(project, "library/bridge.yaml", BRIDGE)
    Image.new("L", (40, 20), 128).save(project / "me.png")
    ws = load(write(project, "w.yaml", "title: T\nexercises:\n  - use: bridge\n    image: me.png\n"))
    assert ws.exercises[0].image is not None and ws.exercises[0].figure is None


def test_every_problem_is_reported_at_its_key_with_the_base_posture_explained(project: Path) -> None:
    write(project, "library/x.yaml", """\
name: X
figure:
  base: back-lying-knees-bent
  props: [mat]
  end: {knee: 200, elbw: 10}
  contacts: {hands: chair}
  tilt: steep
  colour: red
""")
    write(project, "w.yaml", "title: T\nexercises:\n  - use: x\n  - name: Y\n    figure: nonee\n  - name: Z\n    figure:\n      view: side\n")
    result = run("validate", "w.yaml")
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith(("library/", "w.yaml:"))]
    assert problems == [
        "library/x.yaml:7:9: 'tilt' must be a number of degrees such as 45 or -30, not 'steep'.",
        "library/x.yaml:8:3: Unknown key 'colour' in 'figure'; the known keys are arrow, base, contacts, end, end_contacts, "
        "props, side, start, tilt, turn, view.",
        "w.yaml:5:13: 'figure' must be 'none' or a set of keys starting with 'base:', not 'nonee'.",
        "w.yaml:8:7: 'figure' has no 'base'; add one, for example 'base: back-lying-knees-bent'.",
    ], result.stderr
    write(project, "library/x.yaml", "name: X\nfigure:\n  base: back-lying-knees-bent\n  props: [mat]\n"
                                     "  end: {knee: 200, elbw: 10}\n  contacts: {hands: chair}\n")
    result = run("validate", "w.yaml")
    problems = [line for line in result.stderr.splitlines() if line.startswith("library/")]
    assert problems == [
        "library/x.yaml:5:9: The figure's 'end': knee flexion of 295 degrees (95 of flexion in the base posture, "
        "then 200 of flexion here) is beyond its range of 0 to 150.",
        "library/x.yaml:5:20: The figure's 'end': 'elbw' is not a joint; joints are hip, knee, ankle, shoulder, "
        "shoulder blades, elbow, trunk, lower back, upper back, neck, lean.",
        "library/x.yaml:6:14: The figure's 'contacts': the hand rests on the chair, which is not in 'props'.",
    ]


def test_a_pose_the_body_cannot_reach_is_an_error_at_the_pose(project: Path) -> None:
    """Placed in the world, the feet of a standing figure cannot reach a wall behind it and
    the floor at once; the problem is reported where the contact is written."""
    write(project, "w.yaml", "title: T\nexercises:\n  - name: Y\n    figure:\n      base: standing\n      props: [wall]\n"
                             "      contacts: {head: wall}\n      end: {lean: 40}\n")
    result = run("validate", "w.yaml")
    assert result.exit_code == 1
    located = [line for line in result.stderr.splitlines() if line.startswith("w.yaml:")]
    assert located and all(line.startswith(("w.yaml:7:", "w.yaml:8:", "w.yaml:5:", "w.yaml:4:")) for line in located), result.stderr
    assert all("The figure" in line for line in located)


def test_more_different_figures_than_a_worksheet_needs_is_one_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_module, "MAX_FIGURES", 2)
    exercises = "".join(f"  - name: E{n}\n    figure: {{base: standing, end: {{knee: {n}}}}}\n" for n in range(1, 5))
    write(project, "w.yaml", "title: T\nexercises:\n" + exercises)
    result = run("validate", "w.yaml")
    located = [line for line in result.stderr.splitlines() if line.startswith("w.yaml:")]
    assert located == [f"w.yaml:{line}:13: This worksheet has more than 2 different figures; a worksheet needs one per exercise."
                       for line in (8, 10)]
