"""The post's still figures, redrawn in the videos' style: static scenes saved with ``manim -s``.

``CurveFigure``            f on [x_min, x_max], with grid and the axis labels x and f(x)
``TangentAtX0Figure``      f and its tangent at ``config.secant.x0`` (the post's x = 3)
``TangentsFigure``         f and its tangents at ``config.function.tangent_points`` (3, 6, 9)
``DerivativeDefinitionFigure``  the limit definition, coloured like ``SecantToTangent``

Each is 1920x1080; ``manim -s -t`` gives a transparent background. Nothing is drawn in the
background colour (no halos, no opaque label boxes), so the transparent PNG has no dark patches.
Every number comes from :mod:`core`: the lines are the post's ``tangent(func, x)``, the slopes
written in the legends are :func:`core.calculus.stated_derivative` (exact to rounding, so
``1e6*x**2`` reads f'(3) = 6 × 10⁶, not the post's 6000000.05). Where f'(x0) does not exist
(``secant.x0`` on a corner or at an infinite slope) no tangent is drawn; the legend gives the
two one-sided slopes instead, f'₋(x0) and f'₊(x0).
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Dot, Line, Scene, VGroup

from core.calculus import one_sided_slopes, stated_derivative, stated_tangent, tangent
from core.tex import expression_to_tex
from scenes.kit import style
from scenes.kit.axes import fitted_axes
from scenes.kit.config import prepare_scene
from scenes.kit.formatting import format_short, number_tex, slope_line_tex
from scenes.kit.layout import keep_in_frame
from scenes.kit.lines import line_on_axes
from scenes.kit.typography import limit_formula, tex, text

__all__ = [
    "CurveFigure",
    "DerivativeDefinitionFigure",
    "FunctionFigure",
    "TangentAtX0Figure",
    "TangentsFigure",
]


def one_sided_tex(x0: float, left: float, right: float) -> str:
    """``f'_{-}(3) = -1.00,\\; f'_{+}(3) = 1.00``: the slopes from each side (a side where f
    is not defined is left out)."""
    parts = [
        f"f'_{{{sign}}}({format_short(x0)}) = {number_tex(value)}"
        for sign, value in (("-", left), ("+", right))
        if value == value  # not nan
    ]
    return r",\; ".join(parts)


class FunctionFigure(Scene):
    """Base of the plots: big axes fitted to f, the curve, and a legend row above the plot.

    Subclasses add to :meth:`extras`, which returns ``(mobjects, legend entries)``; a legend
    entry is ``(colour, LaTeX)``.

    Attributes set by ``construct`` (for tests): ``cfg``, ``f``, ``axes``, ``curve``, ``legend``.
    """

    language: str | None = None
    plot_size = (11.6, 5.7)

    def construct(self) -> None:
        cfg, self.tr = prepare_scene(self, self.language)
        self.cfg = cfg
        fn = cfg.function
        self.f = f = fn.f
        axes = fitted_axes(f, fn.x_min, fn.x_max, x_length=self.plot_size[0],
                           y_length=self.plot_size[1], max_x_ticks=12, max_y_ticks=8)
        # centre the plot area (not the labels) a little below the middle
        centre = (axes.c2p(axes.x_box[0], axes.y_box[0]) + axes.c2p(axes.x_box[1], axes.y_box[1]))
        axes.shift(np.array([0.1, -0.4, 0]) - centre / 2)
        keep_in_frame(axes)  # wide tick numbers (e.g. 25000) push the plot right
        self.axes = axes
        self.curve = axes.plot_function(f, fn.x_min, fn.x_max)
        mobjects, entries = self.extras()
        entries = [(style.CURVE, "f(x) = " + expression_to_tex(fn.expression)), *entries]
        rows = [
            VGroup(Line(LEFT * 0.3, RIGHT * 0.3, color=c, stroke_width=style.STROKE_LINE),
                   tex(s, color=c, size=style.SIZE_LABEL)).arrange(RIGHT, buff=0.2)
            for c, s in entries
        ]
        right = axes.c2p(axes.x_box[1], 0)[0]
        room = right - axes.y_label.get_right()[0] - 0.5
        legend = VGroup(*rows).arrange(RIGHT, buff=0.6)
        lowest = legend
        if legend.width > room and len(rows) > 1:
            # two lines, right-aligned, the lower one on the row of the y label
            half = (len(rows) + 1) // 2
            legend = VGroup(
                VGroup(*rows[:half]).arrange(RIGHT, buff=0.6),
                VGroup(*rows[half:]).arrange(RIGHT, buff=0.6),
            ).arrange(DOWN, aligned_edge=RIGHT, buff=0.22)
            lowest = legend[1]
        if legend.width > room and len(rows) > 2:
            # still too wide: one entry per line rather than smaller text
            legend = VGroup(*rows).arrange(DOWN, aligned_edge=RIGHT, buff=0.18)
            lowest = rows[-1]
        if legend.width > room:
            # never below the smallest text size: past that, the legend overhangs the y label
            legend.scale(max(room / legend.width, style.SIZE_SMALL / style.SIZE_LABEL))
        legend.align_to([right, 0, 0], RIGHT)
        legend.shift(UP * (axes.y_label.get_y() - lowest.get_y()))
        self.legend = legend
        self.add(axes, self.curve, *mobjects, legend)

    def extras(self) -> tuple[list, list[tuple[str, str]]]:
        """What to draw on top of the curve, and the legend entries for it."""
        return [], []


class CurveFigure(FunctionFigure):
    """The post's first plot: f on [x_min, x_max] with grid and axis labels."""


