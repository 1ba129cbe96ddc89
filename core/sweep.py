"""Where TangentSweep's tangent travels, and the algebra that names the curve it traces.

:func:`stationary_points` finds where f'(x) = 0 on an interval (sign changes of
:func:`core.calculus.stated_derivative`, refined by ``brentq``). :func:`sweep_range` widens the
configured range ``[x_min, x_max]`` to take in a stationary point just outside it, the point an
optimiser looks for (the post's f = 0.02x² + 0.1x has its minimum at x = -2.5, left of the post's
[0, 12]: the sweep starts at -4). :func:`quadratic_quotient` is the secant slope of a quadratic
``c0 + c1·x + c2·x²`` over a step h, exactly:

    (f(x + h) - f(x)) / h = 2·c2·x + c1 + c2·h,

so that letting h go to 0 gives f'(x) = 2·c2·x + c1 (for the post 0.04x + 0.1 + 0.02h, and
f'(x) = 0.04x + 0.1).

Examples
--------
>>> from core.functions import blog_f
>>> r = sweep_range(blog_f, 0.0, 12.0)
>>> r.start, r.stop, [round(s, 9) for s in r.stationary]
(-4.0, 12.0, [-2.5])
>>> q = quadratic_quotient((0.0, 0.1, 0.02))
>>> q.slope, q.intercept, q.h_coefficient
(0.04, 0.1, 0.02)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import brentq

from core.calculus import stated_derivative

__all__ = ["QuadraticQuotient", "SweepRange", "quadratic_quotient", "stationary_points",
           "sweep_range"]


@dataclass(frozen=True)
class SweepRange:
    """Where the sweep runs: ``[start, stop]``, and the stationary points of f on it.

    Attributes
    ----------
    start, stop : float
        The sweep's ends: ``[x_min, x_max]``, or wider by a stationary point just outside.
    stationary : tuple of float
        Every x in ``[start, stop]`` where f'(x) = 0 (to rounding), in order.
    widened : bool
        The range was widened to take in a stationary point.
    """

    start: float
    stop: float
    stationary: tuple[float, ...]
    widened: bool


@dataclass(frozen=True)
class QuadraticQuotient:
    """(f(x + h) - f(x)) / h = ``slope``·x + ``intercept`` + ``h_coefficient``·h, exactly."""

    slope: float
    intercept: float
    h_coefficient: float

    def __call__(self, x: Any, h: Any) -> Any:
        """The secant slope from x to x + h."""
        return self.slope * np.asarray(x) + self.intercept + self.h_coefficient * np.asarray(h)

    def derivative(self, x: Any) -> Any:
        """Its limit as h → 0: f'(x)."""
        return self.slope * np.asarray(x) + self.intercept


def _check_interval(a: float, b: float) -> None:
    if not (math.isfinite(a) and math.isfinite(b)) or not a < b:
        raise ValueError(f"`a` and `b` must be finite with a < b (got {a}, {b}).")


def stationary_points(f: Callable[[Any], Any], a: float, b: float, *,
                      samples: int = 801) -> tuple[float, ...]:
    """Every x in ``[a, b]`` where f'(x) = 0: sign changes of f' on ``samples`` points, refined
    by ``brentq``; a zero counts only where f' is 0 there (to 1e-8 of its largest value), so a
    corner where f' jumps across 0 (abs at its kink) is none.

    >>> import numpy as np
    >>> [round(x, 9) for x in stationary_points(np.sin, 0.0, 7.0)]
    [1.570796327, 4.71238898]
    """
    _check_interval(a, b)
    if samples < 3:
        raise ValueError("`samples` must be at least 3.")
    xs = np.linspace(a, b, samples)

    def df(x: Any) -> Any:
        with np.errstate(all="ignore"):
            return np.asarray(stated_derivative(f, np.asarray(x, dtype=float)), dtype=float)

    d = df(xs)
    scale = max(1.0, float(np.nanmax(np.abs(d)))) if np.isfinite(d).any() else 1.0
    found: list[float] = []
    for i in range(samples - 1):
        d0, d1 = d[i], d[i + 1]
        if not (math.isfinite(d0) and math.isfinite(d1)):
            continue
        if abs(d0) <= 1e-12 * scale:
            found.append(float(xs[i]))
        elif d0 * d1 < 0:
            root = float(brentq(lambda t: float(df(t)), xs[i], xs[i + 1], xtol=1e-13))
            if abs(float(df(root))) <= 1e-8 * scale:  # not a corner where f' jumps across 0
                found.append(root)
    if math.isfinite(d[-1]) and abs(d[-1]) <= 1e-12 * scale:
        found.append(float(xs[-1]))
    return tuple(found)


def sweep_range(f: Callable[[Any], Any], x_min: float, x_max: float, *,
                reach: float = 0.25) -> SweepRange:
    """``[x_min, x_max]``, widened to take in the nearest stationary point of f within
    ``reach`` of the span outside it when there is none inside; the new end lies a tenth of the
    span beyond that point, rounded outwards to a step of 10^k (k from the span: 1 for 12).
    f must be finite, with a finite f', on the part added."""
    _check_interval(x_min, x_max)
    x_min, x_max = float(x_min), float(x_max)
    if not reach >= 0:
        raise ValueError("`reach` must be at least 0.")
    inside = stationary_points(f, x_min, x_max)
    if inside or reach == 0:
        return SweepRange(x_min, x_max, inside, False)
    span = x_max - x_min
    left = stationary_points(f, x_min - reach * span, x_min)
    right = stationary_points(f, x_max, x_max + reach * span)
    candidates = [(x_min - s, s, -1) for s in left] + [(s - x_max, s, 1) for s in right]
    if not candidates:
        return SweepRange(x_min, x_max, (), False)
    _, s, side = min(candidates)
    unit = 10.0 ** (math.floor(math.log10(span)) - 1)
    start, stop = x_min, x_max
    if side < 0:
        start = math.floor((s - 0.1 * span) / unit) * unit
        added = np.linspace(start, x_min, 201)
    else:
        stop = math.ceil((s + 0.1 * span) / unit) * unit
        added = np.linspace(x_max, stop, 201)
    with np.errstate(all="ignore"):
        values = np.asarray(f(added), dtype=float)
        slopes = np.asarray(stated_derivative(f, added), dtype=float)
    if not (np.isfinite(values).all() and np.isfinite(slopes).all()):
        return SweepRange(x_min, x_max, (), False)
    return SweepRange(float(start), float(stop), stationary_points(f, start, stop), True)


def quadratic_quotient(coefficients: Sequence[float]) -> QuadraticQuotient:
    """The secant slope of f = c0 + c1·x + c2·x² (``coefficients`` lowest power first, as
    :func:`core.symbolic.polynomial` gives them; fewer than three: the rest are 0):
    ``2·c2·x + c1 + c2·h``."""
    c = [float(v) for v in coefficients]
    if len(c) > 3 or not all(math.isfinite(v) for v in c):
        raise ValueError("`coefficients` must be at most three finite numbers.")
    c += [0.0] * (3 - len(c))
    return QuadraticQuotient(slope=2 * c[2], intercept=c[1], h_coefficient=c[2])
