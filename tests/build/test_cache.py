"""Incremental builds: unchanged worksheets are not built again, and anything that changes the
PDF (worksheet, library entry, picture, clinic file, options, tool) builds it again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import MINIMAL, run, write
from worksheet.build.cache import CACHE_NAME


def stamps(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}


@pytest.fixture
def built(project: Path) -> Path:
    write(project, "worksheets/library/tilt.yaml", "name: Pelvic tilt\nsteps: [Flatten your back.]\n")
    write(project, "worksheets/library/other.yaml", "name: Other\n")
    write(project, "worksheets/uses-tilt.yaml", "title: Uses tilt\nexercises:\n  - use: tilt\n    reps: 10\n")
    write(project, "worksheets/plain.yaml", MINIMAL)
    write(project, "worksheets/other.yaml", "title: Other\nexercises:\n  - use: other\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    return project


def test_an_unchanged_batch_is_not_rebuilt(built: Path) -> None:
    before = stamps(built / "build")
    result = run("build")
    assert result.exit_code == 0
    assert result.stdout == "Up to date build/other.pdf\nUp to date build/plain.pdf\nUp to date build/uses-tilt.pdf\n"
    assert result.stderr == "0 built, 3 up to date, 0 failed\n"
    assert stamps(built / "build") == before


@pytest.mark.parametrize(
    ("change", "rebuilt"),
    [
        (lambda p: write(p, "worksheets/plain.yaml", MINIMAL.replace("Test sheet", "Changed")), {"plain.pdf"}),
        (lambda p: write(p, "worksheets/library/tilt.yaml", "name: Tilt, changed\n"), {"uses-tilt.pdf"}),
        (lambda p: write(p, "worksheets/clinic.yaml", "name: New Clinic\n"), {"plain.pdf", "uses-tilt.pdf", "other.pdf"}),
        (lambda p: (p / "build" / "plain.pdf").unlink(), {"plain.pdf"}),
        (lambda p: (p / "build" / CACHE_NAME).write_text("not json"), {"plain.pdf", "uses-tilt.pdf", "other.pdf"}),
        (lambda p: (p / "build" / CACHE_NAME).write_text('{"format": 2, "pairs": [["x"]], "entries": {"plain.pdf": ["k", 1, 1, [7]]}}'),
         {"plain.pdf", "uses-tilt.pdf", "other.pdf"}),
        (lambda p: (p / "build" / CACHE_NAME).write_text('{"format": 1, "entries": {}}'), {"plain.pdf", "uses-tilt.pdf", "other.pdf"}),
    ],
    ids=["worksheet", "library entry", "new clinic file", "deleted pdf", "broken cache", "damaged cache", "older cache"],
)
def test_what_changed_is_rebuilt_and_nothing_else(built: Path, change, rebuilt: set[str]) -> None:
    before = stamps(built / "build")
    change(built)
    assert run("build").exit_code == 0
    after = stamps(built / "build")
    assert {name for name in after if after[name] != before.get(name)} == rebuilt


def test_options_force_and_pictures_rebuild(built: Path) -> None:
    before = stamps(built / "build")
    assert run("build", "--large-print").exit_code == 0
    large = stamps(built / "build")
    assert all(large[n] != before[n] for n in before)
    assert "3 up to date" in run("build", "--large-print").stderr
    assert "3 built" in run("build", "--large-print", "--force").stderr
    Image.new("RGB", (40, 30), "white").save(built / "worksheets" / "pic.png")
    write(built, "worksheets/plain.yaml", MINIMAL + "    image: pic.png\n")
    assert run("build").exit_code == 0
    Image.new("RGB", (40, 30), "black").save(built / "worksheets" / "pic.png")
    result = run("build")
    assert result.stdout.splitlines()[1] == "Built build/plain.pdf (1 page)"


def test_patient_names_are_not_in_the_cache(built: Path) -> None:
    assert run("build", "--patient", "Zofia Kowalczyk").exit_code == 0
    cache = (built / "build" / CACHE_NAME).read_bytes()
    assert b"Zofia" not in cache and b"Kowalczyk" not in cache
    assert "3 up to date" in run("build", "--patient", "Zofia Kowalczyk").stderr
    assert "3 built" in run("build", "--patient", "Someone Else").stderr  # another patient, another PDF


@pytest.mark.parametrize("args", [["--help"], ["validate"], ["build"], ["list"]])
def test_startup_paths_do_not_import_reportlab(built: Path, args: list[str]) -> None:
    code = (
        "import sys\nfrom worksheet.cli import cli\n"
        f"try:\n    cli({args!r}, prog_name='worksheet')\nexcept SystemExit:\n    pass\n"
        "sys.stdout.write('\\nreportlab loaded' if any(m.startswith('reportlab') for m in sys.modules) else '\\nno reportlab')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=built, capture_output=True, text=True, check=True).stdout
    assert out.endswith("no reportlab"), out  # 'build' here is a no-op: everything is up to date


def test_a_no_op_build_reads_no_yaml(built: Path) -> None:
    code = (
        "import sys\nfrom worksheet.cli import cli\n"
        "try:\n    cli(['build'], prog_name='worksheet')\nexcept SystemExit:\n    pass\n"
        "sys.stdout.write('\\n' + ' '.join(sorted(m for m in ('yaml', 'urllib.request') if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=built, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "", out
