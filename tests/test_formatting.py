"""scenes.kit.formatting: every way a scene writes a number, checked without manim.

The reference implementations below are the copies the scenes used to carry (a tick's decimals,
a point's decimals, thousands separators, superscripts); the one module must write what each of
them wrote, character for character, so that no frame changes.
"""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from scenes.kit.formatting import (
    MINUS,
    NumberFormat,
    decimals_needed,
    format_fixed,
    format_grouped,
    format_short,
    format_sig,
    line_equation_tex,
    number_tex,
    number_text,
    signed,
    slope_line_tex,
    slope_line_text,
    superscript,
    tex_to_text,
    tick_exponent,
    tick_label,
    tick_labels,
)

ROOT = Path(__file__).resolve().parent.parent

#: Numbers of every kind a scene meets: zero, signs, fractions, decades from 1e-9 to 1e10,
#: values a hair from a round one.
VALUES = sorted(
    {0.0, -0.0, 1e-12, -1e-12}
    | {s * m * 10.0**e for s in (1, -1) for m in (1, 1.5, 2.25, 3.14159, 9.996, 9.9999999)
       for e in range(-9, 11)}
    | {3.0, 2.5, 0.1 + 0.2, 1 / 3, 2 / 3, 3.0000000001, 2.9999999999, 1000.5, 999.6, -0.4, 0.5}
)


