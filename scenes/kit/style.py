"""bibun's look, in one place: colours, fonts, sizes and stroke widths.

The palette is Okabe & Ito's (2008) eight colours, safe for the common forms of colour-blindness,
in two themes: ``dark`` (light ink on near-black, the videos' default) and ``light`` (dark ink on
white, for blog pages; the post's own figures were black on white). ``manim -t`` drops the
background for the figures, and the ink stays the theme's. Every scene refers to a colour by its
*role* (``CURVE``, ``SECANT``, ``H_LEG``...), never by its hue, so one edit here restyles
everything; :func:`use_theme` switches every name at once. Pairs that must be told apart on
screen (secant/tangent, the two legs of the difference quotient, the tangents at different
points) differ in lightness as well as hue, so they survive greyscale too.

Sizes are Manim units (the frame is 8 units high). ``font_size`` is Manim's (48 is the default
``Text`` size); nothing on screen is smaller than ``SIZE_SMALL``, which is still legible at 480p.
"""

from __future__ import annotations

__all__ = [  # grouped by kind, not sorted
    # themes
    "THEMES", "THEME", "use_theme", "DECORATION", "GRAPHICS_ONLY",
    # raw palette
    "BLACK", "ORANGE", "SKY_BLUE", "BLUISH_GREEN", "YELLOW", "BLUE", "VERMILLION",
    "REDDISH_PURPLE", "WHITE", "LIGHT_GREY", "MID_GREY", "DARK_GREY",
    "BLUISH_GREEN_LIGHT", "VERMILLION_LIGHT", "BLUE_LIGHT",
    # roles
    "BACKGROUND", "TEXT", "TEXT_DIM", "AXIS", "GRID", "CURVE", "DERIVATIVE_CURVE", "POINT",
    "POINT_Q", "SECANT", "TANGENT", "H_LEG", "DF_LEG", "TANGENT_COLORS", "KEPT_TANGENT_COLORS",
    "HIGHLIGHT",
    "TRAJECTORY", "DRAG_FREE", "VELOCITY", "CHORD", "APEX", "CANNON", "GROUND", "TARGET",
    "MISS", "TRUNCATION", "ROUNDING", "TOTAL_ERROR", "OPTIMUM", "FORWARD", "GRADIENT",
    "LOCAL_SLOPE", "CODE_BACKGROUND", "PANEL",
    "CODE_TEXT", "CODE_KEYWORD", "CODE_FUNCTION", "CODE_NUMBER", "CODE_OPERATOR", "CODE_COMMENT",
    "CODE_STRING",
    # fonts and sizes
    "FONT", "MONO_FONT", "SIZE_TITLE", "SIZE_LABEL", "SIZE_BODY", "SIZE_SMALL", "SIZE_MATH",
    "SIZE_READOUT", "SIZE_READOUT_LABEL", "SIZE_TICK", "SIZE_CODE",
    # strokes and dots
    "STROKE_CURVE", "STROKE_LINE", "STROKE_THIN", "STROKE_AXIS", "STROKE_GRID", "GRID_OPACITY",
    "DOT_RADIUS", "DOT_RADIUS_SMALL", "DASH_LENGTH",
    # layout
    "MARGIN", "BUFF", "BUFF_SMALL", "PANEL_OPACITY",
    # timing
    "BEAT", "READ", "SHORT",
]

# --- the two themes ------------------------------------------------------------------------
# Each theme maps every colour name below to a hex string. Roles name what a colour is *for*;
# the raw names (ORANGE, SKY_BLUE...) are Okabe & Ito's hues, brightened for the dark theme and
# darkened for the light one (same hue, other lightness) so that every role keeps its contrast:
# WCAG 4.5:1 for text and axes, 3:1 for curves, lines and dots (tests/scenes/test_style.py).

_DARK_RAW = {
    "BLACK": "#000000",
    "ORANGE": "#E69F00",
    "SKY_BLUE": "#56B4E9",
    "BLUISH_GREEN": "#009E73",
    "YELLOW": "#F0E442",
    "BLUE": "#0072B2",
    "VERMILLION": "#D55E00",
    "REDDISH_PURPLE": "#CC79A7",
    # neutrals for text, axes and grid
    "WHITE": "#F2F2F2",
    "LIGHT_GREY": "#BFC4CC",
    "MID_GREY": "#8A919C",
    "DARK_GREY": "#3A4049",
    # the darker originals lightened (same hue): dim as thin strokes and small text at 480p
    "BLUISH_GREEN_LIGHT": "#35C79D",
    "VERMILLION_LIGHT": "#EC6F2D",
    "BLUE_LIGHT": "#3D95D6",
    # surfaces
    "BACKGROUND": "#15181D",  # near-black, slightly blue
    "PANEL": "#22272F",  # a code block or inset panel: a touch lighter than the background
}

