"""``SecantToTangent``: the secant through P and Q turns into the tangent as h shrinks.

The post's picture of the derivative, in motion. P sits at ``config.secant.x0``, Q at ``x0 + h``;
the legs of the slope triangle carry the colours of ``h`` and ``f(x+h) - f(x)`` in the formula.
h shrinks evenly in log h from ``h_start`` to ``h_end``, pausing at each power of ten, while the
readouts show h and the secant's slope (``core.calculus.secant``) closing in on f'(x0). A
magnified view of P, whose zoom follows h, shows the secant and the tangent becoming one line
while Q is still a distinct point. It ends on the tangent ``y = 0.22x - 0.18``
(``core.calculus.tangent``) and on the post's own Python, with the number it prints
(``core.calculus.derivative``).

Everything that moves hangs on one ``ValueTracker`` (``log_h``) through updaters; no LaTeX is
typeset after ``construct`` has built its mobjects.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from manim import (
    DL,
    DOWN,
    DR,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Create,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    MathTex,
    Mobject,
    Rectangle,
    ReplacementTransform,
    RoundedRectangle,
    Text,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    smooth,
)

from core.calculus import (
    correct_digits,
    derivative,
    line_through,
    one_sided_slopes,
    secant,
    stated_derivative,
    stated_tangent,
)
from core.expansion import secant_expansion
from core.tex import expression_to_tex
from scenes.kit import style
from scenes.kit.axes import PlotAxes, fitted_axes
from scenes.kit.caption import BAND_TOP
from scenes.kit.formatting import (
    NumberFormat,
    format_fixed,
    format_short,
    format_sig,
    number_tex,
    number_text,
    slope_line_tex,
    slope_line_text,
    tex_to_text,
)
from scenes.kit.layout import keep_in_frame
from scenes.kit.lesson import Lesson
from scenes.kit.lines import clip_line, line_on_axes, put_line_on_axes
from scenes.kit.readouts import GlyphNumber, Readout
from scenes.kit.typography import code_block, code_font_size, tex, text

__all__ = ["SecantToTangent", "SecantToTangentJa", "decade_stops"]

#: The size the post's code is shown at, at least (px at 720p: legible from the back of a room).
_CODE_PX = 20.5


def decade_stops(h_start: float, h_end: float) -> list[float]:
    """The values of h where the shrinking pauses: ``h_start``, each power of ten between
    ``h_start / 2`` and ``h_end``, and ``h_end``.

    >>> decade_stops(4.0, 1e-3)
    [4.0, 1.0, 0.1, 0.01, 0.001]
    >>> decade_stops(2.0, 0.05)
    [2.0, 1.0, 0.1, 0.05]
    >>> decade_stops(12.0, 0.5)
    [12.0, 1.0, 0.5]
    """
    stops = [float(h_start)]
    k = math.floor(math.log10(h_start))
    while 10.0**k > h_start / 2 * (1 + 1e-12):  # no stop right after the start (12 -> 10)
        k -= 1
    while 10.0**k > h_end * (1 + 1e-12):
        stops.append(10.0**k)
        k -= 1
    stops.append(float(h_end))
    return stops


def _clear_of(label: VMobject, *others: VMobject, pad: float = 0.04) -> float:
    """1 when ``label`` overlaps none of the visible ``others``, else 0: a moving label that
    would sit on another one is hidden rather than drawn over it."""
    for other in others:
        parts = other.family_members_with_points()
        if not parts or max(m.get_fill_opacity() for m in parts) < 0.05:
            continue
        if (label.get_left()[0] < other.get_right()[0] + pad
                and other.get_left()[0] < label.get_right()[0] + pad
                and label.get_bottom()[1] < other.get_top()[1] + pad
                and other.get_bottom()[1] < label.get_top()[1] + pad):
            return 0.0
    return 1.0


def _ramp(value: float, lo: float, hi: float) -> float:
    """0 below ``lo``, 1 above ``hi``, linear between."""
    return float(np.clip((value - lo) / (hi - lo), 0.0, 1.0))


class Magnifier(VGroup):
    """A panel showing the neighbourhood of P magnified, the zoom following h.

    The panel maps a main-screen point ``p`` to ``centre + zoom * (p - P)``, so it is a true
    magnification of the drawn picture (same aspect). The zoom puts Q at ``q_fraction`` of the
    panel's width right of P; everything inside is redrawn from the function each frame (no
    pixel zoom, no stroke scaling), and clipped to the panel.
    """

    def __init__(self, *, width: float, height: float) -> None:
        super().__init__()
        self.w, self.h = width, height
        self.q_fraction = 0.3
        self.panel = RoundedRectangle(
            width=width, height=height, corner_radius=0.1,
            fill_color=style.PANEL, fill_opacity=1.0,
            stroke_color=style.TEXT_DIM, stroke_width=style.STROKE_THIN,
        )
        self.centre_offset = LEFT * width * 0.18  # updated in redraw
        self.curve = VMobject().set_stroke(style.CURVE, style.STROKE_CURVE)
        self.tangent = VMobject().set_stroke(style.TANGENT, style.STROKE_LINE + 4)
        self.secant = VMobject().set_stroke(style.SECANT, style.STROKE_LINE - 0.5)
        self.h_leg = VMobject().set_stroke(style.H_LEG, style.STROKE_THIN)
        self.df_leg = VMobject().set_stroke(style.DF_LEG, style.STROKE_THIN)
        self.p_dot = Dot(radius=style.DOT_RADIUS, color=style.POINT)
        self.q_dot = Dot(radius=style.DOT_RADIUS_SMALL, color=style.POINT_Q)
        self.p_label = MathTex("P", font_size=style.SIZE_SMALL + 4, color=style.POINT)
        self.q_label = MathTex("Q", font_size=style.SIZE_SMALL + 4, color=style.POINT_Q)
        self.add(
            self.panel, self.curve, self.h_leg, self.df_leg, self.tangent, self.secant,
            self.q_dot, self.p_dot, self.p_label, self.q_label,
        )
        self.zoom = 1.0

    def redraw(self, h: float, sc: SecantToTangent) -> None:
        """Redraw for step ``h``; ``sc`` gives the axes, f, x0, y0 and the tangent line."""
        axes, f, x0 = sc.axes, sc.f, sc.x0
        ux = float(np.linalg.norm(axes.c2p(1, 0) - axes.c2p(0, 0)))
        uy = float(np.linalg.norm(axes.c2p(0, 1) - axes.c2p(0, 0)))
        p_main = axes.c2p(x0, sc.y0)
        dq = axes.c2p(x0 + h, float(f(x0 + h))) - p_main  # Q - P on the main screen
        fits = [self.q_fraction * self.w / max(abs(dq[0]), 1e-12),
                self.q_fraction * self.h / max(abs(dq[1]), 1e-12)]
        self.zoom = zoom = max(1.0, min(fits))
        # P left of centre, and below it when Q is higher (above it when lower): Q fits
        self.centre_offset = (LEFT * self.w * 0.18 * (1.0 if h > 0 else -1.0)
                              + DOWN * self.h * 0.2 * np.sign(dq[1]))
        centre = self.panel.get_center() + self.centre_offset
        # visible data window
        left = self.panel.get_left()[0] - centre[0]
        right = self.panel.get_right()[0] - centre[0]
        bottom = self.panel.get_bottom()[1] - centre[1]
        top = self.panel.get_top()[1] - centre[1]
        x_box = (x0 + left / zoom / ux, x0 + right / zoom / ux)
        y_box = (sc.y0 + bottom / zoom / uy, sc.y0 + top / zoom / uy)
        inset = 0.02  # keep strokes off the border

        def to_panel(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
            return centre + zoom * (axes.c2p_array(xs, ys) - p_main)

        xs = np.union1d(np.linspace(*x_box, 49), [x0])  # the curve reaches P (sqrt at 0)
        with np.errstate(all="ignore"):
            ys = np.asarray(sc.f(xs), dtype=float)
        inside = (ys >= y_box[0]) & (ys <= y_box[1])  # (false where f is nan)
        lo = hi = int(np.searchsorted(xs, x0))  # P itself is inside
        while lo > 0 and inside[lo - 1]:
            lo -= 1
        while hi < len(xs) - 1 and inside[hi + 1]:
            hi += 1
        pts = to_panel(xs[lo : hi + 1], ys[lo : hi + 1])
        pts[:, 0] = np.clip(pts[:, 0], centre[0] + left + inset, centre[0] + right - inset)
        if len(pts) < 2:
            self.curve.set_points_as_corners([pts[0], pts[0]])
        else:
            self.curve.set_points_smoothly(pts)

        def put(mob: VMobject, line) -> None:
            span = clip_line(line.slope, line.intercept, x_box, y_box)
            if span is None:
                mob.set_points_as_corners([centre, centre])
                return
            xa, xb = span
            ends = to_panel(np.array([xa, xb]), np.array([line(xa), line(xb)]))
            mob.set_points_as_corners(ends)

        s = secant(f, x0, h)
        put(self.secant, s)
        if sc.tangent_line is not None:
            put(self.tangent, sc.tangent_line)
        else:  # f'(x0) does not exist: no tangent
            self.tangent.set_points_as_corners([centre, centre])
        q = to_panel(np.array([x0 + h]), np.array([s(x0 + h)]))[0]
        r = to_panel(np.array([x0 + h]), np.array([sc.y0]))[0]
        self.h_leg.set_points_as_corners([centre, r])
        self.df_leg.set_points_as_corners([r, q])
        self.p_dot.move_to(centre)
        self.q_dot.move_to(q)
        d = axes.c2p(1, sc.p_slope) - axes.c2p(0, 0)
        normal = np.array([-d[1], d[0], 0.0]) / np.linalg.norm(d)
        self.p_label.move_to(centre + 0.3 * normal)
        self.q_label.move_to(q + 0.3 * normal)
        for label in (self.p_label, self.q_label):
            inside = (
                self.panel.get_left()[0] < label.get_left()[0]
                and label.get_right()[0] < self.panel.get_right()[0]
                and self.panel.get_bottom()[1] < label.get_bottom()[1]
                and label.get_top()[1] < self.panel.get_top()[1]
            )
            # as opaque as the panel: the labels fade in and out with it (a fade animates the
            # panel's opacity while this updater keeps running)
            label.set_fill(opacity=self.panel.get_fill_opacity() if inside else 0.0)


def _fit_column(mob: VMobject, column_left: float) -> None:
    """Shrink ``mob`` to the right column (from ``column_left`` to the frame's margin) if
    needed, and keep it inside it."""
    width = 7.1 - style.MARGIN - column_left
    if mob.width > width:
        mob.scale_to_fit_width(width)
    if mob.get_left()[0] < column_left:
        mob.shift(RIGHT * (column_left - mob.get_left()[0]))
    if mob.get_right()[0] > 7.1 - style.MARGIN:
        mob.shift(LEFT * (mob.get_right()[0] - 7.1 + style.MARGIN))


def _normal(axes: PlotAxes, slope: float) -> np.ndarray:
    """Unit normal (on screen) pointing up-left of a curve with this data slope on ``axes``."""
    d = axes.c2p(1, slope) - axes.c2p(0, 0)
    d = d / np.linalg.norm(d)
    return np.array([-d[1], d[0], 0.0])


def _leg_length(axes: PlotAxes, x0: float, h: float) -> float:
    """Screen length of the h leg from x0 (the labels fade out as it gets short)."""
    return float(abs(axes.c2p(x0 + h, 0)[0] - axes.c2p(x0, 0)[0]))


@dataclass(frozen=True, eq=False)
class PlotBox:
    """The plot area on screen as it was laid out, from its lower left to its upper right
    corner (it does not follow the axes if they move later)."""

    lower_left: np.ndarray
    upper_right: np.ndarray

    @classmethod
    def of(cls, axes: PlotAxes) -> PlotBox:
        """The box of ``axes``' x and y ranges, where they are now."""
        return cls(axes.c2p(axes.x_box[0], axes.y_box[0]), axes.c2p(axes.x_box[1], axes.y_box[1]))

    @property
    def width(self) -> float:
        return self.upper_right[0] - self.lower_left[0]

    @property
    def height(self) -> float:
        return self.upper_right[1] - self.lower_left[1]

    def into(self, m: VMobject) -> VMobject:
        """Shift a label into the plot area (a point on its edge keeps its label inside)."""
        ll, ur = self.lower_left, self.upper_right
        dx = max(0.0, ll[0] + 0.05 - m.get_left()[0])
        dx -= max(0.0, m.get_right()[0] - ur[0] + 0.05)
        dy = max(0.0, ll[1] + 0.05 - m.get_bottom()[1])
        dy -= max(0.0, m.get_top()[1] - ur[1] + 0.05)
        return m.shift(RIGHT * dx + UP * dy)


class SecantPoints(VGroup):
    """P on the curve at x0, labelled with its coordinates, and Q on the curve at x0 + h,
    following h.

    P's label sits off P along the normal of ``slope``, its corner nearest the curve towards P,
    so that it reaches away from the curve; where the curve runs through that place (a corner),
    up-left, up-right, down-left or down-right of P, whichever covers the fewest points of the
    curve. Q's label keeps off the curve along the normal at Q, inside the plot, and fades out as
    Q comes close to P or where it would cover P's label.

    The parts are handed to the beats one by one (each has its place in the drawing order): the
    submobjects are, in order, :attr:`p_dot`, :attr:`p_label`, :attr:`q_dot` and
    :attr:`q_label`.

    Parameters
    ----------
    axes : PlotAxes
        The plot of f.
    f : callable
        The function.
    x0 : float
        P's abscissa.
    h : callable
        The step now, ``h()``: Q is at ``x0 + h()``.
    x0_text : str
        x0 as P's label writes it.
    slope : float
        The slope whose normal P's label keeps to: f'(x0), or where it does not exist the mean
        of the finite one-sided slopes.
    x_range : tuple of float
        The range the curve is drawn over (P's label keeps off it).
    plot : PlotBox
        The labels stay inside it.

    Attributes
    ----------
    p_dot, p_label, q_dot, q_label : VMobject
        The parts; ``p_label.tex_string`` is ``P(3,\\,0.48)`` for the post's f and x0.
    """

    def __init__(self, axes: PlotAxes, f: Callable[[Any], Any], x0: float,
                 h: Callable[[], float], *, x0_text: str, slope: float,
                 x_range: tuple[float, float], plot: PlotBox) -> None:
        super().__init__()
        self._axes, self._f, self._x0, self._h, self._plot = axes, f, x0, h, plot
        y0 = float(f(x0))
        self.p_dot = Dot(axes.c2p(x0, y0), radius=style.DOT_RADIUS, color=style.POINT)
        self.q_dot = Dot(radius=style.DOT_RADIUS, color=style.POINT_Q)
        self.q_dot.add_updater(lambda m: m.move_to(axes.c2p(x0 + h(), float(f(x0 + h())))))
        # P with its coordinates, (3, 0.48), from the config and f
        self.p_label = tex(rf"P({x0_text},\,{number_tex(y0)})", size=style.SIZE_LABEL)
        self._place_p_label(_normal(axes, slope), x_range)
        self.q_label = tex("Q", size=style.SIZE_LABEL, color=style.POINT_Q)
        # (a lambda, not the bound method: a copy of the label keeps to this component)
        self.q_label.add_updater(lambda m: self._follow_q(m))
        self.add(self.p_dot, self.p_label, self.q_dot, self.q_label)
        self.update()

    def _place_p_label(self, normal: np.ndarray, x_range: tuple[float, float]) -> None:
        """P's label where it covers the fewest points of the drawn curve."""
        axes, f, label = self._axes, self._f, self.p_label
        # the corner nearest the curve sits off P along the normal, so the label reaches away
        # from the curve
        away = np.array([-np.sign(round(normal[0], 6)), -np.sign(round(normal[1], 6)), 0.0])
        fine = np.linspace(*x_range, 400)
        with np.errstate(all="ignore"):
            drawn = axes.c2p_array(fine, np.asarray(f(fine), dtype=float))
        drawn = drawn[np.isfinite(drawn).all(axis=1)]
        # off P along the normal; where the curve runs through that (a corner), up-left or
        # up-right of P instead
        tries = [(normal, away), (UP + LEFT, DR), (UP + RIGHT, DL), (DOWN + LEFT, UR),
                 (DOWN + RIGHT, UL)]
        best = None
        for direction, corner in tries:
            direction = direction / np.linalg.norm(direction)
            label.move_to(self.p_dot.get_center() + 0.22 * direction, aligned_edge=corner)
            self._plot.into(label)
            # how many points of the drawn curve the label covers
            dl, ur = label.get_corner(DL) - 0.05, label.get_corner(UR) + 0.05
            score = int(np.sum(np.all((drawn[:, :2] > dl[:2]) & (drawn[:, :2] < ur[:2]),
                                      axis=1)))
            if best is None or score < best[0]:
                best = (score, label.get_center().copy())
            if score == 0:
                break
        label.move_to(best[1])

    def _follow_q(self, m: VMobject) -> None:
        """Q's label off the curve at Q, in the plot, faded near P and over P's label."""
        axes, f, x0, h = self._axes, self._f, self._x0, self._h
        xq = x0 + h()
        slope = float(stated_derivative(f, xq))  # only to keep Q's label off the curve
        slope = slope if math.isfinite(slope) else secant(f, x0, h()).slope
        m.move_to(axes.c2p(xq, float(f(xq))) + 0.38 * _normal(axes, slope))
        self._plot.into(m)
        m.set_fill(opacity=_ramp(_leg_length(axes, x0, h()), 0.35, 0.7)
                   * _clear_of(m, self.p_label))


class SlopeTriangle(VGroup):
    """The slope triangle of the secant PQ: the leg h from P, the leg f(x+h) − f(x) up (or down)
    to Q, and their labels, following h.

    The legs carry the colours of ``h`` and ``f(x+h) - f(x)`` in the difference quotient. The h
    label sits under its leg (over it when Q is lower than P), the other beside its leg, both
    inside the plot; they fade out as the legs get short on screen, and where they would cover
    one of ``keep_clear`` (or the f(x+h) − f(x) label the h label).

    The parts are handed to the beats one by one: the submobjects are, in order,
    :attr:`h_leg`, :attr:`df_leg`, :attr:`h_label` and :attr:`df_label`.

    Parameters
    ----------
    axes : PlotAxes
        The plot of f.
    f : callable
        The function.
    x0 : float
        P's abscissa.
    h : callable
        The step now, ``h()``.
    p_dot : Mobject
        P's dot, where the h leg starts.
    keep_clear : sequence of Mobject
        Labels the triangle's labels never cover (P's and Q's).
    plot : PlotBox
        The h label stays inside it (vertically).

    Attributes
    ----------
    h_leg, df_leg, h_label, df_label : VMobject
        The parts.
    """

    def __init__(self, axes: PlotAxes, f: Callable[[Any], Any], x0: float,
                 h: Callable[[], float], p_dot: Mobject, *, keep_clear: Sequence[Mobject],
                 plot: PlotBox) -> None:
        super().__init__()
        self._axes, self._f, self._x0, self._h, self._p_dot = axes, f, x0, h, p_dot
        self._y0, self._plot = float(f(x0)), plot
        self.h_leg = Line(stroke_width=style.STROKE_LINE, color=style.H_LEG)
        self.df_leg = Line(stroke_width=style.STROKE_LINE, color=style.DF_LEG)
        # (lambdas, not bound methods: a copy of a part keeps to this component)
        self.h_leg.add_updater(
            lambda m: m.set_points_as_corners([p_dot.get_center(), self.corner()]))
        self.df_leg.add_updater(
            lambda m: m.set_points_as_corners([self.corner(), self.q_point()]))
        self.h_label = tex("h", size=style.SIZE_LABEL, color=style.H_LEG)
        self.df_label = tex("f(x+h) - f(x)", size=style.SIZE_LABEL, color=style.DF_LEG)
        self.h_label.add_updater(lambda m: self._place_h_label(m, keep_clear))
        self.df_label.add_updater(
            lambda m: self._place_df_label(m, (*keep_clear, self.h_label)))
        self.add(self.h_leg, self.df_leg, self.h_label, self.df_label)
        self.update()

    def corner(self) -> np.ndarray:
        """The right angle, below (or above) Q at P's height."""
        return self._axes.c2p(self._x0 + self._h(), self._y0)

    def q_point(self) -> np.ndarray:
        """Q on the curve."""
        x0, h = self._x0, self._h
        return self._axes.c2p(x0 + h(), float(self._f(x0 + h())))

    def _leg_fade(self) -> float:
        """1 while the h leg is long enough on screen for a label, fading to 0 as it shrinks."""
        return _ramp(_leg_length(self._axes, self._x0, self._h()), 0.7, 1.2)

    def _place_h_label(self, m: VMobject, keep_clear: Sequence[Mobject]) -> None:
        p = self._p_dot.get_center()
        rising = self.q_point()[1] >= p[1]
        mid = (p + self.corner()) / 2
        m.next_to(mid, DOWN if rising else UP, buff=0.14)
        ll, ur = self._plot.lower_left, self._plot.upper_right
        if m.get_bottom()[1] < ll[1] or m.get_top()[1] > ur[1]:
            m.next_to(mid, UP if rising else DOWN, buff=0.14)
        m.set_fill(opacity=self._leg_fade() * _clear_of(m, *keep_clear))

    def _place_df_label(self, m: VMobject, keep_clear: Sequence[Mobject]) -> None:
        axes, corner, q = self._axes, self.corner(), self.q_point()
        mid = (corner + q) / 2
        m.next_to(mid, RIGHT, buff=0.14)
        if m.get_right()[0] > axes.c2p(axes.x_box[1], 0)[0]:
            m.next_to(mid, LEFT, buff=0.14)
        # (and as its own leg gets short on screen)
        fade = min(self._leg_fade(), _ramp(float(abs(q[1] - corner[1])), 0.25, 0.5))
        m.set_fill(opacity=fade * _clear_of(m, *keep_clear))


class ReadoutColumn(VGroup):
    """The readouts under the formulas: h and the secant's slope, following h, and under them
    f'(x0) where it exists, else a row per side saying where the slopes from that side go
    ("from the right -> 1.00").

    The column makes room for the widest number the slope readout will show at a pause
    (``steps``; 6.004 × 10⁹ is wider than 0.22000): first with the column's room on the left,
    then smaller words, never below the smallest size, then a smaller number. The "=" signs of
    the rows line up.

    The parts are handed to the beats: :attr:`live` (the two rows that follow h) first, then
    :attr:`derivative_readout` or the rows of :attr:`side_rows`. The submobjects are, in order,
    :attr:`h_readout`, :attr:`slope_readout` and the rows below.

    Parameters
    ----------
    f : callable
        The function.
    x0 : float
        P's abscissa.
    h : callable
        The step now, ``h()``.
    steps : sequence of float
        Every h the slope readout shows at a pause (signed).
    scale : float
        The size of the slopes shown (sets how many digits the readouts show).
    slope_name : str
        The words for the secant's slope.
    under, flush_with : Mobject
        The column starts under ``under``, its left edge on ``flush_with``'s.
    column_left : float
        The right column's left edge.
    derivative : float or None
        f'(x0), shown as ``f'(x0) = ...`` (``x0_text`` writes x0); None where it does not
        exist.
    x0_text : str
        x0 as the f'(x0) row writes it.
    one_sided : mapping or None
        Where f'(x0) does not exist: ``{side: (words, limit)}`` for every side Q comes from, in
        that order (the words naming the side; the limit of the slopes from it, maybe infinite).

    Attributes
    ----------
    h_readout, slope_readout : Readout
        h and the secant's slope at h (:func:`core.calculus.secant`).
    live : VGroup
        Both.
    derivative_readout : Readout or None
        f'(x0) (None where it does not exist).
    side_rows : dict
        ``{side: row}`` where f'(x0) does not exist, else empty.
    lowest : Mobject
        The bottom row.
    """

    def __init__(self, f: Callable[[Any], Any], x0: float, h: Callable[[], float], *,
                 steps: Sequence[float], scale: float, slope_name: str, under: Mobject,
                 flush_with: Mobject, column_left: float, derivative: float | None = None,
                 x0_text: str = "", one_sided: Mapping[int, tuple[str, float]] | None = None,
                 ) -> None:
        super().__init__()
        self.h_readout = Readout("h", value=h(), fmt=format_sig, color=style.H_LEG,
                                 label_color=style.H_LEG)
        self.slope_readout = Readout(
            text(slope_name, size=style.SIZE_READOUT_LABEL, color=style.SECANT),
            value=secant(f, x0, h()).slope, scale=scale, color=style.SECANT,
        )
        self.live = live = VGroup(self.h_readout, self.slope_readout)
        live.arrange(DOWN, aligned_edge=LEFT, buff=0.28)
        live.next_to(under, DOWN, buff=0.45).align_to(flush_with, LEFT)
        # align the "=" signs
        dx = self.slope_readout.equals.get_x() - self.h_readout.equals.get_x()
        self.h_readout.shift(RIGHT * dx)
        self._fit([secant(f, x0, step).slope for step in steps], secant(f, x0, h()).slope,
                  column_left)
        self.h_readout.track(h)
        self.slope_readout.track(lambda: secant(f, x0, h()).slope)
        self.side_rows: dict[int, VMobject] = {}
        if derivative is not None:
            self.derivative_readout = self._derivative_row(derivative, x0_text, scale)
            rows = [self.derivative_readout]
        else:
            self.derivative_readout = None
            rows = self._side_rows(one_sided or {}, column_left)
        self.lowest = rows[-1] if rows else self.slope_readout
        self.add(self.h_readout, self.slope_readout, *rows)

    def _widest(self, slopes: Sequence[float], now: float) -> float:
        """The rows' right edge at the widest of ``slopes`` (the readout shows ``now`` after)."""
        live, readout = self.live, self.slope_readout
        right = live.get_right()[0]
        for value in slopes:
            readout.set_value(value)
            right = max(right, live.get_right()[0])
        readout.set_value(now)
        return right

    def _fit(self, slopes: Sequence[float], now: float, column_left: float) -> None:
        """Room for the widest number the slope readout will show (6.004 × 10⁹ is wider than
        0.22000)."""
        live = self.live
        right_edge = 7.1 - style.MARGIN
        overflow = self._widest(slopes, now) - right_edge
        if overflow > 0:  # first use the column's room on the left
            live.shift(LEFT * max(0.0, min(overflow, live.get_left()[0] - column_left)))
            overflow = self._widest(slopes, now) - right_edge
        if overflow > 0:  # then smaller, never below the smallest size: the words ...
            factor = max(1 - overflow / live.width, style.SIZE_SMALL / style.SIZE_READOUT_LABEL)
            live.scale(factor, about_point=live.get_corner(UL))
            overflow = self._widest(slopes, now) - right_edge
            number = self.slope_readout.number
            if overflow > 0:  # ... then the number (its font is larger)
                room = style.SIZE_SMALL / (style.SIZE_READOUT * factor)
                number.scale(max(1 - overflow / (number.width + 1e-9), room),
                             about_point=number.anchor)

    def _derivative_row(self, value: float, x0_text: str, scale: float) -> Readout:
        """f'(x0) = ..., its "=" under the slope's."""
        name = tex(f"f'({x0_text})", size=style.SIZE_READOUT, color=style.TANGENT)
        row = Readout(name, value=value, scale=scale, color=style.TANGENT)
        row.next_to(self.slope_readout, DOWN, buff=0.28)
        row.shift(RIGHT * (self.slope_readout.equals.get_x() - row.equals.get_x()))
        overflow = row.get_right()[0] - (7.1 - style.MARGIN)
        if overflow > 0:  # 6.000 × 10⁹: a smaller number, never below the smallest size
            number = row.number
            smallest = style.SIZE_SMALL / style.SIZE_READOUT
            number.scale(max(1 - overflow / number.width, smallest), about_point=number.anchor)
        return row

    def _side_rows(self, one_sided: Mapping[int, tuple[str, float]],
                   column_left: float) -> list[VMobject]:
        """A row per side, filled in when Q has come from it: "from the right -> 1.00"."""
        above: VMobject = self.slope_readout
        for side, (words, limit) in one_sided.items():
            row = VGroup(
                text(words, size=style.SIZE_READOUT_LABEL, color=style.SECANT),
                tex(r"\to " + number_tex(limit), size=style.SIZE_READOUT, color=style.SECANT),
            ).arrange(RIGHT, buff=0.2)
            row.next_to(above, DOWN, buff=0.28).align_to(self.live, LEFT)
            _fit_column(row, column_left)
            self.side_rows[side] = above = row
        return list(self.side_rows.values())


class ZoomLabel(VGroup):
    """"zoom ×12" above the magnifier's panel, at its left edge, the number following the
    magnifier's zoom.

    Parameters
    ----------
    magnifier : Magnifier
        The magnifier, its panel in place.
    word : str
        The word before the number, in the scene's language.

    Attributes
    ----------
    number : GlyphNumber
        The zoom.
    """

    def __init__(self, magnifier: Magnifier, word: str) -> None:
        super().__init__()
        name = text(word, size=style.SIZE_SMALL, color=style.TEXT_DIM)
        times = tex(r"\times", size=style.SIZE_SMALL + 4, color=style.TEXT_DIM)
        self.number = GlyphNumber(1.0, fmt=_zoom_format, size=style.SIZE_SMALL + 4,
                                  color=style.TEXT_DIM)
        self.add(name, times, self.number)
        name.next_to(magnifier.panel, UP, buff=0.14, aligned_edge=LEFT)
        times.next_to(name, RIGHT, buff=0.15)
        self.number.next_to(times, RIGHT, buff=0.1)
        self.number.add_updater(lambda m: m.set_value(magnifier.zoom))
        self.update()


class WindowBox(Rectangle):
    """On the plot, the part of it that the magnifier shows (at least a visible square),
    clipped to the plot area (P may sit on its edge); shown only once it marks a small part of
    the plot (a big box would clutter it).

    Parameters
    ----------
    magnifier : Magnifier
        The magnifier (its zoom and where P sits in its panel).
    axes : PlotAxes
        The plot.
    p : tuple of float
        P's coordinates on ``axes``.
    plot : PlotBox
        The plot area the box keeps to.
    """

    def __init__(self, magnifier: Magnifier, axes: PlotAxes, p: tuple[float, float],
                 plot: PlotBox) -> None:
        super().__init__(width=1, height=1)
        self.set_stroke(style.TEXT_DIM, 1.5, opacity=0.7)
        # (a closure, not attributes: a copy of the box does not copy the plot)
        self.add_updater(lambda box: WindowBox.frame(box, magnifier, axes.c2p(*p), plot))
        self.update()

    @staticmethod
    def frame(box: Rectangle, magnifier: Magnifier, p: np.ndarray, plot: PlotBox) -> None:
        """Put ``box`` around what ``magnifier`` shows of the picture around ``p`` (P)."""
        ll, ur = plot.lower_left, plot.upper_right
        zoom = magnifier.zoom
        w = max(magnifier.w / zoom, 0.16)
        hh = max(magnifier.h / zoom, 0.16 * magnifier.h / magnifier.w)
        centre = p - magnifier.centre_offset / zoom
        # clipped to the plot area (P may sit on its edge)
        left = max(centre[0] - w / 2, ll[0])
        right = min(centre[0] + w / 2, ur[0])
        bottom = max(centre[1] - hh / 2, ll[1])
        top = min(centre[1] + hh / 2, ur[1])
        box.stretch_to_fit_width(max(right - left, 0.01))
        box.stretch_to_fit_height(max(top - bottom, 0.01))
        box.move_to([(left + right) / 2, (bottom + top) / 2, 0])
        # shown only once it marks a small part of the plot (a big box would clutter it)
        share = max(w / plot.width, hh / plot.height)
        box.set_stroke(opacity=0.7 * _ramp(0.4 - share, 0.0, 0.15))


class CodePanel(VGroup):
    """The post's Python for f and x0 and what it prints (core's central difference with
    h = 1e-8), its right digits in the tangent's colour.

    Built once with its numbers; :meth:`place` puts it in the column when the beat shows it
    (the column's edge is known then: the plot may have shrunk to make room, by
    :meth:`width_at`). The submobjects are :attr:`code` and :attr:`output`, shown in turn.

    Parameters
    ----------
    expression : str
        f as the post's Python writes it.
    f : callable
        The function.
    x0 : float
        Where the code differentiates f.
    reference : float or None
        f'(x0), which the printed digits are checked against; None where it does not exist
        (nothing is highlighted).
    prompt : str
        The words before the printed number, in the scene's language.

    Attributes
    ----------
    source : str
        The code.
    code, output : Mobject
        The code block; the prompt and the printed number.
    value : float
        What the code computes (nan where f is undefined at x0 - h).
    printed : str
        What it prints: ``repr(value)``.
    number : Text
        The printed number.
    correct_length : int
        How many leading characters of :attr:`number` are highlighted as right.
    digits : int
        How many digits are right (:func:`_correct_part`; 0 without a reference).
    relative : bool
        Whether :attr:`digits` counts significant digits (else decimal places).
    """

    def __init__(self, expression: str, f: Callable[[Any], Any], x0: float, *,
                 reference: float | None, prompt: str) -> None:
        super().__init__()
        self.source = (
            "def func(x):\n"
            f"    return {expression}\n"
            "\n"
            "def differentiation(f, x):\n"
            "    h = 1e-8\n"
            "    return (f(x+h) - f(x-h)) / (2*h)\n"
            "\n"
            f"print(differentiation(func, {x0!r}))"
        )
        self.code = code_block(self.source)
        with np.errstate(all="ignore"):  # sqrt(x0 - h) at the end of the range: nan
            self.value = value = float(derivative(f, x0, h=1e-8, method="central"))
        self.printed = printed = repr(value)
        if reference is not None:  # how many of its digits are right
            correct_part, self.digits, self.relative = _correct_part(printed, value, reference)
        else:  # there is no f'(x0) to be right about
            correct_part, self.digits, self.relative = "", 0, False
        self.correct_length = len(correct_part)
        self.number = Text(printed, font=style.MONO_FONT, font_size=style.SIZE_CODE + 4,
                           color=style.TEXT_DIM,
                           t2c={f"[0:{len(correct_part)}]": style.TANGENT}
                           if correct_part else None)
        prompt_mob = text(prompt, size=style.SIZE_SMALL, color=style.TEXT_DIM)
        self.output = VGroup(prompt_mob, self.number).arrange(RIGHT, buff=0.25)
        self.add(self.code, self.output)

    def width_at(self, px: float) -> float:
        """How wide the code is at ``px`` pixels (at 720p), from its size as built."""
        return self.code.width * px / code_font_size(self.code)

    def place(self, column_left: float, above: Mobject) -> None:
        """In the column from ``column_left``, under ``above`` and flush with its left edge."""
        code = self.code
        width = 7.1 - style.MARGIN - column_left
        if code.width > width:
            code.scale_to_fit_width(width)
        code.next_to(above, DOWN, buff=0.4)
        code.align_to(above, LEFT)
        _fit_column(code, column_left)
        self.output.next_to(code, DOWN, buff=0.25, aligned_edge=LEFT)
        _fit_column(self.output, column_left)
        # the printed line clear of the caption band (a long number takes two lines): less air
        # above the code first, then the panel smaller, never below a projector's 20 px
        both = VGroup(code, self.output)
        short = BAND_TOP + 0.05 - self.output.get_bottom()[1]
        if short > 0:
            both.shift(UP * min(short, 0.25))
            short -= 0.25
        if short > 0:
            both.scale(max(1 - short / both.height, 20 / style.SIZE_CODE),
                       about_edge=UP + LEFT)


class SecantToTangent(Lesson):
    """The secant PQ collapsing into the tangent at P as h -> 0.

    Class attributes (override in a subclass for a variant):

    language : {"en", "ja"} or None
        None: ``config.language``.
    seconds_per_decade : float
        Time for h to shrink tenfold.
    pause : float
        The pause at each power of ten.

    Where f'(x0) does not exist (``config.secant.differentiable`` is false: a corner, or an
    infinite slope at an end of the range) the scene teaches that instead: Q comes from each
    side in ``config.secant.sides`` (h > 0, then h < 0), the slopes from the two sides settle at
    different values or grow without bound, the scene says that f'(x0) does not exist, and no
    tangent is drawn; the post's code still runs, and the scene says why its number misleads.

    :meth:`lay_out` builds the picture from its components, once, and the beats show their
    parts: :class:`SecantPoints` (P and Q), :class:`SlopeTriangle`, :class:`ReadoutColumn`,
    :class:`Magnifier` with its :class:`ZoomLabel` and :class:`WindowBox`, and
    :class:`CodePanel`.

    Attributes set by ``construct`` (for tests): ``cfg``, ``f``, ``x0``, ``axes``,
    ``tangent_line`` (the :class:`core.calculus.Line` with the stated slope, or None),
    ``tangent_mob`` (its drawing, or None), ``secant_mob``, ``log_h`` (the tracker, log10 |h|),
    ``side`` (the sign of h now), ``points`` (P and Q, their labels), ``triangle``,
    ``readouts`` (``readouts.h_readout``, ``readouts.slope_readout``), ``derivative_value``
    (f'(x0) from :func:`core.calculus.stated_derivative`, or None), ``one_sided`` (the one-sided
    slopes where f'(x0) does not exist, else None), ``stated`` (``{x: f'(x)}`` for every value
    the scene states as f'), ``magnifier``, ``code_panel`` (``code_panel.printed``: what the
    post's code prints).
    """

    seconds_per_decade = 2.6
    pause = 1.2
    axes_size = (6.9, 4.6)

    # -----------------------------------------------------------------------------------------
    def construct(self) -> None:
        self.lay_out()
        if self.differentiable:
            self.beats(
                self.show_curve,
                self.show_p_and_q,
                self.show_slope_triangle,
                self.show_identity,  # slope = f'(x0) + c·h
                self.shrink_h,  # a beat per decade of h; the tangent and the magnifier appear
                self.show_limit,
                self.show_tangent,
                self.show_symmetric,  # the symmetric secant of the post's code
                self.show_code,
            )
        else:  # f'(x0) does not exist: each side in turn, and no tangent
            other_side = [self.approach_from_the_other_side] if len(self.sides) > 1 else []
            self.beats(
                self.show_curve,
                self.show_p_and_q,
                self.show_slope_triangle,
                self.shrink_h,  # a beat per decade of h, Q from the first side
                *other_side,  # Q from the other side (a beat per decade)
                self.show_no_derivative,
                self.show_code,
            )

    # -----------------------------------------------------------------------------------------
    def lay_out(self) -> None:
        """Build every component and its updaters; nothing is played yet."""
        self._take_config()
        # what one beat leaves for a later one to take away (None: that beat drew nothing)
        self.identity_check: VMobject | None = None  # show_identity -> shrink_h
        self.symmetric_mobs: VMobject | None = None  # show_symmetric -> show_code
        tr, fn, f, x0 = self.tr, self.cfg.function, self.f, self.x0
        self.title, self.axes, self.curve, self.fn_label = self._plot()
        axes = self.axes
        self.column_left = column_left = axes.x_label.get_right()[0] + 0.45
        below_formula = self._formulas(column_left)
        self.readouts = ReadoutColumn(
            f, x0, self.h, steps=self._pauses(), scale=self.slope_scale,
            slope_name=tr("secant.secant_slope"), under=below_formula, flush_with=self.formula,
            column_left=column_left, derivative=self.derivative_value, x0_text=self.x0_text,
            one_sided=self._side_limits())
        plot = PlotBox.of(axes)
        self.points = points = SecantPoints(
            axes, f, x0, self.h, x0_text=self.x0_text, slope=self.p_slope,
            x_range=(fn.x_min, fn.x_max), plot=plot)
        self.secant_mob = line_on_axes(axes, secant(f, x0, self.h()), color=style.SECANT)
        self.secant_mob.add_updater(lambda m: put_line_on_axes(m, axes, secant(f, x0, self.h())))
        self.secant_mob.update()
        self.tangent_mob = self.tangent_label = None
        if self.tangent_line is not None:  # "tangent at P" beside the line, off the curve
            self.tangent_mob = line_on_axes(axes, self.tangent_line, color=style.TANGENT,
                                            stroke_width=style.STROKE_LINE + 2)
            self.tangent_label = self._tangent_label(plot, points.p_label)
        self.triangle = SlopeTriangle(axes, f, x0, self.h, points.p_dot,
                                      keep_clear=(points.p_label, points.q_label), plot=plot)
        # the magnifier below the readouts (and the rows for f'(x0) or the one-sided slopes)
        self.magnifier = self._magnifier(self.readouts.lowest.get_bottom()[1], column_left)
        self.window_box = WindowBox(self.magnifier, axes, (x0, self.y0), plot)
        self.zoom_label = ZoomLabel(self.magnifier, tr("common.zoom"))
        self.code_panel = CodePanel(fn.expression, f, x0, reference=self.derivative_value,
                                    prompt=tr("secant.code_result"))

    def _take_config(self) -> None:
        """f, x0 and h from the config; f'(x0) or, where it does not exist, the one-sided
        slopes; the tracker of h; how large the slopes shown get."""
        cfg = self.cfg
        fn = cfg.function
        self.f = f = fn.f
        self.x0 = x0 = cfg.secant.x0
        h_start = cfg.secant.h_start
        self.y0 = float(f(x0))
        self.x0_text = format_short(x0, most=6)
        self.differentiable = cfg.secant.differentiable
        self.sides = cfg.secant.sides
        self.side = self.sides[0]
        self.stated: dict[float, float] = {}
        if self.differentiable:
            # the values stated as f'(x0): exact to rounding (complex step), not the post's h
            self.tangent_line = stated_tangent(f, x0)
            self.derivative_value = self.tangent_line.slope
            self.one_sided = None
            self.stated[x0] = self.derivative_value
            self.p_slope = self.derivative_value
            # slope(h) = f'(x0) + c·h: exact for a quadratic, first order otherwise
            self.expansion = secant_expansion(f, x0, fn.x_min, fn.x_max)
        else:
            self.tangent_line = self.derivative_value = self.expansion = None
            step = min(max(1.0, abs(x0)) / 16.0, (fn.x_max - fn.x_min) / 64.0)
            self.one_sided = one_sided_slopes(f, x0, h=step)
            finite = [v for v in (self.one_sided.left, self.one_sided.right) if math.isfinite(v)]
            # the direction P's label keeps off the curve: the mean of the finite side slopes
            self.p_slope = (sum(finite) / len(finite) if finite
                            else secant(f, x0, self.side * h_start).slope)
        self.log_h = ValueTracker(math.log10(h_start))
        # the secant slopes along the way set how many digits the readouts show (1e9*x**2:
        # 6.00000 × 10⁹)
        slopes = [secant(f, x0, side * step).slope for side in self.sides
                  for step in (h_start, cfg.secant.h_end)]
        if self.derivative_value is not None:
            slopes.append(self.derivative_value)
        self.slope_scale = max((abs(v) for v in slopes if math.isfinite(v)), default=1.0)
        self.slope_format = NumberFormat(self.slope_scale)

    def h(self) -> float:
        """The step now: Q is at ``x0 + h()`` (``side`` gives its sign, ``log_h`` its size)."""
        return self.side * 10.0 ** self.log_h.get_value()

    def _pauses(self) -> list[float]:
        """Every h where the shrinking pauses, from each side in turn."""
        stops = decade_stops(self.cfg.secant.h_start, self.cfg.secant.h_end)
        return [side * step for side in self.sides for step in stops]

    def _side_limits(self) -> dict[int, tuple[str, float]] | None:
        """Where f'(x0) does not exist: for each side Q comes from, in turn, the words naming
        it and where the slopes from it go (None where f'(x0) exists)."""
        if self.one_sided is None:
            return None
        return {side: (self.tr("secant.side_right" if side > 0 else "secant.side_left"),
                       self.one_sided.right if side > 0 else self.one_sided.left)
                for side in self.sides}

    def _plot(self) -> tuple[VMobject, PlotAxes, VMobject, VMobject]:
        """The title, the axes, the curve, and f's formula above the plot."""
        fn = self.cfg.function
        title = text(self.tr("secant.title"), size=style.SIZE_TITLE)
        title.to_corner(UL, buff=style.MARGIN + 0.05)
        y_length = self.axes_size[1]
        while True:
            axes = fitted_axes(self.f, fn.x_min, fn.x_max, x_length=self.axes_size[0],
                               y_length=y_length)
            # the plot's lower left corner clear of the caption band (tick numbers go below)
            axes.shift(np.array([-6.15, BAND_TOP + 0.6, 0])
                       - axes.c2p(axes.x_box[0], axes.y_box[0]))
            keep_in_frame(axes)  # wide tick numbers (e.g. 25000) push the plot right
            # and its y label clear of the title (a label over more rows of ticks is taller)
            over = axes.y_label.get_top()[1] - (title.get_bottom()[1] - 0.12)
            if over <= 0 or y_length < 2.5:
                break
            y_length -= over + 0.02
        curve = axes.plot_function(self.f, fn.x_min, fn.x_max)
        fn_label = tex("f(x) = " + expression_to_tex(fn.expression), color=style.CURVE,
                       size=style.SIZE_LABEL + 2)
        # the function above the plot, right-aligned, on the row of the y label
        fn_label.next_to(axes.c2p(axes.x_box[1], axes.y_box[1]), UP, buff=0.2)
        fn_label.align_to(axes.c2p(axes.x_box[1], 0), RIGHT)
        room = axes.c2p(axes.x_box[1], 0)[0] - axes.y_label.get_right()[0] - 0.4
        if fn_label.width > room:
            fn_label.scale_to_fit_width(room).align_to(axes.c2p(axes.x_box[1], 0), RIGHT)
        fn_label.set_y(axes.y_label.get_y())
        return title, axes, curve, fn_label

    def _formulas(self, column_left: float) -> VMobject:
        """The difference quotient at the top of the column, the limit it becomes, and where
        f'(x0) exists the identity under them (slope = f'(x0) + c·h, and its limit); returns
        what the readouts go under."""
        column_x = (column_left + 7.1 - style.MARGIN) / 2
        self.quotient_name = quotient_name = text(
            self.tr("secant.secant_slope"), size=style.SIZE_READOUT_LABEL, color=style.SECANT)
        self.quotient = quotient = tex(
            r"= \frac{f(x+h) - f(x)}{h}", size=style.SIZE_MATH - 4,
            colors={"f(x+h) - f(x)": style.DF_LEG, "h": style.H_LEG})
        self.formula = formula = VGroup(quotient_name, quotient).arrange(RIGHT, buff=0.2)
        formula.move_to([column_x, 2.85, 0])
        _fit_column(formula, column_left)
        self.limit = limit = tex(
            r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}", size=style.SIZE_MATH - 4,
            colors={"f(x+h) - f(x)": style.DF_LEG, "h": style.H_LEG})
        limit.move_to(formula)
        _fit_column(limit, column_left)
        # the identity under the quotient, its "=" under the quotient's "=" (built where f'(x0)
        # exists; the readouts go below it)
        self.identity = self.identity_limit = None
        e = self.expansion
        if e is None:
            return formula
        c0, c1 = _coefficient_tex(e.derivative, e.exact), _coefficient_tex(e.coefficient,
                                                                            e.exact)
        relation = "=" if e.exact else r"\approx"
        self.identity_tex = _identity_tex(c0, c1)
        identity = tex(relation + " " + self.identity_tex, size=style.SIZE_MATH - 4,
                       colors={"h": style.H_LEG}, color=style.SECANT)
        identity.next_to(formula, DOWN, buff=0.3)
        identity.shift(RIGHT * (quotient[0][0].get_x() - identity[0][0].get_x()))
        _fit_column(identity, column_left)
        # (plain parentheses: the h of \right would be coloured as a variable)
        tail = ") = " + c0 if e.exact else r" + \dots) = " + c0
        identity_limit = tex(r"= \lim_{h \to 0}(" + self.identity_tex + tail,
                             size=style.SIZE_MATH - 4, colors={"h": style.H_LEG},
                             color=style.TANGENT)
        # under the limit, its "=" under the limit's (f ' ( x ) = : the sixth glyph)
        identity_limit.next_to(limit, DOWN, buff=0.3)
        equals = limit[0][5] if len(limit[0]) > 5 else limit[0][0]
        identity_limit.shift(RIGHT * (equals.get_x() - identity_limit[0][0].get_x()))
        _fit_column(identity_limit, column_left)
        self.identity, self.identity_limit = identity, identity_limit
        return VGroup(formula, identity, identity_limit)

    def _magnifier(self, top: float, column_left: float) -> Magnifier:
        """The magnifier, across the column from ``top`` (less a gap) down to the caption
        band, redrawn for h every frame."""
        panel_top = top - 0.6
        panel_h = panel_top - (BAND_TOP + 0.1)
        panel_w = 7.1 - style.MARGIN - column_left
        magnifier = Magnifier(width=panel_w, height=panel_h)
        magnifier.panel.move_to([column_left + panel_w / 2, panel_top - panel_h / 2, 0])
        magnifier.add_updater(lambda m: m.redraw(self.h(), self))
        magnifier.update()
        return magnifier

    def _moving(self) -> VGroup:
        """Q, the secant and the slope triangle: what follows h on the plot."""
        t = self.triangle
        return VGroup(self.points.q_dot, self.points.q_label, self.secant_mob, t.h_leg,
                      t.df_leg, t.h_label, t.df_label)

    # --- the beats -----------------------------------------------------------------------------
    def show_curve(self) -> None:
        """The title, the axes and the curve."""
        self.narrate("secant.n.curve", expression=self.cfg.function.expression)
        self.add(self.title)
        self.wait(0.6)
        self.play(FadeIn(self.axes), run_time=1.2)
        self.play(Create(self.curve), Write(self.fn_label), run_time=1.6)
        self.wait(0.4)

    def show_p_and_q(self) -> None:
        """P, Q a step h further, and the secant through them."""
        self.narrate("secant.n.p_and_q" if self.side > 0 else "secant.n.p_and_q_left")
        self.say("secant.intro", narrated=False)
        points = self.points
        self.play(FadeIn(points.p_dot, scale=0.5), Write(points.p_label), run_time=0.8)
        self.play(FadeIn(points.q_dot, scale=0.5), FadeIn(points.q_label), run_time=0.8)
        self.play(Create(self.secant_mob), run_time=1.0)
        self.wait(1.2)

    def show_slope_triangle(self) -> None:
        """The legs h and f(x+h) - f(x), the difference quotient and its readouts."""
        self.narrate("secant.n.triangle")
        self.say("secant.slope_is", narrated=False)
        triangle = self.triangle
        self.play(Create(triangle.h_leg), FadeIn(triangle.h_label), run_time=0.8)
        self.play(Create(triangle.df_leg), FadeIn(triangle.df_label), run_time=0.8)
        self.play(FadeIn(self.formula, shift=0.2 * DOWN), run_time=1.0)
        self._settle(self.formula)
        self.play(FadeIn(self.readouts.live), run_time=0.8)
        self.wait(1.6)
        # p_dot on top of the legs, the moving parts last (they are redrawn every frame)
        self.bring_to_front(self.points.p_dot, self.points.p_label)

    def show_identity(self) -> None:
        """For this f the slope is f'(x0) + c·h: exactly for a quadratic (0.22 + 0.02h), to
        first order otherwise (f'(x0) + ½ f''(x0)·h); the readouts at h_start obey it."""
        e, h0 = self.expansion, self.h()
        identity = tex_to_text(self.identity_tex)
        if e.exact:
            self.narrate("secant.n.identity_exact", identity=identity)
            self.say("secant.identity_exact", narrated=False, identity=identity)
        else:
            self.narrate("secant.n.identity_approx", x0=self.x0_text, identity=identity)
            self.say("secant.identity_approx", narrated=False, x0=self.x0_text)
        self.play(FadeIn(self.identity, shift=0.1 * DOWN), run_time=1.0)
        self._settle(self.identity)
        if e.exact:  # the check at this h, under the readouts: 0.22 + 0.02 · 4.00 = 0.30000
            self.wait(0.8)
            c0 = _coefficient_tex(e.derivative, True)
            c1 = _coefficient_tex(e.coefficient, True)
            check = tex(rf"{c0} {'-' if c1.startswith('-') else '+'} {c1.lstrip('-')} \cdot "
                        + format_sig(h0) + " = " + self.slope_format.tex(e.slope(h0)),
                        size=style.SIZE_READOUT - 4, color=style.SECANT)
            live = self.readouts.live
            check.next_to(live, DOWN, buff=0.3).align_to(live, LEFT)
            _fit_column(check, self.column_left)
            self.play(FadeIn(check, shift=0.1 * DOWN), run_time=0.8)
            self.identity_check = check
        self.wait(1.6)

    def shrink_h(self) -> None:
        """h shrinks, decade by decade, each decade a beat; the magnifier opens after the first.
        Where f'(x0) does not exist, Q comes from the first side only (see
        :meth:`approach_from_the_other_side`)."""
        self.narrate("secant.n.shrink")
        if self.identity_check is not None:
            self.play(FadeOut(self.identity_check), run_time=0.4)
        self.say("secant.shrink", narrated=False)
        self._shrink(open_magnifier=True)

    def approach_from_the_other_side(self) -> None:
        """Where f'(x0) does not exist: Q starts again on the other side of P (h < 0) and h
        shrinks again, decade by decade."""
        side = self.sides[1]
        self.narrate("secant.n.other_side_left" if side < 0 else "secant.n.other_side_right")
        self.say("secant.from_left" if side < 0 else "secant.from_right", narrated=False)
        moving = self._moving()
        self.play(FadeOut(moving), run_time=0.6)
        self.side = side
        self.log_h.set_value(math.log10(self.cfg.secant.h_start))
        self.play(FadeIn(moving), run_time=0.8)
        self.bring_to_front(self.points.p_dot, self.points.p_label)
        self.wait(0.8)
        self._shrink(open_magnifier=False)

    def _shrink(self, *, open_magnifier: bool) -> None:
        """h shrinks from ``h_start`` to ``h_end`` on the side ``self.side``, a beat per decade.
        Where f'(x0) does not exist the side's limit is stated at the end (its row)."""
        magnifier, log_h = self.magnifier, self.log_h
        stops = decade_stops(self.cfg.secant.h_start, self.cfg.secant.h_end)
        # the caption on merging, two decades before the end (only where there is a tangent)
        merge_at = max(1, len(stops) - 3) if self.differentiable else -1
        # many decades (h_start 12 down to 1e-6) go faster, so the scene stays within a minute
        per_decade = min(self.seconds_per_decade,
                         9.5 / math.log10(self.cfg.secant.h_start / self.cfg.secant.h_end))
        if not self.differentiable:
            per_decade *= 0.7  # it plays once per side
        pause = min(self.pause, 5.0 / max(1, len(stops) - 2))
        for i, (a, b) in enumerate(zip(stops, stops[1:], strict=False)):
            if i:
                self.end_beat()
            decades = math.log10(a / b)
            self.play(log_h.animate.set_value(math.log10(b)),
                      run_time=max(1.0, per_decade * decades), rate_func=smooth)
            announce = i == 0 and open_magnifier and self.tangent_mob is not None
            # (the merging or the tangent is said instead; after the last stop, the limit)
            last = i == len(stops) - 2 and self.differentiable and merge_at < i
            if i != merge_at and not announce and not last:
                self.narrate("secant.n.decade", h=format_sig(self.side * b),
                             slope=self.slope_format.text(secant(self.f, self.x0,
                                                                 self.side * b).slope))
            if i == 0 and open_magnifier:
                self.wait(0.4)
                if announce:  # the tangent, named, in a beat of its own
                    self.end_narration()  # the last one read out before the beat ends
                    self.end_beat()
                    self._announce_tangent()
                    self.end_beat()
                self.say("secant.zoom_caption", narrated=False)
                magnifier.redraw(self.h(), self)
                self.window_box.update()
                self.zoom_label.update()
                self.play(FadeIn(magnifier), FadeIn(self.zoom_label),
                          Create(self.window_box), run_time=1.2)
                self.bring_to_front(self.secant_mob, self.points.p_dot, self.points.p_label)
                self.wait(pause)
            elif i == merge_at:
                self.wait(0.3)
                self.narrate("secant.n.merge")
                self.say("secant.merge", narrated=False)
                self.mark_poster()  # the key frame: the secant merging into the tangent
                self.wait(pause + 0.6)
            else:
                self.wait(pause)
        self.wait(0.6)
        if not self.differentiable:  # where the slopes from this side go
            limit = self.one_sided.right if self.side > 0 else self.one_sided.left
            side = "right" if self.side > 0 else "left"
            if math.isfinite(limit):
                self.narrate(f"secant.n.settles_{side}",
                             value=number_text(float(f"{limit:.12g}"), digits=3))
            else:
                self.narrate(f"secant.n.unbounded_{side}")
            row = self.readouts.side_rows[self.side]
            self.play(FadeIn(row, shift=0.1 * DOWN), run_time=0.8)
            self._settle(row)
            self.wait(1.2)

    def _announce_tangent(self) -> None:
        """The tangent at P appears, labelled, with a caption of its own."""
        self.narrate("secant.n.tangent_appears")
        self.say("secant.tangent_appears", narrated=False)
        self.play(Create(self.tangent_mob), run_time=1.2)
        self.play(FadeIn(self.tangent_label, shift=0.1 * UP), run_time=0.6)
        self._settle(self.tangent_label)
        self.bring_to_front(self.secant_mob, self.points.p_dot, self.points.p_label)
        self.wait(0.6)

    def show_limit(self) -> None:
        """The quotient becomes the limit: the derivative, and its value; the h term of the
        identity vanishes."""
        e = self.expansion
        term = tex_to_text(_identity_tex("0", _coefficient_tex(e.coefficient, e.exact)))
        value = self.slope_format.text(self.derivative_value)
        if term != "0":
            self.narrate("secant.n.limit_identity", x0=self.x0_text, value=value, term=term)
        else:  # a line: no h term to vanish
            self.narrate("secant.n.limit", x0=self.x0_text, value=value)
        self.say("secant.limit", narrated=False)
        self.play(*self._formula_to_limit(self.quotient_name, self.quotient, self.limit),
                  FadeOut(self.identity, shift=0.1 * DOWN),
                  FadeIn(self.identity_limit, shift=0.1 * DOWN), run_time=1.4)
        self.remove(*self._formula_parts)
        self.add(self.limit)
        self._settle(self.limit, self.identity_limit)
        self.play(FadeIn(self.readouts.derivative_readout, shift=0.1 * DOWN), run_time=0.8)
        self.wait(2.0)

    def show_tangent(self) -> None:
        """Everything but P and the tangent fades; the tangent's equation."""
        # (the faded-out parts keep their updaters: out of the scene, they cost nothing)
        tl = self.tangent_line
        self.narrate("secant.n.tangent", equation=slope_line_text(tl.slope, tl.intercept))
        equation = VGroup(
            text(self.tr("secant.tangent_at_p"), size=style.SIZE_BODY, color=style.TANGENT),
            tex(slope_line_tex(tl.slope, tl.intercept), size=style.SIZE_MATH - 4,
                color=style.TANGENT),
        ).arrange(RIGHT, buff=0.25)
        room = 7.1 - style.MARGIN - self.column_left
        if equation.width * style.SIZE_SMALL > room * style.SIZE_BODY:
            # fitting one line would shrink the words below the smallest size: two lines
            equation.arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        equation.next_to(self.identity_limit, DOWN, buff=0.5)
        if len(equation) and equation[1].get_y() < equation[0].get_y() - 0.1:  # two lines
            equation.align_to(self.limit, LEFT)
        _fit_column(equation, self.column_left)
        self.equation = equation
        self.play(
            FadeOut(self._moving()),
            FadeOut(VGroup(self.magnifier, self.zoom_label, self.window_box)),
            FadeOut(self.readouts.live), FadeOut(self.readouts.derivative_readout),
            run_time=1.0,
        )
        # the label on the plot moves into the equation
        self.play(ReplacementTransform(self.tangent_label, equation[0]),
                  FadeIn(equation[1], shift=0.1 * DOWN), self.tangent_mob.animate.set_stroke(
                      width=style.STROKE_LINE + 1), run_time=1.0)
        self.remove(*equation)
        self.add(equation)
        self.wait(1.8)

    def show_symmetric(self) -> None:
        """The symmetric secant of the post's code, through x0 - h and x0 + h: its slope is the
        average of the two one-sided slopes, and closer to f'(x0) (exactly it, for a
        quadratic); moved onto P it lies on the tangent."""
        step = self._symmetric_step()
        self.symmetric = None
        if step is None:  # no room on both sides of P in the plotted range
            return
        f, x0, axes, fmt = self.f, self.x0, self.axes, self.slope_format
        forward = float(derivative(f, x0, h=step, method="forward"))
        backward = float(derivative(f, x0, h=step, method="backward"))
        central = float(derivative(f, x0, h=step, method="central"))
        chord = secant(f, x0 - step, 2 * step)  # the line through both outer points
        self.symmetric = {"h": step, "forward": forward, "backward": backward,
                          "central": central, "chord": chord}
        y_minus, y_plus = float(f(x0 - step)), float(f(x0 + step))
        a, b = axes.c2p(x0 - step, y_minus), axes.c2p(x0 + step, y_plus)
        # the one-sided secants through P, dashed and drawn across the plot: their slopes fan
        # out on either side of the tangent's
        one_sided = VGroup(*(
            DashedVMobject(line_on_axes(axes, line, color=style.SECANT,
                                        stroke_width=style.STROKE_LINE - 1), num_dashes=40)
            for line in (secant(f, x0, step), secant(f, x0, -step))))
        dots = VGroup(*(Dot(q, radius=style.DOT_RADIUS, color=style.POINT_Q) for q in (a, b)))
        chord_mob = line_on_axes(axes, chord, color=style.SECANT,
                                 stroke_width=style.STROKE_LINE)
        size = style.SIZE_MATH - 10
        colors = {"h": style.H_LEG}
        short = NumberFormat(max(abs(forward), abs(backward), abs(central)), digits=3)
        rows = VGroup(
            tex(r"\frac{f(x+h) - f(x)}{h} = " + short.tex(forward), size=size, colors=colors,
                color=style.SECANT),
            tex(r"\frac{f(x) - f(x-h)}{h} = " + short.tex(backward), size=size, colors=colors,
                color=style.SECANT),
            tex(r"\frac{f(x+h) - f(x-h)}{2h} = " + short.tex(central), size=size,
                colors=colors, color=style.SECANT),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        rows.next_to(self.equation, DOWN, buff=0.4).align_to(self.equation, LEFT)
        _fit_column(rows, self.column_left)
        # under the third row, its "=" under the row's: the average of the other two
        b_tex = short.tex(backward)
        pair = short.tex(forward) + (f" - {b_tex[1:]}" if b_tex.startswith("-")
                                     else f" + {b_tex}")
        average = tex(r"= (" + pair + ")/2", size=size, color=style.SECANT)
        average.next_to(rows[2], DOWN, buff=0.15)
        average.shift(RIGHT * (rows[2][-1][0].get_x() - average[0][0].get_x()))
        _fit_column(average, self.column_left)
        block = VGroup(rows, average)  # (large numbers, 8.00 × 10⁹: taller rows) in the frame
        room = rows.get_top()[1] - (BAND_TOP + 0.1)
        if block.height > room:
            block.scale(room / block.height, about_edge=UL)
        h_text = format_sig(step)
        self.narrate("secant.n.symmetric", h=h_text)
        self.say("secant.symmetric", narrated=False)
        self.play(FadeIn(dots, scale=0.5), run_time=0.6)
        self.play(Create(one_sided), FadeIn(rows[:2], shift=0.1 * DOWN), run_time=1.2)
        self.play(Create(chord_mob), FadeIn(rows[2], shift=0.1 * DOWN), run_time=1.2)
        self.bring_to_front(self.points.p_dot, self.points.p_label)
        self.wait(1.0)
        self.end_beat()
        # its slope: the average, and closer (the h terms cancel)
        fields = {"symmetric": short.text(central), "forward": short.text(forward),
                  "backward": short.text(backward), "x0": self.x0_text}
        if self.expansion.exact:
            self.narrate("secant.n.symmetric_exact", **fields)
        else:
            self.narrate("secant.n.symmetric_approx", value=fmt.text(self.derivative_value),
                         **fields)
        self.say("secant.symmetric_average", narrated=False)
        self.play(FadeIn(average, shift=0.1 * DOWN), run_time=0.8)
        # the chord moved onto P: on the tangent (a quadratic), or close to it
        moved = line_on_axes(axes, line_through(x0, self.y0, central), color=style.SECANT,
                             stroke_width=style.STROKE_LINE)
        self.play(ReplacementTransform(chord_mob.copy(), moved), run_time=1.4)
        self.bring_to_front(self.points.p_dot, self.points.p_label)
        self.wait(1.6)
        self.symmetric_mobs = VGroup(one_sided, dots, chord_mob, moved, rows, average)

    def _symmetric_step(self) -> float | None:
        """The h of the symmetric secant's picture: half of ``h_start``, within the plotted
        range on both sides of P (None where there is no room)."""
        fn = self.cfg.function
        step = min(self.cfg.secant.h_start / 2, 0.9 * (self.x0 - fn.x_min),
                   0.9 * (fn.x_max - self.x0))
        if step <= 1e-9 * max(1.0, abs(self.x0)):
            return None
        with np.errstate(all="ignore"):
            ends = np.asarray(self.f(np.array([self.x0 - step, self.x0 + step])), dtype=float)
        return float(step) if np.all(np.isfinite(ends)) else None

    def show_no_derivative(self) -> None:
        """Where f'(x0) does not exist: the moving parts fade, the one-sided slopes stay, and
        the scene says that there is no derivative, and so no tangent, at P."""
        left, right = self.one_sided.left, self.one_sided.right
        unbounded = not (math.isfinite(left) or math.isnan(left)) or not (
            math.isfinite(right) or math.isnan(right))
        key = "no_derivative_unbounded" if unbounded else "no_derivative"
        self.narrate(f"secant.n.{key}", x0=self.x0_text)
        self.say(f"secant.{key}", narrated=False, x0=self.x0_text)
        self.play(
            FadeOut(self._moving()),
            FadeOut(VGroup(self.magnifier, self.zoom_label, self.window_box)),
            FadeOut(self.readouts.live),
            run_time=1.0,
        )
        rows = VGroup(*self.readouts.side_rows.values())
        self.play(rows.animate.align_to(self.readouts.live, UP), run_time=0.8)
        statement = VGroup(
            tex(f"f'({self.x0_text})", size=style.SIZE_MATH - 4, color=style.TANGENT),
            text(self.tr("secant.does_not_exist"), size=style.SIZE_BODY, color=style.TANGENT),
        ).arrange(RIGHT, buff=0.25)
        statement.next_to(rows, DOWN, buff=0.45).align_to(rows, LEFT)
        _fit_column(statement, self.column_left)
        self.equation = statement
        self.play(FadeIn(statement, shift=0.1 * DOWN), run_time=1.0)
        self._settle(rows, statement)
        self.mark_poster()  # the key frame: two sides, no derivative
        self.wait(1.8)

    def show_code(self) -> None:
        """The post's code, what it prints, and how many of its digits are right; where f'(x0)
        does not exist, why its number misleads."""
        leaving = []
        if self.symmetric_mobs is not None:  # its formula is in the code
            leaving.append(FadeOut(self.symmetric_mobs))
        if self.identity_limit is not None:  # (room for the code; the limit stays)
            leaving.append(FadeOut(self.identity_limit))
        if leaving:
            self.play(*leaving, run_time=0.8)
        panel = self.code_panel
        # as wide as the code is at the smallest size a projector shows (20 px at 720p)
        self._make_room_for_code(panel.width_at(_CODE_PX))
        self.say("secant.code_title", narrated=False)
        panel.place(self.column_left, self.equation)
        self.narrate("secant.n.code", printed=panel.printed)
        self.play(FadeIn(panel.code, shift=0.1 * UP), run_time=1.2)
        self.wait(1.5)
        self.play(FadeIn(panel.output, shift=0.1 * DOWN), run_time=0.8)
        if not self.differentiable:
            key, fields = self._misleading(panel)
            self.say(f"secant.{key}", narrated=False, **fields)
            self.narrate(f"secant.n.{key}", **fields)
            self.wait(3.5)
            return
        key = "secant.code_note" if panel.relative else "secant.code_note_abs"
        self.narrate(key, n=panel.digits)
        self.say(key, narrated=False, n=panel.digits)
        if panel.digits and panel.relative:  # the right digits, pointed at
            self.play(Indicate(panel.number[: panel.correct_length], scale_factor=1.15,
                               color=style.TANGENT), run_time=1.0)
        self.wait(2.5)

    def _make_room_for_code(self, needed: float) -> None:
        """The post's code at its size needs a wider column (``needed`` wide): the plot
        shrinks towards the lower left and the column's contents follow the column's new edge
        (and the tangent's equation moves up where the identity was)."""
        if not self.differentiable:  # the code needs the column's height: the rows go up
            rest = VGroup(*self.readouts.side_rows.values(), self.equation)
            self.play(FadeOut(self.formula), rest.animate.align_to(self.formula, UP),
                      run_time=0.8)
        new_left = 7.1 - style.MARGIN - needed
        shift = self.column_left - new_left
        moves = []
        if self.identity_limit is not None:  # the equation takes the identity's row
            moves.append(self.equation.animate.align_to(self.identity_limit, UP).shift(
                0.15 * DOWN))
        if shift > 0:
            shown = [m for m in self.mobjects if isinstance(m, VMobject)
                     and m is not self.caption and m is not self.title
                     and m.family_members_with_points()]
            column = [m for m in shown if m.get_left()[0] >= self.column_left - 0.05]
            # the plot scales; the function's label keeps its size (its exponent is at the
            # smallest size already) and its place over the plot's right end
            plot = [m for m in shown if m not in column and m is not self.fn_label]
            group = VGroup(*plot)
            room = group.get_right()[0] - group.get_left()[0]
            factor = max(0.8, 1 - (shift + 0.05) / room)
            corner = group.get_corner(DL)

            def scaled(point: np.ndarray) -> np.ndarray:
                return corner + factor * (point - corner)

            right = scaled(self.axes.c2p(self.axes.x_box[1], 0))[0]
            label_y = scaled(self.axes.y_label.get_center())[1]
            # the plot shrinks at most to 0.8 (its tick labels stay legible): the column may
            # gain less than the code wants (a long expression), and the code is then smaller
            gap = self.column_left - group.get_right()[0]
            new_left = max(new_left, scaled(group.get_corner(UR))[0] + gap)
            shift = self.column_left - new_left
            moves.append(group.animate.scale(factor, about_point=corner))
            moves.append(self.fn_label.animate.shift(
                RIGHT * (right - self.fn_label.get_right()[0])
                + UP * (label_y - self.fn_label.get_y())))
            moves += [m.animate.shift(LEFT * shift) for m in column if m is not self.equation]
            if self.identity_limit is not None:
                moves[0] = self.equation.animate.align_to(self.identity_limit, UP).shift(
                    LEFT * shift + 0.15 * DOWN)
            else:
                moves.append(self.equation.animate.shift(LEFT * shift))
            self.column_left = new_left
        if moves:
            self.play(*moves, run_time=1.0)
        if shift > 0:  # the parts, not the group made to move them, stay in the scene
            self.remove(group)
            self.add(*plot)

    def _misleading(self, panel: CodePanel) -> tuple[str, dict]:
        """The caption key (and fields) saying why the number ``panel`` prints misleads where
        f'(x0) does not exist."""
        value = float(panel.value)
        left, right = self.one_sided.left, self.one_sided.right
        fields = {"printed": panel.printed, "x0": self.x0_text}
        if not math.isfinite(value):
            return "code_nan", fields
        if math.isfinite(left) and math.isfinite(right):
            # (to 12 digits first: 0.999999999999989 reads 1.00, as in the rows)
            return "code_corner", {**fields, "left": number_text(float(f"{left:.12g}"), digits=3),
                                   "right": number_text(float(f"{right:.12g}"), digits=3)}
        return "code_unbounded", fields

    # -----------------------------------------------------------------------------------------
    def _settle(self, *mobjects: VMobject) -> None:
        """Move static mobjects to the bottom of the drawing order. Manim redraws every frame
        all mobjects listed after the first moving one; static text listed first is drawn once
        into the cached background instead. (Nothing static here overlaps what moves.)"""
        self.bring_to_back(*mobjects)

    def _formula_to_limit(self, name: VMobject, quotient: VMobject, limit: VMobject) -> list:
        """Animations turning "secant slope = (f(x+h) - f(x))/h" into the limit, the fraction
        moving into place (its 13 glyphs are the last ones of both formulas)."""
        q, lim = quotient[0], limit[0]
        n = 13  # f ( x + h ) - f ( x ) , bar, h
        if len(q) < n + 1 or len(lim) < n + 1:  # pragma: no cover - a TeX surprise
            self._formula_parts = []
            return [FadeOut(VGroup(name, quotient)), FadeIn(limit)]
        self._formula_parts = [q[len(q) - n :], lim[len(lim) - n :], lim[: len(lim) - n]]
        return [
            FadeOut(name, shift=0.2 * LEFT),
            FadeOut(q[: len(q) - n]),
            ReplacementTransform(q[len(q) - n :], lim[len(lim) - n :]),
            FadeIn(lim[: len(lim) - n], shift=0.2 * RIGHT),
        ]

    def _tangent_label(self, plot: PlotBox, p_label: VMobject) -> VMobject:
        """"tangent at P" beside the tangent, inside the plot: clear of P's label and of the
        slope triangle when the tangent appears, off the curve, on the side of the line away
        from the curve where it can, as far from P as it can."""
        axes, tl, f, x0 = self.axes, self.tangent_line, self.f, self.x0
        label = text(self.tr("secant.tangent_at_p"), size=style.SIZE_BODY, color=style.TANGENT)
        xs = np.linspace(axes.x_box[0], axes.x_box[1], 97)
        with np.errstate(all="ignore"):
            ys = tl(xs)
            fs = np.asarray(f(xs), dtype=float)
        inside = (ys >= axes.y_box[0]) & (ys <= axes.y_box[1])
        lo, hi = axes.c2p(axes.x_box[0], axes.y_box[0]), axes.c2p(axes.x_box[1], axes.y_box[1])
        fine = np.linspace(axes.x_box[0], axes.x_box[1], 400)
        with np.errstate(all="ignore"):
            curve = axes.c2p_array(fine, np.asarray(f(fine), dtype=float))
        curve = curve[np.isfinite(curve).all(axis=1)]
        # what is on screen when the tangent appears: P's label, the triangle P Q at the
        # first stop of h
        h1 = self.side * decade_stops(self.cfg.secant.h_start, self.cfg.secant.h_end)[1]
        corners = np.array([axes.c2p(x0, self.y0), axes.c2p(x0 + h1, float(f(x0 + h1)))])
        triangle = (corners.min(axis=0) - 0.5, corners.max(axis=0) + 0.5)
        keep_off = [(p_label.get_corner(DL) - 0.1, p_label.get_corner(UR) + 0.1), triangle]
        normal = _normal(axes, tl.slope)
        best, best_score = None, math.inf

        def places():
            """(position of the label's corner, that corner, penalty) for every try"""
            for x_at in xs[inside]:
                x_at = float(x_at)
                above = float(np.interp(x_at, xs, np.where(np.isfinite(fs), fs, 0.0))) > tl(
                    x_at)
                for penalty, side in ((0, -normal if above else normal),
                                      (5, normal if above else -normal)):  # toward the curve
                    # the corner nearest the line sits just off it, the label reaching away
                    away = np.array([-np.sign(round(side[0], 6)),
                                     -np.sign(round(side[1], 6)), 0.0])
                    yield (axes.c2p(x_at, float(tl(x_at))) + 0.15 * side, away,
                           penalty - abs(x_at - x0) / (axes.x_box[1] - axes.x_box[0]))
            # failing that, a corner of the plot (the colour names the line)
            for corner in (UL, UR, DR):
                point = np.array([lo[0] if corner[0] < 0 else hi[0],
                                  hi[1] if corner[1] > 0 else lo[1], 0.0])
                yield point - 0.1 * corner, corner, 20

        for point, corner, penalty in places():
            label.move_to(point, aligned_edge=corner)
            dl, ur = label.get_corner(DL), label.get_corner(UR)
            if dl[0] < lo[0] + 0.05 or ur[0] > hi[0] - 0.05 or dl[1] < lo[1] + 0.05 \
                    or ur[1] > hi[1] - 0.05:
                continue
            clash = sum(bool(np.all(dl[:2] < b[:2]) and np.all(a[:2] < ur[:2]))
                        for a, b in keep_off)
            on_curve = int(np.sum(np.all((curve[:, :2] > dl[:2] - 0.05)
                                         & (curve[:, :2] < ur[:2] + 0.05), axis=1)))
            score = 10_000 * clash + 10 * on_curve + penalty
            if score < best_score:
                best, best_score = label.get_center().copy(), score
        if best is not None:
            label.move_to(best)
        else:  # no room beside the line inside the plot: above P's label
            label.next_to(p_label, UP, buff=0.15)
        return plot.into(label)


def _correct_part(printed: str, value: float, reference: float) -> tuple[str, int, bool]:
    """How much of ``printed`` (the repr of ``value``) is right, against ``reference``.

    Returns ``(leading part to highlight, n, relative)``: n is
    :func:`core.calculus.correct_digits` (15 for an exact value). With ``relative`` the first
    ``n`` significant digits are right (``-0.99999999`` of ``-0.9999999939`` for -1 counts 8:
    they round to the reference); otherwise (a reference of 0) ``n`` decimal places are.

    >>> _correct_part("0.22000000154953625", 0.22000000154953625, 0.22)
    ('0.22000000', 8, True)
    >>> _correct_part("-0.999999993922529", -0.999999993922529, -1.0)
    ('-0.99999999', 8, True)
    >>> _correct_part("0.1", 0.1, 0.1)
    ('0.1', 15, True)
    >>> _correct_part("1.5e-09", 1.5e-09, 0.0), _correct_part("0.0005", 0.0005, 0.0)
    (('', 8, False), ('0.000', 3, False))
    """
    relative = reference != 0
    n = correct_digits(value - reference, reference, most=15)
    if "e" in printed or "n" in printed:  # scientific notation, inf, nan: highlight nothing
        return "", n, relative
    if relative:
        # the first n significant digits of the printed number
        seen, cut = 0, len(printed)  # all of it, if it has fewer than n digits ("0.1")
        for i, c in enumerate(printed):
            if c.isdigit() and (seen or c != "0"):
                seen += 1
            if seen == n:
                cut = i + 1
                break
        return (printed[:cut] if n else ""), n, True
    point = printed.find(".")
    cut = min(len(printed), point + 1 + n) if point >= 0 else 0
    return (printed[:cut] if n else ""), n, False


def _coefficient_tex(value: float, exact: bool) -> str:
    """A coefficient of the slope's expansion for LaTeX: up to 4 significant digits for an
    exact identity (``0.22``, ``0.02``), 3 for a first-order one (``0.540``); far from 1, as
    :func:`number_tex` writes it.

    >>> _coefficient_tex(0.22000000000000003, True), _coefficient_tex(0.5403023, False)
    ('0.22', '0.540')
    """
    value = float(value)
    if abs(value) < 1e-12 * max(1.0, abs(value)) or value == 0:
        return "0"
    if not 1e-3 <= abs(value) < 1e5:
        return number_tex(value)
    digits = 4 if exact else 3
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    s = format_fixed(value, decimals)
    if exact and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _identity_tex(c0: str, c1: str) -> str:
    """``0.22 + 0.02h`` from the two coefficients' LaTeX (no ``+ -``, no ``+ 0h``).

    >>> _identity_tex("0.22", "0.02"), _identity_tex("0.540", "-0.421"), _identity_tex("1", "0")
    ('0.22 + 0.02h', '0.540 - 0.421h', '1')
    >>> _identity_tex("0", "3")
    '3h'
    """
    if c1 in ("0", "-0"):
        return c0
    term = (c1.lstrip("-") if c1.lstrip("-") != "1" else "") + "h"
    if c0 in ("0", "-0"):
        return ("-" if c1.startswith("-") else "") + term
    return f"{c0} {'-' if c1.startswith('-') else '+'} {term}"


def _zoom_format(zoom: float) -> str:
    if zoom >= 100:
        return f"{round(zoom, -int(math.floor(math.log10(zoom))) + 1):.0f}"
    if zoom >= 10:
        return f"{zoom:.0f}"
    return f"{zoom:.1f}"


class SecantToTangentJa(SecantToTangent):
    """Japanese, whatever ``config.language`` says."""

    language = "ja"
