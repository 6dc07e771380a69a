"""The composer's form as a worksheet file, and a worksheet file as the composer's form.

Why: the page never validates anything itself. The form becomes the YAML a clinician would have
written, line by line, and the same reader and schema as the command line check it; each problem,
located at a line of that text, is shown next to the form field the line came from. Print options
(the patient's name, the plan) are never part of the text: they are not saved with a worksheet.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Issue

DOSE_KEYS = ("hold", "reps", "sets", "sides", "frequency")
ROW_KEYS = ("use", *DOSE_KEYS, "notes", "translations")
MAX_ROWS = 60  # exercises on one worksheet the page takes: far more than any handout has
# The form's label for each key a message may start with: the page shows no YAML key.
LABELS = {"title": "Title", "subtitle": "Subtitle", "intro": "Introduction", "use": "Exercise",
          "hold": "Hold", "reps": "Repeat", "sets": "Sets", "sides": "Sides", "frequency": "How often",
          "notes": "Tip for the patient"}


@dataclass
class Composed:
    """A worksheet's text, and which form field each of its lines came from."""

    text: str
    fields: dict[int, str] = field(default_factory=dict)  # line -> field name ("title", "ex-2-reps")

    def place(self, issue: Issue, name: str = "composed.yaml") -> str:
        """The field an issue is about ("" for the worksheet as a whole, or one in another file)."""
        return self.fields.get(issue.line, "") if issue.path == name else ""

    def say(self, issue: Issue, name: str = "composed.yaml") -> str:
        """The issue's message in the form's words: "'reps' must be..." next to the Repeat field
        reads "Repeat must be..."."""
        key = self.place(issue, name).rsplit("-", 1)[-1]
        label = LABELS.get(key)
        quoted = f"'{key}'"
        return label + issue.message[len(quoted):] if label and issue.message.startswith(quoted) else issue.message


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar: nothing is read into it


def _flow(carried: str) -> str:
    """A worksheet's translations carried through the form as JSON, written back as a YAML flow
    mapping (JSON is YAML); "" for anything that is not a JSON object."""
    if not carried.strip():
        return ""
    try:
        data = json.loads(carried)
    except ValueError:
        return ""
    return json.dumps(data, ensure_ascii=False) if isinstance(data, dict) else ""


def _plain(node: object) -> object:
    from ..read.source import Mapping as YMapping
    from ..read.source import Scalar, Sequence

    if isinstance(node, YMapping):
        return {str(k.value): _plain(v) for k, v in node.items}
    if isinstance(node, Sequence):
        return [_plain(i) for i in node.items]
    return node.value if isinstance(node, Scalar) else None


def rows_of(form: Mapping[str, str]) -> list[dict[str, str]]:
    """The exercise rows in the order the form gives them (ex-0-..., ex-1-...)."""
    numbers = sorted({int(m.group(1)) for key in form if (m := re.fullmatch(r"ex-(\d+)-use", key))})[:MAX_ROWS]
    return [{k: form.get(f"ex-{n}-{k}", "").strip() for k in ROW_KEYS} | {"n": str(n)} for n in numbers]


def to_text(form: Mapping[str, str]) -> Composed:
    """The worksheet file the form describes (title, subtitle, introduction, exercises)."""
    lines: list[str] = ["# yaml-language-server: $schema=worksheet.schema.json"]
    fields: dict[int, str] = {}

    def add(text: str, name: str = "") -> None:
        lines.append(text)
        if name:
            fields[len(lines)] = name

    for key in ("title", "subtitle", "intro"):
        value = form.get(key, "").strip()
        if value or key == "title":
            add(f"{key}: {_scalar(value.replace(chr(13), ''))}", key)
    if _flow(form.get("translations", "")):
        add(f"translations: {_flow(form['translations'])}", "translations")
    add("exercises:", "exercises")
    for row in rows_of(form):
        n = row["n"]
        add(f"  - use: {_scalar(row['use'])}", f"ex-{n}-use")
        for key in (*DOSE_KEYS, "notes"):
            if row[key]:
                add(f"    {key}: {_scalar(row[key])}", f"ex-{n}-{key}")
        if _flow(row["translations"]):
            add(f"    translations: {_flow(row['translations'])}", f"ex-{n}-translations")
    return Composed("\n".join(lines) + "\n", fields)


def from_file(path: Path) -> dict[str, str] | None:
    """The form for a worksheet whose exercises all come from the library (with their doses and
    notes), or None when it has exercises of its own: those are printed as they are."""
    from ..read.source import Mapping as YMapping
    from ..read.source import Scalar, Sequence, read_file

    doc = read_file(path)
    root = doc.root
    if doc.issues or not isinstance(root, YMapping):
        return None
    form: dict[str, str] = {}
    for key in ("title", "subtitle", "intro"):
        node = root.get(key)
        if isinstance(node, Scalar) and node.value is not None:
            text = node.value.strip()
            if node.style == "literal":  # a blank line between paragraphs: in the form, one paragraph a line
                text = "\n".join(" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", text))
            form[key] = text
    if root.get("translations") is not None:  # carried unchanged: the page edits the written text only
        form["translations"] = json.dumps(_plain(root.get("translations")), ensure_ascii=False)
    exercises = root.get("exercises")
    if not isinstance(exercises, Sequence):
        return None
    for n, item in enumerate(exercises.items):
        if not isinstance(item, YMapping):
            return None
        for key_node, value in item.items:
            name = str(key_node.value)
            if name == "translations":
                form[f"ex-{n}-translations"] = json.dumps(_plain(value), ensure_ascii=False)
                continue
            if name not in ROW_KEYS or not isinstance(value, Scalar) or value.value is None:
                return None
            form[f"ex-{n}-{name}"] = value.value.strip()
        if f"ex-{n}-use" not in form:
            return None
    return form
