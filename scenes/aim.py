"""``AimTheCannon``: hitting a target with the derivative, and what that has to do with learning.

The post ends with: see where the ball landed, use the derivative, adjust the cannon, hit the
target. Here the cannon of ``bibun.toml`` fires at ``aim.first_angle_deg`` towards a target at
``aim.target`` and misses. Every record of :func:`core.aiming.aim` is one flight, and the
readouts show the numbers that give the next angle, so each step can be checked by hand:

``AimTheCannon`` (Newton's method)
    the inset plots the range R against the angle θ (:func:`core.aiming.landing_range`) with the
    tangent at the current angle; its slope dR/dθ (:func:`core.calculus.derivative`) gives the
    next angle θ − miss ÷ (dR/dθ), where the tangent meets the target. When that step would
    leave the bracket that holds the answer, ``aim`` halves the bracket instead, and the scene
    says so as it happens (caption and readout).
``AimTheCannonGradient`` (gradient descent)
    the inset plots the loss L(θ) = (R(θ) − target)² against θ; each shot is a point on it with
    its tangent, of slope dL/dθ = 2·miss·dR/dθ, and the step θ − η·dL/dθ is drawn along the
    θ axis. The learning rate η is one number for every shot, from
    :func:`core.aiming.safe_learning_rate`, and is shown with dL/dθ in the readouts.

A plot of the loss per shot fills in as the shots land, until the ball lands within a metre.
Both close by mapping the picture onto learning, one line at a time: the angle is a weight,
miss² the loss, dL/dθ what backpropagation computes, θ − η·dL/dθ the step SGD or Adam takes,
and Newton's division by the slope their second-order cousin. When a run needs many shots, the
first few are shown at full pace and the rest faster (still one flight each, every number
shown).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    ITALIC,
    LEFT,
    NORMAL,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    MathTex,
    Polygon,
    Rectangle,
    Rotate,
    Text,
    Triangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
)

from core.aiming import aim, landing_range
from core.ballistics import simulate
from core.calculus import line_through
from scenes.kit import style
from scenes.kit.axes import PlotAxes, nice_range
from scenes.kit.caption import BAND_TOP
from scenes.kit.formatting import decimals_needed, superscript
from scenes.kit.formatting import format_grouped as format_number
from scenes.kit.lesson import Lesson
from scenes.kit.lines import put_line_on_axes
from scenes.kit.text import Catalogue
from scenes.kit.typography import tex, text

__all__ = ["AimTheCannon", "AimTheCannonGradient", "format_distance", "format_eta"]

FRAME_W, FRAME_H = 14.222, 8.0
LEFT_X = -FRAME_W / 2 + style.MARGIN
RIGHT_X = FRAME_W / 2 - style.MARGIN
#: The readouts: labels and numbers in the style font, at one size.
ROW_SIZE = style.SIZE_READOUT_LABEL
ROW_GAP = 0.46
#: The loss plot's tick numbers, powers of ten whose exponents must stay legible.
LOG_TICK_SIZE = 29
#: The closing table: what each term is in a network (the terms at ``style.SIZE_BODY``).
MAP_SIZE = style.SIZE_BODY - 2

def format_eta(eta: float) -> str:
    """A learning rate of two significant figures as the scene writes it: ``2.3 × 10⁻⁵``.

    >>> format_eta(2.3e-05), format_eta(0.0012), format_eta(0.5)
    ('2.3 × 10⁻⁵', '1.2 × 10⁻³', '5.0 × 10⁻¹')
    """
    mantissa, exponent = f"{eta:.1e}".split("e")
    return f"{mantissa} × 10{superscript(int(exponent))}"


def format_distance(d: float) -> str:
    """A configured distance: ``3,000``, or ``3,604.6`` when it has a decimal.

    >>> format_distance(3000.0), format_distance(3604.6)
    ('3,000', '3,604.6')
    """
    return format_number(d, decimals_needed(d, most=1, tolerance=0))


def _slants(s: str) -> dict[str, str]:
    """Italics for the Greek variables and the R and L of dR/dθ, dL/dθ (as in the maths)."""
    out = {}
    for i, ch in enumerate(s):
        if ch in "θη":
            out[f"[{i}:{i + 1}]"] = ITALIC
        elif ch in "LR" and i > 0 and s[i - 1] == "d" and s[i + 1 : i + 2] == "/":
            out[f"[{i}:{i + 1}]"] = ITALIC
        elif ch == "m" and s[i - 1 : i] == "(" and s[i + 1 : i + 2] in ("²", ")"):
            out[f"[{i}:{i + 1}]"] = NORMAL  # the unit of "(m²)", not a variable
    return out


def words(s: str, size: float, color: str | None = None) -> Text:
    """:func:`scenes.kit.typography.text` with θ, η and the numerators of dR/dθ, dL/dθ in italic."""
    return text(s, size=size, color=color, t2s=_slants(s))


_FLAT = set("124nmxzrikhlbdfHIELTNMFKR")


@lru_cache(maxsize=8)
def _cjk_drop(size: float) -> float:
    """How far a kanji's bottom lies below the baseline at ``size``."""
    ref = Text("1射", font=style.FONT, font_size=size)
    return float(ref[0].get_bottom()[1] - ref[1].get_bottom()[1])


def baseline(t: Text, s: str) -> float:
    """The baseline of the Pango ``Text`` ``t`` showing ``s`` (spaces have no glyph)."""
    chars = [c for c in s if not c.isspace()]
    for ch, glyph in zip(chars, t, strict=False):
        if ch in _FLAT:
            return float(glyph.get_bottom()[1])
    for ch, glyph in zip(chars, t, strict=False):
        if ord(ch) >= 0x3000:
            return float(glyph.get_bottom()[1]) + _cjk_drop(t.font_size)
    return float(t.get_bottom()[1])


