"""From a FigureSpec to a Scene: both poses laid out in a box (side by side, stacked or overlaid),
every shape inside it, and the box height a drawing fills."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import worksheet.illustrate as ill
from tests.helpers import ROOT
from tests.illustrate.library import BRIDGE, IDS, PRINT_H, PRINT_W, figure
from worksheet.illustrate import compose
from worksheet.illustrate import outline as O

STANDING = ill.FigureSpec(base="standing")


def inside(sc: ill.Scene) -> list[ill.Shape]:
    """The shapes that stick out of the scene's box (half the stroke width counted)."""
    out = []
    for shape in sc.shapes:
        x0, y0, x1, y1 = O.bounds([shape.path])
        half = shape.width / 2 if shape.stroke is not None else 0.0
        if not (x0 - half >= 0 and y0 - half >= 0 and x1 + half <= sc.width and y1 + half <= sc.height):
            out.append(shape)
    return out


@pytest.mark.parametrize("fid", IDS)
@pytest.mark.parametrize("box", [(PRINT_W, PRINT_H), (86.4, 57.6), (300.0, 120.0)])
def test_every_library_figure_is_drawn_inside_its_box(fid: str, box: tuple[float, float]) -> None:
    w, h = box
    sc = ill.scene(figure(fid), w, h)
    for shape in sc.shapes:
        x0, y0, x1, y1 = O.bounds([shape.path])
        half = shape.width / 2 if shape.stroke is not None else 0.0
        assert x0 - half >= 0 and y0 - half >= 0, shape
        assert x1 + half <= w and y1 + half <= h, shape


@pytest.mark.parametrize("fid", IDS)
def test_every_library_figure_stacked_stays_inside_its_box(fid: str) -> None:
    spec = figure(fid)
    for h in (ill.natural_height(spec, PRINT_W, "stack"), 2 * PRINT_H):
        assert inside(ill.scene(spec, PRINT_W, h, "stack")) == [], h


def test_overlay_layout_fades_the_start() -> None:
    pair = ill.scene(BRIDGE, 180, 60)
    one = ill.scene(BRIDGE, 90, 60)
    assert any(s.stroke == 0.68 for s in one.shapes)
    assert not any(s.stroke == 0.68 for s in pair.shapes)


def test_a_box_about_twice_as_wide_as_high_gets_two_panels_side_by_side() -> None:
    assert compose.frame(BRIDGE, 180, 60).layout == "pair"
    assert compose.frame(BRIDGE, 100, 60).layout == "overlay"
    f = compose.frame(BRIDGE, 180, 60, "pair")
    assert f.origins[1] - f.origins[0] == pytest.approx(f.panel_w + f.gap)  # the same pose, one panel along
    assert f.oys[0] == f.oys[1] == f.oy


def test_stack_puts_the_start_panel_above_the_end_and_both_inside_the_box() -> None:
    w, h = 300.0, 240.0
    f = compose.frame(BRIDGE, w, h, "stack")
    _, y0, _, y1 = compose._content(BRIDGE)[3]
    (start_low, start_high), (end_low, end_high) = [(y0 * f.scale + oy, y1 * f.scale + oy) for oy in f.oys]
    assert f.layout == "stack" and len(f.origins) == len(f.oys) == 2
    assert f.origins[0] == f.origins[1]  # one above the other, not shifted
    assert 0 <= end_low < end_high <= f.panel_h < f.panel_h + f.gap <= start_low < start_high <= h
    assert f.oy == f.oys[1]  # the arrows go with the end, below
    sc = ill.scene(BRIDGE, w, h, "stack")
    assert inside(sc) == []
    shafts = compose._content(BRIDGE)[2]
    arrows = [a for shaft in shafts for a in compose.arrow_shapes(
        [(x * f.scale + f.origins[1], y * f.scale + f.oys[1]) for x, y in shaft], f.line)]
    assert arrows and set(arrows) <= set(sc.shapes)
    assert all(O.bounds([a.path])[3] <= f.panel_h for a in arrows)  # the arrows are on the end, below
    top = [s for s in sc.shapes if O.bounds([s.path])[1] >= f.panel_h + f.gap - f.line]
    bottom = [s for s in sc.shapes if O.bounds([s.path])[3] <= f.panel_h + f.line]
    pointer = [s for s in sc.shapes if s not in top and s not in bottom]
    assert top and bottom and len(pointer) == 1 and pointer[0].fill == 0.0  # the solid triangle between them


