r"""Numbers as strings: every way a bibun scene writes a number, for ``MathTex`` or for ``Text``.

Plain Python (no manim, no numpy), so the strings can be checked, and reused by a pipeline, without
a renderer. Two kinds of output: LaTeX for ``MathTex`` (an ASCII ``-``, which TeX sets as a minus;
``{,}`` between thousands; ``\times 10^{9}``) and text for captions and Pango ``Text`` (a true
minus ``−``, ``,`` between thousands, ``× 10⁹``).

What is inside
--------------
Digits
    :func:`format_fixed` (fixed decimals, never ``-0.00``), :func:`format_sig` (significant
    digits), :func:`decimals_needed` and :func:`format_short` (the fewest decimals that write a
    value: ``3``, ``2.5``), :func:`format_grouped` (thousands separators: ``3,707``,
    ``−1,646.00``), :func:`superscript` (``-6`` -> ``⁻⁶``), :func:`tex_to_text`.
Values that read at any scale
    :func:`number_tex`, :class:`NumberFormat` and :func:`number_text`: ``0.22000`` or
    ``6.00000 × 10⁹``, never ``6000000000.00``.
Lines
    :func:`signed`, :func:`line_equation_tex`, :func:`slope_line_tex` and
    :func:`slope_line_text`: ``y = 0.22x - 0.18`` with no ``+ -`` and no ``+ 0``.
Tick numbers
    :func:`tick_exponent`, :func:`tick_label`, :func:`tick_labels`: plain (``0.25``, ``12``),
    with thousands separators from 1,000 (``25{,}000``), or a common power of ten
    (``14 \times 10^{7}``) from 1e7 and below 1e-3.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

__all__ = [
    "MINUS",
    "TICK_POWER_FROM",
    "TICK_SEPARATOR_FROM",
    "TICK_TINY_BELOW",
    "NumberFormat",
    "decimals_needed",
    "format_fixed",
    "format_grouped",
    "format_short",
    "format_sig",
    "line_equation_tex",
    "number_tex",
    "number_text",
    "signed",
    "slope_line_tex",
    "slope_line_text",
    "superscript",
    "tex_to_text",
    "tick_exponent",
    "tick_label",
    "tick_labels",
]

#: The minus sign of running text (U+2212); LaTeX and :class:`~scenes.kit.readouts.GlyphNumber`
#: take an ASCII ``-`` and draw this.
MINUS = "\u2212"

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


# ---------------------------------------------------------------------------------------------
# digits


def format_fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and an ASCII ``-`` (``MathTex`` and
    :class:`~scenes.kit.readouts.GlyphNumber` draw it as a minus); ``-0.00`` is ``0.00``.

    >>> format_fixed(0.2249, 2), format_fixed(-1.0, 1), format_fixed(-0.001, 2)
    ('0.22', '-1.0', '0.00')
    """
    s = f"{value:.{decimals}f}"
    if s.startswith("-") and float(s) == 0.0:
        s = s[1:]
    return s


def format_sig(value: float, digits: int = 3) -> str:
    """``value`` in fixed notation with ``digits`` significant digits (``0.00100``, ``4.00``).

    >>> format_sig(4.0), format_sig(0.001), format_sig(0.0123456)
    ('4.00', '0.00100', '0.0123')
    >>> format_sig(9.996), format_sig(0.0), format_sig(float("inf"))
    ('10.0', '0.00', 'inf')
    """
    if value == 0 or not math.isfinite(value):
        return format_fixed(value, digits - 1) if math.isfinite(value) else str(value)
    exponent = math.floor(math.log10(abs(value)))
    # rounding may carry into the next decade (9.996 -> 10.0)
    decimals = max(0, digits - 1 - exponent)
    s = format_fixed(value, decimals)
    if len(s.replace("-", "").replace(".", "").lstrip("0")) > digits and decimals > 0:
        s = format_fixed(value, decimals - 1)
    return s


