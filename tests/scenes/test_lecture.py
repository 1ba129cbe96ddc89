"""Lecture mode: each scene's lecture variant stops at each of its beats, and only there.

The counts come from manim-slides' own record of the slides (``Slide._slides``, what it writes
to ``<Scene>.json``), taken from a dry run: no video is rendered.
"""

from __future__ import annotations

import pytest

pytest.importorskip("manim_slides")
from manim import Scene, tempconfig  # noqa: E402
from scene_testing import CACHE  # noqa: E402

from scenes import SCENES, lecture  # noqa: E402

#: The beats every scene must have at least (issue 9), by what a lecturer stops at.
MIN_BEATS = {
    "SecantToTangent": 5 + 3,  # P and Q; triangle; 4 decades of h (4 -> 1e-3); tangent; code
    "CannonballTrajectory": 5,
    "TangentSweep": 3 + 3,  # curve; moving tangent; tangents at 3, 6, 9; f' complete
    "AimTheCannon": 3,
    "AimTheCannonGradient": 3,
    # the post's f: axes; sweep; post's h; h*; no truncation error (f''' = 0); rounding;
    # sin x: sweep; slopes; post's h and h*; complex step; Richardson
    "StepSizeError": 11,
}


@pytest.fixture(autouse=True)
def _post_defaults(use_config):
    use_config("")


def slides_of(scene_cls: type[Scene], media_dir):
    """Play a lecture scene as a dry run and return it with manim-slides' slide list complete
    (``Slide.render`` would then concatenate clips, which a dry run does not write)."""
    settings = {"quality": "low_quality", "dry_run": True, "pixel_width": 320,
                "pixel_height": 180, "frame_rate": 2, "disable_caching": True,
                "media_dir": str(media_dir), **CACHE}
    with tempconfig(settings):
        scene = scene_cls()
        Scene.render(scene)  # manim's own render: setup, construct, tear_down
    scene._add_last_slide()  # what Slide.render does before it writes <Scene>.json
    return scene


@pytest.mark.parametrize("name", list(SCENES))
def test_slides_are_the_beats(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # manim-slides keeps its folder relative to the current one
    scene = slides_of(getattr(lecture, name), tmp_path)
    slides = scene._slides
    # one slide per beat: each end_beat closed one, the last beat ends the scene
    assert len(slides) == len(scene.beat_times), (len(slides), scene.beat_times)
    assert len(slides) >= MIN_BEATS[name]
    # every slide has something to play, and they tile the scene's animations in order
    assert slides[0].start_animation == 0
    for a, b in zip(slides, slides[1:], strict=False):
        assert a.end_animation == b.start_animation
        assert a.end_animation > a.start_animation
    assert slides[-1].end_animation == scene._current_animation


@pytest.mark.parametrize("name", list(SCENES))
def test_plain_scene_is_not_a_slide(name):
    import importlib

    from manim_slides import Slide

    entry = SCENES[name]
    plain = getattr(importlib.import_module(entry.module), entry.cls)
    assert not issubclass(plain, Slide)
    assert issubclass(getattr(lecture, name), plain)
