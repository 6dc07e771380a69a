"""Alt text: one plain sentence, written from the pose data, every phrase through ``tr``."""

from __future__ import annotations

import re
from typing import Any

import pytest

import worksheet.illustrate as ill
from tests.illustrate.library import BRIDGE, IDS, entry, figure
from worksheet.illustrate import words as W
from worksheet.illustrate.postures import BASES


def words(**data: Any) -> str:
    return ill.alt_text(ill.from_mapping(data))


@pytest.mark.parametrize("fid", IDS)
def test_every_library_alt_text_is_one_short_sentence(fid: str) -> None:
    text = ill.alt_text(figure(fid))
    assert text[0].isupper() and ";" in text and "\n" not in text
    assert len(text) < 160


def _shout(text: str) -> str:
    """A stand-in translation: upper case, leaving {placeholders} alone."""
    return "".join(p if p.startswith("{") else p.upper() for p in re.split(r"(\{\w+\})", text))


def test_every_word_of_the_alt_text_comes_through_tr() -> None:
    for fid in IDS:
        spec = figure(fid)
        text = ill.alt_text(spec, _shout)
        assert not re.search(r"[a-z]", text), (fid, text)
        assert ill.alt_text(spec).upper() == text, fid


def test_a_bridge_and_plain_standing_read_as_a_person_would_say_them() -> None:
    bridge = ill.from_mapping({"base": "back-lying-knees-bent", "end": {"hips": -40},
                               "end_contacts": {"buttocks": "lifted"}})
    assert ill.alt_text(bridge) == "Lying on your back, knees bent; lifting your hips"
    assert ill.alt_text(ill.FigureSpec(base="standing")) == "Standing"


def test_a_bridge_says_lying_on_the_back_and_lifting_the_hips() -> None:
    position, movement = ill.alt_text(BRIDGE).split("; ")
    assert "Lying on your back" in position and movement == "lifting your hips"
    assert entry("bridge").figure_alt == ill.alt_text(BRIDGE)  # the library's bridge is the same data


def test_one_knee_or_both_is_said_as_the_data_shows() -> None:
    assert words(base="back-lying-knees-bent", side="right", end={"hip": 75, "knee": 20},
                 end_contacts={"foot": "lifted", "hands": "knee"}).endswith("; pulling one knee to your chest")
    assert words(base="back-lying-knees-bent", end={"hips": 75, "knees": 20},
                 end_contacts={"feet": "lifted", "hands": "knees"}).endswith("; pulling both knees to your chest")


def test_a_change_too_small_to_see_is_not_described() -> None:
    assert words(base="back-lying-knees-bent", end={"hips": 2}) == "Lying on your back, knees bent"


def test_a_prop_that_shapes_the_position_is_named() -> None:
    assert words(base="back-lying-knees-bent", props=["mat", "pillow"], end={"hip adduction": 10}) == (
        "Lying on your back, knees bent, a pillow between your knees; squeezing your knees together")


def test_every_pattern_that_joins_phrases_goes_through_tr() -> None:
    seen: list[str] = []

    def tr(text: str) -> str:
        seen.append(text)
        return text

    ill.alt_text(ill.from_mapping({"base": "back-lying-knees-bent", "props": ["mat", "pillow"],
                                   "end": {"hip adduction": 10}}), tr)
    assert W.PATTERNS["sentence"] in seen and W.PATTERNS["with"] in seen
    assert W.BASES["back-lying-knees-bent"] in seen and W.PROPS["pillow"] in seen


def test_every_base_has_words_and_a_context() -> None:
    assert set(W.BASES) == set(BASES) == set(W.CONTEXT)
