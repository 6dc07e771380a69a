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


@dataclass(frozen=True, order=True)
class Issue:
    """One located problem in an input file."""

    path: str
    line: int  # 1-based
    col: int  # 1-based
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"

    def __str__(self) -> str:
        return self.format()


class WorksheetError(Exception):
    """Base class of every error that is the user's to fix (no traceback)."""


class InputError(WorksheetError):
    """A file has one or more located problems; nothing was written for it."""

    def __init__(self, issues: list[Issue]) -> None:
        if not issues:
            raise ValueError("InputError needs at least one issue")
        # Sorted by position, duplicates (same place, same words) dropped.
        self.issues: list[Issue] = sorted(set(issues), key=lambda i: (i.path, i.line, i.col, i.message))
        super().__init__("\n".join(i.format() for i in self.issues))

    def __reduce__(self):  # so a worker process can send it back whole
        return (InputError, (self.issues,))


class BuildError(WorksheetError):
    """A worksheet could not be laid out or written; the message says why."""


class FontError(WorksheetError):
    """A font file we ship is missing or unreadable (a broken install)."""


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the current folder when inside it."""
    here = Path(os.path.abspath(path))  # not resolve(): a link is shown by its own name
    try:
        return str(here.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
