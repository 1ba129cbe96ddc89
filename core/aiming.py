"""Hitting a target with the derivative: the end of the post, and the idea behind learning.

The post ends with: fire, see where the ball lands, use the derivative to adjust the angle,
hit the target. Here the landing distance is the range R(θ) of :func:`core.ballistics.simulate`
at elevation θ, the miss is R(θ) − target, and the slope dR/dθ (metres per degree) comes from
:func:`core.calculus.derivative`. Two ways to use it:

``method="newton"``
    θ ← θ − miss / (dR/dθ): follow the tangent to where it meets the target. Few shots. The
    angle is kept inside a bracket that holds the answer; a tangent step that would leave it is
    replaced by halving the bracket (bisection), and the shot records it (``Shot.update``).
``method="gradient"``
    plain gradient descent on the loss L(θ) = miss², as SGD trains a network:
    θ ← θ − η·dL/dθ with dL/dθ = 2·miss·dR/dθ and one learning rate η for every shot, nothing
    else. η comes from :func:`safe_learning_rate` unless given: the largest rate, to two
    significant figures, that cannot step past the answer from the first guess (one over the
    largest curvature L'' of the loss between the first guess and the answer). A step that
    would leave the branch raises :class:`LearningRateError` instead of being mended.

Every shot is recorded (:class:`Shot`), so a scene can replay the learning. A range has a
maximum (:func:`max_range`); each reachable target is hit by a low shot below that angle and a
lobbed one above it (``branch``).

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
from scipy.optimize import brentq, minimize_scalar

from core.ballistics import Launch, simulate
from core.calculus import derivative

__all__ = [
    "AIM_METHODS",
    "BRANCHES",
    "AimResult",
    "LearningRate",
    "LearningRateError",
    "MaxRange",
    "Shot",
    "UnreachableTargetError",
    "aim",
    "landing_range",
    "max_range",
    "safe_learning_rate",
]

AIM_METHODS = ("newton", "gradient")
BRANCHES = ("low", "high")

# Step (degrees) of the central difference for dR/dθ: R is computed to ~1e-12 relative, so
# 1e-3° balances that noise (~1e-9·R per degree) against truncation (~1e-7 of the slope).
_SLOPE_STEP = 1e-3
# The flattest shot considered (degrees) when the muzzle is above the ground.
_FLAT_ANGLE = 1e-9
# safe_learning_rate: the curvature L'' is sampled at this many angles from the first guess to
# the answer, each by a second central difference of this step (degrees).
_CURVATURE_SAMPLES = 65
_CURVATURE_STEP = 1e-2


class UnreachableTargetError(ValueError):
    """The target lies beyond the longest shot of the launch (or, low branch, too near)."""

    def __init__(self, message: str, reach: MaxRange | None = None) -> None:
        super().__init__(message)
        #: The longest shot of the launch (:class:`MaxRange`), when known.
        self.max_range = reach


class LearningRateError(ValueError):
    """Gradient descent at a fixed learning rate would step off the branch of the answer."""


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
        ``miss²``, m², the loss L that gradient descent lowers.
    gradient : float
        dL/dθ = 2·miss·slope, m² per degree.
    update : str
        How the next angle was found from this shot: ``"newton"`` (the tangent's step),
        ``"bisection"`` (Newton's step would have left the bracket: its middle instead),
        ``"gradient"`` (θ − η·dL/dθ), or ``""`` for the last shot.
    """

    angle_deg: float
    landing: float
    miss: float
    slope: float
    loss: float
    gradient: float
    update: str


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
    learning_rate : float or None
        Gradient descent: the learning rate η used for every shot, degrees² per m².
    """

    angle_deg: float
    landing: float
    converged: bool
    steps: tuple[Shot, ...]
    target: float
    method: str
    branch: str
    learning_rate: float | None = None

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
        if name == "learning_rate" and value is None:
            continue
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


@dataclass(frozen=True)
class LearningRate:
    """The fixed learning rate of gradient descent, and where it comes from.

    Attributes
    ----------
    rate : float
        η, degrees² per m²: ``1 / curvature`` rounded down to two significant figures.
    curvature : float
        The largest curvature L''(θ) of the loss L = (R(θ) − target)² between the first guess
        and the answer, m² per degree².
    at_angle_deg : float
        Where that largest curvature lies, degrees.
    optimum_deg : float
        The answer θ*, where R(θ*) = target, degrees.
    optimum_curvature : float
        L''(θ*) = 2·(dR/dθ)² at the answer, m² per degree².
    """

    rate: float
    curvature: float
    at_angle_deg: float
    optimum_deg: float
    optimum_curvature: float


def _floor_2sig(x: float) -> float:
    """``x`` > 0 rounded down to two significant figures (2.3013e-05 -> 2.3e-05)."""
    exponent = math.floor(math.log10(x)) - 1
    mantissa = math.floor(x / 10.0**exponent * (1 + 1e-12))
    return float(f"{mantissa}e{exponent}")


@functools.lru_cache(maxsize=64)
def _safe_rate(launch: Launch, target: float, branch: str) -> LearningRate:
    low, high, reach = _bracket(launch, target, branch)
    first = _first_angle(launch.angle_deg, low, high, reach.angle_deg)
    a, b = max(low, _FLAT_ANGLE), min(high, 90.0 - _FLAT_ANGLE)
    optimum = brentq(lambda t: _range_at(launch, t) - target, a, b, xtol=1e-12, rtol=1e-15)

    def curvature(theta: float) -> float:
        h = min(_CURVATURE_STEP, 0.5 * (theta - a), 0.5 * (b - theta))
        if h <= 0:
            h = 0.5 * min(theta, 90.0 - theta)
        r0, rp, rm = (_range_at(launch, theta + d) for d in (0.0, h, -h))
        slope = (rp - rm) / (2 * h)
        bend = (rp - 2 * r0 + rm) / (h * h)
        return 2.0 * (slope * slope + (r0 - target) * bend)

    angles = np.linspace(optimum, first, _CURVATURE_SAMPLES)
    curvatures = np.array([curvature(float(t)) for t in angles])
    k = int(np.argmax(curvatures))
    worst = float(curvatures[k])
    if not worst > 0:
        raise LearningRateError(
            f"no safe fixed learning rate: the loss is flat at the answer ({optimum:.2f} deg, "
            f"the longest shot); aim a little nearer"
        )
    return LearningRate(
        rate=_floor_2sig(1.0 / worst),
        curvature=worst,
        at_angle_deg=float(angles[k]),
        optimum_deg=float(optimum),
        optimum_curvature=float(curvatures[0]),
    )


def safe_learning_rate(launch: Launch, target: float, *, branch: str = "low") -> LearningRate:
    """The fixed learning rate η with which gradient descent on miss² cannot overshoot.

    The loss is L(θ) = (R(θ) − target)², its slope dL/dθ = 2·(R − target)·dR/dθ and its
    curvature L'' = 2·((dR/dθ)² + (R − target)·d²R/dθ²). On a branch dL/dθ has the sign of
    θ − θ*, and if L'' ≤ M everywhere between θ and the answer θ*, then |dL/dθ| ≤ M·|θ − θ*|:
    with η ≤ 1/M the step η·dL/dθ goes towards θ* and never past it. So M is the largest L''
    from the first guess (``launch.angle_deg``, mirrored onto the branch as :func:`aim` does)
    to θ* (sampled at 65 angles, each by a second central difference of 0.01°), and η is 1/M
    rounded *down* to two significant figures, a number a student can multiply by hand. Where
    the largest curvature is the answer's own, 2·(dR/dθ*)², the last steps are as quick as
    Newton's; from the steep side of the curve they are slower but still cannot overshoot.

    Parameters
    ----------
    launch : Launch
        The cannon; its angle is the first guess.
    target : float
        Distance to the target, m, > 0 and within reach.
    branch : {"low", "high"}, keyword-only
        As for :func:`aim`.

    Returns
    -------
    LearningRate

    Raises
    ------
    UnreachableTargetError
        As for :func:`aim`.
    LearningRateError
        The target is the longest shot itself (the loss is flat there: no curvature).

    Examples
    --------
    >>> eta = safe_learning_rate(Launch(750.0, 15.0, drag=5.7e-4), 3000.0)
    >>> eta.rate, round(eta.optimum_deg, 4), round(eta.curvature)
    (2.3e-05, 6.8186, 43453)
    """
    _aim_iv(launch, target, "gradient", 1.0, 1, branch, None)
    return _safe_rate(launch, float(target), branch)


def aim(
    launch: Launch,
    target: float,
    *,
    method: str = "newton",
    tol: float = 1e-6,
    max_iter: int = 50,
    branch: str = "low",
    learning_rate: float | None = None,
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
        Newton's method on the miss, or plain gradient descent on the loss miss².
    tol : float, keyword-only
        Acceptable miss in m, > 0.
    max_iter : int, keyword-only
        Most shots to fire, >= 1.
    branch : {"low", "high"}, keyword-only
        The flat shot (angle below the max-range angle) or the lobbed one (above it).
    learning_rate : float, optional, keyword-only
        Gradient descent only: η in degrees² per m², the same for every shot; by default
        :func:`safe_learning_rate`.

    Returns
    -------
    AimResult
        ``converged`` is False if ``max_iter`` shots did not get within ``tol``.

    Raises
    ------
    UnreachableTargetError
        The target is beyond the maximum range (the message gives it), or on the low branch
        from a raised muzzle nearer than the flattest shot.
    LearningRateError
        Gradient descent: a step θ − η·dL/dθ would leave the branch (η too large).
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
    >>> gd = aim(launch, 800.0, method="gradient", tol=1.0)
    >>> gd.learning_rate, [f"{shot.angle_deg:.3f}" for shot in gd.steps]
    (0.001, ['30.000', '27.054', '25.977', '25.856'])
    >>> aim(launch, 2000.0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    core.aiming.UnreachableTargetError: target 2000 m ... at 1019.4 m (angle 45.00 deg)
    """
    target = _aim_iv(launch, target, method, tol, max_iter, branch, learning_rate)
    low, high, reach = _bracket(launch, target, branch)
    side = (low, high)  # the branch: gradient descent must stay on it
    angle = _first_angle(launch.angle_deg, low, high, reach.angle_deg)
    rate: float | None = None
    if method == "gradient":
        rate = (
            float(learning_rate)
            if learning_rate is not None
            else _safe_rate(launch, target, branch).rate
        )

    def landing(theta: Any) -> Any:
        return landing_range(launch, theta)

    steps: list[Shot] = []
    converged = False
    for k in range(max_iter):
        landed = _range_at(launch, angle)
        miss = landed - target
        h = min(_SLOPE_STEP, 0.5 * angle, 0.5 * (90.0 - angle))
        slope = derivative(landing, angle, h=h)
        gradient = 2.0 * miss * slope

        def record(update: str, a=angle, r=landed, m=miss, s=slope, g=gradient) -> None:
            steps.append(Shot(a, r, m, s, m * m, g, update))

        if abs(miss) <= tol:
            converged = True
            record("")
            break
        if k == max_iter - 1:
            record("")
            break
        if method == "newton":
            # The range rises with the angle on the low branch and falls on the high one.
            if (miss < 0) == (branch == "low"):
                low = angle
            else:
                high = angle
            candidate = angle - miss / slope if slope != 0 else math.nan
            update = "newton"
            if not low < candidate < high:  # nan included: bisect the bracket instead
                candidate = 0.5 * (low + high)
                update = "bisection"
        else:
            candidate = angle - rate * gradient
            update = "gradient"
            if not side[0] < candidate < side[1]:
                raise LearningRateError(
                    f"learning rate {rate:g} deg^2/m^2 is too large: shot {k + 1} at "
                    f"{angle:.4f} deg would step to {candidate:.4f} deg, off the {branch} "
                    f"branch ({side[0]:.2f} to {side[1]:.2f} deg)"
                )
        if candidate == angle:  # no step left to take
            record("")
            break
        record(update)
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
        learning_rate=rate,
    )
