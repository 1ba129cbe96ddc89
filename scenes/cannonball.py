"""Scene 1 of the post: the cannonball, its average velocity and its instantaneous velocity.

:class:`CannonballTrajectory` fires the post's cannon (750 m/s at 45°, with the air drag of a
12-pound iron ball, all from ``bibun.toml``) and tells the post's story with numbers from
:mod:`core.ballistics`:

1. the cannon stands on the ground, its barrel on the launch line; the ball flies the drag
   trajectory with a trail and a clock in physical seconds;
2. the straight chord from muzzle to landing (the displacement Δs) over T is the *average*
   velocity; the post's "750 m in 1 s" is that idea of an average, while 750 m/s here is the
   launch speed: the flight's average is set beside it;
3. chords from t = T/4 over Δt = T/2, T/4, … (only the chords the table measures are drawn);
   their average velocities Δs/Δt converge to the *instantaneous* velocity
   v = lim Δs/Δt, the arrow tangent to the path;
4. the tangent follows the path to the apex, where it turns horizontal: slope 0, maximum height;
5. the axes zoom out to the drag-free parabola of the same shot, dashed, with both ranges, and
   its apex is marked the same way (slope 0, its maximum height).

Both axes have equal scales in x and y (metres), so the launch angle and every slope on screen are
the true ones, and zooming out is a uniform scaling about the muzzle.

:class:`CannonballFigure` is the post's picture in the videos' style (its last frame is the
figure ``cannonball_average_vs_instantaneous``): the path, the average-velocity chord and the
instantaneous velocity arrow, labelled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    UR,
    Arrow,
    Circle,
    Create,
    DashedLine,
    DashedVMobject,
    Dot,
    FadeIn,
    FadeOut,
    Flash,
    GrowArrow,
    Line,
    Mobject,
    Polygon,
    ReplacementTransform,
    ShowPassingFlash,
    SurroundingRectangle,
    Transform,
    ValueTracker,
    VGroup,
    VMobject,
    linear,
    smooth,
)

from core.ballistics import Launch, Trajectory, simulate
from core.config import CannonConfig
from core.ticks import nice_step
from scenes.kit import style
from scenes.kit.axes import PlotAxes
from scenes.kit.caption import BAND_TOP
from scenes.kit.formatting import format_fixed, format_grouped
from scenes.kit.lesson import Lesson
from scenes.kit.readouts import Readout
from scenes.kit.typography import tex, text

__all__ = ["CannonballFigure", "CannonballTrajectory", "ChordTable", "fit_title", "flight_axes"]

# Screen regions (Manim units; the frame is 14.22 x 8). The scene's plot keeps to the left, the
# numbers to the right column, the caption to the band at the bottom (scenes.kit.caption). The
# figure has its title in a band at the top instead.
_LEFT = -7.11 + style.MARGIN
_RIGHT = 7.11 - style.MARGIN
_BOTTOM = BAND_TOP + 0.1  # the scene's plot: clear of the caption band
_PLOT_TOP = 3.3  # top of the scene's plot box
_FIGURE_BOTTOM = -4.0 + style.MARGIN
_TITLE_Y = 3.22  # centre of the figure's title band
_TITLE_WIDTH = _RIGHT - _LEFT - 0.6  # widest title line (some air beyond the margins)
_FIGURE_TOP = 2.55  # top of the figure's plot box (room for the title above)
_COLUMN_X = 3.05  # left edge of the right column of numbers
_NUMBER_SIZE = 30  # table and formula numbers (>= style.SIZE_SMALL)


# ---------------------------------------------------------------------------------------------
# geometry: axes in metres with equal scales, fitted to a trajectory


@dataclass(frozen=True)
class _Box:
    """A screen rectangle for the whole axes, tick numbers and labels included."""

    left: float
    right: float
    bottom: float
    top: float


_PLOT_BOX = _Box(_LEFT, _COLUMN_X - 0.3, _BOTTOM, _PLOT_TOP)
_WIDE_BOX = _Box(_LEFT, _RIGHT, _BOTTOM, _PLOT_TOP)  # the scene's, without the column
_FIGURE_BOX = _Box(_LEFT, _RIGHT, _FIGURE_BOTTOM, _FIGURE_TOP)
_LABEL_SIZE = style.SIZE_BODY  # words on the plot


def _nice_top(value: float, max_ticks: int) -> tuple[float, float]:
    """``(stop, step)``: the first nice tick at or above ``value``, ticks from 0."""
    step = nice_step(value, max_ticks=max_ticks)
    return math.ceil(value / step - 1e-9) * step, step


def flight_axes(
    x_max: float,
    y_max: float,
    box: _Box = _PLOT_BOX,
    *,
    headroom: float = 0.4,
    reach: tuple[float, float] = (0.0, 0.0),
    x_label_below: bool = False,
) -> PlotAxes:
    """Axes from the muzzle (0, 0) to at least ``(x_max, y_max)`` metres, equal scales in x and y,
    as large as fits in ``box`` with their numbers and labels; at least ``headroom`` screen units
    stay free above ``y_max`` (for the apex label), and ``reach`` (left, down) of the origin for
    what is drawn there (the cannon). ``x_label_below`` puts the x label under the last tick
    number instead of right of it (wider axes when the width is what limits them)."""
    x_stop, x_step = _nice_top(x_max * 1.02, 6)
    y_stop, y_step = _nice_top(y_max * 1.02, 5)
    # room for tick numbers (left, below) and the axis labels (above, right): guessed first, then
    # measured on a first build and the axes built again to fit exactly
    # (and ticks far enough apart on screen for their numbers)
    pads = np.array([max(1.0, reach[0]), max(0.55, reach[1]), 0.5, 1.0])  # left, bottom, top, right
    for _ in range(3):
        width = box.right - box.left - pads[0] - pads[3]
        height = box.top - box.bottom - pads[1] - pads[2]
        stop = y_stop
        for _ in range(6):
            unit = min(width / x_stop, height / stop)  # screen units per metre
            if (stop - y_max) * unit >= headroom:
                break
            stop += y_step
        x_gap = 0.16 * len(f"{x_stop:.0f}") + 0.4  # a tick number's width and some air
        if x_step * unit < x_gap or y_step * unit < 0.5:
            # the smallest nice steps at least that far apart (one interval of that length)
            x_step = nice_step(max(x_step, x_gap / unit), max_ticks=1)
            y_step = nice_step(max(y_step, 0.5 / unit), max_ticks=1)
            x_stop = math.ceil(x_max * 1.02 / x_step - 1e-9) * x_step
            y_stop = stop = math.ceil(y_max * 1.02 / y_step - 1e-9) * y_step
            unit = min(width / x_stop, height / stop)
        axes = PlotAxes(
            (0.0, x_stop, x_step),
            (0.0, stop, y_step),
            x_length=x_stop * unit,
            y_length=stop * unit,
            x_label=r"x\ (\mathrm{m})",
            y_label=r"y\ (\mathrm{m})",
        )
        if x_label_below and len(axes.x_numbers):
            axes.x_label.next_to(axes.x_numbers, DOWN, buff=0.1)
            axes.x_label.align_to(axes.x_numbers[-1], RIGHT)
        lower_left, upper_right = axes.c2p(0.0, 0.0), axes.c2p(x_stop, stop)
        pads = (
            np.array(
                [
                    lower_left[0] - axes.get_left()[0],
                    lower_left[1] - axes.get_bottom()[1],
                    axes.get_top()[1] - upper_right[1],
                    axes.get_right()[0] - upper_right[0],
                ]
            )
            + 0.02
        )
        pads[0], pads[1] = max(pads[0], reach[0]), max(pads[1], reach[1])
    # the muzzle sits at the origin: the cannon replaces the two "0" tick numbers
    axes.x_numbers.remove(axes.x_numbers[0])
    axes.y_numbers.remove(axes.y_numbers[0])
    axes.shift(_align_shift(axes, box, reach))
    return axes


def _align_shift(axes: PlotAxes, box: _Box, reach: tuple[float, float]) -> np.ndarray:
    """The shift centring the axes (numbers, labels and ``reach`` around the origin) in the box."""
    origin = axes.c2p(0.0, 0.0)
    left = min(axes.get_left()[0], origin[0] - reach[0])
    bottom = min(axes.get_bottom()[1], origin[1] - reach[1])
    x = (box.left + box.right) / 2 - (left + axes.get_right()[0]) / 2
    y = (box.bottom + box.top) / 2 - (bottom + axes.get_top()[1]) / 2
    return np.array([x, y, 0.0])


def _unit(axes: PlotAxes) -> float:
    """Screen units per metre (equal in x and y)."""
    return float(axes.c2p(1.0, 0.0)[0] - axes.c2p(0.0, 0.0)[0])


def _path(axes: PlotAxes, traj: Trajectory, *, samples: int = 241) -> VMobject:
    """The flight drawn smoothly through ``samples`` points evenly spaced in *time*, so a
    fraction a of the curve (``pointwise_become_partial``) is the flight up to a·T."""
    ts = np.linspace(0.0, traj.flight_time, samples)
    xs, ys = traj.position(ts)
    path = VMobject()
    path.set_points_smoothly(axes.c2p_array(xs, ys))
    return path.set_stroke(style.TRAJECTORY, style.STROKE_CURVE).set_fill(opacity=0)


def _point(axes: PlotAxes, traj: Trajectory, t: float) -> np.ndarray:
    t = min(max(float(t), 0.0), traj.flight_time)
    return axes.c2p(*traj.position(t))


def _velocity_arrow(start: np.ndarray, v: tuple[float, float], scale: float, color: str) -> Arrow:
    """An arrow from ``start`` for the velocity ``v`` (m/s); ``scale`` is screen units per m/s."""
    end = start + scale * np.array([v[0], v[1], 0.0])
    return Arrow(
        start,
        end,
        buff=0,
        color=color,
        stroke_width=style.STROKE_LINE + 1,
        tip_length=0.24,
        max_tip_length_to_length_ratio=0.3,
        max_stroke_width_to_length_ratio=12,
    )


#: The cannon's size in the zoomed-out view (the drag path is short there).
_WIDE_CANNON = 0.45
# the cannon's barrel length, muzzle and breech radii (half widths), wheel radius and stroke
_BARREL, _R_MUZZLE, _R_BREECH, _R_WHEEL, _WHEEL_STROKE = 0.8, 0.07, 0.11, 0.16, 4.0


def _cannon_geometry(angle_deg: float, size: float = 1.0) -> tuple[float, float, float]:
    """Where the cannon's parts sit along the launch line from the launch point (screen units):
    ``(breech, hub, muzzle)``. The barrel lies on the launch line, so the ball leaves the muzzle
    on its path; the breech and the wheel's hub are far enough up the line that the whole cannon,
    strokes included, stands on the ground line (the axis through the launch point). ``size``
    scales the drawing (not its strokes)."""
    s, c = math.sin(math.radians(angle_deg)), math.cos(math.radians(angle_deg))
    s = max(s, 0.05)  # (a near-flat barrel: the cannon slides far up its path)
    lift = (style.STROKE_AXIS + _WHEEL_STROKE) * 0.005 + 0.01  # half of each stroke, some air
    breech = (size * _R_BREECH * c + lift) / s  # the breech's lower corner clears the ground
    hub = max((size * _R_WHEEL + lift) / s, breech + 0.1 * size)  # the wheel stands on it
    return breech, hub, breech + size * _BARREL


def _cannon_reach(angle_deg: float) -> tuple[float, float]:
    """How far the cannon reaches left of and below its launch point (screen units)."""
    _, hub, _ = _cannon_geometry(angle_deg)
    c = math.cos(math.radians(angle_deg))
    left = max(0.0, _R_WHEEL - hub * c) + _WHEEL_STROKE * 0.005
    return left + 0.05, 0.0


def _cannon(axes: PlotAxes, angle_deg: float, height: float, *, size: float = 1.0) -> VGroup:
    """A field cannon standing on the ground line, its barrel on the launch line from the launch
    point ``(0, height)``, so the ball leaves the muzzle along its path (:func:`_muzzle`).
    ``size`` scales it (strokes kept)."""
    start = axes.c2p(0.0, height)
    direction = np.array([math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg)), 0])
    normal = np.array([-direction[1], direction[0], 0.0])
    breech_at, hub_at, muzzle_at = _cannon_geometry(angle_deg, size)
    breech, muzzle = start + breech_at * direction, start + muzzle_at * direction
    barrel = (
        Polygon(
            muzzle + size * _R_MUZZLE * normal,
            breech + size * _R_BREECH * normal,
            breech - size * _R_BREECH * normal,
            muzzle - size * _R_MUZZLE * normal,
        )
        .set_stroke(style.BACKGROUND, 1.5)
        .set_fill(style.CANNON, 1.0)
    )
    hub_point = start + hub_at * direction
    wheel = Circle(radius=size * _R_WHEEL).move_to(hub_point)
    wheel.set_stroke(style.MID_GREY, _WHEEL_STROKE).set_fill(style.BACKGROUND, 1.0)
    hub = Dot(hub_point, radius=0.04 * size, color=style.MID_GREY)
    # the wheel in front of the barrel, as seen from the side
    return VGroup(barrel, wheel, hub)


def _muzzle(axes: PlotAxes, angle_deg: float, height: float) -> np.ndarray:
    """The screen point of the muzzle of :func:`_cannon`."""
    a = math.radians(angle_deg)
    return axes.c2p(0.0, height) + _cannon_geometry(angle_deg)[2] * np.array(
        [math.cos(a), math.sin(a), 0.0]
    )


def _follow_number(readout: Readout):
    """An updater keeping a unit just right of ``readout``'s number, on its line."""

    def follow(unit: Mobject) -> None:
        unit.next_to(readout.number, RIGHT, buff=0.14, coor_mask=np.array([1.0, 0.0, 0.0]))

    return follow


