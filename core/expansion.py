"""How the secant slope depends on the step: slope(h) = f'(x0) + ½ f''(x0)·h + O(h²).

For the slope of the secant from (x0, f(x0)) to (x0 + h, f(x0 + h)),

    (f(x0 + h) − f(x0)) / h = f'(x0) + ½ f''(x0)·h + (1/6) f'''(x0)·h² + ...

and for a quadratic f(x) = ax² + bx + c the series stops: the slope is *exactly*
f'(x0) + a·h (the post's f = 0.02x² + 0.1x at x0 = 3: 0.22 + 0.02h). The symmetric secant
through x0 − h and x0 + h averages the slopes at h and −h, so its h term cancels: it is exact
for a quadratic, and off by (1/6) f'''(x0)·h² otherwise.

:func:`secant_expansion` gives f'(x0), the coefficient of h, and whether the identity is exact
(f is a quadratic on the plotted range: decided from f's values, not from its text).

Examples
--------
>>> from core.functions import blog_f
>>> e = secant_expansion(blog_f, 3.0, 0.0, 12.0)
>>> e.exact, round(e.derivative, 12), round(e.coefficient, 12)
(True, 0.22, 0.02)
>>> import numpy as np
>>> e = secant_expansion(np.sin, 1.0, 0.0, 6.0)
>>> e.exact, round(e.derivative, 9), round(e.coefficient, 6) == round(-float(np.sin(1.0)) / 2, 6)
(False, 0.540302306, True)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.calculus import stated_derivative

__all__ = ["SecantExpansion", "quadratic_coefficients", "secant_expansion"]

#: A fit counts as exact when no sample is further from it than this, relative to the largest
#: |f| on the range (rounding leaves about 1e-15).
_QUADRATIC_RTOL = 1e-9
_SAMPLES = 41


@dataclass(frozen=True)
class SecantExpansion:
    """slope(h) = ``derivative`` + ``coefficient``·h (+ O(h²) unless ``exact``).

    Attributes
    ----------
    x0 : float
    derivative : float
        f'(x0) (:func:`core.calculus.stated_derivative`).
    coefficient : float
        ½ f''(x0): for a quadratic ax² + bx + c, a itself.
    exact : bool
        f is a polynomial of degree 2 or less on the range: the identity has no remainder.
    """

    x0: float
    derivative: float
    coefficient: float
    exact: bool

    def slope(self, h: float) -> float:
        """The secant slope the expansion predicts for step ``h``."""
        return self.derivative + self.coefficient * h


def quadratic_coefficients(
    f: Callable[[Any], Any], x_min: float, x_max: float
) -> tuple[float, float, float] | None:
    """``(a, b, c)`` when f(x) = ax² + bx + c on [x_min, x_max] (to rounding), else None.

    f is sampled at Chebyshev points of the range and fitted by least squares; the fit counts
    only if it reproduces every sample to 1e-9 of the largest |f|. A linear or constant f is a
    quadratic with a = 0.

    >>> from core.expression import parse_function
    >>> a, b, c = quadratic_coefficients(parse_function("3*x**2 - x + 2"), -1.0, 4.0)
    >>> round(a, 12), round(b, 12), round(c, 12)
    (3.0, -1.0, 2.0)
    >>> quadratic_coefficients(parse_function("x**3"), 0.0, 2.0) is None
    True
    >>> quadratic_coefficients(parse_function("abs(x - 3)"), 0.0, 6.0) is None
    True
    """
    x_min, x_max = float(x_min), float(x_max)
    if not (math.isfinite(x_min) and math.isfinite(x_max) and x_min < x_max):
        raise ValueError(f"need a finite range x_min < x_max; got [{x_min}, {x_max}]")
    k = np.arange(_SAMPLES)
    xs = x_min + (x_max - x_min) * (1 - np.cos(np.pi * k / (_SAMPLES - 1))) / 2
    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs), dtype=float)
    if ys.shape != xs.shape or not np.all(np.isfinite(ys)):
        return None
    # fit in a centred, scaled variable (well conditioned on any range), then convert back
    mid, half = (x_min + x_max) / 2, (x_max - x_min) / 2
    u = (xs - mid) / half
    p2, p1, p0 = np.polyfit(u, ys, 2)
    fit = (p2 * u + p1) * u + p0
    scale = max(float(np.max(np.abs(ys))), np.finfo(float).tiny)
    if float(np.max(np.abs(fit - ys))) > _QUADRATIC_RTOL * scale:
        return None
    a = p2 / half**2
    b = p1 / half - 2 * a * mid
    c = p0 - p1 * mid / half + p2 * (mid / half) ** 2
    return float(a), float(b), float(c)


def secant_expansion(
    f: Callable[[Any], Any], x0: float, x_min: float, x_max: float
) -> SecantExpansion:
    """The secant slope at ``x0`` to first order in h, and whether that is exact.

    For a quadratic on [x_min, x_max] (:func:`quadratic_coefficients`) the coefficient of h is
    the fitted a, and slope(h) = f'(x0) + a·h holds for every h. Otherwise it is ½ f''(x0), from
    a central difference of the exact-to-rounding f' (step 1e-4·max(1, |x0|), one-sided at an
    end of the domain). Call it only where f'(x0) exists.
    """
    x0 = float(x0)
    slope = float(stated_derivative(f, x0))
    quadratic = quadratic_coefficients(f, x_min, x_max)
    if quadratic is not None:
        return SecantExpansion(x0, slope, quadratic[0], True)
    d = 1e-4 * max(1.0, abs(x0))
    with np.errstate(all="ignore"):
        right = float(stated_derivative(f, x0 + d))
        left = float(stated_derivative(f, x0 - d))
    if math.isfinite(left) and math.isfinite(right):
        second = (right - left) / (2 * d)
    elif math.isfinite(right):
        second = (right - slope) / d
    else:
        second = (slope - left) / d
    return SecantExpansion(x0, slope, second / 2, False)
