"""What a video needs beside it on a web page: captions in each language, and a poster.

``render.sh`` renders a scene with ``$BIBUN_RECORD`` set; the scene (a
:class:`scenes.lesson.Lesson`) writes there its narrations, beats and poster time. From that
record and the rendered video, :func:`companions` writes into the job's working folder:

- ``<Scene>.srt`` and ``<Scene>.vtt`` in the render's language, and ``<Scene>.<lang>.srt`` /
  ``.vtt`` for each other language asked for (same timings: no second render);
- ``<Scene>.png``, the poster: the frame at the scene's poster time, or its last frame.

The driver then moves them beside the video, each in one atomic step.
"""

from __future__ import annotations

import json
from pathlib import Path

from scenes.captions import cues_for, to_srt, to_vtt
from scenes.text import Catalogue

__all__ = ["caption_cues", "companions", "poster_frame"]


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
    for language in dict.fromkeys([record["language"], *languages]):
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
