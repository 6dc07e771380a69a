"""Write a finished PDF to disk atomically.

Why: ReportLab's own save opens the target with "wb" before it has the bytes,
so a crash or a kill mid-save leaves a truncated or empty PDF, and a failed
layout leaves the old PDF looking like a fresh one. We render in memory, write
a temporary file in the same folder, flush it to disk and ``os.replace`` it over
the target: readers see the old complete file or the new complete file, never a
partial one. A symlink at the target is replaced, not written through.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..errors import BuildError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; raise BuildError if it cannot be written.

    ``durable`` also flushes the data to the disk before the rename, so a power cut
    cannot leave an empty file under the new name (skipped for our own cache file).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise BuildError(f"Cannot write {path}: {e.strerror or e}.") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, _MODE)
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise BuildError(f"Cannot write {path}: {e.strerror or e}.") from None
        raise
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
