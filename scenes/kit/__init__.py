"""The kit every lesson is built from: :class:`~scenes.kit.lesson.Lesson` (beats, narration and
their timing), the shared drawing pieces (:mod:`scenes.kit.common`: axes, live numbers,
readouts, typography), one style module (:mod:`scenes.kit.style`), the text catalogue
(:mod:`scenes.kit.text`), caption timing and files (:mod:`scenes.kit.captions`) and the
one-stream encoder (:mod:`scenes.kit.encoding`).

This package's ``__init__`` imports nothing: the publishing pipeline (:mod:`publish`) reads the
catalogue and the caption rules without manim.
"""
