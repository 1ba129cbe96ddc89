"""Numerical derivatives, secants and tangents: the post's calculus, done carefully.

The post differentiates with a central difference of step h = 1e-8 and draws the tangent
y = f'(x0)·(x − x0) + f(x0). This module does the same, names the other classic estimates, and
measures how good each one is:

``derivative``
    forward, backward and central differences (default h = 1e-8, the post's step), the
    complex-step derivative (exact to rounding for analytic functions) and Richardson
    extrapolation of central differences (12 or more correct digits on smooth functions).
``secant``, ``tangent``, ``line_through``
    the lines of the post's figures, as a frozen, callable :class:`Line`, so that the post's
    ``tangent(func, 3.0)(x)`` works as written; ``line_through`` is the line through a point
    with a given slope, the one way every line here is made.
``step_errors``, ``optimal_step``
    the error of an estimate against the exact derivative for a range of steps, and the step
    that balances truncation error against rounding error.
``error_model``, ``model_step``, ``richardson_steps``
    the model E(h) ≈ C·h^p + ε|f(x)|/h those errors follow, the step minimising it, and the
    steps Richardson extrapolation combines.
``correct_digits``
    how many digits of an estimate are right, from its error.
``stated_derivative``, ``stated_tangent``
    f'(x) exact to rounding (complex step), the value a scene states, and the tangent drawn
    with it.

Everything here is numpy only and works element-wise on arrays of any shape.

Examples
--------
>>> from core.functions import blog_f
>>> line = tangent(blog_f, 3.0)
>>> round(line.slope, 6), round(line.intercept, 6)
(0.22, -0.18)
>>> round(line(12.0), 6)
2.46
>>> print(f"{tangent(blog_f, 9.0).slope:.10f}")  # the post's h = 1e-8: about 8 digits
0.4600000381
>>> print(f"{tangent(blog_f, 9.0, method='richardson').slope:.10f}")
0.4600000000
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "DEFAULT_STEPS",
    "METHODS",
    "Line",
    "OneSidedSlopes",
    "ORDERS",
    "correct_digits",
    "derivative",
    "error_model",
    "is_differentiable",
    "line_through",
    "model_step",
    "richardson_steps",
    "one_sided_slopes",
    "optimal_step",
    "secant",
    "stated_derivative",
    "stated_tangent",
    "step_errors",
    "tangent",
]

#: The estimates :func:`derivative` knows, in the order the post's story meets them.
METHODS = ("forward", "backward", "central", "complex", "richardson")

#: The default step of each method. For ``"richardson"`` it is the first (largest) step relative
#: to ``max(1, |x|)``; the others are absolute steps (1e-8 is the post's ``h``).
DEFAULT_STEPS = {
    "forward": 1e-8,
    "backward": 1e-8,
    "central": 1e-8,
    "complex": 1e-20,
    "richardson": 0.125,
}

# Richardson: central differences at h, h/2, ..., h/2**(_RICHARDSON_LEVELS - 1), extrapolated.
_RICHARDSON_LEVELS = 6
_RICHARDSON_RATIO = 2.0

_EPS = float(np.finfo(float).eps)

#: The order p of each difference quotient: its truncation error is about C·h^p, with
#: C = |f''(x)|/2 (forward, backward: Taylor's h²f''/2 term divided by h) or C = |f'''(x)|/6
#: (central: the even terms cancel, h³f'''/6 divided by h is left).
ORDERS = {"forward": 1, "backward": 1, "central": 2}
_TAYLOR = {1: 2.0, 2: 6.0}  # C = |higher derivative| / this


# ---------------------------------------------------------------------------------------------
# validation


def _check_method(method: Any) -> str:
    if not isinstance(method, str) or method not in METHODS:
        raise ValueError(f"`method` must be one of {', '.join(METHODS)}; got {method!r}")
    return method


def _check_step(h: Any) -> float | None:
    """``None`` (use the default) or a finite positive float; ``ValueError`` naming ``h``."""
    if h is None:
        return None
    if isinstance(h, bool) or not isinstance(h, numbers.Real) or not math.isfinite(h) or h <= 0:
        raise ValueError(f"`h` must be a finite positive number; got {h!r}")
    return float(h)


def _check_real(name: str, value: Any, *, scalar: bool = False) -> np.ndarray:
    """``value`` as a float array of finite numbers (0-d if ``scalar``), else ``ValueError``."""
    if isinstance(value, bool):
        raise ValueError(f"`{name}` must be a real number, got {value!r}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        raise ValueError(f"`{name}` must be a real number or an array of them") from None
    if arr.dtype.kind not in "iuf":
        raise ValueError(
            f"`{name}` must be a real number or an array of real numbers, got dtype {arr.dtype}"
        )
    if scalar and arr.ndim != 0:
        raise ValueError(f"`{name}` must be a single number, got an array of shape {arr.shape}")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"`{name}` must be finite, got {value!r}")
    return arr


def _check_callable(name: str, f: Any) -> None:
    if not callable(f):
        raise ValueError(f"`{name}` must be a callable of x, got {type(f).__name__}")


def _derivative_iv(f: Any, x: Any, h: Any, method: Any) -> tuple[np.ndarray, float | None, str]:
    _check_callable("f", f)
    method = _check_method(method)
    h = _check_step(h)
    return _check_real("x", x), h, method


# ---------------------------------------------------------------------------------------------
# the estimates


def _values(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """``f(x)`` as an array broadcast to ``x``'s shape."""
    return np.broadcast_to(np.asarray(f(x)), x.shape)