def decimals_needed(
    value: float, *, most: int = 10, tolerance: float = 1e-9, relative: bool = True
) -> int:
    """The fewest decimals, up to ``most``, that write ``value`` to within ``tolerance``.

    Parameters
    ----------
    value : float
        A finite number.
    most : int
        The answer when no fewer decimals will do.
    tolerance : float
        How far the rounded value may lie from ``value``; 0 asks for an exact match.
    relative : bool
        Whether ``tolerance`` is scaled by ``max(1, |value|)`` (for tick steps of any size) or
        taken as it is (for points on an axis).

    Examples
    --------
    >>> decimals_needed(3.0), decimals_needed(0.25), decimals_needed(0.1 + 0.2)
    (0, 2, 1)
    >>> decimals_needed(1 / 3), decimals_needed(1 / 3, most=3)  # 9 decimals: within 1e-9
    (9, 3)
    >>> decimals_needed(2.0, most=1, tolerance=0), decimals_needed(2.5, most=1, tolerance=0)
    (0, 1)
    """
    value = float(value)
    tol = tolerance * max(1.0, abs(value)) if relative else tolerance
    for d in range(most):
        error = abs(round(value, d) - value)
        if error < tol or error == 0:
            return d
    return most


def format_short(value: float, *, most: int = 3) -> str:
    """``value`` with the fewest decimals that write it (at most ``most``): a point on an axis as
    a label, ``3`` rather than ``3.0``, ``1.5`` as is.

    >>> format_short(3.0), format_short(1.5), format_short(-0.125), format_short(2 / 3)
    ('3', '1.5', '-0.125', '0.667')
    >>> format_short(0.0001), format_short(0.0001, most=6)
    ('0.000', '0.0001')
    """
    return format_fixed(value, decimals_needed(value, most=most, relative=False))


def format_grouped(
    value: float,
    decimals: int,
    *,
    signed: bool = False,
    minus: str = MINUS,
    separator: str = ",",
) -> str:
    """``value`` with thousands separators and ``decimals`` decimals: ``3,738.38``,
    ``−1,646.00``; zero is never signed.

    Parameters
    ----------
    value : float
        The number.
    decimals : int
        Decimals shown.
    signed : bool
        Write ``+`` before a positive number (``+738.38``).
    minus : str
        The minus sign: the text's ``−`` by default; ``"-"`` for LaTeX.
    separator : str
        Between groups of three digits: ``","``, or ``"{,}"`` for LaTeX (no space after it).

    Examples
    --------
    >>> format_grouped(3738.3783, 2), format_grouped(-1645.998, 2, signed=True)
    ('3,738.38', '−1,646.00')
    >>> format_grouped(-0.001, 2, signed=True), format_grouped(79096.62, 1)
    ('0.00', '79,096.6')
    >>> format_grouped(-3707.4, 0, minus="-", separator="{,}"), format_grouped(-0.4, 0)
    ('-3{,}707', '0')
    """
    s = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    if float(s.replace(",", "")) == 0:
        s = s.lstrip("+-")
    return s.replace("-", minus).replace(",", separator)


def superscript(exponent: int | str) -> str:
    """An exponent in superscript digits, for text: ``-6`` -> ``⁻⁶``.

    >>> superscript(-6), superscript(10), superscript("9")
    ('⁻⁶', '¹⁰', '⁹')
    """
    return str(exponent).translate(_SUPERSCRIPT)


def tex_to_text(s: str) -> str:
    r"""Simple LaTeX (numbers, ``\times``, ``^{k}``, ``-``) as text for a caption:
    ``0.540 - 0.421h`` -> ``0.540 − 0.421h``, ``6 \times 10^{9}`` -> ``6 × 10⁹``.

    >>> tex_to_text("0.540 - 0.421h"), tex_to_text(r"6 \times 10^{-9}h")
    ('0.540 − 0.421h', '6 × 10⁻⁹h')
    """
    s = re.sub(r"\^\{(-?\d+)\}", lambda m: superscript(m.group(1)), s)
    return s.replace(r" \times ", " × ").replace("-", MINUS)


# ---------------------------------------------------------------------------------------------
# values that read at any scale


