"""A starter worksheet for ``worksheet new``: commented, valid, and built as it is."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import WorksheetError, shown

_SLUG = re.compile(r"[^a-z0-9]+")

TEMPLATE = """\
# yaml-language-server: $schema=worksheet.schema.json
# A new worksheet. Change the text below, then run:  worksheet build {path}
# Every key is explained in the README; 'worksheet validate' checks the file.

title: {title}
subtitle: Exercises to do at home          # optional: a short line under the title
intro: >                                   # optional: a blank line starts a new paragraph
  Do these exercises slowly and only as far as is comfortable.

  If something hurts, stop and tell your therapist.

# A dose given here applies to every exercise that does not give its own.
defaults:
  frequency: once a day

exercises:
  - name: Pelvic tilt
    position: Lie on your back, knees bent, feet flat.
    steps:
      - Tighten your stomach muscles.
      - Press your lower back into the floor.
      - Hold, keep breathing, then relax.
    feel: Your stomach muscles working.
    hold: 3-5 s          # a time: 30 s, 3-5 s, 1 min, 1:30
    reps: 10             # a number or a range such as 10-15
    caution: Keep the move small. Stop if it hurts.

  # An exercise from the library (library/<id>.yaml beside this file) with its own dose:
  # - use: knee-to-chest
  #   hold: 30 s
  #   reps: 3
  #   sides: each        # each | alternate | both | left | right
"""


def slug(name: str) -> str:
    return _SLUG.sub("-", name.lower()).strip("-")


def target_for(name: str, folder: Path) -> Path:
    """Where ``worksheet new NAME`` writes: NAME as a path if it looks like one, else folder/slug.yaml."""
    if name.endswith((".yaml", ".yml")) or "/" in name:
        return Path(name)
    s = slug(name)
    if not s:
        raise WorksheetError(f"'{name}' cannot be a file name; use letters, digits and hyphens, such as 'knee-pain'.")
    return folder / f"{s}.yaml"


def title_for(path: Path) -> str:
    words = slug(path.stem).replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else "New worksheet"


def _yaml_text(text: str) -> str:
    """A title as a YAML value: plain where that reads back the same, quoted otherwise."""
    import json

    plain = text and text[0].isalnum() and ": " not in text and " #" not in text and text == text.strip()
    return text if plain else json.dumps(text, ensure_ascii=False)


def retitled(source: Path, title: str) -> str:
    """The text of ``source`` with its title replaced whole (a quoted, folded or multi-line
    title included), or a title line added before its first key. Raises InputError when the
    source cannot be read as a worksheet file (not UTF-8, not YAML...)."""
    from ..read.source import Mapping, read_file

    doc = read_file(source)
    text, value = doc.text, _yaml_text(title)
    root = doc.root
    if isinstance(root, Mapping):
        node = root.get("title")
        if node is not None:
            end = node.end
            tail = "\n" if text[node.start:end].endswith("\n") else ""
            return text[:node.start] + value + tail + text[end:]
        at = root.start
        return text[:at] + f"title: {value}\n" + text[at:]
    return f"title: {value}\n" + text


def create(path: Path, source: Path | None = None) -> None:
    """Write the starter (or a copy of ``source`` with a new title); never overwrite a file."""
    if source is not None:
        text = retitled(source, title_for(path))
    else:
        text = TEMPLATE.format(title=title_for(path), path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise WorksheetError(f"{shown(path)} already exists; choose another name, or delete it first.") from None
    except OSError as e:
        raise WorksheetError(f"Cannot write {shown(path)}: {e.strerror or e}.") from None