def _central(f: Callable[[Any], Any], x: np.ndarray, h: Any) -> np.ndarray:
    # Exactly the post's differentiation(f, x): (f(x+h) - f(x-h)) / (2*h).
    return (_values(f, x + h) - _values(f, x - h)) / (2 * h)


def _complex_step(f: Callable[[Any], Any], x: np.ndarray, h: float) -> np.ndarray:
    values = np.asarray(f(x + 1j * h))
    if not np.iscomplexobj(values):
        raise ValueError(
            "`f` returned real values for complex x, so method='complex' cannot be used; write f "
            "with numpy functions that accept complex input (e.g. np.sin, not math.sin)"
        )
    return np.broadcast_to(values.imag / h, x.shape)


def _richardson(f: Callable[[Any], Any], x: np.ndarray, h: float | None) -> np.ndarray:
    """Central differences at h0, h0/2, ..., extrapolated in h² by Richardson's tableau."""
    h0 = DEFAULT_STEPS["richardson"] * np.maximum(1.0, np.abs(x)) if h is None else h
    previous: list[np.ndarray] = []
    for level in range(_RICHARDSON_LEVELS):
        step = h0 / _RICHARDSON_RATIO**level
        row = [_central(f, x, step)]
        for j in range(1, level + 1):
            factor = _RICHARDSON_RATIO ** (2 * j)
            row.append(row[j - 1] + (row[j - 1] - previous[j - 1]) / (factor - 1.0))
        previous = row
    return previous[-1]


def _estimate(f: Callable[[Any], Any], x: np.ndarray, h: float | None, method: str) -> np.ndarray:
    if method == "richardson":
        return _richardson(f, x, h)
    step = DEFAULT_STEPS[method] if h is None else h
    if method == "forward":
        return (_values(f, x + step) - _values(f, x)) / step
    if method == "backward":
        return (_values(f, x) - _values(f, x - step)) / step
    if method == "central":
        return _central(f, x, step)
    return _complex_step(f, x, step)


