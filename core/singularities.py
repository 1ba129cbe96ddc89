"""Where a function typed by a teacher stops being drawable: poles, jumps, infinite slopes, corners.

A plot samples f at a few hundred points, and a pole of ``tan(x)`` at π/2 can hide between two of
them. :func:`find_singularities` looks between the samples:

1. f is sampled on a fine grid; a value that is not finite is reported at once (``"undefined"``).
2. Every local maximum of the second difference |f(x−d) − 2f(x) + f(x+d)| is a candidate: poles,
   jumps, cusps and corners all make one (as do the bends of a smooth curve).
3. Each candidate is zoomed in on, all at once with numpy: its bracket is cut into 16 pieces and
   the two around the largest second difference are kept, until the bracket is a few ulps wide.
4. At each zoomed point c, f is evaluated at c ± δ for δ = d, d/10, ..., d/10⁷ and classified:
   ``"pole"`` when the increments of f do not shrink as δ does (|f| grows without bound, like
   1/x or log|x|), ``"jump"`` when the limits from the two sides differ, ``"infinite slope"`` when
   the slopes grow without bound (a vertical tangent or a cusp: √|x|, x**(1/3)) and
   ``"corner"`` when the slopes settle at two different values (|x − 3|, confirmed with
   :func:`core.calculus.one_sided_slopes`). Smooth points are dropped.

Examples
--------
>>> from core.expression import parse_function
>>> [(round(s.x, 4), s.kind) for s in find_singularities(parse_function("tan(x)"), 0.0, 3.0)]
[(1.5708, 'pole')]
>>> find_singularities(parse_function("sin(x)"), 0.0, 6.0)
()
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.calculus import one_sided_slopes

__all__ = ["KINDS", "Singularity", "find_singularities"]

#: The kinds of :class:`Singularity`, from the worst.
KINDS = ("undefined", "pole", "jump", "infinite slope", "corner")

_EPS = float(np.finfo(float).eps)
_PIECES = 16  # a bracket is cut into this many pieces per zoom step
_ZOOM_STEPS = 24  # (16/2)**24 ~ 1e21: from the grid spacing down to ulps
_DECADES = 8  # c ± d, c ± d/10, ..., c ± d/10**7


@dataclass(frozen=True)
class Singularity:
    """A point of [x_min, x_max] where f or f' is not finite, f jumps, or f' jumps.

    Attributes
    ----------
    x : float
        Where (to about 12 digits for a pole or a corner).
    kind : str
        One of :data:`KINDS`.
    at_end : bool
        Whether it lies at x_min or x_max (within the grid spacing): only one side is seen.
    left, right : float
        For a corner or an infinite slope: the one-sided slopes (``±inf`` when unbounded, nan
        where unknown or outside the range); nan otherwise.
    """

    x: float
    kind: str
    at_end: bool = False
    left: float = math.nan
    right: float = math.nan


def _evaluate(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        return np.broadcast_to(np.asarray(f(x), dtype=float), x.shape)


def _second_differences(values: np.ndarray) -> np.ndarray:
    """|f(x−d) − 2f(x) + f(x+d)| along the last axis; inf where a value is not finite."""
    with np.errstate(all="ignore"):
        d2 = np.abs(values[..., :-2] - 2.0 * values[..., 1:-1] + values[..., 2:])
    return np.where(np.isfinite(d2), d2, np.inf)


def _zoom(f: Callable[[Any], Any], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Shrink each bracket around its largest second difference; return the centres."""
    fractions = np.linspace(0.0, 1.0, _PIECES + 1)
    rows = np.arange(lo.size)
    for _ in range(_ZOOM_STEPS):
        grid = lo[:, None] + (hi - lo)[:, None] * fractions
        node = np.argmax(_second_differences(_evaluate(f, grid)), axis=1) + 1
        lo, hi = grid[rows, node - 1], grid[rows, node + 1]
    return 0.5 * (lo + hi)


def _classify(f, c: float, d: float, a: float, b: float) -> Singularity | None:
    """What happens at the zoomed point c (None: nothing, a smooth point)."""
    deltas = d * 10.0 ** -np.arange(_DECADES)
    sides: dict[float, np.ndarray] = {}
    for sign in (-1.0, 1.0):
        points = c + sign * deltas
        if a <= points[0] <= b:
            sides[sign] = _evaluate(f, points)
    at_end = len(sides) < 2
    x = c
    if at_end:  # snap to the end it is at
        x = a if c - a < b - c else b
    if not sides:
        return None
    values = np.concatenate(list(sides.values()))
    if not np.all(np.isfinite(values)):
        return Singularity(float(x), "pole", at_end)
    noise = 64.0 * _EPS * float(np.max(np.abs(values)))
    slopes: dict[float, np.ndarray] = {}
    for sign, v in sides.items():
        steps = np.diff(v)  # towards c: from c ± d to c ± d/10**7
        if abs(steps[-1]) > noise and abs(steps[-1]) >= 0.3 * abs(steps[0]) and (
            steps[-1] * steps[0] > 0
        ):
            return Singularity(float(x), "pole", at_end)
        slopes[sign] = steps / (-sign * np.diff(deltas))  # rise over run, left to right
    if not at_end:
        gap_near = abs(sides[1.0][-1] - sides[-1.0][-1])
        gap_far = abs(sides[1.0][-4] - sides[-1.0][-4])
        settling = max(abs(v[-1] - v[-2]) for v in sides.values())  # each side's last change
        if gap_near > 1e3 * noise and gap_near >= 0.5 * gap_far and gap_near > 10 * settling:
            return Singularity(float(x), "jump")
    steep = {}
    for sign, s in slopes.items():
        last_step = abs(sides[sign][-1] - sides[sign][-2])
        steep[sign] = bool(
            last_step > 1e3 * noise and abs(s[-1]) > 3.0 * abs(s[0]) and abs(s[-1]) > abs(s[-3])
        )
    if any(steep.values()):
        slope = one_sided_slopes(f, x, h=d)
        left, right = _side(slope.left, x, a), _side(slope.right, x, b)
        if not (math.isfinite(left) and math.isfinite(right)) and not (
            at_end and (math.isfinite(left) or math.isfinite(right))
        ):
            return Singularity(float(x), "infinite slope", at_end, left, right)
    if at_end:
        return None
    # a corner: the slopes from the two sides differ by about the same at every decade (at a
    # smooth point the difference shrinks with delta); the decades above rounding noise count
    sl, sr = slopes[-1.0], slopes[1.0]
    differences = np.abs(sl - sr)
    tolerance = 1e-4 * np.maximum(np.abs(sl), np.abs(sr)) + 4.0 * noise / deltas[1:]
    steady = differences[1:] >= 0.5 * differences[:-1]
    if not np.any((differences[1:] > tolerance[1:]) & steady):
        return None
    slope = one_sided_slopes(f, x, h=d)
    if slope.agree():
        return None
    return Singularity(float(x), "corner", False, slope.left, slope.right)


