"""The two themes: every role legible on its background (WCAG contrast), Okabe-Ito hues kept,
and no scene naming a colour of its own."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest

from scenes import style

ROOT = Path(__file__).resolve().parent.parent
#: Okabe & Ito (2008): the hues both themes keep.
OKABE_ITO = {
    "ORANGE": "#E69F00", "SKY_BLUE": "#56B4E9", "BLUISH_GREEN": "#009E73", "YELLOW": "#F0E442",
    "BLUE": "#0072B2", "VERMILLION": "#D55E00", "REDDISH_PURPLE": "#CC79A7",
}


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # WCAG's own example


def _colours(theme: str):
    """(name, colour) of every coloured role of a theme, tangent colours one by one."""
    for name, value in style.THEMES[theme].items():
        if isinstance(value, tuple):
            yield from ((f"{name}[{i}]", v) for i, v in enumerate(value))
        else:
            yield name, value


@pytest.mark.parametrize("theme", sorted(style.THEMES))
def test_every_role_is_legible_on_the_background(theme):
    colours = style.THEMES[theme]
    background = colours["BACKGROUND"]
    failures = []
    for name, value in _colours(theme):
        if name in style.DECORATION:
            continue
        need = 3.0 if name in style.GRAPHICS_ONLY else 4.5
        if contrast(value, background) < need:
            failures.append(f"{name} {value}: {contrast(value, background):.2f} < {need}")
    assert not failures, f"{theme}: " + "; ".join(failures)


@pytest.mark.parametrize("theme", sorted(style.THEMES))
def test_code_is_legible_on_its_panel(theme):
    colours = style.THEMES[theme]
    for name in ("CODE_TEXT", "CODE_KEYWORD", "CODE_FUNCTION", "CODE_NUMBER", "CODE_OPERATOR",
                 "CODE_STRING", "TEXT", "TEXT_DIM"):
        assert contrast(colours[name], colours["PANEL"]) >= 4.5, name


@pytest.mark.parametrize("theme", sorted(style.THEMES))
def test_okabe_ito_hues_are_kept(theme):
    for name, original in OKABE_ITO.items():
        for variant in (name, name + "_LIGHT"):
            if variant not in style.THEMES[theme]:
                continue
            h0 = colorsys.rgb_to_hls(*_rgb(original))[0]
            h1 = colorsys.rgb_to_hls(*_rgb(style.THEMES[theme][variant]))[0]
            turn = min(abs(h1 - h0), 1 - abs(h1 - h0)) * 360
            assert turn < 8, f"{theme} {variant}: hue moved {turn:.1f} degrees"


def test_use_theme_switches_every_name_and_rejects_unknown_ones():
    try:
        style.use_theme("light")
        assert style.BACKGROUND == "#FFFFFF" and style.CURVE == style.THEMES["light"]["CURVE"]
        style.use_theme("dark")
        assert style.CURVE == style.THEMES["dark"]["CURVE"]
        with pytest.raises(ValueError, match="theme must be one of"):
            style.use_theme("sepia")
    finally:
        style.use_theme("dark")


@pytest.mark.parametrize("path", sorted((ROOT / "scenes").glob("*.py")), ids=lambda p: p.name)
def test_no_scene_names_a_colour(path):
    if path.name == "style.py":
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line
        assert not re.search(r"#[0-9A-Fa-f]{6}\b", code), f"{path.name}:{number}: {line.strip()}"
        for m in re.finditer(r"(?<![\w.])(WHITE|BLACK|GRAY|GREY|RED|GREEN|BLUE|YELLOW|ORANGE|"
                             r"PURPLE|PINK|TEAL|GOLD|MAROON)(_[A-E])?\b", code):
            raise AssertionError(f"{path.name}:{number}: manim colour {m.group(0)}: {line.strip()}")