def _result(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else np.array(arr, dtype=float)


def derivative(
    f: Callable[[Any], Any],
    x: Any,
    *,
    h: float | None = None,
    method: str = "central",
) -> float | np.ndarray:
    """Estimate f'(x) numerically, element-wise.

    Parameters
    ----------
    f : callable
        A vectorized function of ``x`` (numpy ufuncs and arithmetic). ``method="complex"``
        also needs it to accept complex input.
    x : float or array_like
        Where to differentiate: a real number or an array of real numbers of any shape.
    h : float, optional
        The step, a finite positive number. Defaults (``DEFAULT_STEPS``): 1e-8 for
        ``"forward"``, ``"backward"`` and ``"central"`` (the post's step), 1e-20 for
        ``"complex"``; for ``"richardson"`` the first step, by default 0.125·max(1, |x|).
    method : {"forward", "backward", "central", "complex", "richardson"}
        ``"forward"``: (f(x+h) − f(x))/h, the definition the post shows.
        ``"backward"``: (f(x) − f(x−h))/h.
        ``"central"``: (f(x+h) − f(x−h))/(2h), the post's ``differentiation(f, x)``.
        ``"complex"``: Im f(x + ih)/h, exact to rounding for analytic f.
        ``"richardson"``: central differences at six halving steps, extrapolated.

    Returns
    -------
    float or numpy.ndarray
        f'(x): a float for a scalar ``x``, else an array of ``x``'s shape.

    Raises
    ------
    ValueError
        ``f`` is not callable; ``x`` is not real and finite; ``h`` is not a finite positive
        number; ``method`` is unknown; or ``f`` is not complex-safe for ``method="complex"``.

    Examples
    --------
    >>> import numpy as np
    >>> from core.functions import blog_f
    >>> np.allclose(derivative(blog_f, [3.0, 6.0, 9.0]), [0.22, 0.34, 0.46])
    True
    >>> derivative(np.sin, 0.0, method="complex")
    1.0
    >>> abs(derivative(np.exp, 1.0, method="richardson") - np.e) < 1e-12
    True
    >>> derivative(np.sin, 1.0, h=0)
    Traceback (most recent call last):
    ...
    ValueError: `h` must be a finite positive number; got 0
    """
    x, h, method = _derivative_iv(f, x, h, method)
    return _result(_estimate(f, x, h, method))


@dataclass(frozen=True)
class Line:
    """A straight line through (x0, y0) with the given slope: a secant or a tangent.

    Calling it evaluates y = y0 + slope·(x − x0), which equals slope·x + intercept and passes
    through (x0, y0) exactly.

    Attributes
    ----------
    x0, y0 : float
        The point the line was built at (the point of tangency for a tangent).
    slope : float
        Rise over run.
    intercept : float
        Where the line crosses x = 0.

    Examples
    --------
    >>> line = Line(x0=3.0, y0=0.48, slope=0.22, intercept=-0.18)
    >>> line(3.0)
    0.48
    >>> import numpy as np
    >>> np.allclose(line(np.array([0.0, 10.0])), [-0.18, 2.02])
    True
    """

    x0: float
    y0: float
    slope: float
    intercept: float

    def __call__(self, x: Any) -> float | np.ndarray:
        """Evaluate the line at ``x`` (a float for a scalar, else an array of ``x``'s shape)."""
        return _result(self.y0 + self.slope * (np.asarray(x, dtype=float) - self.x0))


def _line(x0: float, y0: float, slope: float) -> Line:
    # The one formula of a line through a point (unchecked: secant and tangent may carry nan).
    return Line(x0=x0, y0=y0, slope=slope, intercept=y0 - slope * x0)


def line_through(x0: float, y0: float, slope: float) -> Line:
    """The line through (x0, y0) with the given slope: y = y0 + slope·(x − x0).

    Its intercept is computed as ``y0 - slope * x0``, the form of the post's
    ``tangent(f, x)`` (``f(x) - d * x``); :func:`secant` and :func:`tangent` build their lines
    the same way.

    Parameters
    ----------
    x0, y0 : float
        The point, finite real numbers.
    slope : float
        The slope, a finite real number.

    Returns
    -------
    Line
        With ``x0``, ``y0`` and ``slope`` as floats.

    Raises
    ------
    ValueError
        A number is not one finite real number (a bool, a string, an array, nan or inf),
        naming it.

    Examples
    --------
    >>> line = line_through(3.0, 0.48, 0.22)
    >>> line.intercept == 0.48 - 0.22 * 3.0, line(3.0)
    (True, 0.48)
    >>> line_through(3.0, float("nan"), 0.22)
    Traceback (most recent call last):
    ...
    ValueError: `y0` must be finite, got nan
    """
    x0 = float(_check_real("x0", x0, scalar=True))
    y0 = float(_check_real("y0", y0, scalar=True))
    slope = float(_check_real("slope", slope, scalar=True))
    return _line(x0, y0, slope)


def _scalar_value(f: Callable[[Any], Any], x: float) -> float:
    value = np.asarray(f(x))
    if value.size != 1 or value.dtype.kind not in "iuf":
        raise ValueError(f"`f` must return one real number for a real x, got {value!r}")
    return float(value.reshape(()))


def _secant_iv(f: Any, x0: Any, h: Any) -> tuple[float, float]:
    _check_callable("f", f)
    x0 = float(_check_real("x0", x0, scalar=True))
    if isinstance(h, bool) or not isinstance(h, numbers.Real) or not math.isfinite(h) or h == 0:
        raise ValueError(f"`h` must be a finite nonzero number; got {h!r}")
    if x0 + h == x0:
        raise ValueError(f"`h` = {h!r} is too small to move x0 = {x0!r}")
    return x0, float(h)


def secant(f: Callable[[Any], Any], x0: float, h: float) -> Line:
    """The secant through (x0, f(x0)) and (x0 + h, f(x0 + h)).

    Its slope is the forward difference (f(x0+h) − f(x0))/h; as h shrinks it turns into the
    tangent at x0, which is the post's picture of the derivative.

    Parameters
    ----------
    f : callable
        The function.
    x0 : float
        The fixed point P.
    h : float
        The offset of the second point Q; finite and nonzero (negative puts Q on the left).

    Returns
    -------
    Line

    Raises
    ------
    ValueError
        ``f`` is not callable, ``x0`` is not a finite real number, or ``h`` is not a finite
        nonzero number that moves ``x0``.

    Examples
    --------
    >>> from core.functions import blog_f
    >>> s = secant(blog_f, 3.0, 1.0)
    >>> round(s.slope, 12)
    0.24
    >>> round(s(4.0) - blog_f(4.0), 12)
    0.0
    """
    x0, h = _secant_iv(f, x0, h)
    y0 = _scalar_value(f, x0)
    return _line(x0, y0, (_scalar_value(f, x0 + h) - y0) / h)


def tangent(
    f: Callable[[Any], Any],
    x0: float,
    *,
    h: float | None = None,
    method: str = "central",
) -> Line:
    """The tangent to f at x0, with the slope from :func:`derivative`.

    With the defaults this is the post's ``tangent(f, x)``: slope by a central difference with
    h = 1e-8 and intercept f(x0) − slope·x0. The result is callable, so the post's
    ``tangent(func, 3.0)(x)`` works on scalars and arrays.

    Parameters
    ----------
    f : callable
        The function.
    x0 : float
        The point of tangency.
    h, method
        As for :func:`derivative`.

    Returns
    -------
    Line

    Raises
    ------
    ValueError
        As for :func:`derivative`; ``x0`` must be a single finite number.

    Examples
    --------
    >>> import numpy as np
    >>> from core.functions import blog_f
    >>> [round(tangent(blog_f, x0).slope, 6) for x0 in (3.0, 6.0, 9.0)]
    [0.22, 0.34, 0.46]
    >>> x = np.arange(0.0, 12.0, 0.1)
    >>> y2 = tangent(blog_f, 3.0)(x)
    >>> y2.shape, np.allclose(y2, 0.22 * x - 0.18)
    ((120,), True)
    """
    _check_callable("f", f)
    x0 = float(_check_real("x0", x0, scalar=True))
    slope = derivative(f, x0, h=h, method=method)
    return _line(x0, _scalar_value(f, x0), slope)


def _step_errors_iv(
    f: Any, dfdx: Any, x: Any, hs: Any, method: Any
) -> tuple[float, np.ndarray, str]:
    _check_callable("f", f)
    _check_callable("dfdx", dfdx)
    method = _check_method(method)
    x = float(_check_real("x", x, scalar=True))
    steps = _check_real("hs", hs)
    if steps.ndim != 1 or steps.size == 0:
        raise ValueError(f"`hs` must be a non-empty 1-D sequence of steps, got shape {steps.shape}")
    if np.any(steps <= 0):
        raise ValueError(f"`hs` must hold finite positive steps; got {float(steps.min())!r}")
    return x, steps, method


def step_errors(
    f: Callable[[Any], Any],
    dfdx: Callable[[Any], Any],
    x: float,
    hs: Any,
    *,
    method: str = "central",
) -> np.ndarray:
    """Absolute error of the derivative estimate at ``x`` for each step in ``hs``.

    On a log–log plot the errors fall with slope 1 (forward, backward) or 2 (central) while
    truncation dominates, then rise with slope −1 once rounding dominates; the turn is near
    :func:`optimal_step`.

    Parameters
    ----------
    f : callable
        The function.
    dfdx : callable
        Its exact derivative.
    x : float
        Where to differentiate.
    hs : array_like
        A non-empty 1-D sequence of finite positive steps.
    method : str
        As for :func:`derivative`.

    Returns
    -------
    numpy.ndarray
        ``|derivative(f, x, h=h, method=method) − dfdx(x)|`` for each ``h``, shaped like ``hs``.

    Raises
    ------
    ValueError
        A callable is missing, ``x`` is not one finite number, ``hs`` is empty, not 1-D or
        holds a step that is not finite and positive, or ``method`` is unknown.

    Examples
    --------
    >>> import numpy as np
    >>> errors = step_errors(np.exp, np.exp, 1.0, [1e-1, 1e-2, 1e-3])
    >>> bool(np.all(np.diff(np.log10(errors)) < -1.9))  # central: 100x smaller per 10x step
    True
    """
    x, steps, method = _step_errors_iv(f, dfdx, x, hs, method)
    exact = _scalar_value(dfdx, x)
    point = np.asarray(x)
    return np.array(
        [abs(float(_estimate(f, point, float(h), method)) - exact) for h in steps], dtype=float
    )


def optimal_step(method: str, x: float = 1.0) -> float:
    """The step that balances truncation and rounding error for ``method`` at ``x``.

    About √ε·max(1, |x|) for forward and backward differences, ∛ε·max(1, |x|) for central
    differences (ε is the machine epsilon, 2.2e-16). The complex step has no cancellation, so
    any tiny step is optimal and its default 1e-20 is returned; for ``"richardson"`` the default
    first step 0.125·max(1, |x|) is returned.

    Parameters
    ----------
    method : str
        One of ``METHODS``.
    x : float, optional
        The point; steps scale with max(1, |x|).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        ``method`` is unknown or ``x`` is not a finite real number.

    Examples
    --------
    >>> f"{optimal_step('forward'):.2e}", f"{optimal_step('central'):.2e}"
    ('1.49e-08', '6.06e-06')
    >>> f"{optimal_step('central', x=100.0):.2e}"
    '6.06e-04'
    """
    method = _check_method(method)
    scale = max(1.0, abs(float(_check_real("x", x, scalar=True))))
    if method in ("forward", "backward"):
        return math.sqrt(_EPS) * scale
    if method == "central":
        return _EPS ** (1.0 / 3.0) * scale
    if method == "complex":
        return DEFAULT_STEPS["complex"]
    return DEFAULT_STEPS["richardson"] * scale


def _model_iv(method: Any, higher: Any, value: Any) -> tuple[int, float, float]:
    if not isinstance(method, str) or method not in ORDERS:
        raise ValueError(f"`method` must be one of {', '.join(ORDERS)}; got {method!r}")
    higher = float(_check_real("higher", higher, scalar=True))
    value = float(_check_real("value", value, scalar=True))
    return ORDERS[method], abs(higher) / _TAYLOR[ORDERS[method]], abs(value)


def error_model(
    h: Any, *, method: str, higher: float, value: float
) -> tuple[np.ndarray, np.ndarray]:
    """The two terms of the error model E(h) ≈ C·h^p + ε|f(x)|/h of a difference quotient.

    Truncation (Taylor): forward and backward differences keep the h·f''/2 term (p = 1,
    C = |f''(x)|/2); the central difference keeps h²·f'''/6 (p = 2, C = |f'''(x)|/6).
    Rounding: f(x) is stored with a relative error of about ε, and the difference of two such
    values is divided by h: ε|f(x)|/h. On log–log axes the first term has slope p, the second −1.

    Parameters
    ----------
    h : array_like
        Positive steps.
    method : {"forward", "backward", "central"}
    higher : float
        f''(x) for forward and backward, f'''(x) for central.
    value : float
        f(x).

    Returns
    -------
    (truncation, rounding) : tuple of numpy.ndarray
        C·h^p and ε|f(x)|/h, shaped like ``h``; their sum is the model E(h).

    Raises
    ------
    ValueError
        ``method`` has no order (complex step, Richardson), a number is not finite, or a
        step is not positive.

    Examples
    --------
    >>> t, r = error_model([1e-2], method="central", higher=-np.cos(1.0), value=np.sin(1.0))
    >>> f"{t[0]:.2e}", f"{r[0]:.2e}"
    ('9.01e-06', '1.87e-14')
    """
    p, c, value = _model_iv(method, higher, value)
    steps = _check_real("h", h)
    if np.any(steps <= 0):
        raise ValueError("`h` must hold positive steps")
    return c * steps**p, _EPS * value / steps


def model_step(method: str, *, higher: float, value: float) -> float:
    """The step that minimises :func:`error_model`.

    E'(h) = pC·h^(p−1) − ε|f|/h² = 0 gives h* = (ε|f(x)| / (p·C))^(1/(p+1)): of the order of
    √ε for forward differences (p = 1) and ∛ε for central ones (p = 2) when C and |f| are of
    order 1 (:func:`optimal_step` takes exactly those). Where C = 0 (no truncation error, as
    for a quadratic's central difference) E only falls as h grows: ``inf``.

    Examples
    --------
    >>> f"{model_step('forward', higher=-np.sin(1.0), value=np.sin(1.0)):.2e}"
    '2.11e-08'
    >>> model_step("central", higher=0.0, value=0.48)
    inf
    """
    p, c, value = _model_iv(method, higher, value)
    if c == 0:
        return math.inf
    return (_EPS * value / (p * c)) ** (1.0 / (p + 1))


def richardson_steps(x: float = 0.0, h: float | None = None) -> np.ndarray:
    """The steps of the central differences that ``derivative(..., method="richardson")``
    combines: h0, h0/2, ..., h0/2**5, with h0 = 0.125·max(1, |x|) unless given.

    Each level of the tableau combines a column with the one before it,
    (4^j·D(h/2) − D(h)) / (4^j − 1); the first level, (4·D(h/2) − D(h))/3, cancels the h²
    term of the central difference D.

    >>> richardson_steps(1.0).tolist()
    [0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625]
    """
    x = float(_check_real("x", x, scalar=True))
    h = _check_step(h)
    h0 = DEFAULT_STEPS["richardson"] * max(1.0, abs(x)) if h is None else h
    return h0 / _RICHARDSON_RATIO ** np.arange(_RICHARDSON_LEVELS)


# ---------------------------------------------------------------------------------------------
# how many digits of an estimate are right


def _digits_iv(error: Any, exact: Any, most: Any) -> tuple[float, float, int]:
    if isinstance(error, bool) or not isinstance(error, numbers.Real):
        raise ValueError(f"`error` must be a real number, got {error!r}")
    exact = float(_check_real("exact", exact, scalar=True))
    if isinstance(most, bool) or not isinstance(most, numbers.Integral) or most < 1:
        raise ValueError(f"`most` must be a positive integer; got {most!r}")
    return abs(float(error)), exact, int(most)


def correct_digits(error: float, exact: float, *, most: int = 16) -> int:
    """How many digits of an estimate are right, from its error against the exact value.

    Against an ``exact`` value other than 0: the correct significant digits,
    floor(−log10(|error| / |exact|)), at most ``most``. Against 0, which has no significant
    digits: the correct decimal places, floor(−log10 |error|), not capped (an estimate 1e-20 of
    0 is right to 20 places). Never below 0. An error of 0 counts ``most``; an infinite or nan
    error (an estimate that is not a number) counts 0.

    Parameters
    ----------
    error : float
        The estimate's error, estimate − exact (its sign is ignored).
    exact : float
        The exact value, a finite real number.
    most : int, optional
        The count for an exact estimate and the cap on significant digits, a positive integer.
        16 by default: a float64 holds 15.95 decimal digits, and the nearest other float64 is
        at least 1.1e-16 away relatively, so no inexact estimate counts more than 15.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        ``error`` is not a real number, ``exact`` not a finite real number or ``most`` not a
        positive integer.

    Examples
    --------
    >>> correct_digits(1.5e-9, 0.22), correct_digits(0.5, 0.22), correct_digits(0.0, 0.22)
    (8, 0, 16)
    >>> import numpy as np
    >>> estimate = derivative(np.sin, 1.0)  # the post's h = 1e-8
    >>> correct_digits(estimate - np.cos(1.0), np.cos(1.0))
    8
    >>> correct_digits(2.5e-12, 0.0), correct_digits(0.0, 0.0, most=15)  # decimal places
    (11, 15)
    """
    error, exact, most = _digits_iv(error, exact, most)
    if error == 0:
        return most
    if not math.isfinite(error):
        return 0
    if exact == 0:
        return max(0, math.floor(-math.log10(error)))
    ratio = error / abs(exact)
    if ratio == 0:  # the relative error underflows: more digits than a float64 holds
        return most
    if not math.isfinite(ratio):
        return 0
    return max(0, min(most, math.floor(-math.log10(ratio))))


# ---------------------------------------------------------------------------------------------
# the accurate slope a scene states as f'(x)


def stated_derivative(f: Callable[[Any], Any], x: Any) -> float | np.ndarray:
    """f'(x) to 12 or more significant digits: the value a scene *states* as the derivative.

    The complex step Im f(x + ih)/h with h = 1e-20 has no cancellation, so it is exact to
    rounding (about 15 digits) for the analytic functions a teacher types (every function of
    :func:`core.expression.parse_function` accepts complex input). A callable that returns real
    values for complex input falls back to Richardson extrapolation of central differences
    (12 or more digits on smooth functions). The post's own estimate, the central difference
    with h = 1e-8, stays :func:`derivative`'s default: it is what the post's code prints, with
    about 8 correct digits, and a scene that *demonstrates* that code should show it, not this.

    Call it only where f' exists (see :func:`is_differentiable`): at a corner the complex step
    returns the slope of one side.

    Parameters
    ----------
    f : callable
        A vectorized function of ``x``.
    x : float or array_like
        Where to differentiate: real and finite, any shape.

    Returns
    -------
    float or numpy.ndarray
        f'(x): a float for a scalar ``x``, else an array of ``x``'s shape; nan where f(x) or
        the estimate is not finite (``log`` at x <= 0, where the complex step would give
        π/h).

    Raises
    ------
    ValueError
        ``f`` is not callable or ``x`` is not real and finite.

    Examples
    --------
    >>> import numpy as np
    >>> from core.expression import parse_function
    >>> f = parse_function("1e6*x**2")
    >>> stated_derivative(f, 3.0)          # the post's h = 1e-8 gives 6000000.05...
    6000000.0
    >>> bool(abs(stated_derivative(np.sin, 1.0) - np.cos(1.0)) < 1e-15)
    True
    >>> abs(stated_derivative(lambda t: float(t) ** 3, 2.0) - 12.0) < 1e-9  # real-only f
    True
    """
    x, _, _ = _derivative_iv(f, x, None, "central")
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", np.exceptions.ComplexWarning)
            values = np.asarray(f(x + 1j * DEFAULT_STEPS["complex"]))
        complex_safe = np.iscomplexobj(values)
    except (TypeError, ValueError):
        complex_safe = False
    if complex_safe:
        slope = np.broadcast_to(values.imag / DEFAULT_STEPS["complex"], x.shape)
    else:
        with np.errstate(all="ignore"):
            slope = _richardson(f, x, None)
    with np.errstate(all="ignore"):
        defined = np.isfinite(np.asarray(_values(f, x), dtype=float))  # log(-1 + ih) is not
    slope = np.where(np.isfinite(slope) & defined, slope, np.nan)
    return _result(slope)


def stated_tangent(f: Callable[[Any], Any], x0: float) -> Line:
    """The tangent at x0 with the slope a scene states: :func:`stated_derivative` (exact to
    rounding), not the post's central difference (that is :func:`tangent`).

    Parameters
    ----------
    f : callable
        The function; f' must exist at ``x0`` (see :func:`is_differentiable`).
    x0 : float
        The point of tangency.

    Returns
    -------
    Line
        Through (x0, f(x0)), built by :func:`line_through`.

    Raises
    ------
    ValueError
        As for :func:`line_through`: f(x0) or f'(x0) is not finite.

    Examples
    --------
    >>> line = stated_tangent(lambda x: x**2, 3.0)
    >>> line.slope, line.intercept
    (6.0, -9.0)
    >>> stated_tangent(lambda x: 1e6 * x**2, 3.0).slope      # tangent(...) gives 6000000.05...
    6000000.0
    """
    return line_through(x0, float(f(x0)), float(stated_derivative(f, x0)))


# ---------------------------------------------------------------------------------------------
# one-sided slopes: does the derivative exist?

# one-sided quotients at h0, h0/2, ..., h0/2**(_ONE_SIDED_LEVELS - 1)
_ONE_SIDED_LEVELS = 24
_ONE_SIDED_COLUMNS = 6
_ONE_SIDED_FIRST_STEP = 1.0 / 16.0


@dataclass(frozen=True)
class OneSidedSlopes:
    """The slopes of f just left and just right of ``x0``: the limits of (f(x0+h) − f(x0))/h as
    h → 0 from below (``left``) and from above (``right``).

    Attributes
    ----------
    x0 : float
        The point.
    left, right : float
        The limits; ``+inf`` or ``-inf`` when the quotients grow without bound (a vertical
        tangent or a cusp), ``nan`` when f is not defined on that side (or at ``x0``).
    left_error, right_error : float
        Estimates of their absolute errors (0 for an infinite limit, nan for an undefined one).

    Examples
    --------
    >>> from core.expression import parse_function
    >>> s = one_sided_slopes(parse_function("abs(x - 3)"), 3.0)
    >>> float(s.left), float(s.right), s.finite, s.agree()
    (-1.0, 1.0, True, False)
    """

    x0: float
    left: float
    right: float
    left_error: float
    right_error: float

    @property
    def finite(self) -> bool:
        """Whether both one-sided slopes are finite numbers."""
        return math.isfinite(self.left) and math.isfinite(self.right)

    def agree(self, rtol: float = 1e-8) -> bool:
        """Whether both slopes are finite and equal within ``rtol`` (relative) plus their
        estimated errors: the derivative exists and equals either of them."""
        if not self.finite:
            return False
        tolerance = rtol * max(abs(self.left), abs(self.right)) + 10.0 * (
            self.left_error + self.right_error
        )
        return abs(self.left - self.right) <= tolerance


def _one_sided(f: Callable[[Any], Any], x0: float, fx0: float, sign: float, h0: float):
    """(slope, error) from one side: quotients at halving steps, their blow-up or their
    Richardson extrapolation (errors in h, h², ...: column j eliminates the h**j term)."""
    steps = h0 / 2.0 ** np.arange(_ONE_SIDED_LEVELS)
    points = x0 + sign * steps
    with np.errstate(all="ignore"):
        values = np.asarray(_values(f, points), dtype=float)
        quotients = (values - fx0) / (points - x0)
    finite = np.isfinite(quotients)
    if not finite[-4:].all():
        return math.nan, math.nan  # not defined (or not finite) just beside x0
    # keep the run of finite quotients that reaches the smallest step
    start = int(np.nonzero(~finite)[0].max() + 1) if not finite.all() else 0
    q, hs = quotients[start:], steps[start:]
    noise = 8.0 * _EPS * (np.max(np.abs(values[start:])) + abs(fx0)) / hs
    # a blow-up: the differences between successive quotients grow, step after step
    d = np.diff(q)
    if d.size >= 6:
        last = d[-6:]
        ratios = last[1:] / np.where(last[:-1] == 0, np.nan, last[:-1])
        if (
            np.all(ratios > 1.05)
            and np.all(np.abs(last) > 16 * noise[-6:])
            and abs(q[-1]) > 2 * abs(q[0])
        ):
            return math.copysign(math.inf, q[-1]), 0.0
    # Richardson: keep the tableau entry whose neighbours agree best with it
    best, best_error = float(q[-1]), math.inf
    previous: list[float] = []
    for k in range(q.size):
        row = [float(q[k])]
        for j in range(1, min(k, _ONE_SIDED_COLUMNS) + 1):
            row.append(row[j - 1] + (row[j - 1] - previous[j - 1]) / (2.0**j - 1.0))
        for j in range(1, len(row)):
            error = abs(row[j] - row[j - 1]) + (abs(row[j] - previous[j]) if j < len(previous)
                                                else abs(row[j] - previous[j - 1]))
            error = max(error, float(noise[k]) * 2.0**j)
            if error < best_error:
                best, best_error = row[j], error
        previous = row
    return best, best_error


def _one_sided_iv(f: Any, x0: Any, h: Any) -> tuple[float, float | None]:
    _check_callable("f", f)
    return float(_check_real("x0", x0, scalar=True)), _check_step(h)


def one_sided_slopes(
    f: Callable[[Any], Any], x0: float, *, h: float | None = None
) -> OneSidedSlopes:
    """The left and right slopes of f at ``x0``, in the limit h → 0.

    The one-sided quotients (f(x0 ± h) − f(x0))/(±h) are taken at 24 halving steps from ``h``
    down; when their successive differences keep growing the slope is infinite (``±inf``: a
    vertical tangent or a cusp), otherwise the quotients are extrapolated to h = 0 by Richardson's
    tableau (errors in h, h², ...), keeping the entry with the smallest estimated error. Where f
    is not finite at ``x0`` or just beside it on one side, that side's slope is nan.

    Parameters
    ----------
    f : callable
        A vectorized function of ``x``.
    x0 : float
        The point, real and finite.
    h : float, optional
        The first (largest) step, a finite positive number; default ``max(1, |x0|)/16``. Choose
        it smaller than the distance to the nearest other corner or pole.

    Returns
    -------
    OneSidedSlopes

    Raises
    ------
    ValueError
        ``f`` is not callable, ``x0`` is not one finite real number, or ``h`` is not a finite
        positive number.

    Examples
    --------
    >>> import numpy as np
    >>> from core.expression import parse_function
    >>> s = one_sided_slopes(np.sin, 0.0)
    >>> bool(np.allclose([s.left, s.right], [1.0, 1.0], rtol=1e-12))
    True
    >>> s = one_sided_slopes(parse_function("abs(x)**0.5"), 0.0)     # a cusp
    >>> s.left, s.right
    (-inf, inf)
    >>> s = one_sided_slopes(parse_function("x**(1/3)"), 0.0)        # a vertical tangent;
    >>> s.left, s.right                                             # no real x**(1/3) for x < 0
    (nan, inf)
    """
    x0, h = _one_sided_iv(f, x0, h)
    h0 = _ONE_SIDED_FIRST_STEP * max(1.0, abs(x0)) if h is None else h
    with np.errstate(all="ignore"):
        fx0 = float(np.asarray(f(np.asarray(x0)), dtype=float).reshape(()))
    if not math.isfinite(fx0):
        return OneSidedSlopes(x0, math.nan, math.nan, math.nan, math.nan)
    left, left_error = _one_sided(f, x0, fx0, -1.0, h0)
    right, right_error = _one_sided(f, x0, fx0, 1.0, h0)
    return OneSidedSlopes(x0, left, right, left_error, right_error)


def is_differentiable(
    f: Callable[[Any], Any], x0: float, *, rtol: float = 1e-8, h: float | None = None
) -> bool:
    """Whether f has a derivative at ``x0``: both one-sided slopes are finite and agree.

    Parameters
    ----------
    f : callable
        A vectorized function of ``x``.
    x0 : float
        The point.
    rtol : float
        Relative tolerance between the left and the right slope (their estimated errors are
        allowed on top); a finite positive number.
    h : float, optional
        As for :func:`one_sided_slopes`.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        As for :func:`one_sided_slopes`, or ``rtol`` is not a finite positive number.

    Examples
    --------
    >>> from core.expression import parse_function
    >>> is_differentiable(parse_function("abs(x - 3)"), 3.0)       # a corner
    False
    >>> is_differentiable(parse_function("abs(x - 3)"), 2.0)
    True
    >>> is_differentiable(parse_function("sqrt(x)"), 0.0)          # infinite slope
    False
    >>> is_differentiable(parse_function("0.02*x**2 + 0.1*x"), 3.0)
    True
    """
    if isinstance(rtol, bool) or not isinstance(rtol, numbers.Real) or not (
        math.isfinite(rtol) and rtol > 0
    ):
        raise ValueError(f"`rtol` must be a finite positive number; got {rtol!r}")
    return one_sided_slopes(f, x0, h=h).agree(float(rtol))