#: On white, each hue darkened until it reads as text (4.5:1, on the code panel too): the post's
#: figures were dark ink on white. The "_LIGHT" variants (light on a dark page) are the same
#: inks here.
_LIGHT_RAW = {
    "BLACK": "#000000",
    "ORANGE": "#926500",
    "SKY_BLUE": "#1674A9",
    "BLUISH_GREEN": "#007C5A",
    "YELLOW": "#776E09",
    "BLUE": "#00609A",
    "VERMILLION": "#B44F00",
    "REDDISH_PURPLE": "#B24481",
    "WHITE": "#16191E",  # the "white" of the dark theme is the ink of the light one
    "LIGHT_GREY": "#474D56",
    "MID_GREY": "#6E7580",
    "DARK_GREY": "#C9CED6",
    "BLUISH_GREEN_LIGHT": "#007C5A",
    "VERMILLION_LIGHT": "#B44F00",
    "BLUE_LIGHT": "#00609A",
    "BACKGROUND": "#FFFFFF",
    "PANEL": "#F1F3F6",
}


def _roles(c: dict[str, str]) -> dict[str, object]:
    """Every role, from a theme's raw colours ``c``."""
    return {
        **c,
        # --- general
        "TEXT": c["WHITE"],
        "TEXT_DIM": c["LIGHT_GREY"],  # secondary text: captions, units, code comments
        "AXIS": c["LIGHT_GREY"],
        "GRID": c["DARK_GREY"],
        "HIGHLIGHT": c["YELLOW"],  # a box or flash drawing the eye to something
        "CODE_BACKGROUND": c["PANEL"],
        # --- the calculus scenes
        "CURVE": c["SKY_BLUE"],  # f(x)
        # f'(x), traced in TangentSweep: made of the tangents' slopes, so in the tangent's colour
        "DERIVATIVE_CURVE": c["VERMILLION_LIGHT"],
        "POINT": c["WHITE"],  # P, the point of tangency
        "POINT_Q": c["LIGHT_GREY"],  # Q = (x + h, f(x + h))
        # the secant PQ: yellow beside the vermillion tangent, far apart in both themes (CIEDE2000
        # 42 on dark, 28 on light; orange was 21 and 16); no other role drawn beside them is
        # yellow (HIGHLIGHT is, but a highlight never sits on a secant)
        "SECANT": c["YELLOW"],
        "TANGENT": c["VERMILLION_LIGHT"],  # the tangent at P (redder, and darker on dark)
        "H_LEG": c["BLUISH_GREEN_LIGHT"],  # the horizontal leg h, and h in the formula
        "DF_LEG": c["REDDISH_PURPLE"],  # the vertical leg f(x+h) - f(x), and that numerator
        # tangents left behind at each tangent point, in order; up to six. None of them is the
        # moving tangent's TANGENT or the curve's CURVE.
        "TANGENT_COLORS": (c["ORANGE"], c["BLUISH_GREEN_LIGHT"], c["REDDISH_PURPLE"],
                           c["YELLOW"], c["BLUE_LIGHT"], c["WHITE"]),
        # the tangents TangentSweep leaves behind, beside its moving TANGENT: each clearly apart
        # from it and from CURVE (CIEDE2000 at least 25 in both themes; ORANGE was 21 and 16)
        "KEPT_TANGENT_COLORS": (c["YELLOW"], c["BLUISH_GREEN_LIGHT"], c["REDDISH_PURPLE"],
                                c["WHITE"]),
        # --- the cannonball and aiming scenes
        "TRAJECTORY": c["SKY_BLUE"],  # the flight with drag
        "DRAG_FREE": c["MID_GREY"],  # the vacuum parabola, drawn dashed
        "VELOCITY": c["YELLOW"],  # instantaneous velocity arrow / tangent to the path
        "CHORD": c["ORANGE"],  # average velocity: the chord between two times
        "APEX": c["VERMILLION"],  # the apex marker (slope 0)
        "CANNON": c["LIGHT_GREY"],
        "GROUND": c["MID_GREY"],
        "TARGET": c["VERMILLION_LIGHT"],
        "MISS": c["REDDISH_PURPLE"],  # the miss distance of a shot
        # --- the step-size scene
        "TRUNCATION": c["ORANGE"],  # truncation error (slope 1 or 2 on log-log)
        "ROUNDING": c["SKY_BLUE"],  # rounding error (slope -1)
        "TOTAL_ERROR": c["WHITE"],  # measured total error
        "OPTIMUM": c["YELLOW"],  # the best step
        # --- the backpropagation scene
        "FORWARD": c["SKY_BLUE"],  # a node's value, computed forwards
        "GRADIENT": c["REDDISH_PURPLE"],  # ∂L/∂(node), passed backwards
        "LOCAL_SLOPE": c["VERMILLION_LIGHT"],  # a stage's own derivative: a tangent's slope
        # --- code blocks (syntax colours, used by scenes.kit.typography.code_block)
        "CODE_TEXT": c["WHITE"],
        "CODE_KEYWORD": c["REDDISH_PURPLE"],  # def, return
        "CODE_FUNCTION": c["SKY_BLUE"],  # names of defined functions
        "CODE_NUMBER": c["ORANGE"],
        "CODE_OPERATOR": c["LIGHT_GREY"],
        "CODE_COMMENT": c["MID_GREY"],
        "CODE_STRING": c["BLUISH_GREEN_LIGHT"],
    }