def _fade_to(mob: VMobject, opacity: float, *, stroke: bool = False) -> UpdateFromAlphaFunc:
    """Dim ``mob`` to ``opacity`` without copying it (``.animate`` deep-copies the mobject)."""
    start = mob.get_stroke_opacity() if stroke else mob.get_fill_opacity()

    def update(m: VMobject, alpha: float) -> None:
        value = start + (opacity - start) * alpha
        if stroke:
            m.set_stroke(opacity=value)
        else:
            m.set_opacity(value)

    return UpdateFromAlphaFunc(mob, update)


def _thousands(axes: PlotAxes, which: str) -> None:
    """Tick numbers of ``axes`` (``"x"`` or ``"y"``) with thousands separators, as on the
    readouts (2,000 beside 3,000 m)."""
    numbers = axes.x_numbers if which == "x" else axes.y_numbers
    ticks = axes.x_ticks if which == "x" else axes.y_ticks
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    decimals = decimals_needed(step, most=1, tolerance=0)
    new = []
    for old, value in zip(numbers, ticks, strict=True):
        s = format_number(float(value), decimals, minus="-", separator="{,}")
        mob = MathTex(s, font_size=old.font_size, color=style.TEXT_DIM)
        if which == "x":
            mob.move_to(old).align_to(old, UP)
        else:
            mob.move_to(old).align_to(old, RIGHT)
        new.append(mob)
    numbers.remove(*numbers.submobjects)
    numbers.add(*new)


class _Row(VGroup):
    """``label  value``: a readout row, label and value in the style font at one size; the
    value is rebuilt when it changes (once a shot), on the label's baseline."""

    def __init__(self, label: str, color: str | None = None) -> None:
        self.ink = style.TEXT if color is None else color
        self.label = words(label, ROW_SIZE, style.TEXT_DIM)
        self.label_string = label
        self.value = VGroup()
        self.string = ""
        self.value_x = 0.0
        super().__init__(self.label, self.value)

    def place(self, left: np.ndarray, value_x: float) -> _Row:
        """The label from ``left`` with its baseline a little below ``left``'s height (rows
        ``ROW_GAP`` apart then sit on evenly spaced baselines, descenders or not)."""
        self.label.move_to(left, aligned_edge=LEFT)
        self.label.shift(UP * (left[1] - 0.1 - baseline(self.label, self.label_string)))
        self.value_x = value_x
        return self

    def show(self, s: str, opacity: float = 1.0) -> _Row:
        """Show the value ``s`` (a new ``Text`` in place of the old one)."""
        self.string = s
        new = words(s, ROW_SIZE, self.ink)
        new.move_to(np.array([self.value_x, self.label.get_center()[1], 0.0]), aligned_edge=LEFT)
        new.shift(UP * (baseline(self.label, self.label_string) - baseline(new, s)))
        new.set_opacity(opacity)
        self.remove(self.value)
        self.value = new
        self.add(new)
        return self


