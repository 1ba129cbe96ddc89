"""render.sh's driver end to end: arguments, parameter checks, a real render read by PyAV."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from publish.cli import Job, _figure_job, build_parser, main, run_job, select
from scenes import FIGURES, RENAMED_FIGURES, SCENES, Entry

ROOT = Path(__file__).resolve().parent.parent
#: The scene rendered for real: a short one, and it exercises LaTeX, Pango text and
#: updaters (every scene goes through the same pipeline).
SCENE = "TangentSweep"


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "publish.cli", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_list_names_every_scene_and_figure():
    result = cli("--list")
    assert result.returncode == 0
    for name in [*SCENES, *FIGURES]:
        assert name in result.stdout


def test_select_expands_figures_and_rejects_unknown_names():
    assert select([]) == (list(SCENES), list(FIGURES))
    assert select(["figures"]) == ([], list(FIGURES))
    assert select([SCENE, "curve", SCENE]) == ([SCENE], ["curve"])
    with pytest.raises(ValueError, match="unknown scene or figure 'Nope'"):
        select(["Nope"])


def test_a_figures_old_name_renders_it_into_the_old_file(tmp_path):
    """A post that embeds figures/tangent_at_3.png keeps getting that file from its old name;
    every figure rendered at once (./render.sh, ./render.sh figures) writes the new names only."""
    assert RENAMED_FIGURES == {"tangent_at_3": "tangent_at_x0", "tangents_3_6_9": "tangents"}
    assert not set(RENAMED_FIGURES) & set(FIGURES) and set(RENAMED_FIGURES.values()) <= set(FIGURES)
    assert select(["tangent_at_3", "curve"]) == ([], ["tangent_at_3", "curve"])
    assert not set(RENAMED_FIGURES) & set(select(["figures"])[1])
    for old, new in RENAMED_FIGURES.items():
        job = _figure_job(tmp_path, old)
        assert job.entry == FIGURES[new] and job.target == tmp_path / "figures" / f"{old}.png"
    result = cli("--check", "tangent_at_3", timeout=60)
    assert result.returncode == 0
    assert result.stderr == ("render.sh: note: tangent_at_3 is now called tangent_at_x0; this run "
                             "writes out/figures/tangent_at_3.png for the pages that embed it, a "
                             "render of every figure writes out/figures/tangent_at_x0.png\n")
    listing = cli("--list").stdout
    assert "tangent_at_3" in listing and "now tangent_at_x0" in listing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NoSuchScene"], "unknown scene or figure 'NoSuchScene'"),
        (["-q", "x"], "argument -q: invalid choice: 'x'"),
        (["--format", "avi"], "argument --format: invalid choice: 'avi'"),
        (["-j", "0"], "argument -j: must be a positive integer"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["--config", "/no/such/file.toml"], "--config: no such file"),
    ],
)
def test_user_mistakes_exit_2_with_one_line_and_usage(tmp_path, args, message):
    out = tmp_path / "out"
    result = cli("--out", str(out), *args)
    assert result.returncode == 2
    first, *rest = result.stderr.splitlines()
    assert first.startswith("render.sh: error: ") and message in first
    assert rest and rest[0].startswith("usage: render.sh")
    assert "Traceback" not in result.stderr
    assert not out.exists()  # nothing rendered, nothing created


def test_bad_config_is_named_and_touches_nothing(tmp_path):
    out = tmp_path / "out"
    old = out / "videos" / f"{SCENE}.mp4"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"previous render")
    bad = tmp_path / "bad.toml"
    bad.write_text('[function]\nexpression = "os.system(1)"\n', encoding="utf-8")
    result = cli("--out", str(out), "--config", str(bad), SCENE)
    assert result.returncode == 2
    assert "function.expression" in result.stderr
    assert "Traceback" not in result.stderr
    assert old.read_bytes() == b"previous render"
    assert sorted(p.name for p in out.rglob("*")) == sorted(["videos", f"{SCENE}.mp4"])


def _no_render(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a render that gets past the checks fail the test at once instead of running."""
    def render(*_args, **_kwargs):
        raise AssertionError("the run got past the checks and started a render")

    monkeypatch.setattr("publish.cli.run_job", render)


def _out_cases(tmp_path: Path) -> list[tuple[str, str]]:
    """Output folders that cannot be used (root can write none of them), with their error."""
    afile = tmp_path / "a-file"
    afile.write_text("not a folder", encoding="utf-8")
    cases = [(str(afile), f"--out {afile} is a file, not a folder"),
             (str(afile / "x"),
              f"--out {afile / 'x'} cannot be created: {afile} is a file, not a folder"),
             ("/dev/null", "--out /dev/null is not a folder")]
    if Path("/proc/self").is_dir():
        cases += [("/proc/bibun-out", "--out /proc/bibun-out cannot be created: /proc cannot be "
                                      "written"),
                  ("/proc", "--out /proc cannot be written")]
    return cases


