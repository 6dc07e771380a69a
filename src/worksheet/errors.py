"""Error types shared by every step of the pipeline.

Why: a clinician fixes a worksheet in an editor, so every mistake in a file must
come back as ``path:line:col: message`` (1-based, the position of the offending
key or value), all of them at once. User mistakes and our own bugs are kept
apart: only :class:`WorksheetError` and its subclasses are turned into clean
``Error:`` lines by the CLI; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MEMORY_ROOT = "/worksheet-in-memory/"  # the folder the pure function's files seem to be in (see build.pure)


@dataclass(frozen=True, order=True)
class Issue:
    """One located problem in an input file; a ``warning`` is printed but builds anyway."""

    path: str
    line: int  # 1-based
    col: int  # 1-based
    message: str
    warning: bool = False

    def format(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{escape(self.path)}:{self.line}:{self.col}: {kind}{self.message}"

    def __str__(self) -> str:
        return self.format()


class WorksheetError(Exception):
    """Base class of every error that is the user's to fix (no traceback)."""


MAX_REPORTED = 100  # problems kept per error; the rest are counted ("and 4,900 more")


class InputError(WorksheetError):
    """A file has one or more located problems; nothing was written for it.

    Only the first :data:`MAX_REPORTED` (by position) are kept; ``more`` counts the rest, so
    a file of 100,000 mistakes costs no more to report than one of a hundred.
    """

    def __init__(self, issues: list[Issue], more: int = 0) -> None:
        if not issues:
            raise ValueError("InputError needs at least one issue")
        # Sorted by position, duplicates (same place, same words) dropped.
        ordered = sorted(set(issues), key=lambda i: (i.path, i.line, i.col, i.message))
        self.issues: list[Issue] = ordered[:MAX_REPORTED]
        self.more = more + len(ordered) - len(self.issues)
        super().__init__("\n".join(i.format() for i in self.issues))

    def __reduce__(self) -> tuple[type[InputError], tuple[list[Issue], int]]:  # a worker process sends it back whole
        return (InputError, (self.issues, self.more))


class BuildError(WorksheetError):
    """A worksheet could not be laid out or written; the message says why."""


class FontError(WorksheetError):
    """A font file we ship is missing or unreadable (a broken install)."""


def display_path(path: Path | str) -> str:
    """The path relative to the current folder when inside it (for an Issue, which escapes it
    when printed, and for opening the file again to show an excerpt)."""
    if str(path).startswith(MEMORY_ROOT):  # a file held in memory: by its name in its folder
        return str(path)[len(MEMORY_ROOT):]
    here = Path(os.path.abspath(path))  # not resolve(): a link is shown by its own name
    try:
        return str(here.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def escape(text: str) -> str:
    """Text safe to print on a terminal: every character that is not printable (escape
    sequences, line breaks, right-to-left overrides...) is shown as its escape (\\x1b, \\n)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def shown(path: Path | str) -> str:
    """A path as it goes into a message: relative where it can be, and escaped."""
    return escape(display_path(path))
