"""Load and validate ``bibun.toml``, the one file of parameters a teacher may change.

Everything is checked before anything renders: an unknown key, a wrong type, a value out of
range, or a function that :func:`core.expression.parse_function` rejects raises
:class:`ConfigError`, whose message names the key (``cannon.speed``) and the reason. The function
text is parsed, never evaluated as Python.

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
from pathlib import Path
from typing import Any

import numpy as np

from core.ballistics import Launch
from core.expression import ExpressionError, parse_function

__all__ = [
    "AimConfig",
    "CannonConfig",
    "Config",
    "ConfigError",
    "FunctionConfig",
    "SecantConfig",
    "ENV_VAR",
    "LANGUAGES",
    "THEMES",
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


@dataclass(frozen=True)
class SecantConfig:
    """``SecantToTangent``: P at ``x0``, h shrinking from ``h_start`` to ``h_end``."""

    x0: float = 3.0
    h_start: float = 4.0
    h_end: float = 1e-3


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
class Config:
    """All of bibun's parameters, validated."""

    language: str = "en"
    theme: str = "dark"
    function: FunctionConfig = FunctionConfig()
    secant: SecantConfig = SecantConfig()
    cannon: CannonConfig = CannonConfig()
    aim: AimConfig = AimConfig()


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
    xs = np.linspace(x_min, x_max, 401)
    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs), dtype=float)
    if not np.all(np.isfinite(ys)):
        bad = float(xs[~np.isfinite(ys)][0])
        raise ConfigError(
            f"function.expression: {expression!r} is not finite at x = {bad:g}, inside "
            f"[x_min, x_max] = [{x_min:g}, {x_max:g}]"
        )
    return FunctionConfig(expression, x_min, x_max, tangent_points)


def _secant(raw: Mapping[str, Any], function: FunctionConfig) -> SecantConfig:
    default = SecantConfig()
    x0 = _number("secant.x0", raw.get("x0", default.x0))
    h_start = _positive("secant.h_start", raw.get("h_start", default.h_start))
    h_end = _positive("secant.h_end", raw.get("h_end", default.h_end))
    if not h_end < h_start:
        raise ConfigError(
            f"secant.h_end: must be smaller than h_start ({h_start:g}), got {h_end:g}"
        )
    if h_end < 1e-6:
        raise ConfigError(
            f"secant.h_end: must be >= 1e-06 (rounding error dominates below), got {h_end:g}"
        )
    if not function.x_min <= x0 < x0 + h_start <= function.x_max:
        raise ConfigError(
            f"secant.x0: x0 and x0 + h_start must lie in [x_min, x_max] = "
            f"[{function.x_min:g}, {function.x_max:g}], got x0 = {x0:g}, h_start = {h_start:g}"
        )
    return SecantConfig(x0, h_start, h_end)


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
    "cannon": ("speed", "angle_deg", "drag", "g", "height"),
    "aim": ("target", "first_angle_deg"),
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
        cannon=cannon,
        aim=aim,
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
