"""Figure data: reading it, and the problems check() reports for impossible or misspelt poses
before anything is placed (names, values, joint ranges)."""

from __future__ import annotations

from typing import Any

import pytest

import worksheet.illustrate as ill
from worksheet.illustrate import spec as S


def problems(**fields: Any) -> list[ill.Problem]:
    return ill.check(ill.from_mapping({"base": "back-lying-knees-bent", **fields}))


def test_knee_bent_200_degrees_names_the_knee() -> None:
    found = problems(end={"knee": 105})  # base 95 + 105 = 200
    assert found == [("end", "knee", "knee flexion of 200 degrees (95 of flexion in the base posture, then 105 of flexion here) "
                                     "is beyond its range of 0 to 150")]


def test_a_sided_key_is_named_with_its_side() -> None:
    found = problems(side="right", end={"other knee": 105})
    assert found == [("end", "other knee", "left knee flexion of 200 degrees (95 of flexion in the base posture, "
                                           "then 105 of flexion here) is beyond its range of 0 to 150")]


def test_a_bare_trunk_is_checked_as_a_whole() -> None:
    assert problems(start={"trunk": 100}) == [
        ("start", "trunk", "trunk flexion of 100 degrees is beyond its range of 0 to 90")]


def test_extension_beyond_range_says_extension() -> None:
    found = problems(start={"right hip extension": 80})
    assert [p for p in found if p.field == "start" and p.joint == "right hip extension"]
    assert ("right hip extension of 40 degrees (40 of flexion in the base posture, then 80 of extension here) is beyond its range "
            "of 0 to 30") in [p.message for p in found]


def test_a_joint_the_base_leaves_at_zero_is_not_explained_by_the_base() -> None:
    assert problems(start={"right hip abduction": 50}) == [
        ("start", "right hip abduction", "right hip abduction of 50 degrees is beyond its range of 0 to 45")]


def test_whole_trunk_range_is_checked_across_its_halves() -> None:
    found = problems(end={"lower back": -25, "upper back": -20})  # 45 of extension in all
    assert any("trunk extension of 45 degrees" in p.message for p in found)


def test_an_unknown_joint_is_named_as_written() -> None:
    found = problems(start={"elbo": 10})
    assert found == [ill.Problem("start", "elbo", found[0].message)]
    assert "'elbo' is not a joint" in found[0].message


def test_an_unknown_motion_and_a_side_on_an_unsided_joint_are_each_named() -> None:
    found = problems(end={"hip spin": 10, "left trunk": 5})
    assert {p.joint for p in found} == {"hip spin", "left trunk"}


def test_an_unknown_base_is_named() -> None:
    found = ill.check(ill.FigureSpec(base="upside-down"))
    assert found[0].field == "base" and found[0].joint == "upside-down"


def test_an_unknown_prop_view_part_and_support_are_each_named() -> None:
    found = problems(props=["trampoline"], view="below", contacts={"tail": "floor", "hands": "cloud"})
    assert ("props", "trampoline") in [(p.field, p.joint) for p in found]
    assert ("view", "below") in [(p.field, p.joint) for p in found]
    found = problems(contacts={"tail": "floor", "hands": "cloud"})
    assert {(p.field, p.joint) for p in found} == {("contacts", "tail"), ("contacts", "hands")}


def test_a_support_that_is_not_among_the_props() -> None:
    found = problems(contacts={"head": "towel"})
    assert found and found[0].field == "contacts" and "towel" in found[0].message


def test_other_needs_the_figures_side() -> None:
    assert problems(end={"other knee": 10})[0].joint == "other knee"


def test_tilt_turn_and_side_out_of_range_are_named_by_their_field() -> None:
    found = problems(tilt=70, turn=-200, side="up")
    assert [(p.field, p.message) for p in found] == [
        ("tilt", "'tilt' must be between -60 and 60 degrees"),
        ("turn", "'turn' must be between -180 and 180 degrees"),
        ("side", "'side' must be left or right")]


