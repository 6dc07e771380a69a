"""The README documents every field, generated from the same schema that validates."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT
from worksheet.schema import fields
from worksheet.schema.context import Field

SECTIONS = {
    "worksheet": fields.WORKSHEET_FIELDS,
    "exercise": fields.EXERCISE_FIELDS,
    "frequency": fields.FREQUENCY_FIELDS,
    "clinic": fields.CLINIC_FIELDS,
    "plan": fields.PLAN_FIELDS,
    "figure": fields.FIGURE_FIELDS,
}


def table(fields: tuple[Field, ...]) -> str:
    rows = ["| key | required | meaning |", "|---|---|---|"]
    rows += [f"| `{f.name}` | {'yes' if f.required else ''} | {f.description} |" for f in fields]
    return "\n".join(rows)


@pytest.mark.parametrize("name", SECTIONS)
def test_field_tables_match_the_schema(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- fields:{name} -->\n(.*?)\n<!-- end -->", readme, re.DOTALL)
    assert m, f"README has no fields:{name} section"
    assert m.group(1) == table(SECTIONS[name]), "README field table is out of date; regenerate it from worksheet.schema.fields"


def test_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && worksheet build" in readme
    assert "pip install '.[test]' && pytest" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest" in ci


def test_developing_lists_every_module() -> None:
    developing = (ROOT / "DEVELOPING.md").read_text(encoding="utf-8")
    src = ROOT / "src" / "worksheet"
    listed = set(re.findall(r"^\| `([a-z0-9_/]+\.py)` \|", developing, re.MULTILINE))
    modules = {p.relative_to(src).as_posix() for p in src.rglob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    assert listed == modules, f"DEVELOPING.md's module table is out of date: missing {modules - listed}, extra {listed - modules}"
