"""Load and validate ``bibun.toml``, the one file of parameters a teacher may change.

Everything is checked before anything renders: an unknown key, a wrong type, a value out of
range, or a function that :func:`core.expression.parse_function` rejects raises
:class:`ConfigError`, whose message names the key (``cannon.speed``) and the reason. The function
text is parsed, never evaluated as Python.

The function is also checked *between* its samples (:func:`core.singularities.find_singularities`):
a pole, a jump or an infinite slope inside [x_min, x_max] is an error naming the x (an infinite
slope at an end, like √x at 0, is allowed), and so is a tangent point where f' does not exist.
``secant.x0`` may sit on a corner: ``SecantConfig.differentiable`` is then false and
``SecantConfig.sides`` says from which sides Q approaches. ``secant.h_start`` and ``h_end`` may be
left out; they then follow the range and x0 (see :func:`default_steps`).

``[knobs]`` is the cannon with two knobs (:mod:`core.knobs`): the ranges of the angle and of the
powder (as muzzle speed) and the first speed; the first angle is ``aim.first_angle_deg``. The
target must be within the knobs' reach, and the learning rates of both descents (raw and scaled
knobs) must exist and take a first step that lowers the loss inside the ranges.

The defaults are the post's values; ``bibun.toml`` at the repository root repeats them.

Examples
--------
>>> cfg = load_config(text="[cannon]\\nspeed = 300.0\\nangle_deg = 60.0\\n[aim]\\ntarget = 1500.0")
>>> cfg.cannon.speed, cfg.cannon.angle_deg, cfg.function.expression
(300.0, 60.0, '0.02*x**2 + 0.1*x')
>>> load_config(text="[cannon]\\nspeed = -1")
Traceback (most recent call last):
...
core.config.ConfigError: cannon.speed: must be > 0, got -1
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from core.ballistics import Launch
from core.calculus import one_sided_slopes
from core.expression import ExpressionError, parse_function
from core.singularities import Singularity, find_singularities

__all__ = [
    "AimConfig",
    "CannonConfig",
    "Config",
    "ConfigError",
    "FunctionConfig",
    "NetworkConfig",
    "KnobsConfig",
    "SecantConfig",
    "ENV_VAR",
    "H_START_FRACTION",
    "LANGUAGES",
    "THEMES",
    "default_steps",
    "load_config",
]

#: Environment variable naming the TOML file the scenes read (set by ``render.sh``).
ENV_VAR = "BIBUN_CONFIG"
LANGUAGES = ("en", "ja")
THEMES = ("dark", "light")


class ConfigError(ValueError):
    """A parameter file that cannot be used; the message names the key and the reason."""


@dataclass(frozen=True)
class FunctionConfig:
    """The function the calculus scenes draw, and where."""

    expression: str = "0.02*x**2 + 0.1*x"
    x_min: float = 0.0
    x_max: float = 12.0
    tangent_points: tuple[float, ...] = (3.0, 6.0, 9.0)

    @property
    def f(self) -> Callable[[Any], Any]:
        """The parsed, vectorized callable of ``expression``."""
        return parse_function(self.expression)

    @cached_property
    def singularities(self) -> tuple[Singularity, ...]:
        """Where f or f' misbehaves on [x_min, x_max] (computed once). In a loaded config only
        corners inside the range and infinite slopes at its ends remain (the rest are errors)."""
        return find_singularities(self.f, self.x_min, self.x_max)

    @property
    def derivative_breaks(self) -> tuple[float, ...]:
        """The x in [x_min, x_max] where f' does not exist: corners (f' jumps; draw open dots,
        no line across) and infinite slopes at an end (draw f' up to there and clip)."""
        return tuple(s.x for s in self.singularities if s.kind in ("corner", "infinite slope"))


@dataclass(frozen=True)
class SecantConfig:
    """``SecantToTangent``: P at ``x0``, h shrinking from ``h_start`` to ``h_end``.

    Attributes
    ----------
    x0, h_start, h_end : float
        P, and the first and last h (after defaults: see :func:`default_steps`).
    differentiable : bool
        Whether f'(x0) exists. When false (a corner, or an infinite slope at an end of the
        range), the scene must not draw a tangent or state a value of f'(x0).
    sides : tuple of int
        The signs of h for which Q = x0 + h is played: ``(1,)`` where f'(x0) exists (the post's
        picture), ``(1, -1)`` at a corner inside the range (the two secant slopes settle at
        different values), ``(1,)`` or ``(-1,)`` when only one side lies in the range.
    """

    x0: float = 3.0
    h_start: float = 4.0
    h_end: float = 1e-3
    differentiable: bool = True
    sides: tuple[int, ...] = (1,)


@dataclass(frozen=True)
class KnobsConfig:
    """``AimWithTwoKnobs``: the ranges of the two knobs and the first speed.

    The first setting is (``aim.first_angle_deg``, ``first_speed``): 15° with weak powder, at
    which no angle alone reaches the target, so both knobs must turn.

    Attributes
    ----------
    angle_min_deg, angle_max_deg : float
        The angle knob's range, degrees, 0 < min < max < 90 (the landscape's θ axis).
    speed_min, speed_max : float
        The powder knob's range as muzzle speed, m/s, 0 < min < max (the landscape's v axis).
    first_speed : float
        The first muzzle speed, m/s, in [speed_min, speed_max].
    """

    angle_min_deg: float = 5.0
    angle_max_deg: float = 60.0
    speed_min: float = 200.0
    speed_max: float = 1000.0
    first_speed: float = 400.0

    @property
    def box(self) -> Any:
        """The :class:`core.knobs.KnobBox` of these ranges."""
        from core.knobs import KnobBox

        return KnobBox(self.angle_min_deg, self.angle_max_deg, self.speed_min, self.speed_max)

    def first_launch(self, cannon: CannonConfig, aim: AimConfig) -> Launch:
        """The first setting as a :class:`core.ballistics.Launch` of ``cannon``'s drag, g and
        height: ``aim.first_angle_deg`` at ``first_speed``."""
        return Launch(
            self.first_speed,
            aim.first_angle_deg,
            drag=cannon.drag,
            g=cannon.g,
            height=cannon.height,
        )


@dataclass(frozen=True)
class CannonConfig:
    """The launch of the cannonball scenes."""

    speed: float = 750.0
    angle_deg: float = 45.0
    drag: float = 5.7e-4
    g: float = 9.81
    height: float = 0.0

    @property
    def launch(self) -> Launch:
        """The :class:`core.ballistics.Launch` these numbers describe."""
        return Launch(self.speed, self.angle_deg, drag=self.drag, g=self.g, height=self.height)


@dataclass(frozen=True)
class AimConfig:
    """``AimTheCannon``: the target distance and the first guess of the angle."""

    target: float = 3000.0
    first_angle_deg: float = 15.0


@dataclass(frozen=True)
class NetworkConfig:
    """The backpropagation lesson's neuron z = w·x + b, a = σ(z), L = (a − t)²: the input ``x``,
    the target ``t``, the first weight ``w`` and bias ``b``, and the ``learning_rate`` η of its
    step w ← w − η·∂L/∂w, b ← b − η·∂L/∂b.

    The defaults put z at 0, where σ = 1/2 and σ' = 1/4, so that every number of the forward
    and backward pass is a short decimal (L = 0.09, ∂L/∂w = −0.3, ∂L/∂b = −0.15), and one step
    roughly halves the loss (0.090 to 0.043) without overshooting (see :mod:`core.backprop`).
    """

    x: float = 2.0
    t: float = 0.8
    w: float = 0.5
    b: float = -1.0
    learning_rate: float = 0.5

    @property
    def neuron(self) -> Any:
        """The :class:`core.backprop.NeuronPass` at these values (forward and backward)."""
        from core.backprop import one_neuron

        return one_neuron(x=self.x, t=self.t, w=self.w, b=self.b)


@dataclass(frozen=True)
class Config:
    """All of bibun's parameters, validated."""

    language: str = "en"
    theme: str = "dark"
    function: FunctionConfig = FunctionConfig()
    secant: SecantConfig = SecantConfig()
    cannon: CannonConfig = CannonConfig()
    aim: AimConfig = AimConfig()
    knobs: KnobsConfig = KnobsConfig()
    network: NetworkConfig = NetworkConfig()


# ---------------------------------------------------------------------------------------------
# validation helpers: each raises ConfigError naming the dotted key


def _number(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{key}: must be a number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ConfigError(f"{key}: must be finite, got {value!r}")
    return value


def _fmt(value: Any) -> str:
    return repr(value) if not isinstance(value, float) else f"{value:g}"


def _positive(key: str, value: Any) -> float:
    number = _number(key, value)
    if number <= 0:
        raise ConfigError(f"{key}: must be > 0, got {_fmt(value)}")
    return number


def _non_negative(key: str, value: Any) -> float:
    number = _number(key, value)
    if number < 0:
        raise ConfigError(f"{key}: must be >= 0, got {_fmt(value)}")
    return number


def _table(key: str, value: Any, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: must be a table [{key}], got {type(value).__name__}")
    for name in value:
        if name not in allowed:
            raise ConfigError(
                f"{key}.{name}: unknown key (known keys of [{key}]: {', '.join(allowed)})"
            )
    return value


def _function(raw: Mapping[str, Any]) -> FunctionConfig:
    default = FunctionConfig()
    expression = raw.get("expression", default.expression)
    if not isinstance(expression, str):
        raise ConfigError(f"function.expression: must be a string, got {type(expression).__name__}")
    try:
        f = parse_function(expression)
    except ExpressionError as exc:
        raise ConfigError(f"function.expression: {exc}") from None
    x_min = _number("function.x_min", raw.get("x_min", default.x_min))
    x_max = _number("function.x_max", raw.get("x_max", default.x_max))
    if not x_min < x_max:
        raise ConfigError(f"function.x_max: must be greater than x_min ({x_min:g}), got {x_max:g}")
    points = raw.get("tangent_points", list(default.tangent_points))
    if not isinstance(points, list) or not 1 <= len(points) <= 6:
        raise ConfigError("function.tangent_points: must be a list of 1 to 6 numbers")
    tangent_points = tuple(_number("function.tangent_points", p) for p in points)
    for p in tangent_points:
        if not x_min <= p <= x_max:
            raise ConfigError(
                f"function.tangent_points: {p:g} lies outside [x_min, x_max] = "
                f"[{x_min:g}, {x_max:g}]"
            )
    _check_singularities(find_singularities(f, x_min, x_max), x_min, x_max)
    for p in tangent_points:
        slopes = one_sided_slopes(f, p, h=_slope_step(p, x_min, x_max))
        if not slopes.agree():
            raise ConfigError(
                f"function.tangent_points: f has no derivative at x = {p:g} "
                f"({_why_not(slopes.left, slopes.right)}), so there is no tangent to draw; "
                "choose another point"
            )
    return FunctionConfig(expression, x_min, x_max, tangent_points)


def _slope_step(x: float, x_min: float, x_max: float) -> float:
    """The first step for one-sided slopes at x: small against the range."""
    return min(max(1.0, abs(x)) / 16.0, (x_max - x_min) / 64.0)


def _why_not(left: float, right: float) -> str:
    """Why one-sided slopes ``left`` and ``right`` make no derivative, in a few words."""
    if math.isnan(left) or math.isnan(right):
        return "f is not defined on one side"
    if math.isinf(left) or math.isinf(right):
        return "the slope grows without bound"
    return f"a corner: the slopes from the left and from the right are {left:.4g} and {right:.4g}"


def _check_singularities(found: tuple[Singularity, ...], x_min: float, x_max: float) -> None:
    inside = f"inside [{x_min:g}, {x_max:g}]; choose a range that avoids it"
    for item in found:
        x = f"{item.x:.6g}"
        if item.kind == "undefined":
            raise ConfigError(f"function.expression: f is not finite at x = {x} {inside}")
        if item.kind == "pole":
            raise ConfigError(
                f"function.expression: f is not finite near x = {x} (a pole?) {inside}"
            )
        if item.kind == "jump":
            raise ConfigError(
                f"function.expression: f jumps near x = {x} (it is not continuous there) {inside}"
            )
        if item.kind == "infinite slope" and not item.at_end:
            raise ConfigError(
                f"function.expression: f' is not finite near x = {x} (a vertical tangent or a "
                f"cusp) inside [{x_min:g}, {x_max:g}]; choose a range that avoids it or ends there"
            )


#: Without ``secant.h_start``, Q starts this fraction of the way from P to the nearer end of the
#: range on the sides it comes from, rounded down to one significant digit.
H_START_FRACTION = 0.5


def _one_digit_floor(value: float) -> float:
    power = 10.0 ** math.floor(math.log10(value))
    return round(math.floor(value / power * (1 + 1e-12)) * power, 12)


def _h_end_for(h_start: float) -> float:
    return round(max(10.0 ** (math.floor(math.log10(h_start)) - 3), 1e-6), 15)


def default_steps(
    x0: float, x_min: float, x_max: float, sides: tuple[int, ...] = (1,)
) -> tuple[float, float] | None:
    """``(h_start, h_end)`` for ``SecantToTangent`` when ``bibun.toml`` leaves them out.

    h_start is :data:`H_START_FRACTION` of the room between x0 and the nearer end of the range,
    on the sides Q comes from, rounded down to one significant digit; h_end is three decades
    below h_start's decade (but at least 1e-6). ``None`` when there is no room.

    Examples
    --------
    >>> default_steps(3.0, 0.0, 12.0)          # the post: Q from x = 7 ...
    (4.0, 0.001)
    >>> default_steps(3.0, 0.0, 12.0, (1, -1))  # a corner: both sides, 3 to the left end
    (1.0, 0.001)
    >>> default_steps(1.0, 0.0, 1.3)
    (0.1, 0.0001)
    >>> default_steps(12.0, 0.0, 12.0) is None
    True
    """
    room = min(x_max - x0 if side > 0 else x0 - x_min for side in sides)
    if not room > 0:
        return None
    h_start = _one_digit_floor(H_START_FRACTION * room)
    h_end = _h_end_for(h_start)
    if not h_end < h_start:
        return None
    return h_start, h_end


def _secant(raw: Mapping[str, Any], function: FunctionConfig) -> SecantConfig:
    default = SecantConfig()
    x0 = _number("secant.x0", raw.get("x0", default.x0))
    x_min, x_max = function.x_min, function.x_max
    if not x_min <= x0 <= x_max:
        raise ConfigError(
            f"secant.x0: must lie in [x_min, x_max] = [{x_min:g}, {x_max:g}], got {x0:g}"
        )
    slopes = one_sided_slopes(function.f, x0, h=_slope_step(x0, x_min, x_max))
    differentiable = slopes.agree()
    sides: tuple[int, ...] = (1,)
    if not differentiable:
        # Q comes from every side that lies in the range and where f is defined
        candidates = ((1, slopes.right, x_max - x0), (-1, slopes.left, x0 - x_min))
        sides = tuple(side for side, slope, room in candidates if room > 0 and slope == slope)
        if not sides:
            raise ConfigError(
                f"secant.x0: f is not defined beside x0 = {x0:g} inside [{x_min:g}, {x_max:g}]"
            )
    steps = default_steps(x0, x_min, x_max, sides)
    if "h_start" in raw:
        h_start = _positive("secant.h_start", raw["h_start"])
    elif steps is None:
        raise ConfigError(
            f"secant.x0: x0 = {x0:g} leaves no room for Q = x0 + h inside [{x_min:g}, {x_max:g}]; "
            "choose x0 further from the end"
        )
    else:
        h_start = steps[0]
    h_end = _positive("secant.h_end", raw["h_end"]) if "h_end" in raw else _h_end_for(h_start)
    if not h_end < h_start:
        given = "" if "h_start" in raw else ", from the range and x0"
        raise ConfigError(
            f"secant.h_end: must be smaller than h_start ({h_start:g}{given}), got {h_end:g}"
        )
    if h_end < 1e-6:
        raise ConfigError(
            f"secant.h_end: must be >= 1e-06 (rounding error dominates below), got {h_end:g}"
        )
    for side in sides:
        q = x0 + side * h_start
        if not x_min <= q <= x_max:
            which = "x0 + h_start" if side > 0 else "x0 - h_start (Q comes from both sides)"
            raise ConfigError(
                f"secant.h_start: {which} = {q:g} must lie in [x_min, x_max] = "
                f"[{x_min:g}, {x_max:g}] (x0 = {x0:g}); choose a smaller h_start or leave it out"
            )
    return SecantConfig(x0, h_start, h_end, differentiable, sides)


def _knobs(raw: Mapping[str, Any], cannon: CannonConfig, aim: AimConfig) -> KnobsConfig:
    default = KnobsConfig()
    values = {
        name: _number(f"knobs.{name}", raw.get(name, getattr(default, name)))
        for name in ("angle_min_deg", "angle_max_deg", "speed_min", "speed_max", "first_speed")
    }
    knobs = KnobsConfig(**values)
    low, high = knobs.angle_min_deg, knobs.angle_max_deg
    if not 0 < low < 90:
        raise ConfigError(f"knobs.angle_min_deg: must be between 0 and 90, got {low:g}")
    if not low < high < 90:
        raise ConfigError(
            f"knobs.angle_max_deg: must lie between angle_min_deg ({low:g}) and 90, got {high:g}"
        )
    first_angle = aim.first_angle_deg
    if first_angle < low:
        raise ConfigError(
            f"knobs.angle_min_deg: must not exceed aim.first_angle_deg ({first_angle:g}), the "
            f"first setting, got {low:g}"
        )
    if first_angle > high:
        raise ConfigError(
            f"knobs.angle_max_deg: must not be below aim.first_angle_deg ({first_angle:g}), the "
            f"first setting, got {high:g}"
        )
    v_min = _positive("knobs.speed_min", knobs.speed_min)
    if not knobs.speed_max > v_min:
        raise ConfigError(
            f"knobs.speed_max: must be greater than speed_min ({v_min:g}), got {knobs.speed_max:g}"
        )
    if not v_min <= knobs.first_speed <= knobs.speed_max:
        raise ConfigError(
            f"knobs.first_speed: must lie in [speed_min, speed_max] = [{v_min:g}, "
            f"{knobs.speed_max:g}], got {knobs.first_speed:g}"
        )
    _check_knobs_descend(knobs, cannon, aim)
    return knobs


def _check_knobs_descend(knobs: KnobsConfig, cannon: CannonConfig, aim: AimConfig) -> None:
    from core.knobs import LearningRateError, descend, reach

    launch, box = knobs.first_launch(cannon, aim), knobs.box
    near, far = reach(launch, box=box)
    if aim.target > far:
        raise ConfigError(
            f"knobs.speed_max: aim.target {aim.target:g} m is out of reach of the knobs; with "
            f"{knobs.speed_max:g} m/s the longest shot lands at {far:.0f} m"
        )
    if aim.target < near:
        raise ConfigError(
            f"knobs.speed_min: aim.target {aim.target:g} m is nearer than the shortest shot of "
            f"the knobs ({near:.0f} m, at {knobs.speed_min:g} m/s and "
            f"{knobs.angle_min_deg:g} deg)"
        )
    for scaling in ("raw", "range"):
        try:  # the rule's rate, and one step with it
            descend(launch, aim.target, box=box, scaling=scaling, max_steps=1)
        except LearningRateError as exc:
            raise ConfigError(
                f"knobs.first_speed: from {aim.first_angle_deg:g} deg and {knobs.first_speed:g} "
                f"m/s the descent on {scaling} knobs fails at its first step: {exc}"
            ) from None


def _cannon(raw: Mapping[str, Any]) -> CannonConfig:
    default = CannonConfig()
    cannon = CannonConfig(
        speed=_positive("cannon.speed", raw.get("speed", default.speed)),
        angle_deg=_number("cannon.angle_deg", raw.get("angle_deg", default.angle_deg)),
        drag=_non_negative("cannon.drag", raw.get("drag", default.drag)),
        g=_positive("cannon.g", raw.get("g", default.g)),
        height=_non_negative("cannon.height", raw.get("height", default.height)),
    )
    if not 0 < cannon.angle_deg < 90:
        raise ConfigError(f"cannon.angle_deg: must be between 0 and 90, got {cannon.angle_deg:g}")
    return cannon


def _aim(raw: Mapping[str, Any]) -> AimConfig:
    default = AimConfig()
    target = _positive("aim.target", raw.get("target", default.target))
    first = _number("aim.first_angle_deg", raw.get("first_angle_deg", default.first_angle_deg))
    if not 0 < first < 90:
        raise ConfigError(f"aim.first_angle_deg: must be between 0 and 90, got {first:g}")
    return AimConfig(target, first)


def _network(raw: Mapping[str, Any]) -> NetworkConfig:
    default = NetworkConfig()
    network = NetworkConfig(
        x=_number("network.x", raw.get("x", default.x)),
        t=_number("network.t", raw.get("t", default.t)),
        w=_number("network.w", raw.get("w", default.w)),
        b=_number("network.b", raw.get("b", default.b)),
        learning_rate=_positive(
            "network.learning_rate", raw.get("learning_rate", default.learning_rate)
        ),
    )
    if network.x == 0:
        raise ConfigError("network.x: must not be 0 (dz/dw = x, so w would never learn)")
    if not 0 <= network.t <= 1:
        raise ConfigError(
            f"network.t: must be between 0 and 1 (the neuron's output sigmoid(z) lies between "
            f"them), got {network.t:g}"
        )
    _check_learning(network)
    return network


def _check_learning(network: NetworkConfig) -> None:
    from core.backprop import learning_step

    try:
        step = learning_step(network.neuron, learning_rate=network.learning_rate)
    except ValueError as exc:  # w·x + b or the step overflows
        raise ConfigError(f"network.w: {exc} (with x = {network.x:g}, w = {network.w:g})") from None
    before, after = step.before, step.after
    if before.a == network.t:
        raise ConfigError(
            f"network.t: the neuron's output a = {before.a:g} already equals t, so there is "
            "nothing to learn; choose another t, w or b"
        )
    if step.loss_after > step.loss_before:
        raise ConfigError(
            f"network.learning_rate: the step overshoots: the loss rises from "
            f"{step.loss_before:.4g} to {step.loss_after:.4g} (a goes from {before.a:.4g} to "
            f"{after.a:.4g}, t = {network.t:g}); choose a smaller learning rate, got "
            f"{network.learning_rate:g}"
        )
    if not step.loss_after < step.loss_before:
        raise ConfigError(
            f"network.w: the step leaves the loss at {step.loss_before:.4g}: at z = w*x + b = "
            f"{before.z:.4g} the sigmoid is flat (slope {before.da_dz:.3g}); choose w and b "
            "that make |z| smaller"
        )


def _check_reachable(cannon: CannonConfig, aim: AimConfig) -> None:
    from core.aiming import max_range

    reach = max_range(cannon.launch)
    if aim.target > reach.range:
        raise ConfigError(
            f"aim.target: {aim.target:g} m is out of reach; with speed {cannon.speed:g} m/s and "
            f"drag {cannon.drag:g} 1/m the longest shot lands at {reach.range:.0f} m "
            f"(angle {reach.angle_deg:.1f} deg)"
        )


_SECTIONS = {
    "function": ("expression", "x_min", "x_max", "tangent_points"),
    "secant": ("x0", "h_start", "h_end"),
    "knobs": ("angle_min_deg", "angle_max_deg", "speed_min", "speed_max", "first_speed"),
    "cannon": ("speed", "angle_deg", "drag", "g", "height"),
    "aim": ("target", "first_angle_deg"),
    "network": ("x", "t", "w", "b", "learning_rate"),
}


def from_mapping(data: Mapping[str, Any]) -> Config:
    """Validate a parsed TOML document and build a :class:`Config` (missing keys get defaults)."""
    for name in data:
        if name not in ("language", "theme") and name not in _SECTIONS:
            known = ", ".join(["language", "theme", *_SECTIONS])
            raise ConfigError(f"{name}: unknown key (known top-level keys: {known})")
    language = data.get("language", "en")
    if language not in LANGUAGES:
        raise ConfigError(f"language: must be one of {', '.join(LANGUAGES)}, got {language!r}")
    theme = data.get("theme", "dark")
    if theme not in THEMES:
        raise ConfigError(f"theme: must be one of {', '.join(THEMES)}, got {theme!r}")
    sections = {k: _table(k, data.get(k, {}), keys) for k, keys in _SECTIONS.items()}
    function = _function(sections["function"])
    cannon = _cannon(sections["cannon"])
    aim = _aim(sections["aim"])
    _check_reachable(cannon, aim)
    return Config(
        language=language,
        theme=theme,
        function=function,
        secant=_secant(sections["secant"], function),
        knobs=_knobs(sections["knobs"], cannon, aim),
        cannon=cannon,
        aim=aim,
        network=_network(sections["network"]),
    )


def load_config(path: str | os.PathLike[str] | None = None, *, text: str | None = None) -> Config:
    """Read and validate a parameter file.

    Parameters
    ----------
    path : path-like, optional
        The TOML file. Default: the file named by ``$BIBUN_CONFIG``, else ``bibun.toml`` in the
        current folder, else the built-in defaults (the post's values).
    text : str, optional
        TOML text to validate instead of a file (keyword-only).

    Returns
    -------
    Config

    Raises
    ------
    ConfigError
        The file is missing or is not TOML, or a key is unknown, mistyped or out of range.
    """
    if text is None:
        if path is None:
            default = Path("bibun.toml")
            path = os.environ.get(ENV_VAR) or (default if default.is_file() else None)
        if path is None:
            return Config()
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the parameter file ({exc.strerror})") from None
    where = "" if path is None else f"{path}: "
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}not valid TOML ({exc})") from None
    try:
        return from_mapping(data)
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None
