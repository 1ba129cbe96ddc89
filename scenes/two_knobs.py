"""``AimWithTwoKnobs``: from one derivative to the gradient, with the angle and the powder.

The post ends its cannon story with "finely adjusting the weight of the cannon, the quantity of
gunpowder and the angle" and promises the gradient next. :mod:`scenes.aim` turns one knob (the
angle); here two turn: the launch angle θ and the powder, given as the muzzle speed v it gives.
Everything comes from :mod:`core.knobs` (the loss L(θ, v) = (R(θ, v) − target)², its slices and
partials, both descents) and :mod:`core.contours` (the contour lines). The beats:

1. the map: L over (θ, v) as contour lines, drawn to the knobs' ranges (55° as long as
   800 m/s); the curve of settings that hit; the first setting and its miss;
2. slices: hold v and L(θ) is a curve of one knob, whose secants turn into the tangent of slope
   ∂L/∂θ; hold θ and the other slice gives ∂L/∂v;
3. the gradient (∂L/∂θ, ∂L/∂v) = 2·miss·(∂R/∂θ, ∂R/∂v), in a zoom drawn with 1° as long as
   1 m/s, where it crosses the contour at right angles, uphill;
4. descent with one η on the raw knobs: a few steps with every number, then fast: after 300
   steps it is still short; the powder crawls;
5. the knobs scaled by their ranges (feature scaling): the same rule with each partial times its
   range squared hits within a metre; a network has millions of knobs: the next post.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Axes,
    Circle,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    MathTex,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    linear,
)

from core.calculus import line_through
from core.contours import contour_lines
from core.knobs import KnobBox, descend, landscape, loss_slice
from scenes.aim import _Row, format_eta, format_number, words
from scenes.kit import style
from scenes.kit.axes import PlotAxes
from scenes.kit.caption import BAND_TOP
from scenes.kit.lesson import Lesson
from scenes.kit.lines import put_line_on_axes

__all__ = ["AimWithTwoKnobs"]

FRAME_W = 14.222
LEFT_X = -FRAME_W / 2 + style.MARGIN
RIGHT_X = FRAME_W / 2 - style.MARGIN
#: The map: a square, so that 55° and 800 m/s (the knobs' ranges) have one length.
MAP_SIDE = 3.8
MAP_LEFT = LEFT_X + 1.15
MAP_BOTTOM = BAND_TOP + 0.9
#: Where the right-hand panels start.
PANEL_X = MAP_LEFT + MAP_SIDE + 0.9
ROW_GAP = 0.4
TICK_SIZE = style.SIZE_SMALL - 4
SMALL = style.SIZE_SMALL
#: The slopes beside a slice (20 px at 720p is the floor).
COLUMN_SIZE = style.SIZE_SMALL - 2


@lru_cache(maxsize=4)
def _computed(launch, target: float, box: KnobBox, raw_steps: int, angle_steps: tuple,
              speed_steps: tuple):
    """Everything the lesson shows, from core (cached: the tests play the scene many times)."""
    first = (launch.angle_deg, launch.speed)
    return (
        landscape(launch, target, box=box, angles=49, speeds=49),
        {"angle": loss_slice(launch, target, *first, knob="angle", steps=angle_steps, box=box),
         "speed": loss_slice(launch, target, *first, knob="speed", steps=speed_steps, box=box)},
        descend(launch, target, box=box, scaling="raw", max_steps=raw_steps),
        descend(launch, target, box=box, scaling="range"),
    )


def _knob(value: float) -> str:
    """A configured knob setting: ``15`` or ``15.5``."""
    return format_number(value, 0 if float(value).is_integer() else 1)


def _polyline(points: np.ndarray) -> VMobject:
    line = VMobject()
    pts = points if len(points) > 1 else np.vstack([points, points])
    line.set_points_as_corners(pts)
    return line


class AimWithTwoKnobs(Lesson):
    """Two knobs, the angle and the powder: the contour map, the partials as slices, the
    gradient, and gradient descent on raw and on scaled knobs.

    Attributes set while the scene plays (for tests)
    ------------------------------------------------
    launch : core.ballistics.Launch
        The cannon at the first setting (``aim.first_angle_deg``, ``knobs.first_speed``).
    land : core.knobs.Landscape
        The grid behind the map.
    levels : tuple of float
        The misses (m) whose L = miss² the contour lines show.
    contours : list of (float, list of numpy.ndarray)
        (L, the polylines in (θ, v)) for each contour drawn on the map.
    map : manim.Axes
        The map; ``map.c2p(θ, v)``.
    slices : dict of str -> core.knobs.LossSlice
        ``"angle"`` and ``"speed"``.
    zoom, zoom_contours, zoom_arrow
        The 1° = 1 m/s zoom: its axes, the contour polylines (L, lines), the gradient arrow.
    raw, scaled : core.knobs.DescentResult
        The descents on raw knobs and on knobs scaled to their ranges.
    shown : dict of str -> list of dict
        For each descent, the readouts of every step shown at full pace (row key -> text).
    paths : dict of str -> VMobject
        The path of each descent on the map.
    """

    #: Steps of each descent shown at full pace, with every number.
    full_steps = 3
    #: The secants' steps h of the two slices, degrees and m/s.
    angle_steps = (8.0, 4.0, 2.0, 1.0)
    speed_steps = (160.0, 80.0, 40.0, 20.0)
    #: The misses (m) of the map's contour lines.
    miss_levels = (250.0, 500.0, 1000.0, 1500.0)
    #: The raw descent's length (the issue's claim: still short after 300 steps).
    raw_steps = 300
    #: The zoom's half width, degrees and m/s alike.
    zoom_half = 1.5

    def caption_words(self, line: str):
        return words(line, style.SIZE_BODY, style.TEXT)

    # ------------------------------------------------------------------ the scene
    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.show_map,
            self.slice_angle,
            self.slice_speed,
            self.show_gradient,
            self.descend_raw,
            self.explain_scales,
            self.descend_scaled,
            self.close,
        )

    def lay_out(self) -> None:
        """Compute everything from core and build the map; nothing is played yet."""
        cfg, tr = self.cfg, self.tr
        self.target = target = float(cfg.aim.target)
        self.box = box = cfg.knobs.box
        self.launch = launch = cfg.knobs.first_launch(cfg.cannon, cfg.aim)
        self.first = (launch.angle_deg, launch.speed)
        self.land, self.slices, self.raw, self.scaled = _computed(
            launch, target, box, self.raw_steps, self.angle_steps, self.speed_steps)
        if not self.scaled.converged:
            raise ValueError("AimWithTwoKnobs: the scaled descent must hit the target")
        self.shown: dict[str, list[dict[str, str]]] = {"raw": [], "scaled": []}
        self.paths: dict[str, VMobject] = {}
        self.slice_groups: dict[str, VGroup] = {}
        self.slice_lines: dict[str, Line] = {}
        self.slice_rows: dict[str, list[str]] = {}

        title = words(tr("knobs.title"), style.SIZE_TITLE, style.TEXT)
        title.to_corner(LEFT + UP, buff=style.MARGIN)
        subtitle = words(tr("knobs.subtitle", d=format_number(target, 0)), SMALL, style.TEXT_DIM)
        subtitle.next_to(title, DOWN, buff=0.12, aligned_edge=LEFT)
        self.title, self.subtitle = title, subtitle
        self._map()
        self._zoom()

    # --- the map -------------------------------------------------------------------------
    def _map(self) -> None:
        box, land, tr = self.box, self.land, self.tr
        ax = Axes(
            x_range=[box.angle_min_deg, box.angle_max_deg, 5],
            y_range=[box.speed_min, box.speed_max, 100],
            x_length=MAP_SIDE, y_length=MAP_SIDE, tips=False,
            axis_config={"include_ticks": False, "stroke_opacity": 0.0, "stroke_width": 0.0},
        )
        ax.move_to([MAP_LEFT + MAP_SIDE / 2, MAP_BOTTOM + MAP_SIDE / 2, 0.0])
        self.map = ax
        frame = VGroup(*(Line(ax.c2p(*a), ax.c2p(*b)) for a, b in (
            ((box.angle_min_deg, box.speed_min), (box.angle_max_deg, box.speed_min)),
            ((box.angle_min_deg, box.speed_min), (box.angle_min_deg, box.speed_max)),
            ((box.angle_max_deg, box.speed_min), (box.angle_max_deg, box.speed_max)),
            ((box.angle_min_deg, box.speed_max), (box.angle_max_deg, box.speed_max)),
        ))).set_stroke(style.AXIS, style.STROKE_AXIS)
        numbers = VGroup()
        for a in np.arange(10 * math.ceil(box.angle_min_deg / 10), box.angle_max_deg + 1e-9, 10):
            p = ax.c2p(a, box.speed_min)
            frame.add(Line(p, p + DOWN * 0.08).set_stroke(style.AXIS, style.STROKE_AXIS))
            numbers.add(MathTex(f"{a:g}", font_size=TICK_SIZE, color=style.TEXT_DIM)
                        .next_to(p, DOWN, buff=0.14))
        for v in np.arange(200 * math.ceil(box.speed_min / 200), box.speed_max + 1e-9, 200):
            p = ax.c2p(box.angle_min_deg, v)
            frame.add(Line(p, p + LEFT * 0.08).set_stroke(style.AXIS, style.STROKE_AXIS))
            label = format_number(float(v), 0).replace(",", "{,}")
            numbers.add(MathTex(label, font_size=TICK_SIZE, color=style.TEXT_DIM)
                        .next_to(p, LEFT, buff=0.14))
        x_label = MathTex(r"\theta\,(^\circ)", font_size=style.SIZE_LABEL - 4, color=style.TEXT)
        x_label.next_to(ax.c2p(box.angle_max_deg, box.speed_min), DOWN, buff=0.5)
        x_label.align_to(ax.c2p(box.angle_max_deg, 0), RIGHT)
        y_label = MathTex(r"v\,(\mathrm{m/s})", font_size=style.SIZE_LABEL - 4,
                          color=style.TEXT)
        y_label.rotate(math.pi / 2).next_to(numbers, LEFT, buff=0.12)
        y_label.move_to([y_label.get_center()[0], ax.c2p(0, (box.speed_min + box.speed_max) / 2)[1],
                         0])
        self.map_frame = VGroup(frame, numbers, x_label, y_label)

        self.contours = []
        lines = VGroup()
        for miss in self.miss_levels:
            # {L = miss²} is {R = target + miss} and {R = target − miss}: traced on R, which is
            # smooth where L has its valley, so that the grid's straight pieces stay close
            level = miss * miss
            polys = [*contour_lines(land.angle_deg, land.speed, land.range, self.target + miss),
                     *contour_lines(land.angle_deg, land.speed, land.range, self.target - miss)]
            self.contours.append((level, polys))
            for poly in polys:
                mob = _polyline(self._on_map(poly[:, 0], poly[:, 1]))
                lines.add(mob)
        lines.set_stroke(style.TEXT_DIM, style.STROKE_THIN - 0.5, opacity=0.7)
        self.contour_lines = lines
        ok = np.isfinite(land.hit_speed)
        hit = VMobject().set_points_smoothly(
            self._on_map(land.angle_deg[ok], land.hit_speed[ok]))
        hit.set_stroke(style.TARGET, style.STROKE_LINE)
        self.hit_line = hit
        d = format_number(self.target, 0)
        hit_label = words(tr("knobs.hit_label", d=d), SMALL, style.TARGET)
        # above the curve's right-hand branch, inside the map
        j = int(np.nanargmax(np.where(ok, land.angle_deg, -np.inf)))
        anchor = ax.c2p(land.angle_deg[j], land.hit_speed[j])
        hit_label.next_to(anchor, UP, buff=0.12).align_to(anchor, RIGHT).shift(LEFT * 0.1)
        self.hit_label = hit_label
        levels = ", ".join(format_number(m, 0) for m in self.miss_levels)
        head, rest = tr("knobs.legend_head"), tr("knobs.legend", levels=levels)
        legend = VGroup(words(head, SMALL, style.TEXT_DIM), words(rest, SMALL, style.TEXT_DIM))
        legend[0].move_to([RIGHT_X, self.title.get_center()[1], 0], aligned_edge=RIGHT)
        legend[1].move_to([RIGHT_X, self.subtitle.get_center()[1], 0], aligned_edge=RIGHT)
        self.legend = legend
        self.first_dot = Dot(ax.c2p(*self.first), radius=style.DOT_RADIUS, color=style.TEXT)

    def _on_map(self, angles: np.ndarray, speeds: np.ndarray) -> np.ndarray:
        ax = self.map
        o = ax.c2p(0, 0)
        ex, ey = ax.c2p(1, 0) - o, ax.c2p(0, 1) - o
        return o + np.asarray(angles)[:, None] * ex + np.asarray(speeds)[:, None] * ey

    # --- the zoom --------------------------------------------------------------------------
    def _zoom(self) -> None:
        """A window of 2·zoom_half degrees by as many m/s around the first setting, drawn with
        1° as long as 1 m/s: the contours of L through it and the gradient's direction."""
        a0, v0 = self.first
        h = self.zoom_half
        zbox = KnobBox(a0 - h, a0 + h, v0 - h, v0 + h)
        local = landscape(self.launch, self.target, box=zbox, angles=25, speeds=25)
        side = 3.0
        ax = Axes(x_range=[a0 - h, a0 + h, 1], y_range=[v0 - h, v0 + h, 1],
                  x_length=side, y_length=side, tips=False,
                  axis_config={"include_ticks": False, "stroke_opacity": 0.0,
                               "stroke_width": 0.0})
        ax.move_to([RIGHT_X - side / 2 - 0.1, MAP_BOTTOM + side / 2 + 0.3, 0])
        self.zoom = ax
        corners = [ax.c2p(a0 - h, v0 - h), ax.c2p(a0 + h, v0 - h), ax.c2p(a0 + h, v0 + h),
                   ax.c2p(a0 - h, v0 + h)]
        frame = VGroup(*(Line(corners[i], corners[(i + 1) % 4]) for i in range(4)))
        frame.set_stroke(style.AXIS, style.STROKE_AXIS)
        nums = VGroup()
        for a in (a0 - 1, a0, a0 + 1):
            nums.add(MathTex(f"{a:g}", font_size=TICK_SIZE, color=style.TEXT_DIM)
                     .next_to(ax.c2p(a, v0 - h), DOWN, buff=0.12))
        for v in (v0 - 1, v0, v0 + 1):
            nums.add(MathTex(f"{v:g}", font_size=TICK_SIZE, color=style.TEXT_DIM)
                     .next_to(ax.c2p(a0 - h, v), LEFT, buff=0.12))
        title = words(self.tr("knobs.zoom_title"), SMALL, style.TEXT)
        title.next_to(frame, UP, buff=0.15).align_to(frame, RIGHT)
        shot = self.raw.steps[0]
        step = 40_000.0 * max(1.0, round(abs(shot.grad_angle) * h / 3 / 40_000.0))
        self.zoom_contours = []
        lines = VGroup()
        for k in (-2, -1, 0, 1, 2):
            level = shot.loss + k * step
            polys = contour_lines(local.angle_deg, local.speed, local.loss, level)
            self.zoom_contours.append((level, polys))
            for poly in polys:
                o = ax.c2p(0, 0)
                ex, ey = ax.c2p(1, 0) - o, ax.c2p(0, 1) - o
                pts = o + poly[:, :1] * ex + poly[:, 1:2] * ey
                mob = _polyline(pts)
                mob.set_stroke(style.TEXT if k == 0 else style.TEXT_DIM,
                               style.STROKE_THIN if k == 0 else style.STROKE_THIN - 0.5,
                               opacity=1.0 if k == 0 else 0.7)
                lines.add(mob)
        g = np.array([shot.grad_angle, shot.grad_speed])
        u = g / np.linalg.norm(g)
        start = ax.c2p(a0, v0)
        end = ax.c2p(a0 + 1.2 * u[0], v0 + 1.2 * u[1])
        arrow = Line(start, end).set_stroke(style.CURVE, style.STROKE_LINE)
        arrow.add_tip(tip_length=0.16, tip_width=0.16)
        arrow.get_tip().set_fill(style.CURVE, 1).set_stroke(style.CURVE, 1)
        self.zoom_direction = u
        # the right angle between the arrow and the contour through the setting
        s = 0.16
        p0 = np.array(start)
        du = (np.array(end) - p0) / np.linalg.norm(np.array(end) - p0)
        dc = np.array([-du[1], du[0], 0.0])
        square = VMobject().set_points_as_corners(
            [p0 + s * du, p0 + s * du + s * dc, p0 + s * dc])
        square.set_stroke(style.TEXT, 2)
        dot = Dot(start, radius=style.DOT_RADIUS_SMALL, color=style.TEXT)
        self.zoom_arrow = arrow
        self.zoom_parts = VGroup(frame, nums, title)
        self.zoom_lines = lines
        self.zoom_marks = VGroup(square, dot)

    # --- readouts ------------------------------------------------------------------------
    def _rows(self, top: float) -> dict[str, _Row]:
        tr = self.tr
        rows = {
            "step": _Row(tr("knobs.step")),
            "angle": _Row("θ"),
            "speed": _Row("v"),
            "miss": _Row(tr("aim.miss"), style.MISS),
            "grad_angle": _Row("∂L/∂θ", style.TANGENT),
            "grad_speed": _Row("∂L/∂v", style.TANGENT),
            "step_angle": _Row("Δθ", style.OPTIMUM),
            "step_speed": _Row("Δv", style.OPTIMUM),
        }
        label_w = max(r.label.width for r in rows.values()) + 0.3
        for i, row in enumerate(rows.values()):
            row.place(np.array([PANEL_X, top - ROW_GAP * i, 0.0]), PANEL_X + label_w)
        return rows

    @staticmethod
    def values(step, k: int) -> dict[str, str]:
        """The readouts of step ``k`` (0 = the first setting) as the scene writes them."""
        return {
            "step": f"{k}",
            "angle": f"{format_number(step.angle_deg, 4)}°",
            "speed": f"{format_number(step.speed, 4)} m/s",
            "miss": f"{format_number(step.miss, 2, signed=True)} m",
            "grad_angle": f"{format_number(step.grad_angle, 1, signed=True)} m²/°",
            "grad_speed": f"{format_number(step.grad_speed, 1, signed=True)} m²/(m/s)",
            "step_angle": f"{format_number(step.step_angle, 4, signed=True)}°",
            "step_speed": f"{format_number(step.step_speed, 4, signed=True)} m/s",
        }

    def _put_all(self, rows: dict[str, _Row], vals: dict[str, str]) -> list:
        anims = []
        for key, row in rows.items():
            first = not row.string
            old = row.value
            row.show(vals[key])
            self.remove(old)
            anims.append(FadeIn(row if first else row.value))
        return anims

    # --- the beats -------------------------------------------------------------------------
    def show_map(self) -> None:
        """The map of L over both knobs, the hit curve, the first setting."""
        self.add(self.title)
        self.play(FadeIn(self.subtitle), FadeIn(self.map_frame), run_time=style.SHORT)
        self.say("knobs.intro")
        self.play(Create(self.contour_lines), FadeIn(self.legend), run_time=1.5)
        self.play(Create(self.hit_line), run_time=1.2)
        self.say("knobs.hit_curve")
        self.play(FadeIn(self.hit_label), run_time=style.SHORT)
        first = self.raw.steps[0]
        self.say("knobs.first", a=_knob(first.angle_deg), v=_knob(first.speed),
                 m=format_number(abs(first.miss), 2))
        self.play(FadeIn(self.first_dot, scale=1.5), run_time=style.SHORT)

    def _slice(self, knob: str) -> None:
        """One slice: the line on the map, the curve L of one knob, its secants shrinking to
        the tangent, and the slopes in a column beside it."""
        cut, tr = self.slices[knob], self.tr
        angle = knob == "angle"
        color = style.H_LEG if angle else style.DF_LEG
        top = 2.15 if angle else -0.2
        box = self.box
        xr = (0.0, 60.0, 20.0) if angle else (200.0, 1000.0, 400.0)
        xr = (min(xr[0], cut.knob_values[0]), max(xr[1], cut.knob_values[-1]), xr[2])
        yr = (0.0, 1.2e6, 6e5)
        plot = PlotAxes(xr, yr, x_length=2.8, y_length=1.35,
                        x_label=r"\theta\,(^\circ)" if angle else r"v\,(\mathrm{m/s})",
                        y_label=None, number_size=TICK_SIZE, label_size=SMALL)
        plot.y_numbers.set_opacity(0)  # the slopes are in the column beside it
        y_name = MathTex("L", font_size=SMALL, color=style.TEXT).next_to(
            plot.c2p(xr[0], yr[1]), LEFT, buff=0.15)
        plot.add(y_name)
        plot.shift(np.array([PANEL_X + 0.4, top - 0.45, 0]) - plot.c2p(xr[0], yr[1]))
        title = words(tr("knobs.slice_title_angle", v=_knob(cut.speed)) if angle
                      else tr("knobs.slice_title_speed", a=_knob(cut.angle_deg)), SMALL, color)
        title.next_to(plot.c2p(xr[0], yr[1]), UP, buff=0.1).align_to(
            plot.c2p(xr[0], yr[1]), LEFT)
        inside = cut.losses <= yr[1]
        pieces = VGroup()
        start = None
        for k in range(len(inside) + 1):
            if k < len(inside) and inside[k]:
                start = k if start is None else start
            elif start is not None:
                if k - start >= 2:
                    pieces.add(VMobject().set_points_smoothly(
                        plot.c2p_array(cut.knob_values[start:k], cut.losses[start:k])))
                start = None
        pieces.set_stroke(color, style.STROKE_LINE - 1)
        p = cut.angle_deg if angle else cut.speed
        if angle:
            on_map = Line(self.map.c2p(box.angle_min_deg, cut.speed),
                          self.map.c2p(box.angle_max_deg, cut.speed))
        else:
            on_map = Line(self.map.c2p(cut.angle_deg, box.speed_min),
                          self.map.c2p(cut.angle_deg, box.speed_max))
        on_map.set_stroke(color, style.STROKE_THIN + 0.5)
        point = Dot(plot.c2p(p, cut.loss), radius=style.DOT_RADIUS_SMALL, color=style.TEXT)
        unit = "m²/°" if angle else "m²/(m/s)"
        head = words(tr("knobs.slope_head", unit=unit), COLUMN_SIZE, style.TEXT_DIM)
        col_x = PANEL_X + 4.15
        head.move_to([col_x, top - 0.45, 0], aligned_edge=LEFT + UP)
        self.play(Create(on_map), FadeIn(plot), FadeIn(title), run_time=1.0)
        self.play(Create(pieces), FadeIn(point), run_time=1.0)
        fields = {"v": _knob(cut.speed)} if angle else {"a": _knob(cut.angle_deg)}
        self.say("knobs.slice_angle" if angle else "knobs.slice_speed", **fields)
        self.play(FadeIn(head), run_time=style.SHORT)
        secant = None
        rows = VGroup()
        shown: list[str] = []
        hunit = "°" if angle else " m/s"
        for i, (h, slope) in enumerate(zip(cut.steps, cut.secant_slopes, strict=True)):
            line = Line(plot.c2p(0, 0), plot.c2p(1, 0)).set_stroke(style.SECANT, style.STROKE_THIN)
            lo = p - 0.25 * abs(h)
            put_line_on_axes(line, plot, line_through(p, cut.loss, slope),
                             x_range=(lo, p + 1.35 * h))
            q = Dot(plot.c2p(p + h, cut.secant_losses[i]), radius=style.DOT_RADIUS_SMALL,
                    color=style.SECANT)
            string = f"h = {format_number(h, 0)}{hunit}:  {format_number(slope, 1)}"
            shown.append(string)
            row = words(string, COLUMN_SIZE, style.SECANT)
            row.move_to([col_x, top - 0.6 - 0.32 * (i + 1), 0], aligned_edge=LEFT)
            anims = [FadeIn(row)]
            if secant is None:
                anims += [Create(line), FadeIn(q)]
            else:
                anims += [FadeOut(secant), Create(line), FadeIn(q)]
                rows[-1].set_opacity(0.6)
            self.play(*anims, run_time=0.7)
            secant = VGroup(line, q)
            rows.add(row)
        tangent = Line(plot.c2p(0, 0), plot.c2p(1, 0)).set_stroke(style.TANGENT, style.STROKE_LINE)
        put_line_on_axes(tangent, plot, line_through(p, cut.loss, cut.partial),
                         center=p, length=2.0)
        sym = "∂L/∂θ" if angle else "∂L/∂v"
        last_string = f"{sym}:  {format_number(cut.partial, 1)}"
        last = words(last_string, COLUMN_SIZE, style.TANGENT)
        last.move_to([col_x, top - 0.6 - 0.32 * (len(cut.steps) + 1) - 0.05, 0],
                     aligned_edge=LEFT)
        self.say("knobs.partial_angle" if angle else "knobs.partial_speed",
                 g=format_number(cut.partial, 1))
        self.play(FadeOut(secant), Create(tangent), FadeIn(last), run_time=1.0)
        self.slice_groups[knob] = VGroup(plot, title, pieces, point, head, rows, tangent, last)
        self.slice_lines[knob] = on_map
        self.slice_rows[knob] = [*shown, last_string]

    def slice_angle(self) -> None:
        """Hold v: L(θ), its secants and its tangent, of slope ∂L/∂θ."""
        self._slice("angle")

    def slice_speed(self) -> None:
        """Hold θ: L(v) and ∂L/∂v."""
        self._slice("speed")

    def show_gradient(self) -> None:
        """The two partials side by side: the gradient, across the contour in the 1° = 1 m/s
        zoom, uphill."""
        shot = self.raw.steps[0]
        self.play(*(FadeOut(g) for g in self.slice_groups.values()),
                  *(line.animate.set_stroke(opacity=0.3) for line in self.slice_lines.values()),
                  run_time=style.SHORT)
        self.say("knobs.gradient")
        g = MathTex(r"\nabla L = \left(\frac{\partial L}{\partial\theta},\,"
                    r"\frac{\partial L}{\partial v}\right)", font_size=style.SIZE_MATH - 6,
                    color=style.TEXT)
        g.move_to([PANEL_X, 1.7, 0], aligned_edge=LEFT)
        nums = words(f"= ({format_number(shot.grad_angle, 1)},  "
                     f"{format_number(shot.grad_speed, 1)})", SMALL, style.CURVE)
        nums.next_to(g, DOWN, buff=0.2, aligned_edge=LEFT)
        self.grad_numbers = (f"= ({format_number(shot.grad_angle, 1)},  "
                             f"{format_number(shot.grad_speed, 1)})")
        self.grad_text = VGroup(g, nums)
        self.play(FadeIn(self.grad_text), run_time=style.SHORT)
        self.say("knobs.perpendicular")
        link = Line(self.map.c2p(*self.first), self.zoom.c2p(*self.first))
        link.set_stroke(style.TEXT_DIM, 1.5, opacity=0.6)
        self.zoom_link = link
        self.play(FadeIn(self.zoom_parts), Create(link), Create(self.zoom_lines),
                  run_time=1.2)
        self.play(Create(self.zoom_arrow), FadeIn(self.zoom_marks), run_time=1.0)

    def _rule(self, scales: tuple[str, str], eta: str) -> VGroup:
        """The update rule, one knob a line, and η."""
        a, v = scales
        lines = VGroup(
            words(f"θ ← θ − η·{a}∂L/∂θ", SMALL, style.TEXT),
            words(f"v ← v − η·{v}∂L/∂v,   η = {eta}", SMALL, style.TEXT),
        ).arrange(DOWN, buff=0.14, aligned_edge=LEFT)
        lines.move_to([PANEL_X, 1.95, 0], aligned_edge=LEFT + UP)
        self.rule_strings = (f"θ ← θ − η·{a}∂L/∂θ", f"v ← v − η·{v}∂L/∂v,   η = {eta}")
        return lines

    def _descent(self, which: str) -> None:
        """The descent ``which``: every number of the first steps, then the rest fast."""
        result = self.raw if which == "raw" else self.scaled
        color = style.MISS if which == "raw" else style.OPTIMUM
        steps = result.steps
        points = self._on_map([s.angle_deg for s in steps], [s.speed for s in steps])
        rows = self._rows(0.65)
        self.rows = rows
        path = VMobject().set_stroke(color, style.STROKE_LINE - 1)
        path.set_points_as_corners([points[0], points[0]])
        self.paths[which] = path
        dot = Dot(points[0], radius=style.DOT_RADIUS_SMALL, color=color)
        self.add(path, dot)
        self.play(*self._put_all(rows, self.values(steps[0], 0)), run_time=style.SHORT)
        self.shown[which].append({k: r.string for k, r in rows.items()})
        self.wait(0.3)
        n_full = min(self.full_steps, len(steps) - 1)
        for k in range(1, n_full + 1):
            self.end_beat()
            seg = Line(points[k - 1], points[k]).set_stroke(color, style.STROKE_LINE - 1)
            self.play(Create(seg), dot.animate.move_to(points[k]), run_time=0.6)
            path.set_points_as_corners(points[: k + 1])
            self.remove(seg)
            self.play(*self._put_all(rows, self.values(steps[k], k)), run_time=0.5)
            self.shown[which].append({k2: r.string for k2, r in rows.items()})
            self.wait(0.3)
        self.end_beat()
        rest = len(steps) - 1 - n_full
        if rest > 0:
            for r in rows.values():
                r.value.set_opacity(0.3)
            done = n_full

            def grow(_m, alpha: float) -> None:
                j = done + int(round(alpha * rest))
                path.set_points_as_corners(points[: j + 1])
                dot.move_to(points[j])

            self.play(UpdateFromAlphaFunc(path, grow, rate_func=linear), run_time=2.0)
        # the last shot: its numbers; no step follows it
        last = self.values(steps[-1], len(steps) - 1)
        final = {k2: r for k2, r in rows.items() if k2 not in ("step_angle", "step_speed")}
        self.play(*self._put_all(final, last),
                  FadeOut(rows["step_angle"]), FadeOut(rows["step_speed"]),
                  run_time=style.SHORT)
        self.shown[which].append({k2: r.string for k2, r in final.items()})
        self.end_dot = dot

    def descend_raw(self) -> None:
        """One η on degrees and m/s: every number of three steps, then 297 more, still short."""
        self.play(FadeOut(self.grad_text), FadeOut(self.zoom_parts), FadeOut(self.zoom_lines),
                  FadeOut(self.zoom_arrow), FadeOut(self.zoom_marks), FadeOut(self.zoom_link),
                  *(FadeOut(line) for line in self.slice_lines.values()),
                  run_time=style.SHORT)
        eta = format_eta(self.raw.rate)
        self.say("knobs.raw_rule", eta=eta)
        self.rule = rule = self._rule(("", ""), eta)
        self.play(FadeIn(rule), run_time=style.SHORT)
        self._descent("raw")
        raw = self.raw
        self.say("knobs.raw_stall", n=len(raw.steps) - 1, m=format_number(abs(raw.miss), 2))

    def explain_scales(self) -> None:
        """Why: one η suits the angle, and the powder crawls."""
        biggest = max(abs(s.step_speed) for s in self.raw.steps)
        self.say("knobs.crawl", dv=format_number(biggest, 3))
        self.play(Indicate(self.rows["speed"].value, color=style.HIGHLIGHT, scale_factor=1.0),
                  run_time=1.0)
        sa, sv = self.scaled.scales
        self.say("knobs.scale", sa=format_number(sa, 0), sv=format_number(sv, 0))

    def descend_scaled(self) -> None:
        """The knobs scaled to their ranges: the same rule, each partial times its range
        squared, hits."""
        eta = format_eta(self.scaled.rate)
        sa, sv = (format_number(s, 0) for s in self.scaled.scales)
        old = VGroup(self.rule, *(r for k, r in self.rows.items()
                                  if k not in ("step_angle", "step_speed")))
        self.play(FadeOut(old), self.paths["raw"].animate.set_stroke(opacity=0.75),
                  FadeOut(self.end_dot), run_time=style.SHORT)
        self.rule = rule = self._rule((f"{sa}²·", f"{sv}²·"), eta)
        self.play(FadeIn(rule), run_time=style.SHORT)
        self._descent("scaled")
        s = self.scaled
        ring = Circle(radius=0.2).set_stroke(style.HIGHLIGHT, style.STROKE_LINE)
        ring.move_to(self.map.c2p(s.angle_deg, s.speed))
        self.ring = ring
        self.play(Create(ring), run_time=style.SHORT)
        self.say("knobs.hit", n=len(s.steps) - 1, a=format_number(s.angle_deg, 2),
                 v=format_number(s.speed, 2), tol=f"{s.tol:g}")
        self.mark_poster()

    def close(self) -> None:
        """Millions of knobs: the next post."""
        self.say("knobs.next")
        # the curve of hits once more while the last sentence is read
        self.play(Indicate(self.hit_line, color=style.HIGHLIGHT, scale_factor=1.0),
                  run_time=1.5)


