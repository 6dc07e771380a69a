"""Plane outlines: circles, ellipses, tapered limbs and smooth hulls as path operations."""

from __future__ import annotations

from math import hypot

import pytest

from worksheet.illustrate import outline as O


def points(path: O.Path) -> list[O.Pt]:
    """The on-curve points of a path (the ends of its moves, lines and curves)."""
    return [(op[-2], op[-1]) for op in path if op[0] != "Z"]


def test_a_path_starts_with_a_move_and_a_closed_one_ends_with_close() -> None:
    for path in (O.circle((0, 0), 1), O.capsule((0, 0), 1, (3, 0), 0.5), O.blob([], [((0, 0), 1), ((2, 1), 1)]),
                 O.polygon([(0, 0), (1, 0), (0, 1)])):
        assert path[0][0] == "M" and path[-1] == ("Z",)
        assert all(op[0] in "MLCZ" and len(op) == {"M": 3, "L": 3, "C": 7, "Z": 1}[op[0]] for op in path)


def test_bounds_of_a_circle_are_its_centre_plus_and_minus_its_radius() -> None:
    assert O.bounds([O.circle((2.0, 3.0), 1.5)]) == pytest.approx((0.5, 1.5, 3.5, 4.5))
    assert O.bounds([O.circle((0, 0), 1), O.circle((5, 0), 1)]) == pytest.approx((-1, -1, 6, 1))


def test_an_ellipse_passes_through_the_ends_of_its_semi_axes() -> None:
    on = points(O.ellipse((1.0, 1.0), (2.0, 0.0), (0.0, 0.5)))
    for p in [(3.0, 1.0), (1.0, 1.5), (-1.0, 1.0), (1.0, 0.5)]:
        assert any(q == pytest.approx(p) for q in on), p


def test_a_circle_made_of_curves_stays_within_a_tiny_fraction_of_its_radius() -> None:
    path = O.circle((0.0, 0.0), 1.0)
    x0, y0 = path[0][1:]
    for op in path[1:-1]:
        _, x1, y1, x2, y2, x3, y3 = op
        for i in range(1, 10):
            t = i / 10
            u = 1 - t
            x = u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3
            y = u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3
            assert abs(hypot(x, y) - 1.0) < 3e-4
        x0, y0 = x3, y3


def test_transform_scales_moves_and_rounds_to_a_hundredth() -> None:
    path = (("M", 1.0, 2.0), ("L", -0.001, 0.333333), ("C", 0.0, 0.0, 1.0, 1.0, 2.0, 2.0), ("Z",))
    out = O.transform(path, 10.0, 5.0, 2.0, -1.0)
    assert out == (("M", 15.0, 3.0), ("L", 4.99, -0.33), ("C", 5.0, -1.0, 15.0, 1.0, 25.0, 3.0), ("Z",))
    flipped = O.transform((("M", 0.001, -0.001),), 1.0, 0.0, 1.0, 0.0)
    assert str(flipped[0][1]) == "0.0" and str(flipped[0][2]) == "0.0"  # never "-0.0": same bytes every build


def test_a_tapered_limb_wraps_both_circles() -> None:
    limb = O.capsule((0.0, 0.0), 1.0, (5.0, 0.0), 0.5)
    for x, y in points(limb):  # every corner of the outline is on one of the two circles
        assert min(abs(hypot(x, y) - 1.0), abs(hypot(x - 5.0, y) - 0.5)) < 1e-9, (x, y)
    x0, y0, x1, y1 = O.bounds([limb])  # control points included: a little outside the circles
    assert x0 <= -1.0 and y0 <= -1.0 and x1 >= 5.5 and y1 >= 1.0
    inside = O.capsule((0.0, 0.0), 2.0, (0.5, 0.0), 0.5)  # one circle inside the other: just the big one
    assert inside == O.circle((0.0, 0.0), 2.0)


def test_a_limb_growing_out_of_the_trunk_has_no_cap_at_the_trunk() -> None:
    fill, line = O.capsule_open((0.0, 0.0), 1.0, (5.0, 0.0), 0.5)
    assert fill[-1] == ("Z",) and line[-1] != ("Z",)  # the stroke is open where it joins the trunk
    assert O.bounds([fill])[0] == pytest.approx(0.0, abs=0.2)  # no round end behind c1
    same_fill, cut = O.capsule_open((0.0, 0.0), 1.0, (5.0, 0.0), 0.5, lambda p: p[0] < 2.0)
    assert same_fill == fill
    assert cut[0][0] == "M" and 1.7 <= cut[0][1] < 2.0  # the line starts just before it leaves the trunk
    assert cut[-1][0] == "L" and 1.7 <= cut[-1][1] < 2.0  # and its other side ends there too


def test_the_hull_keeps_the_corners_counter_clockwise() -> None:
    square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    h = O.hull([*square, (1.0, 1.0), (1.0, 0.0), (0.5, 1.5)])
    assert sorted(h) == sorted(square)
    area = sum(h[i][0] * h[(i + 1) % 4][1] - h[(i + 1) % 4][0] * h[i][1] for i in range(4)) / 2
    assert area == pytest.approx(4.0)  # positive: counter-clockwise


def test_a_smooth_closed_curve_passes_through_its_points() -> None:
    pts = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    path = O.smooth_closed(pts)
    assert points(path) == [*pts, pts[0]]
    assert O.smooth_closed(pts[:2]) == ()


def test_a_blob_surrounds_every_circle_it_is_made_of() -> None:
    circles = [((0.0, 0.0), 1.0), ((3.0, 1.0), 0.5)]
    x0, y0, x1, y1 = O.bounds([O.blob([], circles)])
    assert x0 <= -0.99 and y0 <= -0.99 and x1 >= 3.49 and y1 >= 1.49
    assert O.blob([], []) == ()
