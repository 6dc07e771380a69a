"""`worksheet watch` with real file changes in a temporary folder, and `worksheet list`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from tests.helpers import MINIMAL, write


def wait_for(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def title_of(pdf: Path) -> str | None:
    try:
        return PdfReader(pdf).metadata.title
    except Exception:  # noqa: BLE001 - a PDF being replaced may not read yet
        return None


def test_watch_rebuilds_on_save_and_on_library_change_and_stops_on_ctrl_c(project: Path) -> None:
    write(project, "worksheets/library/tilt.yaml", "name: Pelvic tilt\nsteps: [Flatten your back.]\n")
    write(project, "worksheets/uses-tilt.yaml", "title: Uses tilt\nexercises:\n  - use: tilt\n    reps: 10\n")
    write(project, "worksheets/plain.yaml", MINIMAL)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "worksheet", "watch", "-o", "out"], cwd=project, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        out = project / "out"
        assert wait_for(lambda: title_of(out / "plain.pdf") == "Test sheet" and title_of(out / "uses-tilt.pdf") == "Uses tilt")
        time.sleep(0.5)  # let the watcher settle before the first save
        plain_before = (out / "plain.pdf").stat().st_mtime_ns
        uses_before = (out / "uses-tilt.pdf").stat().st_mtime_ns

        started = time.monotonic()
        write(project, "worksheets/uses-tilt.yaml", "title: Saved again\nexercises:\n  - use: tilt\n    reps: 10\n")
        assert wait_for(lambda: title_of(out / "uses-tilt.pdf") == "Saved again")
        assert time.monotonic() - started < 5  # well within a second on a quiet machine; CI may be busy

        write(project, "worksheets/uses-tilt.yaml", "title: Broken\nexercises:\n  - use: tilt\n    reps: ten\n")
        time.sleep(1.0)
        assert title_of(out / "uses-tilt.pdf") == "Saved again"  # a failed build keeps the last good PDF

        write(project, "worksheets/uses-tilt.yaml", "title: Fixed\nexercises:\n  - use: tilt\n    reps: 10\n")
        assert wait_for(lambda: title_of(out / "uses-tilt.pdf") == "Fixed")
        uses_before = (out / "uses-tilt.pdf").stat().st_mtime_ns
        write(project, "worksheets/library/tilt.yaml", "name: Pelvic tilt, changed\nsteps: [Flatten your back.]\n")
        assert wait_for(lambda: (out / "uses-tilt.pdf").stat().st_mtime_ns != uses_before)
        time.sleep(0.5)
        assert (out / "plain.pdf").stat().st_mtime_ns == plain_before  # not affected, not rebuilt
    finally:
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=15)
    assert proc.returncode == 0, stderr
    assert "worksheets/uses-tilt.yaml:4:11: 'reps' must be a whole number" in stderr
    assert stderr.rstrip().endswith("Stopped.")
    assert "Traceback" not in stderr
    assert stdout.count("Built out/uses-tilt.pdf") >= 3


