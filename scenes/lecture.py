"""Lecture variants of bibun's scenes, for manim-slides: ``manim render scenes/lecture.py NAME``.

Each class here is the scene of the same name in :data:`scenes.SCENES` with manim-slides'
``Slide`` mixed in (:func:`scenes.kit.lesson.lecture_class`): the same beats, the same frames,
plus a slide break at the end of every beat. manim-slides writes ``slides/<NAME>.json`` and the
clips into the current folder; ``./render.sh slides`` turns them into the decks.
"""

from __future__ import annotations

from scenes import SCENES
from scenes.kit.lesson import lecture_class

__all__ = list(SCENES)

for _name, _entry in SCENES.items():
    _cls = lecture_class(_entry.scene_class())
    _cls.__module__ = __name__  # manim renders the classes defined in the file it is given
    globals()[_name] = _cls
