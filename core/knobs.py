"""Aiming with two knobs: the launch angle θ and the powder (the muzzle speed v it gives).

The one-knob lesson (:mod:`core.aiming`) turns the angle only. Here the range R(θ, v) of the
cannonball of :mod:`core.ballistics` depends on two knobs, and the loss
L(θ, v) = (R(θ, v) − target)² is a surface over the (θ, v) plane. Its gradient

    (∂L/∂θ, ∂L/∂v) = 2·(R − target)·(∂R/∂θ, ∂R/∂v)

points uphill, across the contour lines of L; gradient descent steps against it. Two knobs
measured in different units (degrees and m/s) are the smallest example of why networks scale
their inputs: with one learning rate on the raw knobs the step that is safe for the angle is
far too small for the powder, which then crawls.

Units. Angles are in degrees and speeds in m/s throughout, as on screen, so ∂R/∂θ is in metres
per degree (:attr:`RangePartials.d_angle_per_rad` gives metres per radian, 180/π times more)
and ∂R/∂v in metres per (m/s), that is seconds.

The range, two ways
    :func:`landing_ranges` integrates many shots at once as one vectorized system over fixed
    intervals, so that no shot needs an event: the rising leg with the direction of flight ψ as
    the variable (ψ goes from θ down to 0 at the apex), the falling leg with u, where
    y = H·(1 − u²) falls from the apex height H at u = 0 to the ground at u = 1. This is
    independent of :func:`core.ballistics.simulate` (time as the variable, events for the apex
    and the impact); the two agree to about 1e-12 relative.

The partials, three ways (``method`` of :func:`range_partials`)
    ``"sensitivity"`` integrates the variational equations dS/dt = J·S of the flight alongside
    it (S = ∂(x, y, vx, vy)/∂(θ, v) at fixed time, J the Jacobian of the equations of motion)
    and corrects for the landing time: y(T) = 0 gives ∂T/∂p = −S_y/vy, so
    ∂R/∂p = S_x − vx·S_y/vy at the impact. ``"complex"`` is the complex step
    Im R(p + i·h)/h through :func:`landing_ranges` (its fixed intervals make R analytic in the
    knobs). ``"central"`` is the central difference of :func:`landing_ranges`. The first two
    agree to about 1e-12 relative, the third to about 1e-8; without drag all three match the
    closed form R = v²·sin 2θ/g and its partials.

Descent
    :func:`descend` takes the knobs from a first setting (the launch's angle and speed) down
    the loss with one fixed rate η, either on the raw knobs or on knobs scaled to [0, 1] over
    their ranges (:class:`KnobBox`), and records every shot (:class:`Step`). The rate comes
    from a stated rule (:func:`safe_rate`), never from the answer.

Landscape
    :func:`landscape` gives R and L on a grid of the box and the curve of settings that hit
    the target exactly: for each angle the speed with R(θ, v) = target (:func:`hit_curve`). A
    whole curve of settings hits, not one point: two knobs, one condition.

Examples
--------
>>> from core.ballistics import Launch
>>> first = Launch(400.0, 15.0, drag=5.7e-4)  # weak powder: no angle alone reaches 3 km
>>> scaled = descend(first, 3000.0, scaling="range")  # knobs scaled to [0, 1]
>>> scaled.converged, len(scaled.steps) - 1
(True, 59)
>>> round(scaled.angle_deg, 2), round(scaled.speed, 1), round(scaled.miss, 2)
(18.82, 478.8, -0.95)
>>> raw = descend(first, 3000.0, scaling="raw", max_steps=100)  # one rate on deg and m/s
>>> raw.converged, round(raw.angle_deg, 1), round(raw.speed, 1), round(raw.miss)
(False, 27.0, 402.1, -140)
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import minimize_scalar
from scipy.optimize.elementwise import find_root

from core.aiming import LearningRateError, UnreachableTargetError, _floor_2sig
from core.ballistics import Launch

__all__ = [
    "PARTIAL_METHODS",
    "SCALINGS",
    "DescentRate",
    "DescentResult",
    "KNOBS",
    "KnobBox",
    "Landscape",
    "LearningRateError",
    "LossGradient",
    "LossSlice",
    "RangePartials",
    "Step",
    "UnreachableTargetError",
    "descend",
    "hit_curve",
    "landing_ranges",
    "landscape",
    "loss_gradient",
    "loss_slice",
    "range_partials",
    "reach",
    "safe_rate",
]

PARTIAL_METHODS = ("sensitivity", "complex", "central")
#: ``"raw"``: the knobs in degrees and m/s; ``"range"``: each knob divided by the width of its
#: range in the :class:`KnobBox` (the knob normalised to [0, 1], as networks scale inputs).
SCALINGS = ("raw", "range")

# Integration tolerances, as in core.ballistics: ranges come out to ~1e-12 relative.
_RTOL = 1e-12
_ATOL = 1e-12
# The complex step: any h below ~1e-8 of the knob gives the derivative to rounding.
_COMPLEX_STEP = 1e-20
# Central differences: 1e-3 degree and 1e-2 m/s balance truncation (~1e-9 relative) against
# the ~1e-12 relative error of the range (~1e-7 relative after dividing by 2h).
_CENTRAL_STEPS = (1e-3, 1e-2)
_DEG = math.pi / 180.0
# Shots per integration. The solver's step is a matrix product over all the states; above a
# size OpenBLAS splits it over threads, which on a busy two-core machine made a 61 × 61 grid
# twenty times slower than two halves (measured with OpenBLAS 0.3.31: real systems slow down
# above ~2000 shots, complex ones above ~100). Batches stay below both.
_BATCH = {False: 1024, True: 64}


# ---------------------------------------------------------------------------------------------
# validation helpers


def _check_launch(launch: Any) -> Launch:
    if not isinstance(launch, Launch):
        raise ValueError(f"`launch` must be a core.ballistics.Launch, got {type(launch).__name__}")
    return launch


def _real(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"`{name}` must be a finite real number, got {value!r}")
    return float(value)


def _positive(name: str, value: Any) -> float:
    number = _real(name, value)
    if number <= 0:
        raise ValueError(f"`{name}` must be > 0, got {value!r}")
    return number


def _knob_arrays(angle_deg: Any, speed: Any) -> tuple[np.ndarray, np.ndarray]:
    """``angle_deg`` in (0, 90) and ``speed`` > 0 as float arrays, broadcast together."""
    arrays = []
    for name, value, what in (("angle_deg", angle_deg, "degrees"), ("speed", speed, "m/s")):
        if isinstance(value, bool) or (isinstance(value, np.ndarray) and value.dtype == bool):
            raise ValueError(f"`{name}` must be a number of {what}, got {value!r}")
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise ValueError(f"`{name}` must be a number of {what} or an array of them") from None
        arrays.append(arr)
    angles, speeds = arrays
    if not np.all((angles > 0) & (angles < 90)):  # also rejects nan
        raise ValueError(
            f"`angle_deg` must lie strictly between 0 and 90 degrees, got {angle_deg!r}"
        )
    if not np.all((speeds > 0) & np.isfinite(speeds)):
        raise ValueError(f"`speed` must be finite and > 0 m/s, got {speed!r}")
    try:
        angles, speeds = np.broadcast_arrays(angles, speeds)
    except ValueError:
        raise ValueError(
            f"`angle_deg` and `speed` must broadcast together, got shapes {angles.shape} and "
            f"{speeds.shape}"
        ) from None
    return angles, speeds


def _out(arr: np.ndarray) -> float | np.ndarray:
    return float(arr) if arr.ndim == 0 else arr


# ---------------------------------------------------------------------------------------------
# the range of many shots at once: fixed intervals, no events


def _flights(theta: np.ndarray, speed: np.ndarray, k: float, g: float, h: float) -> np.ndarray:
    """Ranges of the 1-D arrays of shots ``theta`` (radians) and ``speed``, in batches."""
    size = _BATCH[bool(np.iscomplexobj(theta) or np.iscomplexobj(speed))]
    if theta.size <= size:
        return _batch(theta, speed, k, g, h)
    return np.concatenate(
        [
            _batch(theta[i : i + size], speed[i : i + size], k, g, h)
            for i in range(0, theta.size, size)
        ]
    )


def _batch(theta: np.ndarray, speed: np.ndarray, k: float, g: float, h: float) -> np.ndarray:
    """Ranges of the 1-D arrays of shots ``theta`` (radians) and ``speed``, real or complex.

    All are integrated as one system, so the solver's steps suit the most demanding shot and a
    shot's range depends on its batch at the level of the tolerance (~1e-13 relative).

    Rising leg, variable s in [0, 1] with ψ = θ·(1 − s): along the flight dψ/dt = −g·cos ψ/V and
    dV/dt = −g·sin ψ − k·V², so dx/dψ = −V²/g, dy/dψ = −V²·tan ψ/g, dt/dψ = −V/(g·cos ψ) and
    dV/dψ = V·(g·sin ψ + k·V²)/(g·cos ψ). At s = 1 every shot is at its apex.
    Falling leg, variable u in [0, 1] with y = H·(1 − u²): dt/du = −2·H·u/vy, which tends to
    √(2H/g) at the apex (u = 0, vy = 0, where the drag has no vertical part).
    """
    n = theta.size
    dtype = np.result_type(theta, speed, float)

    def rise(s: float, z: np.ndarray) -> np.ndarray:
        v = z.reshape(4, n)[3]
        psi = theta * (1.0 - s)
        cos, sin = np.cos(psi), np.sin(psi)
        v2 = v * v
        dz = np.empty((4, n), dtype=z.dtype)
        dz[0] = -v2 / g
        dz[1] = -v2 * sin / (cos * g)
        dz[2] = -v / (g * cos)
        dz[3] = v * (g * sin + k * v2) / (g * cos)
        return (dz * -theta).ravel()

    z0 = np.zeros((4, n), dtype=dtype)
    z0[1] = h
    z0[3] = speed
    rising = solve_ivp(rise, (0.0, 1.0), z0.ravel(), method="DOP853", rtol=_RTOL, atol=_ATOL)
    x_apex, height, t_apex, v_apex = rising.y[:, -1].reshape(4, n)
    at_apex = np.sqrt(2.0 * height / g)

    def fall(u: float, z: np.ndarray) -> np.ndarray:
        _, vx, vy, _ = z.reshape(4, n)
        w = at_apex if u == 0.0 else -2.0 * height * u / vy  # dt/du
        v = np.sqrt(vx * vx + vy * vy)  # analytic, unlike abs(), for the complex step
        return np.concatenate([vx * w, -k * v * vx * w, (-g - k * v * vy) * w, w])

    z1 = np.concatenate([x_apex, v_apex, np.zeros(n, dtype=dtype), t_apex])
    falling = solve_ivp(fall, (0.0, 1.0), z1, method="DOP853", rtol=_RTOL, atol=_ATOL)
    if not (rising.success and falling.success):
        raise RuntimeError(f"the flights could not be integrated: {falling.message}")
    return falling.y[:n, -1]


def landing_ranges(launch: Launch, angle_deg: Any, speed: Any) -> float | np.ndarray:
    """R(θ, v): where the cannon of ``launch`` lands at ``angle_deg`` and ``speed``.

    All shots are integrated together as one vectorized system (see the module docstring), so
    a grid of 41 × 41 shots costs about as much as a few dozen single ones.

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height (its own angle and speed are ignored).
    angle_deg : float or array_like
        Elevation(s), degrees, strictly between 0 and 90.
    speed : float or array_like
        Muzzle speed(s), m/s, > 0; broadcast with ``angle_deg``.

    Returns
    -------
    float or numpy.ndarray
        The range in m: a float for scalars, else an array of the broadcast shape.

    Raises
    ------
    ValueError
        ``launch`` is not a Launch, or a knob is out of range; the message names it.

    Examples
    --------
    >>> import numpy as np
    >>> vacuum = Launch(1.0, 45.0)
    >>> R = landing_ranges(vacuum, [15.0, 30.0], [[100.0], [200.0]])
    >>> R.shape, bool(np.allclose(R[1, 1], 200.0**2 * np.sin(np.radians(60.0)) / 9.81))
    ((2, 2), True)
    >>> round(landing_ranges(Launch(1.0, 45.0, drag=5.7e-4), 45.0, 750.0), 3)
    3706.547
    """
    _check_launch(launch)
    angles, speeds = _knob_arrays(angle_deg, speed)
    if angles.size == 0:
        return np.zeros(angles.shape)
    ranges = _flights(
        angles.ravel() * _DEG, speeds.ravel(), launch.drag, launch.g, launch.height
    ).reshape(angles.shape)
    return _out(ranges)


# ---------------------------------------------------------------------------------------------
# the partial derivatives


@dataclass(frozen=True)
class RangePartials:
    """R(θ, v) and its partial derivatives at one setting (or arrays of settings).

    Attributes
    ----------
    angle_deg, speed : float or numpy.ndarray
        The setting: degrees, m/s.
    range : float or numpy.ndarray
        R, m.
    d_angle : float or numpy.ndarray
        ∂R/∂θ in metres per **degree**.
    d_speed : float or numpy.ndarray
        ∂R/∂v in metres per (m/s), that is seconds.
    method : str
        How the partials were computed (:data:`PARTIAL_METHODS`).
    """

    angle_deg: float | np.ndarray
    speed: float | np.ndarray
    range: float | np.ndarray
    d_angle: float | np.ndarray
    d_speed: float | np.ndarray
    method: str

    @property
    def d_angle_per_rad(self) -> float | np.ndarray:
        """∂R/∂θ in metres per radian (180/π times :attr:`d_angle`)."""
        return self.d_angle / _DEG


def _sensitivity(launch: Launch, angle_deg: float, speed: float) -> tuple[float, float, float]:
    """(R, ∂R/∂θ per degree, ∂R/∂v) by the forward variational equations and the landing time."""
    k, g = launch.drag, launch.g
    theta = angle_deg * _DEG
    cos, sin = math.cos(theta), math.sin(theta)
    # state (x, y, vx, vy), then S = ∂state/∂θ (per degree), then ∂state/∂v
    z0 = np.array(
        [0.0, launch.height, speed * cos, speed * sin]
        + [0.0, 0.0, -speed * sin * _DEG, speed * cos * _DEG]
        + [0.0, 0.0, cos, sin]
    )

    def rhs(_t: float, z: np.ndarray) -> np.ndarray:
        vx, vy = z[2], z[3]
        v = math.hypot(vx, vy)
        # Jacobian of (−k·|v|·vx, −g − k·|v|·vy) with respect to (vx, vy)
        a = -k * (v + vx * vx / v)
        b = -k * vx * vy / v
        d = -k * (v + vy * vy / v)
        return np.array(
            [vx, vy, -k * v * vx, -g - k * v * vy,
             z[6], z[7], a * z[6] + b * z[7], b * z[6] + d * z[7],
             z[10], z[11], a * z[10] + b * z[11], b * z[10] + d * z[11]]
        )  # fmt: skip

    def impact(_t: float, z: np.ndarray) -> float:
        return z[1]

    impact.terminal = True
    impact.direction = -1  # from above the ground to below: y = h >= 0 at the muzzle is no root
    flight = solve_ivp(
        rhs, (0.0, math.inf), z0, method="DOP853", events=impact, rtol=_RTOL, atol=_ATOL
    )
    if flight.status != 1:
        raise RuntimeError(f"the flight could not be integrated: {flight.message}")
    z = flight.y_events[0][0]
    vx, vy = z[2], z[3]
    # y(T(p), p) = 0  =>  dT/dp = −S_y/vy  =>  dR/dp = S_x + vx·dT/dp
    return float(z[0]), float(z[4] - vx * z[5] / vy), float(z[8] - vx * z[9] / vy)


def _complex(launch: Launch, angles: np.ndarray, speeds: np.ndarray) -> tuple[np.ndarray, ...]:
    k, g, h = launch.drag, launch.g, launch.height
    a, v = angles.ravel() * _DEG, speeds.ravel()
    # one batch per knob: the perturbed knob complex, the other real
    by_angle = _flights(a + 1j * _COMPLEX_STEP * _DEG, v.astype(complex), k, g, h)
    by_speed = _flights(a.astype(complex), v + 1j * _COMPLEX_STEP, k, g, h)
    shape = angles.shape
    return (
        by_angle.real.reshape(shape),
        (by_angle.imag / _COMPLEX_STEP).reshape(shape),
        (by_speed.imag / _COMPLEX_STEP).reshape(shape),
    )


def _central(launch: Launch, angles: np.ndarray, speeds: np.ndarray) -> tuple[np.ndarray, ...]:
    ha, hv = _CENTRAL_STEPS
    a, v = angles.ravel(), speeds.ravel()
    shots_a = np.concatenate([a, a + ha, a - ha, a, a])
    shots_v = np.concatenate([v, v, v, v + hv, v - hv])
    r = _flights(shots_a * _DEG, shots_v, launch.drag, launch.g, launch.height).reshape(5, -1)
    shape = angles.shape
    return (
        r[0].reshape(shape),
        ((r[1] - r[2]) / (2 * ha)).reshape(shape),
        ((r[3] - r[4]) / (2 * hv)).reshape(shape),
    )


def _partials_iv(launch: Any, angle_deg: Any, speed: Any, method: Any) -> tuple[np.ndarray, ...]:
    _check_launch(launch)
    if not isinstance(method, str) or method not in PARTIAL_METHODS:
        raise ValueError(f"`method` must be one of {', '.join(PARTIAL_METHODS)}; got {method!r}")
    angles, speeds = _knob_arrays(angle_deg, speed)
    if method == "central" and not np.all(
        (angles > _CENTRAL_STEPS[0]) & (angles < 90 - _CENTRAL_STEPS[0])
    ):
        raise ValueError("`angle_deg` must leave room for the central difference's 1e-3 degree")
    return angles, speeds


def range_partials(
    launch: Launch, angle_deg: Any, speed: Any, *, method: str = "sensitivity"
) -> RangePartials:
    """R(θ, v), ∂R/∂θ (metres per degree) and ∂R/∂v (seconds) at the given setting(s).

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height (its own angle and speed are ignored).
    angle_deg, speed : float or array_like
        The setting(s): degrees in (0, 90), m/s > 0; broadcast together.
    method : {"sensitivity", "complex", "central"}, keyword-only
        Forward sensitivities with the landing-time correction (one integration of 12
        equations per shot), the complex step through :func:`landing_ranges` (vectorized), or
        its central difference (vectorized; steps 1e-3 degree and 1e-2 m/s). See the module
        docstring.

    Returns
    -------
    RangePartials
        Floats for scalar knobs, else arrays of the broadcast shape.

    Raises
    ------
    ValueError
        An argument is invalid; the message names it.

    Examples
    --------
    >>> import math
    >>> p = range_partials(Launch(1.0, 45.0), 30.0, 100.0)  # vacuum: R = v² sin 2θ / g
    >>> math.isclose(p.d_angle_per_rad, 2 * 100.0**2 * math.cos(math.radians(60)) / 9.81)
    True
    >>> math.isclose(p.d_speed, 2 * 100.0 * math.sin(math.radians(60)) / 9.81)
    True
    >>> q = range_partials(Launch(1.0, 45.0, drag=5.7e-4), 15.0, 400.0)
    >>> round(q.range, 3), round(q.d_angle, 4), round(q.d_speed, 5)
    (2457.567, 56.4059, 4.979)
    """
    angles, speeds = _partials_iv(launch, angle_deg, speed, method)
    if method == "sensitivity":
        pairs = zip(angles.ravel(), speeds.ravel(), strict=True)
        values = np.array([_sensitivity(launch, a, v) for a, v in pairs])
        values = values.reshape((*angles.shape, 3))
        r, da, dv = np.moveaxis(values, -1, 0)
    elif angles.size == 0:
        r = da = dv = np.zeros(angles.shape)
    elif method == "complex":
        r, da, dv = _complex(launch, angles, speeds)
    else:
        r, da, dv = _central(launch, angles, speeds)
    return RangePartials(_out(angles), _out(speeds), _out(r), _out(da), _out(dv), method)


# ---------------------------------------------------------------------------------------------
# the loss and its gradient


@dataclass(frozen=True)
class LossGradient:
    """The loss L = (R − target)² at one setting and its gradient.

    Attributes
    ----------
    angle_deg, speed : float
        The setting, degrees and m/s.
    range : float
        R, m.
    miss : float
        R − target, m: positive long, negative short.
    loss : float
        miss², m².
    d_angle, d_speed : float
        ∂R/∂θ (m per degree) and ∂R/∂v (s).
    grad_angle, grad_speed : float
        ∂L/∂θ = 2·miss·∂R/∂θ (m² per degree) and ∂L/∂v = 2·miss·∂R/∂v (m²/(m/s)).
    """

    angle_deg: float
    speed: float
    range: float
    miss: float
    loss: float
    d_angle: float
    d_speed: float
    grad_angle: float
    grad_speed: float


def _target_iv(target: Any) -> float:
    if isinstance(target, bool) or not isinstance(target, numbers.Real):
        raise ValueError(f"`target` must be a distance in m, got {target!r}")
    if not math.isfinite(target) or target <= 0:
        raise ValueError(f"`target` must be a finite distance > 0 m, got {target!r}")
    return float(target)


def _loss_at(launch: Launch, target: float, angle_deg: float, speed: float) -> LossGradient:
    r, da, dv = _sensitivity(launch, angle_deg, speed)
    miss = r - target
    return LossGradient(
        angle_deg, speed, r, miss, miss * miss, da, dv, 2.0 * miss * da, 2.0 * miss * dv
    )


def _loss_gradient_iv(launch: Any, target: Any, angle_deg: Any, speed: Any) -> tuple[float, ...]:
    _check_launch(launch)
    target = _target_iv(target)
    angles, speeds = _knob_arrays(angle_deg, speed)
    if angles.ndim != 0:
        raise ValueError(
            f"`angle_deg` and `speed` must be single numbers, got shape {angles.shape}"
        )
    return target, float(angles), float(speeds)


def loss_gradient(launch: Launch, target: float, angle_deg: float, speed: float) -> LossGradient:
    """L(θ, v) = (R(θ, v) − target)² and its gradient at one setting.

    The partials of R come from the forward sensitivities (``method="sensitivity"`` of
    :func:`range_partials`); the gradient is (∂L/∂θ, ∂L/∂v) = 2·(R − target)·(∂R/∂θ, ∂R/∂v).

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height.
    target : float
        Distance to the target, m, > 0.
    angle_deg, speed : float
        The setting: degrees in (0, 90), m/s > 0.

    Returns
    -------
    LossGradient

    Raises
    ------
    ValueError
        An argument is invalid; the message names it.

    Examples
    --------
    >>> shot = loss_gradient(Launch(1.0, 45.0, drag=5.7e-4), 3000.0, 15.0, 400.0)
    >>> round(shot.miss, 3), round(shot.grad_angle), round(shot.grad_speed, 1)
    (-542.433, -61193, -5401.5)
    """
    target, angle, speed = _loss_gradient_iv(launch, target, angle_deg, speed)
    return _loss_at(launch, target, angle, speed)


# ---------------------------------------------------------------------------------------------
# a slice of the loss: one knob moves, the other is held


#: The knobs of :func:`loss_slice`: ``"angle"`` moves θ at fixed v, ``"speed"`` moves v at fixed θ.
KNOBS = ("angle", "speed")


@dataclass(frozen=True, eq=False)
class LossSlice:
    """The loss along one knob with the other held, its secants at a setting and the partial.

    Attributes
    ----------
    knob : str
        ``"angle"`` (θ moves, v held) or ``"speed"`` (v moves, θ held).
    angle_deg, speed : float
        The setting, degrees and m/s.
    loss : float
        L at the setting, m².
    knob_values : numpy.ndarray
        The moving knob's samples across the box, degrees or m/s.
    losses : numpy.ndarray
        L at those samples (the other knob held), m².
    steps : tuple of float
        The secants' steps h, in the moving knob's unit.
    secant_losses : tuple of float
        L at the setting moved by each h.
    secant_slopes : tuple of float
        (L(p + h) − L(p)) / h for each h: m² per degree or per (m/s).
    partial : float
        The tangent's slope, ∂L/∂θ or ∂L/∂v at the setting (:func:`loss_gradient`).
    """

    knob: str
    angle_deg: float
    speed: float
    loss: float
    knob_values: np.ndarray
    losses: np.ndarray
    steps: tuple[float, ...]
    secant_losses: tuple[float, ...]
    secant_slopes: tuple[float, ...]
    partial: float


def _slice_iv(launch: Any, target: Any, angle_deg: Any, speed: Any, knob: Any, steps: Any,
              box: Any, samples: Any) -> tuple[Any, ...]:
    target, angle, speed = _loss_gradient_iv(launch, target, angle_deg, speed)
    if not isinstance(knob, str) or knob not in KNOBS:
        raise ValueError(f"`knob` must be one of {', '.join(KNOBS)}; got {knob!r}")
    box = _check_box(KnobBox() if box is None else box)
    if not box.contains(angle, speed):
        raise ValueError("the setting (`angle_deg`, `speed`) must lie inside the box")
    hs = tuple(_real("steps", h) for h in steps)
    if not hs or any(h == 0 for h in hs):
        raise ValueError("`steps` must be one or more nonzero numbers")
    return target, angle, speed, box, hs, _count_iv("samples", samples)


def loss_slice(
    launch: Launch,
    target: float,
    angle_deg: float,
    speed: float,
    *,
    knob: str,
    steps: Any = (),
    box: KnobBox | None = None,
    samples: int = 81,
) -> LossSlice:
    """Hold one knob and move the other: the slice of L through a setting, its secants, its slope.

    Holding v, L(θ) = (R(θ, v) − target)² is a curve of one variable, and the slope of its
    tangent at θ is the partial derivative ∂L/∂θ; the secants through (θ, L(θ)) and
    (θ + h, L(θ + h)) tend to that tangent as h shrinks, as in the one-knob lessons. Holding θ
    instead gives ∂L/∂v.

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height.
    target : float
        Distance to the target, m, > 0.
    angle_deg, speed : float
        The setting, inside ``box``.
    knob : {"angle", "speed"}, keyword-only
        Which knob moves (:data:`KNOBS`).
    steps : sequence of float, keyword-only
        The secants' steps h, nonzero, in degrees or m/s; one at least.
    box : KnobBox, optional, keyword-only
        The moving knob is sampled across its range; default :class:`KnobBox`.
    samples : int, keyword-only
        Samples across the range, >= 3.

    Returns
    -------
    LossSlice

    Examples
    --------
    >>> launch = Launch(1.0, 45.0, drag=5.7e-4)
    >>> cut = loss_slice(launch, 3000.0, 15.0, 400.0, knob="angle", steps=(4.0, 1.0, 0.25))
    >>> [round(s) for s in cut.secant_slopes], round(cut.partial)
    ([-42210, -55548, -59715], -61193)
    """
    target, angle, speed, box, hs, n = _slice_iv(
        launch, target, angle_deg, speed, knob, steps, box, samples
    )
    shot = _loss_at(launch, target, angle, speed)
    if knob == "angle":
        values = np.linspace(box.angle_min_deg, box.angle_max_deg, n)
        moved = np.array([angle + h for h in hs])
        ranges = landing_ranges(launch, np.concatenate([values, moved]), speed)
        partial = shot.grad_angle
    else:
        values = np.linspace(box.speed_min, box.speed_max, n)
        moved = np.array([speed + h for h in hs])
        ranges = landing_ranges(launch, angle, np.concatenate([values, moved]))
        partial = shot.grad_speed
    losses = (np.asarray(ranges) - target) ** 2
    along, at_steps = losses[:n], losses[n:]
    values.flags.writeable = False
    along.flags.writeable = False
    slopes = tuple(float((lq - shot.loss) / h) for lq, h in zip(at_steps, hs, strict=True))
    return LossSlice(knob, angle, speed, shot.loss, values, along, hs,
                     tuple(float(v) for v in at_steps), slopes, partial)


# ---------------------------------------------------------------------------------------------
# the box of the knobs, and reachability


@dataclass(frozen=True)
class KnobBox:
    """The ranges of the two knobs: the lesson's dials, the grid of the landscape.

    Parameters
    ----------
    angle_min_deg, angle_max_deg : float
        The angle knob's range, degrees, 0 < min < max < 90.
    speed_min, speed_max : float
        The powder knob's range as muzzle speed, m/s, 0 < min < max.

    Examples
    --------
    >>> box = KnobBox()
    >>> box.scales("raw"), box.scales("range")
    ((1.0, 1.0), (55.0, 800.0))
    >>> KnobBox(speed_min=1200.0)
    Traceback (most recent call last):
    ...
    ValueError: `speed_max` must be greater than `speed_min` (1200.0), got 1000.0
    """

    angle_min_deg: float = 5.0
    angle_max_deg: float = 60.0
    speed_min: float = 200.0
    speed_max: float = 1000.0

    def __post_init__(self) -> None:
        for name in ("angle_min_deg", "angle_max_deg", "speed_min", "speed_max"):
            object.__setattr__(self, name, _real(name, getattr(self, name)))
        if not 0 < self.angle_min_deg < 90:
            raise ValueError(
                f"`angle_min_deg` must be between 0 and 90 degrees, got {self.angle_min_deg!r}"
            )
        if not self.angle_min_deg < self.angle_max_deg < 90:
            raise ValueError(
                f"`angle_max_deg` must lie between `angle_min_deg` ({self.angle_min_deg!r}) and "
                f"90 degrees, got {self.angle_max_deg!r}"
            )
        if not self.speed_min > 0:
            raise ValueError(f"`speed_min` must be > 0 m/s, got {self.speed_min!r}")
        if not self.speed_max > self.speed_min:
            raise ValueError(
                f"`speed_max` must be greater than `speed_min` ({self.speed_min!r}), "
                f"got {self.speed_max!r}"
            )

    def scales(self, scaling: str) -> tuple[float, float]:
        """The scale (s_θ, s_v) each knob is divided by: (1°, 1 m/s) raw, the ranges' widths."""
        if scaling not in SCALINGS:
            raise ValueError(f"`scaling` must be one of {', '.join(SCALINGS)}; got {scaling!r}")
        if scaling == "raw":
            return (1.0, 1.0)
        return (self.angle_max_deg - self.angle_min_deg, self.speed_max - self.speed_min)

    def contains(self, angle_deg: float, speed: float) -> bool:
        """Whether the setting lies in the box (ends included)."""
        return bool(
            self.angle_min_deg <= angle_deg <= self.angle_max_deg
            and self.speed_min <= speed <= self.speed_max
        )


