"""bibun's Manim scenes and figures.

This module is the registry ``render.sh`` reads; it does not import manim, so listing scenes and
validating parameters stay fast. Each lesson lives in its own module below (the figures in
:mod:`scenes.figures`, the lecture variants in :mod:`scenes.lecture`); what they are built from is
the kit, :mod:`scenes.kit` (the lesson, drawing pieces, style, text catalogue, captions). The
pipeline that renders and publishes them is :mod:`publish`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

__all__ = ["FIGURES", "RENAMED_FIGURES", "SCENES", "Entry"]


@dataclass(frozen=True)
class Entry:
    """Where a scene (or the static scene behind a figure) lives, and what it shows.

    ``reads`` names the sections of the parameter file (:class:`core.config.Config`) that it
    draws from; ``render.sh`` re-renders it when one of them, a top-level parameter (language,
    theme) or its source changes (:mod:`publish.manifest`; tests/test_manifest.py checks the
    list against the source).
    """

    module: str
    cls: str
    description: str
    reads: tuple[str, ...] = ()

    def scene_class(self) -> type:
        """The scene class itself (importing its module, and so manim)."""
        return getattr(importlib.import_module(self.module), self.cls)


#: Every video, in the order ``render.sh`` renders them.
SCENES: dict[str, Entry] = {
    e.cls: e
    for e in (
        Entry("scenes.cannonball", "CannonballTrajectory",
              "the cannonball under gravity and drag: average vs instantaneous velocity, apex",
              reads=("cannon",)),
        Entry("scenes.secant", "SecantToTangent",
              "a secant through P and Q collapses into the tangent as h -> 0",
              reads=("function", "secant")),
        Entry("scenes.tangent_sweep", "TangentSweep",
              "the tangent slides along f while f'(x) is traced below", reads=("function",)),
        Entry("scenes.aim", "AimTheCannon",
              "hitting a target with the derivative of range by angle (Newton's method)",
              reads=("cannon", "aim")),
        Entry("scenes.aim", "AimTheCannonGradient",
              "the same target by gradient descent on the squared miss", reads=("cannon", "aim")),
        Entry("scenes.two_knobs", "AimWithTwoKnobs",
              "two knobs, angle and powder: contour map, partials as slices, the gradient, "
              "descent on raw and on scaled knobs", reads=("cannon", "aim", "knobs")),
        Entry("scenes.backprop", "Backpropagation",
              "one neuron forwards and backwards (the chain rule), the post's central difference "
              "as a gradient check, one step of learning", reads=("network",)),
        Entry("scenes.step_size", "StepSizeError",
              "why h = 1e-8: truncation against rounding error, log-log",
              reads=("function", "secant")),
    )
}

#: Every still: figure name -> the scene whose last frame it is.
FIGURES: dict[str, Entry] = {
    "curve": Entry("scenes.figures", "CurveFigure", "f on [x_min, x_max] with grid and labels",
                   reads=("function",)),
    "tangent_at_x0": Entry("scenes.figures", "TangentAtX0Figure",
                           "f and its tangent at secant.x0", reads=("function", "secant")),
    "tangents": Entry("scenes.figures", "TangentsFigure",
                      "f and its tangents at function.tangent_points", reads=("function",)),
    "cannonball_average_vs_instantaneous": Entry(
        "scenes.cannonball", "CannonballFigure",
        "the flight, its average-velocity chord and an instantaneous velocity",
        reads=("cannon",)),
    "derivative_definition": Entry("scenes.figures", "DerivativeDefinitionFigure",
                                   "the limit definition of the derivative"),
    "aim_the_cannon": Entry("scenes.aim", "AimTheCannon", "last frame of AimTheCannon",
                            reads=("cannon", "aim")),
    "two_knobs_map": Entry("scenes.two_knobs", "TwoKnobsMapFigure",
                           "the loss map of the two knobs with the gradient and both paths",
                           reads=("cannon", "aim", "knobs")),
    "backprop_graph": Entry("scenes.backprop", "BackpropGraphFigure",
                            "the neuron's computation graph: forward values, backward gradients",
                            reads=("network",)),
    "step_size_error": Entry("scenes.step_size", "StepSizeError", "last frame of StepSizeError",
                             reads=("function", "secant")),
}

#: Figures renamed for what they show rather than for the post's default points: old name -> new.
#: ``./render.sh OLD`` still renders the figure, into ``out/figures/OLD.png``, so that a post that
#: embeds the old file gets it fresh; every other render writes the new name only.
RENAMED_FIGURES: dict[str, str] = {
    "tangent_at_3": "tangent_at_x0",
    "tangents_3_6_9": "tangents",
}
