"""Checking a figure as a body in the world: every library figure passes, and an impossible pose
is reported by field and part (nothing below the floor, through the chair or behind the wall)."""

from __future__ import annotations

import pytest

import worksheet.illustrate as ill
from tests.illustrate.library import HALF_POINT, IDS, LIBRARY, PRINT_H, PRINT_W, entry, figure
from worksheet.illustrate import compose
from worksheet.illustrate import kinematics as K
from worksheet.illustrate import props as PR
from worksheet.illustrate import solve as V
from worksheet.illustrate import verify as C


def test_every_library_exercise_has_a_figure() -> None:
    library = sorted(p.stem for p in LIBRARY.glob("*.yaml"))
    assert len(library) == 30
    assert IDS == library
    assert all(entry(fid).figure is not None and entry(fid).figure_alt for fid in IDS)


@pytest.mark.parametrize("fid", IDS)
def test_every_library_figure_passes_check(fid: str) -> None:
    assert ill.check(figure(fid)) == []


@pytest.mark.parametrize("fid", IDS)
def test_no_library_figure_goes_below_the_floor_or_through_chair_or_wall(fid: str) -> None:
    spec = figure(fid)
    start, end = compose.solved(spec)
    scale = compose.frame(spec, PRINT_W, PRINT_H).scale
    for pose in (start, end):
        for name, part in C.named_parts(pose.frames):
            assert K.lowest(part, V.UP) >= pose.floor - HALF_POINT / scale, name
            if "wall" in spec.props:
                assert K.lowest(part, V.EAST) >= -HALF_POINT / scale, name
        if "chair" in spec.props:
            held = {f"{c.side} hand" for c in pose.contacts if c.support == "chair"}
            for name, part in C.named_parts(pose.frames):
                for box in PR.chair_boxes([start, end]).values():
                    if name not in held:
                        assert not any(C._inside(p, box, HALF_POINT / scale) for p in C._samples(part)), name


def test_a_contact_that_cannot_be_reached_is_reported() -> None:
    found = ill.check(ill.from_mapping({"base": "back-lying-knees-bent", "end": {"hips": 80},
                                        "end_contacts": {"buttocks": "lifted"}}))  # feet kept on the floor
    assert any(p.field == "end" for p in found)


def test_knees_bent_fully_standing_up_go_below_the_floor_and_the_end_is_blamed() -> None:
    found = ill.check(ill.from_mapping({"base": "standing", "end": {"knees": 150}}))
    assert found and {p.field for p in found} == {"end"}
    (floor,) = [p for p in found if "below the floor" in p.message]  # one problem, naming the parts
    assert floor.joint == "buttocks" and floor.message.startswith("the buttocks, ")
    assert floor.message.endswith(" more parts go below the floor")


def test_leaning_back_into_a_wall_goes_through_it() -> None:
    found = ill.check(ill.from_mapping({"base": "standing", "props": ["wall"], "contacts": {"upper back": "wall"},
                                        "end": {"lean back": 20}}))
    assert ("end", "head", "the head goes through the wall") in found


def test_an_angle_the_solver_had_to_set_beyond_range_says_so() -> None:
    found = ill.check(ill.from_mapping({"base": "standing", "props": ["chair"], "contacts": {"hands": "chair"},
                                        "end": {"hips": 100}}))
    assert ("end", "ankle", "left ankle dorsiflexion of 80 degrees is beyond its range of 0 to 20 "
                            "(set by the solver to reach a support)") in [tuple(p) for p in found]


def test_names_and_ranges_are_checked_before_anything_is_placed() -> None:
    compose.solved.cache_clear()
    found = ill.check(ill.from_mapping({"base": "standing", "end": {"knee": 200}}))
    assert [p.field for p in found] == ["end"]
    assert compose.solved.cache_info().currsize == 0  # a pose with a wrong angle is never solved


def test_every_part_of_the_body_has_a_name_for_messages() -> None:
    start, _ = compose.solved(ill.FigureSpec(base="standing"))
    names = [name for name, _ in C.named_parts(start.frames)]
    assert len(names) == len(set(names)) == 7 + 2 * 11
    assert {"head", "buttocks", "left hand", "right heel"} <= set(names)


def test_a_point_inside_a_box_by_more_than_the_margin_is_inside() -> None:
    box: PR.Box = ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0))
    assert C._inside((0.5, 0.5, 0.5), box, 0.1)
    assert not C._inside((0.05, 0.5, 0.5), box, 0.1)  # within the margin of a face: touching, not through
    assert not C._inside((1.5, 0.5, 0.5), box, 0.0)