def _check_box(box: Any) -> KnobBox:
    if not isinstance(box, KnobBox):
        raise ValueError(f"`box` must be a KnobBox, got {type(box).__name__}")
    return box


@functools.lru_cache(maxsize=64)
def _reach(launch: Launch, box: KnobBox) -> tuple[float, float, float]:
    """(shortest, longest, angle of the longest) range over the box."""

    def at_full_powder(angle: float) -> float:
        return float(landing_ranges(launch, angle, box.speed_max))

    best = minimize_scalar(
        lambda a: -at_full_powder(a),
        bounds=(box.angle_min_deg, box.angle_max_deg),
        method="bounded",
        options={"xatol": 1e-6},
    )
    # R grows with v, and on (0°, 90°) it has one maximum in θ: the least is at a lower corner.
    ends = landing_ranges(launch, [box.angle_min_deg, box.angle_max_deg], box.speed_min)
    candidates = [(-float(best.fun), float(best.x))]
    candidates += [(at_full_powder(a), a) for a in (box.angle_min_deg, box.angle_max_deg)]
    longest, angle = max(candidates)
    return float(np.min(ends)), longest, angle


def reach(launch: Launch, *, box: KnobBox | None = None) -> tuple[float, float]:
    """The shortest and the longest range the knobs can give within ``box``, m.

    Examples
    --------
    >>> near, far = reach(Launch(1.0, 45.0, drag=5.7e-4))
    >>> round(near), round(far)
    (564, 4585)
    """
    _check_launch(launch)
    box = _check_box(KnobBox() if box is None else box)
    near, far, _ = _reach(_bare(launch), box)
    return near, far


