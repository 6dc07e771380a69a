"""Rebuild worksheets as they are saved (``worksheet watch``).

Why: the editing loop of a clinician is "save, look at the PDF". Watching uses
watchfiles (the operating system's change notifications, not polling by hand).
A change to any file a worksheet's PDF was made from (the worksheet, its library
entries, its pictures, the clinic file and its logo, or a clinic file that appears)
rebuilds that worksheet, and only it; the build records those files. A worksheet
that failed last time is rebuilt on any change, since what it uses is unknown until
it reads cleanly.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from ..model import PrintOptions
from . import pipeline
from .results import BuildResult, Built, Failed


def _watched_folders(paths: list[Path]) -> list[str]:
    """The folders holding the worksheets, watched with everything under them (library entries,
    pictures and clinic files live there)."""
    folders = {str(p if p.is_dir() else p.parent): None for p in paths}
    return list(folders)


def _key(path: Path | str) -> str:
    return os.path.realpath(path)


class Watcher:
    """Builds what changed; remembers which files each worksheet was made from."""

    def __init__(self, paths: list[Path], out_dir: Path, options: PrintOptions | None = None) -> None:
        self.paths = paths
        self.out_dir = out_dir
        self.options = options
        self.depends: dict[str, set[str] | None] = {}  # worksheet -> its inputs; None: unknown (it failed)

    def worksheets(self) -> list[Path]:
        existing = [p for p in self.paths if p.exists()]
        return pipeline.find_worksheets(existing) if existing else []

    def build(self, targets: list[Path]) -> list[BuildResult]:
        results = []
        for result in pipeline.build_all(targets, self.out_dir, self.options, keep_inputs=True):
            match result:
                case Built():
                    self.depends[_key(result.source)] = {_key(p) for p, _ in result.inputs}
                    result = dataclasses.replace(result, inputs=())
                case Failed():
                    self.depends[_key(result.source)] = None
            results.append(result)
        return results

    def affected(self, changed: set[Path]) -> list[Path]:
        """The worksheets to rebuild after these files changed, in the usual order."""
        keys = {_key(p) for p in changed}
        targets = []
        for ws in self.worksheets():
            key = _key(ws)
            depends = self.depends.get(key)
            if key in keys or depends is None or depends & keys:
                targets.append(ws)
        return targets

    def run(self, stop: threading.Event | None = None) -> Iterator[list[BuildResult]]:
        """Build everything once, then after each batch of saves build what they affect."""
        import watchfiles

        yield self.build(self.worksheets())
        out = _key(self.out_dir)
        for changes in watchfiles.watch(*_watched_folders(self.paths), debounce=200, step=50, stop_event=stop, raise_interrupt=False):
            changed = {Path(p) for _, p in changes if not _key(p).startswith(out + os.sep)}
            targets = self.affected(changed)
            if targets:
                yield self.build(targets)