def test_an_out_that_is_no_folder_stops_the_check_with_one_line(tmp_path):
    cases = _out_cases(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    for out, message in cases:
        result = cli("--check", "--out", out, "curve", timeout=60)
        assert result.returncode == 2, (out, result.stderr)
        assert result.stderr.splitlines() == [f"render.sh: error: {message}"]
    assert sorted(tmp_path.rglob("*")) == before  # nothing written
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a folder"


def test_an_out_that_is_no_folder_stops_the_real_run_before_any_render(
        tmp_path, monkeypatch, capsys):
    _no_render(monkeypatch)
    cases = _out_cases(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    for out, message in cases:
        assert main(["--out", out, "-q", "l", "curve"]) == 2
        assert capsys.readouterr().err == f"render.sh: error: {message}\n"
    assert sorted(tmp_path.rglob("*")) == before


def test_an_out_that_can_be_made_passes_the_check_and_is_not_made(tmp_path):
    for out in (tmp_path / "new" / "out", tmp_path):
        assert main(["--check", "--out", str(out), "curve"]) == 0
    assert list(tmp_path.iterdir()) == []  # not created, and no trace of the write test


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["site", "--format", "gif"], "site does not take --format"),
        (["site", "--format", "mp4"], "site does not take --format"),  # given is given
        (["site", "curve", "--captions", "en"], "curve is a figure and does not take --captions"),
        (["site", SCENE, "--transparent"], f"{SCENE} is a scene and does not take --transparent"),
        (["slides", "--format", "gif"], "slides does not take --format"),
        (["slides", "--captions", "all"], "slides does not take --captions"),
        (["slides", SCENE, "--transparent"], "slides does not take --transparent"),
        (["figures", "--format", "gif"], "figures does not take --format"),
        (["curve", "--format=webm"], "curve is a figure and does not take --format"),
        (["--captions", "ja", "curve", "tangents"],
         "curve and tangents are figures and do not take --captions"),
        ([SCENE, "--transparent"], f"{SCENE} is a scene and does not take --transparent"),
        (["--format", "png", "--captions", "all"], "--format png does not take --captions"),
    ],
)
def test_an_option_the_command_does_not_use_is_an_error(
        args, message, tmp_path, monkeypatch, capsys):
    result = cli("--check", *args, timeout=60)  # as render.sh runs it, before any set-up
    assert result.returncode == 2
    first, *rest = result.stderr.splitlines()
    assert first.startswith(f"render.sh: error: {message} (")
    assert rest and rest[0].startswith("usage: render.sh")
    _no_render(monkeypatch)  # and the real run stops as well
    with pytest.raises(SystemExit) as stop:
        main(["--out", str(tmp_path / "out"), *args])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["-q", "l", "--format", "gif", "TangentSweep"],
        ["--format", "webm", "--transparent", "--captions", "all"],
        ["figures", "--transparent", "--theme", "light", "-q", "m", "-j", "1", "--force"],
        [SCENE, "curve", "--format", "png", "--transparent"],
        ["--captions", "en", SCENE],
        ["site", "-q", "l", "--theme", "light", "--captions", "en", "--transparent"],
        ["site", SCENE, "curve", "--transparent", "--captions", "ja"],
        ["slides", "-q", "l", SCENE, "--theme", "dark", "--force", "-j", "2"],
        ["--list", "site", "--format", "gif"],  # a listing takes anything
    ],
)
def test_the_options_each_command_uses_pass_the_check(args, tmp_path):
    assert main(["--check", "--out", str(tmp_path / "out"), *args]) == 0


def test_failed_render_keeps_the_previous_output(tmp_path):
    # A class manim cannot find: the render fails after the checks, as a crashing scene would.
    target = tmp_path / "videos" / "Broken.mp4"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"previous render")
    job = Job("Broken", Entry("scenes.secant", "NoSuchScene", ""), "video", "mp4", target,
              tmp_path / ".work" / "Broken", tmp_path / "logs" / "Broken.log")
    args = build_parser().parse_args(["-q", "l"])
    run_job(job, args, {**os.environ, "PYTHONPATH": str(ROOT)}, stream_output=False)
    assert job.status == "failed" and job.returncode != 0
    assert target.read_bytes() == b"previous render"
    assert job.log.read_text(encoding="utf-8").strip()


def test_interrupt_keeps_the_previous_output(tmp_path):
    out = tmp_path / "out"
    old = out / "videos" / f"{SCENE}.mp4"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"previous render")
    proc = subprocess.Popen(
        [sys.executable, "-m", "publish.cli", "--out", str(out), "-q", "l", "-j", "2", SCENE],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        if f"start  {SCENE}" in line or time.monotonic() > deadline:
            break
    time.sleep(3)  # let manim get going
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "interrupted" in stderr
    assert old.read_bytes() == b"previous render"
    assert list(old.parent.iterdir()) == [old]


def _expected_duration(cls_name: str) -> float:
    """The scene's length in seconds at 15 fps, from a dry run (no file written; manim still
    draws every frame, so they are drawn tiny)."""

    from manim import tempconfig

    cls = SCENES[cls_name].scene_class()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with tempconfig({"dry_run": True, "quality": "low_quality", "disable_caching": True,
                     "pixel_width": 160, "pixel_height": 90,
                     # this worker's own LaTeX and Pango files (as tests/scenes/scene_testing.py)
                     "tex_dir": str(ROOT / "media" / f"Tex-{worker}"),
                     "text_dir": str(ROOT / "media" / f"texts-{worker}")}):
        scene = cls()
        scene.render()
        return scene.renderer.time


@pytest.fixture(scope="module")
def two_renders(tmp_path_factory):
    """:data:`SCENE` rendered twice at once at 480p15 with every language's captions, as
    ``./render.sh -q l --captions all SCENE`` does: the outputs and the closing logs."""
    base = tmp_path_factory.mktemp("real")
    outs = [base / "a", base / "b"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "publish.cli", "--out", str(o), "-q", "l", "-j", "1",
             "--captions", "all", SCENE],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for o in outs
    ]
    logs = [p.communicate(timeout=900)[0] for p in procs]
    for proc, log in zip(procs, logs, strict=True):
        assert proc.returncode == 0, log[-3000:]
    return outs, logs


