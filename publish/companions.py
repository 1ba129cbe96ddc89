"""What a video needs beside it on a web page: captions in each language, and a poster.

``render.sh`` renders a scene with ``$BIBUN_RECORD`` set; the scene (a
:class:`scenes.kit.lesson.Lesson`) writes there its narrations, beats and poster time. From that
record and the rendered video, :func:`companions` writes into the job's working folder:

- ``<Scene>.srt`` and ``<Scene>.vtt`` in the render's language, and ``<Scene>.<lang>.srt`` /
  ``.vtt`` for each other language asked for (same timings: no second render);
- ``<Scene>.png``, the poster: the frame at the scene's poster time, or its last frame.

The driver then moves them beside the video, each in one atomic step. Two conversions make the
videos themselves web-ready: :func:`faststart` moves an MP4's index (``moov``) before its data
(``mdat``), so that a browser starts playing before the download ends, and :func:`to_gif` turns a
lossless render into a small looping GIF.
"""

from __future__ import annotations

import json
from pathlib import Path

from scenes.kit.captions import cues_for, to_srt, to_vtt
from scenes.kit.text import Catalogue

__all__ = ["atoms", "caption_cues", "companions", "faststart", "poster_frame", "to_gif"]


def caption_cues(record: dict, language: str):
    """Every cue of a scene's record, in ``language``."""
    tr = Catalogue(language)
    return [
        cue
        for n in record["cues"]
        for cue in cues_for(tr(n["key"], **n["fields"]), n["start"], n["end"], language)
    ]


def poster_frame(video: Path, at: float | None):
    """The frame of ``video`` shown at ``at`` seconds (None: the last frame), as a PIL image."""
    import av

    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        duration = (float(stream.duration * stream.time_base) if stream.duration is not None
                    else container.duration / 1e6)
        t = duration if at is None else min(at, duration)
        # seek to a key frame a little before, then decode up to the wanted time
        container.seek(max(0, int((t - 2.0) / stream.time_base)), stream=stream,
                       backward=True, any_frame=False)
        chosen = None
        for frame in container.decode(stream):
            if chosen is not None and frame.time is not None and frame.time > t + 1e-6:
                break
            chosen = frame
        if chosen is None:  # pragma: no cover - an empty video
            raise ValueError(f"{video} has no frames")
        return chosen.to_image()


def companions(
    name: str, video: Path, record_path: Path, folder: Path, *, languages: list[str]
) -> list[Path]:
    """Write the captions and the poster of ``video`` into ``folder``; returns their paths.

    ``languages`` lists the caption languages; the record's own (the render's) is written
    without a suffix, the others as ``<name>.<lang>.srt``.
    """
    record = json.loads(record_path.read_text(encoding="utf-8"))
    out = []
    for language in dict.fromkeys([record["language"], *languages]) if record["cues"] else ():
        cues = caption_cues(record, language)
        stem = name if language == record["language"] else f"{name}.{language}"
        for ext, text in (("srt", to_srt(cues)), ("vtt", to_vtt(cues))):
            path = folder / f"{stem}.{ext}"
            path.write_text(text, encoding="utf-8")
            out.append(path)
    poster = folder / f"{name}.png"
    poster_frame(video, record.get("poster_time")).save(poster)
    out.append(poster)
    return out


def faststart(src: Path, dst: Path) -> None:
    """Copy the MP4 ``src`` to ``dst`` with its ``moov`` atom first (no re-encoding: the
    packets are remuxed by FFmpeg's mp4 muxer with ``movflags=faststart``)."""
    import av

    with av.open(str(src)) as inp, av.open(
        str(dst), "w", format="mp4", options={"movflags": "faststart"}
    ) as out:
        streams = {s.index: out.add_stream_from_template(s) for s in inp.streams
                   if s.type in ("video", "audio")}
        for packet in inp.demux(*(inp.streams[i] for i in streams)):
            if packet.dts is None:  # the demuxer's flush packet
                continue
            packet.stream = streams[packet.stream.index]
            out.mux(packet)


def atoms(path: Path) -> list[str]:
    """The top-level box types of an MP4 file, in order (``ftyp``, ``moov``, ``mdat``...)."""
    import struct

    out = []
    with open(path, "rb") as f:
        while header := f.read(8):
            if len(header) < 8:
                break
            size, kind = struct.unpack(">I4s", header)
            if size == 1:  # a 64-bit size follows
                size = struct.unpack(">Q", f.read(8))[0]
                f.seek(size - 16, 1)
            elif size == 0:  # to the end of the file
                out.append(kind.decode("latin-1"))
                break
            else:
                f.seek(size - 8, 1)
            out.append(kind.decode("latin-1"))
    return out


def to_gif(src: Path, dst: Path, *, colors: int = 255) -> None:
    """A looping GIF of the (lossless) video ``src``: one palette for the whole video, chosen
    from frames across it, applied without dithering (flat colours stay flat, and a pixel that
    does not change keeps its index); Pillow then stores each frame as the rectangle that
    changed, and a frame that repeats as a longer delay."""
    import av
    from PIL import Image

    with av.open(str(src)) as container:
        stream = container.streams.video[0]
        fps = float(stream.average_rate or 15)
        frames = [frame.to_image() for frame in container.decode(stream)]
    if not frames:
        raise ValueError(f"{src} has no frames")
    sample = frames[:: max(1, len(frames) // 24)]
    w, h = frames[0].size
    mosaic = Image.new("RGB", (w, h * len(sample)))
    for i, frame in enumerate(sample):
        mosaic.paste(frame, (0, h * i))
    palette = mosaic.quantize(colors=colors, method=Image.Quantize.MEDIANCUT,
                              dither=Image.Dither.NONE)
    indexed = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in frames]
    # GIF delays are whole centiseconds: 15 fps is 6, 7, 7, 6, 7, 7... so that the loop lasts
    # exactly as long as the video (a constant 67 ms would be stored as 60 ms)
    ticks = [round((i + 1) * 100 / fps) - round(i * 100 / fps) for i in range(len(indexed))]
    indexed[0].save(dst, format="GIF", save_all=True, append_images=indexed[1:], loop=0,
                    duration=[10 * t for t in ticks], disposal=1)
