"""Forward kinematics: joint angles to segment frames, and the body's solid parts."""

from __future__ import annotations

import random

import pytest

from tests.illustrate.library import IDS, figure
from worksheet.illustrate import body as B
from worksheet.illustrate import compose
from worksheet.illustrate import kinematics as K

NAMES = [n for n, _, _ in K.SKELETON]


def lengths(frames: K.Frames) -> list[float]:
    """The distance from every segment's joint to its parent's."""
    return [K.norm(K.sub(frames[name][1], frames[parent][1])) for name, parent, _ in K.SKELETON]


def random_pose(rng: random.Random) -> dict[B.Dof, float]:
    out: dict[B.Dof, float] = {}
    for dof in B.DOFS:
        joint = B.JOINTS[dof[1]]
        m = next(m for m in joint.motions if m.name == dof[2])
        out[dof] = rng.uniform(m.low, m.high)
    return out


def random_root(rng: random.Random) -> K.Mat:
    return K.mul(K.mul(K.rz(rng.uniform(-180, 180)), K.rx(rng.uniform(-180, 180))), K.ry(rng.uniform(-180, 180)))


NEUTRAL = K.forward({}, K.IDENTITY, (0.0, B.H_HIP, 0.0))


@pytest.mark.parametrize("fid", IDS)
def test_every_library_figure_has_the_same_segment_lengths_at_start_and_end(fid: str) -> None:
    start, end = compose.solved(figure(fid))
    for a, b in zip(lengths(start.frames), lengths(end.frames), strict=True):
        assert abs(a - b) < 1e-9
    # and they are the body's: thigh and shank as in the table
    assert abs(lengths(start.frames)[NAMES.index("shank_left")] - B.THIGH) < 1e-9


def test_any_angles_keep_every_segment_its_length() -> None:
    rng = random.Random(20240611)
    neutral = lengths(NEUTRAL)
    for _ in range(60):
        frames = K.forward(random_pose(rng), random_root(rng), (rng.uniform(-1, 1), rng.uniform(-1, 1), 0.3))
        assert lengths(frames) == pytest.approx(neutral, abs=1e-12)


def test_every_segment_frame_is_a_rotation() -> None:
    rng = random.Random(7)
    frames = K.forward(random_pose(rng), random_root(rng), (0.0, 0.0, 0.0))
    for name, (r, _) in frames.items():
        assert K.mul(r, K.transpose(r)) == pytest.approx(K.IDENTITY, abs=1e-12), name
        assert K.dot(K.cross(K.column(r, 0), K.column(r, 1)), K.column(r, 2)) == pytest.approx(1.0), name  # not a mirror


def test_standing_neutral_is_one_standing_height_tall_with_the_soles_on_the_floor() -> None:
    parts = K.all_parts(NEUTRAL)
    bottom = min(K.lowest(p, (0.0, 1.0, 0.0)) for p in parts)
    top = -min(K.lowest(p, (0.0, -1.0, 0.0)) for p in parts)
    assert bottom == pytest.approx(0.0, abs=1e-9)
    assert top == pytest.approx(1.0, abs=0.01)
    assert NEUTRAL["thigh_left"][1][1] == pytest.approx(B.H_HIP)


def test_standing_neutral_is_a_mirror_image_left_to_right() -> None:
    for name, (_, p) in NEUTRAL.items():
        if name.endswith("_left"):
            q = NEUTRAL[name.removesuffix("_left") + "_right"][1]
            assert (p[0], p[1], -p[2]) == pytest.approx(q, abs=1e-12), name
        elif not name.endswith("_right"):
            assert p[2] == pytest.approx(0.0, abs=1e-12), name


def test_the_same_angle_on_either_side_is_the_mirror_movement() -> None:
    pose = {(side, "hip", m): v for side in B.SIDES for m, v in (("flexion", 50.0), ("abduction", 20.0))}
    pose |= {(side, "shoulder", "abduction"): 70.0 for side in B.SIDES}
    frames = K.forward(pose, K.IDENTITY, (0.0, 0.0, 0.0))
    for seg in ("shank", "foot", "forearm", "hand"):
        left, right = frames[seg + "_left"][1], frames[seg + "_right"][1]
        assert (left[0], left[1], -left[2]) == pytest.approx(right, abs=1e-12), seg
    knee = frames["shank_right"][1]
    assert knee[0] > 0.1 and knee[2] > B.HIP_HALF  # a hip flexed and abducted: knee forward and out


def test_knee_flexion_bends_the_shin_backward() -> None:
    frames = K.forward({("right", "knee", "flexion"): 90.0}, K.IDENTITY, (0.0, 0.0, 0.0))
    knee, ankle = frames["shank_right"][1], frames["foot_right"][1]
    assert ankle[1] == pytest.approx(knee[1])
    assert ankle[0] == pytest.approx(knee[0] - B.SHANK)


def test_updating_one_joint_gives_the_same_rotations_as_recomputing_all() -> None:
    rng = random.Random(3)
    pose = random_pose(rng)
    local = K.local_rotations(pose)
    for dof in B.DOFS:
        pose[dof] = pose[dof] * 0.5 + 3.0
        K.update_local(local, pose, dof)
        fresh = K.local_rotations(pose)
        for name in fresh:
            assert local[name] == pytest.approx(fresh[name], abs=1e-12), (dof, name)


def test_a_fixed_segment_keeps_the_rotation_it_is_given() -> None:
    flat = K.rz(30.0)
    frames = K.forward({("right", "knee", "flexion"): 60.0}, K.IDENTITY, (0.0, 0.0, 0.0), fixed={"foot_right": flat})
    assert frames["foot_right"][0] == flat


def test_how_far_a_part_reaches_toward_a_support() -> None:
    up: K.Vec = (0.0, 1.0, 0.0)
    ball = K.Ball((1.0, 0.5, 0.0), 0.1)
    assert K.lowest(ball, up) == pytest.approx(0.4)
    assert K.lowest_point(ball, up) == pytest.approx((1.0, 0.4, 0.0))
    lying = K.Ellipsoid((0.0, 0.5, 0.0), K.mul(K.rz(90.0), (0.3, 0.0, 0.0, 0.0, 0.1, 0.0, 0.0, 0.0, 0.2)))
    assert K.lowest(lying, up) == pytest.approx(0.2)  # its long axis now points down
    assert K.lowest(lying, (1.0, 0.0, 0.0)) == pytest.approx(-0.1)
    assert K.lowest_point(lying, up) == pytest.approx((0.0, 0.2, 0.0))
