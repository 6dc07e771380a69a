"""The same Scene as SVG text and PNG bytes: well formed, the asked size, the same every time."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

import worksheet.illustrate as ill
from tests.illustrate.library import BRIDGE
from worksheet.illustrate import export as X

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_svg_is_well_formed_and_matches_the_scene() -> None:
    svg = ill.to_svg(BRIDGE, 180, 60)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) == len(ill.scene(BRIDGE, 180, 60).shapes)


def test_svg_has_the_asked_box_and_the_same_text_every_time() -> None:
    svg = ill.to_svg(BRIDGE, 180, 60)
    root = ET.fromstring(svg)
    assert root.get("viewBox") == "0 0 180 60"
    assert ill.to_svg(BRIDGE, 180, 60) == svg
    assert ill.to_svg(BRIDGE, 180.0, 60.0) == svg


def test_svg_title_is_the_alt_text_escaped() -> None:
    alt = ill.alt_text(BRIDGE)
    root = ET.fromstring(ill.to_svg(BRIDGE, 180, 60, title=alt + " <& more>"))
    assert root.findtext(f"{SVG}title") == alt + " <& more>"


def test_png_has_the_png_signature() -> None:
    assert ill.to_png(BRIDGE, 180, 60, dpi=72).startswith(PNG_SIGNATURE)


def test_png_decodes_at_the_asked_size() -> None:
    data = ill.to_png(BRIDGE, 180, 60, dpi=144)
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (360, 120)
        assert im.getextrema()[0] == 0  # some black ink


def test_png_is_a_greyscale_drawing_on_white_and_the_same_bytes_every_time() -> None:
    data = ill.to_png(BRIDGE, 180, 60, dpi=72)
    with Image.open(io.BytesIO(data)) as im:
        assert im.mode == "L"
        assert im.getpixel((0, 0)) == 255  # the corner of the box is paper
    assert ill.to_png(BRIDGE, 180, 60, dpi=72) == data


def test_a_curve_is_flattened_into_points_on_it_with_y_pointing_down() -> None:
    (ring,) = X._flatten((("M", 0.0, 0.0), ("C", 0.0, 10.0, 10.0, 10.0, 10.0, 0.0), ("Z",)), 1.0, 10.0)
    assert ring[0] == (0.0, 10.0) and ring[-1] == ring[0]  # closed, and page y 0 is image row 10
    assert len(ring) == 1 + 8 + 1
    assert min(y for _, y in ring) == 2.5  # the curve's top (y = 7.5 on the page) is row 2.5
