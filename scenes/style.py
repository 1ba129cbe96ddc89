"""bibun's look, in one place: colours, fonts, sizes and stroke widths. Constants only.

The palette is Okabe & Ito's (2008) eight colours, safe for the common forms of colour-blindness,
on a dark background (the videos' background; ``manim -t`` drops it for the figures). Every scene
refers to a colour by its *role* (``CURVE``, ``SECANT``, ``H_LEG``...), never by its hue, so one
edit here restyles everything. Pairs that must be told apart on screen (secant/tangent, the two
legs of the difference quotient, the tangents at different points) differ in lightness as well as
hue, so they survive greyscale too.

Sizes are Manim units (the frame is 8 units high). ``font_size`` is Manim's (48 is the default
``Text`` size); nothing on screen is smaller than ``SIZE_SMALL``, which is still legible at 480p.
"""

from __future__ import annotations

__all__ = [  # grouped by kind, not sorted
    # raw palette
    "BLACK", "ORANGE", "SKY_BLUE", "BLUISH_GREEN", "YELLOW", "BLUE", "VERMILLION",
    "REDDISH_PURPLE", "WHITE", "LIGHT_GREY", "MID_GREY", "DARK_GREY", "PALETTE",
    "BLUISH_GREEN_LIGHT", "VERMILLION_LIGHT", "BLUE_LIGHT",
    # roles
    "BACKGROUND", "TEXT", "TEXT_DIM", "AXIS", "GRID", "CURVE", "DERIVATIVE_CURVE", "POINT",
    "POINT_Q", "SECANT", "TANGENT", "H_LEG", "DF_LEG", "TANGENT_COLORS", "HIGHLIGHT",
    "TRAJECTORY", "DRAG_FREE", "VELOCITY", "CHORD", "APEX", "CANNON", "GROUND", "TARGET",
    "MISS", "TRUNCATION", "ROUNDING", "TOTAL_ERROR", "OPTIMUM", "CODE_BACKGROUND", "PANEL",
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

# --- Okabe-Ito palette (hex strings, so this module needs no manim import) --------------------
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
# neutrals for text, axes and grid
WHITE = "#F2F2F2"
LIGHT_GREY = "#BFC4CC"
MID_GREY = "#8A919C"
DARK_GREY = "#3A4049"
# Okabe-Ito hues lightened for a dark background (same hue, more luminance): the darker originals
# (bluish green, vermillion, blue) are dim as thin strokes and small text at 480p.
BLUISH_GREEN_LIGHT = "#35C79D"
VERMILLION_LIGHT = "#EC6F2D"
BLUE_LIGHT = "#3D95D6"

PALETTE = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE)

# --- roles: general ---------------------------------------------------------------------------
BACKGROUND = "#15181D"  # near-black, slightly blue; repeated in scenes/manim.cfg
TEXT = WHITE
TEXT_DIM = LIGHT_GREY  # secondary text: captions, units, code comments
AXIS = LIGHT_GREY
GRID = DARK_GREY
HIGHLIGHT = YELLOW  # a box or flash drawing the eye to something
PANEL = "#22272F"  # background of a code block / inset panel (a touch lighter than BACKGROUND)
CODE_BACKGROUND = PANEL

# --- roles: the calculus scenes ---------------------------------------------------------------
CURVE = SKY_BLUE  # f(x)
# f'(x), traced in TangentSweep: made of the tangents' slopes, so drawn in the tangent's colour
DERIVATIVE_CURVE = VERMILLION_LIGHT
POINT = WHITE  # P, the point of tangency
POINT_Q = LIGHT_GREY  # Q = (x + h, f(x + h))
SECANT = ORANGE  # the secant PQ (lighter than the tangent: tells them apart in greyscale)
TANGENT = VERMILLION_LIGHT  # the tangent at P (darker, redder than the secant)
H_LEG = BLUISH_GREEN_LIGHT  # the horizontal leg h, and h in the formula
DF_LEG = REDDISH_PURPLE  # the vertical leg f(x+h) - f(x), and that numerator in the formula
#: Tangents left behind at each tangent point (TangentSweep, TangentsFigure), in order; up to six.
#: None of them is the moving tangent's TANGENT or the curve's CURVE.
TANGENT_COLORS = (ORANGE, BLUISH_GREEN_LIGHT, REDDISH_PURPLE, YELLOW, BLUE_LIGHT, WHITE)

# --- roles: the cannonball and aiming scenes --------------------------------------------------
TRAJECTORY = SKY_BLUE  # the flight with drag
DRAG_FREE = MID_GREY  # the vacuum parabola, drawn dashed
VELOCITY = YELLOW  # instantaneous velocity arrow / tangent to the path
CHORD = ORANGE  # average velocity: the chord between two times
APEX = VERMILLION  # the apex marker (slope 0)
CANNON = LIGHT_GREY
GROUND = MID_GREY
TARGET = VERMILLION_LIGHT
MISS = REDDISH_PURPLE  # the miss distance of a shot

# --- roles: the step-size scene ---------------------------------------------------------------
TRUNCATION = ORANGE  # truncation error (slope 1 or 2 on log-log)
ROUNDING = SKY_BLUE  # rounding error (slope -1)
TOTAL_ERROR = WHITE  # measured total error
OPTIMUM = YELLOW  # the best step

# --- code blocks (syntax colours, used by scenes.common.code_block) ---------------------------
CODE_TEXT = WHITE
CODE_KEYWORD = REDDISH_PURPLE  # def, return
CODE_FUNCTION = SKY_BLUE  # names of defined functions
CODE_NUMBER = ORANGE
CODE_OPERATOR = LIGHT_GREY
CODE_COMMENT = MID_GREY
CODE_STRING = BLUISH_GREEN_LIGHT

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
