"""The exercise library: one YAML file per exercise in ``library/`` beside the worksheets.

Why: exercises recur across worksheets, so each is written once and used by its id
(its file name without ``.yaml``). Ids are plain words (letters, digits, hyphens), so
an id from a file can never name a path outside the folder. Each entry is read at most
once per build; what a worksheet read is what it depends on (for incremental builds).
Importing this module imports no YAML: builds that have nothing to do look up ids here
without reading any entry.
"""

from __future__ import annotations

import bisect
import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from .source import Document

ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


_COMPARE_ALL = 500  # up to this many entries, every id is compared for a suggestion
_NEIGHBOURS = 20


def _neighbours(ordered: list[str], key: str) -> list[str]:
    at = bisect.bisect_left(ordered, key)
    return ordered[max(0, at - _NEIGHBOURS):at + _NEIGHBOURS]


class Library:
    """The exercise library: one YAML file per exercise in a folder, each read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries: dict[str, Document | InputError | None] = {}
        self._ids: list[str] | None = None  # the folder, listed once
        self._reversed: list[str] = []

    def ids(self) -> list[str]:
        """Every entry's id, sorted; the folder is listed once per library."""
        if self._ids is None:
            from . import files

            names = [n[:-5] for n in files.names_in(self.folder) if n.endswith(".yaml")]
            self._ids = sorted(n for n in names if ID.match(n))
            self._reversed = sorted(n[::-1] for n in self._ids)
        return self._ids

    def nearest(self, entry_id: str) -> str | None:
        """The id most like ``entry_id``, to suggest for a typo. In a large library only the
        ids next to it in sorted order (forwards and backwards) are compared, so a lookup
        costs the same in a library of ten entries and of ten thousand."""
        ids = self.ids()
        if len(ids) > _COMPARE_ALL:
            candidates = set(_neighbours(ids, entry_id))
            candidates.update(r[::-1] for r in _neighbours(self._reversed, entry_id[::-1]))
            ids = sorted(candidates)
        close = difflib.get_close_matches(entry_id, ids, n=1, cutoff=0.6)
        return close[0] if close else None

    def entry(self, entry_id: str) -> Document | InputError | None:
        """The parsed entry, the problems that stopped it from being read, or None if absent."""
        if entry_id not in self._entries:
            path = self.folder / f"{entry_id}.yaml"
            found: Document | InputError | None = None
            from . import files

            if files.kind(path) == "file":
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
