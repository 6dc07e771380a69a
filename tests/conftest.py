"""Fixtures and options for the whole suite. Helper functions are in tests/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import KNEE, write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="Rewrite the golden page dumps (tests/render/golden/) from the current layout instead of checking them.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, made the current directory (paths print relative to it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def sheet(project: Path) -> Path:
    """The printing options' test sheet (helpers.KNEE) as worksheets/knee.yaml in a project."""
    return write(project, "worksheets/knee.yaml", KNEE)
