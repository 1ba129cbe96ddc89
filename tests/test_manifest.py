"""Incremental renders: each output's key follows exactly what it is made from, and a run with
nothing changed renders nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from core.config import load_config
from scenes import FIGURES, SCENES
from scenes.cli import _key, _plan, build_parser
from scenes.manifest import Manifest, key_for, sections_read, sources

ROOT = Path(__file__).resolve().parent.parent


def _tiny_project(root: Path) -> None:
    """scenes/tiny.py imports scenes.helpers, which imports core.maths; core.other is unused."""
    for pkg in ("scenes", "core"):
        (root / pkg).mkdir()
        (root / pkg / "__init__.py").write_text("")
    (root / "scenes" / "tiny.py").write_text(
        "from scenes.helpers import draw\n\nclass Tiny:\n"
        "    def construct(self, cfg):\n        return draw(cfg.cannon.speed)\n")
    (root / "scenes" / "helpers.py").write_text(
        "import numpy as np\nfrom core import maths\n\ndef draw(x):\n    return maths.twice(x)\n")
    (root / "core" / "maths.py").write_text("def twice(x):\n    return 2 * x\n")
    (root / "core" / "other.py").write_text("ANSWER = 42\n")


def test_sources_follow_project_imports_only(tmp_path):
    _tiny_project(tmp_path)
    found = {p.relative_to(tmp_path).as_posix() for p in sources("scenes.tiny", tmp_path)}
    assert found == {"scenes/tiny.py", "scenes/helpers.py", "scenes/__init__.py",
                     "core/__init__.py", "core/maths.py"}  # not numpy, not core/other.py
    assert sections_read(sources("scenes.tiny", tmp_path), ["function", "cannon"]) == ["cannon"]


def test_key_changes_with_a_source_it_imports_and_not_with_others(tmp_path):
    _tiny_project(tmp_path)
    cfg = load_config(text="")

    def key() -> str:
        return key_for("scenes.tiny", cfg, {"quality": "l"}, versions={"manim": "x"},
                       root=tmp_path)

    first = key()
    (tmp_path / "core" / "other.py").write_text("ANSWER = 43\n")
    assert key() == first
    (tmp_path / "core" / "maths.py").write_text("def twice(x):\n    return x + x\n")
    assert key() != first


def test_shared_scene_modules_read_no_parameter_section():
    """The key takes the sections a scene reads from its own module; the modules scenes share
    must not read one behind its back."""
    shared = {p for e in [*SCENES.values(), *FIGURES.values()] for p in sources(e.module)}
    own = {ROOT / (e.module.replace(".", "/") + ".py") for e in [*SCENES.values(),
                                                                *FIGURES.values()]}
    scenes_shared = [p for p in shared - own if p.parent.name == "scenes"]
    assert scenes_shared, "no shared scene module found"
    sections = ["function", "secant", "cannon", "aim"]
    assert sections_read(scenes_shared, sections) == []


def _keys(cfg, **options) -> dict[str, str]:
    args = build_parser().parse_args(["-q", "l", *[f"--{k}={v}" for k, v in options.items()]])
    args.command, args.language = "render", cfg.language
    jobs = _plan(args, list(SCENES), list(FIGURES))
    return {job.name: _key(job, args, cfg) for job in jobs}


FUNCTION_OUTPUTS = {"SecantToTangent", "TangentSweep", "StepSizeError", "curve", "tangent_at_3",
                    "tangents_3_6_9", "derivative_definition", "step_size_error"}
CANNON_OUTPUTS = {"CannonballTrajectory", "AimTheCannon", "AimTheCannonGradient",
                  "cannonball_average_vs_instantaneous", "aim_the_cannon"}


def test_an_edit_changes_exactly_the_outputs_that_read_it():
    base = load_config(text="")
    before = _keys(base)
    changed = _keys(load_config(text='[function]\nexpression = "0.03*x**2 + 0.1*x"\n'))
    assert {n for n in before if before[n] != changed[n]} == FUNCTION_OUTPUTS
    faster = _keys(load_config(text="[cannon]\nspeed = 760.0\n"))
    assert {n for n in before if before[n] != faster[n]} == CANNON_OUTPUTS
    light = _keys(replace(base, theme="light"))
    assert all(before[n] != light[n] for n in before)  # every output is drawn in the theme
    assert _keys(base) == before  # and nothing else moves a key


def test_manifest_notices_a_file_changed_or_deleted_by_hand(tmp_path):
    video, poster = tmp_path / "a.mp4", tmp_path / "a.png"
    video.write_bytes(b"video")
    poster.write_bytes(b"poster")
    manifest = Manifest(tmp_path / ".manifest.json")
    manifest.record(video, "k1", [video, poster])
    again = Manifest(tmp_path / ".manifest.json")  # read back from disk
    assert again.up_to_date(video, "k1")
    assert not again.up_to_date(video, "k2")
    poster.write_bytes(b"poster, edited")
    assert not again.up_to_date(video, "k1")
    manifest.record(video, "k1", [video, poster])
    poster.unlink()
    assert not Manifest(tmp_path / ".manifest.json").up_to_date(video, "k1")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scenes.cli", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT),
                          "BIBUN_CONFIG": str(ROOT / "bibun.toml")})


@pytest.mark.render
def test_second_run_renders_nothing_and_a_deleted_output_comes_back(tmp_path):
    out = tmp_path / "out"
    first = _cli("-q", "l", "--out", str(out), "curve")
    assert first.returncode == 0, first.stderr
    figure = out / "figures" / "curve.png"
    made = figure.stat().st_mtime_ns
    again = _cli("-q", "l", "--out", str(out), "curve")
    assert again.returncode == 0
    assert "start " not in again.stdout and "up to date" in again.stdout
    assert figure.stat().st_mtime_ns == made
    forced = _cli("-q", "l", "--out", str(out), "--force", "curve")
    assert "start  curve" in forced.stdout
    figure.unlink()
    back = _cli("-q", "l", "--out", str(out), "curve")
    assert "start  curve" in back.stdout and figure.is_file()
