"""``StepSizeError``: why the post's h = 1e-8, and why "closer to zero" is not always better.

A log-log plot of the absolute error of numerical estimates of f'(x0) against the step h, for h
from 1 down to 1e-16. Every dot is a real float64 result of :func:`core.calculus.step_errors`,
drawn as h shrinks: first for the configured function at ``secant.x0`` (the post's quadratic at
x = 3 by default), then for sin x at x = 1, where the textbook V appears: truncation error falls
with slope 1 (forward) or 2 (central) until rounding error takes over and the error rises again
with slope -1. The post's h = 1e-8 and each method's :func:`core.calculus.optimal_step` are
marked with the number of correct digits they give. ``optimal_step`` is labelled for what it is,
h* = √ε·max(1, |x|) or ∛ε·max(1, |x|), the step balancing truncation and rounding for a generic
smooth f, not the best step for every f: where the central difference has no truncation error
(third derivative 0, as on the post's quadratic) a tag and caption say so, with the digits of
h = 1. The complex step has the same h² error as central for large h, so it is drawn as a wide
translucent band under the central curve (both visible); it stays at machine precision where
central breaks down, and Richardson extrapolation is one point near it.

An error of exactly 0 has no logarithm: such points are drawn honestly on a separate floor row
labelled "exact (0)" below the decades.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Star,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
)

from core import calculus
from core.functions import BLOG_EXPRESSION, blog_df
from scenes import style
from scenes.common import GlyphNumber, expression_to_tex, prepare_scene, tex, text
from scenes.lesson import Lesson
from scenes.text import Catalogue

__all__ = ["StepSizeError", "Series", "LogLogAxes", "step_grid", "correct_digits"]

_EPS = float(np.finfo(float).eps)

def method_color(method: str) -> str:
    """Colour of a method's measured errors, in the current theme (the reference slopes use
    TRUNCATION / ROUNDING)."""
    return {
        "forward": style.TOTAL_ERROR,
        "central": style.BLUISH_GREEN,
        "complex": style.REDDISH_PURPLE,
        "richardson": style.VERMILLION,
    }[method]

#: How each method's curve is drawn: (stroke width, stroke opacity, dot radius). The complex step
#: coincides with the central difference for large h (the same f'''(x)h²/6 error), so it is
#: a wide translucent band with larger dots, drawn *under* central: both stay visible there.
METHOD_STROKES = {
    "forward": (style.STROKE_THIN, 1.0, style.DOT_RADIUS_SMALL),
    "central": (style.STROKE_THIN, 1.0, style.DOT_RADIUS_SMALL),
    "complex": (style.STROKE_THIN * 3.2, 0.45, style.DOT_RADIUS_SMALL * 1.75),
}
#: Drawing order, bottom first.
DRAW_ORDER = ("complex", "forward", "central")
#: The rows of the legend, top first.
LEGEND_ORDER = ("forward", "central", "complex", "richardson")


def step_grid(decades: int = 16, per_decade: int = 2) -> np.ndarray:
    """The steps h = 1, 10^-0.5, ..., 10^-decades, largest first (the order they are drawn)."""
    return 10.0 ** -np.linspace(0.0, decades, decades * per_decade + 1)


def correct_digits(error: float, exact: float) -> int:
    """Correct significant digits of an estimate with ``error`` of a value ``exact``: the floor of
    -log10(|error / exact|), capped at 16 (float64); an exact result counts 16."""
    if error == 0 or exact == 0:
        return 16
    return int(max(0, min(16, math.floor(-math.log10(abs(error / exact))))))


def _same_expression(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def _exact_derivative(expression: str, f: Callable[[Any], Any], x0: float) -> float:
    """f'(x0) as exactly as float64 allows: the closed form for the post's function, else the
    complex-step derivative (exact to rounding for analytic f), else Richardson."""
    if _same_expression(expression, BLOG_EXPRESSION):
        return float(blog_df(x0))
    try:
        return float(calculus.derivative(f, x0, method="complex"))
    except ValueError:
        return float(calculus.derivative(f, x0, method="richardson"))


def _h_star(method: str, x0: float) -> str:
    """What :func:`core.calculus.optimal_step` computes, as text: √ε·max(1, |x|) (forward) or
    ∛ε·max(1, |x|) (central), e.g. "3√ε" at x = 3. It balances truncation against rounding for
    a generic smooth f; it is not the best step for every f."""
    scale = max(1.0, abs(x0))
    root = "√ε" if method == "forward" else "∛ε"
    return root if scale == 1.0 else f"{scale:g}{root}"


def _no_truncation(case: Case) -> bool:
    """True where the central difference has no truncation error (third derivative 0, e.g. a
    quadratic): its error at h = 1 and h = 0.1 is already at rounding level."""
    errs = case.errors(np.array([1.0, 0.1]), "central")
    return bool(np.all(errs <= 1e-12 * max(1.0, abs(case.exact))))


def _tag(s: str, color: str) -> VGroup:
    """A small label on a dark backing, so it stays legible where it crosses grid or curves."""
    label = text(s, size=style.SIZE_SMALL, color=color)
    label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.05)
    return label


class LogLogAxes(Axes):
    """Axes whose coordinates are (log10 h, log10 |error|), with decade ticks, a grid, labels
    10^k every ``label_every`` decades, and a floor row below the decades for errors of 0.

    ``p2c`` returns log coordinates; :meth:`point` maps a real (h, error) pair, error 0 onto the
    floor row.
    """

    def __init__(
        self,
        x_decades: tuple[int, int],
        y_decades: tuple[int, int],
        *,
        x_length: float,
        y_length: float,
        label_every: int = 4,
        floor_label: str = "0",
    ) -> None:
        x0, x1 = x_decades
        y0, y1 = y_decades
        self.floor_y = y0 - 1.4
        bottom = y0 - 2.0
        super().__init__(
            x_range=[x0, x1, 1],
            y_range=[bottom, y1, 1],
            x_length=x_length,
            y_length=y_length,
            tips=False,
            axis_config={"include_ticks": False, "stroke_opacity": 0.0, "stroke_width": 0.0},
        )
        self.x_decades = (x0, x1)
        self.y_decades = (y0, y1)
        grid = VGroup()
        for x in range(x0 + 1, x1 + 1):
            grid.add(Line(self.c2p(x, bottom), self.c2p(x, y1)))
        for y in range(y0, y1 + 1):
            grid.add(Line(self.c2p(x0, y), self.c2p(x1, y)))
        grid.set_stroke(style.GRID, style.STROKE_GRID, opacity=style.GRID_OPACITY)
        self.grid = grid
        self.floor_line = DashedLine(
            self.c2p(x0, self.floor_y), self.c2p(x1, self.floor_y), dash_length=style.DASH_LENGTH
        ).set_stroke(style.MID_GREY, style.STROKE_GRID + 0.5)
        self.spines = VGroup(
            Line(self.c2p(x0, bottom), self.c2p(x1, bottom)),
            Line(self.c2p(x0, bottom), self.c2p(x0, y1)),
        ).set_stroke(style.AXIS, style.STROKE_AXIS)
        ticks = VGroup()
        for x in range(x0, x1 + 1):
            size = 0.1 if x % label_every == 0 else 0.05
            ticks.add(Line(self.c2p(x, bottom), self.c2p(x, bottom) + DOWN * size))
        for y in range(y0, y1 + 1):
            size = 0.1 if y % label_every == 0 else 0.05
            ticks.add(Line(self.c2p(x0, y), self.c2p(x0, y) + LEFT * size))
        ticks.set_stroke(style.AXIS, style.STROKE_AXIS)
        self.spines.add(ticks)
        self.x_numbers = VGroup(
            *(
                tex(rf"10^{{{x}}}", size=style.SIZE_TICK, color=style.TEXT_DIM).next_to(
                    self.c2p(x, bottom), DOWN, buff=0.16
                )
                for x in range(x0, x1 + 1)
                if x % label_every == 0
            )
        )
        self.y_numbers = VGroup(
            *(
                tex(rf"10^{{{y}}}", size=style.SIZE_TICK, color=style.TEXT_DIM).next_to(
                    self.c2p(x0, y), LEFT, buff=0.16
                )
                for y in range(y0, y1 + 1)
                if y % label_every == 0
            )
        )
        self.floor_label = text(floor_label, size=style.SIZE_SMALL, color=style.TEXT_DIM)
        self.floor_label.next_to(self.c2p(x0, self.floor_y), LEFT, buff=0.16)
        self.add(self.grid, self.floor_line, self.spines, self.x_numbers, self.y_numbers)
        self.add(self.floor_label)

    def log_coords(self, h: float, error: float) -> tuple[float, float]:
        """(log10 h, log10 error), with an error of 0 on the floor row."""
        y = self.floor_y if error == 0 else math.log10(error)
        return math.log10(h), y

    def point(self, h: float, error: float) -> np.ndarray:
        return self.c2p(*self.log_coords(h, error))


@dataclass
class Series:
    """One method's measured errors and their drawing.

    Attributes
    ----------
    name : str
        The method (``"forward"``, ``"central"``, ``"complex"``).
    hs, errors : numpy.ndarray
        The steps and :func:`core.calculus.step_errors` output, largest step first.
    dots : VGroup
        One dot per (h, error), in the same order.
    line : VMobject
        The polyline through the dots (grows with the sweep).
    """

    name: str
    hs: np.ndarray
    errors: np.ndarray
    dots: VGroup = field(default_factory=VGroup)
    line: VMobject = field(default_factory=VMobject)
    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))


@dataclass
class Case:
    """A function at a point: what the plot shows in one part of the scene."""

    label_tex: str
    f: Callable[[Any], Any]
    x0: float
    exact: float
    value: float  # |f(x0)|, for the rounding reference

    def errors(self, hs: np.ndarray, method: str) -> np.ndarray:
        exact = self.exact
        return calculus.step_errors(self.f, lambda _x: exact, self.x0, hs, method=method)

    def error_at(self, h: float | None, method: str) -> float:
        return abs(float(calculus.derivative(self.f, self.x0, h=h, method=method)) - self.exact)


class StepSizeError(Lesson):
    """Truncation against rounding: |error| of f'(x0) estimates against h, on log-log axes.

    ``construct`` is the outline: :meth:`lay_out` builds the mobjects, then one method per beat
    plays (first the configured function, then sin x at x = 1).

    Attributes set by :meth:`lay_out` and the beats (for tests)
    -----------------------------------------------------------
    axes : LogLogAxes
    parts : list of dict
        One per case (the configured function, then sin at 1): ``{"case", "series"}`` where
        ``series`` maps a method name to its :class:`Series`.
    markers : dict
        ``(part index, method) -> (h, error)`` of each marked optimal step, and
        ``(1, "richardson")`` for Richardson's point.
    """

    #: Overrides ``config.language`` when set (a variant's class attribute).
    language: str | None = None
    #: Methods swept in each part.
    part_methods = (("forward", "central"), ("forward", "central", "complex"))
    sweep_time = 5.0

    # ------------------------------------------------------------------ set-up
    def _cases(self, cfg) -> list[Case]:
        f = cfg.function.f
        x0 = float(cfg.secant.x0)
        first = Case(
            label_tex=rf"f(x) = {expression_to_tex(cfg.function.expression)}",
            f=f,
            x0=x0,
            exact=_exact_derivative(cfg.function.expression, f, x0),
            value=abs(float(f(x0))),
        )
        second = Case(
            label_tex=r"f(x) = \sin x",
            f=np.sin,
            x0=1.0,
            exact=math.cos(1.0),
            value=math.sin(1.0),
        )
        return [first, second]

    def _make_axes(self, cases: list[Case], hs: np.ndarray, tr: Catalogue) -> LogLogAxes:
        values = []
        for case, methods in zip(cases, self.part_methods, strict=True):
            for m in methods:
                values.append(case.errors(hs, m))
            values.append([case.error_at(None, "richardson")])
        allv = np.concatenate([np.ravel(v) for v in values])
        nonzero = allv[allv > 0]
        lo = math.floor(math.log10(nonzero.min())) if nonzero.size else -17
        hi = math.ceil(math.log10(allv.max())) if allv.max() > 0 else 0
        lo = min(-16, lo)
        hi = max(1, hi)
        return LogLogAxes(
            (-16, 0),
            (lo, hi),
            x_length=7.9,
            y_length=5.7,
            floor_label=tr("step.exact_zero"),
        )

    def _series(self, case: Case, method: str, hs: np.ndarray) -> Series:
        errors = case.errors(hs, method)
        color = method_color(method)
        width, opacity, radius = METHOD_STROKES[method]
        pts = np.array([self.axes.point(h, e) for h, e in zip(hs, errors, strict=True)])
        dots = VGroup(*(Dot(p, radius=radius, color=color) for p in pts)).set_opacity(0)
        line = VMobject().set_stroke(color, width, opacity=opacity).set_fill(opacity=0)
        line.set_points_as_corners([pts[0], pts[0]])
        return Series(method, hs, errors, dots, line, pts)

    # ------------------------------------------------------------------ pieces
    def _legend(self, tr: Catalogue) -> VGroup:
        rows = VGroup()
        for method in LEGEND_ORDER:
            color = method_color(method)
            if method == "richardson":
                sample = Star(n=5, outer_radius=0.13, color=color, fill_opacity=1, stroke_width=0)
                sample = VGroup(Line(LEFT * 0.25, RIGHT * 0.25).set_opacity(0), sample)
            else:
                width, opacity, radius = METHOD_STROKES[method]
                sample = VGroup(
                    Line(LEFT * 0.25, RIGHT * 0.25).set_stroke(color, width, opacity=opacity),
                    Dot(ORIGIN, radius=radius, color=color),
                )
            label = text(tr(f"step.{method}"), size=style.SIZE_SMALL, color=style.TEXT)
            row = VGroup(sample, label.next_to(sample, RIGHT, buff=0.2))
            rows.add(row)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.18)
        return rows

    def _case_header(self, case: Case, tr: Catalogue) -> VGroup:
        fx = tex(case.label_tex, size=style.SIZE_BODY, color=style.CURVE)
        at = tex(rf"x_0 = {case.x0:g}", size=style.SIZE_BODY, color=style.TEXT)
        header = VGroup(fx, at).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        if header.width > self.column_width:
            header.scale_to_fit_width(self.column_width)
        return header

    def _caption(self, s: str) -> VGroup:
        cap = text(s, size=style.SIZE_BODY, color=style.TEXT)
        if cap.width > 13.2:
            cap.scale_to_fit_width(13.2)
        return cap.move_to(DOWN * 3.62)

    def _swap_caption(self, new: VGroup, run_time: float = style.SHORT) -> None:
        """The old caption fades out completely before the new one fades in (never both)."""
        if self.caption is not None:
            self.play(FadeOut(self.caption), run_time=run_time * 0.6)
        self.play(FadeIn(new, shift=UP * 0.1), run_time=run_time * 0.7)
        self.caption = new

    def _sweep(self, series: list[Series]) -> None:
        """Draw the series point by point while a cursor moves h from 1 down to 1e-16."""
        axes = self.axes
        (x0, x1), (_y0, y1) = axes.x_decades, axes.y_decades
        bottom = axes.floor_y - 0.6
        cursor = DashedLine(
            axes.c2p(x1, bottom), axes.c2p(x1, y1), dash_length=style.DASH_LENGTH
        ).set_stroke(style.HIGHLIGHT, style.STROKE_THIN, opacity=0.8)
        top_y, bot_y = axes.c2p(0, y1)[1], axes.c2p(0, bottom)[1]
        series = sorted(series, key=lambda s: DRAW_ORDER.index(s.name))
        logs = [np.log10(s.hs) for s in series]
        for s in series:
            self.add(s.line, s.dots)
        self.add(cursor)
        readout = self.h_readout

        def update(group: VGroup, alpha: float) -> None:
            lx = x1 + (x0 - x1) * alpha
            px = axes.c2p(lx, 0)[0]
            cursor.put_start_and_end_on(np.array([px, bot_y, 0]), np.array([px, top_y, 0]))
            readout[1].set_value(lx)
            for s, lh in zip(series, logs, strict=True):
                n = int(np.count_nonzero(lh >= lx - 1e-9))
                n = max(n, 1)
                corners = list(s.points[:n])
                if n < len(lh):
                    # the segment towards the next point, up to the cursor
                    a, b = s.points[n - 1], s.points[n]
                    t = (lh[n - 1] - lx) / (lh[n - 1] - lh[n])
                    corners.append(a + (b - a) * t)
                if len(corners) == 1:
                    corners.append(corners[0])
                s.line.set_points_as_corners(corners)
                for i, d in enumerate(s.dots):
                    d.set_opacity(1.0 if i < n else 0.0)

        group = VGroup(cursor, readout, *(VGroup(s.line, s.dots) for s in series))
        self.play(UpdateFromAlphaFunc(group, update), run_time=self.sweep_time, rate_func=linear)
        self.play(FadeOut(cursor), run_time=style.SHORT)

    def _rounding_only_tag(self, central: Series, tr: Catalogue) -> VGroup:
        """A tag just above the right end of the central curve: there it is rounding only."""
        tag = _tag(tr("step.rounding_only"), method_color("central"))
        right = self.axes.c2p(self.axes.x_decades[1] - 0.3, 0)[0]
        span = central.points[central.points[:, 0] >= right - tag.width - 0.1]
        top = span[:, 1].max() if len(span) else self.axes.c2p(0, self.axes.floor_y)[1]
        tag.move_to(np.array([right, top, 0]), aligned_edge=RIGHT + DOWN).shift(UP * 0.3)
        return tag

    def _ring(self, part: int, case: Case, method: str, h: float) -> VGroup:
        """A ring (and the measured dot) at the error of ``method`` with step ``h``."""
        error = case.error_at(h, method)
        self.markers[(part, method)] = (h, error)
        p = self.axes.point(h, error)
        ring = Circle(radius=0.16).set_stroke(style.OPTIMUM, style.STROKE_THIN).move_to(p)
        dot = Dot(p, radius=style.DOT_RADIUS_SMALL, color=method_color(method))
        self.optimal_rings[(part, method)] = ring
        return VGroup(ring, dot)

    def _row(self, icon: VGroup, label: str, digits: int, tr: Catalogue) -> VGroup:
        """A table row: icon, what was computed, and its correct digits at the right."""
        icon = icon.copy().move_to(ORIGIN)
        icon.scale(min(1.0, 0.26 / max(icon.height, 1e-6)))
        box = VGroup(Line(LEFT * 0.15, RIGHT * 0.15).set_opacity(0), icon)
        words = text(label, size=style.SIZE_SMALL, color=style.TEXT)
        n = text(str(digits), size=style.SIZE_SMALL, color=style.OPTIMUM)
        words.next_to(box, RIGHT, buff=0.15)
        n.next_to(words, RIGHT, buff=0.3)
        row = VGroup(box, words, n)
        if row.width > self.column_width:
            row.scale_to_fit_width(self.column_width)
        return row

    def _place_row(self, row: VGroup) -> VGroup:
        anchor = self.table[-1]
        row.next_to(anchor, DOWN, buff=0.14).align_to(self.table[0], LEFT)
        # digits right-aligned with the column's right edge
        row[2].align_to(np.array([self.column_right, 0, 0]), RIGHT)
        if row[2].get_left()[0] < row[1].get_right()[0] + 0.15:
            row[2].next_to(row[1], RIGHT, buff=0.15)
        self.table.add(row)
        return row

    def _optimal(self, part: int, case: Case, tr: Catalogue) -> tuple[VGroup, list[VGroup]]:
        rings, rows = VGroup(), []
        for method in ("forward", "central"):
            h = calculus.optimal_step(method, case.x0)
            ring = self._ring(part, case, method, h)
            rings.add(ring)
            n = correct_digits(self.markers[(part, method)][1], case.exact)
            label = tr("step.row_best", h=_h_star(method, case.x0), method=tr(f"step.{method}"))
            rows.append(self._place_row(self._row(ring, label, n, tr)))
        return rings, rows

    def _post_row(self, case: Case, tr: Catalogue) -> VGroup:
        icon = DashedLine(DOWN * 0.15, UP * 0.15, dash_length=0.05).set_stroke(
            style.TEXT_DIM, style.STROKE_THIN
        )
        n = correct_digits(case.error_at(1e-8, "central"), case.exact)
        return self._place_row(self._row(VGroup(icon), tr("step.row_post"), n, tr))

    def _reference_slopes(self, case: Case, tr: Catalogue) -> VGroup:
        """Guide lines of slope 1 and 2 (truncation, f''/2·h and f'''/6·h² for sin) and -1
        (rounding, ~ε|f|/h), drawn a factor 4 off the errors they describe
        (slope 2 below its curve, the others above), labels on the side away from the data."""
        axes = self.axes
        lift = math.log10(4.0)
        c1 = math.log10(abs(math.sin(case.x0)) / 2)
        c2 = math.log10(abs(math.cos(case.x0)) / 6)
        cr = math.log10(_EPS * case.value)
        # (slope, log10 constant, from x, to x, colour, text, lift in decades, label side)
        specs = [
            (1, c1, -0.4, -6.0, style.TRUNCATION, "1", lift, 1, 0.6),
            (2, c2, -0.6, -4.4, style.TRUNCATION, "2", -lift, -1, 0.5),
            (-1, cr, -15.8, -10.5, style.ROUNDING, "-1", lift, 1, 0.5),
        ]
        group = VGroup()
        for slope, c, xa, xb, color, s, shift, side, at in specs:
            a = axes.c2p(xa, c + slope * xa + shift)
            b = axes.c2p(xb, c + slope * xb + shift)
            line = DashedLine(a, b, dash_length=style.DASH_LENGTH).set_stroke(
                color, style.STROKE_THIN
            )
            label = _tag(tr("step.slope", s=s.replace("-", "−")), color)
            mid = a + (b - a) * at
            normal = np.array([-(b - a)[1], (b - a)[0], 0.0])
            normal /= np.linalg.norm(normal)
            if normal[1] * side < 0:
                normal = -normal
            # far enough along the normal that the label's box clears the line
            reach = 0.5 * (abs(label.width * normal[0]) + abs(label.height * normal[1]))
            label.move_to(mid + normal * (reach + 0.06))
            group.add(VGroup(line, label))
        return group

    # ------------------------------------------------------------------ the scene
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_axes,
            # the configured function (the post's quadratic at x = 3)
            self.sweep_first_function,
            self.show_post_h,
            self.show_optimal_h,
            self.show_no_truncation,  # only where central has no truncation error
            self.show_rounding,
            # sin x at x = 1, with the complex step
            self.sweep_sine,
            self.show_slopes,
            self.show_optimal_h_sine,
            self.show_complex_step,
            self.show_richardson,
        )

    def lay_out(self) -> None:
        """Build every mobject (axes, legend, h readout, headers, series); nothing is played."""
        cfg, self.tr = prepare_scene(self, self.language)
        tr = self.tr
        self.column_width = 3.9
        self.caption = None
        self.markers: dict[tuple[int, str], tuple[float, float]] = {}
        self.optimal_rings: dict[tuple[int, str], Circle] = {}
        hs = step_grid()
        cases = self._cases(cfg)

        title = text(tr("step.title"), size=style.SIZE_TITLE, color=style.TEXT)
        title.to_edge(UP, buff=style.MARGIN)
        self.axes = axes = self._make_axes(cases, hs, tr)
        axes.move_to(LEFT * 2.0 + DOWN * 0.1)
        # keep the y labels (and the floor label) inside the frame
        left_edge = min(axes.floor_label.get_left()[0], axes.y_numbers.get_left()[0])
        if left_edge < -7.11 + style.MARGIN:
            axes.shift(RIGHT * (-7.11 + style.MARGIN - left_edge))
        x_label = text(tr("step.x_label"), size=style.SIZE_SMALL, color=style.TEXT)
        x_label.move_to(axes.x_numbers[-1]).align_to(axes.x_numbers[-1], DOWN)
        # centred in the gap between the last two decade labels (the column to the right of
        # the axes is the table's), never touching them
        gap_left = axes.x_numbers[-2].get_right()[0]
        gap_right = axes.x_numbers[-1].get_left()[0]
        if x_label.width > gap_right - gap_left - 0.3:
            x_label.scale_to_fit_width(gap_right - gap_left - 0.3)
        mid = np.array([(gap_left + gap_right) / 2, 0, 0])
        x_label.move_to(mid, coor_mask=[1, 0, 0]).shift(DOWN * 0.06)
        y_label = text(tr("step.y_label"), size=style.SIZE_SMALL, color=style.TEXT)
        y_label.next_to(axes.c2p(axes.x_decades[0], axes.y_decades[1]), UP, buff=0.12)
        y_label.align_to(axes.y_numbers, LEFT)
        self.title, self.x_label, self.y_label = title, x_label, y_label

        column_left = axes.get_right()[0] + 0.45
        self.column_width = min(self.column_width, 7.11 - style.MARGIN - column_left)
        self.legend = legend = self._legend(tr)
        if legend.width > self.column_width:
            legend.scale_to_fit_width(self.column_width)
        legend.move_to(np.array([column_left, 0, 0]), aligned_edge=LEFT)
        legend.align_to(axes.c2p(0, axes.y_decades[1]), UP).shift(DOWN * 1.15)

        # h readout: "h = 10^x" with a live exponent
        base = tex(r"h = 10", size=style.SIZE_READOUT, color=style.HIGHLIGHT)
        expo = GlyphNumber(0.0, fmt="{:.1f}", size=style.SIZE_TICK, color=style.HIGHLIGHT)
        expo.next_to(base, RIGHT, buff=0.05).align_to(base, UP).shift(UP * 0.12)
        self.h_readout = VGroup(base, expo)
        self.h_readout.move_to(np.array([column_left, 0, 0]), aligned_edge=LEFT)
        self.h_readout.next_to(legend, DOWN, buff=0.45, aligned_edge=LEFT)

        self.column_right = column_left + self.column_width
        table_title = text(tr("step.table_title"), size=style.SIZE_SMALL, color=style.TEXT_DIM)
        table_title.next_to(legend, DOWN, buff=0.35, aligned_edge=LEFT)
        self.table_title = table_title
        self.table = VGroup(table_title)

        # one part per case: its header (above the legend) and its series, drawn by its sweep
        self.parts: list[dict[str, Any]] = []
        self.headers: list[VGroup] = []
        self.post_line = None
        for case, methods in zip(cases, self.part_methods, strict=True):
            header = self._case_header(case, tr)
            header.move_to(np.array([column_left, 0, 0]), aligned_edge=LEFT)
            header.align_to(axes.c2p(0, axes.y_decades[1]), UP).shift(UP * 0.15)
            self.headers.append(header)
            series = {m: self._series(case, m, hs) for m in methods}
            self.parts.append({"case": case, "series": series})

    # ------------------------------------------------------------------ the beats
    def show_axes(self) -> None:
        """The title and the empty log-log axes: |error| against the step h."""
        self.add(self.title)
        self.play(FadeIn(self.axes), FadeIn(self.x_label), FadeIn(self.y_label), run_time=1.2)

    def sweep_first_function(self) -> None:
        """The configured function: forward and central errors drawn as h shrinks to 1e-16."""
        methods = self.part_methods[0]
        rows = VGroup(*(self.legend[i] for i, m in enumerate(LEGEND_ORDER) if m in methods))
        self.play(
            FadeIn(self.headers[0]),
            FadeIn(rows),
            FadeIn(self.h_readout),
            run_time=style.SHORT * 1.5,
        )
        self.narrate("step.sweep")
        self._swap_caption(self._caption(self.tr("step.sweep")))
        self._sweep_part(0)

    def show_post_h(self) -> None:
        """The post's h = 1e-8 and its correct digits."""
        tr, axes, case = self.tr, self.axes, self.parts[0]["case"]
        self.post_line = DashedLine(
            axes.c2p(-8, axes.floor_y - 0.6),
            axes.c2p(-8, axes.y_decades[1]),
            dash_length=style.DASH_LENGTH,
        ).set_stroke(style.TEXT_DIM, style.STROKE_THIN)
        post_tag = _tag(tr("step.post_h"), style.TEXT_DIM)
        post_tag.next_to(self.post_line.get_end(), DOWN, buff=0.1)
        post_tag.align_to(self.post_line, LEFT).shift(RIGHT * 0.1)
        row = self._post_row(case, tr)
        n_post = correct_digits(case.error_at(1e-8, "central"), case.exact)
        self.play(
            Create(self.post_line),
            FadeIn(post_tag),
            FadeIn(self.table_title),
            FadeIn(row),
            run_time=1.0,
        )
        self.narrate("step.post_digits", n=n_post)
        self._swap_caption(self._caption(tr("step.post_digits", n=n_post)))
        self.wait(style.READ)

    def show_optimal_h(self) -> None:
        """The optimal steps h* of forward and central, ringed, with their correct digits."""
        rings, rows = self._optimal(0, self.parts[0]["case"], self.tr)
        self.first_rings = rings
        self.play(FadeIn(rings), *(FadeIn(r) for r in rows), run_time=style.SHORT * 1.5)
        self.narrate("step.best")
        self._swap_caption(self._caption(self.tr("step.best")))
        self.wait(style.READ)

    def show_no_truncation(self) -> None:
        """Truncation: where central has none (third derivative 0), h = 1 is its best step."""
        case = self.parts[0]["case"]
        self.no_truncation_tag = VGroup()
        if _no_truncation(case):
            # h* is for a generic f: here the central difference is exact but for
            # rounding, so its largest step is its best
            central = self.parts[0]["series"]["central"]
            self.no_truncation_tag.add(self._rounding_only_tag(central, self.tr))
            n_big = correct_digits(float(central.errors[0]), case.exact)
            self.play(FadeIn(self.no_truncation_tag), run_time=style.SHORT)
            self.narrate("step.no_truncation", n=n_big)
            self._swap_caption(self._caption(self.tr("step.no_truncation", n=n_big)))
            self.wait(style.READ)

    def show_rounding(self) -> None:
        """Rounding: below h* the error grows as h shrinks; the first function's curves clear."""
        self.narrate("step.not_better")
        self._swap_caption(self._caption(self.tr("step.not_better")))
        self.wait(style.READ)
        old_rows = VGroup(*self.table[1:])
        self.table.remove(*old_rows)
        fade = [FadeOut(self.first_rings), FadeOut(old_rows), FadeOut(self.no_truncation_tag)]
        fade += [FadeOut(VGroup(s.line, s.dots)) for s in self.parts[0]["series"].values()]
        self.play(*fade, run_time=style.SHORT * 1.5)

    def sweep_sine(self) -> None:
        """The same sweep for sin x at x = 1, the complex step added."""
        self.h_readout[1].set_value(self.axes.x_decades[1])  # h = 10^0 again
        methods = self.part_methods[1]
        rows = VGroup(
            *(
                self.legend[i]
                for i, m in enumerate(LEGEND_ORDER)
                if m in methods and m not in self.part_methods[0]
            )
        )
        # the h readout takes the table's place during the sweep
        self.play(
            FadeOut(self.headers[0], shift=UP * 0.1),
            FadeIn(self.headers[1], shift=UP * 0.1),
            FadeIn(rows),
            FadeOut(self.table_title),
            FadeIn(self.h_readout),
            run_time=style.SHORT * 1.5,
        )
        self.narrate("step.switch")
        self._swap_caption(self._caption(self.tr("step.switch")))
        self._sweep_part(1)

    def show_slopes(self) -> None:
        """Truncation error falls with slope 1 or 2, rounding error rises with slope -1."""
        slopes = self._reference_slopes(self.parts[1]["case"], self.tr)
        self.play(
            *(Create(g[0]) for g in slopes), *(FadeIn(g[1]) for g in slopes), run_time=1.5
        )
        self.narrate("step.slopes")
        self._swap_caption(self._caption(self.tr("step.slopes")))
        self.wait(style.READ)

    def show_optimal_h_sine(self) -> None:
        """For sin x: the post's h and the optimal steps h*, with their correct digits."""
        case = self.parts[1]["case"]
        row = self._post_row(case, self.tr)
        rings, rows = self._optimal(1, case, self.tr)
        self.play(
            FadeIn(rings),
            FadeIn(self.table_title),
            FadeIn(row),
            *(FadeIn(r) for r in rows),
            run_time=style.SHORT * 1.5,
        )
        self.narrate("step.best")
        self._swap_caption(self._caption(self.tr("step.best")))
        self.wait(style.READ)

    def show_complex_step(self) -> None:
        """The complex step: central's h² error for large h, then flat at machine precision."""
        tr, axes, part = self.tr, self.axes, 1
        case = self.parts[part]["case"]
        # complex step and central share the h² truncation error (the band under the
        # central curve for large h); only central meets rounding as h shrinks
        self.narrate("step.complex_same")
        self._swap_caption(self._caption(tr("step.complex_same")))
        self.wait(style.READ)
        # complex step: flat at machine precision
        eps_y = math.log10(_EPS * abs(case.exact))
        machine = DashedLine(
            axes.c2p(axes.x_decades[0], eps_y),
            axes.c2p(axes.x_decades[1], eps_y),
            dash_length=style.DASH_LENGTH * 0.6,
        ).set_stroke(method_color("complex"), style.STROKE_THIN, opacity=0.8)
        machine_tag = _tag(tr("step.machine"), method_color("complex"))
        machine_tag.next_to(axes.c2p(axes.x_decades[0], eps_y), UP, buff=0.08)
        machine_tag.align_to(axes.c2p(axes.x_decades[0] + 0.2, 0), LEFT)
        c_err = case.error_at(None, "complex")
        self.markers[(part, "complex")] = (calculus.DEFAULT_STEPS["complex"], c_err)
        c_row = self._place_row(
            self._row(
                VGroup(Dot(ORIGIN, radius=style.DOT_RADIUS, color=method_color("complex"))),
                tr("step.complex"),
                correct_digits(c_err, case.exact),
                tr,
            )
        )
        self.play(Create(machine), FadeIn(machine_tag), FadeIn(c_row), run_time=1.0)
        self.narrate("step.complex_note")
        self._swap_caption(self._caption(tr("step.complex_note")))
        self.wait(style.READ)

    def show_richardson(self) -> None:
        """Richardson extrapolation, one point near machine precision; then the takeaway."""
        tr, axes, part = self.tr, self.axes, 1
        case = self.parts[part]["case"]
        # Richardson: one point, at its first step
        h0 = calculus.optimal_step("richardson", case.x0)
        r_err = case.error_at(None, "richardson")
        self.markers[(part, "richardson")] = (h0, r_err)
        star = Star(
            n=5,
            outer_radius=0.17,
            color=method_color("richardson"),
            fill_opacity=1,
            stroke_width=0,
        ).move_to(axes.point(h0, r_err))
        n_r = correct_digits(r_err, case.exact)
        self.richardson = star
        r_row = self._place_row(
            self._row(VGroup(star.copy()), tr("step.richardson_short"), n_r, tr)
        )
        self.play(
            FadeIn(star, scale=2.0),
            FadeIn(self.legend[3]),
            FadeIn(r_row),
            run_time=style.SHORT * 1.5,
        )
        self.narrate("step.richardson_note", n=n_r)
        self._swap_caption(self._caption(tr("step.richardson_note", n=n_r)))
        self.wait(style.READ)
        self.narrate("step.takeaway")
        self._swap_caption(self._caption(tr("step.takeaway")))
        self.wait(style.READ * 1.5)

    # ------------------------------------------------------------------ helpers of the beats
    def _sweep_part(self, part: int) -> None:
        """Sweep a part's series between two short waits; the h readout fades after it."""
        self.wait(style.BEAT * 0.5)
        self._sweep(list(self.parts[part]["series"].values()))
        self.play(FadeOut(self.h_readout), run_time=style.SHORT * 0.5)
        self.wait(style.BEAT * 0.5)