def number_tex(value: float, decimals: int = 2) -> str:
    r"""LaTeX for a stated value (a slope, an intercept) that reads at any scale.

    ``decimals`` fixed decimals while that shows a significant digit and the number is below
    100000 (``0.22``, ``-1.00``, ``12345.68``); otherwise three significant digits times a power
    of ten (``6 \times 10^{9}``, ``1.8 \times 10^{7}``, ``1 \times 10^{-6}``), never
    ``6000000000.00`` or ``0.00`` for a small non-zero value. ``±inf`` is ``\infty``.

    >>> number_tex(0.22), number_tex(-1.0), number_tex(0.0)
    ('0.22', '-1.00', '0.00')
    >>> number_tex(6e9), number_tex(1.8e7), number_tex(-1.234e-6), number_tex(float("inf"))
    ('6 \\times 10^{9}', '1.8 \\times 10^{7}', '-1.23 \\times 10^{-6}', '\\infty')
    """
    value = float(value)
    if math.isinf(value):
        return r"\infty" if value > 0 else r"-\infty"
    if not math.isfinite(value):
        raise ValueError(f"value: must be a number, got {value!r}")
    if value == 0 or 10.0**-decimals <= abs(value) < 1e5:
        return format_fixed(value, decimals)
    mantissa, exponent = f"{value:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


class NumberFormat:
    r"""How a number of about the magnitude ``scale`` reads on screen or in a caption.

    Between 1e-3 and 1e5 (or for a scale of 0): fixed decimals giving ``digits`` significant
    digits at that scale, at most 5 (``0.22000``, ``12.3457``, ``4567.89``), the same decimals
    for every value, so a moving number does not change its layout. Outside (``1e9*x**2``,
    ``1e-6*x``): a mantissa with ``digits - 1`` decimals times a power of ten
    (``6.00000 × 10⁹``), the power following the value. A value that is not finite reads as
    nothing (a scene hides it; it is never drawn as ``nan``).

    Parameters
    ----------
    scale : float
        The magnitude of the values to show (its sign is ignored; not finite counts as 0).
    digits : int
        Significant digits.

    Attributes
    ----------
    scientific : bool
        Whether values are written as a mantissa times a power of ten.
    digits, decimals : int
        Significant digits, and the decimals of a plain number.

    Examples
    --------
    >>> NumberFormat(0.22).text(0.22), NumberFormat(2e10).text(6e9), NumberFormat(1e-6).text(-1e-6)
    ('0.22000', '6.00000 × 10⁹', '−1.00000 × 10⁻⁶')
    >>> NumberFormat(4000.0).parts(1234.5678), NumberFormat(2e10).parts(0.0)
    (('1234.57', ''), ('0.00000', ''))
    >>> NumberFormat(0.5).parts(float("nan")), NumberFormat(2e10).parts(9.9999999e9)
    (('', ''), ('1.00000', '10'))
    >>> NumberFormat(2e10, digits=4).tex(6.0044e9)
    '6.004 \\times 10^{9}'
    """

    def __init__(self, scale: float, digits: int = 6) -> None:
        scale = abs(float(scale)) if math.isfinite(scale) else 0.0
        self.scientific = scale >= 1e5 or 0 < scale < 1e-3
        self.digits = digits
        exponent = math.floor(math.log10(scale)) if scale > 0 else 0
        self.decimals = min(max(digits - 1 - exponent, 0), 5)

    def parts(self, value: float) -> tuple[str, str]:
        """``(mantissa, exponent)`` as ASCII (``("6.00000", "9")``); the exponent is ``""``
        for a plain number."""
        value = float(value)
        if not math.isfinite(value):
            return "", ""
        if not self.scientific:
            return format_fixed(value, self.decimals), ""
        if value == 0:
            return format_fixed(0.0, self.digits - 1), ""
        exponent = math.floor(math.log10(abs(value)))
        mantissa = format_fixed(value / 10.0**exponent, self.digits - 1)
        if abs(float(mantissa)) >= 10:  # 9.9999999 rounds to 10.00000
            exponent += 1
            mantissa = format_fixed(value / 10.0**exponent, self.digits - 1)
        return mantissa, str(exponent)

    def text(self, value: float) -> str:
        """Plain text for a caption: ``0.22000``, ``6.00000 × 10⁹``, a true minus sign."""
        mantissa, exponent = self.parts(value)
        if exponent:
            mantissa += " × 10" + superscript(exponent)
        return mantissa.replace("-", MINUS)

    def tex(self, value: float) -> str:
        """LaTeX: ``0.22000``, ``6.00000 \\times 10^{9}``."""
        mantissa, exponent = self.parts(value)
        return mantissa + (rf" \times 10^{{{exponent}}}" if exponent else "")


