"""Reaching for a held body part: the arm or leg finds the angles that put the hand (or the
ankle) where it holds, within the joints' ranges."""

from __future__ import annotations

import pytest

from tests.illustrate.library import figure
from worksheet.illustrate import body as B
from worksheet.illustrate import compose
from worksheet.illustrate import hold as H
from worksheet.illustrate import kinematics as K
from worksheet.illustrate.solve import Solved
from worksheet.illustrate.spec import Contact

ARM = ("shoulder", "elbow")


def knee_to_chest() -> tuple[Solved, Solved]:
    return compose.solved(figure("knee-to-chest"))


def arm_as_at_start(side: str) -> tuple[dict[B.Dof, float], K.Frames]:
    """The end pose of knee to chest with one arm put back where it lay at the start."""
    start, end = knee_to_chest()
    pose = dict(end.pose)
    for dof in pose:
        if dof[0] == side and dof[1] in ARM:
            pose[dof] = start.pose.get(dof, 0.0)
    return pose, K.forward(pose, *end.frames["pelvis"])


def within_limits(pose: dict[B.Dof, float]) -> bool:
    return all(H.limits(d)[0] - 1e-9 <= v <= H.limits(d)[1] + 1e-9 for d, v in pose.items())


def test_joint_limits_are_the_bodys_ranges() -> None:
    assert H.limits(("right", "knee", "flexion")) == (-5, 150)
    assert H.limits(("left", "shoulder", "horizontal adduction")) == (-45, 130)
    for side, joint, motion in B.DOFS:
        m = next(m for m in B.JOINTS[joint].motions if m.name == motion)
        assert H.limits((side, joint, motion)) == (m.low, m.high)


def test_a_hand_reaches_the_knee_it_holds() -> None:
    pose, fr = arm_as_at_start("right")
    c = Contact("hand", "right", "body", ("knee", "right"))
    target = H.target_point(fr, "knee", "right", "right", "arm")
    H.hold(pose, fr, c, None)
    after = K.forward(pose, *knee_to_chest()[1].frames["pelvis"])
    assert K.norm(K.sub(K.hand_part(after, "right").centre, target)) < H.TOL
    assert pose[("right", "elbow", "flexion")] > 45  # the arm bends to hold it
    assert within_limits(pose)


def test_holding_moves_only_the_holding_arm() -> None:
    pose, fr = arm_as_at_start("right")
    before = dict(pose)
    H.hold(pose, fr, Contact("hand", "right", "body", ("knee", "right")), None)
    changed = {d for d in pose if pose[d] != before[d]}
    assert changed and all(d[0] == "right" and d[1] in ARM for d in changed)


def test_a_target_out_of_reach_leaves_every_joint_within_its_range() -> None:
    pose, fr = arm_as_at_start("right")
    H.hold(pose, fr, Contact("hand", "right", "body", ("knee", "right")), (5.0, 5.0, 5.0))
    assert within_limits(pose)


def test_an_arm_out_to_the_side_reaches_behind_the_head_using_all_its_joints_when_it_must() -> None:
    pose, fr = arm_as_at_start("right")
    pose[("right", "shoulder", "abduction")] = 90.0
    fr = K.forward(pose, *knee_to_chest()[1].frames["pelvis"])
    missed = H.hold(pose, fr, Contact("hand", "right", "body", ("head", "")), None)
    assert missed <= H.HOLD_TOL  # kept at 90 degrees the hand cannot get there: the abduction gives


def test_the_library_hands_that_hold_a_knee_or_thigh_reach_it() -> None:
    for fid in ("double-knee-to-chest", "seated-cat-cow", "seated-hamstring-stretch"):
        for pose in compose.solved(figure(fid)):
            for c in pose.contacts:
                if c.support == "body" and c.part == "hand":
                    target = H.target_point(pose.frames, c.target[0], c.target[1], c.side, "arm")
                    miss = K.norm(K.sub(K.hand_part(pose.frames, c.side).centre, target))
                    assert miss < H.TOL, (fid, c, miss)


def test_the_point_an_ankle_rests_on_is_on_top_of_the_other_knee() -> None:
    start, _ = compose.solved(figure("seated-piriformis-stretch"))
    target = H.target_point(start.frames, "knee", "left", "right", "leg")
    knee = start.frames["shank_left"][1]
    assert target[1] > knee[1] + B.R_KNEE  # above the knee, where the ankle rests on it
    assert within_limits(dict(start.pose))


def test_the_small_linear_solver_solves_and_skips_a_singular_row() -> None:
    assert H._linsolve([[2.0, 1.0], [1.0, 3.0]], [3.0, 5.0]) == pytest.approx([0.8, 1.4])
    assert H._linsolve([[0.0, 0.0], [0.0, 1.0]], [1.0, 2.0]) == pytest.approx([0.0, 2.0])  # singular: no step
