"""``TangentSweep``: the tangent slides along f while its slopes trace f' below.

The tangent (``core.calculus.tangent``) rides the curve from ``x_min`` to ``x_max`` with its point
and a live slope readout; on a second pair of axes below, sharing the x scale, the slope at each x
(``core.calculus.stated_derivative``, exact to rounding) is plotted, so the derivative f'(x) is
drawn point by point. The sweep stops at each of ``config.function.tangent_points`` (the post's 3,
6, 9) and leaves that tangent drawn in its own colour, with its slope: the post's last figure, in
motion.

Where f' does not exist (``config.function.derivative_breaks``) nothing claims it does: at a
corner the trace of f' breaks, with an open dot at each one-sided limit and no line joining
them; near an end where the slope is infinite (sqrt at 0) f' is drawn only where it fits the
axis, which is fitted to the rest; and while the sweep crosses such a point the tangent, the
slope readout and the point on f' are hidden.

One ``ValueTracker`` (the x of the point) drives everything through updaters; the slopes along the
way are computed once, vectorized, before anything moves.
"""

from __future__ import annotations

import math

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    ValueTracker,
    VGroup,
    VMobject,
    smooth,
)

from core.calculus import stated_derivative
from scenes import style
from scenes.common import (
    Readout,
    expression_to_tex,
    fitted_axes,
    format_fixed,
    line_on_axes,
    number_tex,
    prepare_scene,
    put_line_on_axes,
    slope_line,
    tex,
    text,
)
from scenes.lesson import Lesson

__all__ = ["TangentSweep", "TangentSweepJa"]


def _short(x: float) -> str:
    """A tangent point as a label: ``3`` rather than ``3.0``, ``1.5`` as is."""
    for d in range(0, 4):
        if abs(round(x, d) - x) < 1e-9:
            return format_fixed(x, d)
    return format_fixed(x, 3)


