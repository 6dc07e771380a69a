"""Rebuild worksheets as they are saved (``worksheet watch``).

Why: the editing loop of a clinician is "save, look at the PDF". Watching uses
watchfiles (the operating system's change notifications, not polling by hand).
A change to a library entry rebuilds every worksheet built from it; a worksheet
that failed last time is rebuilt on any library change, since what it uses is
unknown until it reads cleanly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from ..defaults import LIBRARY_FOLDER
from ..model import PrintOptions
from . import pipeline
from .results import BuildResult, Built, Failed


def _watched_folders(paths: list[Path]) -> list[Path]:
    folders: dict[Path, None] = {}
    for p in paths:
        folder = p if p.is_dir() else p.parent
        folders[folder] = None
        if (folder / LIBRARY_FOLDER).is_dir():
            folders[folder / LIBRARY_FOLDER] = None
    return list(folders)


class Watcher:
    """Builds what changed; remembers which library entries each worksheet uses."""

    def __init__(self, paths: list[Path], out_dir: Path, options: PrintOptions | None = None) -> None:
        self.paths = paths
        self.out_dir = out_dir
        self.options = options
        self.uses: dict[Path, set[str] | None] = {}  # None: unknown (the last build failed)

    def worksheets(self) -> list[Path]:
        existing = [p for p in self.paths if p.exists()]
        return pipeline.find_worksheets(existing) if existing else []

    def build(self, targets: list[Path]) -> list[BuildResult]:
        results = []
        for result in pipeline.build_all(targets, self.out_dir, self.options):
            match result:
                case Built():
                    self.uses[result.source.resolve()] = set(result.library_ids)
                case Failed():
                    self.uses[result.source.resolve()] = None
            results.append(result)
        return results

    def affected(self, changed: set[Path]) -> list[Path]:
        """The worksheets to rebuild after these files changed, in the usual order."""
        library = {p.stem for p in changed if p.parent.name == LIBRARY_FOLDER}
        targets = []
        for ws in self.worksheets():
            key = ws.resolve()
            uses = self.uses.get(key)
            if key in changed or (library and (uses is None or uses & library)):
                targets.append(ws)
        return targets

    def run(self, stop: threading.Event | None = None) -> Iterator[list[BuildResult]]:
        """Build everything once, then after each batch of saves build what they affect."""
        import watchfiles

        yield self.build(self.worksheets())
        folders = [str(f) for f in _watched_folders(self.paths)]
        for changes in watchfiles.watch(*folders, debounce=200, step=50, stop_event=stop, raise_interrupt=False):
            changed = {Path(p).resolve() for _, p in changes if p.endswith((".yaml", ".yml"))}
            targets = self.affected(changed)
            if targets:
                yield self.build(targets)
