"""The field tables: every key described, and every example in them accepted by its own reader."""

from __future__ import annotations

from typing import Any

import pytest

from worksheet.errors import Issue
from worksheet.read.source import Mapping, parse_text
from worksheet.render import fonts
from worksheet.schema import fields
from worksheet.schema.context import Context, Field
from worksheet.schema.values import NESTED

TABLES = {
    "worksheet": fields.WORKSHEET_FIELDS, "exercise": fields.EXERCISE_FIELDS, "dose": fields.DOSE_FIELDS,
    "frequency": fields.FREQUENCY_FIELDS, "clinic": fields.CLINIC_FIELDS,
}
EVERY = [(table, f) for table, fs in TABLES.items() for f in fs]


@pytest.mark.parametrize(("table", "field"), EVERY, ids=[f"{t}.{f.name}" for t, f in EVERY])
def test_every_field_is_described_and_its_example_reads(table: str, field: Field, tmp_path: Any) -> None:
    assert field.description.rstrip("'").endswith((".", ")")) and len(field.description) > 10
    if field.value is NESTED or field.name in ("image", "logo"):
        return  # read by the builder / needs a real picture file (tested in tests/read/test_pictures.py)
    example = field.example.removeprefix("- ")
    doc = parse_text(f"{field.name}: {example}\n", "t.yaml")
    assert isinstance(doc.root, Mapping)
    issues: list[Issue] = []
    node = doc.root.get(field.name)
    assert node is not None
    field.value.read(Context(doc, issues, fonts.charset()), node, field.name)
    assert not issues


def test_names_are_unique_within_each_table() -> None:
    for fs in TABLES.values():
        names = [f.name for f in fs]
        assert len(names) == len(set(names))
