"""The placed body seen from the side, the front or above: cameras, projection and drawing layers."""

from __future__ import annotations

import pytest

import worksheet.illustrate as ill
from worksheet.illustrate import arrows as A
from worksheet.illustrate import compose
from worksheet.illustrate import figure as F
from worksheet.illustrate import kinematics as K

P: K.Vec = (0.3, 0.7, -0.2)


def standing() -> K.Frames:
    return compose.solved(ill.FigureSpec(base="standing"))[0].frames


def test_a_side_view_keeps_x_and_y_and_sees_z_as_depth() -> None:
    cam = F.camera("side")
    assert F.project(cam, P) == (0.3, 0.7)
    assert F.depth(cam, P) == -0.2  # z toward the reader: the figure's right side is near
    assert cam.level


def test_a_front_view_puts_the_figures_right_on_the_page_left() -> None:
    cam = F.camera("front")
    assert F.project(cam, P) == (0.2, 0.7)  # page right is -z, page up is y
    assert F.depth(cam, P) == 0.3  # the front (x) toward the reader


def test_a_top_view_puts_the_head_of_a_body_lying_on_its_back_at_the_top() -> None:
    cam = F.camera("top")
    assert F.project(cam, P) == (0.2, -0.3)  # page up is -x
    assert F.depth(cam, P) == 0.7  # higher is nearer


CAMERAS = [(view, tilt, turn) for view in ("side", "front", "top")
           for tilt, turn in [(0.0, 0.0), (30.0, 0.0), (0.0, 40.0), (45.0, -20.0)]]


@pytest.mark.parametrize(("view", "tilt", "turn"), CAMERAS)
def test_a_tilted_or_turned_camera_is_still_an_orthographic_view(view: str, tilt: float, turn: float) -> None:
    cam = F.camera(view, tilt, turn)
    rows = (cam.u, cam.v, cam.w)
    for i in range(3):
        for j in range(3):
            assert K.dot(rows[i], rows[j]) == pytest.approx(1.0 if i == j else 0.0, abs=1e-12)
    assert K.dot(K.cross(cam.u, cam.v), cam.w) == pytest.approx(1.0)  # right, up, toward the reader
    assert cam.level == (not tilt and not turn)


def test_a_raised_side_camera_looks_down_on_the_floor() -> None:
    cam = F.camera("side", tilt=30.0)
    assert F.project(cam, (0.0, 0.0, 1.0))[1] < 0  # the near edge of the floor is lower on the page
    assert cam.w[1] > 0  # the camera is above


def test_a_ball_projects_to_a_circle_of_its_radius_in_every_view() -> None:
    ball = K.Ellipsoid((0.1, 0.2, 0.3), (0.05, 0.0, 0.0, 0.0, 0.05, 0.0, 0.0, 0.0, 0.05))
    for view, tilt, turn in [c for c in CAMERAS if not (c[0] == "top" and c[2])]:
        cam = F.camera(view, tilt, turn)
        centre, a, b = F.project_ellipsoid(cam, ball)
        assert centre == pytest.approx(F.project(cam, ball.centre))
        assert (a[0] ** 2 + a[1] ** 2) ** 0.5 == pytest.approx(0.05)
        assert (b[0] ** 2 + b[1] ** 2) ** 0.5 == pytest.approx(0.05)
        assert a[0] * b[0] + a[1] * b[1] == pytest.approx(0.0, abs=1e-12)


def test_a_side_view_draws_the_far_limbs_first_and_lighter() -> None:
    layers = F.groups(F.camera("side"), standing())
    assert [g.name for g in layers] == ["arm_left", "leg_left", "body", "leg_right", "arm_right"]
    assert [g.far for g in layers] == [True, True, False, False, False]
    assert [g.depth for g in layers] == sorted(g.depth for g in layers)


def test_only_a_side_view_has_far_limbs() -> None:
    for view in ("front", "top"):
        assert not any(g.far for g in F.groups(F.camera(view), standing()))


def test_the_shoulder_blades_show_only_from_behind() -> None:
    behind = F.groups(F.camera("front", turn=180.0), standing())
    assert [g.name for g in behind if g.detail] == ["shoulder blades"]
    assert not [g for g in F.groups(F.camera("front"), standing()) if g.detail]


def test_every_outline_of_the_figure_is_a_closed_path_but_the_open_thighs() -> None:
    for g in F.groups(F.camera("side"), standing()):
        assert g.paths and all(p[0][0] == "M" and p[-1] == ("Z",) for p in g.paths), g.name
        if g.name.startswith("leg"):
            assert g.strokes[0][-1] != ("Z",)  # the thigh's outline is open where it meets the trunk


def test_each_landmark_alone_is_the_same_point_as_all_of_them() -> None:
    frames = standing()
    every = F.landmarks(frames)
    assert set(every) == set(A.landmarks_names())
    for key, point in every.items():
        assert F.landmark(frames, key) == point, key
    assert every["right knee"] == frames["shank_right"][1]
