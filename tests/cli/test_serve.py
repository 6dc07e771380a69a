"""worksheet serve: on 127.0.0.1 only, at an address with the run's token, until Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.helpers import SHIPPED, run


def _listening(port: int) -> list[str]:
    """The local addresses listening on ``port`` (from the kernel's own table)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.append(address)
    return found


def test_serve_listens_on_loopback_only_with_a_token_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "worksheet", "serve", str(SHIPPED), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        m = re.search(r"http://127\.0\.0\.1:(\d+)/([\w-]+)/", line)
        assert m, line
        port, address = int(m.group(1)), m.group(0)
        for _ in range(50):
            if _listening(port):
                break
            time.sleep(0.1)
        assert _listening(port) == ["0100007F"]  # 127.0.0.1, and nothing else
        with urllib.request.urlopen(address, timeout=10) as response:
            assert response.status == 200 and b"Worksheets" in response.read()
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0


def test_serve_refuses_a_folder_that_is_not_one(tmp_path: Path) -> None:
    result = run("serve", str(tmp_path / "nothing"), "--no-browser")
    assert result.exit_code == 1 and "is not a folder of worksheets" in result.stderr
