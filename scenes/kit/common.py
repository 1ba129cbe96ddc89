"""Only :func:`prepare_scene`, for :mod:`scenes.kit.lesson`'s import; it lives in
:mod:`scenes.kit.config`.

The drawing helpers that were here are filed by kind: :mod:`scenes.kit.config` (parameters and
theme), :mod:`scenes.kit.typography` (words, maths, code), :mod:`scenes.kit.formatting` (numbers as
strings), :mod:`scenes.kit.axes` (axes and ticks), :mod:`scenes.kit.lines` (clipped lines),
:mod:`scenes.kit.readouts` (live numbers) and :mod:`scenes.kit.layout` (frame and safe area).
Delete this module once ``scenes/kit/lesson.py`` imports ``prepare_scene`` from
:mod:`scenes.kit.config`.
"""

from __future__ import annotations

from scenes.kit.config import prepare_scene

__all__ = ["prepare_scene"]
