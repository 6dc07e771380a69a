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

from .. import __version__
from ..model import PrintOptions
from ..read import files
from ..render import fonts

CACHE_NAME = ".worksheet-cache.json"
ABSENT = files.ABSENT


def file_digest(path: Path | str) -> str:
    """The file's hash now; never raises, never waits on a pipe (see :func:`files.digest`)."""
    return files.digest(str(path))


def is_our_cache(path: Path) -> bool:
    """Whether the file at ``path`` is a cache file we wrote (so it may be replaced)."""
    try:
        return files.read_bytes(path, 1 << 30, record=False).startswith(b'{"format":')
    except files.FileProblem:
        return False


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


FORMAT = 2
_MAX_CACHE_BYTES = 1 << 30  # far more than 1,000,000 worksheets need


@dataclass
class Cache:
    """What was built into one output folder, and from what.

    Each PDF's entry holds its options hash, size, page count and the numbers of the
    (file, hash) pairs it was built from; each distinct pair is stored once. A library
    entry used by thousands of worksheets costs one pair, not thousands, so the cache of
    a 10,000-worksheet library stays a few megabytes, in memory and on disk. Pairs are
    per build, not per file: a PDF built before a file changed keeps the old hash.
    """

    folder: Path
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (absolute path, hash)
    entries: dict[str, tuple[str, int, int, tuple[int, ...]]] = field(default_factory=dict)  # options, size, pages, pairs
    _numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    _digests: dict[str, str] = field(default_factory=dict)  # file hashes by absolute path, each read once per run

    @classmethod
    def load(cls, folder: Path) -> Cache:
        """The cache of ``folder``; empty (everything is built) if it is missing, old or damaged."""
        cache = cls(folder)
        try:
            data = json.loads(files.read_bytes(folder / CACHE_NAME, _MAX_CACHE_BYTES, record=False).decode("utf-8"))
            if data.get("format") != FORMAT:
                return cache
            pairs = [(str(p), str(d)) for p, d in data["pairs"]]
            for name, (options, size, pages, numbers) in data["entries"].items():
                if not all(isinstance(n, int) and 0 <= n < len(pairs) for n in numbers):
                    continue
                cache.entries[str(name)] = (str(options), int(size), int(pages), tuple(numbers))
        except (files.FileProblem, ValueError, KeyError, TypeError, AttributeError):
            cache.entries.clear()
            return cache
        cache.pairs = pairs
        cache._numbers = {pair: i for i, pair in enumerate(pairs)}
        return cache

    def _digest(self, path: str) -> str:
        # Plain strings, not Paths: checking 1,000 PDFs hashes about 10,000 file names.
        digest = self._digests.get(path)
        if digest is None:
            digest = self._digests[path] = file_digest(path)
        return digest

    def fresh(self, output: Path, options_key: str) -> int | None:
        """The page count of ``output`` if it is up to date, else None."""
        entry = self.entries.get(output.name)
        if entry is None or entry[0] != options_key:
            return None
        _, size, pages, numbers = entry
        try:
            if output.stat().st_size != size:
                return None
        except OSError:
            return None
        for n in numbers:
            path, digest = self.pairs[n]
            if not os.path.isabs(path) or self._digest(path) != digest:
                return None
        return pages

    def record(self, output: Path, options_key: str, inputs: Iterable[tuple[str, str]], pages: int) -> None:
        """Note what ``output`` was built from: (absolute path, hash) of each input, as hashed
        when it was built."""
        numbers = []
        for pair in inputs:
            n = self._numbers.get(pair)
            if n is None:
                n = self._numbers[pair] = len(self.pairs)
                self.pairs.append(pair)
            numbers.append(n)
        self.entries[output.name] = (options_key, output.stat().st_size, pages, tuple(numbers))

    def save(self) -> None:
        """Write the cache, keeping only the pairs some entry still uses."""
        from .output import write_atomic

        used = sorted({n for *_, numbers in self.entries.values() for n in numbers})
        renumber = {old: new for new, old in enumerate(used)}
        data = {
            "format": FORMAT,
            "pairs": [self.pairs[n] for n in used],
            "entries": {name: [o, size, pages, [renumber[n] for n in numbers]]
                        for name, (o, size, pages, numbers) in sorted(self.entries.items())},
        }
        write_atomic(self.folder / CACHE_NAME, json.dumps(data, separators=(",", ":")).encode(), durable=False, replaces=is_our_cache)