class AimTheCannon(Lesson):
    """Fire, measure the miss, use the derivative, adjust: until the ball lands within ``tol``.

    :meth:`construct` lays the scene out (:meth:`lay_out`), then plays its beats: the field, one
    beat per shot (:meth:`fire_shots`), the hit, and the map onto learning, a beat per line.

    Attributes set while the scene plays (for tests)
    ------------------------------------------------
    result : core.aiming.AimResult
        The run replayed, one flight per record in ``result.steps``.
    launch : core.ballistics.Launch
        The cannon of the configuration, at the first guess of the angle.
    trajectories : list of core.ballistics.Trajectory
        ``simulate(launch.with_angle(step.angle_deg))`` for each step.
    landing_markers : list of Mobject
        The marker of each shot's landing point on the ground.
    world_to_point, point_to_world : callable
        The field's map between metres (x, y) and scene points, and back.
    inset, loss_axes : PlotAxes
        R against θ (Newton) or L against θ (gradient descent); log10 of the loss per shot.
    loss_dots : list of Dot
        One per shot, at (shot number, log10 loss).
    curve_dots : list of Dot
        Gradient descent: one per shot, at (θ, L) on the loss curve.
    shown : list of dict
        For each shot, the readouts as shown once its numbers are all up (row key -> text).
    bisections : list of int
        The shots (0-based) after which the bisection caption was shown.
    table : VGroup
        The closing map onto learning, one group (picture, meaning) per line.
    """

    #: ``"newton"`` or ``"gradient"``: how :func:`core.aiming.aim` turns slopes into angles.
    method = "newton"
    #: A hit is a landing within this many metres of the target.
    tol = 1.0
    max_iter = 60
    #: Shots shown at full pace (the last shot, and any bisection, at full pace too).
    full_shots = 3
    #: The fast shots share about this many seconds.
    fast_seconds = 6.0

    # ------------------------------------------------------------------ layout
    def _field(self, xspan: float, ymax: float) -> None:
        """Equal-aspect map from metres to the field region (bottom left)."""
        left, right = LEFT_X + 0.2, 1.9
        # the ground, its markers and the target's label clear of the caption band
        ground_y, top_y = BAND_TOP + 0.8, 0.3
        scale = min((right - left) / xspan, (top_y - ground_y) / ymax)
        origin = np.array([left, ground_y, 0.0])
        self.field_scale = scale
        self.field_origin = origin

        def world_to_point(x: float, y: float = 0.0) -> np.ndarray:
            return origin + scale * np.array([x, y, 0.0])

        def point_to_world(p: np.ndarray) -> tuple[float, float]:
            d = (np.asarray(p) - origin) / scale
            return float(d[0]), float(d[1])

        self.world_to_point = world_to_point
        self.point_to_world = point_to_world

    def _cannon(self, angle_deg: float) -> tuple[VGroup, Rectangle]:
        base = self.world_to_point(0.0, 0.0)
        barrel = Rectangle(width=0.55, height=0.13).set_fill(style.CANNON, 1).set_stroke(width=0)
        barrel.move_to(base + RIGHT * 0.275)
        barrel.rotate(math.radians(angle_deg), about_point=base)
        wheel = Circle(radius=0.12).set_fill(style.DARK_GREY, 1).set_stroke(style.CANNON, 2.5)
        wheel.move_to(base)
        return VGroup(barrel, wheel), barrel

    def _target_flag(self, target: float) -> VGroup:
        foot = self.world_to_point(target, 0.0)
        pole = Line(foot, foot + UP * 0.55).set_stroke(style.TARGET, 3)
        flag = Polygon(foot + UP * 0.55, foot + UP * 0.37 + RIGHT * 0.28, foot + UP * 0.19)
        flag.set_fill(style.TARGET, 1).set_stroke(width=0)
        return VGroup(pole, flag)

    def _angle_range(self, steps) -> tuple[float, float, float]:
        angles = [s.angle_deg for s in steps]
        if self.method == "newton":
            return nice_range(0.0, min(90.0, max(angles) * 1.35), max_ticks=4)
        # gradient descent: close around the shots, so that each step reads on the θ axis
        lo, hi = min(angles), max(angles)
        span = max(hi - lo, 1.0)
        return nice_range(max(0.0, lo - 0.35 * span), min(90.0, hi + 0.2 * span), max_ticks=4)

    def _inset(self, steps, tr: Catalogue) -> None:
        """Newton: R against θ, the target as a dashed line. Gradient: L against θ."""
        xr = self._angle_range(steps)
        grid = np.linspace(max(0.25, xr[0]), min(xr[1], 89.75), 80)
        ranges = np.asarray(landing_range(self.launch, grid), dtype=float)
        if self.method == "newton":
            values = ranges
            y_hi = max(float(ranges.max()), self.target) * 1.05
            y_label = r"R\,(\mathrm{m})"
        else:
            values = (ranges - self.target) ** 2
            y_hi = max(s.loss for s in steps) * 1.3
            y_label = None  # in the title: the curve may pass where the label would sit
        yr = nice_range(0.0, y_hi, max_ticks=3)
        inset = PlotAxes(
            xr,
            yr,
            x_length=3.6,
            y_length=2.2,
            x_label=r"\theta\,(^\circ)",
            y_label=y_label,
            number_size=style.SIZE_SMALL - 4,
            label_size=style.SIZE_SMALL,
        )
        _thousands(inset, "y")
        inset.x_label.next_to(inset.x_numbers[-1], DOWN, buff=0.08).align_to(
            inset.x_numbers[-1], RIGHT
        )
        if y_label:
            inset.y_label.next_to(inset.c2p(xr[0], yr[1]), RIGHT, buff=0.15).align_to(
                inset.c2p(xr[0], yr[1]), UP
            )
        inset.to_corner(RIGHT + UP, buff=style.MARGIN).shift(DOWN * 0.6)
        # the curve where it lies inside the plot (the loss leaves it at the top)
        inside = values <= yr[1]
        pieces = VGroup()
        start = None
        for k in range(len(grid) + 1):
            if k < len(grid) and inside[k]:
                start = k if start is None else start
            elif start is not None:
                if k - start >= 2:
                    pts = inset.c2p_array(grid[start:k], values[start:k])
                    pieces.add(VMobject().set_points_smoothly(pts))
                start = None
        color = style.TRAJECTORY if self.method == "newton" else style.MISS
        pieces.set_stroke(color, style.STROKE_THIN + 0.5)
        self.inset_curve = pieces
        if self.method == "newton":
            target_line = DashedLine(
                inset.c2p(xr[0], self.target),
                inset.c2p(xr[1], self.target),
                dash_length=style.DASH_LENGTH * 0.7,
            )
            target_line.set_stroke(style.TARGET, style.STROKE_THIN)
            title = words(tr("aim.inset_title"), style.SIZE_SMALL, style.TEXT)
        else:
            target_line = VGroup()
            title = words(tr("aim.loss_curve_title"), style.SIZE_SMALL, style.TEXT)
        title.next_to(inset, UP, buff=0.12).align_to(inset, RIGHT)
        self.inset = inset
        self.inset_target = target_line
        self.inset_title = title

    def _loss_axes(self, steps, tr: Catalogue) -> None:
        losses = np.array([max(s.loss, 1e-300) for s in steps])
        lo = math.floor(math.log10(losses.min()))
        hi = math.ceil(math.log10(losses.max()))
        if hi - lo < 2:
            lo = hi - 2
        span = hi - lo
        ystep = 1 if span <= 4 else 2 if span <= 8 else 4 if span <= 16 else 8
        lo = ystep * math.floor(lo / ystep)
        hi = ystep * math.ceil(hi / ystep)
        n = len(steps)
        xr = nice_range(0.0, float(max(n, 2)), max_ticks=5)
        if xr[2] < 1:  # shots are whole numbers
            xr = (0.0, float(max(n, 2)), 1.0)
        axes = PlotAxes(
            xr,
            (lo, hi, ystep),
            x_length=3.6,
            y_length=1.6,
            x_label=None,
            y_label=None,
            number_size=style.SIZE_SMALL - 4,
        )
        # tick numbers as powers of ten
        new = VGroup()
        for y in axes.y_ticks:
            # the exponent is set at 70 %: 29 keeps it at 20 px or more at 720p
            label = tex(rf"10^{{{int(round(y))}}}", size=LOG_TICK_SIZE, color=style.TEXT_DIM)
            label.next_to(axes.c2p(xr[0], y), LEFT, buff=0.12)
            new.add(label)
        axes.y_numbers.remove(*axes.y_numbers.submobjects)
        axes.y_numbers.add(*new)
        axes.zero_line.set_opacity(0)  # log10(loss) = 0 is not a special line
        # its x label clear of the caption band
        axes.to_corner(RIGHT + DOWN, buff=style.MARGIN).shift(UP * 1.6)
        title = words(tr("aim.loss_title"), style.SIZE_SMALL, style.TEXT)
        title.next_to(axes, UP, buff=0.12).align_to(axes, RIGHT)
        xlabel = words(tr("aim.loss_x"), style.SIZE_SMALL, style.TEXT_DIM)
        xlabel.next_to(axes.x_numbers, DOWN, buff=0.06).align_to(axes, RIGHT)
        self.loss_axes = axes
        self.loss_title = VGroup(title, xlabel)

    def _readouts(self, tr: Catalogue) -> None:
        gradient = self.method == "gradient"
        rows = {
            "shot": _Row(tr("aim.shot")),
            "angle": _Row(tr("aim.angle")),
            "landed": _Row(tr("aim.landing")),
            "miss": _Row(tr("aim.miss"), style.MISS),
            "slope": _Row(tr("aim.slope"), style.VELOCITY),
        }
        if gradient:
            rows["grad"] = _Row(tr("aim.grad"), style.MISS)
            rows["eta"] = _Row(tr("aim.eta"), style.TEXT)
        rows["next"] = _Row(tr("aim.next"), style.OPTIMUM)
        keys = list(rows)
        per_column = 4 if gradient else 3
        columns = [keys[:per_column], keys[per_column:]]
        top = self.readout_top
        for c, col in enumerate(columns):
            x = LEFT_X + (4.0 if c else 0.0)
            label_w = max(rows[k].label.width for k in col) + 0.25
            for i, k in enumerate(col):
                rows[k].place(np.array([x, top - ROW_GAP * i, 0.0]), x + label_w)
        self.rows = rows

    def caption_words(self, line: str) -> Text:
        """A caption line with θ, η and dR/dθ's R in italic, as in the maths."""
        return words(line, style.SIZE_BODY, style.TEXT)

    # ------------------------------------------------------------------ numbers as shown
    def _values(self, i: int) -> dict[str, str]:
        """Every readout of shot ``i`` as the scene writes it."""
        step, tr = self.steps[i], self.tr
        out = {
            "shot": tr("aim.shot_n", n=i + 1),
            "angle": f"{format_number(step.angle_deg, 2)}°",
            "landed": f"{format_number(step.landing, 2)} m",
            "miss": f"{format_number(step.miss, 2, signed=True)} m",
            "slope": f"{format_number(step.slope, 2)} m/°",
        }
        if self.method == "gradient":
            out["grad"] = f"{format_number(step.gradient, 1, signed=True)} m²/°"
            out["eta"] = f"{format_eta(self.result.learning_rate)} °²/m²"
        if i + 1 < len(self.steps):
            a = f"{format_number(self.steps[i + 1].angle_deg, 2)}°"
            out["next"] = tr("aim.next_halved", a=a) if step.update == "bisection" else a
        return out

    def _tangent(self, step, half_width: float = 0.9) -> VGroup:
        inset = self.inset
        if self.method == "newton":
            y, slope = step.landing, step.slope
        else:
            y, slope = step.loss, step.gradient
        line = line_through(step.angle_deg, y, slope)
        seg = Line(ORIGIN, RIGHT).set_stroke(style.VELOCITY, style.STROKE_LINE - 1)
        put_line_on_axes(seg, inset, line, center=step.angle_deg, length=2 * half_width)
        dot = Dot(inset.c2p(step.angle_deg, min(y, inset.y_box[1])),
                  radius=style.DOT_RADIUS_SMALL, color=style.TEXT)
        return VGroup(seg, dot)

    def _correction(self, step, next_angle: float) -> VGroup:
        """Newton: the tangent followed down to the target line, and down to the θ axis (on a
        bisection, the middle of the bracket instead). Gradient: an arrow along the θ axis
        from θ to θ − η·dL/dθ."""
        inset = self.inset
        y0 = inset.y_box[0]
        if self.method == "newton":
            line = line_through(step.angle_deg, step.landing, step.slope)
            predicted = step.angle_deg - step.miss / step.slope
            lo, hi = sorted((step.angle_deg, predicted))
            seg = Line(ORIGIN, RIGHT).set_stroke(style.VELOCITY, style.STROKE_THIN)
            put_line_on_axes(seg, inset, line, x_range=(lo, hi))
            if step.update == "bisection":  # the bracket's middle, on the θ axis
                mark = Dot(inset.c2p(next_angle, y0), radius=style.DOT_RADIUS_SMALL,
                           color=style.OPTIMUM)
                return VGroup(seg, mark)
            drop = DashedLine(
                inset.c2p(next_angle, self.target), inset.c2p(next_angle, y0), dash_length=0.06
            ).set_stroke(style.OPTIMUM, style.STROKE_THIN)
            mark = Dot(
                inset.c2p(next_angle, self.target),
                radius=style.DOT_RADIUS_SMALL,
                color=style.OPTIMUM,
            )
            return VGroup(seg, drop, mark)
        a = inset.c2p(step.angle_deg, y0) + UP * 0.12
        b = inset.c2p(next_angle, y0) + UP * 0.12
        arrow = Line(a, b).set_stroke(style.OPTIMUM, style.STROKE_LINE - 1)
        if np.linalg.norm(b - a) > 0.12:
            arrow.add_tip(tip_length=0.12, tip_width=0.12)
        mark = Dot(inset.c2p(next_angle, y0), radius=style.DOT_RADIUS_SMALL, color=style.OPTIMUM)
        return VGroup(arrow, mark)

    def _loss_dot(self, i: int, step) -> Dot:
        y = math.log10(max(step.loss, 1e-300))
        y = min(max(y, self.loss_axes.y_box[0]), self.loss_axes.y_box[1])
        return Dot(self.loss_axes.c2p(i + 1, y), radius=style.DOT_RADIUS_SMALL, color=style.MISS)

    def _curve_dot(self, step) -> Dot:
        """Gradient descent: the shot's point (θ, L) on the loss curve."""
        y = min(step.loss, self.inset.y_box[1])
        return Dot(self.inset.c2p(step.angle_deg, y), radius=style.DOT_RADIUS_SMALL,
                   color=style.MISS)

    # ------------------------------------------------------------------ the scene
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_field,
            self.fire_shots,  # a beat per shot: the miss, the slope, the correction
            self.show_hit,
            self.map_weight,  # the map onto learning, a beat per line
            self.map_loss,
            self.map_backpropagation,
            self.map_learning_rate_step,
            self.map_newton,
        )

    def lay_out(self) -> None:
        """Run the aim and build the field, the plots and the readouts; nothing is played yet."""
        cfg, tr = self.cfg, self.tr
        self.target = target = float(cfg.aim.target)
        self.launch = launch = cfg.cannon.launch.with_angle(cfg.aim.first_angle_deg)
        # gradient descent: a fixed rate that cannot work here raises LearningRateError now,
        # before anything is drawn
        self.result = result = aim(
            launch, target, method=self.method, tol=self.tol, max_iter=self.max_iter
        )
        if not result.converged:
            raise ValueError(
                f"aim: {self.method} does not land within {self.tol:g} m of {target:g} m in "
                f"{self.max_iter} shots from {cfg.aim.first_angle_deg:g} deg; choose a first "
                f"guess (aim.first_angle_deg) nearer the answer"
            )
        self.steps = steps = result.steps
        self.trajectories = trajs = [simulate(launch.with_angle(s.angle_deg)) for s in steps]

        xspan = max(target, max(t.range for t in trajs)) * 1.1
        ymax = max(t.max_height for t in trajs) * 1.1
        self._field(xspan, max(ymax, 1.0))
        self._inset(steps, tr)
        self._loss_axes(steps, tr)

        # --- the field
        title = words(tr("aim.title"), style.SIZE_TITLE, style.TEXT)
        title.to_corner(LEFT + UP, buff=style.MARGIN)
        subtitle = words(tr(f"aim.method.{self.method}"), style.SIZE_SMALL, style.TEXT_DIM)
        subtitle.next_to(title, DOWN, buff=0.12, aligned_edge=LEFT)
        self.readout_top = subtitle.get_bottom()[1] - 0.4
        self._readouts(tr)
        ground = Line(self.world_to_point(-xspan * 0.02, 0), self.world_to_point(xspan, 0))
        ground.set_stroke(style.GROUND, style.STROKE_AXIS + 1)
        cannon, barrel = self._cannon(steps[0].angle_deg)
        self.barrel = barrel
        flag = self._target_flag(target)
        flag_label = words(tr("aim.target", d=format_distance(target)), style.SIZE_SMALL,
                           style.TARGET)
        flag_label.next_to(self.world_to_point(target, 0.0), DOWN, buff=0.42)
        if flag_label.get_right()[0] > 2.3:
            flag_label.shift(LEFT * (flag_label.get_right()[0] - 2.3))
        if flag_label.get_left()[0] < LEFT_X:
            flag_label.shift(RIGHT * (LEFT_X - flag_label.get_left()[0]))
        self.title, self.subtitle, self.ground, self.cannon = title, subtitle, ground, cannon
        self.flag, self.flag_label = flag, flag_label

        # --- the shots: the first few, the last and any bisection at full pace, others faster
        n = len(steps)
        self.full_pace = (
            set(range(min(self.full_shots, n)))
            | {n - 1}
            | {i for i, s in enumerate(steps) if s.update == "bisection"}
        )
        n_fast = n - len(self.full_pace)
        self.fast_time = float(np.clip(self.fast_seconds / max(n_fast, 1), 0.7, 2.0))
        self.landing_markers: list[VGroup] = []
        self.loss_dots: list[Dot] = []
        self.curve_dots: list[Dot] = []
        self.trails: list[VMobject] = []
        self.shown: list[dict[str, str]] = []
        self.bisections: list[int] = []
        self.plot_extras: list[VMobject] = []  # loss-plot segments, the last point
        self.current_angle = steps[0].angle_deg
        self.shot_tangent: VGroup | None = None
        self.shot_correction: VGroup | None = None
        self.miss_arrow: VGroup | None = None
        self.shown_inset = False
        self.said_faster = False
        self._table(tr)

    def _table(self, tr: Catalogue) -> None:
        """The closing map onto learning: a header and five rows, each the picture's term
        (left, in its colour) and what it is in a neural network (right), above the field."""
        colors = (style.TEXT, style.MISS, style.VELOCITY, style.TARGET, style.TRAJECTORY)
        keys = ("weight", "loss", "backprop", "step", "newton")
        pictures = [words(tr(f"aim.map.{k}.picture"), style.SIZE_BODY, c)
                    for k, c in zip(keys, colors, strict=True)]
        meanings = [words(tr(f"aim.map.{k}.meaning"), MAP_SIZE, style.TEXT) for k in keys]
        head_l = words(tr("aim.map.here"), style.SIZE_SMALL, style.TEXT_DIM)
        head_r = words(tr("aim.map.network"), style.SIZE_SMALL, style.TEXT_DIM)
        left = LEFT_X
        right = left + max(p.width for p in pictures) + 0.5
        top = self.subtitle.get_bottom()[1] - 0.3
        head_l.move_to(np.array([left, top, 0]), aligned_edge=LEFT + UP)
        head_r.move_to(np.array([right, top, 0]), aligned_edge=LEFT + UP)
        head_r.shift(UP * (baseline(head_l, tr("aim.map.here"))
                           - baseline(head_r, tr("aim.map.network"))))
        rule_y = min(head_l.get_bottom()[1], head_r.get_bottom()[1]) - 0.1
        rule = Line(np.array([left, rule_y, 0]), np.array([RIGHT_X, rule_y, 0]))
        rule.set_stroke(style.TEXT_DIM, 1.5)
        # rows on evenly spaced baselines, spread down to just above the highest flight
        floor = max(self.world_to_point(0.0, t.max_height)[1] for t in self.trajectories) + 0.3
        first = rule.get_center()[1] - 0.45
        pitch = float(np.clip((first - floor) / 4, 0.5, 0.62))
        lines = VGroup()
        for k, (key, picture, meaning) in enumerate(zip(keys, pictures, meanings, strict=True)):
            base = first - k * pitch
            for mob, string in ((picture, tr(f"aim.map.{key}.picture")),
                                (meaning, tr(f"aim.map.{key}.meaning"))):
                mob.move_to(np.array([left if mob is picture else right, base, 0]),
                            aligned_edge=LEFT)
                mob.shift(UP * (base - baseline(mob, string)))
            lines.add(VGroup(picture, meaning))
        self.table_title = VGroup(head_l, head_r, rule)
        self.table = lines
        whole = VGroup(self.table_title, lines)
        widest = max(m.get_right()[0] for m in [head_r, *meanings])
        if widest > RIGHT_X:  # a long meaning: the table shrinks to the frame, from its corner
            whole.scale((RIGHT_X - left) / (widest - left),
                        about_point=head_l.get_corner(UP + LEFT))

    # --- the beats ---------------------------------------------------------------------------
    def show_field(self) -> None:
        """The cannon, the target, and the first guess of the angle."""
        self.add(self.title)
        self.play(
            FadeIn(self.subtitle),
            Create(self.ground),
            FadeIn(self.cannon),
            FadeIn(self.flag),
            FadeIn(self.flag_label),
            run_time=1.2,
        )
        self.say(
            "aim.intro",
            d=format_distance(self.target),
            a=format_number(self.steps[0].angle_deg, 2),
        )
        rows, values = self.rows, self._values(0)
        self._put("shot", values["shot"])
        self._put("angle", values["angle"])
        self.play(FadeIn(rows["shot"]), FadeIn(rows["angle"]), run_time=style.SHORT)
        self.wait(style.BEAT)

    def fire_shots(self) -> None:
        """Shot after shot, each a beat: where it lands, then the slope and the correction."""
        last = len(self.steps) - 1
        for i in range(last + 1):
            if i:
                self.end_beat()
            self._aim_shot(i)
            self._fire(i)
            self._land(i)
            if i == last:
                self._mark_last(i)
            elif self.method == "newton":
                self._newton_step(i)
            else:
                self._gradient_step(i)
            keys = ("shot", "angle", "landed", "miss") if i == last else tuple(self.rows)
            self.shown.append({k: self.rows[k].string for k in keys})

    def show_hit(self) -> None:
        """The ball lands within ``tol`` metres of the target."""
        n = len(self.steps)
        ring = Circle(radius=0.35).set_stroke(style.HIGHLIGHT, style.STROKE_LINE)
        ring.move_to(self.world_to_point(self.target, 0.0) + UP * 0.2)
        self.play(Create(ring), run_time=style.SHORT * 1.5)
        self.say("aim.hit", m=f"{self.tol:g}", n=n)
        self.mark_poster()  # the key frame: every shot, the hit, both plots
        self.wait(style.READ)

    # the map onto learning: the plots make way for a table that builds up, a line a beat
    def _map_line(self, k: int, key: str) -> None:
        self.say(f"aim.map.{key}")
        self.play(FadeIn(self.table[k], shift=LEFT * 0.15), run_time=1.5)

    def map_weight(self) -> None:
        """The angle θ is a weight of the network."""
        plots = VGroup(self.inset, self.inset_curve, self.inset_target, self.inset_title,
                       self.loss_axes, self.loss_title, *self.loss_dots, *self.curve_dots)
        for mob in (self.shot_tangent, self.shot_correction):
            if mob is not None:
                plots.add(mob)
        plots.add(*self.plot_extras)
        plots.add(*[self.rows[k] for k in ("shot", "angle", "landed", "miss")])
        self.play(FadeOut(plots), run_time=style.SHORT)
        self.play(FadeIn(self.table_title), run_time=style.SHORT)
        self._map_line(0, "weight")

    def map_loss(self) -> None:
        """miss² is the loss."""
        self._map_line(1, "loss")

    def map_backpropagation(self) -> None:
        """dL/dθ is what backpropagation computes, for every weight."""
        self._map_line(2, "backprop")

    def map_learning_rate_step(self) -> None:
        """θ − η·dL/dθ is the step SGD or Adam takes."""
        self._map_line(3, "step")

    def map_newton(self) -> None:
        """Dividing by the slope (Newton's method) is the second-order cousin."""
        self._map_line(4, "newton")

    # --- the steps of a shot -----------------------------------------------------------------
    def _aim_shot(self, i: int) -> None:
        """Turn the barrel to shot ``i``'s angle, update the readouts, clear the last helpers."""
        step, rows, is_full = self.steps[i], self.rows, i in self.full_pace
        pre = []
        if self.miss_arrow is not None:
            pre.append(FadeOut(self.miss_arrow))
        for mob in (self.shot_tangent, self.shot_correction):
            if mob is not None:
                pre.append(FadeOut(mob))
        self.shot_tangent = self.shot_correction = None
        for tr_old in self.trails[-1:]:
            pre.append(_fade_to(tr_old, 0.25, stroke=True))
        for dot in self.curve_dots[-1:]:
            pre.append(_fade_to(dot, 0.45))
        base = self.world_to_point(0.0, 0.0)
        d_angle = step.angle_deg - self.current_angle
        if i > 0:
            values = self._values(i)
            self._put("shot", values["shot"])
            self._put("angle", values["angle"])
            pre.append(Rotate(self.barrel, math.radians(d_angle), about_point=base))
            for key in rows:
                if key not in ("shot", "angle", "eta"):
                    rows[key].value.set_opacity(0.35)
        self.current_angle = step.angle_deg
        if not is_full and not self.said_faster:
            self.said_faster = True
            self.say("aim.faster")
        if pre:
            self.play(*pre, run_time=style.SHORT if is_full else self.fast_time * 0.2)

    def _fire(self, i: int) -> None:
        """Fly shot ``i``, leaving its trail."""
        flight_time = 1.5 if i in self.full_pace else self.fast_time * 0.4
        self.trails.append(self._flight(self.trajectories[i], flight_time))

    def _flight(self, traj, run_time: float) -> VMobject:
        """Fly the ball along ``traj`` (in real time proportion) leaving a trail."""
        n = len(traj.t)
        pts = np.array([self.world_to_point(x, y) for x, y in zip(traj.x, traj.y, strict=True)])
        trail = VMobject().set_stroke(style.TRAJECTORY, style.STROKE_LINE)
        trail.set_points_as_corners([pts[0], pts[0]])
        ball = Dot(pts[0], radius=style.DOT_RADIUS, color=style.TEXT)
        self.add(trail, ball)
        idx = np.arange(n, dtype=float)
        t_end = float(traj.t[-1])

        def update(group: VGroup, alpha: float) -> None:
            k = float(np.interp(alpha * t_end, traj.t, idx))
            j = int(k)
            if j >= n - 1:
                p, corners = pts[-1], pts
            else:
                p = pts[j] + (pts[j + 1] - pts[j]) * (k - j)
                corners = np.vstack([pts[: j + 1], p])
            if len(corners) < 2:
                corners = np.vstack([corners, corners])
            trail.set_points_as_corners(corners)
            ball.move_to(p)

        self.play(UpdateFromAlphaFunc(VGroup(trail, ball), update, rate_func=linear),
                  run_time=run_time)
        self.remove(ball)
        return trail

    def _landing_marker(self, x: float) -> VGroup:
        p = self.world_to_point(x, 0.0)
        tri = Triangle().scale(0.09).set_fill(style.MISS, 1).set_stroke(width=0)
        tri.rotate(math.pi)  # pointing down onto the ground
        tri.move_to(p + UP * 0.1)
        return tri

    def _miss_arrow(self, landing: float) -> VGroup:
        a = self.world_to_point(landing, 0.0) + DOWN * 0.22
        b = self.world_to_point(self.target, 0.0) + DOWN * 0.22
        bar = Line(a, b).set_stroke(style.MISS, style.STROKE_THIN)
        ends = VGroup(Line(a + UP * 0.08, a + DOWN * 0.08), Line(b + UP * 0.08, b + DOWN * 0.08))
        ends.set_stroke(style.MISS, style.STROKE_THIN)
        return VGroup(bar, ends)

    def _land(self, i: int) -> None:
        """Shot ``i``'s landing marker, its miss, and its loss on the loss plot."""
        step, rows, is_full = self.steps[i], self.rows, i in self.full_pace
        values = self._values(i)
        landing = self.trajectories[i].range
        marker = self._landing_marker(landing)
        self.landing_markers.append(marker)
        self.miss_arrow = self._miss_arrow(landing)
        ldot = self._loss_dot(i, step)
        self.loss_dots.append(ldot)
        self._put("landed", values["landed"])
        self._put("miss", values["miss"])
        land_anims = [
            FadeIn(marker, shift=DOWN * 0.1),
            Create(self.miss_arrow),
        ]
        if i == 0:
            land_anims += [FadeIn(rows["landed"]), FadeIn(rows["miss"])]
        else:
            land_anims += [FadeIn(rows["landed"].value), FadeIn(rows["miss"].value)]
        if i > 0:
            for old in self.landing_markers[-2:-1]:
                land_anims.append(_fade_to(old, 0.35))
        if self.method == "gradient" and self.shown_inset:
            cdot = self._curve_dot(step)
            self.curve_dots.append(cdot)
            land_anims.append(FadeIn(cdot, scale=1.5))
        if i == 0:
            self.play(*land_anims, run_time=style.SHORT * 1.5)
            self.say("aim.first_miss", m=format_number(abs(step.miss), 2))
            self.wait(style.READ)
            self.play(
                FadeIn(self.loss_axes),
                FadeIn(self.loss_title),
                FadeIn(ldot),
                run_time=style.SHORT * 1.5,
            )
            if self.method == "gradient":  # the empty loss-curve plot, drawn in the next beat
                self.wait(style.BEAT * 0.5)
                self.play(FadeIn(self.inset), FadeIn(self.inset_title), run_time=style.SHORT)
        else:
            land_anims.append(FadeIn(ldot, scale=1.5))
            seg = Line(self.loss_dots[-2].get_center(), ldot.get_center())
            seg.set_stroke(style.MISS, style.STROKE_THIN, opacity=0.7)
            self.plot_extras.append(seg)
            land_anims.append(Create(seg))
            self.play(*land_anims, run_time=style.SHORT if is_full else self.fast_time * 0.15)

    def _mark_last(self, i: int) -> None:
        """The last shot: its point on the curve, in place of the slope and correction."""
        step, rows = self.steps[i], self.rows
        y = step.landing if self.method == "newton" else min(step.loss, self.inset.y_box[1])
        final_dot = Dot(self.inset.c2p(step.angle_deg, y), radius=style.DOT_RADIUS_SMALL,
                        color=style.HIGHLIGHT)
        self.plot_extras.append(final_dot)
        fade = [rows[k] for k in rows if k not in ("shot", "angle", "landed", "miss")]
        self.play(FadeOut(VGroup(*fade)), FadeIn(final_dot), run_time=style.SHORT)

    def _put(self, key: str, s: str) -> None:
        """Show ``s`` in row ``key`` (the old value leaves the scene too)."""
        row = self.rows[key]
        old = row.value
        row.show(s)
        self.remove(old)

    def _show_rows(self, i: int, keys: tuple[str, ...]) -> list:
        """Set rows ``keys`` to shot ``i``'s values; the animations that bring them in."""
        values, anims = self._values(i), []
        for k in keys:
            row = self.rows[k]
            first = not row.string
            self._put(k, values[k])
            anims.append(FadeIn(row if first else row.value))
        return anims

    def _first_inset(self) -> None:
        self.shown_inset = True
        self.play(
            FadeIn(self.inset),
            FadeIn(self.inset_title),
            FadeIn(self.inset_target),
            run_time=style.SHORT,
        )
        self.play(Create(self.inset_curve), run_time=1.2)

    def _newton_step(self, i: int) -> None:
        """Shot ``i``'s tangent on the range curve, and the next angle it gives (or the
        bracket's middle, said as it happens)."""
        step, is_full = self.steps[i], i in self.full_pace
        next_angle = self.steps[i + 1].angle_deg
        self.shot_tangent = tangent = self._tangent(step)
        self.shot_correction = correction = self._correction(step, next_angle)
        bisect = step.update == "bisection"
        if not self.shown_inset:
            self._first_inset()
            self.say("aim.tangent")
            self.play(Create(tangent), *self._show_rows(i, ("slope",)), run_time=style.SHORT * 1.5)
            self.wait(style.READ)
            if bisect:  # the tangent's own step is not taken: say so, not "the next angle"
                self.bisections.append(i)
                self.say("aim.bisect")
            else:
                self.say("aim.newton_step")
            self.play(Create(correction), *self._show_rows(i, ("next",)), run_time=1.0)
            self.wait(style.READ)
            self.say("aim.repeat")
        elif is_full:
            self.play(Create(tangent), *self._show_rows(i, ("slope",)), run_time=style.SHORT)
            self.play(Create(correction), *self._show_rows(i, ("next",)),
                      run_time=style.SHORT * 1.5)
            if bisect:
                self._bisect_caption(i)
            self.wait(style.BEAT * 0.3)
        else:
            self.play(FadeIn(tangent), FadeIn(correction),
                      *self._show_rows(i, ("slope", "next")), run_time=self.fast_time * 0.2)

    def _bisect_caption(self, i: int) -> None:
        self.bisections.append(i)
        self.say("aim.bisect")
        self.wait(style.READ)

    def _gradient_step(self, i: int) -> None:
        """Shot ``i`` on the loss curve: its tangent (slope dL/dθ) and the step −η·dL/dθ."""
        step, is_full = self.steps[i], i in self.full_pace
        next_angle = self.steps[i + 1].angle_deg
        if not self.shown_inset:
            self.say("aim.loss_curve")
            self.shown_inset = True
            self.play(Create(self.inset_curve), run_time=2.0)  # drawn while the caption is read
            cdot = self._curve_dot(step)
            self.curve_dots.append(cdot)
            self.play(FadeIn(cdot, scale=1.5), run_time=style.SHORT)
            self.wait(style.BEAT)
        self.shot_tangent = tangent = self._tangent(step)
        self.shot_correction = correction = self._correction(step, next_angle)
        if i == 0:
            self.say("aim.gradient_slope")
            self.play(Create(tangent), *self._show_rows(i, ("slope", "grad")),
                      run_time=style.SHORT * 1.5)
            self.wait(style.READ)
            self.say("aim.gradient_step", eta=format_eta(self.result.learning_rate))
            self.play(*self._show_rows(i, ("eta",)), run_time=style.SHORT)
            self.play(Create(correction), *self._show_rows(i, ("next",)), run_time=1.0)
            self.wait(style.READ)
            self.say("aim.eta_choice")
            self.wait(style.BEAT)
            self.play(Indicate(self.rows["eta"].value, color=style.HIGHLIGHT, scale_factor=1.0),
                      run_time=1.2)
            self.say("aim.repeat")
        elif is_full:
            self.play(Create(tangent), *self._show_rows(i, ("slope", "grad")),
                      run_time=style.SHORT)
            self.play(Create(correction), *self._show_rows(i, ("eta", "next")),
                      run_time=style.SHORT * 1.5)
            self.wait(style.BEAT * 0.3)
        else:
            self.play(FadeIn(tangent), FadeIn(correction),
                      *self._show_rows(i, ("slope", "grad", "eta", "next")),
                      run_time=self.fast_time * 0.25)


class AimTheCannonGradient(AimTheCannon):
    """The same target by plain gradient descent on the loss miss², at one fixed rate."""

    method = "gradient"