@pytest.mark.render
@pytest.mark.xdist_group("real_render")  # one worker makes the two renders (pytest-xdist)
def test_real_render_480p15_is_complete_and_reproducible(two_renders):
    import av

    outs, logs = two_renders
    videos = [o / "videos" / f"{SCENE}.mp4" for o in outs]

    # The closing table names the output with its duration and resolution.
    assert str(videos[0]) in logs[0] and "854x480@15" in logs[0]

    with av.open(str(videos[0])) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (854, 480)
        assert float(stream.average_rate) == pytest.approx(15)
        frames = sum(1 for _ in container.decode(stream))
    expected = _expected_duration(SCENE)
    assert 20 <= expected <= 90  # as the scene tests: a lecturer's reading pace
    assert frames / 15 == pytest.approx(expected, abs=2 / 15)

    # Same input, same bytes; and beside the video only its captions (both languages) and
    # poster, no temporary file.
    for name in (f"{SCENE}.mp4", f"{SCENE}.srt", f"{SCENE}.ja.vtt"):
        digests = {hashlib.sha256((o / "videos" / name).read_bytes()).hexdigest() for o in outs}
        assert len(digests) == 1, name
    assert sorted(p.name for p in videos[0].parent.iterdir()) == sorted(
        f"{stem}.{ext}" for stem, ext in [(SCENE, "mp4"), (SCENE, "png"), (SCENE, "srt"),
                                          (SCENE, "vtt"), (f"{SCENE}.ja", "srt"),
                                          (f"{SCENE}.ja", "vtt")])


@pytest.mark.render
@pytest.mark.xdist_group("real_render")
def test_videos_are_ready_for_the_web(two_renders):
    """Faststart H.264 in yuv420p, captions that parse back and match manim's own, a poster,
    and the other language's captions with --captions all."""
    import av
    import srt
    from PIL import Image

    from publish.companions import atoms

    (out, _), (stdout, _) = two_renders
    videos = out / "videos"
    video = videos / f"{SCENE}.mp4"
    boxes = atoms(video)
    assert boxes.index("moov") < boxes.index("mdat"), boxes  # playable while downloading
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.format.name == "yuv420p"
        duration = float(stream.duration * stream.time_base)
    for stem in (SCENE, f"{SCENE}.ja"):
        subs = list(srt.parse((videos / f"{stem}.srt").read_text(encoding="utf-8")))
        assert len(subs) >= 5
        assert subs[-1].end.total_seconds() <= duration + 1e-3
        vtt = (videos / f"{stem}.vtt").read_text(encoding="utf-8")
        assert vtt.startswith("WEBVTT") and vtt.count(" --> ") == len(subs)
    assert any("の" in s.content for s in srt.parse((videos / f"{SCENE}.ja.srt").read_text()))
    # the render-language file is exactly what manim wrote from the scene's subcaptions
    (manims,) = (out / ".work" / SCENE / "videos").rglob(f"{SCENE}.srt")
    assert manims.read_text(encoding="utf-8") == (videos / f"{SCENE}.srt").read_text()
    with Image.open(videos / f"{SCENE}.png") as poster:
        assert poster.size == (854, 480)
        assert len(poster.convert("RGB").getcolors(1 << 16) or []) > 16  # a picture, not a fill
    # the closing table lists the companions with their sizes
    assert f"{SCENE}.ja.vtt" in stdout and "poster" in stdout


@pytest.mark.render
def test_gif_is_a_small_loop(tmp_path):
    from PIL import Image

    out = tmp_path / "out"
    result = cli("--out", str(out), "-q", "l", "--format", "gif", "TangentSweep")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    gif = out / "videos" / "TangentSweep.gif"
    with Image.open(gif) as img:
        assert img.info.get("loop") == 0  # forever
        assert img.size == (854, 480)
        delays = []
        for i in range(img.n_frames):
            img.seek(i)
            delays.append(img.info["duration"])
    seconds = sum(delays) / 1000
    assert seconds == pytest.approx(_expected_duration("TangentSweep"), abs=0.2)
    assert gif.stat().st_size / 1024 / seconds <= 250  # KB per second of 480p15
