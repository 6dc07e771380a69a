"""The worksheet font: Atkinson Hyperlegible Next, found, checked and registered once.

Why: the font is chosen for low-vision readers, and a character it lacks must
never print as an empty box. :func:`charset` reads the font's character map
directly (a few hundred bytes of table, no ReportLab import), so validation can
report a missing character with its line and column before any layout starts.
:func:`register` parses the TTFs with ReportLab once per process and registers
the four faces as one family, so ``<b>`` and ``<i>`` in our own markup pick the
right face.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from ..errors import FontError

FAMILY = "AtkinsonHyperlegibleNext"
FACES = {
    "regular": "AtkinsonHyperlegibleNext-Regular.ttf",
    "bold": "AtkinsonHyperlegibleNext-Bold.ttf",
    "italic": "AtkinsonHyperlegibleNext-Italic.ttf",
    "boldItalic": "AtkinsonHyperlegibleNext-BoldItalic.ttf",
}
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
_NAMES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "boldItalic": BOLD_ITALIC}


@cache
def fonts_dir() -> Path:
    """The folder holding the TTFs: inside the installed package, or the checkout's fonts/."""
    here = Path(__file__).resolve().parent.parent  # the worksheet package
    for candidate in (here / "fonts", here.parent.parent / "fonts"):
        if (candidate / FACES["regular"]).is_file():
            return candidate
    raise FontError(f"The font files are missing (looked in {here / 'fonts'}); reinstall worksheet.")


def font_path(face: str) -> Path:
    path = fonts_dir() / FACES[face]
    if not path.is_file():
        raise FontError(f"The font file {path} is missing; reinstall worksheet.")
    return path


@cache
def charset() -> frozenset[int]:
    """Code points that every face of the family can draw."""
    sets = [_cmap_codepoints(font_path(face).read_bytes(), FACES[face]) for face in FACES]
    return frozenset.intersection(*sets)


def _cmap_codepoints(data: bytes, name: str) -> frozenset[int]:
    """The code points mapped to a real glyph by a TrueType font's Unicode cmap."""
    try:
        num_tables = struct.unpack_from(">H", data, 4)[0]
        tables = {}
        for i in range(num_tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            tables[tag] = offset
        cmap = tables[b"cmap"]
        count = struct.unpack_from(">H", data, cmap + 2)[0]
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
            subtables[(platform, encoding)] = cmap + offset
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            if key in subtables:
                return _read_subtable(data, subtables[key])
    except (struct.error, KeyError):
        pass
    raise FontError(f"The font file {name} has no readable Unicode character map; reinstall worksheet.")


def _read_subtable(data: bytes, at: int) -> frozenset[int]:
    fmt = struct.unpack_from(">H", data, at)[0]
    out: set[int] = set()
    if fmt == 12:
        groups = struct.unpack_from(">I", data, at + 12)[0]
        for g in range(groups):
            start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
            out.update(c for c in range(start, end + 1) if glyph + (c - start))
        return frozenset(out)
    if fmt != 4:
        raise struct.error(f"cmap format {fmt}")
    seg = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{seg}H", data, at + 14)
    starts = struct.unpack_from(f">{seg}H", data, at + 16 + 2 * seg)
    deltas = struct.unpack_from(f">{seg}h", data, at + 16 + 4 * seg)
    range_at = at + 16 + 6 * seg
    offsets = struct.unpack_from(f">{seg}H", data, range_at)
    for i in range(seg):
        for c in range(starts[i], ends[i] + 1):
            if c == 0xFFFF:
                continue
            if offsets[i] == 0:
                glyph = (c + deltas[i]) & 0xFFFF
            else:
                pos = range_at + 2 * i + offsets[i] + 2 * (c - starts[i])
                glyph = struct.unpack_from(">H", data, pos)[0]
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out.add(c)
    return frozenset(out)


_registered = False


def register() -> None:
    """Register the four faces with ReportLab as one family; does nothing the second time."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    for face, name in _NAMES.items():
        path = font_path(face)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except (TTFError, OSError) as e:
            raise FontError(f"The font file {path} cannot be read ({e}); reinstall worksheet.") from None
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    _registered = True
