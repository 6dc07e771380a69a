"""Write a finished PDF to disk atomically.

Why: ReportLab's own save opens the target with "wb" before it has the bytes,
so a crash or a kill mid-save leaves a truncated or empty PDF, and a failed
layout leaves the old PDF looking like a fresh one. We render in memory, write
a temporary file in the same folder, flush it to disk and ``os.replace`` it over
the target: readers see the old complete file or the new complete file, never a
partial one. A symlink at the target is replaced, not written through.

What we replace is only ever what we made: a file at the target must be a PDF made by
worksheet (or our own cache file), and never one of the command's inputs; anything
else there is left alone with an ``Error:`` line.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import BuildError, shown
from ..read import files

CREATOR = b"/Creator (worksheet "  # in the document information of every PDF we write
_MAX_OURS = 256 * 1024 * 1024  # a PDF of ours is far smaller; a larger file is someone else's


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


def is_our_pdf(path: Path) -> bool:
    """Whether the file at ``path`` is a PDF that worksheet wrote."""
    try:
        data = files.read_bytes(path, _MAX_OURS, record=False)
    except files.FileProblem:
        return False
    return data.startswith(b"%PDF-") and CREATOR in data


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (False when either cannot be looked at)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_target(path: Path, inputs: Iterable[Path] = (), replaces: Callable[[Path], bool] = is_our_pdf) -> None:
    """Refuse to write ``path`` over one of ``inputs``, over anything that is not ours, or where
    its folder is not a folder."""
    parent = path.parent
    kind = files.kind(parent)
    if kind not in ("absent", "folder"):
        raise BuildError(f"Cannot write {shown(path)}: {shown(parent)} is not a folder.")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as e:
        raise BuildError(f"Cannot write {shown(path)}: {files.reason(e)}.") from None
    if any(same_file(source, path) for source in inputs):
        raise BuildError(f"{shown(path)} is one of the inputs; choose another name for the output.")
    if stat.S_ISLNK(st.st_mode):
        return  # the link itself is replaced; what it points at is never written
    if stat.S_ISDIR(st.st_mode):
        raise BuildError(f"Cannot write {shown(path)}: it is a folder.")
    if not replaces(path):
        what = "a PDF made by worksheet" if replaces is is_our_pdf else "a file made by worksheet"
        raise BuildError(f"{shown(path)} exists and is not {what}; choose another name, or move it away first.")


def write_atomic(path: Path, data: bytes, durable: bool = True, inputs: Iterable[Path] = (),
                 replaces: Callable[[Path], bool] = is_our_pdf) -> None:
    """Replace ``path`` with ``data`` in one step; raise BuildError if it cannot be written.

    ``durable`` also flushes the data to the disk before the rename, so a power cut
    cannot leave an empty file under the new name (skipped for our own cache file).
    ``inputs`` are never written over; an existing file is replaced only if ``replaces``
    says it is ours (a PDF made by worksheet, by default).
    """
    check_target(path, inputs, replaces)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise BuildError(f"Cannot write {shown(path)}: {e.strerror or e}.") from None
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
            raise BuildError(f"Cannot write {shown(path)}: {e.strerror or e}.") from None
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
