"""The kit every lesson is built from: :class:`~scenes.kit.lesson.Lesson` (beats, narration and
their timing, the caption), :mod:`~scenes.kit.caption` (the caption band), and a module for each
kind of shared piece: :mod:`~scenes.kit.config` the parameters and theme,
:mod:`~scenes.kit.typography` words, maths and code, :mod:`~scenes.kit.formatting` numbers as
strings, :mod:`~scenes.kit.axes` axes and ticks, :mod:`~scenes.kit.lines` clipped lines,
:mod:`~scenes.kit.readouts` live numbers, :mod:`~scenes.kit.layout` the frame and its safe area,
:mod:`~scenes.kit.derivative_trace` f' traced under f; one style module (:mod:`scenes.kit.style`),
the text catalogue (:mod:`scenes.kit.text`), caption timing and files
(:mod:`scenes.kit.captions`) and the one-stream encoder (:mod:`scenes.kit.encoding`).

This package's ``__init__`` imports nothing: the publishing pipeline (:mod:`publish`) reads the
catalogue and the caption rules without manim; :mod:`scenes.kit.formatting` and
:mod:`scenes.kit.layout` import no manim either.
"""
