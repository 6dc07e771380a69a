"""Small drawn parts: QR codes that decode to the exact address, and the rest."""


from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import KNEE, pdf_text, run, write


def decode_qr(pdf: Path, page: int = 0) -> list[str]:
    pdfium = pytest.importorskip("pypdfium2")
    zxing = pytest.importorskip("zxingcpp")
    image = pdfium.PdfDocument(str(pdf))[page].render(scale=3).to_pil()
    return sorted(r.text for r in zxing.read_barcodes(image))


def test_video_addresses_print_as_qr_codes_that_decode(project: Path) -> None:
    write(project, "w.yaml", KNEE + "video: https://example.org/programs/knee\n")
    assert run("build", "w.yaml", "-o", "out").exit_code == 0
    pdf = project / "out" / "w.pdf"
    assert decode_qr(pdf) == ["https://example.org/programs/knee", "https://www.example.org/videos/heel-slide/"]
    text = pdf_text(pdf)
    assert "the address below it. example.org/programs/knee" in text  # the short address, written out to type
    assert "example.org/videos/heel-slide" in "".join(text.split())
