"""Every user mistake is one located line, the exact text a user sees; nothing is written.

Data-driven, rst2pdf style: each ``tests/cases/errors/NAME.yaml`` is a case and
``NAME.expected`` beside it holds the exact lines the CLI must print.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import TESTS, run

CASES = TESTS / "cases" / "errors"
NAMES = sorted(p.stem for p in CASES.glob("*.yaml"))


def test_corpus_is_complete() -> None:
    assert len(NAMES) >= 20
    for name in NAMES:
        assert (CASES / f"{name}.expected").is_file(), f"{name}.yaml has no .expected file"


@pytest.fixture
def cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the corpus as the current folder, so paths print as 'NAME.yaml'."""
    folder = tmp_path / "cases"
    shutil.copytree(CASES, folder)
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_build_reports_located_error_and_writes_nothing(cases: Path, name: str) -> None:
    expected = (CASES / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    assert expected, "an error case must expect at least one line"
    result = run("build", f"{name}.yaml", "-o", "out")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1] == "0 built, 1 failed"
    assert lines[:-1] == expected
    located = [line for line in expected if not line.startswith(" ")]  # the rest is the excerpt
    assert located
    for line in located:
        assert line.startswith(f"{name}.yaml:"), line
        assert line.endswith("."), line
    assert not (cases / "out" / f"{name}.pdf").exists()


@pytest.mark.parametrize("name", NAMES)
def test_validate_reports_the_same_lines(cases: Path, name: str) -> None:
    expected = (CASES / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    result = run("validate", "-q", f"{name}.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == expected


def test_failed_build_leaves_the_previous_pdf_untouched(cases: Path) -> None:
    out = cases / "out"
    out.mkdir()
    old = out / "reps-ten.pdf"
    old.write_bytes(b"%PDF-1.4 previous good build")
    result = run("build", "reps-ten.yaml", "-o", "out")
    assert result.exit_code == 1
    assert old.read_bytes() == b"%PDF-1.4 previous good build"
    assert sorted(p.name for p in out.iterdir()) == ["reps-ten.pdf"]  # no temp file left behind