#: Every colour name of every theme: ``THEMES["light"]["CURVE"]``.
THEMES: dict[str, dict[str, object]] = {"dark": _roles(_DARK_RAW), "light": _roles(_LIGHT_RAW)}
#: Roles that are surfaces or decoration, not information: no contrast is asked of them.
DECORATION = frozenset({"BACKGROUND", "PANEL", "CODE_BACKGROUND", "GRID", "DARK_GREY", "BLACK"})
#: Roles drawn only as strokes, fills or dots (3:1); every other colour may colour text (4.5:1).
#: (The dark theme's BLUE is Okabe-Ito's own, for strokes; text in blue uses BLUE_LIGHT.)
GRAPHICS_ONLY = frozenset({"DRAG_FREE", "GROUND", "MID_GREY", "CODE_COMMENT", "BLUE"})

# Every colour name, bound by use_theme (declared here for readers and linters).
BLACK: str
ORANGE: str
SKY_BLUE: str
BLUISH_GREEN: str
YELLOW: str
BLUE: str
VERMILLION: str
REDDISH_PURPLE: str
WHITE: str
LIGHT_GREY: str
MID_GREY: str
DARK_GREY: str
BLUISH_GREEN_LIGHT: str
VERMILLION_LIGHT: str
BLUE_LIGHT: str
BACKGROUND: str
PANEL: str
TEXT: str
TEXT_DIM: str
AXIS: str
GRID: str
HIGHLIGHT: str
CODE_BACKGROUND: str
CURVE: str
DERIVATIVE_CURVE: str
POINT: str
POINT_Q: str
SECANT: str
TANGENT: str
H_LEG: str
DF_LEG: str
TANGENT_COLORS: tuple[str, ...]
KEPT_TANGENT_COLORS: tuple[str, ...]
TRAJECTORY: str
DRAG_FREE: str
VELOCITY: str
CHORD: str
APEX: str
CANNON: str
GROUND: str
TARGET: str
MISS: str
TRUNCATION: str
ROUNDING: str
TOTAL_ERROR: str
OPTIMUM: str
FORWARD: str
GRADIENT: str
LOCAL_SLOPE: str
CODE_TEXT: str
CODE_KEYWORD: str
CODE_FUNCTION: str
CODE_NUMBER: str
CODE_OPERATOR: str
CODE_COMMENT: str
CODE_STRING: str

THEME = "dark"


def use_theme(name: str) -> None:
    """Make ``name`` ("dark" or "light") the theme every colour name of this module refers to.

    Scenes call it once, before they build anything (:func:`scenes.kit.config.prepare_scene`), and
    read colours as ``style.CURVE`` when they draw, so the whole scene follows the theme.
    """
    if name not in THEMES:
        raise ValueError(f"theme must be one of {sorted(THEMES)}, got {name!r}")
    global THEME
    THEME = name
    globals().update(THEMES[name])


use_theme("dark")  # binds every colour name listed in __all__
# --- fonts ------------------------------------------------------------------------------------
#: Every Pango ``Text`` uses this family, so English and Japanese share one design.
FONT = "Noto Sans CJK JP"
#: Code blocks.
MONO_FONT = "DejaVu Sans Mono"

# font_size values (Manim's scale; Text's default is 48)
SIZE_TITLE = 44
SIZE_LABEL = 34  # labels on the plot: P, Q, h, slope names
SIZE_BODY = 32  # captions, sentences
SIZE_SMALL = 26  # the smallest text allowed (legible at 480p)
SIZE_MATH = 44  # displayed formulas
SIZE_READOUT = 40  # live numbers and the math beside them (LaTeX looks smaller than Pango)
SIZE_READOUT_LABEL = 28  # words labelling a live number
SIZE_TICK = 26  # axis tick numbers
SIZE_CODE = 24  # code blocks (monospace is wide)

# --- strokes and dots -------------------------------------------------------------------------
STROKE_CURVE = 5
STROKE_LINE = 4  # secants, tangents, legs
STROKE_THIN = 2.5
STROKE_AXIS = 2
STROKE_GRID = 1
GRID_OPACITY = 0.6
DOT_RADIUS = 0.085
DOT_RADIUS_SMALL = 0.06
DASH_LENGTH = 0.12

# --- layout -----------------------------------------------------------------------------------
MARGIN = 0.35  # keep everything this far inside the frame edges
BUFF = 0.25
BUFF_SMALL = 0.12
PANEL_OPACITY = 0.85

# --- timing (seconds) -------------------------------------------------------------------------
BEAT = 1.0  # a pause after something moves
READ = 2.0  # time to read a new label or sentence
SHORT = 0.6  # quick transitions
