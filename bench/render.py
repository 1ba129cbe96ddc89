"""Benchmark: render each scene, one at a time, and print render time against video time.

Usage (from the repository root, after ./render.sh has set up .venv)::

    .venv/bin/python bench/render.py                  # every scene at 1080p60
    .venv/bin/python bench/render.py -q l TangentSweep

Prints, per scene: frames, video seconds, render seconds (wall clock, LaTeX cache warm after the
first run in the same folder) and the ratio render/video. The target is at most 3x at 1080p60 on
a 2-core machine. Renders go to a temporary folder; out/ is not touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scenes import SCENES  # noqa: E402
from scenes.cli import QUALITIES, Job, build_parser, run_job  # noqa: E402


def frames_and_seconds(path: Path) -> tuple[int, float]:
    """Count the decoded frames of a video and its duration in seconds."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        return frames, frames / float(stream.average_rate)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-q", default="h", choices=list(QUALITIES))
    parser.add_argument("--cold", action="store_true", help="empty LaTeX cache for every scene")
    parser.add_argument("names", nargs="*", default=list(SCENES))
    opts = parser.parse_args()
    unknown = [n for n in opts.names if n not in SCENES]
    if unknown:
        parser.error(f"unknown scene(s): {', '.join(unknown)}")

    args = build_parser().parse_args(["-q", opts.q])
    env = {**os.environ, "BIBUN_CONFIG": str(ROOT / "bibun.toml"), "PYTHONPATH": str(ROOT)}
    width, height, fps = QUALITIES[opts.q][1:]
    print(f"# {height}p{fps}, one scene at a time, {os.cpu_count()} cores", flush=True)
    header = f"{'scene':<22} {'frames':>7} {'video s':>8} {'render s':>9} {'ratio':>6}"
    rows = [header, "-" * len(header)]
    with tempfile.TemporaryDirectory(prefix="bibun-bench-") as tmp:
        for name in opts.names:
            work = Path(tmp) / (name if opts.cold else "shared")
            job = Job(name, SCENES[name], "video", "mp4", Path(tmp) / f"{name}.mp4",
                      work, Path(tmp) / f"{name}.log")
            # A render of the scene's own media folder keeps its LaTeX cache between scenes
            # unless --cold: the figure a returning user sees.
            run_job(job, args, env, stream_output=False)
            if job.status != "done":
                print(f"{name}: render failed, log:\n{job.log.read_text()[-2000:]}")
                return 1
            frames, seconds = frames_and_seconds(job.target)
            rows.append(
                f"{name:<22} {frames:>7} {seconds:>8.1f} {job.seconds:>9.1f} "
                f"{job.seconds / seconds:>5.2f}x"
            )
            print(rows[-1], flush=True)
    print()
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
