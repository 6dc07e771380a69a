"""Incremental builds: a PDF whose inputs have not changed is not built again.

Why: clinics rebuild the whole library after every edit. A worksheet's PDF
depends on the worksheet file, the library entries it uses, its pictures, the
clinic file beside it (or its absence), the printing options, the fonts and the
tool's version. All of that is reduced to hashes in ``.worksheet-cache.json``
in the output folder; checking it needs no YAML parsing and no ReportLab.
Options are stored only as a hash, so a patient's name never appears there.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import __version__, fonts
from .model import PrintOptions

CACHE_NAME = ".worksheet-cache.json"
ABSENT = "absent"


def file_digest(path: Path | str) -> str:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except (FileNotFoundError, NotADirectoryError):
        return ABSENT


@cache
def _tool_digest() -> str:
    """The tool's version and its font files: a new release or new fonts rebuild everything."""
    h = hashlib.sha256(__version__.encode())
    for face in sorted(fonts.FACES):
        h.update(fonts.font_path(face).read_bytes())
    return h.hexdigest()


def options_digest(options: PrintOptions) -> str:
    """The printing options, hashed: names given with --patient are never stored in clear."""
    return hashlib.sha256(repr((_tool_digest(), options)).encode()).hexdigest()


@dataclass
class Cache:
    """What was built into one output folder, and from what."""

    folder: Path
    entries: dict[str, dict] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)  # file hashes by absolute path, each read once per run
    _strings: dict[str, str] = field(default_factory=dict)  # one copy of each path and hash recorded

    @classmethod
    def load(cls, folder: Path) -> Cache:
        try:
            data = json.loads((folder / CACHE_NAME).read_text(encoding="utf-8"))
            entries = data["entries"] if data.get("format") == 1 else {}
        except (OSError, ValueError, KeyError, TypeError):
            entries = {}
        return cls(folder, entries if isinstance(entries, dict) else {})

    def _digest(self, path: str) -> str:
        # Plain strings, not Paths: checking 1,000 PDFs hashes about 10,000 file names.
        digest = self._digests.get(path)
        if digest is None:
            digest = self._digests[path] = file_digest(path)
        return digest

    def fresh(self, output: Path, options_key: str) -> int | None:
        """The page count of ``output`` if it is up to date, else None."""
        entry = self.entries.get(output.name)
        if not isinstance(entry, dict) or entry.get("options") != options_key:
            return None
        try:
            if output.stat().st_size != entry.get("size"):
                return None
            files = entry["files"]
            if not all(os.path.isabs(p) and self._digest(p) == d for p, d in files.items()):
                return None
            return int(entry["pages"])
        except (OSError, KeyError, TypeError, ValueError):
            return None

    def record(self, output: Path, options_key: str, inputs: Iterable[tuple[str, str]], pages: int) -> None:
        """Note what ``output`` was built from: (absolute path, hash) of each input, as hashed
        when it was built. The same library files appear in thousands of entries: their names
        and hashes are stored once (interned), so memory stays small over a long batch."""
        self.entries[output.name] = {
            "options": self._shared(options_key),
            "size": output.stat().st_size,
            "pages": pages,
            "files": {self._shared(p): self._shared(d) for p, d in inputs},
        }

    def _shared(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def save(self) -> None:
        from .output import write_atomic

        data = json.dumps({"format": 1, "entries": self.entries}, sort_keys=True, separators=(",", ":")).encode()
        write_atomic(self.folder / CACHE_NAME, data, durable=False)
