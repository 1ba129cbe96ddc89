"""Tests of core/contours.py: marching squares against functions whose level sets are known."""

from __future__ import annotations

import numpy as np
import pytest

from core.contours import contour_lines

GRID = np.linspace(-2.0, 2.0, 41)


def test_a_plane_gives_its_exact_line():
    """Linear interpolation is exact for a linear function: z = 2x + y = 1 is y = 1 − 2x."""
    x, y = GRID, np.linspace(-3.0, 3.0, 31)
    z = 2.0 * x[None, :] + y[:, None]
    (line,) = contour_lines(x, y, z, 1.05)
    assert np.allclose(line[:, 1], 1.05 - 2.0 * line[:, 0], atol=1e-12)
    # it runs from one side of the grid to the other, in order
    assert np.all(np.diff(line[:, 0]) != 0)
    ends = sorted([tuple(np.round(line[0], 9)), tuple(np.round(line[-1], 9))])
    assert ends == [(-0.975, 3.0), (2.0, -2.95)]  # both on the grid's edge


def test_a_level_through_grid_nodes_repeats_no_point():
    x, y = GRID, np.linspace(-3.0, 3.0, 31)
    z = 2.0 * x[None, :] + y[:, None]
    (line,) = contour_lines(x, y, z, 1.0)  # passes through nodes where 2x + y = 1 exactly
    assert np.allclose(line[:, 1], 1.0 - 2.0 * line[:, 0], atol=1e-12)
    assert np.all(np.linalg.norm(np.diff(line, axis=0), axis=1) > 1e-9)


@pytest.mark.parametrize("radius", [0.5, 1.0, 1.7])
def test_a_circle_is_one_closed_loop_near_the_radius(radius):
    z = GRID[None, :] ** 2 + GRID[:, None] ** 2
    (loop,) = contour_lines(GRID, GRID, z, radius**2)
    assert np.allclose(loop[0], loop[-1])
    r = np.hypot(loop[:, 0], loop[:, 1])
    assert np.max(np.abs(r - radius)) < 0.1 * 0.1  # second order in the grid step (0.1)
    # the loop goes round once: its angle covers the whole turn
    angles = np.unwrap(np.arctan2(loop[:, 1], loop[:, 0]))
    assert abs(abs(angles[-1] - angles[0]) - 2 * np.pi) < 1e-9


def test_two_separate_lines_and_the_longest_first():
    """z = x² on [-2, 2]: the level 1 is two vertical lines, x = ±1; level 4 only touches."""
    x = np.linspace(-2.0, 2.0, 41)
    y = np.linspace(0.0, 1.0, 3)
    z = np.broadcast_to(x[None, :] ** 2, (3, 41))
    lines = contour_lines(x, y, z, 1.0)
    assert len(lines) == 2
    assert sorted(round(float(np.mean(line[:, 0])), 9) for line in lines) == [-1.0, 1.0]
    assert contour_lines(x, y, z, 5.0) == []


def test_a_saddle_cell_is_resolved_by_its_centre():
    x = y = np.array([0.0, 1.0])
    # corners (0,0) and (1,1) high, the others low; the centre (mean 0.5) is above 0.4, so
    # the high corners join through it and the low ones, (1, 0) and (0, 1), are cut off
    z = np.array([[1.0, 0.0], [0.0, 1.0]])
    lines = contour_lines(x, y, z, 0.4)
    assert len(lines) == 2
    for line in lines:  # each cuts off one low corner
        assert len(line) == 2
    ends = sorted(tuple(np.round(p, 9)) for line in lines for p in line)
    assert ends == [(0.0, 0.6), (0.4, 1.0), (0.6, 0.0), (1.0, 0.4)]


def test_validation_names_the_argument():
    x = y = np.linspace(0, 1, 3)
    z = np.zeros((3, 3))
    with pytest.raises(ValueError, match="`x`"):
        contour_lines([0.0, 0.0, 1.0], y, z, 0.5)
    with pytest.raises(ValueError, match="`y`"):
        contour_lines(x, [[0.0, 1.0]], z, 0.5)
    with pytest.raises(ValueError, match="`z` must have shape"):
        contour_lines(x, y, np.zeros((2, 3)), 0.5)
    with pytest.raises(ValueError, match="`z` must be finite"):
        contour_lines(x, y, np.full((3, 3), np.nan), 0.5)
    with pytest.raises(ValueError, match="`level`"):
        contour_lines(x, y, z, float("inf"))
