"""Lecture mode: each scene's lecture variant stops at each of its beats, and only there.

The counts come from manim-slides' own record of the slides (``Slide._slides``, what it writes
to ``<Scene>.json``), taken from each scene's recorded run (a dry run of the lecture variant): no
video is rendered.
"""

from __future__ import annotations

import pytest

pytest.importorskip("manim_slides")
from scene_testing import MIN_BEATS  # noqa: E402

from scenes import SCENES, lecture  # noqa: E402
from scenes.kit.text import LANGUAGES  # noqa: E402

#: Scenes with a beat per shot of ``scene.result.steps``.
SHOT_SCENES = {"AimTheCannon", "AimTheCannonGradient"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_slides_are_the_beats(name, language, recorded):
    scene = recorded(name, language).scene
    slides = scene._slides
    # one slide per beat: each end_beat closed one, the last beat ends the scene
    assert len(slides) == len(scene.beat_times), (len(slides), scene.beat_times)
    assert len(slides) >= MIN_BEATS[name]
    if name in SHOT_SCENES:  # a slide per shot, whatever the number of shots
        assert len(slides) >= 1 + len(scene.result.steps) + 2
    # every slide has something to play, and they tile the scene's animations in order
    assert slides[0].start_animation == 0
    for a, b in zip(slides, slides[1:], strict=False):
        assert a.end_animation == b.start_animation
        assert a.end_animation > a.start_animation
    assert slides[-1].end_animation == scene._current_animation


@pytest.mark.parametrize("name", list(SCENES))
def test_plain_scene_is_not_a_slide(name):

    from manim_slides import Slide

    entry = SCENES[name]
    plain = entry.scene_class()
    assert not issubclass(plain, Slide)
    assert issubclass(getattr(lecture, name), plain)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(SCENES))
def test_each_slide_carries_its_narration_as_presenter_notes(name, language, recorded):
    scene = recorded(name, language).scene
    starts = [0.0, *scene.beat_times[:-1]]
    for i, (slide, start, end) in enumerate(
            zip(scene._slides, starts, scene.beat_times, strict=True)):
        assert slide.notes.strip(), f"slide {i + 1} has no notes"
        for cue in scene.cues:  # every narration that begins in this beat is in its notes
            if start <= cue["start"] < end:
                assert scene.tr(cue["key"], **cue["fields"]) in slide.notes, (i, cue["key"])
