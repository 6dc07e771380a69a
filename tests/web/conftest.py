"""A copy of the shipped worksheets to serve, and a client that talks to the app as a browser on
this computer would (its Host, its Origin, the run's token)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.helpers import SHIPPED
from worksheet.web.app import create

PORT = 8765


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "worksheets"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def served(folder: Path) -> Iterator[tuple[TestClient, str]]:
    app, token = create(folder, PORT, token="t0ken")
    client = TestClient(app, base_url=f"http://127.0.0.1:{PORT}", headers={"Origin": f"http://127.0.0.1:{PORT}"})
    yield client, f"/{token}/"


def csrf_of(client: TestClient, base: str) -> str:
    import re

    page = client.get(base + "compose").text
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found
    return found.group(1)
