"""Placing a posed body in the world: what should rest on the floor, the seat or the wall does,
and the joints the solver moves stay within their ranges."""

from __future__ import annotations

import pytest

import worksheet.illustrate as ill
from tests.illustrate.library import HALF_POINT, IDS, PRINT_H, PRINT_W, figure
from worksheet.illustrate import compose
from worksheet.illustrate import kinematics as K
from worksheet.illustrate import postures as P
from worksheet.illustrate import solve as V
from worksheet.illustrate.spec import Contact, range_problems


@pytest.mark.parametrize("fid", IDS)
def test_every_library_contact_is_on_its_support_within_half_a_point(fid: str) -> None:
    spec = figure(fid)
    scale = compose.frame(spec, PRINT_W, PRINT_H).scale  # points per standing height
    for pose in compose.solved(spec):
        for c in pose.contacts:
            if c.support in ("body", "chair"):
                continue
            normal, offset = V.plane(c.support, spec.props)
            height, _ = V.reach(pose.frames, c, normal)
            assert abs(height - offset) * scale <= HALF_POINT, (c, (height - offset) * scale)


@pytest.mark.parametrize("fid", IDS)
def test_every_library_pose_keeps_its_joints_within_range(fid: str) -> None:
    for pose in compose.solved(figure(fid)):
        assert range_problems(pose.pose, {}, "pose") == []


def misses(spec: ill.FigureSpec, pose: V.Solved) -> dict[tuple[str, str], float]:
    out = {}
    for c in pose.contacts:
        if c.support not in ("body", "chair"):
            normal, offset = V.plane(c.support, spec.props)
            out[(c.part, c.side)] = V.reach(pose.frames, c, normal)[0] - offset
    return out


def test_the_feet_stay_on_the_floor_when_the_hips_bend_a_little_more() -> None:
    spec = ill.from_mapping({"base": "back-lying-knees-bent", "end": {"hips": 10}})
    start, end = compose.solved(spec)
    assert all(abs(m) <= V.TOL for m in misses(spec, end).values()), misses(spec, end)
    assert end.pose[("left", "hip", "flexion")] == pytest.approx(50)  # as written
    assert end.pose[("left", "knee", "flexion")] > start.pose[("left", "knee", "flexion")] + 5  # the knee gave
    assert end.problems == []


def test_a_body_on_a_mat_rests_on_the_mats_top() -> None:
    spec = ill.from_mapping({"base": "back-lying-legs-long", "props": ["mat"]})
    start, _ = compose.solved(spec)
    assert start.floor == P.MAT_T
    assert {c.support for c in start.contacts} == {"mat"}
    assert all(abs(m) <= V.TOL for m in misses(spec, start).values())


def test_standing_stays_upright_with_the_soles_on_the_floor() -> None:
    start, _ = compose.solved(ill.FigureSpec(base="standing"))
    assert start.frames["pelvis"][0] == pytest.approx(K.IDENTITY)
    lowest = min(K.lowest(p, V.UP) for p in K.all_parts(start.frames))
    assert lowest == pytest.approx(0.0, abs=V.TOL)


def test_a_back_against_the_ball_on_the_wall_touches_the_ball() -> None:
    spec = ill.from_mapping({"base": "standing", "props": ["wall", "ball"], "contacts": {"upper back": "ball"}})
    start, _ = compose.solved(spec)
    assert abs(misses(spec, start)[("upper back", "")]) <= V.TOL
    assert V.plane("ball", spec.props) == (V.EAST, 2 * P.BALL_R)


def test_a_foot_flat_on_the_floor_has_its_sole_level_and_its_ankle_angle_recorded() -> None:
    _, end = compose.solved(ill.FigureSpec(base="back-lying-knees-bent"))
    foot = end.frames["foot_left"][0]
    assert K.column(foot, 1) == pytest.approx(V.UP)  # the foot's up is the world's up
    assert ("left", "ankle", "dorsiflexion") in end.pose and "foot_left" in end.fixed


def test_a_part_that_cannot_reach_its_support_is_reported_with_the_gap() -> None:
    base = P.BASES["standing"]
    far = Contact("hand", "right", "floor")
    solved = V.solve(base, {}, [Contact("foot", "left", "floor"), Contact("foot", "right", "floor"), far], ())
    assert [part for part, _ in solved.problems] == ["hand"]
    assert solved.problems[0][1].startswith("the right hand cannot reach the floor (misses by 0.")


def test_supports_face_up_from_their_height_and_the_wall_faces_the_room() -> None:
    assert V.plane("floor", ()) == (V.UP, 0.0)
    assert V.plane("floor", ("mat",)) == (V.UP, P.MAT_T)
    assert V.plane("seat", ("chair",)) == (V.UP, P.CHAIR["seat"])
    assert V.plane("towel", ("mat", "towel")) == (V.UP, pytest.approx(P.MAT_T + P.TOWEL_H))
    assert V.plane("wall", ("wall",)) == (V.EAST, 0.0)


def test_the_root_search_finds_a_zero_within_range_or_the_nearest_miss() -> None:
    x, fx = V._root1d(lambda x: x * x - 2, 1.0, 0.0, 10.0)
    assert x == pytest.approx(2 ** 0.5, abs=1e-4) and abs(fx) < V.TOL
    assert V._root1d(lambda x: x + 100, 0.0, -5.0, 5.0) == (-5.0, 95.0)  # no zero in range: the closest end


def test_placing_the_same_figure_twice_gives_the_same_numbers() -> None:
    spec = figure("bird-dog")
    first = compose.solved(spec)
    compose.solved.cache_clear()
    again = compose.solved(spec)
    assert first is not again
    for a, b in zip(first, again, strict=True):
        assert a.frames == b.frames and a.pose == b.pose
