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
from publish.cli import _key, _plan, build_parser, parse
from publish.manifest import (
    Manifest,
    config_sections,
    key_for,
    sections_in_class,
    sections_read,
    sources,
)
from scenes import FIGURES, SCENES

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
    second = key()
    assert second != first
    # a new import, in the same process, is followed (the import scan is not cached stale)
    (tmp_path / "scenes" / "helpers.py").write_text(
        "from core import maths, other\n\ndef draw(x):\n    return maths.twice(x) + other.ANSWER\n")
    assert tmp_path / "core" / "other.py" in sources("scenes.tiny", tmp_path)
    third = key()
    (tmp_path / "core" / "other.py").write_text("ANSWER = 44\n")
    assert len({second, third, key()}) == 3


def test_key_follows_the_sections_read_and_every_top_level_parameter(tmp_path):
    _tiny_project(tmp_path)
    base = load_config(text="")

    def key(cfg, reads) -> str:
        return key_for("scenes.tiny", cfg, {}, versions={}, reads=reads, root=tmp_path)

    faster = load_config(text="[cannon]\nspeed = 760.0\n")
    other_f = load_config(text='[function]\nexpression = "x"\n')
    assert key(faster, ("cannon",)) != key(base, ("cannon",))
    assert key(other_f, ("cannon",)) == key(base, ("cannon",))
    assert key(other_f, ("cannon", "function")) != key(base, ("cannon", "function"))
    for top in (replace(base, language="ja"), replace(base, theme="light")):
        assert key(top, ()) != key(base, ())  # language, theme: every output
    with pytest.raises(ValueError, match="unknown parameter section"):
        key(base, ("nope",))


def test_sections_in_class_sees_the_class_its_bases_and_module_functions(tmp_path):
    _tiny_project(tmp_path)
    (tmp_path / "scenes" / "multi.py").write_text(
        "def helper(cfg):\n    return cfg.secant.x0\n\n"
        "class Base:\n    def construct(self):\n        self.f = self.cfg.function.f\n\n"
        "class Child(Base):\n    def more(self, config):\n        return config.aim.target\n\n"
        "class Alone:\n    def construct(self, cfg):\n        return cfg.language\n")
    sections = ["function", "secant", "cannon", "aim"]
    assert sections_in_class("scenes.multi", "Child", sections, tmp_path) == [
        "aim", "function", "secant"]
    assert sections_in_class("scenes.multi", "Base", sections, tmp_path) == [
        "function", "secant"]
    assert sections_in_class("scenes.multi", "Alone", sections, tmp_path) == ["secant"]
    with pytest.raises(ValueError, match="no class"):
        sections_in_class("scenes.multi", "Missing", sections, tmp_path)


def test_the_registry_declares_every_section_its_scenes_read():
    """Entry.reads drives the key: a section read but not declared would leave a stale output."""
    sections = config_sections(load_config(text=""))
    assert sections == ["function", "secant", "cannon", "aim", "knobs", "network"]
    for name, entry in [*SCENES.items(), *FIGURES.items()]:
        assert set(entry.reads) <= set(sections), name
        found = sections_in_class(entry.module, entry.cls, sections)
        assert set(found) <= set(entry.reads), f"{name} reads {found}, declares {entry.reads}"


def test_shared_scene_modules_read_no_parameter_section():
    """The key takes the sections a scene reads from its own module; the modules scenes share
    must not read one behind its back."""
    shared = {p for e in [*SCENES.values(), *FIGURES.values()] for p in sources(e.module)}
    own = {ROOT / (e.module.replace(".", "/") + ".py") for e in [*SCENES.values(),
                                                                *FIGURES.values()]}
    scenes_shared = [p for p in shared - own if p.parent.name in ("scenes", "kit")]
    assert scenes_shared, "no shared scene module found"
    sections = ["function", "secant", "cannon", "aim"]
    assert sections_read(scenes_shared, sections) == []


_FLAGS = {"quality": "-q", "jobs": "-j"}


def _keys(cfg, **options) -> dict[str, str]:
    argv = ["-q", "l"]
    for k, v in options.items():
        flag = _FLAGS.get(k, f"--{k}")
        argv += [flag] if v is True else [flag, str(v)]
    args = parse(build_parser(), argv)
    args.language = cfg.language
    jobs = _plan(args, list(SCENES), list(FIGURES))
    return {job.name: _key(job, args, cfg) for job in jobs}


FUNCTION_OUTPUTS = {"SecantToTangent", "TangentSweep", "StepSizeError", "curve", "tangent_at_x0",
                    "tangents", "step_size_error"}
SECANT_OUTPUTS = {"SecantToTangent", "StepSizeError", "tangent_at_x0", "step_size_error"}
KNOBS_OUTPUTS = {"AimWithTwoKnobs", "two_knobs_map"}
CANNON_OUTPUTS = {"CannonballTrajectory", "AimTheCannon", "AimTheCannonGradient",
                  "cannonball_average_vs_instantaneous", "aim_the_cannon", *KNOBS_OUTPUTS}