def _overlap(a: Mobject, b: Mobject) -> bool:
    """Whether the bounding boxes of ``a`` and ``b`` intersect."""
    return not (
        a.get_right()[0] < b.get_left()[0]
        or b.get_right()[0] < a.get_left()[0]
        or a.get_top()[1] < b.get_bottom()[1]
        or b.get_top()[1] < a.get_bottom()[1]
    )


def _clear_numbers(axes: PlotAxes, mob: Mobject) -> None:
    """Drop the tick numbers of ``axes`` that ``mob`` (the cannon) would cover."""
    for numbers in (axes.x_numbers, axes.y_numbers):
        for number in [n for n in numbers if _overlap(n, mob)]:
            numbers.remove(number)


# breaks preferred in a two-line caption: after a colon or comma (either script), then a space,
# then between two CJK characters
_STRONG_BREAKS = ":：、，,;；"
_CJK_PUNCT_CLOSE = "、。，．：；！？）」』"


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _char_em(ch: str) -> float:
    """A rough advance of ``ch`` in ems (CJK full width, Latin about half)."""
    return 1.0 if _is_cjk(ch) else 0.55


def _split_caption(s: str) -> tuple[str, str] | None:
    """``s`` cut into two lines at the most natural place near its middle: a colon or comma
    that leaves neither line much longer than 60 % of the text, else the most balanced space
    (or, in Japanese, the most balanced point between two CJK characters)."""
    ems = [_char_em(c) for c in s]
    total = sum(ems)
    cuts: list[tuple[int, bool]] = []  # (index where line 2 starts, strong)
    for i in range(1, len(s)):
        before, here = s[i - 1], s[i]
        if here == " ":
            continue
        strong = before in _STRONG_BREAKS or (before == " " and s[i - 2 : i - 1] in _STRONG_BREAKS)
        if (
            before == " "
            or strong
            or (_is_cjk(before) and _is_cjk(here) and here not in _CJK_PUNCT_CLOSE)
        ):
            cuts.append((i, strong))
    if not cuts:
        return None

    def longer(i: int) -> float:
        first = sum(ems[:i])
        return max(first, total - first)

    strong_ok = [i for i, strong in cuts if strong and longer(i) <= 0.6 * total]
    i = min(strong_ok or [i for i, _ in cuts], key=longer)
    return s[:i].rstrip(), s[i:].lstrip()


