"""Hitting a target with the derivative: the end of the post, and the idea behind learning.

The post ends with: fire, see where the ball lands, use the derivative to adjust the angle,
hit the target. Here the landing distance is the range R(θ) of :func:`core.ballistics.simulate`
at elevation θ, the miss is R(θ) − target, and the slope dR/dθ (metres per degree) comes from
:func:`core.calculus.derivative`. Two ways to use it:

``method="newton"``
    θ ← θ − miss / slope: follow the tangent to where it meets the target. Few shots.
``method="gradient"``
    gradient descent on the loss L = miss², the way an optimizer trains a network by
    backpropagation: θ ← θ − η·dL/dθ with dL/dθ = 2·miss·slope. The learning rate η starts at
    ``learning_rate`` times the Newton step of the first shot and adapts ("bold driver"): ×1.2
    after a shot that lowered the loss, ×0.5 after one that raised it. More shots.

Every shot is recorded (:class:`Shot`), so a scene can replay the learning. A range has a
maximum (:func:`max_range`); each reachable target is hit by a low shot below that angle and a
lobbed one above it (``branch``). Both methods keep the angle inside a bracket that holds the
answer and fall back to bisection if a step would leave it, so they cannot run away.

Examples
--------
>>> from core.ballistics import Launch
>>> launch = Launch(750.0, 15.0, drag=5.7e-4)
>>> result = aim(launch, 3000.0)
>>> result.converged, abs(result.landing - 3000.0) <= 1e-6
(True, True)
>>> len(result.steps) < len(aim(launch, 3000.0, method="gradient").steps)
True
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar

from core.ballistics import Launch, simulate
from core.calculus import derivative

__all__ = [
    "AIM_METHODS",
    "BRANCHES",
    "AimResult",
    "MaxRange",
    "Shot",
    "UnreachableTargetError",
    "aim",
    "landing_range",
    "max_range",
]

AIM_METHODS = ("newton", "gradient")
BRANCHES = ("low", "high")

# Step (degrees) of the central difference for dR/dθ: R is computed to ~1e-12 relative, so
# 1e-3° balances that noise (~1e-9·R per degree) against truncation (~1e-7 of the slope).
_SLOPE_STEP = 1e-3
# The flattest shot considered (degrees) when the muzzle is above the ground.
_FLAT_ANGLE = 1e-9
# Bold driver: how the gradient-descent learning rate adapts.
_GROW, _SHRINK = 1.2, 0.5


class UnreachableTargetError(ValueError):
    """The target lies beyond the longest shot of the launch (or, low branch, too near)."""

    def __init__(self, message: str, reach: MaxRange | None = None) -> None:
        super().__init__(message)
        #: The longest shot of the launch (:class:`MaxRange`), when known.
        self.max_range = reach


@dataclass(frozen=True)
class MaxRange:
    """The longest shot of a launch's speed, drag, gravity and height.

    Attributes
    ----------
    angle_deg : float
        The elevation of the longest shot, degrees.
    range : float
        Its range, m.
    """

    angle_deg: float
    range: float


@dataclass(frozen=True)
class Shot:
    """One shot of :func:`aim`.

    Attributes
    ----------
    angle_deg : float
        The elevation fired at, degrees.
    landing : float
        Where the ball landed, m.
    miss : float
        ``landing − target``, m: positive long, negative short.
    slope : float
        dR/dθ at ``angle_deg``, m per degree (from :func:`core.calculus.derivative`).
    loss : float
        ``miss²``, m², the loss that gradient descent lowers.
    """

    angle_deg: float
    landing: float
    miss: float
    slope: float
    loss: float


@dataclass(frozen=True)
class AimResult:
    """What :func:`aim` found.

    Attributes
    ----------
    angle_deg : float
        The elevation of the last shot, degrees.
    landing : float
        Where the last shot landed, m.
    converged : bool
        Whether the last shot missed by at most ``tol``.
    steps : tuple of Shot
        Every shot in order, the first at the first guess.
    target : float
        The target distance, m.
    method, branch : str
        As passed to :func:`aim`.
    """

    angle_deg: float
    landing: float
    converged: bool
    steps: tuple[Shot, ...]
    target: float
    method: str
    branch: str

    @property
    def miss(self) -> float:
        """``landing − target`` of the last shot, m."""
        return self.landing - self.target


# ---------------------------------------------------------------------------------------------
# the range as a function of the angle


def _check_launch(launch: Any) -> Launch:
    if not isinstance(launch, Launch):
        raise ValueError(f"`launch` must be a core.ballistics.Launch, got {type(launch).__name__}")
    return launch


def _range_at(launch: Launch, angle_deg: float) -> float:
    return simulate(launch.with_angle(angle_deg), samples=3).range


def _landing_range_iv(launch: Any, angle_deg: Any) -> np.ndarray:
    _check_launch(launch)
    if isinstance(angle_deg, bool):
        raise ValueError(f"`angle_deg` must be a number of degrees, got {angle_deg!r}")
    try:
        angles = np.asarray(angle_deg, dtype=float)
    except (TypeError, ValueError):
        raise ValueError("`angle_deg` must be a number of degrees or an array of them") from None
    if not np.all((angles > 0) & (angles < 90)):  # also rejects nan
        raise ValueError(
            f"`angle_deg` must lie strictly between 0 and 90 degrees, got {angle_deg!r}"
        )
    return angles


def landing_range(launch: Launch, angle_deg: Any) -> float | np.ndarray:
    """Where ``launch`` lands when fired at ``angle_deg`` instead of its own angle.

    Parameters
    ----------
    launch : Launch
        Speed, drag, gravity and height of the shot (its angle is ignored).
    angle_deg : float or array_like
        Elevation(s) in degrees, strictly between 0 and 90.

    Returns
    -------
    float or numpy.ndarray
        The range in m: a float for a scalar angle, else an array shaped like ``angle_deg``.

    Raises
    ------
    ValueError
        ``launch`` is not a Launch or an angle is not strictly between 0 and 90.

    Examples
    --------
    >>> import numpy as np
    >>> vacuum = Launch(100.0, 45.0)
    >>> bool(np.allclose(landing_range(vacuum, [15.0, 75.0]), 100.0**2 * 0.5 / 9.81))
    True
    """
    angles = _landing_range_iv(launch, angle_deg)
    ranges = np.array([_range_at(launch, float(a)) for a in angles.ravel()]).reshape(angles.shape)
    return float(ranges) if ranges.ndim == 0 else ranges


@functools.lru_cache(maxsize=64)
def _max_range(speed: float, drag: float, g: float, height: float) -> MaxRange:
    launch = Launch(speed, 45.0, drag=drag, g=g, height=height)
    best = minimize_scalar(
        lambda angle: -_range_at(launch, angle),
        bounds=(0.0, 90.0),
        method="bounded",
        options={"xatol": 1e-8},
    )
    return MaxRange(angle_deg=float(best.x), range=float(-best.fun))


def max_range(launch: Launch) -> MaxRange:
    """The longest shot for the speed, drag, gravity and height of ``launch``, and its angle.

    Found by bounded Brent minimization (:func:`scipy.optimize.minimize_scalar`) of −R(θ) on
    (0°, 90°) to about 1e-7 degrees. Results are cached per (speed, drag, g, height).

    Parameters
    ----------
    launch : Launch
        The shot (its angle is ignored).

    Returns
    -------
    MaxRange

    Raises
    ------
    ValueError
        ``launch`` is not a Launch.

    Examples
    --------
    >>> best = max_range(Launch(100.0, 30.0))  # in vacuum: 45 degrees, v²/g
    >>> round(best.angle_deg, 5), round(best.range, 6)
    (45.0, 1019.367992)
    >>> best = max_range(Launch(750.0, 45.0, drag=5.7e-4))  # drag: flatter and much shorter
    >>> round(best.angle_deg, 2), round(best.range)
    (28.42, 4053)
    """
    _check_launch(launch)
    return _max_range(launch.speed, launch.drag, launch.g, launch.height)


# ---------------------------------------------------------------------------------------------
# aiming


def _aim_iv(
    launch: Any,
    target: Any,
    method: Any,
    tol: Any,
    max_iter: Any,
    branch: Any,
    learning_rate: Any,
) -> float:
    _check_launch(launch)
    if isinstance(target, bool) or not isinstance(target, numbers.Real):
        raise ValueError(f"`target` must be a distance in m, got {target!r}")
    if not math.isfinite(target) or target <= 0:
        raise ValueError(f"`target` must be a finite distance > 0 m, got {target!r}")
    if not isinstance(method, str) or method not in AIM_METHODS:
        raise ValueError(f"`method` must be one of {', '.join(AIM_METHODS)}; got {method!r}")
    if not isinstance(branch, str) or branch not in BRANCHES:
        raise ValueError(f"`branch` must be one of {', '.join(BRANCHES)}; got {branch!r}")
    for name, value in (("tol", tol), ("learning_rate", learning_rate)):
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not math.isfinite(value)
            or value <= 0
        ):
            raise ValueError(f"`{name}` must be a finite number > 0, got {value!r}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 1:
        raise ValueError(f"`max_iter` must be an integer >= 1, got {max_iter!r}")
    return float(target)


def _bracket(launch: Launch, target: float, branch: str) -> tuple[float, float, MaxRange]:
    """The open interval of angles of ``branch`` that holds the answer; checks reachability."""
    reach = max_range(launch)
    if target > reach.range:
        raise UnreachableTargetError(
            f"target {target:g} m is out of reach: the longest shot of this launch lands at "
            f"{reach.range:.1f} m (angle {reach.angle_deg:.2f} deg)",
            reach,
        )
    if branch == "high":
        return reach.angle_deg, 90.0, reach
    if launch.height > 0:
        flattest = _range_at(launch, _FLAT_ANGLE)
        if target < flattest:
            raise UnreachableTargetError(
                f"target {target:g} m is nearer than the flattest shot from {launch.height:g} m "
                f"up ({flattest:.1f} m); use branch='high'",
                reach,
            )
    return 0.0, reach.angle_deg, reach


def _first_angle(angle: float, low: float, high: float, apex: float) -> float:
    """The launch's angle if it lies on the branch, else its mirror image about the best angle."""
    if low < angle < high:
        return angle
    mirrored = 2.0 * apex - angle
    return mirrored if low < mirrored < high else 0.5 * (low + high)


