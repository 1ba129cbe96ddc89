"""``StepSizeError``: why the post's h = 1e-8, and why "closer to zero" is not always better.

A log-log plot of the relative error |error| / |f'(x0)| of numerical estimates of f'(x0) against
the step h, for h from 1 down to 1e-16, so that the decade a dot sits in is its count of correct
digits (every "n digits" on screen is read off its marker's decade; where f'(x0) = 0, which has no
relative error, the plot shows |error| and counts decimal places). Every dot is a real float64
result of :func:`core.calculus.step_errors`, drawn as h shrinks. The lesson opens on sin x at x =
1, where both errors show: truncation falls with slope 1 (forward) or 2 (central), rounding rises
with slope -1. The scene then derives the error model E(h) ≈ C·h^p + ε|f|/h on screen
(:func:`core.calculus.error_model`: Taylor's truncation term, the rounding term) and, by setting
E'(h) = 0, the best steps h* ≈ √ε and ∛ε (:func:`core.calculus.optimal_step`). Every marked step is
one of the plotted steps: the ring sits on its own curve at the error computed there. The post's h
= 1e-8 is compared with h*.

The configured function (the post's quadratic at x = 3 by default) comes next as the special
case: its third derivative is 0, so the central difference has no truncation error (C = 0) and
only rounding ε|f|/h is left. Last, the complex step Im f(x + ih)/h and Richardson's
(4D(h/2) − D(h))/3, each with its formula, as core computes them.

An error of exactly 0 has no logarithm: such points are drawn honestly on a separate floor row
labelled "exact (0)" below the decades.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Animation,
    Axes,
    Circle,
    Create,
    DashedLine,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    ReplacementTransform,
    Square,
    Star,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
)

from core import calculus
from core.calculus import correct_digits
from core.functions import BLOG_EXPRESSION, blog_df
from core.tex import expression_to_tex
from scenes.kit import style
from scenes.kit.caption import BAND_TOP, swap
from scenes.kit.lesson import Lesson
from scenes.kit.text import Catalogue
from scenes.kit.typography import tex, text

__all__ = [
    "StepSizeError",
    "Series",
    "LogLogAxes",
    "step_grid",
    "ratio_text",
    "series_steps",
]

_EPS = float(np.finfo(float).eps)

#: LaTeX at this size or more keeps its superscripts (70 %) at 20 px at 720p.
SIZE_FORMULA = 30
#: Tick labels 10^k: the exponent is a superscript, so 20 / 0.7 rounded up.
SIZE_TICK_EXP = 29


def method_color(method: str) -> str:
    """Colour of a method's measured errors, in the current theme (the reference slopes use
    TRUNCATION / ROUNDING)."""
    return {
        "forward": style.TOTAL_ERROR,
        "central": style.BLUISH_GREEN,
        "complex": style.REDDISH_PURPLE,
        "richardson": style.VERMILLION,
        "special": style.CURVE,
    }[method]


#: How each method's curve is drawn: (stroke width, stroke opacity, dot radius). The complex step
#: coincides with the central difference for large h (the same f'''(x)h²/6 error), so it is
#: a wide translucent band with larger dots, drawn *under* central: both stay visible there.
METHOD_STROKES = {
    "forward": (style.STROKE_THIN, 1.0, style.DOT_RADIUS_SMALL),
    "central": (style.STROKE_THIN, 1.0, style.DOT_RADIUS_SMALL),
    "complex": (style.STROKE_THIN * 3.2, 0.45, style.DOT_RADIUS_SMALL * 1.75),
    "special": (style.STROKE_THIN, 1.0, style.DOT_RADIUS_SMALL),
}
#: Drawing order, bottom first.
DRAW_ORDER = ("complex", "forward", "central", "special")
#: f', f'' and f''' in LaTeX, the primes spaced apart and off the italic f's hook, so that
#: three read as three at 1080p (plain f''' sets them touching: it reads as f'').
D1 = r"f^{\,\prime}"
D2 = r"f^{\,\prime\,\prime}"
D3 = r"f^{\,\prime\,\prime\,\prime}"
#: The post's step.
POST_H = calculus.DEFAULT_STEPS["central"]


def step_grid(decades: int = 16, per_decade: int = 2) -> np.ndarray:
    """The steps h = 1, 10^-0.5, ..., 10^-decades, largest first (the order they are drawn)."""
    return 10.0 ** -np.linspace(0.0, decades, decades * per_decade + 1)


def series_steps(method: str, x0: float) -> np.ndarray:
    """The steps plotted for ``method``: :func:`step_grid` plus every step the scene marks on
    that curve (the post's 1e-8 and :func:`core.calculus.optimal_step` for forward and central),
    largest first, so that each marker is a dot of its own curve."""
    extra = [POST_H]
    if method in ("forward", "central"):
        extra.append(calculus.optimal_step(method, x0))
    hs = np.concatenate([step_grid(), extra])
    return np.array(sorted(set(hs.tolist()), reverse=True))


def _digits(error: float, case: Case) -> int:
    """The count a row or a tag shows, read off the plot's own axis: the correct significant
    digits, floor(−log10 |error|/|f'(x0)|) (the relative error the dots show), or where
    f'(x0) = 0 (no relative error; the dots show |error|) the correct decimal places,
    floor(−log10 |error|): :func:`core.calculus.correct_digits` either way. An error of 0
    counts 16 against f'(x0) ≠ 0 (all a float64 holds); against 0 it is shown as "exact"."""
    return correct_digits(error, case.exact)


def ratio_text(ratio: float) -> str:
    """A ratio to two significant figures, rounded down so that "≈" never claims more than was
    computed (as :func:`core.calculus.correct_digits` floors): 15.5 -> "15", 512.4 -> "510",
    9.87 -> "9.8"."""
    if not math.isfinite(ratio) or ratio <= 0:
        raise ValueError(f"`ratio` must be finite and positive, got {ratio!r}")
    unit = 10.0 ** (math.floor(math.log10(ratio)) - 1)
    kept = math.floor(ratio / unit + 1e-9) * unit
    return f"{kept:.{max(0, -round(math.log10(unit)))}f}"



def _power_tex(h: float) -> str:
    """``h = 10^{-8}`` for a step that is a power of ten."""
    return rf"h = 10^{{{round(math.log10(h))}}}"


def _power_text(h: float) -> str:
    """``1e-8`` (as the post writes it) for a step that is a power of ten."""
    return f"1e{round(math.log10(h))}"


def _same_expression(a: str, b: str) -> bool:

    return a.replace(" ", "") == b.replace(" ", "")


def _exact_derivative(expression: str, f: Callable[[Any], Any], x0: float) -> float:
    """The f'(x0) the errors are measured against: the closed form for the post's function
    (:func:`core.functions.blog_df`: 0.22 at x = 3, where the complex step rounds to
    0.22000000000000003), else :func:`core.calculus.stated_derivative` (exact to rounding)."""
    if _same_expression(expression, BLOG_EXPRESSION):
        return float(blog_df(x0))
    return float(calculus.stated_derivative(f, x0))


def _no_truncation(case: Case) -> bool:
    """True where the central difference has no truncation error (third derivative 0, e.g. a
    quadratic): its error at h = 1 and h = 0.1 is already at rounding level."""
    errs = case.errors(np.array([1.0, 0.1]), "central")
    return bool(np.all(errs <= 1e-12 * max(1.0, abs(case.exact))))


def _tag(s: str, color: str, size: float = style.SIZE_SMALL) -> VGroup:
    """A small label on a backing of the background colour, legible where it crosses lines."""
    label = text(s, size=size, color=color)
    label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.05)
    return label


class LogLogAxes(Axes):
    """Axes whose coordinates are (log10 h, log10 |error|), with decade ticks, a grid, labels
    10^k every ``label_every`` decades, and a floor row below the decades for errors of 0.

    ``p2c`` returns log coordinates; :meth:`point` maps a real (h, error) pair, error 0 onto the
    floor row. The floor row's label sits inside the plot, above the row, three quarters of
    the way to the right (where no curve comes near the floor).
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
        self.bottom = bottom
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
                tex(rf"10^{{{x}}}", size=SIZE_TICK_EXP, color=style.TEXT_DIM).next_to(
                    self.c2p(x, bottom), DOWN, buff=0.16
                )
                for x in range(x0, x1 + 1)
                if x % label_every == 0
            )
        )
        self.y_numbers = VGroup(
            *(
                tex(rf"10^{{{y}}}", size=SIZE_TICK_EXP, color=style.TEXT_DIM).next_to(
                    self.c2p(x0, y), LEFT, buff=0.16
                )
                for y in range(y0, y1 + 1)
                if y % label_every == 0
            )
        )
        self.floor_label = text(floor_label, size=style.SIZE_SMALL, color=style.TEXT_DIM)
        self.floor_label.next_to(self.c2p((x0 + 3 * x1) / 4, self.floor_y), UP, buff=0.08)
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
        The method (``"forward"``, ``"central"``, ``"complex"``; ``"special"``: the configured
        function's central difference).
    hs, errors : numpy.ndarray
        The steps (:func:`series_steps`) and :func:`core.calculus.step_errors` output (absolute
        errors), largest step first.
    scale : float
        :attr:`Case.scale`: the dots are drawn at ``errors / scale``.
    dots : VGroup
        One dot per (h, error), in the same order.
    line : VMobject
        The polyline through the dots (grows with the sweep).
    """

    name: str
    hs: np.ndarray
    errors: np.ndarray
    scale: float = 1.0
    dots: VGroup = field(default_factory=VGroup)
    line: VMobject = field(default_factory=VMobject)
    points: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))

    @property
    def plotted(self) -> np.ndarray:
        """What the dots show: ``errors / scale`` (the relative error, or |error| where
        f'(x0) = 0; see :attr:`Case.scale`)."""
        return self.errors / self.scale

    def point_at(self, h: float) -> np.ndarray:
        """The dot of step ``h`` (one of :attr:`hs`)."""
        return self.points[int(np.flatnonzero(self.hs == h)[0])]


