"""Worksheets from text: checked, printed in memory and saved as new files, never replacing one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import SHIPPED
from worksheet.build.memory import check_text, render_text, save_text, worksheets_in
from worksheet.errors import BuildError, InputError
from worksheet.model import Patient, PrintOptions

TEXT = "title: Knees\nexercises:\n  - use: bridge\n    reps: 12\n"


def test_text_is_read_with_the_folder_s_library_and_printed_without_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(SHIPPED, folder)
    ws = check_text(TEXT, folder)
    assert ws.exercises[0].name == "Bridge"
    data, pages, _ = render_text(TEXT, folder, PrintOptions(patient=Patient("Ana", None, None)))
    assert data.startswith(b"%PDF-") and pages == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in SHIPPED.iterdir())  # nothing written
    with pytest.raises(InputError) as e:
        check_text(TEXT.replace("12", "ten"), folder)
    assert (e.value.issues[0].path, e.value.issues[0].line) == ("composed.yaml", 4)


def test_a_saved_worksheet_is_new_checked_and_never_replaces_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    shutil.copytree(SHIPPED, folder)
    path = save_text(TEXT, folder, "knees")
    assert path.read_text(encoding="utf-8") == TEXT and ("knees" in [p.stem for p, _ in worksheets_in(folder)])
    with pytest.raises(BuildError, match="exists already"):
        save_text("title: Other\nexercises: [{use: bridge}]\n", folder, "knees")
    with pytest.raises(BuildError, match="cannot be a file name"):
        save_text(TEXT, folder, "../escape")
    with pytest.raises(InputError):
        save_text(TEXT.replace("12", "ten"), folder, "bad")
    assert not (folder / "bad.yaml").exists() and path.read_text(encoding="utf-8") == TEXT


def test_a_picture_beside_the_worksheets_is_found_when_checking_and_saving_as_when_printing(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "images").mkdir()
    Image.new("RGB", (40, 30), "white").save(tmp_path / "images" / "push.png")
    text = "title: Wall\nexercises:\n  - name: Wall push\n    steps: [Push.]\n    image: images/push.png\n    reps: 10\n"
    assert check_text(text, tmp_path).exercises[0].image == (tmp_path / "images" / "push.png").resolve()
    assert render_text(text, tmp_path, PrintOptions())[1] == 1
    assert save_text(text, tmp_path, "wall").read_text(encoding="utf-8") == text
