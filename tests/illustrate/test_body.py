"""The body: one table of proportions and joint ranges, and how a clinician's joint key is read."""

from __future__ import annotations

import pytest

from worksheet.illustrate import body as B


def key(text: str) -> B.Key:
    parsed = B.parse_key(text)
    assert isinstance(parsed, B.Key), parsed
    return parsed


def test_a_joint_key_reads_as_the_sides_joint_and_motion_it_moves() -> None:
    k = key("right hip abduction")
    assert (k.side, k.joint.name, k.motion.name) == ("right", "hip", "abduction")
    both_hips = [(("left", "hip", "flexion"), 10), (("right", "hip", "flexion"), 10)]
    assert B.expand(key("hips"), 10, "right") == both_hips
    assert B.expand(key("knee"), 10, "right") == [(("right", "knee", "flexion"), 10)]
    assert [d[0] for d, _ in B.expand(key("knee"), 10, "")] == ["left", "right"]
    assert B.expand(key("other knee"), 10, "right") == [(("left", "knee", "flexion"), 10)]
    assert B.expand(key("ankle plantar flexion"), 10, "left") == [(("left", "ankle", "dorsiflexion"), -10)]
    assert sum(v for _, v in B.expand(key("trunk"), 40, "")) == pytest.approx(40)


def test_lengths_are_fractions_of_standing_height_and_the_leg_reaches_the_hip() -> None:
    lengths = [B.THIGH, B.SHANK, B.FOOT, B.UPPER_ARM, B.FOREARM, B.HAND, B.H_HIP, B.SHOULDER_H]
    assert all(0 < v < 1 for v in lengths)
    assert B.THIGH + B.SHANK + B.ANKLE_H == pytest.approx(B.H_HIP)  # standing: hip height is the leg
    # a standard seat is at the back of the knee, with the shin upright and the foot flat
    assert B.SEAT_H == pytest.approx(B.SHANK + B.ANKLE_H - B.R_KNEE, abs=0.01)


def test_limbs_taper_from_the_trunk_outward() -> None:
    assert B.R_THIGH_TOP > B.R_CALF > B.R_KNEE > B.R_ANKLE > 0
    assert B.R_SHOULDER > B.R_ELBOW > B.R_WRIST > 0


def test_left_and_right_have_the_same_joints_and_motions() -> None:
    left = sorted((j, m) for s, j, m in B.DOFS if s == "left")
    right = sorted((j, m) for s, j, m in B.DOFS if s == "right")
    assert left == right and left
    sided = {j for s, j, _ in B.DOFS if s}
    assert sided == {name for name, joint in B.JOINTS.items() if joint.sided}
    assert not any(j == "trunk" for _, j, _ in B.DOFS)  # a trunk key is shared onto its two halves


def test_standing_neutral_is_inside_every_range() -> None:
    for joint in B.JOINTS.values():
        for m in joint.motions:
            assert m.low <= 0 <= m.high, (joint.name, m.name)


def test_the_trunk_is_shared_between_its_halves_in_full() -> None:
    for lower, upper in [*B.TRUNK_SHARE.values(), B.TRUNK_SHARE_EXTENSION]:
        assert lower + upper == pytest.approx(1.0)
    extension = dict(B.expand(key("trunk extension"), 30, ""))
    assert extension[("", "lower back", "flexion")] == pytest.approx(-30 * B.TRUNK_SHARE_EXTENSION[0])
    assert sum(extension.values()) == pytest.approx(-30)


def test_the_opposite_name_or_an_alias_reads_as_the_same_motion() -> None:
    assert key("hip extension").sign == -1 and key("hip extension").motion.name == "flexion"
    assert key("hip rotation").motion.name == "external rotation" and key("hip rotation").sign == 1
    assert key("trunk side bend left").sign == -1
    assert key("Left_Shoulder-Blade Retraction").joint.name == "shoulder blades"  # case, _ and - forgiven
    assert key("shoulder blades").motion.name == "retraction"


@pytest.mark.parametrize("text, words", [
    ("elbo", "'elbo' is not a joint; joints are hip, knee"),
    ("left hips", "'left hips': write 'left hip' for one side"),
    ("left trunk", "'left trunk': the trunk has no left or right"),
    ("hip spin", "'hip spin': the hip moves by flexion (extension), abduction (adduction)"),
])
def test_a_wrong_key_gets_a_sentence_saying_what_is_wrong(text: str, words: str) -> None:
    message = B.parse_key(text)
    assert isinstance(message, str) and message.startswith(words)


def test_the_sides_a_key_moves_follow_the_figures_moving_side() -> None:
    assert B.key_sides(key("knee"), "") == ("left", "right")
    assert B.key_sides(key("knee"), "left") == ("left",)
    assert B.key_sides(key("knees"), "left") == ("left", "right")
    assert B.key_sides(key("other knee"), "left") == ("right",)
    assert B.key_sides(key("right knee"), "left") == ("right",)
    assert B.key_sides(key("neck"), "right") == ("",)
