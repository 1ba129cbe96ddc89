"""Axes that fit the data, drawn like the post's matplotlib figures.

:func:`nice_range`
    ``(start, stop, step)`` covering a data range with 1-2-2.5-5 tick steps
    (:func:`core.ticks.nice_step`), widened by a margin, pulled to include 0 when it is close.
:class:`PlotAxes`
    Manim ``Axes`` with spines at the left and bottom, tick numbers outside the plot (their
    strings from :func:`scenes.kit.formatting.tick_labels`, never smaller than
    :data:`SCRIPT_FLOOR` when they carry a power of ten), a grid, the y = 0 line when 0 lies
    inside, and a vectorized ``c2p`` and ``plot_function`` for numpy data.
:func:`fitted_axes`
    :class:`PlotAxes` whose ranges fit any valid function on any interval.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Axes, Line, MathTex, VGroup, VMobject

from core.ticks import nice_step
from scenes.kit import style
from scenes.kit.formatting import tick_labels

__all__ = ["SCRIPT_FLOOR", "PlotAxes", "fitted_axes", "nice_range"]


def nice_range(
    lo: float, hi: float, *, max_ticks: int = 7, margin: float = 0.0, zero: float = 0.0
) -> tuple[float, float, float]:
    """``(start, stop, step)`` covering ``[lo, hi]`` with ticks at multiples of a nice step.

    ``margin`` widens the data range by that fraction of its span on each side first. ``zero``
    pulls the range to include 0 when 0 is within ``zero`` times the span of it (so a positive
    function keeps its x-axis in view, like the post's figure). A constant function gets a span
    of 1 (or its magnitude) around its value.

    >>> nice_range(0, 12)
    (0.0, 12.0, 2.0)
    >>> nice_range(-1, 1, margin=0.08)
    (-1.5, 1.5, 0.5)
    >>> nice_range(0.0, 4.08, margin=0.05, zero=0.3, max_ticks=5)
    (0.0, 5.0, 1.0)
    """
    lo, hi = float(lo), float(hi)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo > hi:
        raise ValueError(f"lo, hi: must be finite with lo <= hi, got {lo!r}, {hi!r}")
    span = hi - lo
    if span <= 1e-12 * max(1.0, abs(lo), abs(hi)):
        half = max(0.5, abs(lo) * 0.5)
        lo, hi, span = lo - half, hi + half, 2 * half
    if zero > 0:
        if 0 < lo <= zero * span:
            lo = 0.0
        elif -zero * span <= hi < 0:
            hi = 0.0
    span = hi - lo
    pad_lo = 0.0 if lo == 0.0 else margin * span
    pad_hi = 0.0 if hi == 0.0 else margin * span
    lo, hi = lo - pad_lo, hi + pad_hi
    step = nice_step(hi - lo, max_ticks=max_ticks)
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    # avoid -0.0 and float fuzz in the printed ticks
    start, stop = round(start, 12) + 0.0, round(stop, 12) + 0.0
    return start, stop, step


#: The smallest font size a LaTeX superscript may be drawn from: TeX sets it at 70 % of its
#: formula, and nothing on screen is under 20 px at 720p (tests/scenes/test_legibility.py).
SCRIPT_FLOOR = 29


def _tick_size(label: str, size: float) -> float:
    """A tick number's font size: ``size``, or larger if it carries a power of ten."""
    return max(size, SCRIPT_FLOOR) if "^" in label else size


class PlotAxes(Axes):
    """Manim ``Axes`` drawn like the post's matplotlib figures, with helpers for the data.

    The coordinate system is a normal ``Axes`` (``c2p``, ``p2c``, ``plot`` all work); its own axis
    lines are invisible. On top sit: a grid at every tick (:attr:`grid`), the y = 0 line when 0 is
    inside the y range (:attr:`zero_line`), spines at the left and bottom (:attr:`spines`), tick
    numbers outside the plot (:attr:`numbers`) and the axis labels (:attr:`x_label`,
    :attr:`y_label`, LaTeX). Nothing drawn by this class lies inside the plot area except the grid,
    so curves and labels inside never collide with tick numbers.

    Use :func:`fitted_axes` to choose the ranges from a function's values.

    Attributes
    ----------
    x_box, y_box : tuple of float
        The visible data ranges ``(min, max)`` (the axes' ranges).
    """

    def __init__(
        self,
        x_range: Sequence[float],
        y_range: Sequence[float],
        *,
        x_length: float,
        y_length: float,
        x_label: str | None = "x",
        y_label: str | None = "f(x)",
        grid: bool = True,
        x_numbers: bool = True,
        number_size: float = style.SIZE_TICK,
        label_size: float = style.SIZE_LABEL,
    ) -> None:
        super().__init__(
            x_range=list(x_range),
            y_range=list(y_range),
            x_length=x_length,
            y_length=y_length,
            tips=False,
            axis_config={
                "include_ticks": False,
                "stroke_opacity": 0.0,
                "stroke_width": 0.0,
                "include_numbers": False,
            },
        )
        x0, x1, xs = (float(v) for v in x_range)
        y0, y1, ys = (float(v) for v in y_range)
        self.x_box = (x0, x1)
        self.y_box = (y0, y1)
        self.x_ticks = np.round(np.arange(x0, x1 + xs * 0.5, xs), 12)
        self.y_ticks = np.round(np.arange(y0, y1 + ys * 0.5, ys), 12)

        self.grid = VGroup()
        if grid:
            for x in self.x_ticks[1:-1]:
                self.grid.add(Line(self.c2p(x, y0), self.c2p(x, y1)))
            for y in self.y_ticks[1:-1]:
                self.grid.add(Line(self.c2p(x0, y), self.c2p(x1, y)))
            # close the box lightly on the top and right
            self.grid.add(Line(self.c2p(x0, y1), self.c2p(x1, y1)))
            self.grid.add(Line(self.c2p(x1, y0), self.c2p(x1, y1)))
            self.grid.set_stroke(style.GRID, style.STROKE_GRID, opacity=style.GRID_OPACITY)
        self.zero_line = VGroup()
        if y0 < 0 < y1:
            self.zero_line.add(
                Line(self.c2p(x0, 0), self.c2p(x1, 0)).set_stroke(style.MID_GREY, 1.5)
            )
        if x0 < 0 < x1:
            self.zero_line.add(
                Line(self.c2p(0, y0), self.c2p(0, y1)).set_stroke(style.MID_GREY, 1.5)
            )
        self.spines = VGroup(
            Line(self.c2p(x0, y0), self.c2p(x1, y0)),
            Line(self.c2p(x0, y0), self.c2p(x0, y1)),
        ).set_stroke(style.AXIS, style.STROKE_AXIS)
        tick = 0.08
        ticks = VGroup(
            *(Line(self.c2p(x, y0), self.c2p(x, y0) + DOWN * tick) for x in self.x_ticks),
            *(Line(self.c2p(x0, y), self.c2p(x0, y) + LEFT * tick) for y in self.y_ticks),
        ).set_stroke(style.AXIS, style.STROKE_AXIS)
        self.spines.add(ticks)

        # tick numbers that read at any scale: 0.25, 25000, 250,000, 14 x 10^7 (tick_labels)
        x_strings = tick_labels(self.x_ticks, xs) if x_numbers else []
        self.x_numbers = VGroup(
            *(
                MathTex(label, font_size=_tick_size(label, number_size), color=style.TEXT_DIM)
                .next_to(self.c2p(x, y0), DOWN, buff=0.16)
                for x, label in zip(self.x_ticks, x_strings, strict=False)
            )
        )
        self.y_numbers = VGroup(
            *(
                MathTex(label, font_size=_tick_size(label, number_size), color=style.TEXT_DIM)
                .next_to(self.c2p(x0, y), LEFT, buff=0.16)
                for y, label in zip(self.y_ticks, tick_labels(self.y_ticks, ys), strict=True)
            )
        )
        self.numbers = VGroup(self.x_numbers, self.y_numbers)
        self.x_label = VGroup()
        self.y_label = VGroup()
        if x_label:
            self.x_label = MathTex(x_label, font_size=label_size, color=style.TEXT)
            # right of the last tick number, on its row: clear of the plot and of the numbers
            if x_numbers:
                self.x_label.next_to(self.x_numbers[-1], RIGHT, buff=0.3)
            else:
                self.x_label.next_to(self.c2p(x1, y0), RIGHT, buff=0.3)
        if y_label:
            self.y_label = MathTex(y_label, font_size=label_size, color=style.TEXT)
            self.y_label.next_to(self.c2p(x0, y1), UP, buff=0.2)
        self.labels = VGroup(self.x_label, self.y_label)
        self.add(self.grid, self.zero_line, self.spines, self.numbers, self.labels)

    def contains(self, x: float, y: float) -> bool:
        """Whether the data point lies inside the visible ranges."""
        (x0, x1), (y0, y1) = self.x_box, self.y_box
        return x0 <= x <= x1 and y0 <= y <= y1

    def plot_function(
        self,
        f: Callable[[np.ndarray], np.ndarray],
        x_min: float,
        x_max: float,
        *,
        color: str | None = None,
        stroke_width: float = style.STROKE_CURVE,
        samples: int = 241,
    ) -> VMobject:
        """The graph of a vectorized ``f`` on ``[x_min, x_max]``, sampled once with numpy
        (``samples`` points, smooth Bezier through them), clipped to the visible y range;
        ``color`` defaults to the theme's ``CURVE``."""
        color = style.CURVE if color is None else color
        xs = np.linspace(x_min, x_max, samples)
        ys = np.asarray(f(xs), dtype=float)
        (y0, y1) = self.y_box
        ys = np.clip(ys, y0, y1)
        graph = VMobject()
        graph.set_points_smoothly(self.c2p_array(xs, ys))
        graph.set_stroke(color, stroke_width).set_fill(opacity=0)
        return graph

    def c2p_array(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """Vectorized ``c2p`` for arrays of data coordinates (an (n, 3) array of points)."""
        origin = self.c2p(0, 0)
        ex = self.c2p(1, 0) - origin
        ey = self.c2p(0, 1) - origin
        xs = np.asarray(xs, dtype=float)[:, None]
        ys = np.asarray(ys, dtype=float)[:, None]
        return origin + xs * ex + ys * ey


def fitted_axes(
    f: Callable[[np.ndarray], np.ndarray],
    x_min: float,
    x_max: float,
    *,
    x_length: float,
    y_length: float,
    extra_y: Iterable[float] = (),
    samples: int = 401,
    margin: float = 0.08,
    max_x_ticks: int = 7,
    max_y_ticks: int = 6,
    **kwargs: Any,
) -> PlotAxes:
    """:class:`PlotAxes` whose ranges fit ``f`` on ``[x_min, x_max]``.

    The x range is ``[x_min, x_max]`` widened to the nearest nice ticks; the y range covers the
    sampled values of ``f`` (and any ``extra_y``) with ``margin`` on each side, includes 0 when
    it is close (a positive function sits on its x-axis, as in the post), and ends on nice ticks.
    Other keyword arguments go to :class:`PlotAxes` (``x_label``, ``y_label``, ``grid``...).
    """
    xs = np.linspace(x_min, x_max, samples)
    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs), dtype=float)
    ys = np.concatenate([ys[np.isfinite(ys)], np.asarray(list(extra_y), dtype=float)])
    if ys.size == 0:
        raise ValueError("f: no finite value on [x_min, x_max]")
    x_range = nice_range(x_min, x_max, max_ticks=max_x_ticks)
    y_range = nice_range(
        float(ys.min()), float(ys.max()), max_ticks=max_y_ticks, margin=margin, zero=0.3
    )
    return PlotAxes(x_range, y_range, x_length=x_length, y_length=y_length, **kwargs)