def fit_title(s: str, *, size: float = style.SIZE_BODY) -> Mobject:
    """The figure's title ``s`` centred in the top band, inside the frame with some air to spare.

    One line when it fits (shrunk by at most 10 % if needed); a longer caption is wrapped onto
    two centred lines (at a colon or comma when that balances them), shrunk only if a line is
    still too wide or the pair too tall for the band between the frame's top and the plot."""
    width, top = _TITLE_WIDTH, 4.0 - style.MARGIN
    mob: Mobject = text(s, size=size)
    if mob.width > width / 0.9:
        parts = _split_caption(s)
        if parts is not None:
            mob = VGroup(*(text(p, size=size) for p in parts)).arrange(DOWN, buff=0.1)
    if mob.width > width:
        mob.scale_to_fit_width(width)
    bottom = _FIGURE_TOP + 0.15  # clear of the plot's y label
    if mob.height > top - bottom:
        mob.scale_to_fit_height(top - bottom)
    mob.move_to([0.0, _TITLE_Y, 0.0])
    # a tall (two-line) caption keeps within the band
    mob.shift(DOWN * max(0.0, mob.get_top()[1] - top))
    mob.shift(UP * max(0.0, bottom - mob.get_bottom()[1]))
    return mob


def _fmt_m(value: float) -> str:
    """Metres with a thousands separator: 3,707 (``-0`` is ``0``; a minus is ASCII ``-``)."""
    return format_grouped(value, 0, minus="-")


def _tex_m(value: float) -> str:
    """Metres for ``MathTex``, with the same separator as :func:`_fmt_m`: ``3{,}707``."""
    return format_grouped(value, 0, minus="-", separator="{,}")


def _column_text(s: str, *, size: float, color: str) -> Mobject:
    """``s`` in the right column: one line if it fits, else two, broken before its bracket
    (never shrunk below ``size`` unless even a line is too wide)."""
    width = _RIGHT - _COLUMN_X
    mob: Mobject = text(s, size=size, color=color)
    cut = max(s.find("（"), s.find(" ("))
    if mob.width > width and cut > 0:
        lines = (s[:cut].rstrip(), s[cut:].lstrip())
        mob = VGroup(*(text(line, size=size, color=color) for line in lines))
        mob.arrange(DOWN, aligned_edge=LEFT, buff=0.08)
    if mob.width > width:
        mob.scale_to_fit_width(width)
    return mob


def _fmt_factor(x: float) -> str:
    """A speed-up factor: whole from 3 (6), else one decimal (2.5)."""
    return f"{x:.{0 if x >= 3 else 1}f}"


def _fraction_of_t(fraction: float) -> str:
    """``fraction`` of the flight time T as text: 0.25 -> ``T/4``, 0.75 -> ``3T/4``."""
    f = Fraction(fraction).limit_denominator(12)
    if abs(float(f) - fraction) > 1e-9:
        return f"{fraction:g}T"
    return f"T/{f.denominator}" if f.numerator == 1 else f"{f.numerator}T/{f.denominator}"


class ChordTable(VGroup):
    """The right column's table of chords from t0: Δt (s) | v̄x | v̄y, a row per halving of Δt,
    then the limit Δt → 0 (the velocity at t0) in the velocity colour, with the definitions.

    Every number comes from ``trajectory`` (:meth:`core.ballistics.Trajectory.average_velocity`
    and :meth:`~core.ballistics.Trajectory.velocity`); the table is laid out once, and the beats
    show its parts one by one (:attr:`header`, :attr:`units` and :attr:`rule` first, a row of
    :attr:`rows` per chord, the limit last). Its submobjects are, in order, the header, the units,
    the rule, the rows, the rule above the limit, the limit row, its label and the limit formula.

    Parameters
    ----------
    trajectory : Trajectory
        The flight the chords cut.
    t0 : float
        The instant every chord starts from (s).
    halvings : int
        Chords over Δt = T/2, T/4, ..., T/2**halvings (T the flight time).
    limit_label : str
        The words under the limit row (the instantaneous velocity, in the scene's language).
    left : float
        The column's left edge (screen units).
    top : float
        The header row's centre line.
    row_height : float
        From one row to the next.

    Attributes
    ----------
    steps : list of tuple
        ``(dt, (v̄x, v̄y))`` of each row, from the longest chord.
    header, units, rule, rows, limit_rule, limit, limit_label, limit_formula : Mobject
        The parts, placed; ``rows[k]`` is the row of ``steps[k]`` (its cells Δt, v̄x, v̄y).
    mean : Mobject
        The definition v̄ = Δs/Δt at the foot of the column (where the limit row goes): not a
        part of the table, shown with the first row and turned into :attr:`limit_formula`.
    """

    def __init__(
        self,
        trajectory: Trajectory,
        t0: float,
        *,
        halvings: int,
        limit_label: str,
        left: float = _COLUMN_X,
        top: float = _PLOT_TOP - 0.2,
        row_height: float = 0.42,
    ) -> None:
        super().__init__()
        T = trajectory.flight_time
        self.col_right = col_right = np.array([left + 1.0, left + 2.25, left + 3.4])
        self.top, self.row_height = top, row_height
        self.header = self._row(
            [
                tex(r"\Delta t\,(\mathrm{s})", size=_NUMBER_SIZE),
                tex(r"\bar v_x", size=_NUMBER_SIZE, color=style.CHORD),
                tex(r"\bar v_y", size=_NUMBER_SIZE, color=style.CHORD),
            ],
            0,
        )
        self.units = VGroup(
            *(tex(r"\mathrm{m/s}", size=style.SIZE_SMALL, color=style.TEXT_DIM) for _ in "xy")
        )
        for u, xr in zip(self.units, col_right[1:], strict=True):
            u.move_to([xr - u.width / 2, top - row_height * 0.85, 0])
        rule_y = top - row_height * 1.3
        self.rule = Line([left, rule_y, 0], [col_right[2], rule_y, 0])
        self.rule.set_stroke(style.TEXT_DIM, 1.5)
        # the definition in use, at the foot of the column (below the table's last row)
        limit_y = top - row_height * (halvings + 1.95)
        self.mean = tex(r"\bar v = \frac{\Delta s}{\Delta t}", size=_NUMBER_SIZE, color=style.CHORD)
        self.mean.move_to([left, limit_y - 0.95, 0], aligned_edge=UL)
        self.steps = []
        self.rows = VGroup()
        for k in range(1, halvings + 1):
            dt = T / 2**k
            vbar = trajectory.average_velocity(t0, t0 + dt)
            self.steps.append((dt, vbar))
            self.rows.add(self._row(
                [
                    tex(format_fixed(dt, 2), size=_NUMBER_SIZE),
                    tex(format_fixed(vbar[0], 1), size=_NUMBER_SIZE, color=style.CHORD),
                    tex(format_fixed(vbar[1], 1), size=_NUMBER_SIZE, color=style.CHORD),
                ],
                k + 0.75,
            ))
        # the limit: the velocity at t0, and its definition
        v = trajectory.velocity(t0)
        self.limit = self._row(
            [
                tex(r"\to 0", size=_NUMBER_SIZE, color=style.VELOCITY),
                tex(format_fixed(v[0], 1), size=_NUMBER_SIZE, color=style.VELOCITY),
                tex(format_fixed(v[1], 1), size=_NUMBER_SIZE, color=style.VELOCITY),
            ],
            halvings + 1.95,
        )
        self.limit_rule = self.rule.copy().set_y(self.limit.get_top()[1] + 0.14)
        self.limit_label = text(limit_label, size=style.SIZE_SMALL, color=style.VELOCITY)
        self.limit_label.next_to(self.limit, DOWN, buff=0.16).align_to(self.rule, LEFT)
        self.limit_formula = tex(
            r"v = \lim_{\Delta t \to 0} \frac{\Delta s}{\Delta t}",
            size=_NUMBER_SIZE,
            color=style.VELOCITY,
        )
        self.limit_formula.next_to(self.limit_label, DOWN, buff=0.3).align_to(self.rule, LEFT)
        self.add(self.header, self.units, self.rule, self.rows, self.limit_rule, self.limit,
                 self.limit_label, self.limit_formula)

    def _row(self, cells: list[Mobject], i: float) -> VGroup:
        """``cells`` right-aligned in the columns, on row ``i`` (0: the header)."""
        y = self.top - self.row_height * i
        for cell, xr in zip(cells, self.col_right, strict=True):
            cell.move_to([xr - cell.width / 2, y, 0])
        return VGroup(*cells)


