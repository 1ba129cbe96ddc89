"""Benchmark: per scene, drawing-only time, MP4 time against video time, file size and PSNR; then
the full set's cold and no-change time through the real driver.

Usage (from the repository root, after ./render.sh has set up .venv)::

    .venv/bin/python bench/render.py                     # every scene at 1080p60, then the set
    .venv/bin/python bench/render.py -q l TangentSweep   # one scene, 480p15
    .venv/bin/python bench/render.py --no-psnr --no-set  # times only

Per scene (one render at a time; the LaTeX cache is warmed first with a render of the last frame):

- ``draw s``: manim with ``--format none``, every frame drawn, nothing encoded;
- ``mp4 s`` and ``ratio``: the render as ``render.sh`` makes it (encoding, faststart, captions,
  poster), and that time over the video's length (the target is <= 1.0x at 1080p60);
- ``mp4 cpu``: the CPU seconds (user + system, every thread) of that render: steadier than the
  wall clock when other work shares the machine;
- ``size``: the MP4's size;
- ``PSNR``: of the decoded MP4 against a lossless render of the same frames (libx264rgb, crf 0,
  RGB), over all frames (from the mean squared error of all of them).

Then the whole default set (every scene and figure) into an empty folder (``cold``) and again
(``no change``: every output up to date). Wall-clock times; the load average is printed beside
them, since other work on the machine slows every figure. Renders go to a temporary folder; out/
is not touched.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from publish.cli import QUALITIES, Job, _manim_command, build_parser, run_job  # noqa: E402
from scenes import SCENES  # noqa: E402


def frames_and_seconds(path: Path) -> tuple[int, float]:
    """Count the decoded frames of a video and its duration in seconds."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        return frames, frames / float(stream.average_rate)


def psnr(video: Path, reference: Path) -> float:
    """PSNR (dB) of ``video`` against ``reference``, frame by frame, as RGB; from the mean
    squared error over every pixel of every frame. The two must have the same frames."""
    import av
    import numpy as np

    total, count = 0.0, 0
    with av.open(str(video)) as a, av.open(str(reference)) as b:
        frames_a = a.decode(a.streams.video[0])
        frames_b = b.decode(b.streams.video[0])
        for fa, fb in zip(frames_a, frames_b, strict=True):
            x = fa.to_ndarray(format="rgb24").astype(np.int32)
            y = fb.to_ndarray(format="rgb24").astype(np.int32)
            total += float(np.square(x - y, dtype=np.int64).sum()) / x.size
            count += 1
    mse = total / count
    return math.inf if mse == 0 else 10 * math.log10(255**2 / mse)


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def cpu_children() -> float:
    """CPU seconds (user + system) of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> float:
    start = time.monotonic()
    with open(log, "wb") as out:
        result = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[-1]} failed; log:\n{log.read_text()[-2000:]}")
    return time.monotonic() - start


def _with(cmd: list[str], **flags: str) -> list[str]:
    """``cmd`` with ``--format`` replaced and extra manim flags before the file and class."""
    cmd = list(cmd)
    extra: list[str] = []
    for flag, value in flags.items():
        name = "--" + flag.replace("_", "-")
        if name in cmd:
            cmd[cmd.index(name) + 1] = value
        else:
            extra += [name, value]
    return [*cmd[:-2], *extra, *cmd[-2:]]


def bench_scene(name: str, args, env, tmp: Path, with_psnr: bool) -> str:
    work = tmp / "shared"  # one media folder: the LaTeX cache stays warm between scenes
    job = Job(name, SCENES[name], "video", "mp4", tmp / f"{name}.mp4", work,
              tmp / f"{name}.log")
    base = _manim_command(job, args)
    work.mkdir(parents=True, exist_ok=True)
    # the last frame only: every formula compiled once, so no timing below pays for LaTeX
    _timed(_with(base, format="png"), work, env, tmp / f"{name}-warm.log")
    draw = _timed(_with(base, format="none"), work, env, tmp / f"{name}-none.log")
    before, cpu = load(), cpu_children()
    run_job(job, args, env, stream_output=False)
    cpu = cpu_children() - cpu
    if job.status != "done":
        raise RuntimeError(f"{name}: render failed, log:\n{job.log.read_text()[-2000:]}")
    frames, seconds = frames_and_seconds(job.target)
    size = job.target.stat().st_size
    quality = "-"
    if with_psnr:
        ref_dir = tmp / f"ref-{name}"
        plain = [a for i, a in enumerate(base)  # without the MP4's own x264 options
                 if a != "--encoder-option" and base[i - 1] != "--encoder-option"]
        lossless = [*plain[:-2], "--video-codec", "libx264rgb", "--pixel-format", "rgb24",
                    "--encoder-option", "crf=0", "--encoder-option", "preset=ultrafast",
                    *plain[-2:]]
        lossless[lossless.index("--media_dir") + 1] = str(ref_dir)
        _timed(lossless, work, env, tmp / f"{name}-lossless.log")
        (reference,) = [p for p in ref_dir.rglob(f"{name}.mp4")
                        if "partial_movie_files" not in p.parts]
        quality = f"{psnr(job.target, reference):.2f}"
    return (f"{name:<22} {frames:>6} {seconds:>7.1f} {draw:>7.1f} {job.seconds:>7.1f} "
            f"{job.seconds / seconds:>5.2f}x {cpu:>7.1f} {size / 1e6:>7.2f} {quality:>7}  "
            f"{before}")


def bench_set(quality: str, env: dict[str, str], tmp: Path) -> list[str]:
    """The full default set through the driver: into an empty folder, then again."""
    out = tmp / "set"
    cmd = [sys.executable, "-m", "publish.cli", "-q", quality, "--out", str(out)]
    rows = []
    for what in ("cold", "no change"):
        before = load()
        seconds = _timed(cmd, ROOT, env, tmp / f"set-{what.replace(' ', '-')}.log")
        rows.append(f"full set, {what:<9} {seconds:>8.1f} s   ({before} -> {load()})")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-q", default="h", choices=list(QUALITIES))
    parser.add_argument("--no-psnr", action="store_true", help="skip the lossless renders")
    parser.add_argument("--no-set", action="store_true", help="skip the full-set runs")
    parser.add_argument("names", nargs="*", default=list(SCENES))
    opts = parser.parse_args()
    unknown = [n for n in opts.names if n not in SCENES]
    if unknown:
        parser.error(f"unknown scene(s): {', '.join(unknown)}")

    args = build_parser().parse_args(["-q", opts.q])
    args.command, args.captions = "render", []
    env = {**os.environ, "BIBUN_CONFIG": str(ROOT / "bibun.toml"), "PYTHONPATH": str(ROOT)}
    width, height, fps = QUALITIES[opts.q][1:]
    print(f"# {height}p{fps}, one scene at a time, {os.cpu_count()} cores, {load()}", flush=True)
    header = (f"{'scene':<22} {'frames':>6} {'video s':>7} {'draw s':>7} {'mp4 s':>7} "
              f"{'ratio':>6} {'mp4 cpu':>7} {'MB':>7} {'PSNR dB':>7}")
    rows = [header, "-" * len(header)]
    print(header, flush=True)
    with tempfile.TemporaryDirectory(prefix="bibun-bench-") as tmp:
        for name in opts.names:
            try:
                rows.append(bench_scene(name, args, env, Path(tmp), not opts.no_psnr))
            except RuntimeError as exc:
                print(exc)
                return 1
            print(rows[-1], flush=True)
        if not opts.no_set:
            rows += ["", *bench_set(opts.q, env, Path(tmp))]
    print()
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
