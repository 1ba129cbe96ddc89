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

A lesson also narrates: :meth:`Lesson.narrate` starts a caption (a key of :mod:`scenes.kit.text`)
that lasts until the next one. Each narration stays up long enough to be read in *every*
language of the catalogue (the scene waits if it must), so the captions of the other language
fit the same video. The cues go to manim's subcaptions (an ``.srt`` beside manim's own movie)
and, when ``$BIBUN_RECORD`` names a file, to that JSON record of the scene (narrations, beats and
the poster's time), from which ``render.sh`` writes the ``.srt`` and ``.vtt`` of every language
asked for (:mod:`scenes.kit.captions`) and the poster.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from manim import Animation, FadeOut, Mobject, Scene, config

from scenes.kit import style
from scenes.kit.caption import FADE_OUT, band, swap
from scenes.kit.captions import cues_for, needed_seconds
from scenes.kit.config import prepare_scene
from scenes.kit.text import LANGUAGES, Catalogue
from scenes.kit.typography import text

__all__ = ["RECORD_ENV_VAR", "Lesson", "lecture_class"]

#: Where a lesson writes its record (JSON: narrations, beats, poster time), when set.
RECORD_ENV_VAR = "BIBUN_RECORD"


class Lesson(Scene):
    """A scene whose ``construct`` is a list of teaching beats.

    Attributes
    ----------
    lecture : bool
        Class attribute; True in the lecture variant (see :func:`lecture_class`), where each
        beat ends on a slide break.
    beat_times : list of float
        Set while the scene plays: the scene time (s) at the end of each beat.
    cues : list of dict
        Set while the scene plays: each narration's ``key``, ``fields``, ``start``, ``end`` (s).
    cfg : core.config.Config
        The validated parameters (``$BIBUN_CONFIG`` or ``./bibun.toml``, :attr:`language`
        overriding the language), loaded by :meth:`setup` with the theme's background.
    tr : scenes.kit.text.Catalogue
        The text catalogue in the render's language.
    caption : manim.Mobject or None
        The caption on screen now, in the band of :mod:`scenes.kit.caption` (see :meth:`say`).
    """

    lecture: bool = False
    #: Language override for variants (None: ``bibun.toml``'s ``language``).
    language: str | None = None
    #: The scene time of the poster frame (None: the last frame); see :meth:`mark_poster`.
    poster_time: float | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # a plain video is encoded as one stream (scenes/kit/encoding.py); a lecture keeps manim's
        # one file per animation, which manim-slides cuts its slides from
        if not args and kwargs.get("renderer") is None:
            from scenes.kit.encoding import renderer_for

            kwargs["renderer"] = renderer_for(type(self), kwargs.get("camera_class"),
                                              kwargs.get("skip_animations", False))
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.cfg, self.tr = prepare_scene(self, self.language)
        self.beat_times: list[float] = []
        self.cues: list[dict[str, Any]] = []
        self._narration: tuple[str, dict[str, Any], float] | None = None
        self.caption: Mobject | None = None

    # -- the caption band ---------------------------------------------------------------------
    def caption_words(self, line: str) -> Mobject:
        """One line of a caption, typeset (:func:`scenes.kit.typography.text` at ``SIZE_BODY``); a
        lesson whose words carry italics of their own (θ, η) overrides this."""
        return text(line, size=style.SIZE_BODY)

    def caption_to(self, key: str, *, narrated: bool = True, **fields: Any) -> Animation:
        """The change of the caption to ``key`` of the catalogue (its fields filled in), as an
        animation to play, alone or beside others: the old caption fades out, then the new one
        fades in. ``narrated`` (the default) also makes ``key`` the narration from now on (see
        :meth:`narrate`); ``narrated=False`` shows a heading beside a narration of its own."""
        if narrated:
            self.narrate(key, **fields)
        new = band(self.tr(key, **fields), self.tr.language, words=self.caption_words)
        old, self.caption = self.caption, new
        return swap(old, new)

    def say(self, key: str, *, narrated: bool = True, **fields: Any) -> None:
        """Play :meth:`caption_to`; the caption then sits at the back of the drawing order (drawn
        once into the cached background while other things move; it overlaps nothing)."""
        self.play(self.caption_to(key, narrated=narrated, **fields))
        self.bring_to_back(self.caption)

    def caption_now(self, key: str, *, narrated: bool = True, **fields: Any) -> None:
        """Show caption ``key`` this very frame, without a fade (a label that arrives in step
        with something moving); the old caption goes the same frame."""
        if narrated:
            self.narrate(key, **fields)
        if self.caption is not None:
            self.remove(self.caption)
        self.caption = band(self.tr(key, **fields), self.tr.language, words=self.caption_words)
        self.add(self.caption)
        self.bring_to_back(self.caption)

    def caption_off(self) -> Animation:
        """The current caption fading out (nothing is shown in the band after it). It stays
        :attr:`caption` until the fade has been played."""
        return _CaptionOut(self, run_time=FADE_OUT)

    def beats(self, *steps: Callable[[], None]) -> None:
        """Play each beat in turn, marking a pause after each one; the last narration ends
        with the last beat."""
        for i, step in enumerate(steps):
            step()
            if i == len(steps) - 1:
                self.end_narration()
            self.end_beat()

    def narrate(self, key: str, **fields: Any) -> None:
        """Caption what the scene shows from now on with ``key`` of the text catalogue (its
        ``str.format`` fields filled in); the previous narration ends here."""
        self.end_narration()
        Catalogue("en")(key, **fields)  # a missing key or field fails now, not at the end
        self._narration = (key, fields, float(self.renderer.time))

    @staticmethod
    def reading_time(key: str, **fields: Any) -> float:
        """How long narration ``key`` (its fields filled in) stays up at least: its reading time
        (:func:`scenes.kit.captions.needed_seconds`) in the slowest language of the catalogue."""
        return max(needed_seconds(Catalogue(lang)(key, **fields), lang) for lang in LANGUAGES)

    def narration_read_by(self) -> float | None:
        """The scene time by which the current narration will have been read in every language
        (None when nothing is being narrated): a beat that moves on sooner waits until then."""
        if self._narration is None:
            return None
        key, fields, start = self._narration
        return start + self.reading_time(key, **fields)

    def wait_until_read(self) -> None:
        """Wait until the narration up now has been read in every language (it goes on), so
        that the picture it explains stays until then."""
        until = self.narration_read_by()
        if until is not None and until > float(self.renderer.time) + 1e-9:
            self.wait(until - float(self.renderer.time))

    def end_narration(self) -> None:
        """End the current narration, first waiting until it can be read in every language."""
        if self._narration is None:
            return
        key, fields, start = self._narration
        self._narration = None
        need = self.reading_time(key, **fields)
        fps = float(config.frame_rate)
        for _ in range(3):  # manim rounds a wait to whole frames: top up until it is enough
            short = need - (float(self.renderer.time) - start)
            if short <= 1e-9:
                break
            self.wait(max(1.0, math.ceil(short * fps - 1e-9)) / fps)
        end = float(self.renderer.time)
        for cue in cues_for(self.tr(key, **fields), start, end, self.tr.language):
            self.add_subcaption(cue.text, duration=cue.end - cue.start, offset=cue.start - end)
        self.cues.append({"key": key, "fields": fields, "start": start, "end": end})

    def mark_poster(self) -> None:
        """Make the frame shown now the video's poster (the still a page shows before play)."""
        self.poster_time = float(self.renderer.time)

    def tear_down(self) -> None:
        super().tear_down()
        path = os.environ.get(RECORD_ENV_VAR)
        if path:
            record = {"scene": type(self).__name__, "language": self.tr.language,
                      "duration": float(self.renderer.time), "poster_time": self.poster_time,
                      "beats": self.beat_times, "cues": self.cues}
            Path(path).write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                  encoding="utf-8")

    def end_beat(self, *, loop: bool = False) -> None:
        """Mark the end of a beat: a lecture stops here; a plain video goes straight on.

        Two marks with nothing played between them count once. ``loop=True`` makes the
        *next* slide of a lecture loop while the class thinks.
        """
        now = float(self.renderer.time)
        if self.beat_times and self.beat_times[-1] == now:
            return
        since = self.beat_times[-1] if self.beat_times else 0.0
        self.beat_times.append(now)
        if self.lecture:
            # the slide closing now carries, as presenter notes, what was narrated during it
            # (manim-slides' next_slide(notes=...) would give them to the *next* slide)
            notes = self.notes_between(since, now)
            self._base_slide_config = self._base_slide_config.model_copy(update={"notes": notes})
            self.next_slide(loop=loop)  # provided by manim-slides' Slide (lecture_class)

    def notes_between(self, start: float, end: float) -> str:
        """The narration shown between scene times ``start`` and ``end``, in the render's
        language, one paragraph per narration: a lecturer's presenter notes for that beat."""
        said = [(c["key"], c["fields"]) for c in self.cues if c["end"] > start and c["start"] < end]
        if self._narration is not None and self._narration[2] < end:
            said.append(self._narration[:2])
        return "\n\n".join(self.tr(key, **fields) for key, fields in said)


class _CaptionOut(FadeOut):
    """A lesson's caption fading out; once played, the lesson has no caption."""

    def __init__(self, lesson: Lesson, **kwargs: Any) -> None:
        if lesson.caption is None:
            raise ValueError("caption_off: no caption is shown")
        self.lesson = lesson
        super().__init__(lesson.caption, **kwargs)

    def clean_up_from_scene(self, scene: Scene) -> None:
        super().clean_up_from_scene(scene)
        if self.lesson.caption is self.mobject:
            self.lesson.caption = None


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