def _bare(launch: Launch) -> Launch:
    """The launch with neutral knobs, so caches depend only on drag, g and height."""
    return Launch(1.0, 45.0, drag=launch.drag, g=launch.g, height=launch.height)


def _check_reachable(launch: Launch, target: float, box: KnobBox) -> None:
    near, far, angle = _reach(_bare(launch), box)
    if target > far:
        raise UnreachableTargetError(
            f"target {target:g} m is out of reach: with the most powder ({box.speed_max:g} m/s) "
            f"the longest shot lands at {far:.1f} m (angle {angle:.2f} deg)"
        )
    if target < near:
        raise UnreachableTargetError(
            f"target {target:g} m is nearer than the shortest shot of the knobs ({near:.1f} m "
            f"at {box.speed_min:g} m/s)"
        )


# ---------------------------------------------------------------------------------------------
# the landscape


@dataclass(frozen=True, eq=False)
class Landscape:
    """R and L on a grid of the knobs, and the curve of settings that hit the target.

    Attributes
    ----------
    angle_deg : numpy.ndarray
        The grid's angles, shape (n,), degrees.
    speed : numpy.ndarray
        The grid's speeds, shape (m,), m/s.
    range : numpy.ndarray
        R at ``(angle_deg[j], speed[i])`` in ``range[i, j]``, shape (m, n), m (rows: speed,
        as ``numpy.meshgrid`` and contour plots lay them out).
    loss : numpy.ndarray
        (range − target)², shape (m, n), m².
    target : float
        The target, m.
    hit_speed : numpy.ndarray
        For each angle of the grid the speed with R = target, m/s; nan where no speed of the
        box hits at that angle.
    box : KnobBox
        The ranges of the grid.
    """

    angle_deg: np.ndarray
    speed: np.ndarray
    range: np.ndarray
    loss: np.ndarray
    target: float
    hit_speed: np.ndarray
    box: KnobBox


