"""Helpers shared by the scene tests: the one manim settings builder, a tiny dry-run play, the
recorded run of every lesson, frame checks and a second function.

Every scene test configures manim through :func:`settings` (a quiet dry run at 320x180 into the
test's media folder, LaTeX and Pango outputs from the shared cache :data:`CACHE`); frame
comparisons keep manim's own resolution but pass :data:`CACHE` too.

The cross-cutting tests (narration, pacing, legibility, lecture) do not play the scenes
themselves: they read the :class:`Recording` of each (scene, language), made once per test
session (per pytest-xdist worker at most) by :func:`record`, through the session fixture
``recorded`` of ``tests/scenes/conftest.py``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from manim import (
    Code,
    Mobject,
    Paragraph,
    Scene,
    SingleStringMathTex,
    Text,
    VMobject,
    Wait,
    tempconfig,
)

ROOT = Path(__file__).resolve().parents[2]
#: LaTeX and Pango outputs are cached here between runs (media/ is git-ignored), one folder per
#: pytest-xdist worker: manim writes and re-reads these files under names made from their hash,
#: so two processes sharing one folder read each other's half-written SVGs.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
CACHE = {"tex_dir": str(ROOT / "media" / f"Tex-{_WORKER}"),
         "text_dir": str(ROOT / "media" / f"texts-{_WORKER}")}

#: A non-default function for the calculus scenes: sin on [0, 6].
SIN = """
[function]
expression = "sin(x)"
x_min = 0.0
x_max = 6.0
tangent_points = [1.0, 3.0, 5.0]
[secant]
x0 = 1.0
h_start = 2.0
"""

FRAME_HALF_WIDTH = 7.1
FRAME_HALF_HEIGHT = 4.0


def settings(media_dir: Path, *, frame_rate: float = 2, **extra: Any) -> dict[str, Any]:
    """manim settings for a test: a quiet dry run, 320x180 at ``frame_rate`` fps, into
    ``media_dir``, with the shared LaTeX and Pango caches; ``extra`` overrides any of them.

    A dry run draws no file but still rasterises every frame (manim 0.22), so the picture is
    tiny and the frame rate low: updaters run once a frame, and the scene's timing (waits
    rounded to whole frames) is what the tests read.
    """
    return {
        "quality": "low_quality",
        "dry_run": True,
        "pixel_width": 320,
        "pixel_height": 180,
        "frame_rate": frame_rate,
        "disable_caching": True,
        "media_dir": str(media_dir),
        "verbosity": "WARNING",
        "progress_bar": "none",
        **CACHE,
        **extra,
    }


@contextmanager
def undrawn():
    """Inside this block manim draws no frame: a dry run still computes every frame (updaters,
    animations, the scene's timing) but skips rasterising it, a quarter of a dry run's time at
    15 fps. The tests that read pixels draw (``play(..., draw=True)``, the frame comparisons),
    and so do the real renders."""
    from manim.camera.camera import Camera

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Camera, "capture_mobjects", lambda self, mobjects, **kwargs: None)
        yield


def play(scene_cls: type[Scene], media_dir: Path, frame_rate: float = 2, *,
         draw: bool = False) -> Scene:
    """Play a scene in dry-run mode, tiny and at a low frame rate (updaters run every frame);
    its frames are drawn only with ``draw`` (see :func:`undrawn`)."""
    with tempconfig(settings(media_dir, frame_rate=frame_rate)), \
            (nullcontext() if draw else undrawn()):
        scene = scene_cls()
        scene.render()
    return scene


def final_state(scene_cls: type[Scene], media_dir: Path) -> Scene:
    """Build a scene with animations skipped: the state its last frame shows."""
    with tempconfig(settings(media_dir)):
        scene = scene_cls(skip_animations=True)
        scene.render()
    return scene


def slides_of(scene_cls: type[Scene], media_dir: Path) -> Scene:
    """Play a lecture scene as a dry run and return it with manim-slides' slide list complete
    (``Slide.render`` would then concatenate clips, which a dry run does not write)."""
    with tempconfig(settings(media_dir)), undrawn():
        scene = scene_cls()
        Scene.render(scene)  # manim's own render: setup, construct, tear_down
    scene._add_last_slide()  # what Slide.render does before it writes <Scene>.json
    return scene


def assert_recorded_run_is_the_video(run: Scene, video: Scene) -> None:
    """The recorded run (the lecture variant, :func:`record`) narrates and pauses as the plain
    video ``video`` does: the same narrations with the same fields, as many beats, and at the
    same times where both played at one frame rate (a wait is rounded to whole frames)."""
    assert [(c["key"], c["fields"]) for c in run.cues] == [
        (c["key"], c["fields"]) for c in video.cues]
    assert len(run.beat_times) == len(video.beat_times)
    if run.camera.frame_rate == video.camera.frame_rate:
        assert (run.cues, run.beat_times, run.time) == (video.cues, video.beat_times, video.time)


def scene_class(entry) -> type[Scene]:
    """The class behind a registry entry (:data:`scenes.SCENES` or :data:`scenes.FIGURES`)."""
    return entry.scene_class()


def inside_frame(mob: Mobject, margin: float = 0.2) -> bool:
    """Whether ``mob`` lies within the frame, ``margin`` units in from every edge."""
    tol = 1e-6
    return (
        mob.get_left()[0] >= -FRAME_HALF_WIDTH + margin - tol
        and mob.get_right()[0] <= FRAME_HALF_WIDTH - margin + tol
        and mob.get_bottom()[1] >= -FRAME_HALF_HEIGHT + margin - tol
        and mob.get_top()[1] <= FRAME_HALF_HEIGHT - margin + tol
    )


#: The frame's half extents for the point-by-point check (14.24 wide: a little slack for strokes).
POINTS_HALF_WIDTH = 7.12


def assert_points_inside_frame(scene: Scene) -> None:
    """Every point of every drawn part of ``scene`` lies within the frame."""
    for mob in scene.mobjects:
        for part in mob.family_members_with_points():
            pts = part.points
            assert np.all(np.abs(pts[:, 0]) <= POINTS_HALF_WIDTH), type(part).__name__
            assert np.all(np.abs(pts[:, 1]) <= FRAME_HALF_HEIGHT), type(part).__name__


#: The beats every scene must have at least, by what a lecturer stops at.
MIN_BEATS = {
    "SecantToTangent": 5 + 3,  # P and Q; triangle; 4 decades of h (4 -> 1e-3); tangent; code
    "CannonballTrajectory": 5,
    "TangentSweep": 3 + 3,  # curve; moving tangent; tangents at 3, 6, 9; f' complete
    # the field; one beat per shot (6 by Newton, 9 by gradient descent); the hit; the link to
    # learning
    "AimTheCannon": 1 + 6 + 2,
    "AimTheCannonGradient": 1 + 9 + 2,
    # the post's f: axes; sweep; post's h; h*; no truncation error (f''' = 0); rounding;
    # sin x: sweep; slopes; post's h and h*; complex step; Richardson
    "StepSizeError": 11,
    # forward; local slopes; the chain rule backwards; why backwards is cheap; the gradient
    # check; one step of learning; back to the cannon
    "Backpropagation": 7,
    # the map; two slices; the gradient; each descent: the first setting, 3 full steps, the
    # rest; why the scales matter; the close
    "AimWithTwoKnobs": 1 + 2 + 1 + 2 * (1 + 3) + 1 + 1,
}


# --- legibility: the size of every text on screen ---------------------------------------------

SMALLEST = 20.0  # px at 720p
SCRIPT = 0.7  # TeX's \scriptstyle, relative to its formula


def _visible(mob: Mobject) -> bool:
    family = mob.family_members_with_points()
    return any(m.get_fill_opacity() > 0.05 or m.get_stroke_opacity() > 0.05 for m in family)


def too_small(mobjects) -> list[tuple[str, float]]:
    """Every visible text among ``mobjects`` (and their families) below :data:`SMALLEST` px at
    720p, as (what it says, its effective size); see ``test_legibility.py`` for the rule."""
    from scenes.kit.readouts import GlyphNumber
    from scenes.kit.typography import code_font_size

    found: dict[str, float] = {}
    for top in mobjects:
        for m in top.get_family():
            if isinstance(m, Code):
                size, what = code_font_size(m), "code"
            elif isinstance(m, Paragraph):
                continue  # inside a Code, measured there
            elif isinstance(m, Text):
                size, what = m.font_size, m.text
            elif isinstance(m, SingleStringMathTex):
                # a degree sign is a superscript circle, not something to read
                bare = m.tex_string.replace("^{\\circ}", "").replace("^\\circ", "")
                has_script = any(c in bare for c in "^_")
                size = m.font_size * (SCRIPT if has_script else 1.0)
                what = m.tex_string
            elif isinstance(m, GlyphNumber):
                size, what = m.font_size, m.string
            else:
                continue
            if size < SMALLEST - 1e-6 and _visible(m):
                found[what] = min(size, found.get(what, size))
    return sorted(found.items(), key=lambda kv: kv[1])


def in_caption_band(scene) -> list[tuple[str, float]]:
    """Everything visible on ``scene`` that reaches into the caption band (below
    :data:`scenes.kit.caption.BAND_TOP`) and is not the caption: (what it is, its bottom)."""
    from scenes.kit.caption import BAND_TOP

    caption = set(scene.caption.get_family()) if scene.caption is not None else set()
    found: dict[str, float] = {}
    for top in scene.mobjects:
        done: set[int] = set()
        for m in top.get_family():  # (a text before its glyphs: the text is named, once)
            if id(m) in done or m in caption or not isinstance(m, VMobject):
                continue
            if isinstance(m, Text | SingleStringMathTex):
                done.update(id(g) for g in m.get_family())
                what = getattr(m, "text", None) or m.tex_string
            elif m.has_points():
                what = type(m).__name__
            else:
                continue
            if not _visible(m):
                continue
            bottom = float(m.get_bottom()[1])
            if bottom < BAND_TOP - 0.02:
                found[what] = min(bottom, found.get(what, bottom))
    return sorted(found.items(), key=lambda kv: kv[1])


# --- the recorded run ---------------------------------------------------------------------------


@dataclass
class Recording:
    """One play of a lesson's lecture variant (which is the plain scene plus slide breaks), with
    what the cross-cutting tests read from it.

    Attributes
    ----------
    scene : Lesson
        The played scene: ``cues``, ``beat_times``, ``time``, ``tr``, ``_slides`` (manim-slides'
        record of the slides, what it writes to ``<Scene>.json``) and the scene's own attributes.
    language : str
        The language it was rendered in.
    stills : list of (float, float)
        The stretches (start, end) in which the picture stood still: waits, back to back, while
        no mobject had a time-based updater.
    small_text : list of (float, list)
        At the end of each beat with text below the floor: (time, :func:`too_small`).
    in_band : list of (float, list)
        At the end of each beat where something other than the caption reaches into the caption
        band: (time, :func:`in_caption_band`).
    captions_at_once : int
        The most captions visible in one frame (the swap fades one out before the next comes).
    captions : int
        How many captions the scene put up.
    """

    scene: Any
    language: str
    stills: list[tuple[float, float]] = field(default_factory=list)
    small_text: list[tuple[float, list[tuple[str, float]]]] = field(default_factory=list)
    in_band: list[tuple[float, list[tuple[str, float]]]] = field(default_factory=list)
    captions_at_once: int = 0
    captions: int = 0


def record(name: str, language: str, folder: Path) -> Recording:
    """Play the lecture variant of the registered scene ``name`` once, in ``language`` with the
    post's parameters (every other key at its default), and record it."""
    from core.config import ENV_VAR
    from scenes import lecture
    from scenes.kit.lesson import Lesson

    config = folder / "bibun.toml"
    config.write_text(f'language = "{language}"\n', encoding="utf-8")
    rec = Recording(scene=None, language=language)
    scene_play, end_beat = Scene.play, Lesson.end_beat
    caption_to, caption_now, update_to_time = Lesson.caption_to, Lesson.caption_now, \
        Scene.update_to_time
    made: list[Any] = []

    def note_caption(method):
        def noted(self, *args, **kwargs):
            out = method(self, *args, **kwargs)
            made.append(self.caption)
            rec.captions = len(made)
            return out
        return noted

    def count_captions(self, t):
        update_to_time(self, t)
        shown = set(self.get_mobject_family_members())
        visible = sum(1 for c in made if c in shown and max(
            (m.get_fill_opacity() for m in c.family_members_with_points()), default=0) > 0.02)
        rec.captions_at_once = max(rec.captions_at_once, visible)

    def play_and_note(self, *animations, **kwargs):
        start = float(self.renderer.time)
        waiting = all(isinstance(a, Wait) for a in animations) and not any(
            m.has_time_based_updater() for m in self.get_mobject_family_members())
        scene_play(self, *animations, **kwargs)
        if waiting:
            end = float(self.renderer.time)
            if rec.stills and abs(rec.stills[-1][1] - start) < 1e-6:
                rec.stills[-1] = (rec.stills[-1][0], end)
            else:
                rec.stills.append((start, end))

    def measure_and_end_beat(self, **kwargs):
        small = too_small(self.mobjects)
        if small:
            rec.small_text.append((round(float(self.renderer.time), 1), small))
        intruders = in_caption_band(self)
        if intruders:
            rec.in_band.append((round(float(self.renderer.time), 1), intruders))
        return end_beat(self, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(ENV_VAR, str(config))
        mp.chdir(folder)  # manim-slides keeps its folder relative to the current one
        mp.setattr(Scene, "play", play_and_note)
        mp.setattr(Lesson, "end_beat", measure_and_end_beat)
        mp.setattr(Lesson, "caption_to", note_caption(caption_to))
        mp.setattr(Lesson, "caption_now", note_caption(caption_now))
        mp.setattr(Scene, "update_to_time", count_captions)
        rec.scene = slides_of(getattr(lecture, name), folder)
    return rec
