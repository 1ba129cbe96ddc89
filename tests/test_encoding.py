"""scenes.kit.encoding: a plain video is one stream with the very frames manim's own writer makes; a
lecture keeps one partial movie file per animation for manim-slides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent

TINY = '''
from manim import RIGHT, Create, Square
from manim.renderer.cairo_renderer import CairoRenderer

from scenes.kit.lesson import Lesson


class Tiny(Lesson):
    def construct(self):
        self.square = Square()
        self.beats(self.draw, self.move)

    def draw(self):
        self.play(Create(self.square), run_time=1)
        self.wait(0.5)

    def move(self):
        self.play(self.square.animate.shift(RIGHT), run_time=1)
        self.wait(0.4)


class TinyDefault(Tiny):
    """The same scene through manim's default writer (one file per animation)."""

    def __init__(self, **kwargs):
        super().__init__(renderer=CairoRenderer(), **kwargs)
'''

TINY_LECTURE = '''
from scenes.kit.lesson import lecture_class
from tiny import Tiny

Tiny = lecture_class(Tiny)
Tiny.__module__ = __name__
'''

LOSSLESS = ["--video-codec", "libx264rgb", "--pixel-format", "rgb24",
            "--encoder-option", "crf=0", "--encoder-option", "preset=ultrafast"]


def _render(folder: Path, module: str, cls: str, *flags: str) -> Path:
    media = folder / f"media-{module}-{cls}"
    result = subprocess.run(
        [sys.executable, "-m", "manim", "render", "-q", "l", "--disable_caching",
         "--media_dir", str(media), *flags, str(folder / f"{module}.py"), cls],
        cwd=folder, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{folder}"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return media


def _movie(media: Path, cls: str) -> Path:
    (movie,) = [p for p in media.rglob(f"{cls}.mp4") if "partial_movie_files" not in p.parts]
    return movie


def _partials(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*.mp4") if "partial_movie_files" in p.parts)


def _frames(path: Path) -> list[np.ndarray]:
    import av

    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(container.streams.video[0])]


@pytest.mark.render
def test_one_stream_has_manims_frames_and_a_lecture_keeps_its_partial_files(tmp_path):
    (tmp_path / "tiny.py").write_text(TINY, encoding="utf-8")
    (tmp_path / "tiny_lecture.py").write_text(TINY_LECTURE, encoding="utf-8")

    one = _render(tmp_path, "tiny", "Tiny", *LOSSLESS)
    default = _render(tmp_path, "tiny", "TinyDefault", *LOSSLESS)
    assert len(_partials(one)) == 1  # the whole scene in one encoder session
    assert len(_partials(default)) == 4  # two plays, two waits
    ours, manims = _frames(_movie(one, "Tiny")), _frames(_movie(default, "TinyDefault"))
    assert len(ours) == len(manims) >= 15 * (1 + 0.5 + 1 + 0.4) - 2  # 2.9 s at 15 fps
    for a, b in zip(ours, manims, strict=True):  # lossless: the very same pixels
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(ours[0], ours[-1])  # and they are not all one frame

    # manim-slides cuts the lecture's slides out of one file per animation: they are kept
    lecture = _render(tmp_path, "tiny_lecture", "Tiny")
    assert len(_partials(lecture)) >= 4
    slides = json.loads((tmp_path / "slides" / "Tiny.json").read_text(encoding="utf-8"))
    assert len(slides["slides"]) == 2


def test_renderer_for_leaves_lectures_sections_and_caching_to_manim():
    from manim import tempconfig
    from manim.scene.scene_file_writer import SceneFileWriter

    from scenes.kit.encoding import OneStreamFileWriter, renderer_for
    from scenes.kit.lesson import Lesson

    class Plain(Lesson):
        pass

    class Lecture(Lesson):
        lecture = True

    with tempconfig({"disable_caching": True}):
        renderer = renderer_for(Plain)
        assert renderer is not None and renderer._file_writer_class is OneStreamFileWriter
        assert issubclass(OneStreamFileWriter, SceneFileWriter)
        assert renderer_for(Lecture) is None
        with tempconfig({"save_sections": True}):
            assert renderer_for(Plain) is None
    with tempconfig({"disable_caching": False}):
        assert renderer_for(Plain) is None


def test_a_repeated_frame_is_converted_once_and_encodes_the_same(tmp_path):
    import av
    from manim._config.video_encoder import VideoEncoderSpec
    from manim.scene.video_segment_encoder import VideoSegmentEncoder

    from scenes.kit.encoding import OneStreamSegmentEncoder

    spec = VideoEncoderSpec("mp4", "libx264", "yuv420p", 64, 48, Fraction(15),
                            (("crf", "23"), ("threads", "1")))
    rng = np.random.default_rng(0)
    frames = [np.ascontiguousarray(rng.integers(0, 256, (48, 64, 4), dtype=np.uint8))
              for _ in range(3)]
    outputs = []
    for cls in (VideoSegmentEncoder, OneStreamSegmentEncoder):
        target = tmp_path / f"{cls.__name__}.mp4"
        encoder = cls(target=target, spec=spec)
        for frame, repeat in zip(frames, (1, 7, 3), strict=True):
            encoder.write_frame(frame, repeat=repeat)
        encoder.finish()
        outputs.append(target)
    decoded = [_frames(p) for p in outputs]
    assert len(decoded[0]) == len(decoded[1]) == 11
    for a, b in zip(*decoded, strict=True):
        np.testing.assert_array_equal(a, b)
    with av.open(str(outputs[1])) as container:
        assert container.streams.video[0].codec_context.name == "h264"
