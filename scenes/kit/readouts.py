"""Live numbers that never touch LaTeX after construction, and the readouts built from them.

:class:`GlyphNumber`
    A number whose glyphs (``0-9 . - +``, in LaTeX's face or the style font's) are typeset once;
    each update only copies their outlines (a few microseconds, against ~17 ms per frame for
    ``DecimalNumber.set_value`` at 1080p60).
:class:`ScaledNumber`
    A :class:`GlyphNumber` read as :class:`scenes.kit.formatting.NumberFormat` reads it: a
    mantissa times a power of ten that follows the value (``6.00000 × 10⁹``).
:class:`Readout`
    ``label = number`` in one typeface: ``slope = 0.22002``, ``h = 1e-8``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from manim import ORIGIN, RIGHT, UP, MathTex, Text, VectorizedPoint, VGroup, VMobject

from scenes.kit import style
from scenes.kit.formatting import NumberFormat

__all__ = ["FACES", "GlyphNumber", "Readout", "ScaledNumber"]


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
    :func:`~scenes.kit.typography.text`, or a group holding one) gets the style font's ``=``
    and digits at the words' own size, so that a readout never sets sans words beside serif
    digits.

    Parameters
    ----------
    label : Mobject or str
        The label; a ``str`` is typeset as LaTeX (``"h"``) in ``label_color``. Pass a
        :func:`~scenes.kit.typography.text` for words.
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
    ``readout = Readout("h", value=4.0, fmt=format_sig)`` (with
    :func:`scenes.kit.formatting.format_sig`) then, in the scene,
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
