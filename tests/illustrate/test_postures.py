"""The named base postures, the body parts that can rest on something, and the props' sizes."""

from __future__ import annotations

import pytest

import worksheet.illustrate as ill
from worksheet.illustrate import body as B
from worksheet.illustrate import postures as P
from worksheet.illustrate import spec as S


def test_every_base_is_valid_in_every_view() -> None:
    for base in P.BASES:
        for view in ("side", "front", "top"):
            props = ("chair",) if base == "sitting-chair" else ()
            assert ill.check(ill.FigureSpec(base=base, view=view, props=props)) == [], (base, view)


@pytest.mark.parametrize("base", sorted(P.BASES))
def test_a_base_is_written_like_an_exercise_and_within_every_range(base: str) -> None:
    b = P.BASES[base]
    assert b.id == base
    for text, _ in b.angles:
        assert isinstance(B.parse_key(text), B.Key), text
    angles, written, found = S.pose_changes(S.FigureSpec(base=base), "start")
    assert found == [] and written == {}
    assert S.range_problems(angles, written, "base") == []


@pytest.mark.parametrize("base", sorted(P.BASES))
def test_a_base_rests_known_parts_on_known_supports(base: str) -> None:
    contacts = P.BASES[base].contacts
    assert contacts, base
    for part, support in contacts:
        assert not isinstance(S.parse_part(part, ""), str), part
        assert support in P.HORIZONTAL + P.UPRIGHT or not isinstance(S.parse_part(support, ""), str), support


def test_every_part_name_and_alias_is_a_part() -> None:
    assert set(P.PART_ALIASES.values()) <= set(P.PARTS)
    assert set(P.TORSO_PARTS) <= set(P.PARTS) and set(P.SIDED_PARTS) <= set(P.PARTS)
    for torso in P.TORSO_PARTS.values():
        assert all(0 <= i < len(B.TORSO) for i in torso)


def test_the_joints_that_give_for_a_contact_are_joints() -> None:
    for part, joints in P.FIT.items():
        assert part in P.PARTS, part
        assert set(joints) <= set(B.JOINTS), part


def test_lying_bases_turn_the_body_and_standing_keeps_it_upright() -> None:
    assert P.BASES["back-lying-knees-bent"].turn == 90 and P.BASES["face-down"].turn == -90
    assert P.BASES["standing"].upright and not P.BASES["back-lying-knees-bent"].upright
    assert P.BASES["side-lying"].side_lying


def test_the_chair_seat_is_at_the_bodys_knee_height() -> None:
    assert P.CHAIR["seat"] == B.SEAT_H
    assert 0 < P.MAT_T < P.TOWEL_H < 2 * P.ROLLER_R  # a mat is thinner than a towel, a towel than a roller
