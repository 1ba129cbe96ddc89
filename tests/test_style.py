"""The two themes: every role legible on its background (WCAG contrast), Okabe-Ito hues kept,
and no scene naming a colour of its own."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import pytest

from scenes.kit import style

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


# --- colour difference (CIEDE2000) -----------------------------------------------------------


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _rgb(hex_colour))
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)
    fx, fy, fz = (t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
                  for t in (v / n for v, n in zip(xyz, (0.95047, 1.0, 1.08883), strict=True)))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e_2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005); about 2 is just noticeable."""
    import math

    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dhp = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    else:
        hp_bar = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30)) + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
         - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                     + r_t * (d_c / s_c) * (d_h / s_h))


def test_ciede2000_matches_published_pairs():
    # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7 and 17
    assert delta_e_2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425,
                                                                                   abs=1e-4)
    assert delta_e_2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert delta_e_2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert _lab("#FFFFFF") == pytest.approx((100, 0, 0), abs=0.01)


#: The secant scene's lines, drawn side by side; every pair must be clearly apart.
SECANT_SCENE_LINES = ("CURVE", "SECANT", "TANGENT", "H_LEG", "DF_LEG")
#: CIEDE2000 a pair of lines must differ by (the old orange secant beside the vermillion tangent
#: was 21 on dark and 16 on light: the review could not tell them apart).
CLEARLY_APART = 25.0


@pytest.mark.parametrize("theme", sorted(style.THEMES))
def test_secant_and_tangent_are_clearly_apart(theme):
    colours = style.THEMES[theme]
    d = delta_e_2000(_lab(colours["SECANT"]), _lab(colours["TANGENT"]))
    assert d >= CLEARLY_APART, f"{theme}: secant vs tangent ΔE00 = {d:.1f} < {CLEARLY_APART}"
    failures = [
        f"{a}/{b} {delta_e_2000(_lab(colours[a]), _lab(colours[b])):.1f}"
        for i, a in enumerate(SECANT_SCENE_LINES) for b in SECANT_SCENE_LINES[i + 1 :]
        if delta_e_2000(_lab(colours[a]), _lab(colours[b])) < CLEARLY_APART
    ]
    assert not failures, f"{theme}: lines too alike (ΔE00 < {CLEARLY_APART}): {failures}"
    # the traced derivative is in the tangent's colour, and no kept tangent takes it
    assert colours["DERIVATIVE_CURVE"] == colours["TANGENT"]
    assert colours["TANGENT"] not in colours["TANGENT_COLORS"]
    assert colours["CURVE"] not in colours["TANGENT_COLORS"]


@pytest.mark.parametrize("theme", sorted(style.THEMES))
def test_kept_tangents_are_clearly_apart_from_the_moving_one(theme):
    """TangentSweep draws its kept tangents beside the moving TANGENT and the CURVE."""
    colours = style.THEMES[theme]
    kept = colours["KEPT_TANGENT_COLORS"]
    for i, c in enumerate(kept):
        for other in ("TANGENT", "CURVE"):
            d = delta_e_2000(_lab(c), _lab(colours[other]))
            assert d >= CLEARLY_APART, f"{theme}: kept tangent {i} vs {other}: ΔE00 = {d:.1f}"
        for c2 in kept[i + 1 :]:
            assert delta_e_2000(_lab(c), _lab(c2)) >= CLEARLY_APART, (theme, c, c2)
