"""Tests of core.ballistics: closed forms without drag, physics with it, and the API."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.integrate import solve_ivp

from core.ballistics import DEFAULT_SAMPLES, Launch, Trajectory, drag_per_mass, simulate

POST = Launch(750.0, 45.0, drag=5.7e-4)  # bibun.toml's cannon
FAST = settings(max_examples=25, deadline=None)


@pytest.fixture(scope="module")
def post_flight() -> Trajectory:
    return simulate(POST)


def closed_forms(speed, angle_deg, g, height):
    """Drag-free flight from a muzzle ``height`` above the ground."""
    theta = math.radians(angle_deg)
    vx, vy = speed * math.cos(theta), speed * math.sin(theta)
    flight_time = (vy + math.sqrt(vy * vy + 2 * g * height)) / g
    return {
        "flight_time": flight_time,
        "range": vx * flight_time,
        "max_height": height + vy * vy / (2 * g),
        "apex_time": vy / g,
    }


# --- Launch -----------------------------------------------------------------------------------


def test_launch_is_frozen_keyword_only_and_converts_to_float():
    launch = Launch(750, 45, drag=0, g=10, height=2)
    assert launch == Launch(750.0, 45.0, drag=0.0, g=10.0, height=2.0)
    assert all(isinstance(getattr(launch, f.name), float) for f in dataclasses.fields(launch))
    with pytest.raises(dataclasses.FrozenInstanceError):
        launch.speed = 1.0
    with pytest.raises(TypeError):
        Launch(750.0, 45.0, 5.7e-4)
    assert launch.vx0 == pytest.approx(750 / math.sqrt(2))
    assert launch.with_angle(30).angle_deg == 30.0 and launch.with_angle(30).height == 2.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"speed": 0.0}, "`speed` must be > 0"),
        ({"speed": -750.0}, "`speed` must be > 0"),
        ({"speed": math.nan}, "`speed` must be finite"),
        ({"speed": math.inf}, "`speed` must be finite"),
        ({"speed": "750"}, "`speed` must be a real number"),
        ({"speed": True}, "`speed` must be a real number"),
        ({"angle_deg": 0.0}, "`angle_deg` must be between 0 and 90"),
        ({"angle_deg": 90.0}, "`angle_deg` must be between 0 and 90"),
        ({"angle_deg": -10.0}, "`angle_deg` must be between 0 and 90"),
        ({"angle_deg": math.nan}, "`angle_deg` must be finite"),
        ({"drag": -1e-4}, "`drag` must be >= 0"),
        ({"drag": math.inf}, "`drag` must be finite"),
        ({"g": 0.0}, "`g` must be > 0"),
        ({"g": -9.81}, "`g` must be > 0"),
        ({"height": -1.0}, "`height` must be >= 0"),
        ({"height": None}, "`height` must be a real number"),
    ],
)
def test_launch_validation(kwargs, message):
    args = {"speed": 750.0, "angle_deg": 45.0, "drag": 0.0, "g": 9.81, "height": 0.0} | kwargs
    speed, angle = args.pop("speed"), args.pop("angle_deg")
    with pytest.raises(ValueError, match=message):
        Launch(speed, angle, **args)


def test_drag_per_mass_of_a_12_pound_ball():
    k = drag_per_mass(0.117, 5.44)
    assert k == pytest.approx(5.7e-4, rel=0.01)
    area = math.pi * 0.117**2 / 4
    assert k == pytest.approx(1.225 * 0.47 * area / (2 * 5.44), rel=1e-15)
    assert drag_per_mass(0.117, 5.44, cd=0.0) == 0.0
    assert drag_per_mass(0.117, 5.44, air_density=2.45) == pytest.approx(2 * k)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((0.0, 5.44), {}, "`diameter` must be > 0"),
        ((0.117, -1.0), {}, "`mass` must be > 0"),
        ((0.117, math.nan), {}, "`mass` must be finite"),
        ((0.117, 5.44), {"cd": -0.1}, "`cd` must be >= 0"),
        ((0.117, 5.44), {"air_density": -1.0}, "`air_density` must be >= 0"),
        (("big", 5.44), {}, "`diameter` must be a real number"),
    ],
)
def test_drag_per_mass_validation(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        drag_per_mass(*args, **kwargs)


# --- drag-free closed forms -------------------------------------------------------------------


@FAST
@given(
    speed=st.floats(1.0, 1000.0),
    angle=st.floats(1.0, 89.0),
    g=st.floats(1.0, 25.0),
    height=st.one_of(st.just(0.0), st.floats(0.0, 1000.0)),
)
def test_drag_free_flight_matches_closed_forms(speed, angle, g, height):
    flight = simulate(Launch(speed, angle, g=g, height=height))
    for name, value in closed_forms(speed, angle, g, height).items():
        assert getattr(flight, name) == pytest.approx(value, rel=1e-9), name
    # and every sample lies on the parabola
    vx, vy = speed * math.cos(math.radians(angle)), speed * math.sin(math.radians(angle))
    scale = max(flight.range, flight.max_height)
    np.testing.assert_allclose(flight.x, vx * flight.t, rtol=0, atol=1e-9 * scale)
    np.testing.assert_allclose(
        flight.y, height + vy * flight.t - g * flight.t**2 / 2, rtol=0, atol=1e-9 * scale
    )


def test_post_launch_vacuum_and_air(post_flight):
    vacuum = simulate(Launch(750.0, 45.0))
    assert vacuum.range == pytest.approx(750.0**2 / 9.81, rel=1e-9)
    assert round(vacuum.range / 1000, 1) == 57.3
    assert 2000.0 < post_flight.range < 6000.0  # "a few kilometres"
    assert vacuum.range > 10 * post_flight.range


# --- with drag --------------------------------------------------------------------------------


def test_events_meet_1e_8_against_an_independent_integration(post_flight):
    k, g = POST.drag, POST.g

    def rhs(t, s):
        v = math.hypot(s[2], s[3])
        return [s[2], s[3], -k * v * s[2], -g - k * v * s[3]]

    def ground(t, s):
        return s[1]

    def top(t, s):
        return s[3]

    ground.terminal, ground.direction = True, -1
    reference = solve_ivp(
        rhs,
        (0, 200),
        [0, 0, POST.vx0, POST.vy0],
        method="Radau",
        events=(top, ground),
        rtol=1e-13,
        atol=1e-10,
    )
    assert post_flight.apex_time == pytest.approx(reference.t_events[0][0], rel=1e-8)
    assert post_flight.max_height == pytest.approx(reference.y_events[0][0][1], rel=1e-8)
    assert post_flight.flight_time == pytest.approx(reference.t_events[1][0], rel=1e-8)
    assert post_flight.range == pytest.approx(reference.y_events[1][0][0], rel=1e-8)


def test_events_are_roots_of_the_solution(post_flight):
    assert abs(post_flight.velocity(post_flight.apex_time)[1]) < 1e-9 * POST.speed
    assert abs(post_flight.position(post_flight.flight_time)[1]) < 1e-9 * post_flight.max_height
    x, y = post_flight.position(post_flight.apex_time)
    assert y == pytest.approx(post_flight.max_height, rel=1e-12)


def test_sample_arrays_for_drawing(post_flight):
    f = post_flight
    assert len(f.t) >= DEFAULT_SAMPLES
    assert f.t.shape == f.x.shape == f.y.shape == f.vx.shape == f.vy.shape
    assert f.t[0] == 0.0 and f.x[0] == 0.0 and f.y[0] == POST.height
    assert f.vx[0] == POST.vx0 and f.vy[0] == POST.vy0
    assert f.t[-1] == f.flight_time and f.x[-1] == f.range and f.y[-1] == 0.0
    assert np.all(np.diff(f.t) > 0)
    assert np.all(np.diff(f.x) > 0)  # drag slows vx but never reverses it
    assert f.apex_time in f.t and np.max(f.y) == f.max_height
    assert np.min(f.y) >= 0.0
    # smooth to draw: short steps, and the heading turns by under a degree between them
    dx, dy = np.diff(f.x), np.diff(f.y)
    steps = np.hypot(dx, dy)
    assert np.max(steps) < 0.02 * np.sum(steps)
    assert np.max(np.abs(np.diff(np.degrees(np.arctan2(dy, dx))))) < 1.0
    for name in ("t", "x", "y", "vx", "vy"):
        with pytest.raises(ValueError, match="read-only"):
            getattr(f, name)[0] = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.range = 1.0


def test_samples_option():
    flight = simulate(POST, samples=50)
    assert 50 <= len(flight.t) <= 51 and flight.t[-1] == flight.flight_time
    assert flight.range == simulate(POST).range


@FAST
@given(
    speed=st.floats(10.0, 1000.0),
    angle=st.floats(1.0, 89.0),
    drag=st.floats(1e-5, 1e-2),
    height=st.floats(0.0, 500.0),
)
def test_drag_never_lengthens_the_range(speed, angle, drag, height):
    vacuum = simulate(Launch(speed, angle, height=height))
    light = simulate(Launch(speed, angle, drag=drag, height=height))
    heavy = simulate(Launch(speed, angle, drag=2 * drag, height=height))
    assert light.range <= vacuum.range * (1 + 1e-12)
    assert heavy.range <= light.range * (1 + 1e-12)
    assert light.max_height <= vacuum.max_height * (1 + 1e-12)


@FAST
@given(
    speed=st.floats(10.0, 1000.0),
    angle=st.floats(1.0, 89.0),
    drag=st.one_of(st.just(0.0), st.floats(1e-6, 1e-2)),
    height=st.floats(0.0, 500.0),
)
def test_mechanical_energy_never_rises(speed, angle, drag, height):
    launch = Launch(speed, angle, drag=drag, height=height)
    f = simulate(launch)
    energy = 0.5 * (f.vx**2 + f.vy**2) + launch.g * f.y  # per unit mass
    initial = energy[0]
    assert np.all(np.diff(energy) <= 1e-10 * initial)
    if drag == 0.0:
        np.testing.assert_allclose(energy, initial, rtol=1e-9)
    else:
        assert energy[-1] < initial


# --- evaluation at any time -------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (12,), (3, 4)])
def test_evaluation_shapes_against_a_loop(post_flight, shape):
    f = post_flight
    t = np.linspace(0.0, f.flight_time, int(np.prod(shape))).reshape(shape)
    if shape == ():
        t = np.float64(f.flight_time / 3)
    x, y = f.position(t)
    vx, vy = f.velocity(t)
    speed = f.speed(t)
    ax, ay = f.average_velocity(t, np.where(t < f.flight_time / 2, f.flight_time, 0.0))
    for value in (x, y, vx, vy, speed, ax, ay):
        if shape == ():
            assert isinstance(value, float)
        else:
            assert isinstance(value, np.ndarray) and value.shape == shape
    flat = np.ravel(t)
    loops = {
        "x": [f.position(float(s))[0] for s in flat],
        "y": [f.position(float(s))[1] for s in flat],
        "vx": [f.velocity(float(s))[0] for s in flat],
        "vy": [f.velocity(float(s))[1] for s in flat],
        "speed": [f.speed(float(s)) for s in flat],
    }
    for name, value in zip(loops, (x, y, vx, vy, speed), strict=True):
        np.testing.assert_allclose(
            np.ravel(value), loops[name], rtol=1e-14, atol=1e-9, err_msg=name
        )
    np.testing.assert_allclose(speed, np.hypot(vx, vy), rtol=1e-14)


def test_position_agrees_with_the_samples(post_flight):
    f = post_flight
    x, y = f.position(f.t)
    np.testing.assert_allclose(x, f.x, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(y, f.y, rtol=1e-12, atol=1e-9)
    vx, vy = f.velocity(f.t)
    np.testing.assert_allclose(vx, f.vx, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(vy, f.vy, rtol=1e-12, atol=1e-9)


@FAST
@given(fraction=st.floats(0.0, 0.95))
def test_average_velocity_tends_to_the_velocity(post_flight, fraction):
    f = post_flight
    t = fraction * f.flight_time
    v = np.array(f.velocity(t))
    errors = []
    for dt in (1.0, 1e-1, 1e-2, 1e-3, 1e-4):
        average = np.array(f.average_velocity(t, t + dt))
        errors.append(np.linalg.norm(average - v))
    # first order in dt: each 10x shorter interval brings the average about 10x closer
    assert all(b < a / 5 for a, b in zip(errors, errors[1:], strict=False))
    # and the error is about |dv/dt|·dt/2 (|dv/dt| is at most about g + k·v², 330 m/s² here)
    assert errors[-1] < 340.0 * 1e-4 / 2


def test_average_velocity_over_the_flight():
    f = simulate(Launch(100.0, 30.0))
    vx, vy = f.average_velocity(0.0, f.flight_time)
    assert vx == pytest.approx(100.0 * math.cos(math.radians(30.0)), rel=1e-12)
    assert abs(vy) < 1e-9
    # backwards in time is the same average
    assert f.average_velocity(f.flight_time, 0.0)[0] == pytest.approx(vx, rel=1e-12)


@pytest.mark.parametrize("angle_deg", [10.0, 30.0, 45.0, 70.0])
def test_path_length_of_a_parabola_is_the_closed_form(angle_deg):
    # the arc of y = x tan a - g x^2 / (2 v^2 cos^2 a) from launch to landing (height 0)
    v, g = 120.0, 9.81
    a = math.radians(angle_deg)
    exact = v**2 / g * (math.sin(a) + math.cos(a) ** 2 * math.atanh(math.sin(a)))
    assert simulate(Launch(v, angle_deg, g=g)).path_length() == pytest.approx(exact, rel=1e-9)


def test_path_length_adds_up_and_exceeds_the_displacement(post_flight):
    f = post_flight
    total = f.path_length()
    # split anywhere: the parts add up (the apex split is internal)
    t = 0.3 * f.flight_time
    assert f.path_length(0.0, t) + f.path_length(t) == pytest.approx(total, rel=1e-10)
    assert f.path_length(t, t) == 0.0
    # never shorter than the chord, and the average speed beats the average velocity's size
    assert total > f.range
    assert total / f.flight_time > math.hypot(*f.average_velocity(0.0, f.flight_time))
    # a short piece is about speed x time
    dt = 1e-3
    assert f.path_length(t, t + dt) == pytest.approx(f.speed(t + dt / 2) * dt, rel=1e-6)
    with pytest.raises(ValueError, match="`t1` must not be before `t0`"):
        f.path_length(t, 0.0)
    with pytest.raises(ValueError, match="`t1` must lie in the flight"):
        f.path_length(0.0, 1e6)


def test_times_are_validated(post_flight):
    f = post_flight
    for bad in (-1.0, f.flight_time + 1.0, math.nan, [0.0, math.inf]):
        with pytest.raises(ValueError, match="`t`"):
            f.position(bad)
    with pytest.raises(ValueError, match="`t` must lie in the flight"):
        f.velocity(-0.5)
    with pytest.raises(ValueError, match="`t` must be a time"):
        f.speed("soon")
    with pytest.raises(ValueError, match="`t1` must differ from `t0`"):
        f.average_velocity(1.0, 1.0)
    with pytest.raises(ValueError, match="`t0` must lie in the flight"):
        f.average_velocity(-1.0, 1.0)
    with pytest.raises(ValueError, match="`t1` must lie in the flight"):
        f.average_velocity(1.0, 1e6)


def test_simulate_validation():
    with pytest.raises(ValueError, match="`launch` must be a Launch"):
        simulate((750.0, 45.0))
    with pytest.raises(ValueError, match="`samples` must be an integer >= 3"):
        simulate(POST, samples=2)
    with pytest.raises(ValueError, match="`samples` must be an integer >= 3"):
        simulate(POST, samples=100.0)