def number_text(value: float, scale: float | None = None, digits: int = 6) -> str:
    """``value`` for a caption, as :class:`NumberFormat` reads it at ``scale`` (default: the
    value's own magnitude).

    >>> number_text(0.22), number_text(-1.0), number_text(6e9), number_text(float("inf"))
    ('0.22000', '−1.00000', '6.00000 × 10⁹', '∞')
    """
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return NumberFormat(abs(value) if scale is None else scale, digits).text(value)


# ---------------------------------------------------------------------------------------------
# lines


def signed(value: float, decimals: int) -> tuple[str, str]:
    """Split a term's sign from its magnitude for LaTeX: ``(-0.18) -> ("-", "0.18")``.

    >>> signed(-0.18, 2), signed(0.5, 1), signed(-0.001, 2)
    (('-', '0.18'), ('+', '0.5'), ('+', '0.00'))
    """
    s = format_fixed(value, decimals)
    return ("-", s[1:]) if s.startswith("-") else ("+", s)


def line_equation_tex(slope: float, intercept: float, *, decimals: int = 2) -> str:
    """LaTeX of ``y = slope x + intercept`` with a proper minus and no ``+ -`` or ``+ 0``.

    >>> line_equation_tex(0.22, -0.18)
    'y = 0.22x - 0.18'
    >>> line_equation_tex(-1.0, 0.0, decimals=1)
    'y = -1.0x'
    >>> line_equation_tex(0.0, 2.5, decimals=1)
    'y = 2.5'
    """
    m = format_fixed(slope, decimals)
    sign, b = signed(intercept, decimals)
    if float(m) == 0:
        return f"y = {format_fixed(intercept, decimals)}"
    if float(b) == 0:
        return f"y = {m}x"
    return f"y = {m}x {sign} {b}"


def _plain_line(slope: float, intercept: float) -> bool:
    """Whether two decimals show both numbers of a line (or they are 0)."""
    return all(v == 0 or 1e-2 <= abs(v) < 1e5 for v in (slope, intercept))


def slope_line_tex(slope: float, intercept: float) -> str:
    r"""``y = 0.22x - 0.18`` as :func:`line_equation_tex` writes it, with numbers too large or
    too small for two decimals as :func:`number_tex` writes them (``y = 6 \times 10^{9}\,x
    - ...``).

    >>> slope_line_tex(0.22, -0.18)
    'y = 0.22x - 0.18'
    >>> slope_line_tex(6e9, -9e9)
    'y = 6 \\times 10^{9}\\,x - 9 \\times 10^{9}'
    """
    if _plain_line(slope, intercept):
        return line_equation_tex(slope, intercept)
    m, b = number_tex(slope), number_tex(abs(intercept))
    sign = "-" if intercept < 0 else "+"
    if float(format_fixed(slope, 12)) == 0:
        return f"y = {number_tex(intercept)}"
    if intercept == 0:
        return rf"y = {m}\,x"
    return rf"y = {m}\,x {sign} {b}"


def slope_line_text(slope: float, intercept: float) -> str:
    """The line's equation for a caption: ``y = 0.22x − 0.18``, or with numbers too large or too
    small for two decimals as :func:`number_text` writes them with three digits
    (``y = 6.00 × 10⁹x − 9.00 × 10⁹``).

    >>> slope_line_text(0.22, -0.18), slope_line_text(1.0, 0.0)
    ('y = 0.22x − 0.18', 'y = 1.00x')
    >>> slope_line_text(6e9, -9e9)
    'y = 6.00 × 10⁹x − 9.00 × 10⁹'
    """
    if _plain_line(slope, intercept):
        return line_equation_tex(slope, intercept).replace("-", MINUS)
    m = number_text(slope, digits=3)
    if intercept == 0:
        return f"y = {m}x"
    sign = MINUS if intercept < 0 else "+"
    return f"y = {m}x {sign} {number_text(abs(intercept), digits=3)}"


