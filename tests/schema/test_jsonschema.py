"""The JSON Schema for editors: generated from the validator, valid, shipped in sync, and true
of every shipped worksheet and library entry."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import SHIPPED, run
from worksheet.schema.jsonschema import json_schema

COPIES = {
    "worksheet": SHIPPED / "worksheet.schema.json",
    "exercise": SHIPPED / "library" / "exercise.schema.json",
    "clinic": SHIPPED / "clinic.schema.json",
}


@pytest.mark.parametrize("kind", COPIES)
def test_schema_is_valid_draft_2020_12(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema(kind))


@pytest.mark.parametrize("kind", COPIES)
def test_shipped_copy_is_in_sync_and_the_command_prints_it(kind: str) -> None:
    result = run("schema", kind)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema(kind)
    assert json.loads(COPIES[kind].read_text(encoding="utf-8")) == json_schema(kind), (
        f"{COPIES[kind]} is out of date: run 'worksheet schema {kind} > {COPIES[kind].relative_to(SHIPPED.parent)}'"
    )


def test_every_field_has_a_description() -> None:
    schema = json_schema("worksheet")
    objects = [schema, *schema["$defs"].values()]
    for obj in objects:
        for name, prop in obj["properties"].items():
            assert prop.get("description"), name


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.yaml")) + sorted((SHIPPED / "library").glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_file_satisfies_its_schema(path: Path) -> None:
    kind = "exercise" if path.parent.name == "library" else "worksheet"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={COPIES[kind].name}"
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), json_schema(kind))


@pytest.mark.parametrize(
    "data",
    [
        {"title": "T", "exercises": [{"name": "A", "rep": 10}]},  # unknown key
        {"title": "T", "exercises": []},  # no exercises
        {"exercises": [{"name": "A"}]},  # no title
        {"title": "T", "exercises": [{"steps": ["x"]}]},  # neither name nor use
        {"title": "T", "exercises": [{"name": "A", "sides": "sometimes"}]},
        {"title": "T", "exercises": [{"name": "A", "hold": "forever"}]},
    ],
)
def test_schema_rejects_what_the_validator_rejects(data: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema("worksheet"))


def test_schema_accepts_the_forms_people_write() -> None:
    data = {"title": "T", "page_size": "A4", "defaults": {"frequency": {"times": 2, "per": "day"}},
            "exercises": [{"use": "knee-to-chest", "hold": "1:30", "reps": "10-15", "sets": 2, "sides": "Each",
                           "frequency": "twice a day", "caution": ["a", "b"], "equipment": "towel"}]}
    jsonschema.validate(data, json_schema("worksheet"))


def test_clinic_schema_accepts_a_clinic_and_refuses_a_typo() -> None:
    schema = json_schema("clinic")
    jsonschema.validate({"name": "Riverside", "phone": "555-0100", "website": "https://example.org", "logo": "logo.png"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"nam": "Riverside"}, schema)
