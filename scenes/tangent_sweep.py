"""``TangentSweep``: the tangent slides along f while its slopes trace f' below.

The tangent (``core.calculus.tangent``) rides the curve with its point and a live slope readout;
on a second pair of axes below, sharing the x scale, the slope at each x
(``core.calculus.stated_derivative``, exact to rounding) is plotted as a height (a bar from
f' = 0 up to the point), so the derivative f'(x) is drawn point by point. At the first tangent
point the slope is shown as the tangent's rise over a run of 1, and that rise, with its number,
is carried down to become the height below.

The sweep runs over ``config.function``'s range, widened by :func:`core.sweep.sweep_range` to take
in a stationary point just outside it: the post's f = 0.02x² + 0.1x has its minimum at x = -2.5,
so the sweep starts at -4 and stops there, where the tangent is flat and f'(-2.5) = 0 (the point
an optimiser looks for). It then stops at each of ``config.function.tangent_points`` (the post's
3, 6, 9) and leaves that tangent drawn in its own colour (``style.KEPT_TANGENT_COLORS``, clearly
apart from the moving tangent's), with its slope: the post's last figure, in motion.

Where f' does not exist (``config.function.derivative_breaks``) nothing claims it does: at a
corner the trace of f' breaks, with an open dot at each one-sided limit and no line joining
them; near an end where the slope is infinite (sqrt at 0) f' is drawn only where it fits the
axis, which is fitted to the rest; and while the sweep crosses such a point the tangent, the
slope readout and the point on f' are hidden.

For a quadratic the scene ends by deriving the traced line where the plot of f was, as
SecantToTangent does at one point (:func:`core.sweep.quadratic_quotient`, no power rule):
f(x+h) - f(x) = 0.02(2xh + h²) + 0.1h = 0.04xh + 0.02h² + 0.1h; divided by h, the secant slope
0.04x + 0.1 + 0.02h; as h → 0, f'(x) = 0.04x + 0.1, held on screen 4.5 s. For any other f the
formula of f' is computed from f's text by :func:`core.symbolic.derivative_text` (never typed)
and written beside the trace, with, for a polynomial, what its degree says of the trace's shape.

One ``ValueTracker`` (the x of the point) drives everything through updaters; the slopes along the
way are computed once, vectorized, before anything moves.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    ORIGIN,
    RIGHT,
    UL,
    UP,
    UR,
    AnimationGroup,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    LaggedStart,
    Line,
    Rectangle,
    Transform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    config,
    smooth,
    there_and_back,
)

from core.calculus import stated_derivative
from core.calculus import stated_tangent as slope_line
from core.sweep import quadratic_quotient, sweep_range
from core.symbolic import derivative_text, polynomial, polynomial_text
from core.tex import expression_to_tex
from scenes.kit import style
from scenes.kit.axes import fitted_axes
from scenes.kit.caption import BAND_TOP
from scenes.kit.derivative_trace import DerivativeTrace
from scenes.kit.formatting import NumberFormat
from scenes.kit.formatting import format_short as _short
from scenes.kit.lesson import Lesson
from scenes.kit.lines import line_on_axes, put_line_on_axes
from scenes.kit.readouts import Readout
from scenes.kit.typography import tex, text

__all__ = ["TangentSweep", "TangentSweepJa"]


class TangentSweep(Lesson):
    """The tangent sliding along the curve while f'(x) is traced below.

    Class attributes (override in a subclass for a variant):

    language : {"en", "ja"} or None
        None: ``config.language``.
    speed : float
        Screen units per second of the moving point, along x.
    pause : float
        Seconds spent at each tangent point.

    Attributes set by ``lay_out`` (for tests): ``cfg``, ``f``, ``axes`` (top, f),
    ``derivative`` (the lower plot, a :class:`scenes.kit.derivative_trace.DerivativeTrace`: its
    ``axes``, the ``trace``, the ``runs`` (``(xs, slopes)`` of each unbroken piece of the trace)
    and the ``break_dots`` (the open dots)), ``x_tracker``, ``tangent_lines``
    (:class:`core.calculus.Line` at each tangent point, with the stated slope), ``tangent_mobs``
    (their drawings), ``moving_tangent``, ``slope_readout``, ``x_readout``, ``stated``
    (``[(x, f'(x))]``: every value stated as f', in the legend and in the readout at each stop),
    ``derivative_text`` (f' as text, from :mod:`core.symbolic`), ``formula`` and
    ``derivation`` (their drawings; ``derivation`` only for a quadratic), ``formula_place``,
    ``log`` (``(time, event, what)``: departures, arrivals and captions, in scene time).
    """

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
            self.show_flat_tangent,  # where f' = 0, left of the post's range
            self.sweep_tangent_points,  # a beat per tangent point
            self.show_derivative,
            self.show_formula,
            self.explain_formula,  # and the conclusion held (see finish)
        )

    # -----------------------------------------------------------------------------------------
    def lay_out(self) -> None:
        """Build every mobject and updater; nothing is played yet."""
        fn = self.cfg.function
        self.f = f = fn.f
        # the post's range, widened to take in a stationary point just outside it (the post's
        # minimum at x = -2.5: the sweep runs from -4), where the tangent is flat and f' = 0
        self.sweep = sweep = sweep_range(f, fn.x_min, fn.x_max)
        self.x_min, self.x_max = x_min, x_max = sweep.start, sweep.stop
        self.flat_points = [s for s in sweep.stationary if not fn.x_min <= s <= fn.x_max]
        points = list(fn.tangent_points)

        # the slopes along the sweep, once (vectorized, exact to rounding): the trace of f'
        span = x_max - x_min
        breaks = [b for b in fn.singularities if b.kind in ("corner", "infinite slope")]
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

        self.tangent_lines = [slope_line(f, p) for p in points]
        self.title = text(self.tr("sweep.title"), size=style.SIZE_TITLE)
        self.title.to_corner(UL, buff=style.MARGIN + 0.05)
        # the caption is a point's title ("Tangent at x = 3"), which goes when the point leaves
        # (see _sweep_to), or a sentence, which stays until the next caption
        self.caption_is_title = False
        corners = [b for b in breaks if b.kind == "corner"]
        limits = [v for b in corners for v in (b.left, b.right) if math.isfinite(v)]
        self.axes, d_axes = axes, d_axes = self._lay_out_plots(df_to_fit, limits)
        curve = axes.plot_function(f, x_min, x_max)
        fn_label = tex("f(x) = " + expression_to_tex(fn.expression), color=style.CURVE,
                       size=style.SIZE_LABEL)
        plot_right = axes.c2p(axes.x_box[1], 0)[0]
        fn_label.align_to([plot_right, 0, 0], RIGHT).set_y(axes.y_label.get_y())
        # --- the moving parts -----------------------------------------------------------------
        self.x_tracker = xt = ValueTracker(x_min)
        # the lower plot: f' traced as x moves, hidden this close to a break
        self.derivative = derivative = DerivativeTrace(
            d_axes, df, xt, x_range=(x_min, x_max), breaks=breaks, hide_within=0.012 * span)
        x, shown = derivative.x, derivative.shown
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
        self.legend_shown: list[VMobject] = []  # legend rows on screen (the guide skips them)
        guide = self._guide(dot, derivative)
        self.triangle, self.height_bar = self._slope_triangle(dot, derivative)
        self.rise_sentence: str | None = None  # the caption of the rise (see _show_rise)
        self.conclusion_at: float | None = None  # when the last conclusion went up (finish)
        self._lay_out_flat_points()
        readouts = self._lay_out_readouts(df_to_fit, fn_label)
        self._lay_out_tangents(points)
        for m in (dot, moving, guide):
            m.update()
        # every value stated as f': the legend's, and the readout's at each stop (see the beats)
        self.stated = [(p, line.slope) for p, line in zip(points, self.tangent_lines,
                                                          strict=True)]
        self.fn_label = fn_label
        self._lay_out_formula(fn.expression)

        self.tangent_points = points
        self.x_min, self.x_max = x_min, x_max
        self.curve, self.fn_label, self.readouts = curve, fn_label, readouts
        self.dot, self.guide = dot, guide
        # static from their beat on: the bottom of the drawing order (see _say)
        self.static_parts = [axes, d_axes, curve, fn_label]
        self.sweep_x = x_min  # where the sweep stands (see _sweep_to)
        self.log: list[tuple[float, str, Any]] = []  # (time, event, what): see _sweep_to, _show

    def _lay_out_plots(self, df_to_fit: Any, limits: list[float]) -> tuple[Any, Any]:
        """The axes of f (top) and of f' (bottom): both span the frame, sharing the x scale;
        ``df_to_fit`` and ``limits`` are what the axis of f' fits."""
        f, x_min, x_max = self.f, self.x_min, self.x_max
        left, right = -7.1 + style.MARGIN, 7.1 - style.MARGIN

        def build(x_length: float, y_length: float = 1.9) -> tuple[Any, Any]:
            # (at most 8 x intervals: -4 to 12 in steps of 2, not of 2.5)
            top = fitted_axes(f, x_min, x_max, x_length=x_length, y_length=y_length,
                              max_y_ticks=5, x_numbers=False, x_label=None, max_x_ticks=8)
            bottom = DerivativeTrace.make_axes(df_to_fit, x_min, x_max, x_length=x_length,
                                               y_length=1.8, extra_y=limits, max_x_ticks=8)
            return top, bottom

        axes, d_axes = build(self.x_length)
        # the tick numbers on the left and the "x" on the right take what the plots leave
        outside = max(a.c2p(a.x_box[0], 0)[0] - a.get_left()[0] for a in (axes, d_axes)) + (
            d_axes.get_right()[0] - d_axes.c2p(d_axes.x_box[1], 0)[0])
        y_length = 1.9
        while True:
            axes, d_axes = build(right - left - outside, y_length)
            origin_x = left + max(a.c2p(a.x_box[0], 0)[0] - a.get_left()[0]
                                  for a in (axes, d_axes))
            # the lower plot's tick numbers and "x" clear of the caption band
            d_axes.shift(np.array([origin_x, BAND_TOP + 0.5, 0])
                         - d_axes.c2p(d_axes.x_box[0], d_axes.y_box[0]))
            top_bottom = d_axes.y_label.get_top()[1] + 0.3
            axes.shift(np.array([origin_x, top_bottom, 0])
                       - axes.c2p(axes.x_box[0], axes.y_box[0]))
            # the upper plot's y label clear of the title (more rows of ticks: a taller label)
            over = axes.y_label.get_top()[1] - (self.title.get_bottom()[1] - 0.12)
            if over <= 0 or y_length < 1.2:
                break
            y_length -= over + 0.02
        return axes, d_axes

    def _slope_triangle(self, dot: Dot, derivative: DerivativeTrace) -> tuple[Any, Any]:
        """The moving tangent's slope as rise over a run of 1 (``triangle``: the run, the rise
        and the "1"), and that rise as the height of the point on f' (``height_bar``, from
        f' = 0 up to it); ``(None, bar)`` when a run of 1 does not fit the plot legibly. The
        triangle fades out where x + 1 leaves the plot."""
        axes, d_axes, f = self.axes, derivative.axes, self.f
        x, shown = derivative.x, derivative.shown
        bar = Line(stroke_width=style.STROKE_LINE + 2, color=style.TANGENT)

        def update_bar(m: VMobject) -> None:
            point = derivative.point()
            if point is None:
                m.set_points_as_corners([ORIGIN, ORIGIN]).set_stroke(opacity=0)
                return
            base = d_axes.c2p(x(), 0.0)
            m.set_points_as_corners([base, point]).set_stroke(opacity=1)

        bar.add_updater(update_bar)
        bar.update()
        unit = float(axes.c2p(1, 0)[0] - axes.c2p(0, 0)[0])
        if not (0.3 <= unit and 1.0 <= 0.25 * (self.x_max - self.x_min)):
            return None, bar
        run = Line(stroke_width=style.STROKE_THIN, color=style.TEXT_DIM)
        rise = Line(stroke_width=style.STROKE_LINE + 3, color=style.TANGENT)
        one = tex("1", size=style.SIZE_LABEL, color=style.TEXT)
        right_end = axes.x_box[1]

        def update(m: VMobject) -> None:
            x0 = x()
            opacity = float(np.clip((right_end - 1.0 - x0) / 0.4, 0.0, 1.0)) if shown() else 0.0
            y0 = float(f(x0)) if shown() else 0.0
            slope = float(derivative.df(x0)) if shown() else 0.0
            p, q = axes.c2p(x0, y0), axes.c2p(x0 + 1.0, y0)
            r = axes.c2p(x0 + 1.0, y0 + slope)
            run.set_points_as_corners([p, q]).set_stroke(opacity=opacity)
            rise.set_points_as_corners([q, r]).set_stroke(opacity=opacity)
            one.move_to((p + q) / 2).next_to(run, DOWN, buff=0.06)
            one.set_opacity(opacity)

        triangle = VGroup(run, rise, one)
        triangle.add_updater(update)
        triangle.update()
        return triangle, bar

    def _lay_out_flat_points(self) -> None:
        """At each stationary point the sweep takes in (``flat_points``): a mark on f and on
        f' (at 0) and "f' = 0" above the latter (``flat_marks``, ``flat_labels``)."""
        axes, d_axes = self.axes, self.derivative.axes
        self.flat_marks, self.flat_labels = [], []
        for s in self.flat_points:
            on_f = Dot(axes.c2p(s, float(self.f(s))), radius=style.DOT_RADIUS, color=style.POINT)
            on_df = Dot(d_axes.c2p(s, 0.0), radius=style.DOT_RADIUS + 0.01, color=style.POINT)
            for d in (on_f, on_df):
                d.set_stroke(style.BACKGROUND, 2.5, background=True)
            label = tex(f"f'({_short(s)}) = 0", size=style.SIZE_LABEL, color=style.POINT)
            label.next_to(on_df, UP, buff=0.22)
            self._fit(label, d_axes.c2p(d_axes.x_box[0], 0)[0] + 0.05,
                      d_axes.c2p(d_axes.x_box[1], 0)[0])
            self.flat_marks.append(VGroup(on_f, on_df))
            self.flat_labels.append(label)

    def _guide(self, dot: Dot, derivative: DerivativeTrace) -> Line:
        """The dim line from the point on f down to the point on f', with a gap where it would
        cross a legend row on screen (``legend_shown``)."""
        guide = Line(stroke_width=1.5, color=style.TEXT_DIM).set_stroke(opacity=0.6)

        def update_guide(m: VMobject) -> None:
            point = derivative.point()
            start = dot.get_center()
            end = start if point is None else point
            m.set_points_as_corners([start, end])
            for row in self.legend_shown:  # a gap where it would cross a label
                if row.get_left()[0] - 0.1 <= start[0] <= row.get_right()[0] + 0.1:
                    top, bottom = row.get_top()[1] + 0.08, row.get_bottom()[1] - 0.08
                    if end[1] < bottom < top < start[1]:
                        m.set_points_as_corners([start, [start[0], top, 0]])
                        m.start_new_path([end[0], bottom, 0])
                        m.add_line_to(end)

        guide.add_updater(update_guide)
        return guide

    def _lay_out_readouts(self, df_to_fit: Any, fn_label: VMobject) -> VGroup:
        """The live x and slope in the header row of the top plot (``x_readout``,
        ``slope_readout``, ``slope_format``), f's formula shrunk to stay clear of them."""
        axes, derivative = self.axes, self.derivative
        x, shown, df = derivative.x, derivative.shown, derivative.df
        x_min, x_max = derivative.x_min, derivative.x_max
        # the header row of the top plot: "f(x)", the readouts, the formula of f
        row_left = axes.y_label.get_right()[0] + 0.6
        plot_right = axes.c2p(axes.x_box[1], 0)[0]
        # readouts in the header row of the top plot, at three significant digits of the
        # scale of f' (0.220; 1e9*x**2 gives 6.000 × 10⁹), x with two decimals
        values = np.abs(df_to_fit(np.linspace(x_min, x_max, 481)))
        scale = float(np.max(values[np.isfinite(values)], initial=0.0))
        self.slope_format = slope_format = NumberFormat(scale, digits=3)
        label = text(self.tr("common.slope"), size=style.SIZE_READOUT_LABEL, color=style.TANGENT)
        first = df(x_min) if shown() else math.nan
        if slope_format.scientific:
            self.slope_readout = Readout(label, value=first, scale=scale, color=style.TANGENT)
            # three significant digits here too (6.00 × 10⁹), as in the legend
            self.slope_readout.number.format = slope_format
            self.slope_readout.number.set_value(math.nan).set_value(first)
        else:
            self.slope_readout = Readout(label, value=first, color=style.TANGENT,
                                         fmt=lambda v: slope_format.parts(v)[0])
        # x in the same face and size as "slope" (an italic variable, as in the captions)
        self.x_readout = Readout(text("x", size=style.SIZE_READOUT_LABEL), value=x_min,
                                 fmt="{:.2f}")
        for r in (self.x_readout, self.slope_readout):  # the words on the digits' baseline
            glyph = r.label[0] if len(r.label) else r.label
            r.label.shift(UP * (r.number.body.get_bottom()[1] - glyph.get_bottom()[1]))
        readouts = VGroup(self.x_readout, self.slope_readout).arrange(RIGHT, buff=0.8)
        readouts.shift(RIGHT * (row_left - readouts.get_left()[0]))
        for r in (self.x_readout, self.slope_readout):  # "=" on the header row's axis
            r.shift(UP * (axes.y_label.get_y() - r.equals.get_y()))
        # the widest the readouts get (x_max, the steepest negative slope): clear of f's formula
        widest = max(
            (len(self.x_readout.number.fmt(v)), v) for v in (x_min, x_max, -x_max))[1]
        self.x_readout.set_value(widest)
        self.slope_readout.set_value(-scale * 0.999 if scale else 0.0)
        reach = readouts.get_right()[0] + 0.6
        self.x_readout.set_value(x_min)
        self.slope_readout.set_value(first)
        room = plot_right - reach
        if fn_label.width > room:
            fn_label.scale_to_fit_width(max(room, 0.65 * fn_label.width))
            fn_label.align_to([plot_right, 0, 0], RIGHT)
        self.x_readout.track(x)
        # no number where f' does not exist (the number draws nothing for nan)
        self.slope_readout.track(lambda: float(df(x())) if shown() else math.nan)
        return readouts

    def _lay_out_tangents(self, points: list[float]) -> None:
        """The tangents left behind at each stop (``tangent_mobs``), their points on f
        (``marks``) and on f' (``d_marks``), and their legend (``legend``, ``legend_rows``) in
        the header row of the lower plot, beside "f'(x)"."""
        axes, d_axes = self.axes, self.derivative.axes
        plot_right = axes.c2p(axes.x_box[1], 0)[0]
        kept = style.KEPT_TANGENT_COLORS
        colours = [kept[i % len(kept)] for i in range(len(points))]
        self.tangent_mobs = [
            line_on_axes(axes, line, color=c, stroke_width=style.STROKE_LINE)
            for line, c in zip(self.tangent_lines, colours, strict=True)
        ]
        self.marks = [
            Dot(axes.c2p(p, line.y0), radius=style.DOT_RADIUS, color=c)
            .set_stroke(style.BACKGROUND, 2.5, background=True)
            for p, line, c in zip(points, self.tangent_lines, colours, strict=True)
        ]
        self.d_marks = [
            Dot(d_axes.c2p(p, line.slope), radius=style.DOT_RADIUS + 0.01, color=c)
            .set_stroke(style.BACKGROUND, 3, background=True)
            for p, line, c in zip(points, self.tangent_lines, colours, strict=True)
        ]
        self.legend_rows = []
        for p, line, c in zip(points, self.tangent_lines, colours, strict=True):
            swatch = Line(LEFT * 0.25, RIGHT * 0.25, color=c, stroke_width=style.STROKE_LINE)
            label = tex(f"f'({_short(p)}) = {self.slope_format.tex(line.slope)}", color=c,
                        size=style.SIZE_LABEL)
            self.legend_rows.append(VGroup(swatch, label).arrange(RIGHT, buff=0.2))
        legend = VGroup(*self.legend_rows).arrange(RIGHT, buff=0.6)
        legend_left = d_axes.y_label.get_right()[0] + 0.6
        if legend.width > plot_right - legend_left:
            legend.scale_to_fit_width(max(plot_right - legend_left, 0.7 * legend.width))
        legend.shift(RIGHT * (legend_left - legend.get_left()[0]))
        legend.set_y(d_axes.y_label.get_y())
        self.legend = legend

    def _lay_out_formula(self, expression: str) -> None:
        """The formula of the traced curve, computed from f's text (:mod:`core.symbolic`):
        ``coefficients``, ``formula``, ``derivation``, ``formula_place`` and its ``backing``."""
        self.coefficients = polynomial(expression)
        self.formula, self.derivation = self._formulas(expression)
        self.formula_place = None
        if self.formula is None:
            return
        if self.derivation is not None:  # a quadratic: derived on screen, over the plot of f
            self.formula_place = "upper plot"
            self._place_derivation(self.derivation)
            return
        self.formula_place = self._place_formula(
            self.derivation or self.formula, runs=self.derivative.run_points,
            avoid=[*self.d_marks, self.legend])
        if self.formula_place is None:  # no room to show it legibly: say nothing
            self.formula = self.derivation = None
            return
        # a backing in the background colour: no grid line through the formula
        widest = self.derivation or self.formula
        self.backing = Rectangle(width=widest.width + 0.16, height=widest.height + 0.12,
                                 stroke_width=0, fill_color=style.BACKGROUND,
                                 fill_opacity=0.9).move_to(widest)
        if self.derivation is not None:  # the short one where the long one starts
            self.formula.shift(self.derivation[0].get_center() - self.formula[0].get_center())

    # --- the formula of f' --------------------------------------------------------------------
    def _formulas(self, expression: str) -> tuple[Any, Any]:
        """``f'(x) = ...`` computed from f's text (:func:`core.symbolic.derivative_text`) and,
        for a quadratic ``ax² + bx + c``, the step ``f'(x) = 2·a x + b = ...`` that shows where
        each number comes from; ``(None, None)`` if it cannot be typeset."""
        try:
            self.derivative_text = derivative_text(expression)
            body = expression_to_tex(self.derivative_text)
        except (ValueError, RecursionError):  # say nothing rather than something wrong
            self.derivative_text = None
            return None, None
        colour = style.DERIVATIVE_CURVE
        formula = tex("f'(x) =", body, color=colour, size=style.SIZE_MATH)
        coefficients = self.coefficients
        if coefficients is None or len(coefficients) != 3:
            return formula, None
        if coefficients[2] == 0:
            return formula, None
        # the secant's slope over a step h, exactly, and its limit (as in SecantToTangent)
        self.quotient = q = quadratic_quotient(coefficients)
        c2 = coefficients[2]
        expand_tex = _terms_tex([(c2, "(2xh + h^2)"), (q.intercept, "h")])
        rise_tex = _terms_tex([(q.slope, "xh"), (c2, "h^2"), (q.intercept, "h")])
        slope_tex = _terms_tex([(q.slope, "x"), (q.intercept, ""), (c2, "h")])
        body_tex = _terms_tex([(q.slope, "x"), (q.intercept, "")])
        self.derivation_texts = (expand_tex, rise_tex, slope_tex, body_tex)
        size = style.SIZE_MATH - 6
        # each line a left-hand side and "= ..." (its first glyph the "=")
        if expand_tex.replace("(", "").replace(")", "") == rise_tex:  # (f = x² + ...: no step)
            rise = tex(r"f(x+h) - f(x)", "= " + rise_tex, size=size)
        else:
            rise = tex(r"f(x+h) - f(x)", "= " + expand_tex + " = " + rise_tex, size=size)
        quotient = tex(r"\frac{f(x+h) - f(x)}{h}", "= " + slope_tex, size=size)
        limit = tex(r"f'(x) = \lim_{h \to 0}", "(" + slope_tex + ") = " + body_tex, size=size)
        limit.set_color(colour)
        derivation = VGroup(rise, quotient, limit).arrange(DOWN, buff=0.3)
        # the first two "=" aligned; the limit's left edge under the quotient's
        quotient.shift(RIGHT * (rise[1][0].get_x() - quotient[1][0].get_x()))
        limit.align_to(quotient, LEFT)
        return formula, derivation

    def _place_derivation(self, steps: VGroup) -> None:
        """The derivation where the plot of f was (it fades when the derivation begins: its
        job is done), left-aligned under the header row with f's formula, above the legend of
        the lower plot; shrunk only as far as it must (``derivation_scale``)."""
        axes = self.axes
        left = axes.c2p(axes.x_box[0], 0)[0]
        right = axes.c2p(axes.x_box[1], 0)[0]
        top = self.fn_label.get_bottom()[1] - 0.2
        bottom = self.legend.get_top()[1] + 0.2
        shrink = min(1.0, (right - left) / steps.width, (top - bottom) / steps.height)
        steps.scale(shrink)
        self.derivation_scale = shrink
        steps.move_to([left, (top + bottom) / 2, 0], aligned_edge=LEFT)
        self.backing = None

    def _place_formula(self, mob: VMobject, runs: list[np.ndarray],
                       avoid: list[Any]) -> str | None:
        """Put ``mob`` in a corner of the lower plot that the trace leaves free (else in the
        header row of the lower plot, else of the upper one); returns where, or None when even
        the upper header has no room for it at a legible size (``mob`` is then left where it
        was tried last, and the caller shows no formula)."""
        d = self.derivative.axes
        x0, y0 = d.c2p(d.x_box[0], d.y_box[0])[:2]
        x1, y1 = d.c2p(d.x_box[1], d.y_box[1])[:2]
        pad = 0.18
        mob.scale_factor_seen = 1.0  # (how much it was shrunk: never below 0.65)
        if mob.width > x1 - x0 - 2 * pad:
            full = mob.width
            mob.scale_to_fit_width(max(x1 - x0 - 2 * pad, 0.65 * full))
            mob.scale_factor_seen = mob.width / full
        points = np.vstack(runs)[:, :2] if runs else np.zeros((0, 2))
        boxes = [(m.get_left()[0], m.get_bottom()[1], m.get_right()[0], m.get_top()[1])
                 for m in avoid]

        def free() -> bool:
            left, bottom = mob.get_left()[0] - 0.12, mob.get_bottom()[1] - 0.12
            right, top = mob.get_right()[0] + 0.12, mob.get_top()[1] + 0.12
            inside = ((points[:, 0] >= left) & (points[:, 0] <= right)
                      & (points[:, 1] >= bottom) & (points[:, 1] <= top))
            return not inside.any() and not any(
                min(right, r) > max(left, lt) and min(top, t) > max(bottom, bt)
                for lt, bt, r, t in boxes)

        for name, corner, edge in (("upper left", (x0 + pad, y1 - pad), UL),
                                   ("upper right", (x1 - pad, y1 - pad), UR),
                                   ("lower right", (x1 - pad, y0 + pad), DR),
                                   ("lower left", (x0 + pad, y0 + pad), DL)):
            mob.move_to([*corner, 0], aligned_edge=edge)
            if free():
                return name
        mob.align_to([x1, 0, 0], RIGHT).set_y(d.y_label.get_y())
        if free():
            return "lower header"
        # the readouts are gone by then: the header row of the upper plot, left of f's formula
        # at the size of f's formula, between the caption and the plot
        start = self.axes.y_label.get_right()[0] + 0.5
        room = self.fn_label.get_left()[0] - 0.6 - start
        floor = self.axes.c2p(0, self.axes.y_box[1])[1] + 0.08
        ceiling = self.title.get_bottom()[1] - 0.12
        full = mob.width / mob.scale_factor_seen
        mob.scale(style.SIZE_LABEL / style.SIZE_MATH * full / mob.width)
        shrink = min(1.0, room / mob.width, (ceiling - floor) / mob.height)
        if shrink * mob.width < 0.65 * style.SIZE_LABEL / style.SIZE_MATH * full:
            return None
        mob.scale(shrink)
        mob.align_to([start, 0, 0], LEFT).set_y(self.axes.y_label.get_y())
        mob.shift(UP * max(0.0, floor - mob.get_bottom()[1]))
        mob.shift(DOWN * max(0.0, mob.get_top()[1] - ceiling))
        return "upper header"

    # --- the beats -----------------------------------------------------------------------------
    def show_curve(self) -> None:
        """The title, both pairs of axes and the curve."""
        self.narrate("sweep.title")  # (the title is also the first slide's notes)
        self.add(self.title)
        self.wait(1.0)
        self.play(FadeIn(self.axes), FadeIn(self.derivative.axes), run_time=1.2)
        self.play(Create(self.curve), FadeIn(self.fn_label), run_time=1.4)
        self.wait(0.6)

    def show_moving_tangent(self) -> None:
        """The tangent at x_min with its slope, and the point below that will trace f'."""
        self.play(FadeIn(self.dot, scale=0.5), Create(self.moving_tangent), run_time=1.0)
        self.add(self.derivative.break_dots)  # (each shows once the sweep reaches its corner)
        self.play(FadeIn(self.readouts), run_time=0.8)
        self.wait(0.5)
        self._say("sweep.trace")
        self.play(FadeIn(self.derivative.dot, scale=0.5), Create(self.guide),
                  Create(self.height_bar), run_time=0.8)
        self.add(self.derivative.trace, self.height_bar)
        self.bring_to_front(self.height_bar, self.derivative.dot, self.dot)
        self.wait(1.0)

    def _show_rise(self, stop: float) -> None:
        """At the first tangent point: the tangent's slope as its rise over a run of 1, and that
        rise carried down to become the height of the point on f' (with its number)."""
        run, rise, one = self.triangle
        self.triangle.update()  # (its updater runs only once it is in the scene)
        slope = self.slope_readout.value
        words = self.slope_format.text(slope)
        self._say("sweep.rise", slope=words)
        self.rise_sentence = self.caption.sentence
        self.play(Create(run), FadeIn(one), run_time=0.8)
        self.play(Create(rise), run_time=0.8)
        self.add(self.triangle)
        self.bring_to_front(self.moving_tangent, self.dot)
        # the number of the rise, beside it, then beside the height it becomes
        value = tex(self.slope_format.tex(slope), size=style.SIZE_LABEL, color=style.TANGENT)
        value.next_to(rise, RIGHT, buff=0.12)
        self.play(FadeIn(value, shift=0.1 * LEFT), run_time=0.6)
        bar = self.height_bar
        target = value.copy().next_to(bar, RIGHT, buff=0.14).align_to(bar, DOWN).shift(0.04 * UP)
        carried = rise.copy().clear_updaters()
        landing = Line(bar.get_start(), bar.get_end(), stroke_width=style.STROKE_LINE + 4,
                       color=style.TANGENT)
        self.play(Transform(carried, landing), value.animate.move_to(target), run_time=1.6)
        self.remove(carried)
        self.bring_to_front(bar, self.derivative.dot)
        self.wait(1.6)
        self.end_narration()
        self.play(FadeOut(value), run_time=0.5)

    def show_flat_tangent(self) -> None:
        """Each stationary point before the first tangent point: the tangent is flat there,
        the point on f' sits on 0."""
        first = min(self.tangent_points, default=self.x_max)
        for i, s in enumerate(self.flat_points):
            if s < first:
                self._flat_stop(i)

    def _flat_stop(self, i: int) -> None:
        s = self.flat_points[i]
        self._sweep_to(s)
        self.slope_readout.number.update()
        self.stated.append((s, self.slope_readout.value))
        self._show("sweep.flat", x=_short(s).replace("-", "\u2212"))  # a minus sign
        self.play(FadeIn(self.flat_marks[i], scale=0.5), FadeIn(self.flat_labels[i]),
                  run_time=0.8)
        self.static_parts += [self.flat_marks[i][0]]
        self.bring_to_back(*self.static_parts)
        self.bring_to_front(self.moving_tangent, self.dot, self.height_bar, self.derivative.dot)
        self.wait(max(0.0, self.pause - 0.8))
        self.end_narration()

    def sweep_tangent_points(self) -> None:
        """The sweep to each tangent point, whose tangent and slope stay drawn; a beat each.
        Its title appears the frame the point arrives and leaves as the point moves on."""
        for i, stop in enumerate(self.tangent_points):
            if i:
                self.end_beat()
            self._sweep_to(stop)
            self.slope_readout.number.update()
            self.stated.append((stop, self.slope_readout.value))  # the readout states f'
            self._show("sweep.pause", x=_short(stop))
            self.legend_shown.append(self.legend_rows[i])  # the guide leaves it a gap
            self.play(
                Create(self.tangent_mobs[i]), FadeIn(self.marks[i], scale=0.5),
                FadeIn(self.d_marks[i], scale=0.5),
                FadeIn(self.legend_rows[i], shift=0.1 * DOWN),
                run_time=1.0,
            )
            # static from now on: bottom of the drawing order (see _say); the f' marks
            # stay on top of the trace
            self.static_parts += [self.tangent_mobs[i], self.marks[i], self.legend_rows[i]]
            self.bring_to_back(*self.static_parts)
            self.bring_to_front(self.moving_tangent, self.dot, self.d_marks[i],
                               self.derivative.dot)
            self.wait(max(0.0, self.pause - 1.0))
            self.end_narration()  # read in full before the point moves on
            if i == 0 and self.triangle is not None:
                self._show_rise(stop)

    def show_derivative(self) -> None:
        """The sweep to x_max; the trace of f' stays, complete, as the moving parts fade."""
        last = max(self.tangent_points, default=self.x_min)
        for i, s in enumerate(self.flat_points):
            if s > last:
                self.end_beat()
                self._flat_stop(i)
        self._sweep_to(self.x_max)
        self._show("sweep.final")
        self.derivative.stop_tracing()  # it stays, complete; the rest fades with its updaters
        moving = [self.moving_tangent, self.dot, self.guide, self.derivative.dot, self.readouts,
                  self.height_bar, *([self.triangle] if self.triangle is not None else [])]
        self.play(*(FadeOut(m) for m in moving), run_time=1.0)
        # the tangents left behind, one after the other, each with its slope on f'
        pulses = [
            AnimationGroup(
                line.animate(rate_func=there_and_back).set_stroke(width=style.STROKE_LINE * 2.5),
                mark.animate(rate_func=there_and_back).scale(1.7),
                d_mark.animate(rate_func=there_and_back).scale(1.7),
            )
            for line, mark, d_mark in zip(self.tangent_mobs, self.marks, self.d_marks,
                                          strict=True)
        ]
        if pulses:
            self.play(LaggedStart(*pulses, lag_ratio=0.6), run_time=0.9 * (1 + 0.6 * len(pulses)))

    def show_formula(self) -> None:
        """The formula of the traced curve, computed from f's text, beside it."""
        if self.formula is None:
            return
        if self.derivation is not None:
            self._derive()
            return
        self._say("sweep.formula")
        self.add(self.backing)
        self.play(Write(self.formula), run_time=1.2)
        self.play(self.derivative.trace.animate.set_stroke(width=style.STROKE_CURVE * 2.2),
                  rate_func=there_and_back, run_time=1.0)
        self.bring_to_back(self.formula)
        self.bring_to_back(self.backing)  # (behind the formula, over the grid)
        self.bring_to_back(*self.static_parts)
        self.conclusion_at = float(self.renderer.time)

    def _derive(self) -> None:
        """For a quadratic, f' worked out on screen as in SecantToTangent: the rise over a step
        h, exactly; divided by h, the secant's slope; its limit as h → 0, the line traced
        below. Each line a beat of its own."""
        rise, quotient, limit = self.derivation
        self._say("sweep.expand")
        upper = [self.axes, self.curve, *self.tangent_mobs, *self.marks,
                 *(m[0] for m in self.flat_marks)]
        self.play(*(FadeOut(m) for m in upper), run_time=0.8)
        self.static_parts = [m for m in self.static_parts if m not in upper]
        self.play(Write(rise), run_time=1.6)
        self.wait(1.0)
        self.end_narration()
        self.end_beat()
        self._say("sweep.divide")
        self.play(Write(quotient), run_time=1.4)
        self.wait(1.0)
        self.end_narration()
        self.end_beat()
        self._say("sweep.limit")
        self.play(Write(limit), run_time=1.4)
        self.remove(rise, quotient, limit)
        self.add(self.derivation)
        self.conclusion_at = float(self.renderer.time)
        self.play(self.derivative.trace.animate.set_stroke(width=style.STROKE_CURVE * 2.2),
                  limit[1].animate.scale(1.15), rate_func=there_and_back, run_time=1.2)

    def finish(self) -> None:
        """The conclusion read out, and on screen for at least 4.5 s before the end."""
        self.end_narration()
        if self.conclusion_at is None:  # (no formula shown: the trace is the conclusion)
            return
        since = float(self.renderer.time) - self.conclusion_at
        if since < 4.5:
            self.wait(4.5 - since)

    def explain_formula(self) -> None:
        """Why the trace has its shape, when f is a polynomial: f' has one degree less; for a
        quadratic, the step 2·a x + b that gives each number."""
        key, fields = self._why()
        # (a quadratic's was derived on screen)
        if key is not None and self.formula is not None and self.derivation is None:
            self._say(key, **fields)
            self.conclusion_at = float(self.renderer.time)
        self.finish()

    def _why(self) -> tuple[str | None, dict[str, int]]:
        """The key saying why f' has its shape, from the degree of f (None: not a polynomial)."""
        if self.coefficients is None:
            return None, {}
        degree = len(self.coefficients) - 1
        keys = {-1: "sweep.why.constant", 0: "sweep.why.constant", 1: "sweep.why.linear",
                2: "sweep.why.quadratic", 3: "sweep.why.cubic"}
        if degree in keys:
            return keys[degree], {}
        return "sweep.why.degree", {"n": degree, "m": degree - 1}

    # -----------------------------------------------------------------------------------------
    def _sweep_to(self, stop: float) -> None:
        """Move the point from where the sweep stands to x = ``stop``, at ``speed``; the caption
        fades out as the point sets off (each title belongs to the point where it stopped).
        A sentence (not a title) stays up while the point moves, until the next title replaces
        it; either way the narration is read out by the time the point arrives, so that the
        title then goes up that very frame."""
        unit = float(np.linalg.norm(self.axes.c2p(1, 0) - self.axes.c2p(0, 0)))
        distance = (stop - self.sweep_x) * unit
        run_time = max(0.8, distance / self.speed)
        title = self.caption is not None and self.caption_is_title
        if title or distance <= 1e-9:
            self.end_narration()
        else:
            self._hold_for_reading(run_time)
        if distance > 1e-9:
            self.log.append((float(self.renderer.time), "depart", self.sweep_x))
            fades = []
            if title:
                lead = min(0.4, run_time) / run_time  # the first 0.4 s of the move
                fade = self.caption_off()
                fade.rate_func = lambda t, k=lead: smooth(min(1.0, t / k))
                fades = [fade]
            # (rate functions per animation: one given to play would apply to the fade too)
            self.play(self.x_tracker.animate(rate_func=smooth).set_value(stop), *fades,
                      run_time=run_time)
        self.sweep_x = stop
        self.log.append((float(self.renderer.time), "arrive", stop))

    def _hold_for_reading(self, run_time: float) -> None:
        """Wait until the narration on screen will have been read (in every language) by the
        end of a move of ``run_time`` seconds starting now."""
        read_by = self.narration_read_by()
        if read_by is None:
            return
        fps = float(config.frame_rate)
        short = read_by - (float(self.renderer.time) + run_time) + 1.0 / fps
        if short > 0:
            self.wait(max(1.0, math.ceil(short * fps)) / fps)

    def _show(self, key: str, **fields: Any) -> None:
        """Narrate ``key`` and put it up as a point's title this very frame (no fade: in step
        with the point; it goes as the point moves on)."""
        self.caption_now(key, **fields)
        self.caption_is_title = True
        self.log.append((float(self.renderer.time), "caption", self.caption.sentence))

    def _say(self, key: str, **fields: Any) -> None:
        """Narrate ``key`` in the caption band (it stays while the point moves)."""
        self.say(key, **fields)
        self.caption_is_title = False
        self.log.append((float(self.renderer.time), "caption", self.caption.sentence))

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


def _terms_tex(terms: list[tuple[float, str]]) -> str:
    """``[(0.04, "x"), (0.1, ""), (0.02, "h")]`` -> ``0.04x + 0.1 + 0.02h``: zero terms left
    out, a coefficient 1 written only alone, signs between the terms."""
    out = ""
    for c, factor in terms:
        if c == 0:
            continue
        magnitude = expression_to_tex(polynomial_text((abs(c),)))
        if magnitude == "1" and factor:
            magnitude = ""
        sign = ("-" if c < 0 else "") if not out else (" - " if c < 0 else " + ")
        out += sign + magnitude + factor
    return out or "0"


class TangentSweepJa(TangentSweep):
    """Japanese, whatever ``config.language`` says."""

    language = "ja"