def aim(
    launch: Launch,
    target: float,
    *,
    method: str = "newton",
    tol: float = 1e-6,
    max_iter: int = 50,
    branch: str = "low",
    learning_rate: float = 0.5,
) -> AimResult:
    """Adjust the elevation of ``launch`` until the ball lands within ``tol`` of ``target``.

    Parameters
    ----------
    launch : Launch
        The cannon; its ``angle_deg`` is the first guess (mirrored about the max-range angle if
        it lies on the other branch).
    target : float
        Distance to the target, m, > 0.
    method : {"newton", "gradient"}, keyword-only
        Newton's method on the miss, or gradient descent on the loss miss².
    tol : float, keyword-only
        Acceptable miss in m, > 0.
    max_iter : int, keyword-only
        Most shots to fire, >= 1.
    branch : {"low", "high"}, keyword-only
        The flat shot (angle below the max-range angle) or the lobbed one (above it).
    learning_rate : float, keyword-only
        Gradient descent only: the first step as a fraction of the Newton step, > 0.

    Returns
    -------
    AimResult
        ``converged`` is False if ``max_iter`` shots did not get within ``tol``.

    Raises
    ------
    UnreachableTargetError
        The target is beyond the maximum range (the message gives it), or on the low branch
        from a raised muzzle nearer than the flattest shot.
    ValueError
        Any other argument is invalid; the message names it.

    Examples
    --------
    >>> launch = Launch(100.0, 30.0)
    >>> low = aim(launch, 800.0)
    >>> high = aim(launch, 800.0, branch="high")
    >>> round(low.angle_deg, 6), round(high.angle_deg, 6)  # in vacuum they add up to 90
    (25.851092, 64.148908)
    >>> [f"{shot.miss:.2g}" for shot in low.steps[:3]]  # 30 deg was long; Newton homes in
    ['83', '-11', '-0.12']
    >>> aim(launch, 2000.0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    core.aiming.UnreachableTargetError: target 2000 m ... at 1019.4 m (angle 45.00 deg)
    """
    target = _aim_iv(launch, target, method, tol, max_iter, branch, learning_rate)
    low, high, reach = _bracket(launch, target, branch)
    angle = _first_angle(launch.angle_deg, low, high, reach.angle_deg)

    def landing(theta: Any) -> Any:
        return landing_range(launch, theta)

    steps: list[Shot] = []
    rate: float | None = None  # gradient descent: the learning rate η, in deg² per m²
    converged = False
    for _ in range(max_iter):
        landed = _range_at(launch, angle)
        miss = landed - target
        h = min(_SLOPE_STEP, 0.5 * angle, 0.5 * (90.0 - angle))
        slope = derivative(landing, angle, h=h)
        steps.append(Shot(angle, landed, miss, slope, miss * miss))
        if abs(miss) <= tol:
            converged = True
            break
        # The range rises with the angle on the low branch and falls on the high one.
        if (miss < 0) == (branch == "low"):
            low = angle
        else:
            high = angle
        if method == "newton":
            candidate = angle - miss / slope if slope != 0 else math.nan
        else:
            gradient = 2.0 * miss * slope
            if rate is None:
                rate = learning_rate / (2.0 * slope * slope) if slope != 0 else math.nan
            elif steps[-1].loss < steps[-2].loss:
                rate *= _GROW
            else:
                rate *= _SHRINK
            candidate = angle - rate * gradient
        if not low < candidate < high:  # nan included: bisect the bracket instead
            candidate = 0.5 * (low + high)
        if candidate == angle:  # the bracket cannot be split any further
            break
        angle = candidate
    last = steps[-1]
    return AimResult(
        angle_deg=last.angle_deg,
        landing=last.landing,
        converged=converged,
        steps=tuple(steps),
        target=target,
        method=method,
        branch=branch,
    )
