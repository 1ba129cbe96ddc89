""":class:`DerivativeTrace`: f'(x) drawn point by point on its own axes as a tracked x moves.

The lower panel of :class:`scenes.tangent_sweep.TangentSweep`, usable by any lesson that sweeps a
point along f and wants the slopes it meets plotted as the derivative: the axes of f', the traced
curve, the moving point on it and the open dots at corners, each kept up to date by its own
updater from one ``ValueTracker``. The values come from the scene (``core.calculus``); nothing here
computes a derivative.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from manim import Dot, ValueTracker, VGroup, VMobject

from scenes.kit import style
from scenes.kit.axes import PlotAxes, fitted_axes

__all__ = ["DerivativeTrace"]


class DerivativeTrace(VGroup):
    """The trace of f' on its axes, following x = ``tracker``'s value.

    Where f' does not exist nothing claims it does: within ``hide_within`` of a break
    (``breaks``: corners and points of infinite slope) the point is hidden, and no trace is drawn
    there; at a corner the trace breaks, ending on each finite one-sided limit, where an open dot
    appears once x reaches the corner. Where f' leaves the axis (an infinite slope at an end) the
    trace stops at the axis rather than running along its edge.

    The parts are handed to the beats one by one (each has its place in the drawing order), so
    the scene adds :attr:`axes`, :attr:`trace`, :attr:`dot` and :attr:`break_dots` itself.

    Parameters
    ----------
    axes : PlotAxes
        The axes of f', already placed (see :meth:`make_axes`); a part of this component.
    df : callable
        f' element-wise on arrays (nan where it does not exist), e.g. from
        :func:`core.calculus.stated_derivative`.
    tracker : ValueTracker
        The x of the sweep; its value is clipped to ``x_range``.
    x_range : tuple of float
        ``(x_min, x_max)``: where the sweep runs and the trace is drawn.
    breaks : iterable of :class:`core.singularities.Singularity`
        Where f' does not exist (kinds ``"corner"`` and ``"infinite slope"``).
    hide_within : float
        How close to a break (in x) nothing is shown.
    samples : int
        Samples of f' over the whole range (fewer per piece, in proportion).

    Attributes
    ----------
    axes : PlotAxes
    trace : VMobject
        The curve traced so far: one path per unbroken run, up to the current x.
    dot : Dot
        The point (x, f'(x)), transparent where it is not shown or off the axis.
    break_dots : VGroup
        The open dots at the one-sided limits of each corner (inside the axis).
    runs : list of tuple of ndarray
        ``(xs, slopes)`` of each unbroken piece of the trace, in data coordinates.
    run_points : list of ndarray
        The same pieces as screen points.
    """

    def __init__(
        self,
        axes: PlotAxes,
        df: Callable[[Any], Any],
        tracker: ValueTracker,
        *,
        x_range: tuple[float, float],
        breaks: Iterable[Any] = (),
        hide_within: float = 0.0,
        samples: int = 481,
    ) -> None:
        super().__init__()
        self.axes, self.df, self.tracker = axes, df, tracker
        self.x_min, self.x_max = x_range
        self.breaks = list(breaks)
        self.hide_within = hide_within
        self.corners = [b for b in self.breaks if b.kind == "corner"]
        self.runs = self._runs(samples)
        self.run_points = [axes.c2p_array(rx, ry) for rx, ry in self.runs]
        self.dot = Dot(radius=style.DOT_RADIUS, color=style.DERIVATIVE_CURVE)
        self.dot.add_updater(self._update_dot)
        self.trace = VMobject().set_stroke(style.DERIVATIVE_CURVE, style.STROKE_CURVE)
        self.trace.add_updater(self._update_trace)
        self.break_dots = self._break_dots()
        self.add(axes, self.trace, self.break_dots, self.dot)
        for m in (self.dot, self.trace, *self.break_dots):
            m.update()

    @staticmethod
    def make_axes(
        df: Callable[[np.ndarray], np.ndarray],
        x_min: float,
        x_max: float,
        *,
        x_length: float,
        y_length: float = 2.0,
        extra_y: Sequence[float] = (),
        max_x_ticks: int = 7,
    ) -> PlotAxes:
        """Axes for f' on ``[x_min, x_max]``, fitted to ``df`` (nan where it should not count)
        and to ``extra_y`` (the one-sided limits at corners), labelled f'(x): the axes to hand
        to the constructor once placed. A :func:`scenes.kit.axes.fitted_axes` with at most five
        y ticks (``max_x_ticks`` x intervals at most); ``x_length`` and ``y_length`` are its
        screen size."""
        return fitted_axes(df, x_min, x_max, x_length=x_length, y_length=y_length,
                           max_y_ticks=5, y_label="f'(x)", extra_y=extra_y,
                           max_x_ticks=max_x_ticks)

    # --- where the sweep stands -----------------------------------------------------------------
    def x(self) -> float:
        """The x of the sweep, inside the range."""
        return float(np.clip(self.tracker.get_value(), self.x_min, self.x_max))

    def shown(self) -> bool:
        """Whether f'(x) exists at the sweep's x and may be shown (not too close to a break)."""
        x = self.x()
        return all(abs(x - b.x) >= self.hide_within for b in self.breaks) and math.isfinite(
            self.df(x))

    def point(self) -> np.ndarray | None:
        """(x, f'(x)) on the axes, or None where it is not shown or off the axis."""
        if not self.shown():
            return None
        value = float(self.df(self.x()))
        if not self.axes.y_box[0] <= value <= self.axes.y_box[1]:
            return None
        return self.axes.c2p(self.x(), value)

    def stop_tracing(self) -> None:
        """Leave the trace as drawn (complete at the end of the sweep): its updater ends."""
        self.trace.clear_updaters()

    # --- construction ---------------------------------------------------------------------------
    def _runs(self, samples: int) -> list[tuple[np.ndarray, np.ndarray]]:
        """Unbroken runs of f' inside the axis, split at corners and where f' leaves the axis
        (never a line across a jump, never clipped flat along the top)."""
        y_box = self.axes.y_box
        x_min, x_max = self.x_min, self.x_max
        span = x_max - x_min
        cuts = sorted([x_min, x_max, *(b.x for b in self.corners)])
        runs = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            run_xs = np.linspace(a, b, max(3, int(samples * (b - a) / span)))
            run_ys = self.df(run_xs)
            # at a corner the run ends on the one-sided limit (the open dot)
            for c in self.corners:
                if c.x == a and math.isfinite(c.right):
                    run_ys[0] = c.right
                if c.x == b and math.isfinite(c.left):
                    run_ys[-1] = c.left
            inside = np.isfinite(run_ys) & (run_ys >= y_box[0]) & (run_ys <= y_box[1])
            edges = np.flatnonzero(np.diff(np.concatenate([[0], inside.astype(int), [0]])))
            for i, j in zip(edges[::2], edges[1::2], strict=True):
                if j - i >= 2:
                    runs.append((run_xs[i:j], run_ys[i:j]))
        return runs

    def _break_dots(self) -> VGroup:
        """Open dots at the one-sided limits of each corner, shown once the sweep reaches it."""
        axes = self.axes
        dots = VGroup()
        for c in self.corners:
            for value in (c.left, c.right):
                if not (math.isfinite(value) and axes.y_box[0] <= value <= axes.y_box[1]):
                    continue
                ring = Dot(axes.c2p(c.x, value), radius=style.DOT_RADIUS,
                           color=style.BACKGROUND).set_stroke(style.DERIVATIVE_CURVE, 3)
                ring.add_updater(lambda m, cx=c.x: m.set_opacity(1.0 if self.x() >= cx else 0.0))
                dots.add(ring)
        return dots

    # --- updaters ---------------------------------------------------------------------------------
    def _update_dot(self, m: VMobject) -> None:
        point = self.point()
        m.move_to(self.axes.c2p(self.x(), self.axes.y_box[0]) if point is None else point)
        m.set_opacity(0.0 if point is None else 1.0)

    def _update_trace(self, m: VMobject) -> None:
        m.clear_points()
        now = self.x()
        for (rx, _), pts in zip(self.runs, self.run_points, strict=True):
            n = int(np.searchsorted(rx, now, side="right"))
            if n == 0:
                break
            pts = pts[:n]
            point = self.point()
            if n < len(rx) and point is not None:
                pts = np.vstack([pts, point])
            if len(pts) >= 2:
                m.start_new_path(pts[0])
                m.add_points_as_corners(pts[1:])
        if not m.has_points():
            start = self.axes.c2p(self.x_min, self.axes.y_box[0])
            m.set_points_as_corners([start, start])
            m.set_stroke(opacity=0.0)
        else:
            m.set_stroke(opacity=1.0)
