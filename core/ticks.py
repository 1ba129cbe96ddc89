"""Tick steps for axes: the numeric choice of a step, with nothing drawn.

:func:`nice_step` picks the step between the tick numbers of an axis: 1, 2, 2.5 or 5 times a
power of ten, the smallest of these that fits the span in at most a given number of intervals.
The scenes draw axes with it (:func:`scenes.kit.axes.nice_range`, the cannonball's flight axes);
with ``max_ticks=1`` it is the smallest such step at least as large as its argument.

Examples
--------
>>> nice_step(12), nice_step(2.4), nice_step(3000, max_ticks=6)
(2.0, 0.5, 500.0)
>>> nice_step(1.7, max_ticks=1)  # the smallest step >= 1.7
2.0
"""

from __future__ import annotations

import math
import numbers
from typing import Any

__all__ = ["MANTISSAS", "nice_step"]

#: The steps :func:`nice_step` chooses from, times a power of ten.
MANTISSAS = (1.0, 2.0, 2.5, 5.0)

# a step within this relative distance below the wanted one still counts (float fuzz: 0.3/3)
_SLACK = 1e-9


def _nice_step_iv(span: Any, max_ticks: Any) -> tuple[float, int]:
    if (
        isinstance(span, bool)
        or not isinstance(span, numbers.Real)
        or not math.isfinite(span)
        or not span > 0
    ):
        raise ValueError(f"`span` must be a finite positive number; got {span!r}")
    if isinstance(max_ticks, bool) or not isinstance(max_ticks, numbers.Integral) or max_ticks < 1:
        raise ValueError(f"`max_ticks` must be a positive integer; got {max_ticks!r}")
    return float(span), int(max_ticks)


def nice_step(span: float, *, max_ticks: int = 7) -> float:
    """The smallest 1-2-2.5-5 step (times a power of ten) giving at most ``max_ticks`` intervals.

    The step is the smallest m·10^k, m in :data:`MANTISSAS` (1, 2, 2.5, 5), that is at least
    ``span / max_ticks`` (a step short of it by a relative 1e-9, float fuzz, still counts).

    Parameters
    ----------
    span : float
        The length of the axis in data units, a finite positive number.
    max_ticks : int, optional
        The most intervals between ticks, a positive integer. With 1 the result is the smallest
        nice step that is at least ``span``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        ``span`` is not a finite positive number or ``max_ticks`` not a positive integer.

    Examples
    --------
    >>> nice_step(12), nice_step(6), nice_step(2.4), nice_step(4.08, max_ticks=5)
    (2.0, 1.0, 0.5, 1.0)
    >>> nice_step(14, max_ticks=6)  # 2.33 is wanted: 2.5, not 5
    2.5
    >>> nice_step(0.0)
    Traceback (most recent call last):
    ...
    ValueError: `span` must be a finite positive number; got 0.0
    """
    span, max_ticks = _nice_step_iv(span, max_ticks)
    raw = span / max_ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (*MANTISSAS, 10.0):
        if m * power >= raw * (1 - _SLACK):
            return float(m * power)
    return float(10 * power)  # pragma: no cover
