"""The README documents every field, generated from the same schema that validates."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from worksheet import validate

SECTIONS = {
    "worksheet": validate.WORKSHEET_FIELDS,
    "exercise": validate.EXERCISE_FIELDS,
    "frequency": validate.FREQUENCY_FIELDS,
    "clinic": validate.CLINIC_FIELDS,
}


def table(fields: tuple[validate.Field, ...]) -> str:
    rows = ["| key | required | meaning |", "|---|---|---|"]
    rows += [f"| `{f.name}` | {'yes' if f.required else ''} | {f.description} |" for f in fields]
    return "\n".join(rows)


@pytest.mark.parametrize("name", SECTIONS)
def test_field_tables_match_the_schema(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- fields:{name} -->\n(.*?)\n<!-- end -->", readme, re.S)
    assert m, f"README has no fields:{name} section"
    assert m.group(1) == table(SECTIONS[name]), "README field table is out of date; regenerate it from validate.py"


def test_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && worksheet build" in readme
    assert "pip install '.[test]' && pytest" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest" in ci