# ---------------------------------------------------------------------------------------------
# the scenes


class _CannonballBase(Lesson):
    """Loading the launch and building what both the video and the figure show."""

    #: The instant whose instantaneous velocity the chords converge to, as a fraction of the flight.
    instant_fraction = 0.25
    #: Screen length of the velocity arrow at the chosen instant.
    arrow_length = 1.7

    def load(self, box: _Box = _PLOT_BOX) -> None:
        cfg = self.cfg
        self.launch: Launch = cfg.cannon.launch
        self.trajectory = simulate(self.launch)
        self.has_drag = self.launch.drag > 0
        self.vacuum = (
            simulate(
                Launch(
                    self.launch.speed,
                    self.launch.angle_deg,
                    g=self.launch.g,
                    height=self.launch.height,
                )
            )
            if self.has_drag
            else self.trajectory
        )
        traj = self.trajectory
        self.reach = _cannon_reach(self.launch.angle_deg)
        self.axes = self.flight_axes = flight_axes(
            traj.range, traj.max_height, box, reach=self.reach
        )
        self.unit = _unit(self.axes)
        self.instant = self.instant_fraction * traj.flight_time
        # screen units per m/s: the velocity at the chosen instant is arrow_length long
        self.arrow_scale = self.arrow_length / traj.speed(self.instant)


