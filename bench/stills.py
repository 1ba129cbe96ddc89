"""Contact sheets: a video's frames every few seconds, labelled with their time, to look at.

Usage (from the repository root, after ./render.sh has set up .venv)::

    .venv/bin/python bench/stills.py out/videos/SecantToTangent.mp4 --every 2.5 --out /tmp/sheets

Writes ``<video>.sheet<N>.png`` (twelve frames to a sheet, 4 x 3, each 480 px wide with its time
in the corner) and prints the sheets' paths. ``--at 12.5 30`` writes those frames full size
instead (``<video>.<t>s.png``). Reviewing a scene means looking at every sheet in both
languages; the frames are the video's own (decoded with PyAV), not a separate render.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import av
from PIL import Image, ImageDraw

COLUMNS, ROWS, TILE = 4, 3, 480


def frames_at(path: Path, times: list[float]) -> list[tuple[float, Image.Image]]:
    """The frame shown at each of ``times`` (s), in order."""
    wanted = sorted(times)
    out: list[tuple[float, Image.Image]] = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        rate = float(stream.average_rate)
        for i, frame in enumerate(container.decode(stream)):
            t = i / rate
            while wanted and t + 0.5 / rate >= wanted[0]:
                out.append((wanted.pop(0), frame.to_image()))
            if not wanted:
                break
    return out


def sheets(path: Path, every: float, out: Path) -> list[Path]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        length = float(stream.frames / stream.average_rate) if stream.frames else float(
            container.duration / 1e6)
    times = [round(i * every, 3) for i in range(int(length / every) + 1)]
    times[-1] = min(times[-1], length - 0.05)
    frames = frames_at(path, times)
    written = []
    per = COLUMNS * ROWS
    for k in range(0, len(frames), per):
        chunk = frames[k:k + per]
        h = round(TILE * chunk[0][1].height / chunk[0][1].width)
        sheet = Image.new("RGB", (COLUMNS * TILE, ROWS * h), "grey")
        draw = ImageDraw.Draw(sheet)
        for j, (t, img) in enumerate(chunk):
            x, y = (j % COLUMNS) * TILE, (j // COLUMNS) * h
            sheet.paste(img.resize((TILE, h)), (x, y))
            draw.rectangle([x, y + h - 16, x + 58, y + h], fill="black")  # bottom left: titles
            draw.text((x + 3, y + h - 14), f"{t:.1f} s", fill="yellow")  # stay readable
        target = out / f"{path.stem}.sheet{k // per + 1}.png"
        sheet.save(target)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("videos", nargs="+", type=Path)
    parser.add_argument("--every", type=float, default=2.5, help="seconds between frames")
    parser.add_argument("--at", type=float, nargs="*", help="write these times full size")
    parser.add_argument("--out", type=Path, default=Path("."))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.videos:
        if args.at:
            for t, img in frames_at(path, args.at):
                target = args.out / f"{path.stem}.{t:g}s.png"
                img.save(target)
                print(target)
        else:
            for target in sheets(path, args.every, args.out):
                print(target)


if __name__ == "__main__":
    main()
