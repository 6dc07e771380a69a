"""The line breaker: words measured once, lines as full as they can be, long words cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run, write
from worksheet.render import fonts
from worksheet.render.linebreak import break_lines, segments, width, word_width, words_of

R, B = fonts.REGULAR, fonts.BOLD
SIZE = 12.0


@pytest.fixture(autouse=True)
def _fonts() -> None:
    fonts.register()


def text_of(lines: list[list[tuple[tuple[str, str], ...]]]) -> list[str]:
    return [" ".join("".join(t for _, t in word) for word in line) for line in lines]


def test_white_space_separates_words_and_a_run_boundary_without_space_joins_them() -> None:
    assert words_of([(B, "Start:"), (R, " Lie  on\nyour back")]) == [
        ((B, "Start:"),), ((R, "Lie"),), ((R, "on"),), ((R, "your"),), ((R, "back"),),
    ]
    assert words_of([(B, "5"), (R, "x a day")]) == [((B, "5"), (R, "x")), ((R, "a"),), ((R, "day"),)]


def test_no_break_spaces_keep_words_together() -> None:
    assert words_of([(R, "5\u00a0to\u00a010 times")]) == [((R, "5\u00a0to\u00a010"),), ((R, "times"),)]


def test_lines_are_filled_greedily_and_never_overflow() -> None:
    words = words_of([(R, "one two three four five six seven eight nine ten")])
    avail = word_width(words[0], SIZE) * 4
    lines = break_lines(words, avail, SIZE)
    assert len(lines) > 1
    for i, line in enumerate(lines):
        used = sum(word_width(w, SIZE) for w in line) + width(" ", R, SIZE) * (len(line) - 1)
        assert used <= avail + 1e-6
        if i + 1 < len(lines):  # the next line's first word would not have fitted
            assert used + width(" ", R, SIZE) + word_width(lines[i + 1][0], SIZE) > avail
    assert " ".join(text_of(lines)) == "one two three four five six seven eight nine ten"


def test_a_word_wider_than_the_line_is_cut_into_pieces_that_fit() -> None:
    word = words_of([(R, "x" * 60)])
    avail = width("x", R, SIZE) * 25.5
    lines = break_lines(word, avail, SIZE)
    assert text_of(lines) == ["x" * 25, "x" * 25, "x" * 10]


def test_a_long_word_is_never_cut_before_a_combining_mark() -> None:
    text = "e\u0301" * 40  # e + combining acute, 40 times
    avail = width("e", R, SIZE) * 7.5
    for line in text_of(break_lines(words_of([(R, text)]), avail, SIZE)):
        assert not line.startswith("\u0301")


def test_segments_merge_one_font_and_put_spaces_between_words() -> None:
    line = break_lines(words_of([(B, "Hold"), (R, " 30 seconds")]), 1000, SIZE)[0]
    assert segments(line) == [(B, "Hold"), (R, " 30 seconds")]
    plain = break_lines(words_of([(R, "just one font")]), 1000, SIZE)[0]
    assert segments(plain) == [(R, "just one font")]


def test_long_word_wraps_inside_the_page(project: Path) -> None:
    word = "x" * 500
    write(project, "w.yaml", f"title: Long\nexercises:\n  - name: Long\n    steps: [{word}]\n")
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    reader = PdfReader(project / "out" / "w.pdf")
    assert "x" * 40 in reader.pages[0].extract_text()


def test_no_paragraph_ends_with_one_word_alone_where_it_can_be_avoided() -> None:
    words = words_of([(R, "Lower slowly, one part of your back at a time, then rest your back.")])
    avail = sum(word_width(w, SIZE) for w in words[:-1]) + width(" ", R, SIZE) * (len(words) - 2) + 1  # all but the last fit
    lines = text_of(break_lines(words, avail, SIZE))
    assert len(lines) == 2 and len(lines[-1].split()) == 2  # "your back." together, not "back." alone


def test_a_word_too_long_for_its_line_breaks_after_a_hyphen() -> None:
    word = words_of([(R, "Montgomery-Fitzgerald-Smythe")])
    avail = width("Montgomery-Fitzgerald-", R, SIZE) + 2
    assert text_of(break_lines(word, avail, SIZE)) == ["Montgomery-Fitzgerald-", "Smythe"]
