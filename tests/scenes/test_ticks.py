"""Tick numbers that read from 1e-6 to 1e9: each label means its tick, labels differ, stay short,
and the numbers of an axis never overlap."""

from __future__ import annotations

import re

import numpy as np
import pytest

pytest.importorskip("manim")
from scenes.kit import style  # noqa: E402
from scenes.kit.axes import PlotAxes, nice_range  # noqa: E402
from scenes.kit.formatting import number_tex, tick_exponent, tick_label, tick_labels  # noqa: E402


def read_back(label: str) -> float:
    """The number a tick label shows (the inverse of tick_label)."""
    label = label.replace("{,}", "")
    match = re.fullmatch(r"(-?[0-9.]+)(?: \\times 10\^\{(-?\d+)\})?", label)
    assert match, label
    mantissa, exponent = match.groups()
    return float(mantissa) * 10.0 ** int(exponent or 0)


SPANS = [(lo, m * 10.0**p) for p in range(-6, 10) for m in (1.0, 1.2, 2.5, 6.0) for lo in (0.0,)]
SPANS += [(-m * 10.0**p, m * 10.0**p) for p in (-5, 0, 4, 8) for m in (1.0, 3.0)]


@pytest.mark.parametrize(("lo", "hi"), SPANS)
def test_labels_mean_their_ticks_at_every_scale(lo, hi):
    start, stop, step = nice_range(lo, hi, max_ticks=8)
    ticks = np.round(np.arange(start, stop + step / 2, step), 12)
    labels = tick_labels(ticks, step)
    assert len(set(labels)) == len(labels)
    for t, label in zip(ticks, labels, strict=True):
        assert read_back(label) == pytest.approx(t, rel=1e-9, abs=step * 1e-9)
        assert "e" not in label.replace("times", "")  # never 2e8
        digits = re.sub(r"\\times 10\^\{-?\d+\}|\{,\}|[-.]", "", label)
        assert len(digits.strip()) <= 7, label  # 1,200,000 at most; else a power of ten


def test_one_power_for_the_whole_axis():
    assert tick_exponent([0, 5e7, 1e8, 1.5e8], 5e7) == 7
    assert tick_labels([0, 5e7, 1e8, 1.5e8], 5e7) == [
        "0", r"5 \times 10^{7}", r"10 \times 10^{7}", r"15 \times 10^{7}"]
    assert tick_labels([0.0, 0.25, 0.5], 0.25) == ["0.00", "0.25", "0.50"]  # as before
    assert tick_label(25000, 5000) == "25{,}000"  # 3,707 m on screen: ticks read alike
    assert tick_label(2000, 1000) == "2{,}000" and tick_label(500, 100) == "500"
    assert tick_label(300000, 100000) == "300{,}000"


def test_number_tex_never_prints_noise_digits():
    assert number_tex(6000000.000000001) == r"6 \times 10^{6}"
    assert number_tex(0.22) == "0.22"
    assert number_tex(-0.004) == r"-4 \times 10^{-3}"
    with pytest.raises(ValueError, match="value"):
        number_tex(float("nan"))


@pytest.mark.parametrize(("y_lo", "y_hi"), [(0, 1.44e11), (0, 1.2e-5), (-3e8, 3e8), (0, 4.5e5)])
def test_axis_numbers_do_not_overlap(y_lo, y_hi):
    axes = PlotAxes(nice_range(0, 12), nice_range(y_lo, y_hi, max_ticks=8),
                    x_length=11.0, y_length=5.5)
    for numbers in (axes.x_numbers, axes.y_numbers):
        for a, b in zip(numbers, list(numbers)[1:], strict=False):
            apart = (a.get_right()[0] <= b.get_left()[0] or b.get_right()[0] <= a.get_left()[0]
                     or a.get_top()[1] <= b.get_bottom()[1] or b.get_top()[1] <= a.get_bottom()[1])
            assert apart
        assert all(n.font_size >= style.SIZE_SMALL - 1e-6 for n in numbers)