def _side(value: float, x: float, end: float) -> float:
    return math.nan if x == end else float(value)


def _find_iv(f: Any, x_min: Any, x_max: Any, samples: Any) -> tuple[float, float, int]:
    if not callable(f):
        raise ValueError(f"`f` must be a callable of x, got {type(f).__name__}")
    for name, value in (("x_min", x_min), ("x_max", x_max)):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
            value
        ):
            raise ValueError(f"`{name}` must be a finite real number, got {value!r}")
    if not x_min < x_max:
        raise ValueError(f"`x_max` must be greater than `x_min`, got [{x_min!r}, {x_max!r}]")
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 16:
        raise ValueError(f"`samples` must be an integer >= 16, got {samples!r}")
    return float(x_min), float(x_max), samples


def find_singularities(
    f: Callable[[Any], Any], x_min: float, x_max: float, *, samples: int = 2001
) -> tuple[Singularity, ...]:
    """Every point of [x_min, x_max] where f or f' is not finite or jumps, left to right.

    Parameters
    ----------
    f : callable
        A vectorized function of ``x``.
    x_min, x_max : float
        The range, finite, ``x_min < x_max``.
    samples : int
        Points of the first grid (at least 16). Features narrower than a grid spacing that
        make no mark on the second differences can be missed.

    Returns
    -------
    tuple of Singularity
        Sorted by ``x``; one per point. ``"undefined"`` (f is not finite at a grid point: the
        first such point) stops the search, since nothing beyond it can be drawn anyway.

    Raises
    ------
    ValueError
        ``f`` is not callable, the range is not two finite numbers in order, or ``samples``
        is not an integer >= 16.

    Examples
    --------
    >>> from core.expression import parse_function
    >>> def show(text, a, b):
    ...     return [(round(s.x, 6), s.kind, s.at_end)
    ...             for s in find_singularities(parse_function(text), a, b)]
    >>> show("1/(x-2)", 0.0, 3.9)          # between grid points
    [(2.0, 'pole', False)]
    >>> show("abs(x-3)", 0.0, 12.0)
    [(3.0, 'corner', False)]
    >>> show("sqrt(x)", 0.0, 9.0)          # an infinite slope at an end
    [(0.0, 'infinite slope', True)]
    >>> show("abs(x - 0.3)**0.5", -1.0, 1.0)  # a cusp between grid points
    [(0.3, 'infinite slope', False)]
    >>> show("log(x)", 0.0, 5.0)
    [(0.0, 'undefined', True)]
    >>> show("tan(x)", 0.0, 1.5)            # the pole at 1.5708 is outside
    []
    """
    a, b, samples = _find_iv(f, x_min, x_max, samples)
    xs = np.linspace(a, b, samples)
    ys = _evaluate(f, xs)
    bad = ~np.isfinite(ys)
    if bad.any():
        x = float(xs[np.argmax(bad)])
        return (Singularity(x, "undefined", x in (a, b)),)
    d = float(xs[1] - xs[0])
    d2 = _second_differences(ys)
    padded = np.concatenate([[-1.0], d2, [-1.0]])
    peak = (d2 > 0) & (d2 >= padded[:-2]) & (d2 >= padded[2:])
    nodes = np.nonzero(peak)[0] + 1  # index into xs
    if nodes.size == 0:
        return ()
    centres = _zoom(f, xs[nodes - 1], xs[nodes + 1])
    found: list[Singularity] = []
    for c in np.unique(centres):
        item = _classify(f, float(c), d, a, b)
        if item is not None and not any(abs(item.x - s.x) <= 2 * d for s in found):
            found.append(item)
    # about 12 digits of the range's scale: no -0.0 or 1e-300 for a point at 0
    quantum = 2.0 ** math.floor(math.log2(1e-12 * max(abs(a), abs(b), b - a)))
    found = [replace(s, x=round(s.x / quantum) * quantum + 0.0) for s in found]
    order = {kind: i for i, kind in enumerate(KINDS)}
    found.sort(key=lambda s: (s.x, order[s.kind]))
    return tuple(found)
