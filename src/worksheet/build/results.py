"""What happened to each input: typed results, one class per outcome.

Why: a caller (the CLI, the watcher, the web page) decides what to show by the kind of
result, with ``match``; no flags to test and no attribute that only some results have.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Issue, WorksheetError


@dataclass(frozen=True)
class Built:
    """A PDF was written."""

    source: Path
    output: Path
    pages: int
    library_ids: tuple[str, ...] = ()  # the library entries it was built from
    inputs: tuple[tuple[str, str], ...] = ()  # (absolute path, hash) of every file the PDF depends on
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class UpToDate:
    """The PDF was already built from the same inputs, so it was left as it is."""

    source: Path
    output: Path
    pages: int


@dataclass(frozen=True)
class Valid:
    """The file was checked and has no problem (nothing was written); maybe warnings."""

    source: Path
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Failed:
    """The file has problems, or its PDF could not be made; nothing was written for it."""

    source: Path
    error: WorksheetError


BuildResult = Built | UpToDate | Failed
CheckResult = Valid | Failed
