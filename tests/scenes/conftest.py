"""Set-up shared by the scene tests: frame comparisons on this cairo, a media folder per module."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _compare_frames_on_this_cairo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run manim's frame comparisons on any cairo version.

    manim skips ``frames_comparison`` tests on cairo < 1.18 because *its own* reference frames
    were drawn with 1.18. Ours, under ``control_data/``, are drawn with the cairo that Debian
    ships (1.16 here), the one CI uses, so they are compared whatever the version.
    """
    frames = pytest.importorskip("manim.utils.testing.frames_comparison")
    monkeypatch.setattr(
        frames, "MIN_CAIRO_VERSION", min(frames.MIN_CAIRO_VERSION, frames.cairo.cairo_version())
    )


@pytest.fixture(scope="session", autouse=True)
def _this_workers_cache() -> None:
    """Mobjects built outside :func:`scene_testing.settings` (an axes test, a doctest) typeset
    into manim's default ``media/Tex`` under the current folder, which every xdist worker
    shares: point manim's own settings at this worker's cache folders as well."""
    manim = pytest.importorskip("manim")
    from scene_testing import CACHE

    for key, folder in CACHE.items():
        manim.config[key] = folder


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """One media folder per test module."""
    return tmp_path_factory.mktemp("media")