class CannonballTrajectory(_CannonballBase):
    """The post's cannonball: average velocity, instantaneous velocity, the apex, and no air.

    Attributes used by the tests: ``axes`` (the axes in use at the end), ``flight_axes``,
    ``trajectory``, ``vacuum``, ``apex_dot`` (on ``axes``), ``instant``, ``instant_arrow``
    (velocity at ``instant`` on ``flight_axes``), ``apex_arrow``, ``chord_velocities`` and
    ``chords`` (the screen ends of each chord drawn), ``table`` (the :class:`ChordTable`),
    ``limit_formula``, ``cannon``,
    ``vacuum_apex_dot`` and ``vacuum_tangent`` (with drag), ``speedup`` and ``clock_note``.
    """

    #: Chords over Δt = T/2, T/4, ..., T/2**halvings.
    halvings = 7
    #: Animation seconds for the flight (the clock shows physical seconds).
    flight_run_time = 6.0

    def construct(self) -> None:
        self.load()
        self.beats(
            self.show_cannon,
            self.fly,
            self.show_average,
            self.compare_with_post,  # the post's "750 m in 1 s" is an average; here, launch speed
            self.notice_the_bend,
            self.cut_into_chords,  # a beat per halving of the chord's time
            self.follow_to_apex,
            self.compare_without_air,
            self.mark_vacuum_apex,
        )

    # -- 1. the cannon and its launch ----------------------------------------------------------
    def show_cannon(self) -> None:
        launch, axes = self.launch, self.axes
        self.cannon = _cannon(axes, launch.angle_deg, launch.height)
        _clear_numbers(axes, self.cannon)
        speed = tex(rf"v_0 = {launch.speed:.0f}\ \mathrm{{m/s}}", size=_NUMBER_SIZE)
        angle = tex(rf"\theta = {launch.angle_deg:g}^\circ", size=_NUMBER_SIZE)
        if self.has_drag:
            mantissa, exponent = f"{launch.drag:.1e}".split("e")
            drag = tex(
                rf"k = {mantissa} \times 10^{{{int(exponent)}}}\ \mathrm{{m^{{-1}}}}",
                size=_NUMBER_SIZE,
            )
        else:
            drag = tex(r"k = 0", size=_NUMBER_SIZE)
        self.launch_info = VGroup(speed, angle, drag).arrange(DOWN, aligned_edge=LEFT, buff=0.16)
        self.launch_info.move_to([_COLUMN_X, _PLOT_TOP, 0], aligned_edge=UL)
        fields = {"speed": f"{launch.speed:.0f}", "angle": f"{launch.angle_deg:g}"}
        intro = self.caption_to("cannon.intro", **fields)
        self.play(FadeIn(axes), run_time=1.0)
        self.play(FadeIn(self.cannon, shift=0.2 * UP), intro, run_time=1.0)
        self.play(FadeIn(self.launch_info), run_time=0.8)
        self.wait(style.READ)

    # -- 2. the flight, with a trail and a clock ----------------------------------------------
    def fly(self) -> None:
        traj, axes = self.trajectory, self.axes
        T = traj.flight_time
        self.path = _path(axes, traj)
        # a long flight plays in flight_run_time seconds; a short one no faster than 3x real time
        run_time = min(self.flight_run_time, max(3.0, T / 3.0))
        clock = Readout("t", value=0.0, fmt="{:.1f}", size=style.SIZE_READOUT)
        unit = tex(r"\mathrm{s}", size=style.SIZE_READOUT)
        unit.next_to(clock, RIGHT, buff=0.14).align_to(clock.number, DOWN)
        # the unit follows the number's right end (a move per frame, no typesetting)
        unit.add_updater(_follow_number(clock))
        self.speedup = T / run_time  # (the caption's factor, for the tests)
        speedup = _column_text(
            self.tr("cannon.speedup", x=_fmt_factor(self.speedup)),
            size=style.SIZE_SMALL,
            color=style.TEXT_DIM,
        )
        self.clock = VGroup(clock, unit)
        self.clock.next_to(self.launch_info, DOWN, buff=0.45, aligned_edge=LEFT)
        speedup.next_to(self.clock, DOWN, buff=0.14, aligned_edge=LEFT)
        self.clock_note = speedup

        time = ValueTracker(0.0)
        ball = Dot(_point(axes, traj, 0.0), radius=style.DOT_RADIUS * 1.15, color=style.POINT)
        trail = self.path.copy()
        trail.pointwise_become_partial(self.path, 0.0, 0.0)
        ball.add_updater(lambda m: m.move_to(_point(axes, traj, time.get_value())))
        trail.add_updater(
            lambda m: m.pointwise_become_partial(self.path, 0.0, time.get_value() / T)
        )
        clock.track(time.get_value)
        self.play(
            self.caption_to("cannon.flight" if self.has_drag else "cannon.flight_vacuum"),
            FadeIn(self.clock),
            FadeIn(speedup),
        )
        self.add(trail, ball)
        self.bring_to_front(self.cannon)
        self.play(
            Flash(
                _muzzle(axes, self.launch.angle_deg, self.launch.height),
                color=style.HIGHLIGHT,
                line_length=0.25,
                flash_radius=0.35,
                run_time=0.6,
            ),
            time.animate(run_time=run_time, rate_func=linear).set_value(T),
        )
        for mob in (ball, trail, clock.number, unit):
            mob.clear_updaters()
        clock.set_value(T)
        _follow_number(clock)(unit)
        clock.set_value(T)
        self.remove(trail)
        self.add(self.path)
        self.bring_to_front(self.cannon, ball)
        self.ball = ball
        self.play(
            self.caption_to("cannon.landed", t=f"{T:.1f}", range=_fmt_m(traj.range)),
        )
        self.wait(style.BEAT)

    # -- 3. the average velocity: the chord from muzzle to landing ----------------------------
    def show_average(self) -> None:
        traj, axes = self.trajectory, self.axes
        T = traj.flight_time
        start, end = _point(axes, traj, 0.0), _point(axes, traj, T)
        chord = Line(start, end, color=style.CHORD, stroke_width=style.STROKE_LINE)
        vbar = traj.average_velocity(0.0, T)
        arrow = _velocity_arrow(start, vbar, self.arrow_scale, style.CHORD)
        (x0, y0), (x1, y1) = traj.position(0.0), traj.position(T)
        label = text(self.tr("cannon.average_label"), size=_LABEL_SIZE, color=style.CHORD)
        formulas = VGroup(
            tex(
                rf"\bar v_x = \frac{{{_tex_m(x1 - x0)}\ \mathrm{{m}}}}"
                rf"{{{T:.1f}\ \mathrm{{s}}}} = {format_fixed(vbar[0], 1)}\ \mathrm{{m/s}}",
                size=_NUMBER_SIZE,
            ),
            tex(
                rf"\bar v_y = \frac{{{_tex_m(y1 - y0)}"
                rf"\ \mathrm{{m}}}}{{{T:.1f}\ \mathrm{{s}}}} = {format_fixed(vbar[1], 1)}"
                rf"\ \mathrm{{m/s}}",
                size=_NUMBER_SIZE,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        block = VGroup(label, formulas).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        block.next_to(self.clock_note, DOWN, buff=0.35, aligned_edge=LEFT)
        if block.width > _RIGHT - _COLUMN_X:
            block.scale_to_fit_width(_RIGHT - _COLUMN_X).align_to(self.clock_note, LEFT)
        # the displacement, named on the chord (above it, or beside a steep one)
        ds = tex(r"\Delta s", size=_NUMBER_SIZE, color=style.CHORD)
        ds.next_to(
            (start + end) / 2,
            UP if abs(end[1] - start[1]) < abs(end[0] - start[0]) else LEFT,
            buff=0.15,
        )
        # the displacement, its name, then the velocity and its two components, one by one
        self.play(self.caption_to("cannon.average"), Create(chord), run_time=1.2)
        self.play(FadeIn(ds), GrowArrow(arrow), FadeIn(label), run_time=0.8)
        self.wait(style.SHORT)
        self.play(FadeIn(formulas[0]), run_time=0.6)
        self.wait(style.BEAT)
        self.play(FadeIn(formulas[1]), run_time=0.6)
        self.wait(style.BEAT)
        self.average_speed = math.hypot(*vbar)
        self.average_group = VGroup(chord, arrow, block, ds)

    # -- 3b. the post's "750 m in 1 s" and this launch speed -------------------------------------
    def compare_with_post(self) -> None:
        """The post calls 750 m/s an average ("750 m in 1 s"); here it is the launch speed, and
        the average over the flight is far smaller: both numbers side by side, boxed."""
        speed, avg = self.launch.speed, self.average_speed
        size = tex(
            rf"|\bar v| = {format_fixed(avg, 1)}\ \mathrm{{m/s}}",
            size=_NUMBER_SIZE,
            color=style.CHORD,
        )
        formulas = self.average_group[2][1]
        size.next_to(formulas, DOWN, buff=0.22, aligned_edge=LEFT)
        boxes = VGroup(
            *(
                SurroundingRectangle(
                    m, color=style.HIGHLIGHT, buff=0.08, stroke_width=style.STROKE_THIN
                )
                for m in (self.average_group[2][0], self.launch_info[0], size)
            )
        )
        # the post's number is the default launch's (bibun.toml's defaults are the post's values)
        post = CannonConfig.speed
        fields = {"post": f"{post:.0f}", "speed": f"{speed:.0f}", "avg": format_fixed(avg, 1)}
        need = self.reading_time("cannon.post_average", **fields)
        # in the caption's order: the idea of an average, the launch speed, this flight's average
        self.play(self.caption_to("cannon.post_average", **fields), Create(boxes[0]), run_time=1.2)
        self.wait(max(style.BEAT, 0.3 * need - 1.2))
        self.play(FadeOut(boxes[0]), Create(boxes[1]), run_time=0.8)
        self.wait(max(style.BEAT, 0.3 * need - 0.8))
        self.play(FadeIn(size), Create(boxes[2]), run_time=1.0)
        self.wait(style.READ)
        self.average_group.add(size, boxes)

    def notice_the_bend(self) -> None:
        """The chord is straight, the path is not: a light runs along the bending path."""
        chord = self.average_group[0]
        self.play(
            self.caption_to("cannon.bends" if self.has_drag else "cannon.bends_vacuum"),
            FadeOut(VGroup(*self.average_group[1:])),
        )
        glow = self.path.copy().set_stroke(style.HIGHLIGHT, style.STROKE_CURVE + 2)
        for _ in range(2):
            self.play(ShowPassingFlash(glow.copy(), time_width=0.4), run_time=1.6)
            self.wait(style.SHORT)
        self.play(FadeOut(chord), run_time=style.SHORT)

    # -- 4. chords over shorter and shorter intervals -----------------------------------------
    def cut_into_chords(self) -> None:
        traj, axes = self.trajectory, self.axes
        t0 = self.instant
        P = _point(axes, traj, t0)
        self.play(
            FadeOut(self.clock_note),
            FadeOut(self.clock),
            FadeOut(self.launch_info),
            self.path.animate.set_stroke(opacity=0.4),
            self.caption_to(
                "cannon.cut", start=_fraction_of_t(self.instant_fraction), t0=f"{t0:.1f}"
            ),
        )
        # the table: Δt (s) | v̄x | v̄y, one row per halving, then the limit in the velocity colour
        self.table = table = ChordTable(
            traj, t0, halvings=self.halvings, limit_label=self.tr("cannon.instant_label")
        )
        self.play(FadeIn(table.header), FadeIn(table.units), Create(table.rule), run_time=0.8)

        dot_p = Dot(P, radius=style.DOT_RADIUS, color=style.POINT)
        instant_label = tex(rf"t = {t0:.1f}\ \mathrm{{s}}", size=_NUMBER_SIZE)
        instant_label.next_to(P, UL, buff=0.08).shift(LEFT * 0.12)
        self.play(FadeIn(dot_p, scale=0.5), FadeIn(instant_label), run_time=0.6)

        # only the chords the table measures are drawn: from P (t) to Q (t + Δt)
        shown = None  # the chord on screen: line, Q, velocity arrow, Δs, "t + Δt"
        self.chord_velocities = table.steps
        self.chords = []  # (start, end) screen points of each chord drawn, for the tests
        for k, ((dt, vbar), cells) in enumerate(zip(table.steps, table.rows, strict=True), 1):
            Q = _point(axes, traj, t0 + dt)
            self.chords.append((P, Q))
            new = self._chord(P, Q, vbar)
            if shown is None:
                shown = new
                chord, q_dot, arrow, ds, q_label = shown
                self.play(Create(chord), FadeIn(q_dot), FadeIn(q_label), run_time=1.0)
                self.play(GrowArrow(arrow), FadeIn(ds), FadeIn(cells), FadeIn(table.mean),
                          run_time=1.0)
                self.bring_to_front(dot_p)
                self.wait(style.BEAT)
            else:
                self.end_beat()
                self.play(
                    *(Transform(old, m) for old, m in zip(shown, new, strict=True)),
                    FadeIn(cells, shift=0.15 * DOWN),
                    run_time=0.8 if k < 4 else 0.6,
                )
                self.wait(0.6 if k < 4 else 0.35)

        # the limit: the velocity at t0, tangent to the path, and its definition
        self.end_beat()
        chord, q_dot, arrow, ds, q_label = shown
        self.instant_arrow = _velocity_arrow(P, traj.velocity(t0), self.arrow_scale, style.VELOCITY)
        self.limit_formula = table.limit_formula
        self.play(self.caption_to("cannon.limit"))
        self.play(
            ReplacementTransform(arrow, self.instant_arrow),
            FadeOut(chord),
            FadeOut(q_dot),
            FadeOut(ds),
            FadeOut(q_label),
            self.path.animate.set_stroke(opacity=1.0),
            Create(table.limit_rule),
            FadeIn(table.limit),
            FadeIn(table.limit_label),
            ReplacementTransform(table.mean, table.limit_formula),
            run_time=1.2,
        )
        self.bring_to_front(dot_p)
        self.wait(style.READ + style.BEAT)
        self.chord_group = VGroup(instant_label)
        self.instant_dot = dot_p

    def _chord(self, P: np.ndarray, Q: np.ndarray, vbar: tuple[float, float]) -> tuple:
        """The chord from P to Q drawn: its line, Q, the average velocity ``vbar`` as an arrow
        from P, "Δs" below the chord's middle (the path arches above it) and "t + Δt" by Q (the
        labels transparent where P and Q leave them no room)."""
        chord = Line(P, Q, color=style.CHORD, stroke_width=style.STROKE_LINE)
        q_dot = Dot(Q, radius=style.DOT_RADIUS_SMALL, color=style.CHORD)
        arrow = _velocity_arrow(P, vbar, self.arrow_scale, style.CHORD)
        d = (Q - P) / np.linalg.norm(Q - P)
        below = np.array([d[1], -d[0], 0.0])
        ds = tex(r"\Delta s", size=_NUMBER_SIZE, color=style.CHORD)
        ds.move_to((P + Q) / 2 + below * 0.3)
        q_label = tex(r"t + \Delta t", size=style.SIZE_SMALL, color=style.CHORD)
        q_label.next_to(Q, RIGHT, buff=0.12)
        roomy = np.linalg.norm(Q - P) > 1.1  # room for the labels between P and Q
        for m in (ds, q_label):
            m.set_opacity(1.0 if roomy else 0.0)
        return chord, q_dot, arrow, ds, q_label

    # -- 5. along the tangent to the apex -----------------------------------------------------
    def follow_to_apex(self) -> None:
        traj, axes = self.trajectory, self.axes
        ta = traj.apex_time
        clock = self.clock[0]
        clock.set_value(self.instant)
        self.clock.move_to([_COLUMN_X, _PLOT_TOP - 0.1, 0], aligned_edge=UL)
        self.play(
            FadeOut(self.chord_group),
            FadeOut(self.table),
            FadeIn(self.clock),
            self.caption_to("cannon.to_apex"),
        )
        time = ValueTracker(self.instant)

        def fmt1(v: float) -> str:
            return format_fixed(v, 1)

        def fmt2(v: float) -> str:
            return format_fixed(v, 2)

        readouts = VGroup(
            Readout(r"v_x", value=0.0, fmt=fmt1, size=style.SIZE_READOUT, color=style.VELOCITY),
            Readout(r"v_y", value=0.0, fmt=fmt1, size=style.SIZE_READOUT, color=style.VELOCITY),
            Readout(
                r"v_y / v_x", value=0.0, fmt=fmt2, size=style.SIZE_READOUT, color=style.VELOCITY
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        slope_word = text(self.tr("cannon.slope"), size=style.SIZE_SMALL, color=style.TEXT_DIM)
        readouts.next_to(self.clock, DOWN, buff=0.5, aligned_edge=LEFT)
        slope_word.next_to(readouts[2], DOWN, buff=0.12, aligned_edge=LEFT)

        def now() -> float:
            return min(max(time.get_value(), 0.0), traj.flight_time)

        def velocity() -> tuple[float, float]:
            return traj.velocity(now())

        def ratio() -> float:
            vx, vy = velocity()
            return vy / vx

        readouts[0].track(lambda: velocity()[0])
        readouts[1].track(lambda: velocity()[1])
        readouts[2].track(ratio)
        clock.track(now)
        self.clock[1].add_updater(_follow_number(clock))
        for r in readouts:
            r.number.update()

        # a copy moves to the apex; instant_arrow keeps the velocity at the instant (for tests)
        arrow = self.instant_arrow.copy()
        self.remove(self.instant_arrow)
        self.add(arrow)
        tangent = Line(LEFT, RIGHT).set_stroke(style.VELOCITY, style.STROKE_THIN, opacity=0.8)

        def place_tangent(m: Line) -> None:
            p = _point(axes, traj, now())
            vx, vy = velocity()
            d = np.array([vx, vy, 0.0]) / math.hypot(vx, vy)
            m.put_start_and_end_on(p - 1.3 * d, p + 1.3 * d)

        def place_arrow(m: Arrow) -> None:
            m.become(
                _velocity_arrow(
                    _point(axes, traj, now()), velocity(), self.arrow_scale, style.VELOCITY
                )
            )

        place_tangent(tangent)
        dot = self.instant_dot
        self.play(FadeIn(readouts), FadeIn(slope_word), Create(tangent), run_time=0.8)
        tangent.add_updater(place_tangent)
        arrow.add_updater(place_arrow)
        dot.add_updater(lambda m: m.move_to(_point(axes, traj, now())))
        self.bring_to_front(tangent, arrow, dot)
        self.play(time.animate.set_value(ta), run_time=3.0, rate_func=smooth)
        for m in (tangent, arrow, dot, clock.number, self.clock[1], *(r.number for r in readouts)):
            m.clear_updaters()
        time.set_value(ta)
        for r, value in zip(readouts, (*traj.velocity(ta), 0.0), strict=True):
            r.set_value(value)
        clock.set_value(ta)
        _follow_number(clock)(self.clock[1])
        self.apex_arrow = arrow

        apex = axes.c2p(*traj.position(ta))
        self.apex_dot = Dot(apex, radius=style.DOT_RADIUS * 1.2, color=style.APEX)
        # "slope 0" beyond an end of the horizontal tangent, on the side with room in the plot
        slope0 = text(self.tr("cannon.slope_zero"), size=_LABEL_SIZE, color=style.VELOCITY)
        plot_left, plot_right = axes.c2p(0, 0)[0], axes.c2p(axes.x_box[1], 0)[0]
        marks = VGroup(tangent, arrow)
        if marks.get_right()[0] + 0.15 + slope0.width <= plot_right:
            slope0.next_to(marks, RIGHT, buff=0.15)
        else:
            slope0.next_to(marks, LEFT, buff=0.15)
        height = text(
            self.tr("cannon.max_height", h=_fmt_m(traj.max_height)),
            size=_LABEL_SIZE,
            color=style.APEX,
        )
        height.next_to(apex, UP, buff=0.25)
        height.shift(RIGHT * max(0.0, plot_left + 0.1 - height.get_left()[0]))
        height.shift(LEFT * max(0.0, height.get_right()[0] - (_COLUMN_X - 0.2)))
        drop = DashedLine(apex, axes.c2p(traj.position(ta)[0], 0.0), dash_length=style.DASH_LENGTH)
        drop.set_stroke(style.APEX, style.STROKE_THIN)
        self.play(
            self.caption_to("cannon.apex"),
            FadeIn(self.apex_dot, scale=0.5),
            Create(drop),
            FadeIn(slope0),
            FadeIn(height),
            run_time=1.0,
        )
        self.remove(dot)
        self.wait(style.READ + style.BEAT)
        self.apex_group = VGroup(tangent, arrow, slope0, readouts, slope_word, drop)
        self.apex_label = height

    # -- 6. without air: the dashed parabola --------------------------------------------------
    def compare_without_air(self) -> None:
        traj, vac = self.trajectory, self.vacuum
        if not self.has_drag:
            label = self._range_label(self.axes, traj, "cannon.without_air_label", style.TEXT)
            self.play(
                FadeOut(self.apex_group),
                FadeOut(self.clock),
                self.caption_to("cannon.vacuum_only"),
                FadeIn(label),
            )
            self.wait(style.READ + style.BEAT)
            return
        old = self.axes
        # the larger of the two layouts (x label beside or below the numbers)
        wide = max(
            (
                flight_axes(
                    vac.range,
                    vac.max_height,
                    _WIDE_BOX,
                    headroom=0.0,
                    reach=self.reach,
                    x_label_below=below,
                )
                for below in (False, True)
            ),
            key=_unit,
        )
        ratio = vac.range / traj.range
        self.play(
            FadeOut(self.apex_group),
            FadeOut(self.apex_label),
            FadeOut(self.clock),  # (launch_info left with the average velocity)
            self.caption_to(
                "cannon.without_air", ratio=f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}"
            ),
        )
        new_path = _path(wide, traj)
        h = self.launch.height
        # a smaller cannon, so that it does not hide the short drag path at the new scale
        new_cannon = _cannon(wide, self.launch.angle_deg, h, size=_WIDE_CANNON)
        _clear_numbers(wide, new_cannon)
        apex_new = wide.c2p(*traj.position(traj.apex_time))
        land_new = wide.c2p(traj.range, 0.0)
        # zoom out: the old axes shrink about the muzzle onto the new ones (equal scales, so the
        # same uniform scaling maps every old point onto its new place)
        muzzle_old, muzzle_new = old.c2p(0, 0), wide.c2p(0, 0)
        zoom = _unit(wide) / _unit(old)
        shrinking = old.copy()  # flight_axes itself keeps its place (tests read it)
        self.remove(old)
        self.add(shrinking)
        self.play(
            shrinking.animate.scale(zoom, about_point=muzzle_old)
            .shift(muzzle_new - muzzle_old)
            .set_opacity(0.0),
            FadeIn(wide),
            ReplacementTransform(self.path, new_path),
            Transform(self.cannon, new_cannon),
            self.apex_dot.animate.move_to(apex_new).scale(0.7),
            self.ball.animate.move_to(land_new).scale(0.8),
            run_time=2.0,
        )
        self.path, self.axes = new_path, wide
        self.bring_to_front(self.path, self.apex_dot, self.ball)  # the short path over the cannon
        dashed = DashedVMobject(
            _path(wide, vac, samples=361).set_stroke(style.DRAG_FREE, style.STROKE_LINE),
            num_dashes=90,
            dashed_ratio=0.55,
        )
        self.play(Create(dashed), run_time=2.5, rate_func=linear)
        marks = VGroup(
            *(
                Line(wide.c2p(r, 0) + 0.12 * DOWN, wide.c2p(r, 0) + 0.12 * UP).set_stroke(
                    c, style.STROKE_LINE
                )
                for r, c in ((traj.range, style.TRAJECTORY), (vac.range, style.DRAG_FREE))
            )
        )
        with_air, no_air, leader = self._range_labels(wide, traj, vac)
        self.play(FadeIn(marks), FadeIn(with_air), FadeIn(no_air), *leader, run_time=1.0)
        self.wait(style.READ + style.BEAT)
        self.vacuum_path = dashed

    # -- 7. the parabola's top: slope 0 there too ---------------------------------------------
    def mark_vacuum_apex(self) -> None:
        """The drag-free parabola's apex, marked as the drag path's was: a horizontal tangent
        (slope 0) and the maximum height, from core."""
        if not self.has_drag:  # the flight was the parabola: its apex is marked already
            return
        vac, axes = self.vacuum, self.axes
        ta = vac.apex_time
        apex = axes.c2p(*vac.position(ta))
        self.vacuum_apex_dot = Dot(apex, radius=style.DOT_RADIUS, color=style.APEX)
        self.vacuum_tangent = Line(apex + 1.0 * LEFT, apex + 1.0 * RIGHT).set_stroke(
            style.VELOCITY, style.STROKE_LINE
        )
        slope0 = text(self.tr("cannon.slope_zero"), size=_LABEL_SIZE, color=style.VELOCITY)
        height = text(
            self.tr("cannon.max_height", h=_fmt_m(vac.max_height)),
            size=_LABEL_SIZE,
            color=style.APEX,
        )
        # both words in a row above the apex, in the free band under the caption (clear of the
        # flat dashed top); lacking room there, inside the arch under the tangent
        row = VGroup(slope0, height).arrange(RIGHT, buff=0.4, aligned_edge=DOWN)
        row.next_to(apex, UP, buff=0.22)
        if row.get_top()[1] > _PLOT_TOP:
            row.next_to(apex, DOWN, buff=0.3)
            for m in row:
                m.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)
        drop = DashedLine(apex, axes.c2p(vac.position(ta)[0], 0.0), dash_length=style.DASH_LENGTH)
        drop.set_stroke(style.APEX, style.STROKE_THIN)
        self.play(
            self.caption_to("cannon.vacuum_apex", h=_fmt_m(vac.max_height)),
            Create(self.vacuum_tangent),
            FadeIn(self.vacuum_apex_dot, scale=0.5),
            FadeIn(slope0),
            run_time=1.2,
        )
        self.wait(style.SHORT)
        self.play(Create(drop), FadeIn(height), run_time=1.0)
        self.wait(style.READ)

    def _range_labels(
        self, axes: PlotAxes, traj: Trajectory, vac: Trajectory
    ) -> tuple[Mobject, Mobject, list]:
        """The two range labels of the final view, each by its landing point and clear of both
        paths and of each other: "with air" just right of the drag landing (inside the
        parabola's arch, under its rising side); "without air" inside the arch, as low and as
        far right as the falling side lets it, with a short leader to the parabola's landing
        when it cannot touch it. Returns the labels and the leader's animations (maybe none)."""

        def points(t: Trajectory) -> np.ndarray:
            xs, ys = t.position(np.linspace(0.0, t.flight_time, 721))
            return axes.c2p_array(xs, ys)

        vac_pts, drag_pts = points(vac), points(traj)
        obstacles = np.concatenate([vac_pts, drag_pts])
        ground = axes.c2p(0.0, 0.0)[1]
        top, right = _PLOT_TOP, _RIGHT

        def clear(mob: Mobject, pad: float = 0.08, others: tuple = ()) -> bool:
            (x0, y0), (x1, y1) = mob.get_corner(DOWN + LEFT)[:2], mob.get_corner(UP + RIGHT)[:2]
            if x0 < axes.c2p(0, 0)[0] + 0.05 or x1 > right or y1 > top or y0 < ground + 0.05:
                return False
            inside = (
                (obstacles[:, 0] > x0 - pad)
                & (obstacles[:, 0] < x1 + pad)
                & (obstacles[:, 1] > y0 - pad)
                & (obstacles[:, 1] < y1 + pad)
            )
            return not inside.any() and not any(_overlap(mob, o) for o in others)

        size = style.SIZE_LABEL
        with_air = text(
            self.tr("cannon.with_air", range=_fmt_m(traj.range)), size=size, color=style.TRAJECTORY
        )
        land = axes.c2p(traj.range, 0.0)
        rows = [ground + 0.14 + k * (with_air.height + 0.12) for k in range(8)]
        for y in rows:  # right of the landing, as low as the paths allow
            with_air.move_to([land[0] + 0.15 + with_air.width / 2, y + with_air.height / 2, 0])
            if clear(with_air):
                break
        else:  # above the drag path's top
            with_air.next_to(axes.c2p(*traj.position(traj.apex_time)), UP, buff=0.2)

        no_air = text(
            self.tr("cannon.without_air_label", range=_fmt_m(vac.range)),
            size=size,
            color=style.TEXT,
        )
        vac_land = axes.c2p(vac.range, 0.0)
        placed = False
        for y in rows:
            # the falling side of the arch at the label's top: stay left of it
            high = vac_pts[vac_pts[:, 1] >= y + no_air.height + 0.08]
            if len(high) == 0:
                break
            x_right = min(float(high[:, 0].max()) - 0.12, vac_land[0] - 0.1)
            no_air.move_to([x_right - no_air.width / 2, y + no_air.height / 2, 0])
            if clear(no_air, others=(with_air,)):
                placed = True
                break
        leader: list = []
        if placed:
            start = np.array([no_air.get_right()[0] + 0.08, no_air.get_bottom()[1] + 0.1, 0.0])
            end = vac_land + 0.08 * UP + 0.06 * LEFT
            if np.linalg.norm(end - start) > 0.45:
                line = Line(start, end).set_stroke(style.DRAG_FREE, style.STROKE_THIN)
                near = np.linspace(start, end, 40)
                d = np.min(np.linalg.norm(near[:, None, :2] - drag_pts[None, :, :2], axis=2))
                if d > 0.1:
                    leader = [Create(line)]
        else:
            no_air = self._range_label(
                axes, vac, "cannon.without_air_label", style.TEXT, avoid=self.path
            )
            if _overlap(with_air, no_air):  # both by the ground: lift the vacuum range above
                no_air.shift(UP * (with_air.get_top()[1] + 0.12 - no_air.get_bottom()[1]))
        with_air.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)
        if placed:  # (_range_label gives its label a background already)
            no_air.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)
        return with_air, no_air, leader

    def _range_label(
        self, axes: PlotAxes, traj: Trajectory, key: str, color: str, avoid: Mobject | None = None
    ) -> Mobject:
        """``key``'s label of the range of ``traj``: inside its arch under the top when it fits
        there, else just right of the landing point (or, lacking room, above the top)."""
        label = text(self.tr(key, range=_fmt_m(traj.range)), size=_LABEL_SIZE, color=color)
        x_apex = traj.position(traj.apex_time)[0]
        label.move_to(axes.c2p(x_apex, 0.4 * traj.max_height))
        ts = np.linspace(0.0, traj.flight_time, 121)
        xs, ys = traj.position(ts)
        inside = axes.p2c(label.get_corner(DOWN + LEFT)), axes.p2c(label.get_corner(UP + RIGHT))
        (x0, y0), (x1, y1) = inside[0][:2], inside[1][:2]
        under_arch = np.all(ys[(xs >= x0) & (xs <= x1)] > y1) and xs.min() < x0 and x1 < xs.max()
        if not under_arch or y0 < 0:
            label.next_to(axes.c2p(traj.range, 0.0), UR, buff=0.15)
            if label.get_right()[0] > _RIGHT:
                label.next_to(axes.c2p(x_apex, traj.max_height), UP, buff=0.2)
        if avoid is not None:  # e.g. the drag path under the vacuum arch
            pts = avoid.get_all_points()
            (lx0, ly0), (lx1, ly1) = (
                label.get_corner(DOWN + LEFT)[:2],
                label.get_corner(UP + RIGHT)[:2],
            )
            hit = (pts[:, 0] > lx0) & (pts[:, 0] < lx1) & (pts[:, 1] > ly0) & (pts[:, 1] < ly1)
            if hit.any():
                label.next_to(axes.c2p(x_apex, traj.max_height), UP, buff=0.2)
        label.add_background_rectangle(color=style.BACKGROUND, opacity=0.85, buff=0.06)
        return label