class TangentSweep(Lesson):
    """The tangent sliding along the curve while f'(x) is traced below (issue 4, scene 3).

    Class attributes (override in a subclass for a variant):

    language : {"en", "ja"} or None
        None: ``config.language``.
    speed : float
        Screen units per second of the moving point, along x.
    pause : float
        Seconds spent at each tangent point.

    Attributes set by ``lay_out`` (for tests): ``cfg``, ``f``, ``axes`` (top, f),
    ``d_axes`` (bottom, f'), ``x_tracker``, ``tangent_lines`` (:class:`core.calculus.Line` at
    each tangent point, with the stated slope), ``tangent_mobs`` (their drawings),
    ``moving_tangent``, ``slope_readout``, ``x_readout``, ``trace``, ``trace_runs`` (the
    ``(xs, slopes)`` of each unbroken piece of the trace), ``break_dots`` (the open dots),
    ``stated`` (``[(x, f'(x))]``: every value stated as f', in the legend and in the readout at
    each stop).
    """

    language: str | None = None
    speed = 1.05
    pause = 2.6
    x_length = 8.6
    tangent_length = 3.2

    # -----------------------------------------------------------------------------------------
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_curve,
            self.show_moving_tangent,
            self.sweep_tangent_points,  # a beat per tangent point
            self.show_derivative,
        )

    # -----------------------------------------------------------------------------------------
    def lay_out(self) -> None:
        """Build every mobject and updater; nothing is played yet."""
        cfg, tr = prepare_scene(self, self.language)
        self.cfg, self.tr = cfg, tr
        fn = cfg.function
        self.f = f = fn.f
        x_min, x_max = fn.x_min, fn.x_max
        points = list(fn.tangent_points)

        # the slopes along the sweep, once (vectorized, exact to rounding): the trace of f'
        span = x_max - x_min
        breaks = [b for b in fn.singularities if b.kind in ("corner", "infinite slope")]
        self.hide_within = 0.012 * span  # no tangent or slope this close to a break
        infinite_ends = [b.x for b in breaks if b.kind == "infinite slope"]

        def df(x: np.ndarray) -> np.ndarray:
            with np.errstate(all="ignore"):
                return np.asarray(stated_derivative(f, np.asarray(x, dtype=float)), dtype=float)

        def df_to_fit(x: np.ndarray) -> np.ndarray:
            # f' for the axis: not near an end where it is infinite (the axis is clipped there)
            values = df(x)
            for e in infinite_ends:
                values = np.where(np.abs(np.asarray(x) - e) < 0.05 * span, np.nan, values)
            return values

        self.df = df
        self.tangent_lines = [slope_line(f, p) for p in points]
        # --- layout ---------------------------------------------------------------------------
        caption = text(tr("sweep.title"), size=style.SIZE_TITLE)
        caption.to_corner(UL, buff=style.MARGIN + 0.05)
        self.caption = caption
        axes = fitted_axes(f, x_min, x_max, x_length=self.x_length, y_length=2.6,
                           max_y_ticks=5, x_numbers=False, x_label=None)
        corners = [b for b in breaks if b.kind == "corner"]
        limits = [v for b in corners for v in (b.left, b.right) if math.isfinite(v)]
        d_axes = fitted_axes(df_to_fit, x_min, x_max, x_length=self.x_length, y_length=2.0,
                             max_y_ticks=5, y_label="f'(x)", extra_y=limits)
        left = -6.15
        d_axes.shift(np.array([left, -3.3, 0]) - d_axes.c2p(d_axes.x_box[0], d_axes.y_box[0]))
        top_bottom = d_axes.y_label.get_top()[1] + 0.3
        axes.shift(np.array([left, top_bottom, 0]) - axes.c2p(axes.x_box[0], axes.y_box[0]))
        # wide tick numbers (e.g. 25000) push both plots right, together (they share x)
        overflow = max(0.0, -7.1 + style.MARGIN - min(axes.get_left()[0], d_axes.get_left()[0]))
        axes.shift(RIGHT * overflow)
        d_axes.shift(RIGHT * overflow)
        self.axes, self.d_axes = axes, d_axes
        curve = axes.plot_function(f, x_min, x_max)
        fn_label = tex("f(x) = " + expression_to_tex(fn.expression), color=style.CURVE,
                       size=style.SIZE_LABEL)
        fn_label.next_to(axes.c2p(axes.x_box[1], axes.y_box[1]), UP, buff=0.2)
        fn_label.align_to(axes.c2p(axes.x_box[1], 0), RIGHT).set_y(axes.y_label.get_y())
        room = axes.c2p(axes.x_box[1], 0)[0] - axes.y_label.get_right()[0] - 0.4
        if fn_label.width > room:
            fn_label.scale_to_fit_width(room)
            fn_label.align_to(axes.c2p(axes.x_box[1], 0), RIGHT)

        column_left = d_axes.x_label.get_right()[0] + 0.45
        column_right = 7.1 - style.MARGIN

        # --- the moving parts -----------------------------------------------------------------
        self.x_tracker = xt = ValueTracker(x_min)

        def x() -> float:
            return float(np.clip(xt.get_value(), x_min, x_max))

        def shown() -> bool:
            """Whether f'(x) exists here and may be shown (not too close to a break)."""
            return all(abs(x() - b.x) >= self.hide_within for b in breaks) and math.isfinite(
                df(x()))

        self.shown = shown
        dot = Dot(radius=style.DOT_RADIUS, color=style.POINT)
        dot.add_updater(lambda m: m.move_to(axes.c2p(x(), float(f(x())))))
        self.moving_tangent = moving = Line(stroke_width=style.STROKE_LINE + 1,
                                            color=style.TANGENT)

        def update_moving(m: VMobject) -> None:
            if shown():
                put_line_on_axes(m, axes, slope_line(f, x()), length=self.tangent_length)
            else:  # no tangent where f' does not exist: collapse it onto the point
                m.set_points_as_corners([dot.get_center(), dot.get_center()])

        moving.add_updater(update_moving)
        d_dot = Dot(radius=style.DOT_RADIUS, color=style.DERIVATIVE_CURVE)

        def d_point() -> np.ndarray | None:
            """(x, f'(x)) on the lower axes, or None where not shown or off the axis."""
            if not shown():
                return None
            value = float(df(x()))
            if not d_axes.y_box[0] <= value <= d_axes.y_box[1]:
                return None
            return d_axes.c2p(x(), value)

        def update_d_dot(m: VMobject) -> None:
            point = d_point()
            m.move_to(d_axes.c2p(x(), d_axes.y_box[0]) if point is None else point)
            m.set_opacity(0.0 if point is None else 1.0)

        d_dot.add_updater(update_d_dot)

        # the trace: unbroken runs of f' inside the axis, split at corners and where f' leaves
        # the axis (never a line across a jump, never clipped flat along the top)
        cuts = sorted([x_min, x_max, *(b.x for b in corners)])
        runs = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            run_xs = np.linspace(a, b, max(3, int(481 * (b - a) / span)))
            run_ys = df(run_xs)
            # at a corner the run ends on the one-sided limit (the open dot)
            for c in corners:
                if c.x == a and math.isfinite(c.right):
                    run_ys[0] = c.right
                if c.x == b and math.isfinite(c.left):
                    run_ys[-1] = c.left
            inside = np.isfinite(run_ys) & (run_ys >= d_axes.y_box[0]) & (
                run_ys <= d_axes.y_box[1])
            edges = np.flatnonzero(np.diff(np.concatenate([[0], inside.astype(int), [0]])))
            for i, j in zip(edges[::2], edges[1::2], strict=True):
                if j - i >= 2:
                    runs.append((run_xs[i:j], run_ys[i:j]))
        self.trace_runs = runs
        run_points = [d_axes.c2p_array(rx, ry) for rx, ry in runs]
        self.trace = trace = VMobject().set_stroke(style.DERIVATIVE_CURVE, style.STROKE_CURVE)

        def update_trace(m: VMobject) -> None:
            m.clear_points()
            now = x()
            for (rx, _), pts in zip(runs, run_points, strict=True):
                n = int(np.searchsorted(rx, now, side="right"))
                if n == 0:
                    break
                pts = pts[:n]
                point = d_point()
                if n < len(rx) and point is not None:
                    pts = np.vstack([pts, point])
                if len(pts) >= 2:
                    m.start_new_path(pts[0])
                    m.add_points_as_corners(pts[1:])
            if not m.has_points():
                start = d_axes.c2p(x_min, d_axes.y_box[0])
                m.set_points_as_corners([start, start])
                m.set_stroke(opacity=0.0)
            else:
                m.set_stroke(opacity=1.0)

        trace.add_updater(update_trace)
        # open dots at the one-sided limits of each corner, shown once the sweep reaches it
        self.break_dots = VGroup()
        for c in corners:
            for value in (c.left, c.right):
                if not (math.isfinite(value) and d_axes.y_box[0] <= value <= d_axes.y_box[1]):
                    continue
                ring = Dot(d_axes.c2p(c.x, value), radius=style.DOT_RADIUS,
                           color=style.BACKGROUND).set_stroke(style.DERIVATIVE_CURVE, 3)
                ring.add_updater(lambda m, cx=c.x: m.set_opacity(1.0 if x() >= cx else 0.0))
                self.break_dots.add(ring)
        guide = Line(stroke_width=1.5, color=style.TEXT_DIM).set_stroke(opacity=0.6)

        def update_guide(m: VMobject) -> None:
            point = d_point()
            end = dot.get_center() if point is None else point
            m.set_points_as_corners([dot.get_center(), end])

        guide.add_updater(update_guide)

        # readouts (the slope read at the scale of f': 1e9*x**2 gives 6.00000 × 10⁹)
        values = np.abs(df_to_fit(np.linspace(x_min, x_max, 481)))
        scale = float(np.max(values[np.isfinite(values)], initial=0.0))
        self.x_readout = Readout("x", value=x_min, fmt="{:.2f}")
        self.slope_readout = Readout(
            text(tr("common.slope"), size=style.SIZE_READOUT_LABEL, color=style.TANGENT),
            value=df(x_min) if shown() else math.nan, scale=scale, color=style.TANGENT,
        )
        readouts = VGroup(self.x_readout, self.slope_readout).arrange(DOWN, aligned_edge=LEFT,
                                                                      buff=0.3)
        self.x_readout.shift(RIGHT * (self.slope_readout.equals.get_x()
                                      - self.x_readout.equals.get_x()))
        readouts.move_to([(column_left + column_right) / 2, axes.get_center()[1] + 0.6, 0])
        self._fit(readouts, column_left, column_right)
        self.x_readout.track(x)
        # no number where f' does not exist (the number draws nothing for nan)
        self.slope_readout.track(lambda: float(df(x())) if shown() else math.nan)

        # --- tangents left behind, and their legend --------------------------------------------
        colours = [style.TANGENT_COLORS[i % len(style.TANGENT_COLORS)] for i in range(len(points))]
        self.tangent_mobs = [
            line_on_axes(axes, line, color=c, stroke_width=style.STROKE_LINE)
            for line, c in zip(self.tangent_lines, colours, strict=True)
        ]
        marks = [
            Dot(axes.c2p(p, line.y0), radius=style.DOT_RADIUS, color=c)
            .set_stroke(style.BACKGROUND, 2.5, background=True)
            for p, line, c in zip(points, self.tangent_lines, colours, strict=True)
        ]
        d_marks = [
            Dot(d_axes.c2p(p, line.slope), radius=style.DOT_RADIUS + 0.01, color=c)
            .set_stroke(style.BACKGROUND, 3, background=True)
            for p, line, c in zip(points, self.tangent_lines, colours, strict=True)
        ]
        legend_rows = []
        for p, line, c in zip(points, self.tangent_lines, colours, strict=True):
            swatch = Line(LEFT * 0.25, RIGHT * 0.25, color=c, stroke_width=style.STROKE_LINE)
            label = tex(f"f'({_short(p)}) = {number_tex(line.slope)}", color=c,
                        size=style.SIZE_LABEL)
            legend_rows.append(VGroup(swatch, label).arrange(RIGHT, buff=0.2))
        legend = VGroup(*legend_rows).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        legend.next_to(readouts, DOWN, buff=0.55).align_to(readouts, LEFT)
        self._fit(legend, column_left, column_right, bottom=-4 + style.MARGIN)
        self.legend = legend
        for m in (dot, moving, d_dot, trace, guide, *self.break_dots):
            m.update()
        # every value stated as f': the legend's, and the readout's at each stop (see the beats)
        self.stated = [(p, line.slope) for p, line in zip(points, self.tangent_lines,
                                                          strict=True)]

        self.tangent_points = points
        self.x_min, self.x_max = x_min, x_max
        self.curve, self.fn_label, self.readouts = curve, fn_label, readouts
        self.dot, self.d_dot, self.guide = dot, d_dot, guide
        self.marks, self.d_marks, self.legend_rows = marks, d_marks, legend_rows
        # static from their beat on: the bottom of the drawing order (see _say)
        self.static_parts = [axes, d_axes, curve, fn_label]
        self.sweep_x = x_min  # where the sweep stands (see _sweep_to)

    # --- the beats -----------------------------------------------------------------------------
    def show_curve(self) -> None:
        """The title, both pairs of axes and the curve."""
        self.add(self.caption)
        self.wait(1.0)
        self.play(FadeIn(self.axes), FadeIn(self.d_axes), run_time=1.2)
        self.play(Create(self.curve), FadeIn(self.fn_label), run_time=1.4)
        self.wait(0.6)

    def show_moving_tangent(self) -> None:
        """The tangent at x_min with its slope, and the point below that will trace f'."""
        self.play(FadeIn(self.dot, scale=0.5), Create(self.moving_tangent), run_time=1.0)
        self.add(self.break_dots)  # (each shows once the sweep reaches its corner)
        self.play(FadeIn(self.readouts), run_time=0.8)
        self.wait(1.0)
        self.narrate("sweep.trace")
        self._say(self.tr("sweep.trace"))
        self.play(FadeIn(self.d_dot, scale=0.5), Create(self.guide), run_time=0.8)
        self.add(self.trace)
        self.bring_to_front(self.d_dot, self.dot)
        self.wait(1.2)

    def sweep_tangent_points(self) -> None:
        """The sweep to each tangent point, whose tangent and slope stay drawn; a beat each."""
        for i, stop in enumerate(self.tangent_points):
            if i:
                self.end_beat()
            self._sweep_to(stop)
            self.slope_readout.number.update()
            self.stated.append((stop, self.slope_readout.value))  # the readout states f'
            self.narrate("sweep.pause", x=_short(stop))
            self._say(self.tr("sweep.pause", x=_short(stop)), run_time=0.5)
            self.play(
                Create(self.tangent_mobs[i]), FadeIn(self.marks[i], scale=0.5),
                FadeIn(self.d_marks[i], scale=0.5),
                FadeIn(self.legend_rows[i], shift=0.1 * LEFT),
                run_time=1.0,
            )
            # static from now on: bottom of the drawing order (see _say); the f' marks
            # stay on top of the trace
            self.static_parts += [self.tangent_mobs[i], self.marks[i], self.legend_rows[i]]
            self.bring_to_back(*self.static_parts)
            self.bring_to_front(self.moving_tangent, self.dot, self.d_marks[i], self.d_dot)
            self.wait(self.pause - 1.5)

    def show_derivative(self) -> None:
        """The sweep to x_max; the trace of f' stays, complete, as the moving parts fade."""
        self._sweep_to(self.x_max)
        self.wait(0.6)
        self.narrate("sweep.final")
        self._say(self.tr("sweep.final"))
        self.trace.clear_updaters()  # it stays, complete; the rest fades out with its updaters
        self.play(FadeOut(self.moving_tangent), FadeOut(self.dot), FadeOut(self.guide),
                  FadeOut(self.d_dot), FadeOut(self.readouts), run_time=1.0)
        self.wait(3.5)

    # -----------------------------------------------------------------------------------------
    def _sweep_to(self, stop: float) -> None:
        """Move the point from where the sweep stands to x = ``stop``, at ``speed``."""
        unit = float(np.linalg.norm(self.axes.c2p(1, 0) - self.axes.c2p(0, 0)))
        distance = (stop - self.sweep_x) * unit
        if distance > 1e-9:
            self.play(self.x_tracker.animate.set_value(stop), rate_func=smooth,
                      run_time=max(0.8, distance / self.speed))
        self.sweep_x = stop

    # -----------------------------------------------------------------------------------------
    def _say(self, sentence: str, run_time: float = 0.6) -> None:
        """Replace the caption at the top with ``sentence``."""
        new = text(sentence, size=style.SIZE_BODY)
        new.to_corner(UL, buff=style.MARGIN + 0.05)
        if new.width > 14.2 - 2 * style.MARGIN:
            new.scale_to_fit_width(14.2 - 2 * style.MARGIN)
        self.play(FadeOut(self.caption, shift=0.15 * UP), FadeIn(new, shift=0.15 * UP),
                  run_time=run_time)
        self.caption = new
        # static text first in the drawing order: drawn once into the cached background,
        # not every frame with the moving parts (it overlaps nothing)
        self.bring_to_back(new)

    @staticmethod
    def _fit(mob: VMobject, left: float, right: float, bottom: float | None = None) -> None:
        """Shrink ``mob`` into the column [left, right] (and above ``bottom``), keep it inside."""
        if mob.width > right - left:
            mob.scale_to_fit_width(right - left)
        if mob.get_left()[0] < left:
            mob.shift(RIGHT * (left - mob.get_left()[0]))
        if mob.get_right()[0] > right:
            mob.shift(LEFT * (mob.get_right()[0] - right))
        if bottom is not None and mob.get_bottom()[1] < bottom:
            top = mob.get_top()[1]
            if top - bottom < mob.height:
                mob.scale_to_fit_height(top - bottom).align_to([0, top, 0], UP)
            mob.shift(UP * max(0.0, bottom - mob.get_bottom()[1]))


class TangentSweepJa(TangentSweep):
    """Japanese, whatever ``config.language`` says."""

    language = "ja"
