"""The one place input files are opened: regular files only, no waiting, located reasons, hashes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from worksheet.read import files


def test_reads_a_regular_file_and_records_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"title: T\n")
    with files.recording() as reads:
        assert files.read_bytes(path, 100) == b"title: T\n"
        files.note_absent(tmp_path / "clinic.yaml")
    assert reads == {str(path): hashlib.sha256(b"title: T\n").hexdigest(), str(tmp_path / "clinic.yaml"): "absent"}
    assert files.read_bytes(path, 100) == b"title: T\n"  # outside a recording: nothing noted


@pytest.mark.parametrize(("make", "kind", "reason"), [
    (lambda p: None, "missing", "does not exist"),
    (lambda p: p.mkdir(), "folder", "is a folder, not a file"),
    (lambda p: os.mkfifo(p), "special", "is not a regular file (it may be a pipe or a device)"),
    (lambda p: os.symlink(p.name, p), "other", "is a link that leads back to itself"),
])
def test_what_is_not_a_regular_file_is_a_reason_not_a_wait(tmp_path: Path, make, kind: str, reason: str) -> None:
    path = tmp_path / "x.yaml"
    make(path)
    with pytest.raises(files.FileProblem) as e:
        files.read_bytes(path, 100)
    assert (e.value.kind, e.value.reason) == (kind, reason)


def test_names_are_checked_before_the_file_system_sees_them(tmp_path: Path) -> None:
    assert files.name_problem("a\0b.png") == "has a NUL character in its name"
    assert files.name_problem("a" * 300 + ".png") == "has a file name longer than 255 characters"
    assert files.name_problem("images/" + "a" * 200 + ".png") is None
    with pytest.raises(files.FileProblem, match="NUL"):
        files.read_bytes(Path("a\0b"), 10)


def test_too_large_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(files.TooLarge):
        files.read_bytes(path, 999)


def test_digest_never_raises_or_waits(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_bytes(b"abc")
    assert files.digest(str(tmp_path / "fifo")) == "not-a-file"
    assert files.digest(str(tmp_path / "folder")) == "not-a-file"
    assert files.digest(str(tmp_path / "missing")) == "absent"
    assert files.digest(str(tmp_path / "file")) == hashlib.sha256(b"abc").hexdigest()
    assert [files.kind(tmp_path / n) for n in ("fifo", "folder", "missing", "file")] == ["special", "folder", "absent", "file"]