def test_imports_no_manim():
    code = ("import sys; sys.modules['manim'] = None; sys.modules['numpy'] = None\n"
            "import scenes.kit.formatting as f; print(f.number_text(6e9))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    assert out.stdout.strip() == "6.00000 × 10⁹"


# --- the copies it replaces, as they were written -----------------------------------------------


def old_tick_decimals(step: float) -> int:  # (was in scenes/kit/common.py)
    for d in range(0, 10):
        if abs(round(step, d) - step) < 1e-9 * max(1.0, step):
            return d
    return 10


def old_point_decimals(x: float, most: int) -> int:  # scenes/secant.py (most=6)
    for d in range(0, most):
        if abs(round(x, d) - x) < 1e-9:
            return d
    return most


def old_short(x: float) -> str:  # scenes/figures.py and scenes/tangent_sweep.py
    for d in range(0, 4):
        if abs(round(x, d) - x) < 1e-9:
            return format_fixed(x, d)
    return format_fixed(x, 3)


def old_tick_grouping(value: float, step: float) -> str:  # (was in scenes/kit/common.py)
    text = format_fixed(value, old_tick_decimals(step))
    if abs(value) >= 1e3 and "." not in text:
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        text = sign + "{,}".join(groups)
    return text


def old_format_number(value: float, decimals: int, *, signed: bool = False) -> str:  # aim.py
    s = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    if float(s.replace(",", "")) == 0:
        s = s.lstrip("+-")
    return s.replace("-", "\u2212")


def old_fmt_m(value: float) -> str:  # scenes/cannonball.py
    out = f"{value:,.0f}"
    return "0" if float(out.replace(",", "")) == 0 else out


@pytest.mark.parametrize("value", VALUES)
def test_decimals_needed_is_each_old_copy(value):
    if value > 0:
        assert decimals_needed(value) == old_tick_decimals(value)
    assert decimals_needed(value, most=6, relative=False) == old_point_decimals(value, 6)
    assert format_short(value) == old_short(value)
    assert format_short(value, most=6) == format_fixed(value, old_point_decimals(value, 6))
    assert decimals_needed(value, most=1, tolerance=0) == (0 if float(value).is_integer() else 1)


@pytest.mark.parametrize("value", VALUES)
def test_thousands_separators_are_each_old_copy(value):
    for decimals in (0, 1, 2):
        for sign in (False, True):
            assert format_grouped(value, decimals, signed=sign) == old_format_number(
                value, decimals, signed=sign)
        assert format_grouped(value, decimals, minus="-", separator="{,}") == (
            old_format_number(value, decimals).replace(",", "{,}").replace(MINUS, "-"))
    assert format_grouped(value, 0, minus="-") == old_fmt_m(value)
    if abs(value) < 1e12:
        for step in (0.25, 1.0, 5.0, 500.0, 2000.0, 50000.0):
            assert tick_label(value, step) == old_tick_grouping(value, step)


def test_superscripts_are_each_old_table():
    old_digits_first = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")  # common.py, secant.py
    old_minus_first = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")  # aim.py
    for k in range(-30, 31):
        assert superscript(k) == str(k).translate(old_digits_first) == str(k).translate(
            old_minus_first)


# --- what the strings promise -------------------------------------------------------------------


@pytest.mark.parametrize("value", VALUES)
def test_fixed_never_shows_minus_zero(value):
    for decimals in range(0, 6):
        s = format_fixed(value, decimals)
        assert float(s) == pytest.approx(value, abs=0.51 * 10.0**-decimals)
        assert not (s.startswith("-") and float(s) == 0)


@pytest.mark.parametrize("value", [v for v in VALUES if v != 0 and 1e-6 <= abs(v) < 1e12])
def test_sig_keeps_the_digits(value):
    s = format_sig(value, 3)
    assert len(s.replace("-", "").replace(".", "").lstrip("0")) <= 3 or "." not in s
    assert float(s) == pytest.approx(value, rel=5.1e-3)


def test_signed_and_line_equations():
    assert signed(-0.18, 2) == ("-", "0.18") and signed(0.18, 2) == ("+", "0.18")
    assert line_equation_tex(0.22, -0.18) == "y = 0.22x - 0.18"
    assert line_equation_tex(0.22, 0.001) == "y = 0.22x"  # no "+ 0.00"
    assert line_equation_tex(0.001, 2.0) == "y = 2.00"  # no "0.00x"
    assert slope_line_tex(6e9, 0.0) == r"y = 6 \times 10^{9}\,x"
    assert slope_line_text(0.22, -0.18) == f"y = 0.22x {MINUS} 0.18"
    assert "-" not in slope_line_text(-6e9, -9e9)


@pytest.mark.parametrize("value", [v for v in VALUES if v != 0])
def test_number_tex_and_text_read_back(value):
    tex = number_tex(value)
    if r"\times" in tex:
        mantissa, exponent = tex.split(r" \times 10^{")
        back = float(mantissa) * 10.0 ** int(exponent.rstrip("}"))
        assert back == pytest.approx(value, rel=5e-3)
    else:
        assert float(tex) == pytest.approx(value, abs=0.0051)
    text = number_text(value)
    assert "-" not in text and "nan" not in text
    plain = tex_to_text(NumberFormat(abs(value)).tex(value))
    assert plain == text


def test_number_format_keeps_its_decimals_and_hides_nan():
    fmt = NumberFormat(0.22)
    assert {len(fmt.parts(v)[0].lstrip("-").split(".")[1]) for v in (0.1, 0.2, 0.3456)} == {5}
    assert fmt.text(float("nan")) == "" and fmt.tex(float("inf")) == ""
    assert NumberFormat(2e10).text(9.9999999e9) == "1.00000 × 10¹⁰"
    assert number_text(float("-inf")) == f"{MINUS}∞"
    with pytest.raises(ValueError, match="value"):
        number_tex(float("nan"))


@pytest.mark.parametrize(("step", "ticks"), [
    (0.5, [0, 0.5, 1]), (2000, [0, 2000, 4000]), (2e8, [0, 2e8, 4e8]), (2e-6, [0, 2e-6, 4e-6]),
])
def test_tick_labels_share_one_exponent(step, ticks):
    labels = tick_labels(ticks, step)
    exponent = tick_exponent(ticks, step)
    assert all((r"10^{" + str(exponent) + "}" in s) == bool(exponent) for s in labels[1:])
    assert labels[0] == ("0" if exponent else format_fixed(0, decimals_needed(step)))
    with pytest.raises(ValueError, match="step"):
        tick_exponent(ticks, 0.0)
    assert math.isfinite(float(labels[-1].split(" ")[0].replace("{,}", "")))


def test_the_modules_examples_run():
    """The docstring examples of scenes.kit.formatting (pytest's testpaths do not include
    scenes/)."""
    import doctest

    import scenes.kit.formatting

    result = doctest.testmod(scenes.kit.formatting)
    assert result.failed == 0 and result.attempted > 20, result
