"""Faults: a killed build, two builds at once, never a partial PDF."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import DATA
from worksheet.build.cache import CACHE_NAME

BUILD = [sys.executable, "-m", "worksheet", "build", "-q"]


def valid_pdf(path: Path) -> bool:
    try:
        return len(PdfReader(path, strict=True).pages) >= 1
    except Exception:  # noqa: BLE001 - any failure to read it means it is not a whole PDF
        return False


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "worksheets"
    folder.mkdir()
    text = (DATA / "full.yaml").read_text()
    for i in range(40):
        (folder / f"sheet-{i:02}.yaml").write_text(text.replace("Back Pain Relief", f"Sheet {i}"))
    return folder


def test_kill_during_a_batch_leaves_only_whole_pdfs(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run([*BUILD, str(batch), "-o", str(out)], check=True)
    old = {p.name: p.read_bytes() for p in out.glob("*.pdf")}
    for p in batch.glob("*.yaml"):  # new content, so a new PDF differs from the old one
        p.write_text(p.read_text().replace("Sheet", "Changed sheet"))
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([*BUILD, str(batch), "-o", str(out)])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(0.2)  # workers die with the command; give the system a moment to reap them
        for pdf in out.glob("*.pdf"):
            data = pdf.read_bytes()  # one read: judge the bytes, not a file that might change
            assert data, f"{pdf.name} is empty after kill at {delay}s"
            assert len(PdfReader(io.BytesIO(data), strict=True).pages) >= 1
            is_new = PdfReader(io.BytesIO(data)).metadata.title.startswith("Changed sheet")
            assert is_new or data == old[pdf.name], f"{pdf.name} is neither the old PDF nor a new one"
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(old)


def test_killing_a_build_stops_its_workers(batch: Path, tmp_path: Path) -> None:
    text = (DATA / "full.yaml").read_text()
    for i in range(40, 160):  # enough work that the workers are busy when the command dies
        (batch / f"sheet-{i:03}.yaml").write_text(text.replace("Back Pain Relief", f"Sheet {i}"))
    out = tmp_path / "out"
    proc = subprocess.Popen([*BUILD, "-j", "2", str(batch), "-o", str(out)])
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.3)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}
    time.sleep(1.0)
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}
    assert after == before  # nothing is still writing


def test_two_builds_of_the_same_output_at_once_end_valid(tmp_path: Path) -> None:
    out = tmp_path / "out"
    procs = [subprocess.Popen([*BUILD, str(DATA / "full.yaml"), "-o", str(out)]) for _ in range(4)]
    assert [p.wait() for p in procs] == [0, 0, 0, 0]
    assert valid_pdf(out / "full.pdf")
    assert sorted(p.name for p in out.iterdir()) == [CACHE_NAME, "full.pdf"]  # no temp files left
