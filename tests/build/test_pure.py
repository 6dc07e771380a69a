"""The pure rendering function: bytes in, the command line's own PDF out, no disk touched."""

from __future__ import annotations

import io
import os
import pickle
from pathlib import Path

import pytest
from PIL import Image

import worksheet
from tests.helpers import SHIPPED, pdf_pages, pdf_text
from worksheet.build import pipeline
from worksheet.errors import BuildError, InputError
from worksheet.model import Patient, PrintOptions

LIBRARY = {p.stem: p.read_bytes() for p in sorted((SHIPPED / "library").glob("*.yaml"))}


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_worksheet_gives_the_same_bytes_as_the_command_line(path: Path, tmp_path: Path) -> None:
    built = pipeline.build_one(path, tmp_path)
    assert worksheet.render_pdf(path.read_bytes(), library=LIBRARY, name=path.name) == built.output.read_bytes()


def test_the_options_personalise_it_as_on_the_command_line(tmp_path: Path) -> None:
    path = SHIPPED / "achy-back.yaml"
    options = PrintOptions(patient=Patient("Ana María Peña", "R. Ortiz", "2 Dec 2026"), large_print=True, language="es")
    built = pipeline.build_one(path, tmp_path, options)
    data = worksheet.render_pdf(path.read_bytes(), library=LIBRARY, options=options, name=path.name)
    assert data == built.output.read_bytes()
    assert "Ana María Peña" in pdf_pages(built.output)[0]


def test_it_reads_no_file_and_writes_none(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = (SHIPPED / "back-pain-relief.yaml").read_bytes()
    expected = worksheet.render_pdf(source, library=LIBRARY)  # warm: fonts and catalogues are the package's own

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the disk was touched: {args}")

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.chdir(tmp_path)
    assert worksheet.render_pdf(source, library=LIBRARY) == expected
    assert list(tmp_path.iterdir()) == []


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    return buf.getvalue()


def test_pictures_and_the_clinic_come_from_memory_too(tmp_path: Path) -> None:
    source = b"title: Pictures\nexercises:\n  - name: Wall push\n    steps: [Push.]\n    image: images/push.png\n    reps: 10\n"
    clinic = b"name: Riverside Physio\nphone: 555 0100\n"
    data = worksheet.render_pdf(source, pictures={"images/push.png": _png()}, clinic=clinic)
    (tmp_path / "out.pdf").write_bytes(data)
    assert "Riverside Physio" in pdf_text(tmp_path / "out.pdf")
    with pytest.raises(InputError) as missing:
        worksheet.render_pdf(source)
    assert str(missing.value).startswith("worksheet.yaml:5:12: The picture 'images/push.png' does not exist")


def test_a_mistake_is_located_in_the_name_given_and_survives_pickling() -> None:
    with pytest.raises(InputError) as e:
        worksheet.render_pdf(b"title: x\nexercises:\n  - use: knee-to-chst\n", library=LIBRARY, name="mine.yaml")
    assert str(e.value) == "mine.yaml:3:10: There is no exercise 'knee-to-chst' in library/; the nearest is 'knee-to-chest'."
    again = pickle.loads(pickle.dumps(e.value))
    assert isinstance(again, InputError) and again.issues == e.value.issues


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "../x.yaml"}, "The worksheet name '../x.yaml' must be a file name ending in .yaml, such as 'bridge.yaml'."),
    ({"library": {"../etc": b""}}, "The library id '../etc' must be lower-case letters, digits and hyphens, such as 'bridge'."),
    ({"pictures": {"/etc/passwd": b""}}, "The picture '/etc/passwd' must be a path inside the worksheet's folder, such as 'images/bridge.png'."),
])
def test_inputs_that_cannot_be_files_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(BuildError) as e:
        worksheet.render_pdf(b"title: x\n", **kwargs)
    assert str(e.value) == message