class CannonballFigure(_CannonballBase):
    """The post's picture: the flight, its average-velocity chord and an instantaneous velocity.

    A static scene; its last frame is the figure ``cannonball_average_vs_instantaneous``.
    Attributes for the tests: ``axes``, ``trajectory``, ``instant``, ``instant_arrow``,
    ``average_arrow``.
    """

    def construct(self) -> None:
        self.load(_FIGURE_BOX)
        traj, axes = self.trajectory, self.axes
        T, t0 = traj.flight_time, self.instant
        path = _path(axes, traj)
        cannon = _cannon(axes, self.launch.angle_deg, self.launch.height)
        _clear_numbers(axes, cannon)
        start, end = _point(axes, traj, 0.0), _point(axes, traj, T)
        chord = Line(start, end, color=style.CHORD, stroke_width=style.STROKE_LINE)
        vbar = traj.average_velocity(0.0, T)
        mid = (start + end) / 2
        self.average_arrow = _velocity_arrow(mid, vbar, self.arrow_scale, style.CHORD)
        self.average_arrow.shift(-(self.average_arrow.get_end() - mid) / 2)
        avg_label = VGroup(
            text(self.tr("cannon.average_label"), size=_LABEL_SIZE, color=style.CHORD),
            tex(
                rf"|\bar v| = {format_fixed(math.hypot(*vbar), 1)}\ \mathrm{{m/s}}",
                size=_NUMBER_SIZE,
                color=style.CHORD,
            ),
        ).arrange(DOWN, buff=0.12)
        avg_label.next_to(self.average_arrow, UP, buff=0.2)
        P = _point(axes, traj, t0)
        v = traj.velocity(t0)
        self.instant_arrow = _velocity_arrow(P, v, self.arrow_scale, style.VELOCITY)
        dot = Dot(P, radius=style.DOT_RADIUS, color=style.POINT)
        inst_label = VGroup(
            text(self.tr("cannon.instant_label"), size=_LABEL_SIZE, color=style.VELOCITY),
            tex(
                rf"|v(t = {t0:.1f}\,\mathrm{{s}})| = {format_fixed(math.hypot(*v), 1)}"
                r"\ \mathrm{m/s}",
                size=_NUMBER_SIZE,
                color=style.VELOCITY,
            ),
        ).arrange(DOWN, aligned_edge=RIGHT, buff=0.12)
        # above the arrow's tip; if that leaves the plot's top band, to the right of the tip
        inst_label.next_to(self.instant_arrow.get_end(), UP, buff=0.2)
        if inst_label.get_top()[1] > _FIGURE_TOP + 0.3:
            inst_label.next_to(self.instant_arrow.get_end(), RIGHT, buff=0.25)
        title = fit_title(self.tr("cannon.figure_title"))
        self.add(
            axes,
            path,
            chord,
            cannon,
            self.average_arrow,
            avg_label,
            self.instant_arrow,
            dot,
            inst_label,
            title,
        )
        self.wait(0.1)