def _count_iv(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 3:
        raise ValueError(f"`{name}` must be an integer >= 3, got {value!r}")
    return int(value)


def _hit_speeds(launch: Launch, target: float, angles: np.ndarray, box: KnobBox) -> np.ndarray:
    lo = np.asarray(landing_ranges(launch, angles, box.speed_min)) - target
    hi = np.asarray(landing_ranges(launch, angles, box.speed_max)) - target
    speeds = np.full(angles.shape, np.nan)
    speeds[lo == 0] = box.speed_min
    speeds[hi == 0] = box.speed_max
    inside = (lo < 0) & (hi > 0)  # R grows with the powder
    if np.any(inside):

        def miss(v: np.ndarray, a: np.ndarray) -> np.ndarray:
            return np.asarray(landing_ranges(launch, a, v)) - target

        a = angles[inside]
        found = find_root(
            miss,
            (np.full(a.shape, box.speed_min), np.full(a.shape, box.speed_max)),
            args=(a,),
            tolerances={"xatol": 1e-9, "xrtol": 1e-14, "fatol": 1e-9},
        )
        speeds[inside] = found.x
    return speeds


def _hit_curve_iv(launch: Any, target: Any, angle_deg: Any, box: Any) -> tuple[Any, ...]:
    _check_launch(launch)
    target = _target_iv(target)
    box = _check_box(KnobBox() if box is None else box)
    angles, _ = _knob_arrays(angle_deg, 1.0)
    return target, angles, box


def hit_curve(
    launch: Launch, target: float, angle_deg: Any, *, box: KnobBox | None = None
) -> float | np.ndarray:
    """For each angle, the muzzle speed in the box that lands exactly on ``target``.

    R grows with the speed at a fixed angle, so where R(θ, speed_min) ≤ target ≤
    R(θ, speed_max) there is one such speed; it is found by Chandrupatla's bracketing method
    (:func:`scipy.optimize.elementwise.find_root`, all angles at once) to about 1e-9 m/s.

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height.
    target : float
        Distance to the target, m, > 0.
    angle_deg : float or array_like
        Angle(s), degrees in (0, 90).
    box : KnobBox, optional, keyword-only
        Its speed range bounds the search; default :class:`KnobBox`.

    Returns
    -------
    float or numpy.ndarray
        The speed(s), m/s, shaped like ``angle_deg``; nan where no speed of the box hits.

    Examples
    --------
    >>> import math
    >>> v = hit_curve(Launch(1.0, 45.0), 800.0, 30.0, box=KnobBox(speed_min=50.0, speed_max=200.0))
    >>> math.isclose(v, math.sqrt(800.0 * 9.81 / math.sin(math.radians(60))))
    True
    >>> bool(math.isnan(hit_curve(Launch(1.0, 45.0, drag=5.7e-4), 3000.0, 80.0)))
    True
    """
    target, angles, box = _hit_curve_iv(launch, target, angle_deg, box)
    flat = angles.ravel()
    speeds = _hit_speeds(launch, target, flat, box) if flat.size else flat.copy()
    return _out(speeds.reshape(angles.shape))


def _landscape_iv(launch: Any, target: Any, box: Any, angles: Any, speeds: Any) -> tuple:
    _check_launch(launch)
    target = _target_iv(target)
    box = _check_box(KnobBox() if box is None else box)
    return target, box, _count_iv("angles", angles), _count_iv("speeds", speeds)


def landscape(
    launch: Launch,
    target: float,
    *,
    box: KnobBox | None = None,
    angles: int = 41,
    speeds: int = 41,
) -> Landscape:
    """R and the loss on a grid of the box, and the hit curve at the grid's angles.

    Cost: vectorized integrations of the ``angles × speeds`` shots (batches of 1024) plus
    about ten of the ``angles`` shots for the curve. Measured on a busy two-core machine: the
    default 41 × 41 grid about 0.15 s of CPU and its curve about 0.3 s more (about 0.5 s in
    all); 81 × 81 about 0.9 s in all. One shot at a time (:func:`core.ballistics.simulate`,
    about 11 ms a shot) the 41 × 41 grid alone would take about 20 s.

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height.
    target : float
        Distance to the target, m, > 0.
    box : KnobBox, optional, keyword-only
        The ranges of the grid; default :class:`KnobBox`.
    angles, speeds : int, keyword-only
        Grid points along each knob, >= 3, ends included.

    Returns
    -------
    Landscape

    Examples
    --------
    >>> land = landscape(Launch(1.0, 45.0, drag=5.7e-4), 3000.0, angles=12, speeds=5)
    >>> land.range.shape, land.loss.shape, land.hit_speed.shape
    ((5, 12), (5, 12), (12,))
    >>> int(np.isfinite(land.hit_speed).sum())  # a whole curve of settings hits
    12
    """
    target, box, n, m = _landscape_iv(launch, target, box, angles, speeds)
    grid_angles = np.linspace(box.angle_min_deg, box.angle_max_deg, n)
    grid_speeds = np.linspace(box.speed_min, box.speed_max, m)
    ranges = np.asarray(landing_ranges(launch, grid_angles[None, :], grid_speeds[:, None]))
    for arr in (grid_angles, grid_speeds, ranges):
        arr.flags.writeable = False
    loss = (ranges - target) ** 2
    hits = _hit_speeds(launch, target, grid_angles, box)
    loss.flags.writeable = False
    hits.flags.writeable = False
    return Landscape(grid_angles, grid_speeds, ranges, loss, target, hits, box)


# ---------------------------------------------------------------------------------------------
# the learning rate


@dataclass(frozen=True)
class DescentRate:
    """The fixed learning rate of :func:`descend`, and where it comes from.

    Attributes
    ----------
    rate : float
        η: ``1 / curvature`` rounded down to two significant figures. Units: raw, degrees² per
        m² for the angle and (m/s)² per m² for the speed; scaled, per m² (the knobs are pure
        numbers).
    curvature : float
        The largest curvature of the loss in the descent's own coordinates (the knobs divided
        by their scales): the largest eigenvalue of its Hessian over the sampled box, m² per
        unit² of the knob coordinates.
    at_angle_deg, at_speed : float
        Where that largest curvature lies.
    scaling : str
        As passed to :func:`descend`.
    scales : tuple of float
        (s_θ, s_v).
    """

    rate: float
    curvature: float
    at_angle_deg: float
    at_speed: float
    scaling: str
    scales: tuple[float, float]


# The rate's curvature is sampled on this grid of the box (angles × speeds).
_RATE_GRID = (56, 41)


@functools.lru_cache(maxsize=64)
def _safe_rate(launch: Launch, target: float, box: KnobBox, scaling: str) -> DescentRate:
    n, m = _RATE_GRID
    angles = np.linspace(box.angle_min_deg, box.angle_max_deg, n)
    speeds = np.linspace(box.speed_min, box.speed_max, m)
    s_a, s_v = box.scales(scaling)
    # the knob coordinates of the descent: z = knob / scale
    za, zv = angles / s_a, speeds / s_v
    loss = (np.asarray(landing_ranges(launch, angles[None, :], speeds[:, None])) - target) ** 2
    d_v, d_a = np.gradient(loss, zv, za, edge_order=2)
    d_vv, d_va = np.gradient(d_v, zv, za, edge_order=2)
    d_av, d_aa = np.gradient(d_a, zv, za, edge_order=2)
    d_av = 0.5 * (d_av + d_va)
    # the largest eigenvalue of [[d_aa, d_av], [d_av, d_vv]]
    top = 0.5 * (d_aa + d_vv) + np.sqrt(0.25 * (d_aa - d_vv) ** 2 + d_av**2)
    i, j = np.unravel_index(int(np.argmax(top)), top.shape)
    worst = float(top[i, j])
    if not worst > 0:
        raise LearningRateError("no safe fixed learning rate: the loss has no curvature on the box")
    return DescentRate(
        rate=_floor_2sig(1.0 / worst),
        curvature=worst,
        at_angle_deg=float(angles[j]),
        at_speed=float(speeds[i]),
        scaling=scaling,
        scales=(s_a, s_v),
    )


def _rate_iv(launch: Any, target: Any, box: Any, scaling: Any) -> tuple[float, KnobBox, str]:
    _check_launch(launch)
    target = _target_iv(target)
    box = _check_box(KnobBox() if box is None else box)
    if not isinstance(scaling, str) or scaling not in SCALINGS:
        raise ValueError(f"`scaling` must be one of {', '.join(SCALINGS)}; got {scaling!r}")
    return target, box, scaling


def safe_rate(
    launch: Launch, target: float, *, box: KnobBox | None = None, scaling: str = "range"
) -> DescentRate:
    """The fixed learning rate η of :func:`descend`: one over the loss's steepest bend on the box.

    The descent works in the coordinates z = (θ/s_θ, v/s_v) of ``scaling`` (raw: s = (1°,
    1 m/s); range: the widths of the box), where its step is z ← z − η·∇_z L. If no eigenvalue
    of the Hessian ∇²_z L exceeds β on the box, then with η ≤ 1/β each step lowers the loss
    (the descent lemma: L(z − η∇L) ≤ L(z) − η/2·|∇L|², when the bound holds along the step).
    So β is the largest eigenvalue of ∇²_z L over the box, sampled on a grid of 56 angles × 41
    speeds (second differences of L, second order also at the edges), and η is 1/β rounded
    *down* to two significant figures. The rule knows the box, the target and the scaling,
    never the answer or the first setting.

    Why scaling matters: on the raw knobs a degree moves the ball tens of metres and a m/s
    only a few, so β is set by the angle (∂²L/∂θ² ≈ 2·(∂R/∂θ)²) and the same η is tens of
    times too small for the powder. Scaled to their ranges the two knobs bend the loss alike.

    Parameters
    ----------
    launch : Launch
        Drag, gravity and muzzle height.
    target : float
        Distance to the target, m, > 0.
    box : KnobBox, optional, keyword-only
        The knobs' ranges; default :class:`KnobBox`.
    scaling : {"raw", "range"}, keyword-only
        The knob coordinates (:data:`SCALINGS`).

    Returns
    -------
    DescentRate

    Raises
    ------
    LearningRateError
        The loss does not bend upward anywhere on the box (no finite rate follows).
    ValueError
        An argument is invalid; the message names it.

    Examples
    --------
    >>> launch = Launch(1.0, 45.0, drag=5.7e-4)
    >>> safe_rate(launch, 3000.0, scaling="raw").rate, safe_rate(launch, 3000.0).rate
    (9.4e-06, 3e-09)
    """
    target, box, scaling = _rate_iv(launch, target, box, scaling)
    return _safe_rate(_bare(launch), target, box, scaling)


# ---------------------------------------------------------------------------------------------
# gradient descent on the two knobs


@dataclass(frozen=True)
class Step:
    """One shot of :func:`descend` and the change of the knobs it led to.

    Attributes
    ----------
    angle_deg, speed, range, miss, loss, d_angle, d_speed, grad_angle, grad_speed : float
        As in :class:`LossGradient`, at the setting fired.
    step_angle, step_speed : float
        The change of the knobs after this shot, degrees and m/s:
        ``step_angle = -(rate * s_θ**2) * grad_angle`` and
        ``step_speed = -(rate * s_v**2) * grad_speed``, computed in exactly that order; the next
        setting is ``angle_deg + step_angle``, ``speed + step_speed``. Both 0.0 for the last
        shot.
    """

    angle_deg: float
    speed: float
    range: float
    miss: float
    loss: float
    d_angle: float
    d_speed: float
    grad_angle: float
    grad_speed: float
    step_angle: float
    step_speed: float


@dataclass(frozen=True)
class DescentResult:
    """What :func:`descend` did.

    Attributes
    ----------
    steps : tuple of Step
        Every shot in order, the first at the first setting; ``len(steps) - 1`` steps taken.
    converged : bool
        Whether the last shot missed by less than ``tol``.
    target : float
        The target, m.
    rate : float
        η, the same for every step.
    scaling : str
        ``"raw"`` or ``"range"``.
    scales : tuple of float
        (s_θ, s_v), degrees and m/s: each step is
        (Δθ, Δv) = −η·(s_θ²·∂L/∂θ, s_v²·∂L/∂v).
    tol : float
        The miss accepted, m.
    box : KnobBox
        The knobs' ranges, which the descent may not leave.
    """

    steps: tuple[Step, ...]
    converged: bool
    target: float
    rate: float
    scaling: str
    scales: tuple[float, float]
    tol: float
    box: KnobBox

    @property
    def angle_deg(self) -> float:
        """The angle of the last shot, degrees."""
        return self.steps[-1].angle_deg

    @property
    def speed(self) -> float:
        """The muzzle speed of the last shot, m/s."""
        return self.steps[-1].speed

    @property
    def landing(self) -> float:
        """Where the last shot landed, m."""
        return self.steps[-1].range

    @property
    def miss(self) -> float:
        """The last shot's miss, m."""
        return self.steps[-1].miss


def _descend_iv(
    launch: Any, target: Any, box: Any, scaling: Any, rate: Any, tol: Any, max_steps: Any
) -> tuple[float, KnobBox, str]:
    target, box, scaling = _rate_iv(launch, target, box, scaling)
    if rate is not None:
        _positive("rate", rate)
    _positive("tol", tol)
    if isinstance(max_steps, bool) or not isinstance(max_steps, numbers.Integral) or max_steps < 0:
        raise ValueError(f"`max_steps` must be an integer >= 0, got {max_steps!r}")
    if not box.contains(launch.angle_deg, launch.speed):
        raise ValueError(
            f"`launch` must start inside the box: angle {launch.angle_deg:g} deg in "
            f"[{box.angle_min_deg:g}, {box.angle_max_deg:g}], speed {launch.speed:g} m/s in "
            f"[{box.speed_min:g}, {box.speed_max:g}]"
        )
    return target, box, scaling


def descend(
    launch: Launch,
    target: float,
    *,
    box: KnobBox | None = None,
    scaling: str = "range",
    rate: float | None = None,
    tol: float = 1.0,
    max_steps: int = 300,
) -> DescentResult:
    """Gradient descent on both knobs from the setting of ``launch`` until the ball hits.

    The rule, the same for every shot k (η fixed, s = ``box.scales(scaling)``)::

        θ[k+1] = θ[k] − η·s_θ²·∂L/∂θ        v[k+1] = v[k] − η·s_v²·∂L/∂v

    that is, plain gradient descent z ← z − η·∇_z L in the knob coordinates z = (θ/s_θ, v/s_v);
    with ``scaling="raw"`` it is θ ← θ − η·∂L/∂θ, v ← v − η·∂L/∂v on degrees and m/s. The
    partials come from the forward sensitivities (:func:`loss_gradient`). It stops at the first
    shot with |miss| < ``tol`` or after ``max_steps`` steps.

    With the defaults (the post's cannon, target 3000 m, first setting 15° at 400 m/s, where no
    angle alone reaches 3 km, and :class:`KnobBox`): scaled to the ranges, η = 3e-9 and the
    ball lands within 1 m after 59 steps, at 18.82° and 478.80 m/s, both knobs having moved;
    raw, η = 9.4e-6 and the powder crawls: after 300 steps the angle has climbed to 30.62° but
    the speed only from 400 to 404.04 m/s, never more than 0.06 m/s a step, and the ball still
    falls 96.8 m short. (Run on, it hits after 12 829 steps, at 32.49° and 424.42 m/s: measured
    once, in about a minute; the tests check the first 300.) The raw rate is set by the angle:
    at the first setting the loss bends (∂R/∂θ ÷ ∂R/∂v)² ≈ 128 times more per degree² than per
    (m/s)², and the rate safe for the angle is that much too small for the powder. Scaled, the
    ratio is about 0.6.

    Parameters
    ----------
    launch : Launch
        The cannon; its ``angle_deg`` and ``speed`` are the first setting (inside ``box``).
    target : float
        Distance to the target, m, > 0, within the box's reach (:func:`reach`).
    box : KnobBox, optional, keyword-only
        The knobs' ranges; default :class:`KnobBox`.
    scaling : {"raw", "range"}, keyword-only
        Raw knobs or knobs divided by the widths of their ranges.
    rate : float, optional, keyword-only
        η; by default :func:`safe_rate` for the box and scaling.
    tol : float, keyword-only
        Acceptable miss in m, > 0.
    max_steps : int, keyword-only
        Most steps, >= 0.

    Returns
    -------
    DescentResult
        ``converged`` is False if ``max_steps`` steps did not get within ``tol``.

    Raises
    ------
    UnreachableTargetError
        The target is beyond the longest shot of the box, or nearer than its shortest.
    LearningRateError
        A step would raise the loss or leave the box: the rate is too large (it diverges).
    ValueError
        Any other argument is invalid; the message names it.

    Examples
    --------
    >>> first = Launch(400.0, 15.0, drag=5.7e-4)
    >>> result = descend(first, 3000.0, max_steps=2)
    >>> s = result.steps[0]
    >>> s.step_angle == -(result.rate * 55.0**2) * s.grad_angle
    True
    >>> result.steps[1].angle_deg == s.angle_deg + s.step_angle
    True
    >>> descend(first, 3000.0, rate=1e-7)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    core.aiming.LearningRateError: learning rate 1e-07 is too large: ...
    """
    target, box, scaling = _descend_iv(launch, target, box, scaling, rate, tol, max_steps)
    _check_reachable(launch, target, box)
    eta = float(rate) if rate is not None else _safe_rate(_bare(launch), target, box, scaling).rate
    s_a, s_v = box.scales(scaling)
    gain_a, gain_v = eta * (s_a * s_a), eta * (s_v * s_v)
    shot = _loss_at(launch, target, launch.angle_deg, launch.speed)
    steps: list[Step] = []
    converged = False
    for k in range(max_steps + 1):
        if abs(shot.miss) < tol or k == max_steps:
            converged = abs(shot.miss) < tol
            steps.append(Step(*_fields(shot), 0.0, 0.0))
            break
        step_a, step_v = -gain_a * shot.grad_angle, -gain_v * shot.grad_speed
        angle, speed = shot.angle_deg + step_a, shot.speed + step_v
        steps.append(Step(*_fields(shot), step_a, step_v))
        if not box.contains(angle, speed):
            raise LearningRateError(
                f"learning rate {eta:g} is too large: step {k + 1} from {shot.angle_deg:.4f} "
                f"deg, {shot.speed:.2f} m/s would go to {angle:.4f} deg, {speed:.2f} m/s, "
                f"outside the box"
            )
        following = _loss_at(launch, target, angle, speed)
        if following.loss > shot.loss:
            raise LearningRateError(
                f"learning rate {eta:g} is too large: step {k + 1} raises the loss from "
                f"{shot.loss:.6g} to {following.loss:.6g} m^2 (the miss goes from "
                f"{shot.miss:.2f} to {following.miss:.2f} m)"
            )
        shot = following
    return DescentResult(
        steps=tuple(steps),
        converged=converged,
        target=target,
        rate=eta,
        scaling=scaling,
        scales=(s_a, s_v),
        tol=float(tol),
        box=box,
    )


def _fields(shot: LossGradient) -> tuple[float, ...]:
    return (
        shot.angle_deg,
        shot.speed,
        shot.range,
        shot.miss,
        shot.loss,
        shot.d_angle,
        shot.d_speed,
        shot.grad_angle,
        shot.grad_speed,
    )
