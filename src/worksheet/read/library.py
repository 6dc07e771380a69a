"""The exercise library: one YAML file per exercise in ``library/`` beside the worksheets.

Why: exercises recur across worksheets, so each is written once and used by its id
(its file name without ``.yaml``). Ids are plain words (letters, digits, hyphens), so
an id from a file can never name a path outside the folder. Each entry is read at most
once per build; what a worksheet read is what it depends on (for incremental builds).
Importing this module imports no YAML: builds that have nothing to do look up ids here
without reading any entry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from .source import Document

ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class Library:
    """The exercise library: one YAML file per exercise in a folder, each read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: dict[str, Document | InputError | None] = {}

    def ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.yaml") if ID.match(p.stem))

    def entry(self, entry_id: str) -> Document | InputError | None:
        """The parsed entry, the problems that stopped it from being read, or None if absent."""
        if entry_id not in self._entries:
            path = self.folder / f"{entry_id}.yaml"
            found: Document | InputError | None = None
            if path.is_file():
                from .source import read_file  # YAML only when an entry is read

                try:
                    found = read_file(path, memo=True)
                except InputError as e:
                    found = e
            self._entries[entry_id] = found
        return self._entries[entry_id]

    def preload(self, entry_id: str, doc: Document) -> None:
        """Take ``doc`` as the entry ``entry_id`` (an entry checked on its own: a loop back to
        itself is then caught as a loop)."""
        self._entries[entry_id] = doc

    def used_ids(self) -> tuple[str, ...]:
        """Every entry read so far, in the order first used (what a worksheet depends on)."""
        return tuple(i for i, e in self._entries.items() if e is not None)
