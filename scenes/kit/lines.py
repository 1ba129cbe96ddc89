"""Straight lines on axes, clipped to the plot: a tangent or a secant drawn where it is visible.

:class:`SlopeLine`
    What a line needs: ``slope`` and ``intercept`` (a :class:`core.calculus.Line` has them).
:func:`clip_line`
    The x-interval where y = slope*x + intercept lies inside a box (plain arithmetic).
:func:`put_line_on_axes`, :func:`line_on_axes`
    Move a mobject onto the line, clipped (cheap enough for updaters), or make a new ``Line``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np
from manim import ORIGIN, RIGHT, Line, VMobject

from scenes.kit import style

if TYPE_CHECKING:
    from scenes.kit.axes import PlotAxes

__all__ = ["SlopeLine", "clip_line", "line_on_axes", "put_line_on_axes"]


class SlopeLine(Protocol):
    """Anything with ``slope`` and ``intercept`` (e.g. :class:`core.calculus.Line`)."""

    slope: float
    intercept: float


def clip_line(
    slope: float,
    intercept: float,
    x_box: tuple[float, float],
    y_box: tuple[float, float],
    x_range: tuple[float, float] | None = None,
) -> tuple[float, float] | None:
    """The x-interval where ``y = slope*x + intercept`` lies inside the box (and ``x_range``).

    Returns ``None`` when the line misses the box.

    >>> clip_line(0.22, -0.18, (0, 12), (0, 5))
    (0.8181818181818181, 12.0)
    >>> clip_line(1.0, 10.0, (0, 1), (0, 1)) is None
    True
    """
    lo, hi = x_box
    if x_range is not None:
        lo, hi = max(lo, x_range[0]), min(hi, x_range[1])
    y0, y1 = y_box
    if slope != 0:
        xa, xb = sorted(((y0 - intercept) / slope, (y1 - intercept) / slope))
        lo, hi = max(lo, xa), min(hi, xb)
    elif not y0 <= intercept <= y1:
        return None
    if hi < lo:
        return None
    return float(lo), float(hi)


def put_line_on_axes(
    mob: VMobject,
    axes: PlotAxes,
    line: SlopeLine,
    *,
    x_range: tuple[float, float] | None = None,
    center: float | None = None,
    length: float | None = None,
) -> VMobject:
    """Move ``mob`` (a ``Line`` or any VMobject) onto ``line`` in ``axes``, clipped to the plot.

    With ``length`` (screen units) and ``center`` (an x), draw only a segment of that length
    centred at ``(center, line(center))``, still clipped. Cheap enough for updaters: no new
    mobject, just two corners. A line that misses the plot collapses to an invisible point.
    """
    if length is not None:
        cx = float(line.x0 if center is None else center)  # type: ignore[attr-defined]
        d = axes.c2p(1, line.slope) - axes.c2p(0, 0)
        half_dx = 0.5 * length / float(np.linalg.norm(d))
        x_range = (cx - half_dx, cx + half_dx)
    span = clip_line(line.slope, line.intercept, axes.x_box, axes.y_box, x_range)
    if span is None:
        p = axes.c2p(*axes.x_box[:1], axes.y_box[0])
        mob.set_points_as_corners([p, p])
        return mob
    xa, xb = span
    ya, yb = line.slope * xa + line.intercept, line.slope * xb + line.intercept
    mob.set_points_as_corners([axes.c2p(xa, ya), axes.c2p(xb, yb)])
    return mob


def line_on_axes(
    axes: PlotAxes,
    line: SlopeLine,
    *,
    color: str | None = None,
    stroke_width: float = style.STROKE_LINE,
    x_range: tuple[float, float] | None = None,
    center: float | None = None,
    length: float | None = None,
) -> Line:
    """A new manim ``Line`` drawing ``line`` on ``axes``, clipped to the plot area (see
    :func:`put_line_on_axes` for the arguments)."""
    color = style.TANGENT if color is None else color
    mob = Line(ORIGIN, RIGHT, color=color, stroke_width=stroke_width)
    return put_line_on_axes(mob, axes, line, x_range=x_range, center=center, length=length)
