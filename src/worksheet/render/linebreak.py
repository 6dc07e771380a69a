"""Line breaking for our text: runs of (font, text) into words, and words into lines.

Why: a worksheet's text is user text plus our own bold labels ("Start:"), never
markup, so it can be given as runs of (font, text). A word is measured once (widths
are cached for the whole process) and a paragraph is broken into lines once per width.
Greedy breaking: as many words as fit on each line; a word wider than the line is cut
into pieces that fit, never before a combining mark.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

Run = tuple[str, str]  # (font name, text)
Word = tuple[Run, ...]  # pieces of one word, each in its own font ("Start:" bold, ...)

# Line breaks go at white space, but not at the no-break spaces.
_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
EPSILON = 1e-6


@lru_cache(maxsize=1 << 16)
def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


_KEPT = 4096  # paragraphs whose words and lines are kept: a library's texts at their widths, flat in N


def words_of(runs: Sequence[Run]) -> list[Word]:
    """Runs of text as words: white space separates words; a run boundary without
    white space joins two pieces into one word (``<b>5</b>x`` stays one word). The same
    text is split once per process (a library exercise recurs across a batch)."""
    return list(_words(tuple(runs)))


@lru_cache(maxsize=_KEPT)
def _words(runs: tuple[Run, ...]) -> tuple[Word, ...]:
    words: list[list[Run]] = []
    joined = False  # the next piece continues the last word
    for font, text in runs:
        for i, part in enumerate(_SPACE.split(text)):
            if i:
                joined = False
            if part:
                if joined:
                    words[-1].append((font, part))
                else:
                    words.append([(font, part)])
                joined = True
    return tuple(tuple(w) for w in words)


def word_width(word: Word, size: float) -> float:
    if len(word) == 1:
        return width(word[0][1], word[0][0], size)
    return sum(width(text, font, size) for font, text in word)


def _chop(word: Word, avail: float, size: float) -> list[Word]:
    """A word wider than the line, cut into pieces that fit: after a hyphen where there is one
    on the line ("Montgomery-" / "Fitzgerald"), else between letters (never before a combining
    mark)."""
    chars = [(font, ch) for font, text in word for ch in text]
    pieces: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for font, ch in chars:
        w = width(ch, font, size)
        piece = pieces[-1]
        if used + w > avail + EPSILON and piece and not unicodedata.combining(ch):
            cut = max((i for i, (_, c) in enumerate(piece) if c == "-" and i > 0), default=-1)
            carry = piece[cut + 1:] if cut >= 0 else []
            if cut >= 0:
                del piece[cut + 1:]
            pieces.append(carry)
            used = sum(width(c, f, size) for f, c in carry)
        pieces[-1].append((font, ch))
        used += w
    return [_runs(p) for p in pieces if p]


def _runs(chars: list[tuple[str, str]]) -> Word:
    out: list[Run] = []
    for font, ch in chars:
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return tuple(out)


def break_lines(words: Sequence[Word], avail: float, size: float) -> list[list[Word]]:
    """Greedy line breaking: as many words as fit on each line, long words cut. Then, where it
    can, no paragraph ends with one short word alone on its last line: the word before it
    comes down too ("...at a / time." rather than "...at a time / back."). The same words at
    the same width are broken once per process: a second, tighter layout of a page and the
    next worksheet using the same exercise find their lines made."""
    return [list(line) for line in _broken(tuple(words), avail, size)]


@lru_cache(maxsize=_KEPT)
def _broken(words: tuple[Word, ...], avail: float, size: float) -> tuple[tuple[Word, ...], ...]:
    lines: list[list[Word]] = []
    line: list[Word] = []
    used = 0.0
    for word in words:
        w = word_width(word, size)
        if line:
            gap = width(" ", word[0][0], size)
            if used + gap + w <= avail + EPSILON:
                line.append(word)
                used += gap + w
                continue
            lines.append(line)
        if w > avail + EPSILON:
            *full, last = _chop(word, avail, size)
            lines += [[piece] for piece in full]
            line, used = [last], word_width(last, size)
        else:
            line, used = [word], w
    if line:
        lines.append(line)
    if len(lines) >= 2 and len(lines[-1]) == 1 and len(lines[-2]) >= 3:
        moved, last = lines[-2][-1], lines[-1][0]
        if word_width(moved, size) + width(" ", last[0][0], size) + word_width(last, size) <= avail + EPSILON:
            lines[-2] = lines[-2][:-1]
            lines[-1] = [moved, last]
    return tuple(tuple(line) for line in lines)


def segments(line: list[Word]) -> list[Run]:
    """A line as runs to draw: neighbouring pieces in one font merged, spaces between words."""
    font = line[0][0][0]
    if all(len(w) == 1 and w[0][0] == font for w in line):  # the usual case: one font
        return [(font, " ".join(w[0][1] for w in line))]
    out: list[list[str]] = []
    for i, word in enumerate(line):
        for j, (font, text) in enumerate(word):
            if i and not j:
                text = " " + text
            if out and out[-1][0] == font:
                out[-1][1] += text
            else:
                out.append([font, text])
    return [(f, t) for f, t in out]
