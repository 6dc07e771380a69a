"""Shared names cost nothing to import, and the commands use them."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import run
from worksheet.defaults import DEFAULT_PROGRAM_TITLE


def test_importing_the_defaults_imports_no_model_yaml_or_reportlab() -> None:
    code = ("import sys; import worksheet.defaults; "
            "print(sorted(m for m in sys.modules if m.startswith(('worksheet.model', 'yaml', 'reportlab'))))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_the_booklet_help_names_the_default_title() -> None:
    assert f"(default: {DEFAULT_PROGRAM_TITLE})" in " ".join(run("booklet", "--help").output.split())
