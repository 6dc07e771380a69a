"""The movement arrow: computed from the two poses, following the part that moves."""

from __future__ import annotations

from itertools import pairwise
from math import hypot

import pytest

import worksheet.illustrate as ill
from tests.illustrate.library import BRIDGE, IDS, figure
from worksheet.illustrate import arrows as A
from worksheet.illustrate import compose
from worksheet.illustrate import figure as F
from worksheet.illustrate import outline as O


def shafts(spec: ill.FigureSpec) -> list[list[O.Pt]]:
    return A.arrows(spec, *compose.solved(spec))


def where(spec: ill.FigureSpec, key: str) -> tuple[O.Pt, O.Pt]:
    """The landmark's start and end, as the spec's camera sees them."""
    cam = F.camera(spec.view, spec.tilt, spec.turn)
    start, end = compose.solved(spec)
    return F.project(cam, F.landmark(start.frames, key)), F.project(cam, F.landmark(end.frames, key))


def length(pts: list[O.Pt]) -> float:
    return sum(hypot(q[0] - p[0], q[1] - p[1]) for p, q in pairwise(pts))


def test_no_arrow_when_nothing_moves() -> None:
    assert shafts(ill.FigureSpec(base="standing")) == []
    assert shafts(ill.from_mapping({"base": "hands-knees", "start": {"knees": 5}, "end": {"knees": 5}})) == []


def test_no_arrow_when_the_spec_says_none() -> None:
    assert shafts(ill.from_mapping({"base": "back-lying-knees-bent", "end": {"hips": -40}, "arrow": "none",
                                    "end_contacts": {"buttocks": "lifted"}})) == []


@pytest.mark.parametrize("fid", IDS)
def test_every_library_figure_has_an_arrow_of_a_visible_length(fid: str) -> None:
    found = shafts(figure(fid))
    assert found
    for shaft in found:
        assert length(shaft) >= A.SHORT - 1e-9


def test_a_bridge_gets_a_straight_arrow_up_under_the_lifting_hips() -> None:
    (shaft,) = shafts(BRIDGE)
    assert len(shaft) == 2  # straight
    (x0, y0), (x1, y1) = shaft
    assert y1 - y0 > 2 * abs(x1 - x0)  # up
    _, hips = where(BRIDGE, "buttocks")
    assert y1 < hips[1]  # it stops below the hips, short of them
    assert hypot(x1 - hips[0], y1 - hips[1]) > A.GAP


def test_a_knee_pulled_to_the_chest_gets_a_curved_arrow_along_its_arc() -> None:
    spec = figure("knee-to-chest")
    (shaft,) = shafts(spec)
    _, end = where(spec, "right knee")
    assert len(shaft) > 10
    chord = hypot(shaft[-1][0] - shaft[0][0], shaft[-1][1] - shaft[0][1])
    assert length(shaft) > chord * 1.01  # curved
    assert hypot(shaft[-1][0] - end[0], shaft[-1][1] - end[1]) < hypot(shaft[0][0] - end[0], shaft[0][1] - end[1])
    assert hypot(shaft[-1][0] - end[0], shaft[-1][1] - end[1]) > A.GAP  # stops short of the knee


def test_a_part_that_hardly_moves_gets_a_short_arrow_pressing_toward_its_support() -> None:
    spec = figure("pelvic-tilt")
    (shaft,) = shafts(spec)
    (x0, y0), (x1, y1) = shaft
    assert length(shaft) == pytest.approx(A.SHORT)
    assert x0 == pytest.approx(x1) and y1 < y0  # straight down, into the floor


def test_the_path_runs_from_where_the_part_starts_to_where_it_ends() -> None:
    start, end = compose.solved(BRIDGE)
    path = A.trajectory(start, end, "buttocks", F.camera("side"))
    assert len(path) == A.STEPS + 1
    assert (path[0], path[-1]) == where(BRIDGE, "buttocks")


def test_a_named_part_on_both_sides_gets_one_arrow_in_a_side_view_and_two_from_above() -> None:
    assert A._requested(figure("double-knee-to-chest")) == ["right knee"]  # the near knee hides the far one
    assert A._requested(figure("trunk-rotation")) == ["left knee", "right knee"]  # seen from the feet: both
    assert A._requested(figure("snow-angels")) == ["left hand", "right hand"]
    assert A._requested(figure("bird-dog")) == ["right hand", "left foot"]
    assert len(shafts(figure("snow-angels"))) == 2


def test_a_twist_gets_an_arc_round_the_trunk() -> None:
    spec = figure("thoracic-rotation")
    (shaft,) = shafts(spec)
    assert len(shaft) == A.STEPS + 1
    assert length(shaft) > 1.02 * hypot(shaft[-1][0] - shaft[0][0], shaft[-1][1] - shaft[0][1])  # curved


def test_every_landmark_name_is_a_part_a_clinician_can_write() -> None:
    names = A.landmarks_names()
    assert len(names) == len(set(names)) == 4 + 2 * 9
    assert {"head", "buttocks", "left hand", "right knee", "left toes"} <= set(names)