AIM_OUTPUTS = {"AimTheCannon", "AimTheCannonGradient", "aim_the_cannon", *KNOBS_OUTPUTS}
NETWORK_OUTPUTS = {"Backpropagation", "backprop_graph"}


@pytest.mark.parametrize(("edit", "expected"), [
    ('[function]\nexpression = "0.03*x**2 + 0.1*x"\n', FUNCTION_OUTPUTS),
    ("[secant]\nx0 = 4.0\n", SECANT_OUTPUTS),
    ("[cannon]\nspeed = 760.0\n", CANNON_OUTPUTS),
    ("[aim]\ntarget = 2900.0\n", AIM_OUTPUTS),
    ("[network]\nw = 0.4\n", NETWORK_OUTPUTS),
    ("[knobs]\nfirst_speed = 420.0\n", KNOBS_OUTPUTS),
    ('language = "ja"\n', set(SCENES) | set(FIGURES)),
    ('theme = "light"\n', set(SCENES) | set(FIGURES)),
])
def test_an_edit_changes_exactly_the_outputs_that_read_it(edit, expected):
    before = _keys(load_config(text=""))
    after = _keys(load_config(text=edit))
    assert {n for n in before if before[n] != after[n]} == expected
    assert _keys(load_config(text="")) == before  # and nothing else moves a key


def test_every_option_that_changes_an_output_is_in_its_key():
    cfg = load_config(text="")
    base = _keys(cfg)
    # options that only choose outputs or steer the run leave every key alone
    assert _keys(cfg, jobs=1, out="/elsewhere", force=True) == base
    assert _keys(cfg, quality="m").keys() == base.keys()
    medium = _keys(cfg, quality="m")
    assert all(medium[n] != base[n] for n in base)
    with_captions = _keys(cfg, captions="all")
    assert {n for n in base if base[n] != with_captions[n]} == set(SCENES)  # videos only
    transparent = _keys(cfg, transparent=True)
    assert {n for n in base if base[n] != transparent[n]} == set(FIGURES)  # figures only
    # an option another change adds later counts without touching the manifest
    parser = build_parser()
    parser.add_argument("--frobnicate", default="off")
    later = {}
    for value in ("off", "on"):
        args = parse(parser, ["-q", "l", f"--frobnicate={value}"])
        args.language = cfg.language
        later[value] = {j.name: _key(j, args, cfg) for j in _plan(args, list(SCENES), [])}
    assert all(later["off"][n] != later["on"][n] for n in SCENES)


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
        [sys.executable, "-m", "publish.cli", *args], cwd=ROOT, capture_output=True, text=True,
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


@pytest.mark.render
def test_a_function_edit_re_renders_the_function_figure_only(tmp_path):
    """For real, at 480p: after a change of function.expression the curve is drawn again and the
    cannonball figure (which reads the cannon only) is kept; a file edited by hand comes back."""
    out = tmp_path / "out"
    config = tmp_path / "mine.toml"
    config.write_text((ROOT / "bibun.toml").read_text(encoding="utf-8"), encoding="utf-8")
    cannon_fig = "cannonball_average_vs_instantaneous"
    run = ["-q", "l", "--out", str(out), "--config", str(config), "curve", cannon_fig]
    first = _cli(*run)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    curve, cannon = out / "figures" / "curve.png", out / "figures" / f"{cannon_fig}.png"
    old_curve, old_cannon = curve.read_bytes(), cannon.stat().st_mtime_ns

    text = config.read_text(encoding="utf-8")
    assert 'expression = "0.02*x**2 + 0.1*x"' in text
    config.write_text(text.replace('expression = "0.02*x**2 + 0.1*x"',
                                   'expression = "0.05*x**2 - 0.2*x"'), encoding="utf-8")
    edited = _cli(*run)
    assert edited.returncode == 0, edited.stdout[-3000:] + edited.stderr[-3000:]
    assert "start  curve" in edited.stdout and f"start  {cannon_fig}" not in edited.stdout
    assert f"up to date  {cannon_fig}" in edited.stdout
    assert curve.read_bytes() != old_curve  # the new function is drawn
    assert cannon.stat().st_mtime_ns == old_cannon
    # the closing table still describes the kept figure, read from the file
    (row,) = [ln for ln in edited.stdout.splitlines()
              if not ln.startswith("[") and f"{cannon_fig}.png" in ln]
    assert "854x480" in row and row.rstrip().endswith("up to date")

    cannon.write_bytes(b"not a picture")  # changed by hand: noticed, rebuilt
    fixed = _cli(*run)
    assert fixed.returncode == 0, fixed.stdout[-3000:] + fixed.stderr[-3000:]
    assert f"start  {cannon_fig}" in fixed.stdout and "start  curve" not in fixed.stdout
    assert cannon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
