"""Reading a whole library, and writing one figure as SVG or PNG: checked, atomic, ours only."""

from __future__ import annotations

import io
import xml.dom.minidom
from pathlib import Path

import pytest

from tests.helpers import SHIPPED, write
from worksheet.build.catalog import build_catalog, load_library, write_figure
from worksheet.errors import BuildError, InputError

LIBRARY = SHIPPED / "library"


def test_every_problem_in_every_entry_is_reported_together(tmp_path: Path) -> None:
    write(tmp_path, "lib/a.yaml", "name: A\nreps: ten\n")
    write(tmp_path, "lib/b.yaml", "name: B\nfigure: {base: lying}\n")
    write(tmp_path, "lib/c.yaml", "name: C\n")
    with pytest.raises(InputError) as e:
        load_library(tmp_path / "lib")
    assert [(Path(i.path).name, i.line) for i in e.value.issues] == [("a.yaml", 2), ("b.yaml", 2)]


def test_a_folder_that_is_not_a_library_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="is not a folder of library exercises"):
        load_library(tmp_path / "nowhere")
    with pytest.raises(BuildError, match="holds no library exercises"):
        load_library(tmp_path)


def test_the_catalogue_is_built_and_records_what_it_read(tmp_path: Path) -> None:
    built = build_catalog(LIBRARY, tmp_path / "library.pdf")
    assert built.pages >= 3 and (tmp_path / "library.pdf").read_bytes().startswith(b"%PDF-")


def test_an_svg_carries_the_figure_in_words_and_a_png_too(tmp_path: Path) -> None:
    from PIL import Image

    svg = write_figure(LIBRARY, "bridge", tmp_path / "bridge.svg").read_text(encoding="utf-8")
    doc = xml.dom.minidom.parseString(svg.encode())
    assert doc.getElementsByTagName("title")[0].firstChild.data == "Lying on your back, knees bent; lifting your hips"  # type: ignore[union-attr]
    png = write_figure(LIBRARY, "bridge", tmp_path / "bridge.png", width=300, dpi=144)
    with Image.open(io.BytesIO(png.read_bytes())) as image:
        assert image.width == 600 and image.text["Description"] == "Lying on your back, knees bent; lifting your hips"  # type: ignore[attr-defined]
    again = write_figure(LIBRARY, "bridge", tmp_path / "again.png", width=300, dpi=144)
    assert again.read_bytes() == png.read_bytes()  # same figure, same bytes


def test_only_a_file_we_made_is_replaced(tmp_path: Path) -> None:
    ours = write_figure(LIBRARY, "bridge", tmp_path / "bridge.svg")
    write_figure(LIBRARY, "cat-cow", ours)  # ours: replaced
    assert "hands and knees" in ours.read_text(encoding="utf-8")
    theirs = tmp_path / "logo.svg"
    theirs.write_text("<svg/>")
    with pytest.raises(BuildError, match="exists and is not a file made by worksheet"):
        write_figure(LIBRARY, "bridge", theirs)
    assert theirs.read_text() == "<svg/>"
    with pytest.raises(BuildError, match=r"name it \.svg or \.png"):
        write_figure(LIBRARY, "bridge", tmp_path / "bridge.pdf")


def test_an_unknown_id_gets_the_nearest_and_an_entry_without_a_figure_is_located(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"There is no exercise 'brige' in .*; the nearest is 'bridge'"):
        write_figure(LIBRARY, "brige", tmp_path / "x.svg")
    write(tmp_path, "lib/plain.yaml", "name: Plain\n")
    with pytest.raises(InputError) as e:
        write_figure(tmp_path / "lib", "plain", tmp_path / "x.svg")
    assert e.value.issues[0].message == "'plain' has no figure; add a 'figure:' with its pose."
