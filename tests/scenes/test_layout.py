"""scenes.kit.layout: the frame's size is manim's, the safe area is the style's margin inside it,
and fit_in_column keeps a mobject in its column as TangentSweep._fit does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

manim = pytest.importorskip("manim")
from manim import RIGHT, UP, Rectangle, tempconfig  # noqa: E402

from scenes.kit import layout, style  # noqa: E402
from scenes.tangent_sweep import TangentSweep  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_frame_is_manims_default_at_every_size():
    for width, height in ((1920, 1080), (1280, 720), (480, 270), (320, 180)):
        with tempconfig({"pixel_width": width, "pixel_height": height}):
            assert manim.config.frame_height == layout.FRAME_H
            assert manim.config.frame_width == pytest.approx(layout.FRAME_W, rel=1e-15)


def test_safe_area_is_the_margin_inside_the_frame():
    assert layout.RIGHT_EDGE == -layout.LEFT_EDGE == layout.FRAME_W / 2 - style.MARGIN
    assert layout.TOP_EDGE == -layout.BOTTOM_EDGE == layout.FRAME_H / 2 - style.MARGIN


def test_imports_no_manim():
    code = ("import sys; sys.modules['manim'] = None\n"
            "import scenes.kit.layout as l; print(round(l.FRAME_W, 3))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "14.222"


@pytest.mark.parametrize(("width", "height", "x", "y", "bottom"), [
    (3.0, 1.0, 0.0, 0.0, None),     # fits: untouched
    (6.0, 1.0, 0.0, 0.0, None),     # too wide: shrunk to the column
    (2.0, 1.0, 4.5, 0.0, None),     # sticks out right: shifted left
    (2.0, 1.0, -1.5, 0.0, None),    # sticks out left: shifted right
    (2.0, 3.0, 1.0, -1.0, -1.5),    # below the floor: shrunk from its top
    (2.0, 0.5, 1.0, -1.6, -1.5),    # a little below: lifted
])
def test_fit_in_column_is_tangent_sweeps_fit(width, height, x, y, bottom):
    left, right = -0.5, 4.0
    mine = Rectangle(width=width, height=height).move_to([x, y, 0])
    theirs = mine.copy()
    assert layout.fit_in_column(mine, left, right, bottom) is mine
    TangentSweep._fit(theirs, left, right, bottom)
    np.testing.assert_array_equal(mine.points, theirs.points)
    assert left - 1e-9 <= mine.get_left()[0] and mine.get_right()[0] <= right + 1e-9
    if bottom is not None:
        assert mine.get_bottom()[1] >= bottom - 1e-9


def test_keep_in_frame_shifts_inside_and_never_scales():
    box = Rectangle(width=2.0, height=1.0).move_to(8 * RIGHT + 5 * UP)
    width = box.width
    layout.keep_in_frame(box)
    assert box.width == width
    assert box.get_right()[0] == pytest.approx(layout.RIGHT_EDGE)
    assert box.get_top()[1] == pytest.approx(layout.TOP_EDGE)
