"""Exercise pictures: embedded and scaled when fine; a located error for every hazard."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import check_structure, pdf_text, run, write

SHEET = "title: Pictures\nexercises:\n  - name: Bridge\n    image: {image}\n    steps: [Lift your hips.]\n    reps: 10\n"


def picture(path: Path, size: tuple[int, int] = (800, 600), mode: str = "RGB", fmt: str = "PNG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, "white" if mode != "1" else 1).save(path, fmt)
    return path


def test_picture_is_embedded_scaled_and_reproducible(project: Path) -> None:
    picture(project / "worksheets/images/bridge.png", (3000, 2000))
    picture(project / "worksheets/images/tall.jpg", (400, 1600), fmt="JPEG")
    write(project, "worksheets/w.yaml", SHEET.format(image="images/bridge.png") + "  - name: Tall\n    image: images/tall.jpg\n    reps: 3\n")
    result = run("build")
    assert result.exit_code == 0, result.output
    pdf = project / "build" / "w.pdf"
    check_structure(pdf)
    data = pdf.read_bytes()
    assert data.count(b"/Subtype /Image") == 2
    assert len(data) < 400_000  # shrunk to what a printer needs, not the 3000-pixel original
    assert "Lift your hips." in pdf_text(pdf)
    first = hashlib.sha256(data).hexdigest()
    assert run("build").exit_code == 0
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == first


def test_library_entry_pictures_resolve_from_the_entry(project: Path) -> None:
    picture(project / "worksheets/images/bridge.png")
    write(project, "worksheets/library/bridge.yaml", "name: Bridge\nimage: ../images/bridge.png\n")
    write(project, "worksheets/w.yaml", "title: T\nexercises:\n  - use: bridge\n    reps: 10\n")
    assert run("build").exit_code == 0
    assert b"/Subtype /Image" in (project / "build" / "w.pdf").read_bytes()


@pytest.mark.parametrize(
    ("image", "setup", "message"),
    [
        ("../outside.png", "outside", "'image' '../outside.png' points outside the project folder worksheets/; keep pictures inside it."),
        ("/etc/passwd", None, "'image' must be a path relative to this file, such as 'images/bridge.png', not '/etc/passwd'."),
        ("images/missing.png", None, "The picture 'images/missing.png' does not exist."),
        ("images/fake.png", "fake", "The picture 'images/fake.png' cannot be read as a PNG or JPEG picture."),
        ("images/anim.gif", "gif", "'image' must be a PNG or JPEG picture (.png, .jpg), not 'images/anim.gif'."),
        ("images/bomb.png", "bomb", "The picture 'images/bomb.png' is more than 40 million pixels; shrink it first."),
        ("images/link.png", "link", "'image' 'images/link.png' points outside the project folder worksheets/; keep pictures inside it."),
    ],
)
def test_picture_hazards_are_located_errors(project: Path, image: str, setup: str | None, message: str) -> None:
    images = project / "worksheets" / "images"
    images.mkdir(parents=True)
    if setup == "outside":
        picture(project / "outside.png")
    elif setup == "fake":
        (images / "fake.png").write_text("not a picture")
    elif setup == "gif":
        picture(images / "anim.gif", fmt="GIF")
    elif setup == "bomb":
        picture(images / "bomb.png", (10_000, 10_000), mode="1")  # about 20 KB on disk
        assert (images / "bomb.png").stat().st_size < 200_000
    elif setup == "link":
        (images / "link.png").symlink_to(picture(project / "elsewhere" / "x.png"))
    write(project, "worksheets/w.yaml", SHEET.format(image=image))
    result = run("build", "-o", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"worksheets/w.yaml:4:12: {message}"
    assert not (project / "out" / "w.pdf").exists()