# ---------------------------------------------------------------------------------------------
# tick numbers


#: Tick numbers from this size up get thousands separators (``250{,}000``) ...
TICK_SEPARATOR_FROM = 1e3
#: ... and from this size up, or below :data:`TICK_TINY_BELOW`, a power of ten (4 × 10⁷).
TICK_POWER_FROM = 1e7
TICK_TINY_BELOW = 1e-3


def tick_exponent(ticks: Sequence[float], step: float) -> int:
    r"""The power of ten written after every tick number of an axis, or 0 for plain numbers.

    Plain numbers (``0.25``, ``12``, ``25{,}000``, ``250{,}000``) while the largest tick lies in
    [:data:`TICK_TINY_BELOW`, :data:`TICK_POWER_FROM`); otherwise the power of the step, so that
    every number of the axis is a small integer times the same power (``20 \times 10^{9}``,
    ``40 \times 10^{9}``), easy to compare along the axis, as a plotting library's formatter
    writes them.

    >>> tick_exponent([0, 5, 10], 5), tick_exponent([0, 2e8, 4e8], 2e8)
    (0, 8)
    >>> tick_exponent([0, 2e-6, 4e-6, 6e-6], 2e-6), tick_exponent([0, 0.002, 0.004], 0.002)
    (-6, 0)
    """
    if not step > 0 or not math.isfinite(step):
        raise ValueError(f"step: must be a finite positive number, got {step!r}")
    biggest = max((abs(float(t)) for t in ticks), default=0.0)
    if biggest == 0 or TICK_TINY_BELOW <= biggest < TICK_POWER_FROM:
        return 0
    return math.floor(math.log10(step) + 1e-9)


def tick_label(value: float, step: float, exponent: int = 0) -> str:
    r"""LaTeX for one tick number of an axis whose ticks are ``step`` apart (for ``MathTex``).

    ``exponent`` is the axis' common power of ten (:func:`tick_exponent`). Zero is always
    ``0``; the minus sign is ``MathTex``'s. A whole number from :data:`TICK_SEPARATOR_FROM` up
    has thousands separators.

    >>> tick_label(0.25, 0.05), tick_label(12, 2), tick_label(25000, 5000)
    ('0.25', '12', '25{,}000')
    >>> tick_label(250000, 50000), tick_label(-1200000, 200000)
    ('250{,}000', '-1{,}200{,}000')
    >>> tick_label(1.4e8, 2e7, 7), tick_label(0, 2e7, 7), tick_label(1.2e-5, 2e-6, -6)
    ('14 \\times 10^{7}', '0', '12 \\times 10^{-6}')
    >>> tick_label(1.5e-4, 5e-5, -5), tick_label(1000.5, 0.5)
    ('15 \\times 10^{-5}', '1000.5')
    """
    value, step = float(value), float(step)
    if exponent:
        scale = 10.0**exponent
        mantissa = format_fixed(value / scale, decimals_needed(step / scale))
        if float(mantissa) == 0:
            return "0"
        return rf"{mantissa} \times 10^{{{exponent}}}"
    decimals = decimals_needed(step)
    if abs(value) >= TICK_SEPARATOR_FROM and decimals == 0:
        return format_grouped(value, 0, minus="-", separator="{,}")
    return format_fixed(value, decimals)


def tick_labels(ticks: Sequence[float], step: float) -> list[str]:
    r"""LaTeX for every tick number of an axis: :func:`tick_label` with the axis'
    :func:`tick_exponent`.

    >>> tick_labels([0, 2e8, 4e8], 2e8)
    ['0', '2 \\times 10^{8}', '4 \\times 10^{8}']
    >>> tick_labels([0.0, 0.5, 1.0], 0.5)
    ['0.0', '0.5', '1.0']
    """
    exponent = tick_exponent(ticks, step)
    return [tick_label(t, step, exponent) for t in ticks]
