"""Where things go on the frame: its size, the safe area inside :data:`scenes.kit.style.MARGIN`,
and two ways of keeping a mobject in a region.

:data:`FRAME_W`, :data:`FRAME_H`
    The frame in scene units, manim's defaults (8 units high, 16:9: 14.222… wide); every
    bibun resolution keeps 16:9, so these hold at 320x180 as at 1080p.
:data:`LEFT_EDGE`, :data:`RIGHT_EDGE`, :data:`TOP_EDGE`, :data:`BOTTOM_EDGE`
    The safe area: the frame less :data:`scenes.kit.style.MARGIN` on each side.
:func:`fit_in_column`
    Shrink a mobject into a column (and above a floor) and shift it inside.
:func:`keep_in_frame`
    Shift a mobject (never scale it) inside the frame where it can.

Importing this module does not import manim (the functions take any mobject).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from scenes.kit import style

__all__ = [
    "BOTTOM_EDGE",
    "FRAME_H",
    "FRAME_W",
    "LEFT_EDGE",
    "RIGHT_EDGE",
    "TOP_EDGE",
    "fit_in_column",
    "keep_in_frame",
]

#: The frame's height in scene units: manim's default ``frame_height``.
FRAME_H = 8.0
#: The frame's width in scene units: manim's default ``frame_width`` (8 × 16/9 = 14.222…).
FRAME_W = FRAME_H * 16 / 9

#: The safe area's edges: the frame less :data:`scenes.kit.style.MARGIN` on each side.
LEFT_EDGE = -FRAME_W / 2 + style.MARGIN
RIGHT_EDGE = FRAME_W / 2 - style.MARGIN
TOP_EDGE = FRAME_H / 2 - style.MARGIN
BOTTOM_EDGE = -FRAME_H / 2 + style.MARGIN

_RIGHT = np.array([1.0, 0.0, 0.0])
_UP = np.array([0.0, 1.0, 0.0])


def fit_in_column(mob: Any, left: float, right: float, bottom: float | None = None) -> Any:
    """Shrink ``mob`` into the column ``[left, right]`` (and above ``bottom``) and shift it
    inside; returns ``mob``.

    A mobject wider than the column is scaled to its width; one that sticks out on a side is
    shifted in. With ``bottom``, one that reaches below it keeps its top and is shrunk to the
    height between, then shifted up to it.

    Parameters
    ----------
    mob : Mobject
        What to fit (it is moved and scaled in place).
    left, right : float
        The column's edges (x in scene units).
    bottom : float, optional
        The lowest ``mob`` may reach.
    """
    if mob.width > right - left:
        mob.scale_to_fit_width(right - left)
    if mob.get_left()[0] < left:
        mob.shift(_RIGHT * (left - mob.get_left()[0]))
    if mob.get_right()[0] > right:
        mob.shift(-_RIGHT * (mob.get_right()[0] - right))
    if bottom is not None and mob.get_bottom()[1] < bottom:
        top = mob.get_top()[1]
        if top - bottom < mob.height:
            mob.scale_to_fit_height(top - bottom).align_to([0, top, 0], _UP)
        mob.shift(_UP * max(0.0, bottom - mob.get_bottom()[1]))
    return mob


def keep_in_frame(mob: Any, margin: float = style.MARGIN) -> Any:
    """Shift ``mob`` (never scale it) so that it lies ``margin`` inside the frame where it can;
    e.g. axes whose tick numbers are wide (``25000``) move right. Returns ``mob``.

    The frame is manim's current one (``config.frame_width``), read when called.
    """
    from manim import config

    half_w, half_h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
    dx = max(0.0, -half_w - mob.get_left()[0]) - max(0.0, mob.get_right()[0] - half_w)
    dy = max(0.0, -half_h - mob.get_bottom()[1]) - max(0.0, mob.get_top()[1] - half_h)
    mob.shift(_RIGHT * dx + _UP * dy)
    return mob
