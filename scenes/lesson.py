"""Scenes told in beats: one class serves the plain video and the lecture deck.

A bibun scene is a :class:`Lesson`. Its ``construct`` reads as the scene's outline: it lays the
scene out, then hands :meth:`Lesson.beats` the list of its teaching beats, one method each::

    def construct(self):
        self.lay_out()
        self.beats(self.show_p_and_q, self.show_slope_triangle, self.shrink_h, ...)

Between two beats (and wherever a beat calls :meth:`Lesson.end_beat` itself, e.g. after each
decade of h) the scene marks a pause:

- in a plain video render the mark costs nothing and changes no frame: the scene only records
  the time (:attr:`Lesson.beat_times`);
- in a lecture render the same class, mixed with manim-slides' ``Slide`` by
  :func:`lecture_class`, stops there: ``end_beat`` calls ``Slide.next_slide``, and the presenter
  moves on with a key press.

:mod:`scenes.lecture` builds the lecture classes (``manim render scenes/lecture.py
SecantToTangent``); nothing here imports manim-slides, so a plain render does not need it.
"""

from __future__ import annotations

from collections.abc import Callable

from manim import Scene

__all__ = ["Lesson", "lecture_class"]


class Lesson(Scene):
    """A scene whose ``construct`` is a list of teaching beats.

    Attributes
    ----------
    lecture : bool
        Class attribute; True in the lecture variant (see :func:`lecture_class`), where each
        beat ends on a slide break.
    beat_times : list of float
        Set while the scene plays: the scene time (s) at the end of each beat.
    """

    lecture: bool = False

    def setup(self) -> None:
        super().setup()
        self.beat_times: list[float] = []

    def beats(self, *steps: Callable[[], None]) -> None:
        """Play each beat in turn, marking a pause after each one."""
        for step in steps:
            step()
            self.end_beat()

    def end_beat(self, *, loop: bool = False) -> None:
        """Mark the end of a beat: a lecture stops here; a plain video goes straight on.

        Two marks with nothing played between them count once. ``loop=True`` makes the
        *next* slide of a lecture loop while the class thinks.
        """
        now = float(self.renderer.time)
        if self.beat_times and self.beat_times[-1] == now:
            return
        self.beat_times.append(now)
        if self.lecture:
            self.next_slide(loop=loop)  # provided by manim-slides' Slide (lecture_class)


def lecture_class(scene: type[Lesson]) -> type[Lesson]:
    """The lecture variant of ``scene``: the same class with manim-slides' ``Slide`` mixed in.

    The variant keeps the scene's name (so manim-slides writes ``<Scene>.json``) and changes
    only the class attribute ``lecture``; its beats are the scene's own.
    """
    from manim_slides import Slide
    from manim_slides.slide.base import BaseSlide

    if not issubclass(scene, Lesson):
        raise TypeError(f"{scene.__name__} is not a Lesson")

    # Two lines of manim-slides 5.7's Slide assume an older manim; manim 0.22 rejects both:
    # - Slide.__init__ sets config["write_to_movie"] (for the OpenGL renderer), a key 0.22 no
    #   longer has. Cairo always writes the movie, so start at BaseSlide's __init__ instead.
    # - Slide.render sets config["max_files_cached"] = inf (0.22 wants an int, -1 for no
    #   limit) so that manim keeps every partial movie. Set -1, render, then let manim-slides
    #   save the slides exactly as Slide.render would (our renders never use manim's cache).
    def __init__(self, *args, **kwargs) -> None:  # noqa: N807
        BaseSlide.__init__(self, *args, **kwargs)

    def render(self, *args, **kwargs) -> None:
        from manim import Scene, config

        kept = config["max_files_cached"]
        config["max_files_cached"] = -1
        try:
            Scene.render(self, *args, **kwargs)
        finally:
            config["max_files_cached"] = kept
        self._save_slides(use_cache=False, flush_cache=False,
                          skip_reversing=self.skip_reversing)

    return type(scene.__name__, (Slide, scene), {
        "__init__": __init__,
        "render": render,
        "lecture": True,
        "__doc__": f"{scene.__name__}, stopping at each beat (manim-slides).",
        # a lecture deck steps forwards; reversed clips would double the render's encoding
        "skip_reversing": True,
    })