@dataclass
class Case:
    """A function at a point: what the plot shows in one part of the scene."""

    label_tex: str
    f: Callable[[Any], Any]
    x0: float
    exact: float
    value: float  # |f(x0)|, for the rounding term
    higher: dict[str, float] = field(default_factory=dict)  # f'' (forward), f''' (central)

    @property
    def relative(self) -> bool:
        """True where the plot shows the relative error |error| / |f'(x0)| (and labels count
        correct significant digits); False where f'(x0) = 0, which has no relative error: the
        plot shows |error| and labels count correct decimal places."""
        return self.exact != 0

    @property
    def scale(self) -> float:
        """What an error is divided by on the plot: |f'(x0)|, or 1 where f'(x0) = 0."""
        return abs(self.exact) if self.relative else 1.0

    def errors(self, hs: np.ndarray, method: str) -> np.ndarray:
        exact = self.exact
        return calculus.step_errors(self.f, lambda _x: exact, self.x0, hs, method=method)

    def error_at(self, h: float | None, method: str) -> float:
        return abs(float(calculus.derivative(self.f, self.x0, h=h, method=method)) - self.exact)


class StepSizeError(Lesson):
    """Truncation against rounding: |error| of f'(x0) estimates against h, on log-log axes.

    ``construct`` is the outline: :meth:`lay_out` builds the mobjects, then one method per beat
    plays: sin x at x = 1 (sweep, Taylor's truncation, rounding, the model E(h), its minimum
    h*, the post's h), the configured function as the special case, then the complex step and
    Richardson.

    Attributes set by :meth:`lay_out` and the beats (for tests)
    -----------------------------------------------------------
    axes : LogLogAxes
    sine, special : Case
        sin at 1, and the configured function at ``secant.x0``.
    series : dict
        method -> :class:`Series` of sin at 1 (``"forward"``, ``"central"``, ``"complex"``)
        and ``"special"`` (the configured function's central difference).
    markers : dict
        ``(method, what) -> (h, error)`` of each marked step: ``("forward", "best")``,
        ``("central", "best")``, ``("central", "post")``, ``("special", "largest")``,
        ``("special", "post")``, ``("complex", "default")``, ``("richardson", "first")``.
    rings : dict
        The same keys -> the ring (or star) drawn there.
    """

    sweep_time = 4.5
    short_sweep_time = 2.5

    # ------------------------------------------------------------------ the scene
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_axes,
            self.sweep_sine,
            self.show_truncation,
            self.show_rounding,
            self.show_model,
            self.minimise_model,
            self.show_post_h,
            self.show_special_case,
            self.show_complex_step,
            self.show_richardson,
            self.sum_up,
        )

    # ------------------------------------------------------------------ set-up
    def _cases(self, cfg) -> tuple[Case, Case]:
        sine = Case(
            label_tex=r"f(x) = \sin x,\quad x = 1",
            f=np.sin,
            x0=1.0,
            exact=float(np.cos(1.0)),
            value=float(np.sin(1.0)),
            higher={"forward": float(-np.sin(1.0)), "central": float(-np.cos(1.0))},
        )
        f = cfg.function.f
        x0 = float(cfg.secant.x0)
        special = Case(
            label_tex=rf"f(x) = {expression_to_tex(cfg.function.expression)},\quad x = {x0:g}",
            f=f,
            x0=x0,
            exact=_exact_derivative(cfg.function.expression, f, x0),
            value=abs(float(f(x0))),
        )
        return sine, special

    @staticmethod
    def _make_axes(tr: Catalogue, series: Iterable[Series] = ()) -> LogLogAxes:
        """The log-log axes, fitted to the errors of ``series`` (none: the default decades)."""
        values = [s.plotted for s in series]
        allv = np.concatenate([np.ravel(v) for v in values]) if values else np.array([1.0])
        nonzero = allv[allv > 0]
        lo = math.floor(math.log10(nonzero.min())) if nonzero.size else -17
        hi = math.ceil(math.log10(allv.max())) if allv.max() > 0 else 0
        return LogLogAxes(
            (-16, 0),
            (min(-16, lo), max(1, hi)),
            x_length=7.2,
            y_length=4.0,

            floor_label=tr("step.exact_zero"),
        )

    def _series(self, case: Case, method: str) -> Series:
        hs = series_steps(method, case.x0)
        errors = case.errors(hs, "central" if method == "special" else method)
        return Series(method, hs, errors, scale=case.scale)

    def _draw_series(self, s: Series) -> None:
        color = method_color(s.name)
        width, opacity, radius = METHOD_STROKES[s.name]
        pts = np.array([self.axes.point(h, e) for h, e in zip(s.hs, s.plotted, strict=True)])
        s.points = pts
        s.dots = VGroup(*(Dot(p, radius=radius, color=color) for p in pts)).set_opacity(0)
        s.line = VMobject().set_stroke(color, width, opacity=opacity).set_fill(opacity=0)
        s.line.set_points_as_corners([pts[0], pts[0]])

    def lay_out(self) -> None:
        """Build every mobject (axes, headers, panels, series); nothing is played."""
        cfg, tr = self.cfg, self.tr
        self.panel = None
        self.markers: dict[tuple[str, str], tuple[float, float]] = {}
        self.rings: dict[tuple[str, str], VMobject] = {}
        self.sine, self.special = self._cases(cfg)
        self.series = {m: self._series(self.sine, m) for m in ("forward", "central", "complex")}
        self.series["special"] = self._series(self.special, "special")

        self.axes = axes = self._make_axes(tr, self.series.values())
        x0, x1 = axes.x_decades
        corner = axes.c2p(x0, axes.bottom)
        # "step h" under the tick numbers clear of the caption band
        axes.shift(np.array([-5.8, BAND_TOP + 1.35, 0.0]) - corner)
        for s in self.series.values():
            self._draw_series(s)

        plot_mid = (axes.c2p(x0, 0)[0] + axes.c2p(x1, 0)[0]) / 2
        self.title = text(tr("step.title"), size=style.SIZE_TITLE, color=style.TEXT)
        self.title.to_edge(UP, buff=0.15).to_edge(LEFT, buff=style.MARGIN)

        # "step h" below the tick row, centred under the plot (never among the tick labels)
        self.x_label = text(tr("step.x_label"), size=style.SIZE_SMALL, color=style.TEXT)
        self.x_label.next_to(axes.x_numbers, DOWN, buff=0.1).set_x(plot_mid)
        # the dots are relative errors (what correct digits count); where the configured
        # f has f'(x0) = 0 (no relative error) its part of the lesson shows |error|
        self.y_label, self.y_label_abs = (
            text(tr(key), size=style.SIZE_SMALL, color=style.TEXT)
            .next_to(axes.c2p(x0, axes.y_decades[1]), UP, buff=0.12)
            .align_to(axes.y_numbers, LEFT)
            for key in ("step.y_label", "step.y_label_abs"))

        # the right column: header, a formula panel (one per beat), the table of digits
        self.column_left = axes.c2p(x1, 0)[0] + 0.45
        self.column_right = 7.11 - style.MARGIN
        self.column_width = self.column_right - self.column_left
        self.headers = {
            "sine": self._header(self.sine),
            "special": self._header(self.special, color=method_color("special")),
        }
        self.panel_top = self.headers["sine"].get_bottom()[1] - 0.3
        self.table_title = text(tr("step.table_title"), size=style.SIZE_SMALL,
                                color=style.TEXT_DIM)
        self.table_title.move_to(np.array([self.column_left, -0.22, 0]), aligned_edge=LEFT)
        self.table = VGroup(self.table_title)
        self.guides = VGroup()
        self.model_curves = VGroup()

    def _header(self, case: Case, color: str | None = None) -> VGroup:
        header = tex(case.label_tex, size=34, color=color or style.CURVE)
        if header.width > self.column_width:
            header.scale_to_fit_width(self.column_width)
        header.move_to(np.array([self.column_left, 3.45, 0]), aligned_edge=LEFT)
        return header

    # ------------------------------------------------------------------ panels
    # Five panels in all, each built whole and revealed a part at a time while it stays: the two
    # quotients (their Taylor expansions added at the truncation beat), rounding, the model
    # (its minimum added), the special case, the complex step (Richardson added); the last
    # beat brings the model back.
    def _formula(self, s: str, color: str | None = None, size: float = SIZE_FORMULA) -> VMobject:
        return tex(s, size=size, color=color or style.TEXT)

    def _named(self, method: str, formula: VMobject | None = None,
               name_key: str | None = None) -> VGroup:
        """A method's colour sample and name, with a formula under it (a legend entry)."""
        color = method_color(method)
        width, opacity, radius = METHOD_STROKES.get(method, METHOD_STROKES["central"])
        sample = VGroup(
            Line(LEFT * 0.22, RIGHT * 0.22).set_stroke(color, width, opacity=opacity),
            Dot(ORIGIN, radius=radius, color=color),
        )
        name = text(self.tr(name_key or f"step.{method}"), size=style.SIZE_SMALL,
                    color=style.TEXT)
        row = VGroup(sample, name.next_to(sample, RIGHT, buff=0.18))
        if formula is None:
            return row
        formula.next_to(row, DOWN, buff=0.12, aligned_edge=LEFT).shift(RIGHT * 0.62)
        return VGroup(row, formula)

    def _place_panel(self, *lines: VMobject, buff: float = 0.22) -> VGroup:
        panel = VGroup(*lines).arrange(DOWN, aligned_edge=LEFT, buff=buff)
        panel.move_to(np.array([self.column_left, self.panel_top, 0]), aligned_edge=LEFT + UP)
        return panel

    def _quotient(self, method: str, lhs: str, rhs: str) -> tuple[VGroup, VMobject]:
        """A method's name over its quotient ``lhs``, and (returned apart, to be revealed
        later) its Taylor expansion ``= rhs`` under it."""
        color = method_color(method)
        left = self._formula(lhs, color)
        right = self._formula("= " + rhs, color)
        right.next_to(left, DOWN, buff=0.08, aligned_edge=LEFT).shift(RIGHT * 0.3)
        return self._named(method, VGroup(left, right)), right

    def _panel_quotients(self) -> tuple[VGroup, list[VMobject]]:
        """The two difference quotients; revealed later: their expansions and Taylor's."""
        forward, f_rhs = self._quotient("forward", r"\frac{f(x+h) - f(x)}{h}",
                                        rf"{D1} + \frac{{{D2}}}{{2}}\,h + \cdots")
        central, c_rhs = self._quotient("central", r"\frac{f(x+h) - f(x-h)}{2h}",
                                        rf"{D1} + \frac{{{D3}}}{{6}}\,h^2 + \cdots")
        taylor = VGroup(
            self._formula(rf"f(x \pm h) = f \pm h {D1} + \frac{{h^2}}{{2}} {D2}"),
            self._formula(rf"\pm \frac{{h^3}}{{6}} {D3} + \cdots"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.1)
        taylor[1].shift(RIGHT * 1.6)
        later = taylor  # the expansion both come from, in the text colour
        panel = self._place_panel(forward, central, later, buff=0.22)
        # laid out whole, shown without them until the truncation beat
        forward[1].remove(f_rhs)
        central[1].remove(c_rhs)
        panel.remove(later)
        return panel, [f_rhs, c_rhs, later]

    def _panel_rounding(self) -> VGroup:
        mant, expo = f"{_EPS:.1e}".split("e")
        stored = self._formula(
            r"\tilde f(x) = f(x)\,(1 + \delta),\quad |\delta| \lesssim \varepsilon")
        eps_line = self._formula(rf"\varepsilon = {mant} \times 10^{{{int(expo)}}}")
        diff = self._formula(r"\frac{\tilde f(x+h) - \tilde f(x)}{h} - \frac{f(x+h) - f(x)}{h}",
                             style.ROUNDING)
        size = self._formula(r"\sim \frac{\varepsilon |f|}{h}", style.ROUNDING, 36)
        size.next_to(diff, DOWN, buff=0.1).align_to(diff, RIGHT)
        return self._place_panel(stored, eps_line, VGroup(diff, size))

    def _model_formula(self, size: float = 36) -> VMobject:
        m = tex(r"E(h) \approx ", r"C\,h^{p}", r"+", r"\frac{\varepsilon |f|}{h}", size=size,
                color=style.TEXT)
        m[1].set_color(style.TRUNCATION)
        m[3].set_color(style.ROUNDING)
        return m

    def _panel_model(self) -> tuple[VGroup, list[VMobject]]:
        """The model and what p is; revealed later: E'(h) = 0 and the best step h*."""
        model = self._model_formula()
        p_is = self._formula(r"p = 1,\ 2", style.TRUNCATION)
        p_is.next_to(model, RIGHT, buff=0.35)
        model = VGroup(model, p_is)
        derivative = self._formula(r"E'(h) = pC\,h^{p-1} - \frac{\varepsilon|f|}{h^2} = 0")
        best = self._formula(r"h^* = \left(\frac{\varepsilon |f|}{pC}\right)^{1/(p+1)}"
                             r"\sim \varepsilon^{1/(p+1)}", style.OPTIMUM)
        panel = self._place_panel(model, derivative, best, buff=0.2)
        return panel, [derivative, best]

    def _panel_special(self) -> VGroup:
        if _no_truncation(self.special):
            return self._place_panel(
                self._formula(rf"{D3} = 0 \ \Rightarrow\ C = 0"),
                self._formula(r"E(h) \approx \frac{\varepsilon |f|}{h}", style.ROUNDING, 36),
            )
        return self._place_panel(self._model_formula())

    def _panel_beyond(self) -> tuple[VGroup, list[VMobject]]:
        """The complex step; revealed later: Richardson on the central difference D(h)."""
        complex_step = self._named("complex", self._formula(
            rf"{D1}(x) \approx \frac{{\operatorname{{Im}} f(x + ih)}}{{h}}",
            method_color("complex")))
        steps = calculus.richardson_steps(self.sine.x0)
        h0, k = f"{steps[0]:g}", len(steps) - 1
        richardson = self._named("richardson", VGroup(
            self._formula(r"\frac{4D(h/2) - D(h)}{3} = " + D1 + r" + O(h^4)",
                          method_color("richardson")),
            self._formula(rf"h = {h0} \cdot 2^{{-k}},\quad k = 0, \ldots, {k}"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.1), name_key="step.richardson_d")
        panel = self._place_panel(complex_step, richardson, buff=0.18)
        return panel, [richardson]

    # ------------------------------------------------------------------ captions and panels
    def _say(self, key: str, panel: VGroup | None = None, hidden: Iterable[VMobject] = (),
             **fields: Any) -> None:
        """Narrate ``key`` in the caption band, and show a new formula panel with it (less its
        ``hidden`` parts, which :meth:`_reveal` shows later): the old caption and panel fade
        out completely before the new ones fade in."""
        if panel is None:
            self.say(key, **fields)
            return
        hidden = set(hidden)
        old_panel = self.panel
        self.panel = VGroup(*(m for m in panel if m not in hidden))
        change = self.caption_to(key, **fields)
        self.play(change, swap(old_panel, self.panel))
        self.bring_to_back(self.caption)

    def _reveal(self, parts: Iterable[VMobject], *others: Animation,
                run_time: float = 1.0) -> None:
        """Fade ``parts`` of the panel in (beside ``others``); the panel holds them from now."""
        parts = list(parts)
        self.play(*(FadeIn(p) for p in parts), *others, run_time=run_time)
        for p in parts:
            self.remove(p)
            self.panel.add(p)

    # ------------------------------------------------------------------ the beats
    def show_axes(self) -> None:
        """The empty log-log axes of the relative error, sin x at x = 1, the two quotients."""
        self.add(self.title)
        panel, self.quotient_parts = self._panel_quotients()
        self._say("step.intro", panel)
        self.play(
            FadeIn(self.axes), FadeIn(self.x_label), FadeIn(self.y_label),
            FadeIn(self.headers["sine"]), run_time=1.0,
        )

    def sweep_sine(self) -> None:
        """Forward and central errors of sin'(1) drawn as h shrinks from 1 to 1e-16."""
        self._say("step.sweep")
        self._sweep([self.series["forward"], self.series["central"]], self.sweep_time)

    def show_truncation(self) -> None:
        """Taylor: the quotients are f' plus C·h^p, p = 1 forward, p = 2 central: slopes 1, 2."""
        self._say("step.truncation_note")
        guides = self._guides(("forward", "central"))
        self._reveal(self.quotient_parts, *(Create(g[0]) for g in guides),
                     *(FadeIn(g[1]) for g in guides), run_time=1.5)

    def show_rounding(self) -> None:
        """Rounding: f is stored to about ε|f|; the difference divided by h gives ε|f|/h."""
        self._say("step.rounding_note", self._panel_rounding())
        guides = self._guides(("rounding",))
        self.play(Create(guides[0][0]), FadeIn(guides[0][1]), run_time=1.0)

    def show_model(self) -> None:
        """E(h) ≈ C·h^p + ε|f|/h: slopes p and −1 on log-log axes, the model drawn on the dots."""
        panel, self.minimum_parts = self._panel_model()
        self._say("step.model", panel, hidden=self.minimum_parts)
        self.model_curves = VGroup(*(self._model_curve(m) for m in ("forward", "central")))
        self.play(*(Create(c) for c in self.model_curves), run_time=1.5)

    def minimise_model(self) -> None:
        """E'(h) = 0 gives h* ≈ √ε (forward) and ∛ε (central), ringed on their curves."""
        self._say("step.minimum")
        rows = []
        for method in ("forward", "central"):
            h = calculus.optimal_step(method, self.sine.x0)
            self._ring(method, "best", h)
            rows.append(self._place_row(self._row(
                self._icon(method, ring=True),
                self._row_label(method, r"h^* = \sqrt{\varepsilon}" if method == "forward"
                                else r"h^* = \sqrt[3]{\varepsilon}"),
                _digits(self.markers[(method, "best")][1], self.sine))))
        self._reveal(self.minimum_parts, run_time=1.0)
        self.play(
            *(FadeIn(self.rings[(m, "best")], scale=1.5) for m in ("forward", "central")),
            FadeIn(self.table_title), *(FadeIn(r) for r in rows), run_time=1.0,
        )

    def show_post_h(self) -> None:
        """The post's h = 1e-8 on the central curve: its digits against h*'s, and the ratio."""
        axes = self.axes
        top = axes.c2p(math.log10(POST_H), axes.y_decades[1])
        self.post_line = DashedLine(
            axes.c2p(math.log10(POST_H), axes.bottom), top + UP * 0.12,
            dash_length=style.DASH_LENGTH,
        ).set_stroke(style.TEXT_DIM, style.STROKE_THIN)
        # its label stands level, right of the line, three decades below the top: under the
        # label of slope 1, above the forward curve and its guide (1e-5 and below there)
        self.post_tag = _tag(self.tr("step.post_h"), style.TEXT)
        self.post_tag.next_to(axes.c2p(math.log10(POST_H), axes.y_decades[1] - 3), RIGHT,
                              buff=0.08)

        ring = self._ring("central", "post", POST_H, color=style.TEXT, diamond=True)
        err_post = self.markers[("central", "post")][1]
        err_best = self.markers[("central", "best")][1]
        n_post = _digits(err_post, self.sine)
        n_best = _digits(err_best, self.sine)
        row = self._place_row(self._row(self._icon("post"),
                                        self._row_label("central", _power_tex(POST_H)), n_post))
        self._say("step.post_digits", post=_power_text(POST_H), n=n_post, best=n_best,
                  ratio=ratio_text(err_post / err_best))
        self.play(Create(self.post_line), FadeIn(self.post_tag), run_time=0.8)
        self.play(FadeIn(ring, scale=1.5), FadeIn(row), run_time=0.8)

    def show_special_case(self) -> None:
        """The configured function (the post's quadratic): no truncation error for central when
        f''' = 0, so only rounding ε|f|/h is left and the largest h is the best."""
        sine_marks = VGroup(
            *(VGroup(self.series[m].line, self.series[m].dots) for m in ("forward", "central")),
            self.guides, self.model_curves,
            *(self.rings[k] for k in (("forward", "best"), ("central", "best"),
                                      ("central", "post"))),
        )
        rows = VGroup(*self.table)
        self.sine_marks, self.sine_rows = sine_marks, rows
        case = self.special
        exact_case = _no_truncation(case)
        self._say("step.special" if exact_case else "step.special_generic",
                  self._panel_special())
        fades = [FadeOut(sine_marks), FadeOut(rows), FadeOut(self.headers["sine"])]
        if not case.relative:  # f'(x0) = 0: no relative error; the plot shows |error|
            fades.append(FadeOut(self.y_label))
        self.play(*fades, run_time=0.6)
        ins = [FadeIn(self.headers["special"])]
        if not case.relative:
            ins.append(FadeIn(self.y_label_abs))
        self.play(*ins, run_time=0.4)
        special = self.series["special"]
        self._sweep([special], self.short_sweep_time)
        largest = float(special.hs[0])
        err_big = float(special.errors[0])
        err_post = case.error_at(POST_H, "central")
        marks = VGroup(self._ring("special", "post", POST_H, color=style.TEXT, diamond=True))
        tags = VGroup(self._digits_tag(self.rings[("special", "post")], err_post, case,
                                       RIGHT + UP))
        if exact_case:  # the largest step is the best only without truncation error
            marks.add(self._ring("special", "largest", largest))
            tags.add(self._digits_tag(self.rings[("special", "largest")], err_big, case,
                                      LEFT + UP))
        line = self._special_rounding_line() if exact_case else VGroup()
        if exact_case:
            self._say(self._count_key("step.special_rounding", case, err_big, err_post),
                      h=f"{largest:g}", n=_digits(err_big, case),
                      post=_power_text(POST_H), n_post=_digits(err_post, case))
        self.play(FadeIn(marks, scale=1.5), FadeIn(tags), Create(line), run_time=1.0)
        self.special_marks = VGroup(VGroup(special.line, special.dots), marks, tags, line)

    def show_complex_step(self) -> None:
        """Back to sin: the complex step Im f(x + ih)/h, swept; flat at machine precision."""
        self.end_narration()  # the special case stays up until its caption has been read
        outs = [FadeOut(self.special_marks), FadeOut(self.headers["special"])]
        if not self.special.relative:
            outs.append(FadeOut(self.y_label_abs))
        self.play(*outs, run_time=0.5)
        panel, self.richardson_parts = self._panel_beyond()
        self._say("step.complex_note", panel, hidden=self.richardson_parts,
                  h=_power_text(calculus.DEFAULT_STEPS["complex"]))
        ins = [FadeIn(self.headers["sine"]), FadeIn(self.sine_marks), FadeIn(self.sine_rows)]
        if not self.special.relative:
            ins.append(FadeIn(self.y_label))
        self.play(*ins, run_time=0.6)
        self._sweep([self.series["complex"]], self.short_sweep_time)
        axes, case = self.axes, self.sine
        eps_y = math.log10(_EPS)  # the relative error of a float64: machine precision
        self.machine = DashedLine(
            axes.c2p(axes.x_decades[0], eps_y), axes.c2p(axes.x_decades[1], eps_y),
            dash_length=style.DASH_LENGTH * 0.6,
        ).set_stroke(method_color("complex"), style.STROKE_THIN, opacity=0.8)
        self.machine_tag = _tag(self.tr("step.machine"), method_color("complex"))
        self.machine_tag.next_to(axes.c2p(axes.x_decades[0], eps_y), UP, buff=0.08)
        self.machine_tag.align_to(axes.c2p(axes.x_decades[0] + 0.2, 0), LEFT)
        h = calculus.DEFAULT_STEPS["complex"]
        err = case.error_at(None, "complex")
        self.markers[("complex", "default")] = (h, err)
        row = self._place_row(self._row(
            self._icon("complex"),
            self._row_label("complex", _power_tex(h)),
            _digits(err, case)))
        self.play(Create(self.machine), FadeIn(self.machine_tag), FadeIn(row), run_time=1.0)

    def show_richardson(self) -> None:
        """Richardson: (4D(h/2) − D(h))/3 cancels the h² term; repeated, one star near ε."""
        case = self.sine
        h0 = float(calculus.richardson_steps(case.x0)[0])
        err = case.error_at(None, "richardson")
        self.markers[("richardson", "first")] = (h0, err)
        star = Star(n=5, outer_radius=0.17, color=method_color("richardson"), fill_opacity=1,
                    stroke_width=0).move_to(self.axes.point(h0, err / case.scale))
        self.rings[("richardson", "first")] = self.richardson = star
        n = _digits(err, case)
        row = self._place_row(self._row(self._icon("richardson"),
                                        self._row_label("richardson", None), n))
        self._say("step.richardson_note", n=n)
        self._reveal(self.richardson_parts, run_time=0.8)
        # the six central differences it combines (on the central curve, where truncation
        # alone counts), merging into its one result
        steps = calculus.richardson_steps(case.x0)
        combined = VGroup(*(
            Circle(radius=0.07).set_stroke(method_color("richardson"), style.STROKE_THIN + 0.5)
            .move_to(self.axes.point(float(h), case.error_at(float(h), "central") / case.scale))
            for h in steps
        ))
        self.richardson_inputs = combined
        self.play(LaggedStart(*(FadeIn(c, scale=1.5) for c in combined), lag_ratio=0.3),
                  run_time=1.5)
        self.play(ReplacementTransform(combined, star), FadeIn(row), run_time=1.2)

    def sum_up(self) -> None:
        """The model and its minimum again, above the table: smaller h is not always better."""
        panel, _ = self._panel_model()
        self._say("step.takeaway", panel)
        # point at the balance: each h* in turn (the frame ends as it was)
        for method in ("forward", "central"):
            self.play(Indicate(self.rings[(method, "best")], color=style.OPTIMUM,
                               scale_factor=1.6), run_time=1.0)
        self.mark_poster()

    # ------------------------------------------------------------------ helpers of the beats
    def _add_in_order(self, s: Series) -> None:
        """Add a series' line and dots under every shown mobject that holds a series
        :data:`DRAW_ORDER` puts above it (the complex step's wide band under central's dots,
        and under the rings drawn on central), else on top."""
        above = {o.line for o in self.series.values()
                 if DRAW_ORDER.index(o.name) > DRAW_ORDER.index(s.name)}
        for i, top in enumerate(self.mobjects):
            if above & set(top.get_family()):
                self.mobjects[i:i] = [s.line, s.dots]
                return
        self.add(s.line, s.dots)

    def _sweep(self, series: list[Series], run_time: float) -> None:
        """Draw the series point by point while a cursor moves h from 1 down to 1e-16."""
        axes = self.axes
        (x0, x1), (_y0, y1) = axes.x_decades, axes.y_decades
        cursor = DashedLine(
            axes.c2p(x1, axes.bottom), axes.c2p(x1, y1), dash_length=style.DASH_LENGTH
        ).set_stroke(style.HIGHLIGHT, style.STROKE_THIN, opacity=0.8)
        top_y, bot_y = axes.c2p(0, y1)[1], axes.c2p(0, axes.bottom)[1]
        series = sorted(series, key=lambda s: DRAW_ORDER.index(s.name))
        logs = [np.log10(s.hs) for s in series]
        for s in series:
            self._add_in_order(s)
        self.add(cursor)

        def update(group: VGroup, alpha: float) -> None:
            lx = x1 + (x0 - x1) * alpha
            px = axes.c2p(lx, 0)[0]
            cursor.put_start_and_end_on(np.array([px, bot_y, 0]), np.array([px, top_y, 0]))
            for s, lh in zip(series, logs, strict=True):
                n = max(int(np.count_nonzero(lh >= lx - 1e-9)), 1)
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

        group = VGroup(cursor, *(VGroup(s.line, s.dots) for s in series))
        self.play(UpdateFromAlphaFunc(group, update), run_time=run_time, rate_func=linear)
        self.remove(group)  # the animation added its group on top: restore the drawing order
        for s in series:
            self._add_in_order(s)
        self.play(FadeOut(cursor), run_time=style.SHORT * 0.5)

    def _terms(self, method: str) -> tuple[float, float]:
        """(C, ε|f|) of sin at 1 for ``method``, from :func:`core.calculus.error_model` at h = 1,
        divided by |f'(1)| as the plot's relative errors are."""
        t, r = calculus.error_model([1.0], method=method, higher=self.sine.higher[method],
                                    value=self.sine.value)
        return float(t[0]) / self.sine.scale, float(r[0]) / self.sine.scale

    def _guides(self, which: tuple[str, ...]) -> list[VGroup]:
        """Guide lines of the model's terms, a factor 4 off the errors they describe (slope 2
        below its curve, the others above), labelled on the side away from the data: slope 1
        (forward, C = |f''|/2), slope 2 (central, C = |f'''|/6), slope −1 (ε|f|/h)."""
        axes = self.axes
        lift = math.log10(4.0)
        c_forward, rounding = self._terms("forward")
        c_central, _ = self._terms("central")
        # (slope, log10 constant, from x, to x, colour, text, lift in decades, side, label at)
        specs = {
            "forward": (1, math.log10(c_forward), -0.4, -6.0, style.TRUNCATION, "1", lift, 1,
                        0.5),
            "central": (2, math.log10(c_central), -0.6, -4.4, style.TRUNCATION, "2", -lift, -1,
                        0.5),
            "rounding": (-1, math.log10(rounding), -15.8, -10.5, style.ROUNDING, "−1", lift, 1,
                         0.5),

        }
        made = []
        for key in which:
            slope, c, xa, xb, color, s, shift, side, at = specs[key]
            a = axes.c2p(xa, c + slope * xa + shift)
            b = axes.c2p(xb, c + slope * xb + shift)
            line = DashedLine(a, b, dash_length=style.DASH_LENGTH).set_stroke(
                color, style.STROKE_THIN)
            label = _tag(self.tr("step.slope", s=s), color)
            mid = a + (b - a) * at
            normal = np.array([-(b - a)[1], (b - a)[0], 0.0])
            normal /= np.linalg.norm(normal)
            if normal[1] * side < 0:
                normal = -normal
            # far enough along the normal that the label's box clears the line
            reach = 0.5 * (abs(label.width * normal[0]) + abs(label.height * normal[1]))
            label.move_to(mid + normal * (reach + 0.06))
            made.append(VGroup(line, label))
            self.guides.add(made[-1])
        return made

    def _model_curve(self, method: str) -> VMobject:
        """The model E(h) = C·h^p + ε|f|/h of sin at 1 over |f'(1)| (the plot's relative
        error), dashed, over the measured dots."""
        hs = 10.0 ** np.linspace(0.0, -16.0, 161)
        t, r = calculus.error_model(hs, method=method, higher=self.sine.higher[method],
                                    value=self.sine.value)
        model = (t + r) / self.sine.scale
        y_top = self.axes.y_decades[1]
        pts = [self.axes.c2p(math.log10(h), math.log10(e))
               for h, e in zip(hs, model, strict=True) if math.log10(e) <= y_top]
        curve = VMobject().set_points_smoothly(pts)
        dashed = DashedVMobject(curve, num_dashes=70, dashed_ratio=0.55)
        dashed.set_stroke(method_color(method), style.STROKE_THIN + 1, opacity=0.75)
        return dashed

    def _special_rounding_line(self) -> VGroup:
        """The configured function's only error term ε|f|/h (central, C = 0), over |f'(x0)|
        where the plot shows the relative error; nothing where f(x0) = 0 (no rounding term)."""
        axes, case = self.axes, self.special
        _, r = calculus.error_model([1.0], method="central", higher=0.0, value=case.value)
        if r[0] <= 0:
            return VGroup()
        c = math.log10(float(r[0]) / case.scale)
        xa = max(axes.x_decades[0], c - axes.y_decades[1])
        a, b = axes.c2p(xa, c - xa), axes.c2p(axes.x_decades[1], c - axes.x_decades[1])
        line = DashedLine(a, b, dash_length=style.DASH_LENGTH).set_stroke(
            style.TEXT_DIM, style.STROKE_THIN)
        label = tex(rf"\frac{{\varepsilon |f|}}{{|{D1}|\,h}}" if case.relative else
                    r"\frac{\varepsilon |f|}{h}", size=SIZE_FORMULA, color=style.TEXT_DIM)
        label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.05)
        at = a + (b - a) * 0.3
        label.next_to(at, LEFT + DOWN, buff=0.1)

        return VGroup(line, label)

    def _ring(self, method: str, what: str, h: float, color: str | None = None,
              diamond: bool = False) -> VMobject:
        """A ring (or, for the post's h, a diamond) on the dot of step ``h`` of ``method``'s
        curve: the error computed there."""
        s = self.series[method]
        error = float(s.errors[int(np.flatnonzero(s.hs == h)[0])])
        self.markers[(method, what)] = (h, error)
        ring = Square(side_length=0.2).rotate(math.pi / 4) if diamond else Circle(radius=0.15)
        ring.set_stroke(color or style.OPTIMUM, style.STROKE_THIN + 0.5)
        ring.move_to(s.point_at(h))
        self.rings[(method, what)] = ring
        return ring

    @staticmethod
    def _count_key(key: str, case: Case, *errors: float) -> str:
        """``key``, or its ``_decimals`` variant where ``case`` has f'(x0) = 0 (decimal places),
        or ``_exact`` where, there, an error is 0 (exactly right: no count to give)."""
        if case.relative:
            return key
        return key + ("_exact" if any(e == 0 for e in errors) else "_decimals")

    def _digits_tag(self, ring: VMobject, error: float, case: Case,
                    direction: np.ndarray) -> VGroup:
        n = _digits(error, case)
        key = "step.digits" if case.relative else (
            "step.exact_tag" if error == 0 else "step.decimals")
        tag = _tag(self.tr(key, n=n), style.OPTIMUM)
        tag.next_to(ring, direction, buff=0.02)
        return tag

    def _icon(self, what: str, ring: bool = False) -> VGroup:
        """A table row's icon, which is also the curve's legend entry."""
        if what == "post":
            mark = DashedLine(DOWN * 0.16, UP * 0.16, dash_length=0.06).set_stroke(
                style.TEXT_DIM, style.STROKE_THIN)
            dot = Square(side_length=0.14).rotate(math.pi / 4).set_stroke(
                style.TEXT, style.STROKE_THIN)
            return VGroup(Line(LEFT * 0.22, RIGHT * 0.22).set_stroke(
                method_color("central"), style.STROKE_THIN), mark, dot)
        if what == "richardson":
            return VGroup(Star(n=5, outer_radius=0.14, color=method_color("richardson"),
                               fill_opacity=1, stroke_width=0))
        color = method_color(what)
        width, opacity, radius = METHOD_STROKES[what]
        icon = VGroup(Line(LEFT * 0.22, RIGHT * 0.22).set_stroke(color, width, opacity=opacity),
                      Dot(ORIGIN, radius=radius, color=color))
        if ring:
            icon.add(Circle(radius=0.11).set_stroke(style.OPTIMUM, style.STROKE_THIN))
        return icon

    def _row_label(self, method: str, step_tex: str | None) -> VGroup:
        words = text(self.tr(f"step.{method}"), size=style.SIZE_SMALL, color=style.TEXT)
        if step_tex is None:
            return VGroup(words)
        step = tex(step_tex, size=SIZE_FORMULA, color=style.TEXT)
        step.next_to(words, RIGHT, buff=0.15)
        return VGroup(words, step)

    def _row(self, icon: VGroup, label: VGroup, digits: int) -> VGroup:
        """A table row: icon, what was computed, and its correct digits at the right."""
        box = VGroup(Line(LEFT * 0.25, RIGHT * 0.25).set_opacity(0), icon.move_to(ORIGIN))
        label.next_to(box, RIGHT, buff=0.15)
        n = text(str(digits), size=style.SIZE_SMALL, color=style.OPTIMUM)
        n.next_to(label, RIGHT, buff=0.3)
        return VGroup(box, label, n)

    def _place_row(self, row: VGroup) -> VGroup:
        row.next_to(self.table[-1], DOWN, buff=0.12).align_to(self.table[0], LEFT)
        # digits right-aligned with the column's right edge
        row[2].align_to(np.array([self.column_right, 0, 0]), RIGHT)
        self.table.add(row)
        return row
