"""Props placed around the solved figure: where the body says they are, the same in both poses."""

from __future__ import annotations

import pytest

import worksheet.illustrate as ill
from tests.illustrate.library import figure
from worksheet.illustrate import body as B
from worksheet.illustrate import compose
from worksheet.illustrate import figure as F
from worksheet.illustrate import kinematics as K
from worksheet.illustrate import outline as O
from worksheet.illustrate import postures as P
from worksheet.illustrate import props as PR
from worksheet.illustrate.solve import Solved

SIDE = F.camera("side")


def poses(spec: ill.FigureSpec) -> list[Solved]:
    return list(compose.solved(spec))


def item(spec: ill.FigureSpec, name: str, view: F.Camera = SIDE, which: int = 0) -> PR.Item:
    both = poses(spec)
    return next(i for i in PR.items(view, spec.props, both, both[which]) if i.name == name)


def test_the_chair_seat_is_at_knee_height_under_the_thighs_and_behind_the_knees() -> None:
    both = poses(ill.FigureSpec(base="sitting-chair", props=("chair",)))
    (x0, _, _), (x1, top, _) = PR.chair_boxes(both)["seat"]
    assert top == B.SEAT_H
    for pose in both:
        for side in B.SIDES:
            knee = pose.frames["shank_" + side][1]
            assert knee[1] - B.R_KNEE == pytest.approx(top, abs=0.01)  # the back of the knee at the seat
            assert x1 < knee[0]  # the seat stops short of the knee
        hips = pose.frames["pelvis"][1]
        assert x0 < hips[0] < x1


def test_the_backrest_is_behind_the_sitter() -> None:
    spec = figure("seated-hamstring-stretch")
    both = poses(spec)
    (_, _, _), (front, _, _) = PR.chair_boxes(both)["backrest"]
    for pose in both:
        assert all(K.lowest(p, (1.0, 0.0, 0.0)) >= front for p in K.torso_parts(pose.frames))


def test_a_hand_holding_the_chair_is_on_the_top_of_its_backrest() -> None:
    both = poses(figure("psoas-stretch"))
    grip = PR.chair_grip(both, "right")
    assert grip[1] > P.CHAIR["seat"] + P.CHAIR["back"]
    for pose in both:
        assert K.norm(K.sub(K.hand_part(pose.frames, "right").centre, grip)) < 0.005


def test_a_chair_stood_beside_is_in_front_of_the_figure() -> None:
    both = poses(figure("psoas-stretch"))
    back, front, _ = PR.chair_place(both)
    assert front - back == pytest.approx(P.CHAIR["depth"])
    assert all(back > pose.frames["shank_" + side][1][0] for pose in both for side in B.SIDES)


def test_the_mat_lies_under_the_whole_body_in_both_poses() -> None:
    spec = figure("bridge")
    mat = item(spec, "mat")
    assert mat.style == "solid" and mat.depth == PR.UNDER
    x0, y0, x1, y1 = O.bounds(list(mat.paths))
    assert (y0, y1) == pytest.approx((0.0, P.MAT_T))
    lo, hi = PR._extent(poses(spec))
    assert x0 < lo and x1 > hi
    assert item(spec, "mat", which=1) == mat  # it stays put


def test_a_mat_seen_from_above_is_a_grey_area() -> None:
    assert item(figure("snow-angels"), "mat", F.camera("top")).style == "ground"


def test_the_towel_is_under_the_forehead() -> None:
    spec = figure("prone-t-raise")
    towel = item(spec, "towel")
    x0, y0, x1, y1 = O.bounds(list(towel.paths))
    start = poses(spec)[0]
    assert (x0 + x1) / 2 == pytest.approx(K.head_part(start.frames).centre[0])
    assert (y0, y1) == pytest.approx((start.floor, start.floor + P.TOWEL_H))


def test_the_ball_is_between_the_back_and_the_wall() -> None:
    spec = figure("ball-pressure")
    x0, _, x1, _ = O.bounds(list(item(spec, "ball").paths))
    assert x0 == pytest.approx(0.0, abs=0.002) and x1 == pytest.approx(2 * P.BALL_R, abs=0.002)
    wall = item(spec, "wall")
    assert wall.style == "thin" and wall.paths[0] == O.polygon([(0.0, 0.0), (0.0, 1.02)], close=False)


def test_a_wall_is_not_drawn_where_the_camera_looks_along_it() -> None:
    spec = figure("ball-pressure")
    both = poses(spec)
    assert "wall" not in [i.name for i in PR.items(F.camera("front"), spec.props, both, both[0])]
    assert "wall" not in [i.name for i in PR.items(F.camera("side", tilt=20.0), spec.props, both, both[0])]


def test_the_pillow_is_between_the_knees_and_drawn_with_them() -> None:
    spec = figure("pillow-squeeze")
    pillow = item(spec, "pillow", F.camera(spec.view, spec.tilt, spec.turn))
    assert pillow.depth != PR.UNDER  # sorted with the legs, not under the figure
    front = F.camera("front")
    for pose in poses(spec):
        (u, _), _, _ = PR.pillow_ellipse(front, pose)
        knees = sorted(F.project(front, pose.frames["shank_" + side][1])[0] for side in B.SIDES)
        assert knees[0] < u < knees[1]


def test_a_rounded_rectangle_keeps_its_corners_round_but_no_rounder_than_it_can_be() -> None:
    assert PR.rounded_rect(0.0, 0.0, 4.0, 2.0, 0.0) == O.polygon([(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)])
    round_ = PR.rounded_rect(0.0, 0.0, 4.0, 2.0, 5.0)  # a radius larger than half the height
    assert round_[0] == ("M", 1.0, 0.0)
    assert O.bounds([round_]) == pytest.approx((0.0, 0.0, 4.0, 2.0))
