"""Exercise pictures and clinic logos: checked before layout, shrunk before embedding.

Why: an image path in a file is user input. It must stay inside the project folder
(the schema checks that), be a real PNG or JPEG, and be small enough to decode: a
100 KB PNG can claim 10,000 x 10,000 pixels and take hundreds of megabytes to open (a
"decompression bomb"). The bytes are read once through :mod:`.files` (so a build
records what it printed), only the header is parsed to check the size, and the picture
is decoded once per content, turned upright (a phone photo's EXIF orientation), shrunk
to what a printer needs and handed to ReportLab as a small copy.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import files

MAX_FILE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000  # a 48-megapixel phone photo is too big; 40 MP covers the rest
MAX_SIDE = 1200  # pixels kept on the longer side: 300 dpi at 4 inches
FORMATS = ("PNG", "JPEG")
_EXIF_ORIENTATION = 0x0112
_TURNED = {5, 6, 7, 8}  # orientations that swap width and height


class ImageProblem(ValueError):
    """What is wrong with an image, in words for the person who chose it."""


@dataclass(frozen=True)
class Picture:
    data: bytes  # PNG or JPEG, already shrunk and upright
    width: int
    height: int


def _read(path: Path) -> bytes:
    try:
        return files.read_bytes(path, MAX_FILE_BYTES)
    except files.TooLarge:
        raise ImageProblem(f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; shrink it first") from None
    except files.FileProblem as e:
        raise ImageProblem(e.reason) from None


def _open(data: bytes) -> Any:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(f"is more than {MAX_PIXELS // 1_000_000} million pixels; shrink it first") from None
    except OSError:
        raise ImageProblem("cannot be read as a PNG or JPEG picture") from None


def _size(im: Any) -> tuple[int, int]:
    """Width and height as the picture is meant to be seen (a turned phone photo upright)."""
    w, h = im.size
    if w < 1 or h < 1:
        raise ImageProblem("has no pixels")
    if w * h > MAX_PIXELS:
        raise ImageProblem(f"is {w} x {h} pixels, more than {MAX_PIXELS // 1_000_000} million; shrink it first")
    try:
        orientation = im.getexif().get(_EXIF_ORIENTATION)
    except Exception:  # noqa: BLE001 - a broken EXIF block only loses the orientation
        orientation = None
    return (h, w) if orientation in _TURNED else (w, h)


def check(path: Path) -> tuple[int, int]:
    """The picture's size in pixels (upright), reading only its header; ImageProblem if it will not do."""
    with _open(_read(path)) as im:
        return _size(im)


_PREPARED: dict[str, Picture] = {}  # by the hash of the file's bytes
_PREPARED_ENTRIES = 64


def _decode(data: bytes) -> Picture:
    from PIL import Image, ImageOps

    with _open(data) as im:
        _size(im)
        fmt = im.format
        if fmt == "JPEG":
            im.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale: cheap
        im.load()
        upright = ImageOps.exif_transpose(im)
        if max(upright.size) > MAX_SIDE:
            upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        if fmt == "JPEG":
            upright.convert("RGB").save(buf, "JPEG", quality=85)
        else:
            upright.save(buf, "PNG", optimize=False)
        return Picture(buf.getvalue(), *upright.size)


def prepare(path: Path) -> Picture:
    """The picture read now, decoded once per content in this process, upright and shrunk to
    at most MAX_SIDE pixels."""
    data = _read(path)
    key = hashlib.sha256(data).hexdigest()
    picture = _PREPARED.get(key)
    if picture is None:
        picture = _decode(data)
        if len(_PREPARED) >= _PREPARED_ENTRIES:
            del _PREPARED[next(iter(_PREPARED))]  # the oldest
        _PREPARED[key] = picture
    return picture
