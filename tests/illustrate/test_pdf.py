"""Drawing onto a ReportLab canvas: plain path operators, the canvas left as it was, the same
bytes on every build, and a figure drawn again costing no new work."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys

import pytest
from reportlab.pdfgen import canvas

import worksheet.illustrate as ill
from tests.helpers import ROOT
from tests.illustrate.library import BRIDGE, IDS, LIBRARY, PRINT_H, PRINT_W, figure, operators
from worksheet.illustrate import compose
from worksheet.illustrate import pdf as D
from worksheet.illustrate.pdf import draw


def _pdf(fids: list[str]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792), invariant=1)
    for i, fid in enumerate(fids):
        draw(c, figure(fid), 20, 20 + (i % 12) * 62, PRINT_W, PRINT_H)
        if i % 12 == 11:
            c.showPage()
    c.save()
    return buf.getvalue()


def _clear_caches() -> None:
    """Forget every placed pose, scene and finished path, so that the next build makes them anew."""
    for module in (compose, D):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def test_draw_uses_plain_paths_and_leaves_the_canvas_state_alone() -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFillGray(0.3)
    ill.draw(c, BRIDGE, 10, 10, 180, 60)
    code = operators(c)
    assert code.startswith(".3 g\nq\n") and code.rstrip().endswith("Q")
    assert " c" in code and " m" in code
    c.save()
    assert b"/XObject" not in buf.getvalue()


def test_the_library_drawn_twice_gives_the_same_bytes() -> None:
    first = _pdf(IDS)
    _clear_caches()
    assert _pdf(IDS) == first


def test_the_library_drawn_in_another_process_gives_the_same_operators() -> None:
    """The drawing operators, byte for byte, in a fresh process with another hash seed (the
    whole PDF's bytes also depend on document settings other tests may change)."""
    code = (
        "import io, hashlib, pathlib; from reportlab.pdfgen import canvas; "
        "from worksheet.schema import load_library_entry; from worksheet.illustrate.pdf import draw; "
        f"lib = pathlib.Path({str(LIBRARY)!r}); "
        "c = canvas.Canvas(io.BytesIO(), invariant=1); "
        f"[draw(c, load_library_entry(lib / (fid + '.yaml')).figure, 20, 20, {PRINT_W}, {PRINT_H}) for fid in {IDS!r}]; "
        "print(hashlib.sha256(chr(10).join(c._code).encode()).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="123", PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    c = canvas.Canvas(io.BytesIO(), invariant=1)
    for fid in IDS:
        draw(c, figure(fid), 20, 20, PRINT_W, PRINT_H)
    assert out.stdout.strip() == hashlib.sha256(operators(c).encode()).hexdigest()


def test_drawing_twice_emits_the_same_operators() -> None:
    one, two = canvas.Canvas(io.BytesIO(), invariant=1), canvas.Canvas(io.BytesIO(), invariant=1)
    draw(one, BRIDGE, 10, 20, 180, 60)
    draw(two, BRIDGE, 10, 20, 180, 60)
    draw(two, BRIDGE, 10, 20, 180, 60)
    once, twice = operators(one), operators(two)
    assert twice == once + "\n" + once


def test_drawing_a_figure_again_reuses_its_finished_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why a worksheet can draw a figure on every page: after the first time, no scene is laid
    out and no path is built again, only the finished operators are copied."""
    c = canvas.Canvas(io.BytesIO(), invariant=1)
    draw(c, BRIDGE, 0, 0, 180.8, 57.6)
    first = operators(c)

    def refuse(*args: object) -> None:
        raise AssertionError("laid out or built again")

    monkeypatch.setattr(D, "scene", refuse)
    monkeypatch.setattr(D, "PDFPathObject", refuse)
    again = canvas.Canvas(io.BytesIO(), invariant=1)
    for _ in range(3):
        draw(again, BRIDGE, 0, 0, 180.8, 57.6)
    assert operators(again) == "\n".join([first] * 3)


def test_a_scene_is_drawn_at_the_given_corner() -> None:
    sc = ill.scene(BRIDGE, 180.0, 60.0)
    c = canvas.Canvas(io.BytesIO(), invariant=1)
    D.draw_scene(c, sc, 72, 144)
    code = operators(c)
    assert "1 0 0 1 72 144 cm" in code
    painted = [line for line in code.splitlines() if line in ("S", "f", "f*", "B", "B*")]
    assert len(painted) == len(sc.shapes)  # one path painted for every shape
    placed = canvas.Canvas(io.BytesIO(), invariant=1)
    draw(placed, BRIDGE, 72, 144, 180.0, 60.0)
    assert "1 0 0 1 72 144 cm" in operators(placed)

    def drawing(text: str) -> list[str]:  # what is drawn, whatever wraps it
        return [line for line in text.splitlines() if line not in ("q", "Q") and not line.endswith(" cm")]

    assert drawing(operators(placed)) == drawing(code)  # the same as drawing the spec there


def test_greys_and_widths_are_set_only_when_they_change() -> None:
    c = canvas.Canvas(io.BytesIO(), invariant=1)
    draw(c, BRIDGE, 0, 0, 180.0, 60.0)
    last: dict[str, str] = {}
    for line in operators(c).splitlines():
        value, _, op = line.rpartition(" ")
        if op in ("G", "g", "w") and value:
            assert last.get(op) != value, line
            last[op] = value
    assert set(last) == {"G", "g", "w"}
