"""Exercise pictures: checked before layout, shrunk before embedding.

Why: an image path in a file is user input. It must stay inside the project
folder, be a real PNG or JPEG, and be small enough to decode: a 100 KB PNG can
claim 10,000 x 10,000 pixels and take hundreds of megabytes to open (a
"decompression bomb"). We read only the header to check the size, then decode
once, shrink to what a printer needs, and hand ReportLab the small copy.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAX_FILE_BYTES = 20_000_000
MAX_PIXELS = 40_000_000  # a 48-megapixel phone photo is too big; 40 MP covers the rest
MAX_SIDE = 1200  # pixels kept on the longer side: 300 dpi at 4 inches
FORMATS = ("PNG", "JPEG")


class ImageProblem(ValueError):
    """What is wrong with an image, in words for the person who chose it."""


@dataclass(frozen=True)
class Picture:
    data: bytes  # PNG or JPEG, already shrunk
    width: int
    height: int


def _open(path: Path):
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path, formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(f"is more than {MAX_PIXELS // 1_000_000} million pixels; shrink it first") from None
    except OSError:
        raise ImageProblem("cannot be read as a PNG or JPEG picture") from None


def check(path: Path) -> tuple[int, int]:
    """The picture's size in pixels, reading only its header; ImageProblem if it will not do."""
    if not path.is_file():
        raise ImageProblem("does not exist")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImageProblem(f"is larger than {MAX_FILE_BYTES // 1_000_000} MB; shrink it first")
    with _open(path) as im:
        w, h = im.size
    if w < 1 or h < 1:
        raise ImageProblem("has no pixels")
    if w * h > MAX_PIXELS:
        raise ImageProblem(f"is {w} x {h} pixels, more than {MAX_PIXELS // 1_000_000} million; shrink it first")
    return w, h


@lru_cache(maxsize=128)
def _prepare(path: Path, mtime_ns: int, size: int) -> Picture:
    from PIL import Image

    check(path)
    with _open(path) as im:
        fmt = im.format
        if fmt == "JPEG":
            im.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale: cheap
        im.load()
        if max(im.size) > MAX_SIDE:
            im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        if fmt == "JPEG":
            im.convert("RGB").save(buf, "JPEG", quality=85)
        else:
            im.save(buf, "PNG", optimize=False)
        return Picture(buf.getvalue(), *im.size)


def prepare(path: Path) -> Picture:
    """The picture decoded once per process and file version, shrunk to at most MAX_SIDE pixels."""
    st = path.stat()
    return _prepare(path, st.st_mtime_ns, st.st_size)