class TangentAtX0Figure(FunctionFigure):
    """f and its tangent at ``config.secant.x0`` (the post's ``tangent(func, 3.0)``).

    Where f'(x0) does not exist (``config.secant.differentiable`` is false) there is no tangent:
    the point, and the two one-sided slopes in the legend.

    Attributes: ``tangent_line`` (:class:`core.calculus.Line`, the post's, drawn) and
    ``stated_line`` (its slope from :func:`core.calculus.stated_derivative`, written), both None
    where f'(x0) does not exist; ``tangent_mob`` (the drawing, or None).
    """

    def extras(self):
        x0 = self.cfg.secant.x0
        y0 = float(self.f(x0))
        dot = Dot(self.axes.c2p(x0, y0), radius=style.DOT_RADIUS, color=style.POINT)
        if not self.cfg.secant.differentiable:
            self.tangent_line = self.stated_line = self.tangent_mob = None
            slopes = one_sided_slopes(self.f, x0)
            return [dot], [(style.POINT, one_sided_tex(x0, slopes.left, slopes.right))]
        self.tangent_line = line = tangent(self.f, x0)
        self.stated_line = stated = stated_tangent(self.f, x0)
        self.tangent_mob = line_on_axes(self.axes, line, color=style.TANGENT,
                                        stroke_width=style.STROKE_LINE)
        return [self.tangent_mob, dot], [
            (style.TANGENT, slope_line_tex(stated.slope, stated.intercept)),
        ]


class TangentsFigure(FunctionFigure):
    """f and its tangents at ``config.function.tangent_points``, each in its own colour, with
    its slope in the legend (the post's last figure).

    Attributes: ``tangent_lines``, ``tangent_mobs``.
    """

    def extras(self):
        points = self.cfg.function.tangent_points
        colours = [style.TANGENT_COLORS[i % len(style.TANGENT_COLORS)] for i in range(len(points))]
        self.tangent_lines = [tangent(self.f, p) for p in points]
        self.tangent_mobs = [
            line_on_axes(self.axes, line, color=c, stroke_width=style.STROKE_LINE)
            for line, c in zip(self.tangent_lines, colours, strict=True)
        ]
        dots = [
            Dot(self.axes.c2p(p, line.y0), radius=style.DOT_RADIUS, color=c)
            for p, line, c in zip(points, self.tangent_lines, colours, strict=True)
        ]
        # tangent points are validated: f' exists at each (core.config)
        entries = [
            (c, f"f'({format_short(p)}) = {number_tex(stated_derivative(self.f, p))}")
            for p, c in zip(points, colours, strict=True)
        ]
        return [*self.tangent_mobs, *dots], entries


class DerivativeDefinitionFigure(Scene):
    """The limit definition of the derivative, h and the rise coloured as in SecantToTangent,
    with a line of words under each coloured part."""

    language: str | None = None

    def construct(self) -> None:
        _, tr = prepare_scene(self, self.language)
        formula = limit_formula(size=96)
        formula.move_to(UP * 0.7)
        self.formula = formula
        h_note = VGroup(
            tex("h", color=style.H_LEG, size=style.SIZE_MATH + 4),
            text(tr("figure.def_colon"), size=style.SIZE_BODY + 4, color=style.TEXT_DIM),
            text(tr("figure.def_h"), size=style.SIZE_BODY + 4, color=style.TEXT),
        ).arrange(RIGHT, buff=0.2)
        rise_note = VGroup(
            tex("f(x+h) - f(x)", color=style.DF_LEG, size=style.SIZE_MATH + 4),
            text(tr("figure.def_colon"), size=style.SIZE_BODY + 4, color=style.TEXT_DIM),
            text(tr("figure.def_rise"), size=style.SIZE_BODY + 4, color=style.TEXT),
        ).arrange(RIGHT, buff=0.2)
        notes = VGroup(rise_note, h_note).arrange(DOWN, aligned_edge=LEFT, buff=0.4)
        notes.next_to(formula, DOWN, buff=0.9)
        if notes.width > 13:
            notes.scale_to_fit_width(13)
        self.notes = notes
        self.add(formula, notes)
