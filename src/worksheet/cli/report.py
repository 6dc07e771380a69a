"""Problems as a person reads them: the located line, then the offending line with a caret.

Why: ``path:line:col: message`` lets an editor jump to the spot; the excerpt under it
lets a person see the spot without opening the file. Colour is added only when the
caller says the output is a terminal (and NO_COLOR is not set).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import click

from ..errors import Issue
from ..read import files

WIDTH = 100  # characters of a long line shown around the column
_BREAK = re.compile(r"\r\n?|\n")  # lines as the reader counts them (editors' way)


@lru_cache(maxsize=64)
def _lines(path: str) -> tuple[str, ...] | None:
    try:
        data = files.read_bytes(Path(path), 2_000_000, record=False)  # never waits on a pipe
        return tuple(_BREAK.split(data.decode("utf-8-sig")))
    except (files.FileProblem, UnicodeDecodeError):
        return None


def excerpt(issue: Issue) -> list[str]:
    """The offending line and a caret under the column, or nothing if the line cannot be shown.
    A long line is cut to :data:`WIDTH` characters around the column."""
    lines = _lines(issue.path)
    if not lines or not 1 <= issue.line <= len(lines):
        return []
    text = lines[issue.line - 1]
    caret = issue.col - 1
    if len(text) > WIDTH:
        start = max(0, min(caret - WIDTH // 2, len(text) - WIDTH))
        text = ("…" if start else "") + text[start:start + WIDTH] + ("…" if start + WIDTH < len(text) else "")
        caret = caret - start + (1 if start else 0)
    text = text.replace("\t", " ")
    if not text.strip() or any(not (c.isprintable() or c == " ") for c in text):
        return []
    gutter = str(issue.line).rjust(4)
    return [f"{gutter} | {text}", f"{' ' * len(gutter)} | {' ' * caret}^"]


def format_issue(issue: Issue, color: bool = False) -> str:
    head = issue.format()
    rest = excerpt(issue)
    if color:
        where, _, message = head.partition(": ")
        hue = "yellow" if issue.warning else "red"
        head = click.style(where + ":", bold=True) + " " + click.style(message, fg=hue)
        if rest:
            rest[1] = rest[1][:-1] + click.style("^", fg=hue, bold=True)
    return "\n".join([head, *rest])


def clear_cache() -> None:
    """Forget file contents read for excerpts (a file may change while watching)."""
    _lines.cache_clear()
