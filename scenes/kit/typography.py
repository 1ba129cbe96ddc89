"""Typography: words and maths in the style's fonts and sizes, code listings, the limit definition.

:func:`text`, :func:`variable_spans`
    Pango ``Text`` in the style font (Japanese and English alike), a variable standing alone in
    the words (``h``, ``f(x)``) set in italic as in the maths beside it.
:func:`tex`, :func:`limit_formula`
    ``MathTex`` in the style sizes with parts coloured by role; the definition of f'(x) with its
    legs in the colours of ``SecantToTangent``.
:func:`code_block`, :func:`code_font_size`
    A Python listing highlighted in the theme's code colours, and the size it is shown at.

Numbers as strings are :mod:`scenes.kit.formatting`'s; live numbers are
:mod:`scenes.kit.readouts`'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from manim import ITALIC, MathTex, Text, VMobject

from scenes.kit import style

__all__ = [
    "ITALIC_CORRECTION",
    "code_block",
    "code_font_size",
    "limit_formula",
    "tex",
    "text",
    "variable_spans",
]


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
