"""Atomic writes: the old file or the new one, never a mix; symlinks are replaced, not followed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worksheet.build.output import write_atomic
from worksheet.errors import BuildError

OLD = b"%PDF-1.4 old /Creator (worksheet 0.1.0)"  # a PDF of ours, as far as the checks go
NEW = b"%PDF-1.4 new /Creator (worksheet 0.1.0)"


def test_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.pdf"
    write_atomic(target, OLD)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]


def test_symlink_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "a.pdf"
    link.symlink_to(victim)
    write_atomic(link, b"%PDF")
    assert victim.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"%PDF"


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(OLD)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(BuildError, match="No space left on device"):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_disk_full_on_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    target = tmp_path / "a.pdf"
    target.write_bytes(OLD)
    real_mkstemp = tempfile.mkstemp

    def full_disk(**kwargs):  # a temp file whose writes fail with ENOSPC, like a full disk
        fd, name = real_mkstemp(**kwargs)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    with pytest.raises(BuildError, match="No space left on device"):
        write_atomic(target, NEW * 100_000)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_never_over_an_input_or_a_file_we_did_not_make(tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 made by someone else")
    with pytest.raises(BuildError, match=r"notes\.pdf exists and is not a PDF made by worksheet"):
        write_atomic(notes, NEW)
    assert notes.read_bytes() == b"%PDF-1.4 made by someone else"
    mine = tmp_path / "mine.pdf"
    mine.write_bytes(OLD)
    with pytest.raises(BuildError, match=r"mine\.pdf is one of the inputs"):
        write_atomic(mine, NEW, inputs=[tmp_path / "." / "mine.pdf"])
    assert mine.read_bytes() == OLD


def test_a_target_whose_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(BuildError, match="out is not a folder"):
        write_atomic(tmp_path / "out" / "a.pdf", NEW)
