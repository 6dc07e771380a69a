"""A JSON Schema of the format, generated from the same field tables that validate.

Why: editors with a YAML language server (VS Code, Neovim, JetBrains...) read a JSON
Schema to offer completion, hover docs and squiggles while a clinician types. Generating
it from :mod:`worksheet.schema.fields` means the editor and ``worksheet validate`` cannot
drift apart; the schema is a little looser than the validator where JSON Schema cannot
say as much (the validator stays the authority and gives the located, plain-English
message).
"""

from __future__ import annotations

from typing import Any

from . import translations as TR
from .context import Field
from .fields import (
    CLINIC_FIELDS,
    DOSE_FIELDS,
    EXERCISE_FIELDS,
    FIGURE_FIELDS,
    FREQUENCY_FIELDS,
    PLAN_FIELDS,
    WORKSHEET_FIELDS,
)
from .values import _LANGUAGE, NESTED

DRAFT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("worksheet", "exercise", "clinic")
LANGUAGE_PATTERN = _LANGUAGE.pattern


def _properties(fields: tuple[Field, ...], special: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for f in fields:
        base = (special or {}).get(f.name) or f.value.schema
        props[f.name] = {**base, "description": f.description}
    return props


def _object(fields: tuple[Field, ...], title: str, special: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "title": title,
        "properties": _properties(fields, special),
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def _translations(kind: str) -> dict[str, Any]:
    """'translations': a language tag, then the translated text (the same keys, none required)."""
    return {"type": "object", "propertyNames": {"pattern": LANGUAGE_PATTERN}, "additionalProperties": {"$ref": f"#/$defs/{kind}"}}


def _defs() -> dict[str, Any]:
    exercise = _object(EXERCISE_FIELDS, "An exercise, or a library entry", {"translations": _translations("exercise_text")})
    # 'name' is required unless the exercise takes it from the library with 'use'.
    exercise.pop("required", None)
    exercise["anyOf"] = [{"required": ["name"]}, {"required": ["use"]}]
    return {
        "exercise": exercise,
        "dose": _object(DOSE_FIELDS, "A dose applied to exercises that give none"),
        "frequency": _object(FREQUENCY_FIELDS, "How often, as keys"),
        "plan": _object(PLAN_FIELDS, "The patient's plan, printed on page 1"),
        "figure": _object(FIGURE_FIELDS, "An exercise's picture as pose data"),
        "exercise_text": _object(TR.fields_for(EXERCISE_FIELDS, TR.EXERCISE_TEXT), "An exercise's text in another language"),
        "worksheet_text": _object((*TR.fields_for(WORKSHEET_FIELDS, TR.WORKSHEET_TEXT[:-1]), Field("plan", NESTED, "The plan's text.", "")),
                                  "A worksheet's text in another language",
                                  {"plan": _object(TR.fields_for(PLAN_FIELDS, TR.PLAN_TEXT), "The plan's text")}),
    }


def json_schema(kind: str = "worksheet") -> dict[str, Any]:
    """The schema of a worksheet file, an exercise library entry or a clinic.yaml."""
    if kind not in KINDS:
        raise ValueError(f"unknown schema kind {kind!r}")
    defs = _defs()
    if kind == "clinic":
        root = _object(CLINIC_FIELDS, "worksheet clinic.yaml")
        root["description"] = "Who hands the worksheets out: printed at the foot of every page."
        return {"$schema": DRAFT, **root}
    if kind == "exercise":
        root = dict(defs["exercise"])
        root["title"] = "worksheet exercise library entry"
        root["description"] = "One exercise, used by worksheets with 'use: <file name without .yaml>'."
    else:
        root = _object(WORKSHEET_FIELDS, "worksheet", {
            "exercises": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/exercise"}},
            "defaults": {"$ref": "#/$defs/dose"},
            "plan": {"$ref": "#/$defs/plan"},
            "translations": _translations("worksheet_text"),
        })
        root["description"] = "A home-exercise worksheet, built into a PDF by 'worksheet build'."
    return {"$schema": DRAFT, **root, "$defs": defs}
