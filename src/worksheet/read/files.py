"""The one place where input files are opened: worksheets, library entries, clinic files, pictures.

Why: every hazard of the file system is met here once, not in each reader. A name with a
NUL or longer than the system allows, a folder, a pipe or a device where a file should be
(opened without waiting for a writer), a link that loops, a file we may not read or that
is too large: each becomes a :class:`FileProblem` whose words finish "The file ...", so
the caller can report it at the right line. Nothing is read twice: the bytes come back
whole, and while :func:`recording` is active the hash of every file read is noted, so a
build records the bytes it actually used, not a file that changed under it.

Inside :func:`in_memory` the files are not on a disk at all: every read, listing and check is
answered from a mapping of paths to bytes (the pure rendering function, and the web page's
worksheet that has not been saved), with the same limits and the same words for a problem.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

MAX_NAME = 255  # characters in one part of a path (the usual file-system limit)
MAX_PATH = 4096

ABSENT = "absent"  # what the cache records for a file that does not exist

_REASONS = {
    errno.ENOENT: "does not exist",
    errno.ENOTDIR: "does not exist (a part of its path is not a folder)",
    errno.EACCES: "cannot be read: permission denied",
    errno.EPERM: "cannot be read: permission denied",
    errno.ELOOP: "is a link that leads back to itself",
    errno.ENAMETOOLONG: f"has a file name longer than {MAX_NAME} characters",
    errno.EISDIR: "is a folder, not a file",
}


class FileProblem(Exception):
    """Why a file cannot be read, phrased to follow "the file": "does not exist", "is a folder"..."""

    def __init__(self, reason: str, kind: str = "other") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind  # "name", "missing", "folder", "special", "large" or "other"


class TooLarge(FileProblem):
    def __init__(self, limit: int) -> None:
        super().__init__(f"is larger than {limit:,} bytes", "large")
        self.limit = limit


def name_problem(name: str) -> str | None:
    """What is wrong with a file name as written, before the file system sees it."""
    if "\0" in name:
        return "has a NUL character in its name"
    if len(name) > MAX_PATH or any(len(part) > MAX_NAME for part in name.replace("\\", "/").split("/")):
        return f"has a file name longer than {MAX_NAME} characters"
    return None


def reason(error: OSError) -> str:
    """An operating-system error in the same words as a :class:`FileProblem`."""
    known = _REASONS.get(error.errno or 0)
    if known:
        return known
    return f"cannot be read: {(error.strerror or str(error)).lower()}"


_recording: ContextVar[dict[str, str] | None] = ContextVar("worksheet_reads", default=None)


@contextlib.contextmanager
def recording() -> Iterator[dict[str, str]]:
    """Note the SHA-256 of every file read inside the block, by absolute path."""
    reads: dict[str, str] = {}
    token = _recording.set(reads)
    try:
        yield reads
    finally:
        _recording.reset(token)


def note_absent(path: Path) -> None:
    """Record that a file that would have been read (a clinic file) is not there."""
    reads = _recording.get()
    if reads is not None:
        reads.setdefault(os.path.abspath(path), ABSENT)


_memory: ContextVar[tuple[dict[str, bytes], bool] | None] = ContextVar("worksheet_memory", default=None)


@contextlib.contextmanager
def in_memory(tree: Mapping[str, bytes] | Mapping[Path, bytes], disk: bool = False) -> Iterator[None]:
    """Serve the files in ``tree`` (absolute path -> bytes) from memory inside the block; any
    other path is absent, or, with ``disk``, read from the disk as usual (an overlay)."""
    token = _memory.set(({os.path.normpath(k): bytes(v) for k, v in tree.items()}, disk))
    try:
        yield
    finally:
        _memory.reset(token)


def _in_tree(path: Path | str) -> tuple[str, bytes | None] | None:
    """(the kind of ``path``, its bytes when a file) from memory, or None to look on the disk."""
    held = _memory.get()
    if held is None:
        return None
    tree, disk = held
    key = os.path.normpath(path)
    if key in tree:
        return "file", tree[key]
    prefix = key.rstrip("/") + "/"
    if any(k.startswith(prefix) for k in tree):
        return "folder", None
    return None if disk else ("absent", None)


def names_in(folder: Path) -> list[str]:
    """The names of the entries directly in ``folder`` (none if it cannot be listed)."""
    held = _memory.get()
    found: set[str] = set()
    if held is not None:
        prefix = os.path.normpath(folder).rstrip("/") + "/"
        found.update(k[len(prefix):].split("/", 1)[0] for k in held[0] if k.startswith(prefix))
        if not held[1]:
            return sorted(found)
    try:
        with os.scandir(folder) as entries:
            found.update(e.name for e in entries)
    except OSError:
        pass
    return sorted(found)


def is_link(path: Path) -> bool:
    """Whether ``path`` is a symbolic link on the disk (never, for a file held in memory)."""
    return _in_tree(path) is None and os.path.islink(path)


def _open(path: Path | str) -> int:
    """A descriptor for a regular file; FileProblem for anything else. Never waits on a pipe."""
    problem = name_problem(str(path))
    if problem:
        raise FileProblem(problem, "name")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        kind = "missing" if e.errno in (errno.ENOENT, errno.ENOTDIR) else "folder" if e.errno == errno.EISDIR else "other"
        raise FileProblem(reason(e), kind) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as e:  # pragma: no cover - fstat on an open descriptor does not fail in practice
        os.close(fd)
        raise FileProblem(reason(e)) from None
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise FileProblem("is a folder, not a file", "folder")
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise FileProblem("is not a regular file (it may be a pipe or a device)", "special")
    return fd


def read_bytes(path: Path, limit: int, record: bool = True) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes (its hash noted while
    :func:`recording`, unless ``record`` is false)."""
    held = _in_tree(path)
    if held is not None:
        return _held_bytes(path, held, limit, record)
    fd = _open(path)
    try:
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise FileProblem(reason(e)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise TooLarge(limit)
    data = b"".join(chunks)
    reads = _recording.get() if record else None
    if reads is not None:
        reads[os.path.abspath(path)] = hashlib.sha256(data).hexdigest()
    return data


def _held_bytes(path: Path, held: tuple[str, bytes | None], limit: int, record: bool) -> bytes:
    problem = name_problem(str(path))
    if problem:
        raise FileProblem(problem, "name")
    kind, data = held
    if data is None:
        raise FileProblem("is a folder, not a file", "folder") if kind == "folder" else FileProblem(_REASONS[errno.ENOENT], "missing")
    if len(data) > limit:
        raise TooLarge(limit)
    reads = _recording.get() if record else None
    if reads is not None:
        reads[os.path.abspath(path)] = hashlib.sha256(data).hexdigest()
    return data


def digest(path: str) -> str:
    """The SHA-256 of a file as it is now, or a word that no hash can equal: ``absent`` for a
    missing file, ``not-a-file`` or ``unreadable`` otherwise. Never raises, never waits."""
    try:
        fd = _open(path)
    except FileProblem as e:
        return ABSENT if e.kind == "missing" else "not-a-file" if e.kind in ("folder", "special") else "unreadable"
    h = hashlib.sha256()
    try:
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
    except OSError:
        return "unreadable"
    finally:
        os.close(fd)
    return h.hexdigest()


def kind(path: Path) -> str:
    """"file", "absent", or what else is there ("folder", "special", "other"), without opening it."""
    if name_problem(str(path)):
        return "other"
    held = _in_tree(path)
    if held is not None:
        return held[0]
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "absent"
    except NotADirectoryError:
        return "absent"
    except OSError:
        return "other"
    if stat.S_ISREG(mode):
        return "file"
    return "folder" if stat.S_ISDIR(mode) else "special"
