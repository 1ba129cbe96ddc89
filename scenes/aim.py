"""``AimTheCannon``: hitting a target with the derivative, the way a network learns.

The post ends with: see where the ball landed, use the derivative, adjust the cannon, hit the
target. Here the cannon of ``bibun.toml`` fires at ``aim.first_angle_deg`` towards a target at
``aim.target`` and misses; the inset plots the range R against the angle θ (from
:func:`core.aiming.landing_range`) with the tangent at the current angle, whose slope dR/dθ (from
:func:`core.calculus.derivative`, via :func:`core.aiming.aim`) gives the correction. Every record
of :func:`core.aiming.aim` is one flight; a small plot of the loss miss² per shot fills in as the
shots land, until the ball lands within a metre. It closes on the link to the series: an
optimizer such as Adam does the same with the gradients that backpropagation computes.

``AimTheCannonGradient`` is the same scene with ``method = "gradient"`` (gradient descent on
miss²), so a lecturer can compare how many shots each needs. When a run needs many shots, the
first few are shown at full pace and the rest faster (still one flight each).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Line,
    Polygon,
    Rectangle,
    Rotate,
    Triangle,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
)

from core.aiming import aim, landing_range
from core.ballistics import simulate
from core.calculus import Line as DataLine
from scenes import style
from scenes.common import (
    GlyphNumber,
    PlotAxes,
    nice_range,
    prepare_scene,
    put_line_on_axes,
    tex,
    text,
)
from scenes.lesson import Lesson
from scenes.text import Catalogue

__all__ = ["AimTheCannon", "AimTheCannonGradient"]

FRAME_W, FRAME_H = 14.222, 8.0
LEFT_X = -FRAME_W / 2 + style.MARGIN
RIGHT_X = FRAME_W / 2 - style.MARGIN


def _miss_fmt(v: float) -> str:
    """Metres: whole metres when far off, millimetres close to the target (no "-0.000")."""
    if abs(v) >= 10:
        return f"{v:+.0f}"
    s = f"{v:+.3f}" if abs(v) < 1 else f"{v:+.2f}"
    return s[1:] if float(s) == 0 else s


def _fixed(d: int) -> Callable[[float], str]:
    return lambda v: f"{v:.{d}f}"


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


def _data_line(x0: float, y0: float, slope: float) -> DataLine:
    return DataLine(x0=x0, y0=y0, slope=slope, intercept=y0 - slope * x0)


class _Row(VGroup):
    """``label  number unit``: a static label and unit around a cheap live number."""

    def __init__(
        self,
        label: str,
        unit: str,
        fmt: Callable[[float], str],
        value: float,
        color: str | None = None,
    ) -> None:
        color = style.TEXT if color is None else color
        self.label = text(label, size=style.SIZE_SMALL, color=style.TEXT_DIM)
        self.number = GlyphNumber(value, fmt=fmt, size=style.SIZE_BODY, color=color)
        self.unit = text(unit, size=style.SIZE_SMALL, color=style.TEXT_DIM) if unit else VGroup()
        self.unit_top = unit == "°"
        super().__init__(self.label, self.number, self.unit)

    def place(self, left: np.ndarray, number_x: float) -> _Row:
        self.label.move_to(left, aligned_edge=LEFT)
        # number on the label's baseline: the label's first glyph (s, a, l, m, n or a kanji) has
        # no descender, so its bottom is the baseline
        baseline = self.label[0].get_bottom()[1]
        self.number.move_to(np.array([number_x, left[1], 0.0]), aligned_edge=LEFT)
        self.number.shift(UP * (baseline - self.number.get_bottom()[1]))
        self._follow()
        return self

    def _follow(self) -> None:
        if isinstance(self.unit, VGroup) and not self.unit.submobjects:
            return
        self.unit.next_to(self.number, RIGHT, buff=0.1)
        if self.unit_top:
            self.unit.align_to(self.number, UP)
        else:
            self.unit.shift(UP * (self.label[0].get_bottom()[1] - self.unit[0].get_bottom()[1]))

    def show(self, value: float) -> _Row:
        self.number.set_value(value)
        self._follow()
        return self


class AimTheCannon(Lesson):
    """Fire, measure the miss, use dR/dθ, adjust: until the ball lands within ``tol`` metres.

    :meth:`construct` lays the scene out (:meth:`lay_out`), then plays its beats: the field, one
    beat per shot (:meth:`fire_shots`), the hit, and the link to learning.

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
        Range against angle; log10 of the loss against the shot number.
    loss_dots : list of Dot
        One per shot, at (shot number, log10 loss).
    """

    #: ``"newton"`` or ``"gradient"``: how :func:`core.aiming.aim` turns slopes into angles.
    method = "newton"
    #: Overrides ``config.language`` when set.
    language: str | None = None
    #: A hit is a landing within this many metres of the target.
    tol = 1.0
    max_iter = 60
    #: Shots shown at full pace (the last shot is always shown at full pace too).
    full_shots = 3
    #: The scene aims for about this many seconds in all (20-60 s).
    target_duration = 50.0

    # ------------------------------------------------------------------ layout
    def _field(self, xspan: float, ymax: float) -> None:
        """Equal-aspect map from metres to the field region (bottom left)."""
        left, right = LEFT_X + 0.2, 1.9
        ground_y, top_y = -2.45, 0.55
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
        wheel.move_to(base + DOWN * 0.0)
        return VGroup(barrel, wheel), barrel

    def _target_flag(self, target: float) -> VGroup:
        foot = self.world_to_point(target, 0.0)
        pole = Line(foot, foot + UP * 0.55).set_stroke(style.TARGET, 3)
        flag = Polygon(foot + UP * 0.55, foot + UP * 0.37 + RIGHT * 0.28, foot + UP * 0.19)
        flag.set_fill(style.TARGET, 1).set_stroke(width=0)
        return VGroup(pole, flag)

    def _inset(self, steps, tr: Catalogue) -> None:
        launch = self.launch
        angles = [s.angle_deg for s in steps]
        a_hi = min(90.0, max(angles) * 1.35)
        xr = nice_range(0.0, a_hi, max_ticks=4)
        grid = np.linspace(max(0.25, xr[0]), min(xr[1], 89.75), 60)
        ranges = np.asarray(landing_range(launch, grid), dtype=float)
        y_hi = max(float(ranges.max()), self.target) * 1.05
        yr = nice_range(0.0, y_hi, max_ticks=3)
        inset = PlotAxes(
            xr,
            yr,
            x_length=3.6,
            y_length=2.2,
            x_label=r"\theta\,(^\circ)",
            y_label=r"R\,(\mathrm{m})",
            number_size=style.SIZE_SMALL - 4,
            label_size=style.SIZE_SMALL,
        )
        inset.x_label.next_to(inset.x_numbers[-1], DOWN, buff=0.08).align_to(
            inset.x_numbers[-1], RIGHT
        )
        inset.y_label.next_to(inset.c2p(xr[0], yr[1]), RIGHT, buff=0.15).align_to(
            inset.c2p(xr[0], yr[1]), UP
        )
        inset.to_corner(RIGHT + UP, buff=style.MARGIN).shift(DOWN * 0.6)
        curve = VMobject().set_points_smoothly(inset.c2p_array(grid, np.clip(ranges, *yr[:2])))
        curve.set_stroke(style.TRAJECTORY, style.STROKE_THIN + 0.5)
        target_line = DashedLine(
            inset.c2p(xr[0], self.target),
            inset.c2p(xr[1], self.target),
            dash_length=style.DASH_LENGTH * 0.7,
        )
        target_line.set_stroke(style.TARGET, style.STROKE_THIN)
        title = text(tr("aim.inset_title"), size=style.SIZE_SMALL, color=style.TEXT)
        title.next_to(inset, UP, buff=0.12).align_to(inset, RIGHT)
        self.inset = inset
        self.inset_curve = curve
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
            label = tex(rf"10^{{{int(round(y))}}}", size=style.SIZE_SMALL - 4, color=style.TEXT_DIM)
            label.next_to(axes.c2p(xr[0], y), LEFT, buff=0.12)
            new.add(label)
        axes.y_numbers.remove(*axes.y_numbers.submobjects)
        axes.y_numbers.add(*new)
        axes.zero_line.set_opacity(0)  # log10(loss) = 0 is not a special line
        axes.to_corner(RIGHT + DOWN, buff=style.MARGIN).shift(UP * 0.75)
        title = text(tr("aim.loss_title"), size=style.SIZE_SMALL, color=style.TEXT)
        title.next_to(axes, UP, buff=0.12).align_to(axes, RIGHT)
        xlabel = text(tr("aim.loss_x"), size=style.SIZE_SMALL, color=style.TEXT_DIM)
        xlabel.next_to(axes.x_numbers, DOWN, buff=0.06).align_to(axes, RIGHT)
        self.loss_axes = axes
        self.loss_title = VGroup(title, xlabel)

    def _readouts(self, tr: Catalogue) -> None:
        shot = _Row(tr("aim.shot"), "", lambda v: f"{int(round(v))}", 1)
        angle = _Row(tr("aim.angle") + " θ", "°", _fixed(2), 0.0)
        landed = _Row(tr("aim.landing"), "m", _fixed(0), 0.0)
        miss = _Row(tr("aim.miss"), "m", _miss_fmt, 0.0, color=style.MISS)
        slope = _Row(tr("aim.slope") + " dR/dθ", "m/°", _fixed(1), 0.0, color=style.VELOCITY)
        nxt = _Row(tr("aim.next"), "°", _fixed(2), 0.0, color=style.OPTIMUM)
        top = self.readout_top
        col1, col2 = LEFT_X, LEFT_X + 4.3
        label_w1 = max(r.label.width for r in (shot, angle, landed)) + 0.25
        label_w2 = max(r.label.width for r in (miss, slope, nxt)) + 0.25
        for i, r in enumerate((shot, angle, landed)):
            r.place(np.array([col1, top - 0.48 * i, 0.0]), col1 + label_w1)
        for i, r in enumerate((miss, slope, nxt)):
            r.place(np.array([col2, top - 0.48 * i, 0.0]), col2 + label_w2)
        self.rows = {
            "shot": shot,
            "angle": angle,
            "landed": landed,
            "miss": miss,
            "slope": slope,
            "next": nxt,
        }

    def _caption(self, s: str) -> VGroup:
        cap = text(s, size=style.SIZE_BODY, color=style.TEXT)
        if cap.width > FRAME_W - 2 * style.MARGIN:
            cap.scale_to_fit_width(FRAME_W - 2 * style.MARGIN)
        return cap.move_to(DOWN * 3.62)

    def _say(self, key: str, run_time: float = style.SHORT, **fields: Any) -> None:
        """Crossfade to caption ``key``, which also narrates from now on."""
        self.narrate(key, **fields)
        new = self._caption(self.tr(key, **fields))
        anims = [FadeIn(new, shift=UP * 0.1)]
        if self.caption is not None:
            anims.append(FadeOut(self.caption))
        self.play(*anims, run_time=run_time)
        self.caption = new

    # ------------------------------------------------------------------ one shot
    def _flight(self, traj, run_time: float, extra: list | None = None) -> VMobject:
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
            t = alpha * t_end
            k = float(np.interp(t, traj.t, idx))
            i = int(k)
            frac = k - i
            if i >= n - 1:
                p = pts[-1]
                corners = pts
            else:
                p = pts[i] + (pts[i + 1] - pts[i]) * frac
                corners = np.vstack([pts[: i + 1], p])
            if len(corners) < 2:
                corners = np.vstack([corners, corners])
            trail.set_points_as_corners(corners)
            ball.move_to(p)

        anims = [UpdateFromAlphaFunc(VGroup(trail, ball), update, rate_func=linear)]
        self.play(*anims, *(extra or []), run_time=run_time)
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

    def _tangent(self, step, half_width: float = 0.9) -> VGroup:
        inset = self.inset
        line = _data_line(step.angle_deg, step.landing, step.slope)
        seg = Line(ORIGIN, RIGHT).set_stroke(style.VELOCITY, style.STROKE_LINE - 1)
        put_line_on_axes(seg, inset, line, center=step.angle_deg, length=2 * half_width)
        dot = Dot(
            inset.c2p(step.angle_deg, step.landing), radius=style.DOT_RADIUS_SMALL, color=style.TEXT
        )
        return VGroup(seg, dot)

    def _correction(self, step, next_angle: float) -> VGroup:
        """Newton: the tangent followed down to the target line, and down to the θ axis.
        Gradient: an arrow along the θ axis from θ to the next angle."""
        inset = self.inset
        y0 = inset.y_box[0]
        if self.method == "newton":
            line = _data_line(step.angle_deg, step.landing, step.slope)
            predicted = step.angle_deg - (step.landing - self.target) / step.slope
            # aim() bisects its bracket instead when the tangent's step would leave it
            self.bisected = abs(predicted - next_angle) > 1e-6 * max(1.0, abs(next_angle))
            lo, hi = sorted((step.angle_deg, predicted))
            seg = Line(ORIGIN, RIGHT).set_stroke(style.VELOCITY, style.STROKE_THIN)
            put_line_on_axes(seg, inset, line, x_range=(lo, hi))
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

    # ------------------------------------------------------------------ the scene
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_field,
            self.fire_shots,  # a beat per shot: the miss, the slope, the correction
            self.show_hit,
            self.link_to_learning,
        )

    def lay_out(self) -> None:
        """Run the aim and build the field, the plots and the readouts; nothing is played yet."""
        cfg, self.tr = prepare_scene(self, self.language)
        tr = self.tr
        self.caption = None
        self.bisected = False
        self.target = target = float(cfg.aim.target)
        self.launch = launch = cfg.cannon.launch.with_angle(cfg.aim.first_angle_deg)
        self.result = result = aim(
            launch, target, method=self.method, tol=self.tol, max_iter=self.max_iter
        )
        self.steps = steps = result.steps
        self.trajectories = trajs = [simulate(launch.with_angle(s.angle_deg)) for s in steps]

        xspan = max(target, max(t.range for t in trajs)) * 1.1
        ymax = max(t.max_height for t in trajs) * 1.1
        self._field(xspan, max(ymax, 1.0))
        self._inset(steps, tr)
        self._loss_axes(steps, tr)

        # --- the field
        title = text(tr("aim.title"), size=style.SIZE_TITLE, color=style.TEXT)
        title.to_corner(LEFT + UP, buff=style.MARGIN)
        subtitle = text(
            tr(f"aim.method.{self.method}"), size=style.SIZE_SMALL, color=style.TEXT_DIM
        )
        subtitle.next_to(title, DOWN, buff=0.12, aligned_edge=LEFT)
        self.readout_top = subtitle.get_bottom()[1] - 0.42
        self._readouts(tr)
        ground = Line(self.world_to_point(-xspan * 0.02, 0), self.world_to_point(xspan, 0))
        ground.set_stroke(style.GROUND, style.STROKE_AXIS + 1)
        cannon, barrel = self._cannon(steps[0].angle_deg)
        self.barrel = barrel
        flag = self._target_flag(target)
        flag_label = text(
            tr("aim.target", d=f"{target:g}"), size=style.SIZE_SMALL, color=style.TARGET
        )
        flag_label.next_to(self.world_to_point(target, 0.0), DOWN, buff=0.42)
        if flag_label.get_right()[0] > 2.3:
            flag_label.shift(LEFT * (flag_label.get_right()[0] - 2.3))
        if flag_label.get_left()[0] < LEFT_X:
            flag_label.shift(RIGHT * (LEFT_X - flag_label.get_left()[0]))
        self.title, self.subtitle, self.ground, self.cannon = title, subtitle, ground, cannon
        self.flag, self.flag_label = flag, flag_label

        # --- the shots: the first few and the last at full pace, the others faster
        n = len(steps)
        self.full_pace = set(range(min(self.full_shots, n))) | {n - 1}
        self.n_fast = n - len(self.full_pace)
        self.fast_time = 0.0  # set at the first fast shot, from the time left
        self.landing_markers: list[VGroup] = []
        self.loss_dots: list[Dot] = []
        self.trails: list[VMobject] = []
        self.current_angle = steps[0].angle_deg
        self.shot_tangent: VGroup | None = None
        self.shot_correction: VGroup | None = None
        self.miss_arrow: VGroup | None = None
        self.shown_inset = False
        self.said_faster = False

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
        self._say("aim.intro", d=f"{self.target:g}", a=f"{self.steps[0].angle_deg:g}")
        # readouts: the first row set
        rows = self.rows
        rows["shot"].show(1)
        rows["angle"].show(self.steps[0].angle_deg)
        self.play(FadeIn(VGroup(rows["shot"], rows["angle"])), run_time=style.SHORT)
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
            else:
                self._slope_and_correction(i)

    def show_hit(self) -> None:
        """The ball lands within ``tol`` metres of the target (or the shots ran out)."""
        n = len(self.steps)
        if self.result.converged:
            ring = Circle(radius=0.35).set_stroke(style.HIGHLIGHT, style.STROKE_LINE)
            ring.move_to(self.world_to_point(self.target, 0.0) + UP * 0.2)
            self.play(Create(ring), run_time=style.SHORT * 1.5)
            self._say("aim.hit", m=f"{self.tol:g}", n=n)
        else:
            self._say("aim.no_hit", m=f"{self.tol:g}", n=n)
        self.wait(style.READ)

    def link_to_learning(self) -> None:
        """The link to learning: an optimizer does the same with backpropagation's gradients."""
        self._say("aim.closing")
        self.wait(style.READ * 1.5)

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
        for tr_old in self.trails[-1:]:
            pre.append(_fade_to(tr_old, 0.25, stroke=True))
        base = self.world_to_point(0.0, 0.0)
        d_angle = step.angle_deg - self.current_angle
        if i > 0:
            rows["shot"].show(i + 1)
            rows["angle"].show(step.angle_deg)
            pre.append(Rotate(self.barrel, math.radians(d_angle), about_point=base))
            for key in ("landed", "miss", "slope", "next"):
                rows[key].set_opacity(0.35)
        self.current_angle = step.angle_deg
        if not is_full and not self.said_faster:
            self.said_faster = True
            # what is left of the target duration (less the last shot and the closing,
            # about 13 s) shared out between the fast shots; each takes about fast_time
            left = self.target_duration - self.renderer.time - 13.0
            self.fast_time = float(np.clip(left / self.n_fast, 0.25, 2.5))
            new = self._caption(self.tr("aim.faster"))
            pre.append(FadeIn(new))
            if self.caption is not None:
                pre.append(FadeOut(self.caption))
            self.caption = new
        if pre:
            self.play(*pre, run_time=style.SHORT if is_full else self.fast_time * 0.25)

    def _fire(self, i: int) -> None:
        """Fly shot ``i``, leaving its trail."""
        flight_time = 1.8 if i in self.full_pace else self.fast_time * 0.45
        self.trails.append(self._flight(self.trajectories[i], flight_time))

    def _land(self, i: int) -> None:
        """Shot ``i``'s landing marker, its miss, and its loss on the loss plot."""
        step, rows, is_full = self.steps[i], self.rows, i in self.full_pace
        landing = self.trajectories[i].range
        marker = self._landing_marker(landing)
        self.landing_markers.append(marker)
        self.miss_arrow = self._miss_arrow(landing)
        ldot = self._loss_dot(i, step)
        self.loss_dots.append(ldot)
        rows["landed"].show(step.landing).set_opacity(1)
        rows["miss"].show(step.miss).set_opacity(1)
        land_anims = [
            FadeIn(marker, shift=DOWN * 0.1),
            Create(self.miss_arrow),
            FadeIn(VGroup(rows["landed"], rows["miss"])),
        ]
        if i > 0:
            for old in self.landing_markers[:-1][-1:]:
                land_anims.append(_fade_to(old, 0.35))
        if i == 0:
            self.play(*land_anims, run_time=style.SHORT * 1.5)
            self._say("aim.first_miss", m=f"{abs(step.miss):.0f}")
            self.wait(style.READ)
            self.play(
                FadeIn(self.loss_axes),
                FadeIn(self.loss_title),
                FadeIn(ldot),
                run_time=style.SHORT * 1.5,
            )
        else:
            land_anims.append(FadeIn(ldot, scale=1.5))
            if len(self.loss_dots) > 1:
                seg = Line(self.loss_dots[-2].get_center(), ldot.get_center())
                seg.set_stroke(style.MISS, style.STROKE_THIN, opacity=0.7)
                land_anims.append(Create(seg))
            self.play(*land_anims, run_time=style.SHORT if is_full else self.fast_time * 0.15)

    def _mark_last(self, i: int) -> None:
        """The last shot: its point on the range curve, in place of the slope and correction."""
        if not self.shown_inset:
            return
        step, rows = self.steps[i], self.rows
        final_dot = Dot(
            self.inset.c2p(step.angle_deg, step.landing),
            radius=style.DOT_RADIUS_SMALL,
            color=style.HIGHLIGHT,
        )
        self.play(
            FadeOut(VGroup(rows["slope"], rows["next"])),
            FadeIn(final_dot),
            run_time=style.SHORT,
        )

    def _slope_and_correction(self, i: int) -> None:
        """Shot ``i``'s tangent on the range curve, and the next angle it gives."""
        step, rows, is_full = self.steps[i], self.rows, i in self.full_pace
        next_angle = self.steps[i + 1].angle_deg
        self.shot_tangent = tangent = self._tangent(step)
        self.shot_correction = correction = self._correction(step, next_angle)
        rows["slope"].show(step.slope).set_opacity(1)
        rows["next"].show(next_angle).set_opacity(1)
        if not self.shown_inset:
            self.shown_inset = True
            self.play(
                FadeIn(self.inset),
                FadeIn(self.inset_title),
                FadeIn(self.inset_target),
                run_time=style.SHORT,
            )
            self.play(Create(self.inset_curve), run_time=1.2)
            self._say("aim.tangent")
            self.play(Create(tangent), FadeIn(rows["slope"]), run_time=style.SHORT * 1.5)
            self.wait(style.READ)
            newton = self.method == "newton"
            self._say("aim.newton_step" if newton else "aim.gradient_step")
            self.play(Create(correction), FadeIn(rows["next"]), run_time=1.0)
            self.wait(style.READ)
            if self.bisected:
                self._say("aim.bisect")
                self.wait(style.READ)
            self._say("aim.repeat")
        elif is_full:
            self.play(Create(tangent), run_time=style.SHORT)
            self.play(
                Create(correction),
                FadeIn(rows["next"]),
                FadeIn(rows["slope"]),
                run_time=style.SHORT * 1.5,
            )
            if self.bisected:
                self._say("aim.bisect")
                self.wait(style.READ)
                self._say("aim.repeat")
            self.wait(style.BEAT * 0.5)
        else:
            self.play(
                FadeIn(tangent),
                FadeIn(correction),
                FadeIn(rows["slope"]),
                FadeIn(rows["next"]),
                run_time=self.fast_time * 0.15,
            )


class AimTheCannonGradient(AimTheCannon):
    """The same target by gradient descent on the loss miss² (more, smaller steps)."""

    method = "gradient"