def test_an_arrow_naming_no_body_part_is_named() -> None:
    found = problems(arrow="knee, tail")
    assert [(p.field, p.joint) for p in found] == [("arrow", "tail")]
    assert problems(arrow="none") == [] and problems(arrow="twist") == []


def test_from_mapping_reads_what_yaml_gives_in_either_form() -> None:
    spec = ill.from_mapping({"base": "standing", "props": "chair", "start": {"knee": 10},
                             "end": [["hip", 20], ["elbow", 5.5]], "contacts": {"hands": "chair"},
                             "side": "right", "tilt": 10})
    assert spec.props == ("chair",)
    assert spec.start == (("knee", 10.0),) and spec.end == (("hip", 20.0), ("elbow", 5.5))
    assert spec.contacts == (("hands", "chair"),) and spec.side == "right" and spec.tilt == 10.0
    assert hash(spec) == hash(ill.from_mapping({"base": "standing", "props": ["chair"], "start": {"knee": 10},
                                                "end": {"hip": 20, "elbow": 5.5}, "contacts": {"hands": "chair"},
                                                "side": "right", "tilt": 10}))


@pytest.mark.parametrize("data, words", [
    ({"start": {"knee": "ten"}}, "number of degrees"),
    ({"start": {"knee": True}}, "number of degrees"),
    ({"start": 5}, "mapping"),
    ({"colour": "red"}, "unknown figure field"),
    ({"tilt": "up"}, "number of degrees"),
])
def test_from_mapping_rejects_a_wrong_type_saying_what_it_wants(data: dict[str, Any], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        ill.from_mapping({"base": "standing", **data})
    with pytest.raises(ValueError, match="base"):
        ill.from_mapping({"view": "side"})


def test_a_body_part_reads_with_its_sides() -> None:
    assert S.parse_part("hands", "right") == S.PartKey("hand", ("left", "right"))  # plural: both
    assert S.parse_part("hand", "right") == S.PartKey("hand", ("right",))  # the moving side
    assert S.parse_part("hand", "") == S.PartKey("hand", ("left", "right"))
    assert S.parse_part("other foot", "left") == S.PartKey("foot", ("right",))
    assert S.parse_part("chest", "") == S.PartKey("upper back", ("",))  # another word for it
    assert S.parse_part("other foot", "") == "'other foot': 'other' needs the figure's 'side'"
    assert S.parse_part("both head", "") == "'both head': the head has no left or right"


def test_end_contacts_change_the_end_only_and_lifted_removes_a_rest() -> None:
    spec = ill.from_mapping({"base": "back-lying-knees-bent", "side": "right",
                             "end_contacts": {"foot": "lifted", "hands": "knee"}})
    start, _ = S.resolve_contacts(spec, "start")
    end, _ = S.resolve_contacts(spec, "end")
    assert S.Contact("foot", "right", "floor") in start and S.Contact("hand", "left", "floor") in start
    assert not [c for c in end if (c.part, c.side) == ("foot", "right")]
    assert S.Contact("hand", "left", "body", ("knee", "right")) in end  # "knee": the moving side's


def test_the_mat_is_the_floor_when_there_is_one() -> None:
    spec = ill.from_mapping({"base": "back-lying-knees-bent", "props": ["mat"]})
    contacts, _ = S.resolve_contacts(spec, "start")
    assert {c.support for c in contacts} == {"mat"}


def test_pose_changes_add_up_over_the_base_and_remember_the_key() -> None:
    spec = ill.from_mapping({"base": "back-lying-knees-bent", "side": "left", "end": {"hip": 30, "other knee": -20}})
    angles, written, found = S.pose_changes(spec, "end")
    assert found == []
    assert angles[("left", "hip", "flexion")] == 70 and angles[("right", "hip", "flexion")] == 40
    assert angles[("right", "knee", "flexion")] == 75
    assert written == {("left", "hip", "flexion"): "hip", ("right", "knee", "flexion"): "other knee"}