def test_the_pointer_between_stacked_panels_points_down() -> None:
    sc = ill.scene(BRIDGE, 300.0, 240.0, "stack")
    f = compose.frame(BRIDGE, 300.0, 240.0, "stack")
    (tri,) = [s for s in sc.shapes if s.fill == 0.0 and f.panel_h < O.bounds([s.path])[1] < f.panel_h + f.gap]
    ys = [op[2] for op in tri.path if op[0] != "Z"]
    assert ys[1] == min(ys) and ys[0] == ys[2]  # the tip is the lowest corner


@pytest.mark.parametrize("spec", [BRIDGE, STANDING, ill.FigureSpec(base="sitting-chair", props=("chair",))],
                         ids=["bridge", "standing", "sitting"])
@pytest.mark.parametrize("layout", ["pair", "stack", "overlay"])
def test_natural_height_gives_a_box_the_drawing_fills(spec: ill.FigureSpec, layout: str) -> None:
    w = 300.0
    h = ill.natural_height(spec, w, layout)
    f = compose.frame(spec, w, h, layout)
    x0, y0, x1, y1 = compose._content(spec)[3]
    pad = 0.05 * f.panel_h
    floor = 0.03 * f.panel_h if compose._floor_line(spec) else 0.0
    assert (x1 - x0) * f.scale == pytest.approx(f.panel_w - 2 * pad)  # fills the width...
    assert (y1 - y0) * f.scale == pytest.approx(f.panel_h - 2 * pad - floor)  # ...and the height
    assert compose.frame(spec, w, h * 1.5, layout).scale <= f.scale  # taller: no larger
    assert compose.frame(spec, w, h * 0.8, layout).scale < f.scale  # lower: smaller
    assert inside(ill.scene(spec, w, h, layout)) == []


def test_a_figure_lying_down_is_wide_and_one_standing_or_sitting_is_not() -> None:
    assert ill.wide(BRIDGE)
    assert not ill.wide(STANDING)
    assert not ill.wide(figure("seated-cat-cow"))
    assert ill.natural_height(BRIDGE, 300.0, "overlay") < 300.0 * 0.62


def test_coordinates_are_rounded_to_a_hundredth_of_a_point() -> None:
    for shape in ill.scene(figure("knee-to-chest"), PRINT_W, PRINT_H).shapes:
        for op in shape.path:
            assert all(round(v, 2) == v for v in op[1:]), op


def test_an_arrow_is_black_on_a_white_halo_with_a_solid_head() -> None:
    halo_shaft, halo_head, shaft, head = compose.arrow_shapes([(0.0, 0.0), (10.0, 0.0), (20.0, 0.0)], 0.7)
    assert (halo_shaft.stroke, shaft.stroke, head.fill) == (1.0, 0.0, 0.0)
    assert halo_shaft.path == shaft.path and halo_head.path == head.path
    assert halo_shaft.width > shaft.width
    assert head.path[0][1:] == (20.0, 0.0)  # the head's tip is the path's end
    assert O.bounds([shaft.path])[2] < 20.0  # the shaft stops behind the tip


_ANGLE = st.floats(min_value=-40, max_value=40, allow_nan=False).map(lambda v: round(v, 1))


@settings(max_examples=40, deadline=None)
@given(hip=_ANGLE, knee=_ANGLE, shoulder=_ANGLE, trunk=_ANGLE)
def test_any_pose_is_either_reported_or_drawn_inside_its_box(hip: float, knee: float, shoulder: float,
                                                            trunk: float) -> None:
    spec = ill.FigureSpec(base="hands-knees", props=("mat",),
                          end=(("hips", hip), ("knees", knee), ("shoulders", shoulder), ("trunk", trunk)))
    found = ill.check(spec)
    sc = ill.scene(spec, 180.8, 57.6)
    for shape in sc.shapes:
        for op in shape.path:
            if op[0] != "Z":
                assert all(0 <= v <= 180.8 for v in op[1::2]) and all(0 <= v <= 57.6 for v in op[2::2])
    assert all(isinstance(p, ill.Problem) and p.field in ("start", "end") for p in found)


def test_pure_modules_import_neither_reportlab_nor_yaml() -> None:
    code = ("import sys, worksheet.illustrate as ill; "
            "ill.scene(ill.FigureSpec(base='standing'), 100, 60); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'yaml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert out.stdout.strip() == "[]"


def test_package_imports_nothing_else_from_worksheet() -> None:
    for path in Path(ill.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+worksheet\b(?!\.illustrate)", text, re.MULTILINE), path.name
        assert not re.search(r"^\s*from\s+\.\.", text, re.MULTILINE), path.name
        assert len(text.splitlines()) <= 420, path.name
