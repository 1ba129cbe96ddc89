"""Drawing helpers shared by bibun's scenes: config, text, axes that fit the data, live readouts.

Nothing here computes calculus: slopes, tangents and trajectories come from :mod:`core`; this
module only puts them on screen, in the look of :mod:`scenes.kit.style`.

Main pieces
-----------
:func:`load_scene_config`
    The validated :class:`core.config.Config` for a scene (``$BIBUN_CONFIG`` or ``./bibun.toml``),
    optionally with the language overridden by a scene variant's class attribute.
:func:`text`, :func:`tex`
    Pango ``Text`` in the style font (Japanese and English alike), and ``MathTex`` in the style
    sizes with parts coloured by role.
:func:`nice_range`, :class:`PlotAxes`, :func:`fitted_axes`
    Axes whose ranges and ticks fit the data of any valid function on any interval (1-2-2.5-5
    tick steps from :func:`core.ticks.nice_step`, y range from sampled values with a margin),
    drawn like the post's matplotlib figures:
    spines at the left and bottom, tick numbers outside the plot, a grid, and the y = 0 line when
    0 lies inside.
:class:`GlyphNumber`, :class:`Readout`
    A live number that never touches LaTeX after construction: glyphs are typeset once and each
    update only copies their outlines (a few microseconds, against ~17 ms per frame for
    ``DecimalNumber.set_value`` at 1080p60).
:func:`clip_line`, :func:`line_on_axes`, :func:`put_line_on_axes`
    A straight line y = slope*x + intercept (e.g. a :class:`core.calculus.Line`) drawn on axes and
    clipped to the visible plot area.
:func:`line_equation_tex`, :func:`signed`
    Formatting: ``y = 0.22x - 0.18`` with a proper minus (the function text as LaTeX is
    :func:`core.tex.expression_to_tex`).
:func:`tick_labels`, :func:`tick_label`, :func:`tick_exponent`
    Tick numbers that read from 1e-6 to 1e9: plain, with thousands separators from 100,000, or
    a common power of ten (14 × 10⁷), never shrunk below ``style.SIZE_SMALL``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
from manim import (
    DOWN,
    ITALIC,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    Line,
    MathTex,
    Text,
    VectorizedPoint,
    VGroup,
    VMobject,
)

from core.ticks import nice_step
from scenes.kit import style

__all__ = [
    "GlyphNumber",
    "NumberFormat",
    "PlotAxes",
    "Readout",
    "ScaledNumber",
    "SlopeLine",
    "clip_line",
    "code_block",
    "code_font_size",
    "fitted_axes",
    "format_fixed",
    "format_sig",
    "keep_in_frame",
    "limit_formula",
    "line_equation_tex",
    "line_on_axes",
    "load_scene_config",
    "number_tex",
    "number_text",
    "nice_range",
    "prepare_scene",
    "put_line_on_axes",
    "signed",
    "slope_line",
    "slope_line_tex",
    "tex",
    "text",
    "variable_spans",
    "tick_exponent",
    "tick_label",
    "tick_labels",
]


# ---------------------------------------------------------------------------------------------
# configuration


#: Overrides ``theme`` of the parameter file (``render.sh --theme`` sets it for each render).
THEME_ENV_VAR = "BIBUN_THEME"


def load_scene_config(language: str | None = None):
    """The validated :class:`core.config.Config` for a scene, its theme made the style's.

    Reads ``$BIBUN_CONFIG``, else ``./bibun.toml``, else the post's defaults (see
    :func:`core.config.load_config`); never cached, so tests may switch files between scenes.
    ``$BIBUN_THEME``, when set, overrides the file's ``theme``; :func:`scenes.kit.style.use_theme`
    then makes every colour of :mod:`scenes.kit.style` the theme's.

    Parameters
    ----------
    language : {"en", "ja"}, optional
        Overrides ``config.language`` (a scene variant's class attribute, e.g.
        ``class SecantToTangentJa(SecantToTangent): language = "ja"``).
    """
    import os

    from core.config import THEMES, load_config

    cfg = load_config()
    if language is not None:
        if language not in ("en", "ja"):
            raise ValueError(f"language: must be 'en' or 'ja', got {language!r}")
        cfg = replace(cfg, language=language)
    theme = os.environ.get(THEME_ENV_VAR) or cfg.theme
    if theme not in THEMES:
        raise ValueError(f"${THEME_ENV_VAR}: must be one of {', '.join(THEMES)}, got {theme!r}")
    cfg = replace(cfg, theme=theme)
    style.use_theme(theme)
    return cfg


def prepare_scene(scene: Any, language: str | None = None):
    """Set a scene up in bibun's style; returns ``(config, catalogue)``.

    Loads the config (:func:`load_scene_config`, ``language`` overriding it, which also sets the
    theme), and gives the camera the theme's background. With ``-t`` (transparent) the
    background's alpha is 0 whatever its colour.
    """
    from manim import ManimColor

    from scenes.kit.text import Catalogue

    cfg = load_scene_config(language)
    scene.camera.background_color = ManimColor(style.BACKGROUND)
    return cfg, Catalogue(cfg.language)


# ---------------------------------------------------------------------------------------------
# text and math


#: A variable in running text: one Latin letter standing alone (not part of a word, a number
#: such as ``1e-8``, or a unit such as ``m`` in ``750 m`` or ``m/s``); a coefficient's variable
#: (``0.22x``) counts. English's "a", "A" and "I" are words.
_VARIABLE = re.compile(r"(?<![A-Za-z_.'’/])([B-HJ-Zb-z])(?![A-Za-z0-9_'’/])")
#: Added after an italic variable that a space follows (U+2006, a sixth of an em).
ITALIC_CORRECTION = "\u2006"
_EXPONENT = re.compile(r"[0-9][eE][-+]?[0-9]")
_UNIT = re.compile(r"[0-9] $")


def variable_spans(s: str) -> list[tuple[int, int]]:
    """Where ``s`` names a variable (a letter standing alone), to be set in italic as in maths.

    >>> s = "h = 1e-8: the secant slope at x = 3 is f(x+h) - f(x) over h, y = 0.22x, 750 m/s"
    >>> "".join(s[a:b] for a, b in variable_spans(s))
    'hxfxhfxhyx'
    >>> variable_spans("幅 h での f の増加")
    [(2, 3), (7, 8)]
    >>> variable_spans("a shot 3,000 m away, after 41.3 s, at 1e-8 or 2E+3")
    []
    """
    spans = []
    for m in _VARIABLE.finditer(s):
        a, b = m.span(1)
        if _EXPONENT.match(s, max(0, a - 1)) or _UNIT.search(s, 0, a):
            continue
        spans.append((a, b))
    return spans


def text(
    s: str,
    *,
    size: float = style.SIZE_BODY,
    color: str | None = None,
    weight: str = "NORMAL",
    **kwargs: Any,
) -> Text:
    """Pango ``Text`` in :data:`scenes.kit.style.FONT` (Noto Sans CJK JP), for English and Japanese.

    ``size`` is Manim's ``font_size``; keep it at or above :data:`scenes.kit.style.SIZE_SMALL`.
    ``color`` defaults to the theme's ``TEXT`` (colour defaults are read when called, never
    bound at import, so that they follow :func:`scenes.kit.style.use_theme`). A variable standing
    alone in the words (``h``, ``x``, ``f(x)``; see :func:`variable_spans`) is set in italic, as
    it is in the maths beside it.
    """
    color = style.TEXT if color is None else color
    spans = variable_spans(s)
    if "t2c" in kwargs and kwargs["t2c"] is None:
        del kwargs["t2c"]
    if spans and (kwargs.get("t2s") or kwargs.get("t2c")):  # the caller's indices: keep them
        kwargs["t2s"] = {**{f"[{a}:{b}]": ITALIC for a, b in spans}, **(kwargs.get("t2s") or {})}
    elif spans:
        # an italic correction, as TeX makes one: the slanted letter leans into the space after
        # it ("f is" would read "fis"), so a sixth of an em widens that gap
        shown, slants, last = "", {}, 0
        for a, b in spans:
            shown += s[last:a]
            slants[f"[{len(shown)}:{len(shown) + b - a}]"] = ITALIC
            leans = s[b:b + 1].isspace()
            shown += s[a:b] + (ITALIC_CORRECTION if leans else "")
            last = b
        s = shown + s[last:]
        kwargs["t2s"] = slants
    return Text(s, font=style.FONT, font_size=size, color=color, weight=weight, **kwargs)


def tex(
    *strings: str,
    size: float = style.SIZE_MATH,
    color: str | None = None,
    colors: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> MathTex:
    """``MathTex`` in the style size and colour (the theme's ``TEXT`` unless given), with the
    substrings in ``colors`` isolated and coloured (e.g. ``{"h": style.H_LEG}``). Built once;
    never call this in an updater."""
    color = style.TEXT if color is None else color
    colors = dict(colors or {})
    if colors:
        kwargs.setdefault("substrings_to_isolate", list(colors))
    mob = MathTex(*strings, font_size=size, color=color, **kwargs)
    for part, c in colors.items():
        mob.set_color_by_tex(part, c)
    return mob


def code_block(source: str, *, size: float = style.SIZE_CODE) -> VMobject:
    """A Python listing in the mono font, highlighted with the style's code colours, on a panel.

    Built with manim's ``Code`` (Pygments) and a Pygments style made from
    :mod:`scenes.kit.style`; no line numbers.
    """
    from manim import Code

    block = Code(
        code_string=source,
        language="python",
        formatter_style=_pygments_style(style.THEME),
        add_line_numbers=False,
        background="rectangle",
        background_config={
            "fill_color": style.CODE_BACKGROUND,
            "fill_opacity": 1.0,
            "stroke_color": style.DARK_GREY,
            "stroke_width": 1.5,
            "buff": 0.25,
            "corner_radius": 0.12,
        },
        paragraph_config={"font": style.MONO_FONT, "font_size": size, "line_spacing": 0.6},
    )
    block.font_size_when_made = (size, block.code_lines.height)  # see code_font_size
    return block


def code_font_size(block: Any) -> float:
    """The font size a :func:`code_block` is shown at now (after any scaling to fit)."""
    size, height = block.font_size_when_made
    return size * block.code_lines.height / height


@lru_cache(maxsize=2)
def _pygments_style(theme: str) -> type:
    """A pygments style in the code colours of ``theme`` (the current one: the key of the
    cache)."""
    from pygments.style import Style
    from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Token

    class BibunCodeStyle(Style):
        background_color = style.CODE_BACKGROUND
        styles = {  # noqa: RUF012 - pygments reads a class attribute
            Token: style.CODE_TEXT,
            Keyword: style.CODE_KEYWORD,
            Name.Function: style.CODE_FUNCTION,
            Name.Builtin: style.CODE_FUNCTION,
            Number: style.CODE_NUMBER,
            Operator: style.CODE_OPERATOR,
            Punctuation: style.CODE_OPERATOR,
            Comment: style.CODE_COMMENT,
            String: style.CODE_STRING,
        }

    return BibunCodeStyle


def limit_formula(*, size: float = style.SIZE_MATH, prefix: bool = True) -> MathTex:
    r"""The definition :math:`f'(x) = \lim_{h\to0} \frac{f(x+h) - f(x)}{h}`, with ``h`` in
    :data:`~scenes.kit.style.H_LEG` and the rise in :data:`~scenes.kit.style.DF_LEG` (the colours
    of the legs in ``SecantToTangent``). ``prefix=False`` gives only the difference quotient."""
    body = r"\frac{f(x+h) - f(x)}{h}"
    string = r"f'(x) = \lim_{h \to 0} " + body if prefix else body
    return tex(string, size=size, colors={"f(x+h) - f(x)": style.DF_LEG, "h": style.H_LEG})


def format_fixed(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and a true minus sign handled by the caller's font:
    returns ASCII ``-`` (``MathTex`` and :class:`GlyphNumber` draw it as a minus). ``-0.00`` is
    shown as ``0.00``."""
    s = f"{value:.{decimals}f}"
    if s.startswith("-") and float(s) == 0.0:
        s = s[1:]
    return s


def format_sig(value: float, digits: int = 3) -> str:
    """``value`` in fixed notation with ``digits`` significant digits (``0.00100``, ``4.00``).

    >>> format_sig(4.0), format_sig(0.001), format_sig(0.0123456)
    ('4.00', '0.00100', '0.0123')
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


def signed(value: float, decimals: int) -> tuple[str, str]:
    """Split a term's sign from its magnitude for LaTeX: ``(-0.18) -> ("-", "0.18")``."""
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


# ---------------------------------------------------------------------------------------------
# axes that fit the data


def nice_range(
    lo: float, hi: float, *, max_ticks: int = 7, margin: float = 0.0, zero: float = 0.0
) -> tuple[float, float, float]:
    """``(start, stop, step)`` covering ``[lo, hi]`` with ticks at multiples of a nice step.

    ``margin`` widens the data range by that fraction of its span on each side first. ``zero``
    pulls the range to include 0 when 0 is within ``zero`` times the span of it (so a positive
    function keeps its x-axis in view, like the post's figure). A constant function gets a span
    of 1 (or its magnitude) around its value.

    >>> nice_range(0, 12)
    (0.0, 12.0, 2.0)
    >>> nice_range(-1, 1, margin=0.08)
    (-1.5, 1.5, 0.5)
    >>> nice_range(0.0, 4.08, margin=0.05, zero=0.3, max_ticks=5)
    (0.0, 5.0, 1.0)
    """
    lo, hi = float(lo), float(hi)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo > hi:
        raise ValueError(f"lo, hi: must be finite with lo <= hi, got {lo!r}, {hi!r}")
    span = hi - lo
    if span <= 1e-12 * max(1.0, abs(lo), abs(hi)):
        half = max(0.5, abs(lo) * 0.5)
        lo, hi, span = lo - half, hi + half, 2 * half
    if zero > 0:
        if 0 < lo <= zero * span:
            lo = 0.0
        elif -zero * span <= hi < 0:
            hi = 0.0
    span = hi - lo
    pad_lo = 0.0 if lo == 0.0 else margin * span
    pad_hi = 0.0 if hi == 0.0 else margin * span
    lo, hi = lo - pad_lo, hi + pad_hi
    step = nice_step(hi - lo, max_ticks=max_ticks)
    start = math.floor(lo / step + 1e-9) * step
    stop = math.ceil(hi / step - 1e-9) * step
    # avoid -0.0 and float fuzz in the printed ticks
    start, stop = round(start, 12) + 0.0, round(stop, 12) + 0.0
    return start, stop, step


def _tick_decimals(step: float) -> int:
    for d in range(0, 10):
        if abs(round(step, d) - step) < 1e-9 * max(1.0, step):
            return d
    return 10


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
    ``0``; the minus sign is ``MathTex``'s.

    >>> tick_label(0.25, 0.05), tick_label(12, 2), tick_label(25000, 5000)
    ('0.25', '12', '25{,}000')
    >>> tick_label(250000, 50000), tick_label(-1200000, 200000)
    ('250{,}000', '-1{,}200{,}000')
    >>> tick_label(1.4e8, 2e7, 7), tick_label(0, 2e7, 7), tick_label(1.2e-5, 2e-6, -6)
    ('14 \\times 10^{7}', '0', '12 \\times 10^{-6}')
    >>> tick_label(1.5e-4, 5e-5, -5)
    '15 \\times 10^{-5}'
    """
    value, step = float(value), float(step)
    if exponent:
        scale = 10.0**exponent
        mantissa = format_fixed(value / scale, _tick_decimals(step / scale))
        if float(mantissa) == 0:
            return "0"
        return rf"{mantissa} \times 10^{{{exponent}}}"
    text = format_fixed(value, _tick_decimals(step))
    if abs(value) >= TICK_SEPARATOR_FROM and "." not in text:
        sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        text = sign + "{,}".join(groups)
    return text


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


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


class NumberFormat:
    """How a number of about the magnitude ``scale`` reads on screen or in a caption.

    Between 1e-3 and 1e5 (or for a scale of 0): fixed decimals giving ``digits`` significant
    digits at that scale, at most 5 (``0.22000``, ``12.3457``, ``4567.89``), the same decimals
    for every value, so a moving number does not change its layout. Outside (``1e9*x**2``,
    ``1e-6*x``): a mantissa with ``digits - 1`` decimals times a power of ten
    (``6.00000 × 10⁹``), the power following the value. A value that is not finite reads as
    nothing (a scene hides it; it is never drawn as ``nan``).

    >>> NumberFormat(0.22).text(0.22), NumberFormat(2e10).text(6e9), NumberFormat(1e-6).text(-1e-6)
    ('0.22000', '6.00000 × 10⁹', '−1.00000 × 10⁻⁶')
    >>> NumberFormat(4000.0).parts(1234.5678), NumberFormat(2e10).parts(0.0)
    (('1234.57', ''), ('0.00000', ''))
    >>> NumberFormat(0.5).parts(float("nan")), NumberFormat(2e10).parts(9.9999999e9)
    (('', ''), ('1.00000', '10'))
    """

    def __init__(self, scale: float, digits: int = 6) -> None:
        scale = abs(float(scale)) if math.isfinite(scale) else 0.0
        self.scientific = scale >= 1e5 or 0 < scale < 1e-3
        self.digits = digits
        exponent = math.floor(math.log10(scale)) if scale > 0 else 0
        self.decimals = int(np.clip(digits - 1 - exponent, 0, 5))

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
            mantissa += " × 10" + exponent.translate(_SUPERSCRIPT)
        return mantissa.replace("-", "−")

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


def slope_line(f: Callable[[Any], Any], x0: float) -> Any:
    """The tangent at x0 with the slope a scene states: :func:`core.calculus.stated_derivative`
    (exact to rounding), not the post's central difference."""
    from core.calculus import line_through, stated_derivative

    return line_through(x0, float(f(x0)), float(stated_derivative(f, x0)))


def slope_line_tex(slope: float, intercept: float) -> str:
    r"""``y = 0.22x - 0.18`` as :func:`line_equation_tex` writes it, with numbers too large or
    too small for two decimals as :func:`number_tex` writes them (``y = 6 \times 10^{9}\,x
    - ...``).

    >>> slope_line_tex(0.22, -0.18)
    'y = 0.22x - 0.18'
    >>> slope_line_tex(6e9, -9e9)
    'y = 6 \\times 10^{9}\\,x - 9 \\times 10^{9}'
    """
    plain = all(v == 0 or 1e-2 <= abs(v) < 1e5 for v in (slope, intercept))
    if plain:
        return line_equation_tex(slope, intercept)
    m, b = number_tex(slope), number_tex(abs(intercept))
    sign = "-" if intercept < 0 else "+"
    if float(format_fixed(slope, 12)) == 0:
        return f"y = {number_tex(intercept)}"
    if intercept == 0:
        return rf"y = {m}\,x"
    return rf"y = {m}\,x {sign} {b}"


#: The smallest font size a LaTeX superscript may be drawn from: TeX sets it at 70 % of its
#: formula, and nothing on screen is under 20 px at 720p (tests/scenes/test_legibility.py).
SCRIPT_FLOOR = 29


def _tick_size(label: str, size: float) -> float:
    """A tick number's font size: ``size``, or larger if it carries a power of ten."""
    return max(size, SCRIPT_FLOOR) if "^" in label else size


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


class PlotAxes(Axes):
    """Manim ``Axes`` drawn like the post's matplotlib figures, with helpers for the data.

    The coordinate system is a normal ``Axes`` (``c2p``, ``p2c``, ``plot`` all work); its own axis
    lines are invisible. On top sit: a grid at every tick (:attr:`grid`), the y = 0 line when 0 is
    inside the y range (:attr:`zero_line`), spines at the left and bottom (:attr:`spines`), tick
    numbers outside the plot (:attr:`numbers`) and the axis labels (:attr:`x_label`,
    :attr:`y_label`, LaTeX). Nothing drawn by this class lies inside the plot area except the grid,
    so curves and labels inside never collide with tick numbers.

    Use :func:`fitted_axes` to choose the ranges from a function's values.

    Attributes
    ----------
    x_box, y_box : tuple of float
        The visible data ranges ``(min, max)`` (the axes' ranges).
    """

    def __init__(
        self,
        x_range: Sequence[float],
        y_range: Sequence[float],
        *,
        x_length: float,
        y_length: float,
        x_label: str | None = "x",
        y_label: str | None = "f(x)",
        grid: bool = True,
        x_numbers: bool = True,
        number_size: float = style.SIZE_TICK,
        label_size: float = style.SIZE_LABEL,
    ) -> None:
        super().__init__(
            x_range=list(x_range),
            y_range=list(y_range),
            x_length=x_length,
            y_length=y_length,
            tips=False,
            axis_config={
                "include_ticks": False,
                "stroke_opacity": 0.0,
                "stroke_width": 0.0,
                "include_numbers": False,
            },
        )
        x0, x1, xs = (float(v) for v in x_range)
        y0, y1, ys = (float(v) for v in y_range)
        self.x_box = (x0, x1)
        self.y_box = (y0, y1)
        self.x_ticks = np.round(np.arange(x0, x1 + xs * 0.5, xs), 12)
        self.y_ticks = np.round(np.arange(y0, y1 + ys * 0.5, ys), 12)

        self.grid = VGroup()
        if grid:
            for x in self.x_ticks[1:-1]:
                self.grid.add(Line(self.c2p(x, y0), self.c2p(x, y1)))
            for y in self.y_ticks[1:-1]:
                self.grid.add(Line(self.c2p(x0, y), self.c2p(x1, y)))
            # close the box lightly on the top and right
            self.grid.add(Line(self.c2p(x0, y1), self.c2p(x1, y1)))
            self.grid.add(Line(self.c2p(x1, y0), self.c2p(x1, y1)))
            self.grid.set_stroke(style.GRID, style.STROKE_GRID, opacity=style.GRID_OPACITY)
        self.zero_line = VGroup()
        if y0 < 0 < y1:
            self.zero_line.add(
                Line(self.c2p(x0, 0), self.c2p(x1, 0)).set_stroke(style.MID_GREY, 1.5)
            )
        if x0 < 0 < x1:
            self.zero_line.add(
                Line(self.c2p(0, y0), self.c2p(0, y1)).set_stroke(style.MID_GREY, 1.5)
            )
        self.spines = VGroup(
            Line(self.c2p(x0, y0), self.c2p(x1, y0)),
            Line(self.c2p(x0, y0), self.c2p(x0, y1)),
        ).set_stroke(style.AXIS, style.STROKE_AXIS)
        tick = 0.08
        ticks = VGroup(
            *(Line(self.c2p(x, y0), self.c2p(x, y0) + DOWN * tick) for x in self.x_ticks),
            *(Line(self.c2p(x0, y), self.c2p(x0, y) + LEFT * tick) for y in self.y_ticks),
        ).set_stroke(style.AXIS, style.STROKE_AXIS)
        self.spines.add(ticks)

        # tick numbers that read at any scale: 0.25, 25000, 250,000, 14 x 10^7 (tick_labels)
        x_strings = tick_labels(self.x_ticks, xs) if x_numbers else []
        self.x_numbers = VGroup(
            *(
                MathTex(label, font_size=_tick_size(label, number_size), color=style.TEXT_DIM)
                .next_to(self.c2p(x, y0), DOWN, buff=0.16)
                for x, label in zip(self.x_ticks, x_strings, strict=False)
            )
        )
        self.y_numbers = VGroup(
            *(
                MathTex(label, font_size=_tick_size(label, number_size), color=style.TEXT_DIM)
                .next_to(self.c2p(x0, y), LEFT, buff=0.16)
                for y, label in zip(self.y_ticks, tick_labels(self.y_ticks, ys), strict=True)
            )
        )
        self.numbers = VGroup(self.x_numbers, self.y_numbers)
        self.x_label = VGroup()
        self.y_label = VGroup()
        if x_label:
            self.x_label = MathTex(x_label, font_size=label_size, color=style.TEXT)
            # right of the last tick number, on its row: clear of the plot and of the numbers
            if x_numbers:
                self.x_label.next_to(self.x_numbers[-1], RIGHT, buff=0.3)
            else:
                self.x_label.next_to(self.c2p(x1, y0), RIGHT, buff=0.3)
        if y_label:
            self.y_label = MathTex(y_label, font_size=label_size, color=style.TEXT)
            self.y_label.next_to(self.c2p(x0, y1), UP, buff=0.2)
        self.labels = VGroup(self.x_label, self.y_label)
        self.add(self.grid, self.zero_line, self.spines, self.numbers, self.labels)

    def contains(self, x: float, y: float) -> bool:
        """Whether the data point lies inside the visible ranges."""
        (x0, x1), (y0, y1) = self.x_box, self.y_box
        return x0 <= x <= x1 and y0 <= y <= y1

    def plot_function(
        self,
        f: Callable[[np.ndarray], np.ndarray],
        x_min: float,
        x_max: float,
        *,
        color: str | None = None,
        stroke_width: float = style.STROKE_CURVE,
        samples: int = 241,
    ) -> VMobject:
        """The graph of a vectorized ``f`` on ``[x_min, x_max]``, sampled once with numpy
        (``samples`` points, smooth Bezier through them), clipped to the visible y range;
        ``color`` defaults to the theme's ``CURVE``."""
        color = style.CURVE if color is None else color
        xs = np.linspace(x_min, x_max, samples)
        ys = np.asarray(f(xs), dtype=float)
        (y0, y1) = self.y_box
        ys = np.clip(ys, y0, y1)
        graph = VMobject()
        graph.set_points_smoothly(self.c2p_array(xs, ys))
        graph.set_stroke(color, stroke_width).set_fill(opacity=0)
        return graph

    def c2p_array(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """Vectorized ``c2p`` for arrays of data coordinates (an (n, 3) array of points)."""
        origin = self.c2p(0, 0)
        ex = self.c2p(1, 0) - origin
        ey = self.c2p(0, 1) - origin
        xs = np.asarray(xs, dtype=float)[:, None]
        ys = np.asarray(ys, dtype=float)[:, None]
        return origin + xs * ex + ys * ey


def fitted_axes(
    f: Callable[[np.ndarray], np.ndarray],
    x_min: float,
    x_max: float,
    *,
    x_length: float,
    y_length: float,
    extra_y: Iterable[float] = (),
    samples: int = 401,
    margin: float = 0.08,
    max_x_ticks: int = 7,
    max_y_ticks: int = 6,
    **kwargs: Any,
) -> PlotAxes:
    """:class:`PlotAxes` whose ranges fit ``f`` on ``[x_min, x_max]``.

    The x range is ``[x_min, x_max]`` widened to the nearest nice ticks; the y range covers the
    sampled values of ``f`` (and any ``extra_y``) with ``margin`` on each side, includes 0 when
    it is close (a positive function sits on its x-axis, as in the post), and ends on nice ticks.
    Other keyword arguments go to :class:`PlotAxes` (``x_label``, ``y_label``, ``grid``...).
    """
    xs = np.linspace(x_min, x_max, samples)
    with np.errstate(all="ignore"):
        ys = np.asarray(f(xs), dtype=float)
    ys = np.concatenate([ys[np.isfinite(ys)], np.asarray(list(extra_y), dtype=float)])
    if ys.size == 0:
        raise ValueError("f: no finite value on [x_min, x_max]")
    x_range = nice_range(x_min, x_max, max_ticks=max_x_ticks)
    y_range = nice_range(
        float(ys.min()), float(ys.max()), max_ticks=max_y_ticks, margin=margin, zero=0.3
    )
    return PlotAxes(x_range, y_range, x_length=x_length, y_length=y_length, **kwargs)


def keep_in_frame(mob: Any, margin: float = style.MARGIN) -> Any:
    """Shift ``mob`` (never scale it) so that it lies ``margin`` inside the frame where it can;
    e.g. axes whose tick numbers are wide (``25000``) move right. Returns ``mob``."""
    from manim import config

    half_w, half_h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
    dx = max(0.0, -half_w - mob.get_left()[0]) - max(0.0, mob.get_right()[0] - half_w)
    dy = max(0.0, -half_h - mob.get_bottom()[1]) - max(0.0, mob.get_top()[1] - half_h)
    mob.shift(RIGHT * dx + UP * dy)
    return mob


# ---------------------------------------------------------------------------------------------
# lines on axes


class SlopeLine(Protocol):
    """Anything with ``slope`` and ``intercept`` (e.g. :class:`core.calculus.Line`)."""

    slope: float
    intercept: float


def clip_line(
    slope: float,
    intercept: float,
    x_box: tuple[float, float],
    y_box: tuple[float, float],
    x_range: tuple[float, float] | None = None,
) -> tuple[float, float] | None:
    """The x-interval where ``y = slope*x + intercept`` lies inside the box (and ``x_range``).

    Returns ``None`` when the line misses the box.

    >>> clip_line(0.22, -0.18, (0, 12), (0, 5))
    (0.8181818181818181, 12.0)
    >>> clip_line(1.0, 10.0, (0, 1), (0, 1)) is None
    True
    """
    lo, hi = x_box
    if x_range is not None:
        lo, hi = max(lo, x_range[0]), min(hi, x_range[1])
    y0, y1 = y_box
    if slope != 0:
        xa, xb = sorted(((y0 - intercept) / slope, (y1 - intercept) / slope))
        lo, hi = max(lo, xa), min(hi, xb)
    elif not y0 <= intercept <= y1:
        return None
    if hi < lo:
        return None
    return float(lo), float(hi)


def put_line_on_axes(
    mob: VMobject,
    axes: PlotAxes,
    line: SlopeLine,
    *,
    x_range: tuple[float, float] | None = None,
    center: float | None = None,
    length: float | None = None,
) -> VMobject:
    """Move ``mob`` (a ``Line`` or any VMobject) onto ``line`` in ``axes``, clipped to the plot.

    With ``length`` (screen units) and ``center`` (an x), draw only a segment of that length
    centred at ``(center, line(center))``, still clipped. Cheap enough for updaters: no new
    mobject, just two corners. A line that misses the plot collapses to an invisible point.
    """
    if length is not None:
        cx = float(line.x0 if center is None else center)  # type: ignore[attr-defined]
        d = axes.c2p(1, line.slope) - axes.c2p(0, 0)
        half_dx = 0.5 * length / float(np.linalg.norm(d))
        x_range = (cx - half_dx, cx + half_dx)
    span = clip_line(line.slope, line.intercept, axes.x_box, axes.y_box, x_range)
    if span is None:
        p = axes.c2p(*axes.x_box[:1], axes.y_box[0])
        mob.set_points_as_corners([p, p])
        return mob
    xa, xb = span
    ya, yb = line.slope * xa + line.intercept, line.slope * xb + line.intercept
    mob.set_points_as_corners([axes.c2p(xa, ya), axes.c2p(xb, yb)])
    return mob


def line_on_axes(
    axes: PlotAxes,
    line: SlopeLine,
    *,
    color: str | None = None,
    stroke_width: float = style.STROKE_LINE,
    x_range: tuple[float, float] | None = None,
    center: float | None = None,
    length: float | None = None,
) -> Line:
    """A new manim ``Line`` drawing ``line`` on ``axes``, clipped to the plot area (see
    :func:`put_line_on_axes` for the arguments)."""
    color = style.TANGENT if color is None else color
    mob = Line(ORIGIN, RIGHT, color=color, stroke_width=stroke_width)
    return put_line_on_axes(mob, axes, line, x_range=x_range, center=center, length=length)


# ---------------------------------------------------------------------------------------------
# live numbers without LaTeX per frame

_GLYPHS = "0123456789.-+"


#: The faces a :class:`GlyphNumber` can be drawn in: LaTeX's (beside maths, ``h = 0.5``) or the
#: style font's (beside words, ``slope = 0.22``), so that a readout keeps to one typeface.
FACES = ("math", "sans")


@lru_cache(maxsize=32)
def _atlas(font_size: float, face: str = "math") -> dict[str, tuple[np.ndarray, float, float]]:
    """Glyph outlines for ``0-9 . - +`` at ``font_size`` in ``face``: char -> (points relative to
    the glyph's left edge on the baseline, ink width, advance). Typeset once per size and face."""
    if face == "math":
        glyphs = MathTex(_GLYPHS, font_size=font_size)[0]
    elif face == "sans":  # Pango, in the style font; "-" is drawn as the minus sign U+2212
        glyphs = Text(_GLYPHS.replace("-", "\u2212"), font=style.FONT, font_size=font_size)
    else:
        raise ValueError(f"face must be one of {FACES}, got {face!r}")
    if len(glyphs) != len(_GLYPHS):  # pragma: no cover - depends on the TeX installation
        raise RuntimeError(f"expected {len(_GLYPHS)} glyphs, {face} gave {len(glyphs)}")
    baseline = glyphs[1].get_bottom()[1]  # "1" sits exactly on the baseline
    digit_centres = [g.get_center()[0] for g in glyphs[:10]]
    digit_advance = (digit_centres[9] - digit_centres[0]) / 9
    em = digit_advance * 2  # a digit is about half an em wide
    out: dict[str, tuple[np.ndarray, float, float]] = {}
    for ch, g in zip(_GLYPHS, glyphs, strict=True):
        pts = np.concatenate([m.points for m in g.family_members_with_points()])
        left = g.get_left()[0]
        rel = pts - np.array([left, baseline, 0.0])
        width = g.width
        if ch.isdigit():
            advance = digit_advance
        elif ch == ".":  # side bearings split evenly around the dot
            rel = rel + np.array([0.07 * em, 0.0, 0.0])
            advance = width + 0.14 * em
        else:  # a unary sign, set tight to its number
            advance = width + 0.12 * em
        out[ch] = (rel, width, advance)
    return out


class GlyphNumber(VMobject):
    """A number that can change every frame at almost no cost.

    The glyphs ``0-9 . - +`` are typeset by LaTeX once (per font size, cached); :meth:`set_value`
    only lays out copies of their outlines, so the number matches ``MathTex`` text (or, with
    ``face="sans"``, the style font's ``Text``) exactly while
    costing microseconds instead of re-parsing SVG (``DecimalNumber.set_value``). Digits have a
    fixed advance (tabular figures), so a changing number does not jiggle.

    The number stays where you put it: moving, scaling or animating the mobject moves its anchor
    (left end of the baseline), and later updates keep to it.

    Parameters
    ----------
    value : float
        The first value.
    fmt : callable or str
        ``fmt(value) -> str`` or a format string such as ``"{:.4f}"``; the result may contain only
        ``0-9 . - +`` (``-`` is drawn as a minus sign).
    size : float
        Manim ``font_size``.
    color : str
        Fill colour.
    face : {"math", "sans"}
        LaTeX's digits (beside maths) or the style font's (beside words).

    Attributes
    ----------
    value : float
        The value shown.
    string : str
        Its text.
    """

    def __init__(
        self,
        value: float = 0.0,
        *,
        fmt: Callable[[float], str] | str = "{:.2f}",
        size: float = style.SIZE_READOUT,
        color: str | None = None,
        face: str = "math",
        **kwargs: Any,
    ) -> None:
        color = style.TEXT if color is None else color
        super().__init__(fill_color=color, fill_opacity=1.0, stroke_width=0, **kwargs)
        self.fmt = fmt.format if isinstance(fmt, str) else fmt
        self.size = size
        self.face = face
        self._glyphs = _atlas(float(size), face)
        self.body = VMobject(fill_color=color, fill_opacity=1.0, stroke_width=0)
        # anchor: left end of the baseline; a second point 0.1 to its right measures the scale
        self._origin = VectorizedPoint(ORIGIN)
        self._unit = VectorizedPoint(RIGHT * 0.1)
        self.add(self.body, self._origin, self._unit)
        self.value = float("nan")
        self.string = ""
        self.set_value(value)

    def set_value(self, value: float) -> GlyphNumber:
        """Show ``value`` (formatted with ``fmt``); returns self."""
        value = float(value)
        s = self.fmt(value)
        self.value = value
        if s == self.string:
            return self
        for ch in s:
            if ch not in self._glyphs:
                raise ValueError(f"GlyphNumber: cannot draw {ch!r} in {s!r} (only {_GLYPHS!r})")
        origin = self._origin.get_center()
        scale = self.scale_factor
        parts = []
        cursor = 0.0
        for ch in s:
            rel, width, advance = self._glyphs[ch]
            offset = cursor + (advance - width) / 2 if ch.isdigit() else cursor
            parts.append(rel + np.array([offset, 0.0, 0.0]))
            cursor += advance
        if parts:
            self.body.points = origin + scale * np.concatenate(parts)
        else:
            self.body.clear_points()
        self.string = s
        return self

    def get_value(self) -> float:
        return self.value

    @property
    def anchor(self) -> np.ndarray:
        """Where the number stands: the left end of its baseline."""
        return self._origin.get_center()

    @property
    def scale_factor(self) -> float:
        """How much the number has been scaled since it was made (1: not at all)."""
        return float(np.linalg.norm(self._unit.get_center() - self._origin.get_center())) / 0.1

    @property
    def font_size(self) -> float:
        """The ``font_size`` it is drawn at now: ``size`` times :attr:`scale_factor`."""
        return self.size * self.scale_factor


class ScaledNumber(GlyphNumber):
    """A live number read as :class:`NumberFormat` reads it at ``scale``: ``0.22000``, or a
    mantissa times a power of ten whose exponent follows the value (``6.00000 × 10⁹``, the
    exponent a small :class:`GlyphNumber`, never below ``style.SIZE_SMALL``). A value that is not
    finite shows nothing.

    Its anchor, like :class:`GlyphNumber`'s, is the left end of the mantissa's baseline.
    """

    def __init__(
        self,
        value: float = 0.0,
        *,
        scale: float,
        digits: int = 6,
        size: float = style.SIZE_READOUT,
        color: str | None = None,
        face: str = "math",
        **kwargs: Any,
    ) -> None:
        self.format = NumberFormat(scale, digits)
        self._power = ""
        super().__init__(value, fmt=lambda v: self.format.parts(v)[0], size=size, color=color,
                         face=face, **kwargs)
        color = style.TEXT if color is None else color
        if face == "sans":
            self.times = Text("\u00d7 10", font=style.FONT, font_size=size, color=color)
        else:
            self.times = MathTex(r"\times 10", font_size=size, color=color)
        self.power = GlyphNumber(0.0, fmt=lambda v: self._power,
                                 size=max(style.SIZE_SMALL, 0.7 * size), color=color, face=face)
        self.add(self.times, self.power)
        self._placed = None
        self.set_value(value)

    def set_value(self, value: float) -> ScaledNumber:
        """Show ``value``; returns self."""
        self._power = self.format.parts(value)[1]
        super().set_value(value)
        if not hasattr(self, "times"):  # still in GlyphNumber.__init__
            return self
        self.power.set_value(value)
        key = (self.string, self._power)
        if key != self._placed:
            self._placed = key
            shown = 1.0 if self._power and self.string else 0.0
            self.times.set_fill(opacity=shown)
            origin = self._origin.get_center()
            scale = float(np.linalg.norm(self._unit.get_center() - origin)) / 0.1
            right = self.body.get_right()[0] if self.body.has_points() else origin[0]
            self.times.next_to([right, origin[1], 0], RIGHT, buff=0.12 * scale)
            self.times.shift(UP * (origin[1] - self.times.get_bottom()[1]))  # "10" on the baseline
            # the exponent's baseline at about half the height of "10"
            anchor = np.array([self.times.get_right()[0] + 0.05 * scale,
                               origin[1] + 0.5 * self.times.height, 0.0])
            self.power.shift(anchor - self.power._origin.get_center())
        return self


class Readout(VGroup):
    """A label, ``=``, and a live :class:`GlyphNumber`: ``slope = 0.22002``, in one typeface.

    A LaTeX label (``"h"``) gets LaTeX's ``=`` and digits at ``size``; a label of words (a
    :func:`text`, or a group holding one) gets the style font's ``=`` and digits at the words'
    own size, so that a readout never sets sans words beside serif digits.

    Parameters
    ----------
    label : Mobject or str
        The label; a ``str`` is typeset as LaTeX (``"h"``) in ``label_color``. Pass a
        :func:`text` for words.
    value, fmt, size
        As for :class:`GlyphNumber` (``size`` is the LaTeX size; words set their own).
    scale : float, optional
        The magnitude of the values to show: the number is then a :class:`ScaledNumber`
        (``fmt`` is not used), readable from 1e-6 to 1e10.
    color : str
        Colour of the number.
    label_color : str
        Colour of a LaTeX label given as a string.

    Attributes
    ----------
    label, equals, number
        The parts (``number`` is the :class:`GlyphNumber`).
    face : str
        ``"math"`` or ``"sans"``: the typeface of ``=`` and the number.

    Examples
    --------
    ``readout = Readout("h", value=4.0, fmt=format_sig)`` then, in the scene,
    ``readout.track(lambda: h_tracker.get_value())`` (an updater; the number follows the tracker).
    """

    def __init__(
        self,
        label: Any,
        *,
        value: float = 0.0,
        fmt: Callable[[float], str] | str = "{:.2f}",
        size: float = style.SIZE_READOUT,
        color: str | None = None,
        label_color: str | None = None,
        scale: float | None = None,
        **kwargs: Any,
    ) -> None:
        label_color = style.TEXT if label_color is None else label_color
        if isinstance(label, str):
            label = MathTex(label, font_size=size, color=label_color)
        self.label = label
        words = [m for m in label.get_family() if isinstance(m, Text)]
        self.face = "sans" if words else "math"
        if words:  # the words' face and size for "=" and the digits
            size = min(w.font_size for w in words)
            self.equals = Text("=", font=style.FONT, font_size=size, color=style.TEXT)
        else:
            self.equals = MathTex("=", font_size=size, color=style.TEXT)
        face = self.face
        if scale is None:
            self.number = GlyphNumber(value, fmt=fmt, size=size, color=color, face=face)
        elif NumberFormat(scale).scientific:  # read at any magnitude (fmt unused); four
            # significant digits keep "secant slope = 6.004 × 10⁹" within a column
            self.number = ScaledNumber(value, scale=scale, digits=4, size=size, color=color,
                                       face=face)
        else:  # fixed decimals for the scale (fmt unused)
            fixed = NumberFormat(scale)
            self.number = GlyphNumber(value, fmt=lambda v: fixed.parts(v)[0], size=size,
                                      color=color, face=face)
        super().__init__(self.label, self.equals, self.number, **kwargs)
        self.equals.next_to(self.label, RIGHT, buff=0.18)
        # the number's baseline on the "=" sign's: "=" is centred on the math axis (and on the
        # height of a digit in the style font)
        axis_y = self.equals.get_center()[1]
        digit_h = self.number.body.height if self.number.body.has_points() else size / 140
        self.number.next_to(self.equals, RIGHT, buff=0.18)
        self.number.shift(UP * (axis_y - (self.number._origin.get_center()[1] + digit_h / 2)))

    @property
    def value(self) -> float:
        return self.number.value

    def set_value(self, value: float) -> Readout:
        self.number.set_value(value)
        return self

    def track(self, getter: Callable[[], float]) -> Readout:
        """Add an updater so the number always shows ``getter()``; returns self."""
        self.number.add_updater(lambda m: m.set_value(getter()))
        return self
