"""Helpers shared by the scene tests: a tiny dry-run play, a frame check, a second function."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from manim import Mobject, Scene, tempconfig

ROOT = Path(__file__).resolve().parents[2]
#: LaTeX and Pango outputs are cached here between runs (media/ is git-ignored).
CACHE = {"tex_dir": str(ROOT / "media" / "Tex"), "text_dir": str(ROOT / "media" / "texts")}

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


def play(scene_cls: type[Scene], media_dir: Path, frame_rate: float = 2) -> Scene:
    """Play a scene in dry-run mode, tiny and at a low frame rate (updaters run every frame)."""
    settings = {
        "quality": "low_quality",
        "dry_run": True,
        "pixel_width": 320,
        "pixel_height": 180,
        "frame_rate": frame_rate,
        "disable_caching": True,
        "media_dir": str(media_dir),
        **CACHE,
    }
    with tempconfig(settings):
        scene = scene_cls()
        scene.render()
    return scene


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


def dry_run_settings(media_dir: Path, **extra) -> dict:
    """manim settings for a quiet low-quality run into ``media_dir`` (full 854x480, 15 fps)."""
    return {
        "quality": "low_quality",
        "media_dir": str(media_dir),
        "disable_caching": True,
        "verbosity": "WARNING",
        "progress_bar": "none",
        **extra,
    }


def final_state(scene_cls: type[Scene], media_dir: Path) -> Scene:
    """Build a scene with animations skipped: the state its last frame shows."""
    with tempconfig(dry_run_settings(media_dir, dry_run=True)):
        scene = scene_cls(skip_animations=True)
        scene.render()
    return scene


def assert_points_inside_frame(scene: Scene) -> None:
    """Every point of every drawn part of ``scene`` lies within the frame."""
    for mob in scene.mobjects:
        for part in mob.family_members_with_points():
            pts = part.points
            assert np.all(np.abs(pts[:, 0]) <= POINTS_HALF_WIDTH), type(part).__name__
            assert np.all(np.abs(pts[:, 1]) <= FRAME_HALF_HEIGHT), type(part).__name__


#: The beats every scene must have at least (issue 9), by what a lecturer stops at.
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
}


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
