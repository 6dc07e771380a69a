"""Worksheets that live in memory: checked, printed and saved from text, for the web page.

Why: the web page composes a worksheet in a form and prints it for a patient without a file ever
being written, and saves it as a worksheet only when asked. It goes through the same reader,
schema, renderer and writer as the command line (the text is read as if it were the file
``<folder>/<name>``, with that folder's library and clinic), so the page can never print or accept
anything the command line would not.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import BuildError, InputError, shown
from ..model import PrintOptions, Worksheet
from ..read import files
from .pipeline import find_worksheets, load, render_path

MAX_TEXT = 1_000_000  # as a file: the reader's own limit
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@contextlib.contextmanager
def _as_file(text: str, folder: Path, name: str) -> Iterator[Path]:
    """``text`` held in memory as the file ``folder/name``, over the folder on the disk (its
    library, pictures and clinic read as for a file there)."""
    if len(text) > MAX_TEXT:
        raise BuildError(f"The worksheet is {len(text):,} characters long; keep it under {MAX_TEXT:,}.")
    path = folder / name
    with files.in_memory({path: text.encode("utf-8")}, disk=True):
        yield path


def check_text(text: str, folder: Path, name: str = "composed.yaml", language: str | None = None) -> Worksheet:
    """The worksheet in ``text``, read as ``folder/name``; InputError with every problem, located
    in ``name``."""
    with _as_file(text, folder, name) as path:
        return load(path, language, shown=name)


def render_text(text: str, folder: Path, options: PrintOptions, name: str = "composed.yaml") -> tuple[bytes, int, Worksheet]:
    """The PDF of the worksheet in ``text`` as bytes (nothing is written), its pages, and the
    worksheet (with its warnings): the command line's own path, as for ``folder/name``."""
    with _as_file(text, folder, name) as path:
        rendered, ws = render_path(path, options, shown=name)
    return rendered.data, rendered.pages, ws


def worksheets_in(folder: Path) -> list[tuple[Path, str]]:
    """Every worksheet in ``folder`` with its title (a file that cannot be read is left out)."""
    from .listing import rows

    return [(row.source, row.title) for row in rows(find_worksheets([folder]), folder) if row.title]


def save_text(text: str, folder: Path, name: str) -> Path:
    """Write ``text`` as a new worksheet ``folder/name.yaml``, after checking it as one. Never
    replaces a file: a name that is taken is a BuildError saying so."""
    if not _NAME.match(name):
        raise BuildError(f"'{name}' cannot be a file name: use lower-case letters, digits and hyphens.")
    check_text(text, folder, f"{name}.yaml")  # InputError: nothing is written
    path = folder / f"{name}.yaml"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        raise BuildError(f"{shown(path)} exists already; choose another name. Files are never replaced.") from None
    except OSError as e:
        raise BuildError(f"Cannot write {shown(path)}: {files.reason(e)}.") from None
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    return path


__all__ = ["InputError", "check_text", "render_text", "save_text", "worksheets_in"]