class TwoKnobsMapFigure(AimWithTwoKnobs):
    """The still ``two_knobs_map``: the contour map, the hit curve, the gradient at the first
    setting (on this map, whose knobs are drawn to their ranges, the gradient with respect to
    the scaled knobs, which crosses the contours at right angles) and both descents' paths."""

    def construct(self) -> None:
        self.lay_out()
        tr = self.tr
        self.add(self.title, self.subtitle, self.map_frame, self.contour_lines, self.hit_line,
                 self.hit_label, self.legend)
        for which, color, opacity in (("raw", style.MISS, 0.8), ("scaled", style.OPTIMUM, 1.0)):
            result = self.raw if which == "raw" else self.scaled
            pts = self._on_map([s.angle_deg for s in result.steps],
                               [s.speed for s in result.steps])
            path = _polyline(pts).set_stroke(color, style.STROKE_LINE - 1, opacity=opacity)
            self.paths[which] = path
            self.add(path, Dot(pts[-1], radius=style.DOT_RADIUS_SMALL, color=color))
        shot = self.scaled.steps[0]
        sa, sv = self.scaled.scales
        u = np.array([sa * shot.grad_angle, sv * shot.grad_speed])
        u = u / np.linalg.norm(u)
        start = self.map.c2p(*self.first)
        arrow = Line(start, start + 0.9 * np.array([u[0], u[1], 0.0]))
        arrow.set_stroke(style.CURVE, style.STROKE_LINE).add_tip(tip_length=0.16, tip_width=0.16)
        arrow.get_tip().set_fill(style.CURVE, 1).set_stroke(style.CURVE, 1)
        self.map_arrow, self.map_direction = arrow, u
        self.add(arrow, self.first_dot)
        keys = (("knobs.figure.gradient", style.CURVE, {}),
                ("knobs.figure.raw", style.MISS, {"n": len(self.raw.steps) - 1}),
                ("knobs.figure.scaled", style.OPTIMUM, {"n": len(self.scaled.steps) - 1}))
        legend = VGroup(*(words(tr(k, **f), SMALL, c) for k, c, f in keys))
        legend.arrange(DOWN, buff=0.25, aligned_edge=LEFT)
        legend.move_to([PANEL_X, 1.9, 0], aligned_edge=LEFT + UP)
        self.add(legend)
