"""Tests of core.ticks: the tick step of an axis, as the scenes' copies chose it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.ticks import MANTISSAS, nice_step

spans = st.floats(1e-9, 1e12, allow_nan=False, allow_infinity=False)


def scenes_nice_step(span, max_ticks=7):
    """nice_step as it was written in the scenes' drawing helpers, before it moved here."""
    raw = span / max_ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * power >= raw * (1 - 1e-9):
            return float(m * power)
    return float(10 * power)


def cannonball_step_at_least(step, minimum):
    """scenes.cannonball._step_at_least before it became nice_step(..., max_ticks=1)."""
    target = max(step, minimum)
    power = 10.0 ** math.floor(math.log10(target))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * power >= target * (1 - 1e-9):
            return m * power
    return 10.0 * power


@settings(max_examples=300, deadline=None)
@given(span=spans, max_ticks=st.integers(1, 12))
def test_the_step_of_the_scenes_bit_for_bit(span, max_ticks):
    assert nice_step(span, max_ticks=max_ticks) == scenes_nice_step(span, max_ticks)


@settings(max_examples=300, deadline=None)
@given(step=spans, minimum=spans)
def test_one_interval_is_the_cannonballs_step_at_least(step, minimum):
    assert nice_step(max(step, minimum), max_ticks=1) == cannonball_step_at_least(step, minimum)


@settings(max_examples=300, deadline=None)
@given(span=spans, max_ticks=st.integers(1, 12))
def test_smallest_nice_step_with_at_most_max_ticks_intervals(span, max_ticks):
    step = nice_step(span, max_ticks=max_ticks)
    power = 10.0 ** math.floor(math.log10(step) + 1e-12)
    assert any(math.isclose(step, m * power, rel_tol=1e-12) for m in MANTISSAS)
    assert span / step <= max_ticks * (1 + 1e-8)
    # the nice step just below it would need more intervals
    smaller = max(m * p for p in (power / 10, power) for m in (*MANTISSAS, 10.0)
                  if m * p < step * (1 - 1e-12))
    assert span / smaller > max_ticks * (1 - 1e-8)


def test_known_steps_include_two_and_a_half():
    assert (nice_step(12), nice_step(6), nice_step(2.4)) == (2.0, 1.0, 0.5)
    assert nice_step(14, max_ticks=6) == 2.5
    assert nice_step(0.3, max_ticks=3) == pytest.approx(0.1)  # 0.3/3 just below 0.1 counts
    assert nice_step(2.5e7, max_ticks=5) == 5e6
    assert nice_step(1.7, max_ticks=1) == 2.0


@pytest.mark.parametrize("span", [0, -1.0, math.nan, math.inf, True, "12", None])
def test_span_must_be_a_finite_positive_number(span):
    with pytest.raises(ValueError, match="`span` must be a finite positive number"):
        nice_step(span)


@pytest.mark.parametrize("max_ticks", [0, -3, 2.5, True, "7", None])
def test_max_ticks_must_be_a_positive_integer(max_ticks):
    with pytest.raises(ValueError, match="`max_ticks` must be a positive integer"):
        nice_step(10.0, max_ticks=max_ticks)


def test_max_ticks_is_keyword_only():
    with pytest.raises(TypeError):
        nice_step(10.0, 5)
