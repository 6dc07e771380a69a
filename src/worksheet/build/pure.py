"""The pure rendering function: a worksheet's bytes in, its PDF's bytes out, nothing else touched.

Why: a clinic network that prints many personalised handouts already runs a distributed engine
(Dask, Ray, Celery...). What it needs from us is one function to send to its workers: every input
given as bytes (the worksheet, the library entries it may use, its pictures, the clinic file), the
print options as a frozen dataclass, the PDF back as bytes. Nothing is read from or written to a
disk, nothing is printed, nothing kept between calls changes the output (the caches are keyed by
content), and the arguments, the result and the errors can be pickled. It is the command line's
own path (the same reader, schema, renderer), run over files held in memory
(:func:`..read.files.in_memory`), so the same files give the same bytes as ``worksheet build``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from ..errors import MEMORY_ROOT, BuildError
from ..model import PrintOptions
from ..read import files
from ..read.library import ID

ROOT = Path(MEMORY_ROOT)  # where the files seem to be; nothing there is ever opened
_NOTHING: Mapping[str, bytes] = MappingProxyType({})


def _relative(key: str, what: str) -> str:
    """``key`` as a clean path inside the worksheet's folder, or a BuildError saying why not."""
    path = PurePosixPath(key)
    if not key or path.is_absolute() or ".." in path.parts or "\\" in key or files.name_problem(key):
        raise BuildError(f"The {what} {key!r} must be a path inside the worksheet's folder, such as 'images/bridge.png'.")
    return str(path)


def tree(source: bytes, *, library: Mapping[str, bytes] = _NOTHING, pictures: Mapping[str, bytes] = _NOTHING,
         clinic: bytes | None = None, name: str = "worksheet.yaml") -> dict[str, bytes]:
    """The files the function reads, by the paths it reads them at: ``name`` and ``clinic.yaml``
    in one folder, each library entry at ``library/<id>.yaml``, each picture at its key."""
    if os.path.splitext(name)[1].lower() not in (".yaml", ".yml") or "/" in name or "\\" in name or name.startswith(".") \
            or files.name_problem(name):
        raise BuildError(f"The worksheet name {name!r} must be a file name ending in .yaml, such as 'bridge.yaml'.")
    held = {str(ROOT / name): bytes(source)}
    for entry_id, data in library.items():
        if not ID.match(entry_id):
            raise BuildError(f"The library id {entry_id!r} must be lower-case letters, digits and hyphens, such as 'bridge'.")
        held[str(ROOT / "library" / f"{entry_id}.yaml")] = bytes(data)
    for key, data in pictures.items():
        held[str(ROOT / _relative(key, "picture"))] = bytes(data)
    if clinic is not None:
        held[str(ROOT / "clinic.yaml")] = bytes(clinic)
    return held


def render_pdf(source: bytes, *, library: Mapping[str, bytes] = _NOTHING, pictures: Mapping[str, bytes] = _NOTHING,
               clinic: bytes | None = None, options: PrintOptions | None = None, name: str = "worksheet.yaml") -> bytes:
    """The PDF of the worksheet whose YAML is ``source``, as bytes.

    ``library`` maps an entry's id to the bytes of its file (what ``library/<id>.yaml`` holds
    beside a worksheet); ``pictures`` maps a path as the files write it, relative to the
    worksheet's folder (``images/bridge.png``), to the picture's bytes; ``clinic`` is what a
    ``clinic.yaml`` beside it would hold. ``options`` are the printing options (the patient line,
    large print, language...); ``name`` is the file name that problems are reported in.

    Raises :class:`~worksheet.errors.InputError` with every problem found in the inputs (located
    in ``name`` or ``library/<id>.yaml``), and :class:`~worksheet.errors.BuildError` for an input
    that cannot be used at all; both can be pickled and sent back from a worker.
    """
    from .pipeline import render_path

    held = tree(source, library=library, pictures=pictures, clinic=clinic, name=name)
    with files.in_memory(held):
        rendered, _ = render_path(ROOT / name, options or PrintOptions(), shown=name)
    return rendered.data


__all__ = ["render_pdf", "tree"]
