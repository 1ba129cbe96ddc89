"""One video stream per scene instead of one x264 session per animation (plain video renders).

Why a subclass: manim 0.22 encodes every ``play``/``wait`` of a scene into its own partial movie
file, each with its own encoder session, then concatenates them. At 1080p60 that costs a flush of
the encoder's look-ahead at the end of every animation (the drawing thread waits for it: with
``max_inflight_encoders = 1`` it joins each segment, with more they compete for the two cores),
and it restarts rate control and the GOP 40-odd times. No configuration key changes the
segmentation; the documented hook is ``CairoRenderer(file_writer_class=...)``, so this module
gives it a :class:`SceneFileWriter` that opens *one* segment at the scene's first written
animation, keeps it open across animations and seals it when the scene finishes. manim then
"concatenates" that single file as usual, so the movie, its subcaptions and its sound are
assembled by manim's own code.

Only for plain video renders. Lecture mode (manim-slides' ``Slide``) cuts its slides out of the
per-animation partial movie files, so :func:`renderer_for` returns ``None`` (manim's default
renderer, one file per animation) for a lecture scene, for sections (``--save_sections`` needs
per-animation files too), for caching (a cache entry per animation) and for the OpenGL renderer.
Frames written outside an animation are dropped, as manim's writer drops them.

:class:`OneStreamSegmentEncoder` also converts a frame that is repeated (``self.wait()``, a frozen
frame) to the encoder's pixel format once, not once per repetition.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import av
from manim import config
from manim.renderer.cairo_renderer import CairoRenderer
from manim.scene.scene_file_writer import SceneFileWriter
from manim.scene.video_segment_encoder import VideoSegmentEncoder

__all__ = ["OneStreamFileWriter", "OneStreamSegmentEncoder", "renderer_for"]


class OneStreamSegmentEncoder(VideoSegmentEncoder):
    """manim's segment encoder, converting a repeated frame once (same bytes out)."""

    def write_frame(self, pixels, *, repeat: int = 1) -> None:
        if repeat == 1:
            super().write_frame(pixels, repeat=1)
            return
        self._validate_frame(pixels, repeat)
        time_base = Fraction(self.spec.frame_rate.denominator, self.spec.frame_rate.numerator)
        try:
            frame = av.VideoFrame.from_ndarray(pixels, format="rgba")
            if frame.format.name != self._stream.codec_context.pix_fmt:
                frame = frame.reformat(format=self._stream.codec_context.pix_fmt)
            for _ in range(repeat):
                frame.pts = self._next_pts
                frame.time_base = time_base
                self._next_pts += 1
                for packet in self._stream.encode(frame):
                    self._container.mux(packet)
        except BaseException as error:
            raise self._operation_error("encode", error) from error


class OneStreamFileWriter(SceneFileWriter):
    """A :class:`SceneFileWriter` that writes the whole scene into one partial movie file."""

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self._one_stream_path: str | None = None
        self._in_animation = False

    def add_partial_movie_file(self, hash_animation: str | None) -> None:
        # Only the first written animation gets a file; the others are encoded into it, so they
        # are listed as skipped (None), which manim's concatenation ignores.
        if hash_animation is not None and self._one_stream_path is not None:
            hash_animation = None
        super().add_partial_movie_file(hash_animation)
        if hash_animation is not None and self.output_spec.is_video:
            self._one_stream_path = self.partial_movie_files[-1]

    def begin_animation(self, allow_write: bool = False, *, animation_index: int,
                        file_path=None) -> None:
        if not (self.output_spec.is_video and allow_write):
            super().begin_animation(allow_write, animation_index=animation_index,
                                    file_path=file_path)
            return
        self._in_animation = True
        if self._current_encode_job is None:
            super().begin_animation(allow_write, animation_index=animation_index,
                                    file_path=file_path or self._one_stream_path)

    def end_animation(self, allow_write: bool = False) -> None:
        if self.output_spec.is_video and allow_write:
            self._in_animation = False  # the stream stays open for the next animation
            return
        super().end_animation(allow_write)

    def write_frame(self, pixels, *, repeat: int = 1) -> None:
        if self.output_spec.is_video and not self._in_animation:
            if not self.output_spec.is_image_sequence:
                return  # outside an animation: manim's writer drops it too
        super().write_frame(pixels, repeat=repeat)

    def finish(self) -> None:
        if self._current_encode_job is not None:
            self.close_partial_movie_stream()
        super().finish()

    def _create_segment_encoder(self, target):
        if self.video_encoder is None:
            raise RuntimeError("Video segment encoding requires resolved settings.")
        return OneStreamSegmentEncoder(target=target, spec=self.video_encoder)


def renderer_for(scene_class: type, camera_class: type | None = None,
                 skip_animations: bool = False) -> CairoRenderer | None:
    """The renderer a plain video render of ``scene_class`` should use (pass it as
    ``Scene(renderer=...)``), or ``None`` for manim's default: for a lecture scene, sections,
    caching or OpenGL, which need one file per animation."""
    from manim import Camera
    from manim.constants import RendererType

    if getattr(scene_class, "lecture", False) or config.renderer != RendererType.CAIRO:
        return None
    if config.save_sections or not config.disable_caching:
        return None
    return CairoRenderer(file_writer_class=OneStreamFileWriter,
                         camera_class=camera_class or Camera, skip_animations=skip_animations)
