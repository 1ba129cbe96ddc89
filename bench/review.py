"""Material for a reviewer (``../shared/review/BRIEF.md``): each scene in English at 1080p and
Japanese at 720p, its caption file, and contact sheets of a frame every 2.5 s.

Usage (from the repository root, after ./render.sh has set up .venv)::

    .venv/bin/python bench/review.py --out /tmp/review SecantToTangent TangentSweep

Writes ``<out>/<lang>/<Scene>.mp4``, ``<Scene>.srt`` and ``<Scene>.sheet<N>.png`` and prints what
it wrote. Only stills are looked at, so the videos are rendered at the review's resolution but
``--fps`` frames a second (default 10, a sixth of the real 60): every frame is the scene at that
moment, and waits round to a tenth of a second instead of a sixtieth. Full-size frames on request:
``bench/stills.py <out>/en/<Scene>.mp4 --at 12.5 30``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stills import sheets  # noqa: E402

from scenes import SCENES  # noqa: E402

#: language -> (width, height), as the brief asks
SIZES = {"en": (1920, 1080), "ja": (1280, 720)}


def render(name: str, language: str, out: Path, fps: int) -> tuple[Path, Path]:
    """Render ``name`` in ``language`` into ``out``; return its video and caption file."""
    entry = SCENES[name]
    width, height = SIZES[language]
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "bibun.toml"
        text = (ROOT / "bibun.toml").read_text(encoding="utf-8")
        config.write_text(text.replace('language = "en"', f'language = "{language}"', 1),
                          encoding="utf-8")
        media = Path(tmp) / "media"
        cmd = [sys.executable, "-m", "manim", "render", "--config_file",
               str(ROOT / "scenes" / "manim.cfg"), "-r", f"{width},{height}", "--fps", str(fps),
               "--media_dir", str(media), "-o", name, "--seed", "0", "--disable_caching",
               "--progress_bar", "none", "-v", "WARNING",
               str(ROOT / (entry.module.replace(".", "/") + ".py")), entry.cls]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BIBUN_CONFIG": str(config)}
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        (video,) = media.rglob(f"{name}.mp4")
        (captions,) = media.rglob(f"{name}.srt")
        out.mkdir(parents=True, exist_ok=True)
        return (Path(shutil.copy(video, out / video.name)),
                Path(shutil.copy(captions, out / captions.name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenes", nargs="*", default=list(SCENES))
    parser.add_argument("--out", type=Path, default=Path("/tmp/review"))
    parser.add_argument("--fps", type=int, default=10)
    parser.add_argument("--languages", default="en,ja")
    args = parser.parse_args()
    for name in args.scenes:
        if name not in SCENES:
            parser.error(f"unknown scene {name!r}; one of {', '.join(SCENES)}")
    for name in args.scenes:
        for language in args.languages.split(","):
            folder = args.out / language
            video, captions = render(name, language, folder, args.fps)
            print(video, captions, *sheets(video, 2.5, folder), sep="\n", flush=True)


if __name__ == "__main__":
    main()
