"""``Backpropagation``: one neuron, every number, and the derivative doing what the post says.

The post says that backpropagation is built from derivatives and never shows how. This lesson
runs the network of ``[network]`` in ``bibun.toml``, z = w·x + b, a = σ(z), L = (a − t)², through
the engine of :mod:`core.backprop` and shows each number it computes:

``forward_pass``
    the computation graph (w and x into ×, b into +, σ, then (· − t)² with the target t), each
    node's value appearing as its operation runs;
``local_slopes``
    each stage's own derivative, ∂z/∂w = x, ∂a/∂z = σ(z)(1 − σ(z)), ∂L/∂a = 2(a − t), as the slope
    of a tangent on that stage's own curve at this pass's values; on σ the secants shrink into the
    tangent, as in ``SecantToTangent``;
``chain_rule_backwards``
    from ∂L/∂L = 1 back to w: each node's gradient ∂L/∂(node) appears under it as a product of the
    gradient after it and the local slope, each multiplication written out with its numbers;
``why_backwards_is_cheap``
    the same pass gave ∂L/∂b too: one backward pass, every parameter;
``gradient_check``
    the post's ``differentiation`` (central difference, h = 1e-8) on L(w) beside the
    backpropagated ∂L/∂w: both rounded to the digits on which they agree, and the relative error;
``learning_step``
    w ← w − η·∂L/∂w and b ← b − η·∂L/∂b, the graph run forwards again, the loss before and after;
``back_to_the_cannon``
    the same step aimed the cannon (``AimTheCannonGradient``): its angle was a weight.

Every number on screen is a field of :func:`core.backprop.one_neuron`,
:func:`core.backprop.gradient_check` or :func:`core.backprop.learning_step`, or a node of
:func:`core.backprop.neuron_graph` after its ``backward`` (w·x and its gradient); the scene only
formats them (:func:`shown`: four significant digits, "≈" where that rounds). The curves of the
second beat are the engine's own functions, sampled.

``BackpropGraphFigure`` is the still: the graph with its forward values and, under each node,
its backpropagated gradient.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    ITALIC,
    LEFT,
    RIGHT,
    UP,
    UR,
    Circle,
    Circumscribe,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    Line,
    RoundedRectangle,
    Scene,
    ShowPassingFlash,
    Text,
    ValueTracker,
    VGroup,
    VMobject,
    linear,
)

from core.backprop import (
    GradientCheck,
    LearningStep,
    NeuronPass,
    Node,
    gradient_check,
    learning_step,
    neuron_graph,
    one_neuron,
    sigmoid,
)
from core.calculus import line_through, secant
from scenes.kit import style
from scenes.kit.axes import PlotAxes, nice_range
from scenes.kit.caption import BAND_TOP
from scenes.kit.config import prepare_scene
from scenes.kit.formatting import format_sig
from scenes.kit.lesson import Lesson
from scenes.kit.lines import put_line_on_axes
from scenes.kit.typography import code_block, text

__all__ = [
    "BackpropGraphFigure",
    "Backpropagation",
    "BackpropagationJa",
    "NeuronGraph",
    "PassNumbers",
    "power_of_ten",
    "shown",
]

FRAME_W = 14.222
LEFT_X = -FRAME_W / 2 + style.MARGIN
RIGHT_X = FRAME_W / 2 - style.MARGIN
#: Words and numbers in the graph and the work area below it.
NODE_SIZE = style.SIZE_READOUT_LABEL
LINE_SIZE = style.SIZE_READOUT_LABEL
#: The main row of the graph, and the inputs that join it from above.
ROW_Y = 0.85
SIDE_Y = ROW_Y + 1.4
#: The work area under the graph (below the gradients): from here down to the caption band.
WORK_TOP = -0.98
LINE_PITCH = 0.44
#: The font of ∂ (see :func:`words`).
LATIN_FONT = "DejaVu Sans"

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


# ---------------------------------------------------------------------------------------------
# numbers as the scene writes them


def _minus(s: str) -> str:
    return s.replace("-", "\u2212")


def shown(value: float, digits: int = 4) -> str:
    """``value`` to ``digits`` significant digits, trailing zeros dropped, with a true minus.

    >>> shown(-0.30000000000000004), shown(0.0429871387746058), shown(2.0), shown(-0.925)
    ('−0.3', '0.04299', '2', '−0.925')
    """
    s = f"{value:.{digits}g}"
    if "e" in s:  # keep fixed notation for the lesson's numbers
        s = format_sig(value, digits)
    if float(s) == 0:
        s = "0"
    return _minus(s)


def is_exact(value: float, digits: int = 4) -> bool:
    """Whether :func:`shown` writes ``value`` exactly (to the float's own rounding).

    >>> is_exact(-0.30000000000000004), is_exact(0.5926665999540697)
    (True, False)
    """
    back = float(shown(value, digits).replace("\u2212", "-"))
    return abs(back - value) <= 1e-12 * max(1.0, abs(value))


def equals(*values: float) -> str:
    """``=`` when every one of ``values`` is shown exactly, else ``≈``."""
    return "=" if all(is_exact(v) for v in values) else "≈"


def factor(value: float) -> str:
    """A number after an operator: negative ones in parentheses, ``(−0.3)``."""
    s = shown(value)
    return f"({s})" if value < 0 else s


def python_float(value: float) -> str:
    """``value`` as the post writes it in Python: ``1e-8`` (not ``1e-08``), ``0.5``.

    >>> python_float(1e-8), python_float(0.5), python_float(2e-5)
    ('1e-8', '0.5', '2e-5')
    """
    s = repr(float(value))
    if "e" in s:
        mantissa, exponent = s.split("e")
        s = f"{mantissa.removesuffix('.0')}e{int(exponent)}"
    return s


def power_of_ten(value: float) -> str:
    """Two significant digits as a power of ten: ``5.2 × 10⁻⁹``.

    >>> power_of_ten(5.152285265097588e-09)
    '5.2 × 10⁻⁹'
    """
    if value == 0:
        return "0"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


@dataclass(frozen=True)
class PassNumbers:
    """One pass of the network, node by node: what the graph shows.

    ``values`` and ``gradients`` map the graph's keys (``x w b t wx z a L``) to the forward
    value and to ∂L/∂(node): the fields of :class:`core.backprop.NeuronPass`, and for w·x (and
    ∂L/∂L) the nodes of :func:`core.backprop.neuron_graph` after ``backward``.
    """

    neuron: NeuronPass
    values: dict[str, float]
    gradients: dict[str, float]

    @classmethod
    def of(cls, neuron: NeuronPass) -> PassNumbers:
        loss = neuron_graph(x=neuron.x, t=neuron.t, w=neuron.w, b=neuron.b)
        loss.backward()
        nodes = {node.label: node for node in loss.graph()}
        n = neuron
        values = {"x": n.x, "w": n.w, "b": n.b, "t": n.t, "wx": nodes["w·x"].value, "z": n.z,
                  "a": n.a, "L": n.loss}
        gradients = {"w": n.grad_w, "b": n.grad_b, "wx": nodes["w·x"].grad, "z": n.grad_z,
                     "a": n.grad_a, "L": nodes["L"].grad}
        return cls(neuron, values, gradients)


# ---------------------------------------------------------------------------------------------
# words


def _slants(s: str) -> dict[str, str]:
    """Italics :func:`scenes.kit.typography.text` does not give by itself: the L of ∂L/∂w, and a
    (a variable, not the article) beside an operator or a bracket; η and θ."""
    if s.strip() == "a":  # a node's name
        return {"[0:1]": ITALIC} if s == "a" else {}
    out = {}
    for i, ch in enumerate(s):
        before = s[:i].rstrip()[-1:]
        after = s[i + 1 :].lstrip()[:1]
        if ch in "ηθ":
            out[f"[{i}:{i + 1}]"] = ITALIC
        elif ch in "LwzabxtT" and (before == "∂" or (ch == "L" and s[i - 1 : i] == "d"
                                                        and s[i + 1 : i + 2] == "/")):
            out[f"[{i}:{i + 1}]"] = ITALIC
        elif ch == "a" and not (s[i - 1 : i].isalpha() or s[i + 1 : i + 2].isalpha()) and (
                after in tuple("=)−+·,×(²") or before in tuple("(∂−+")):
            out[f"[{i}:{i + 1}]"] = ITALIC
    return out


def words(s: str, size: float = LINE_SIZE, color: str | None = None,
          colors: list[tuple[int, int, str]] | None = None) -> Text:
    """The style font with the lesson's variables in italic; ``colors`` as (start, end, colour)
    spans of ``s``."""
    t2c = {f"[{a}:{b}]": c for a, b, c in (colors or [])}
    # ∂ is a full-width glyph in the CJK font (a wide gap after it): the Latin font's is not
    t2f = {f"[{i}:{i + 1}]": LATIN_FONT for i, ch in enumerate(s) if ch == "∂"}
    return text(s, size=size, color=color, t2s=_slants(s), t2c=t2c or None, t2f=t2f or None)


def coloured(*parts: tuple[str, str | None]) -> tuple[str, list[tuple[int, int, str]]]:
    """Join ``(words, colour)`` parts into one string and its colour spans."""
    s, spans = "", []
    for part, color in parts:
        if color is not None:
            spans.append((len(s), len(s) + len(part), color))
        s += part
    return s, spans


def line_of(*parts: tuple[str, str | None], size: float = LINE_SIZE) -> Text:
    s, spans = coloured(*parts)
    mob = words(s, size, style.TEXT, spans)
    mob.string = s
    return mob


# ---------------------------------------------------------------------------------------------
# the computation graph, a component


class NeuronGraph(VGroup):
    """z = w·x + b, a = σ(z), L = (a − t)² drawn as a computation graph.

    The main row runs w → × → w·x → + → z → σ → a → (· − t)² → L; x, b and t join their
    operations from above. Every value box has a name line and a value line (empty until
    :meth:`value` fills it); under each box of the main row (and right of b) a gradient chip
    ∂L/∂(node) goes (:meth:`chip`). Built once from the widest value it will show.

    Attributes
    ----------
    boxes : dict of str to VGroup
        ``x w b t wx z a L``: each a rounded rectangle and its name.
    ops : dict of str to VGroup
        ``mul add sigmoid loss``: each a shape and its symbol.
    edges : dict of str to Line
        ``"w>mul"``, ``"x>mul"``, ``"mul>wx"`` ...: the arrows, forwards.
    """

    MAIN = ("w", "mul", "wx", "add", "z", "sigmoid", "a", "loss", "L")
    SIDE = {"x": "mul", "b": "add", "t": "loss"}
    NAMES = {"x": "x", "w": "w", "b": "b", "t": "t", "wx": "w·x", "z": "z", "a": "a", "L": "L"}
    SYMBOLS = {"mul": "×", "add": "+", "sigmoid": "σ", "loss": "(·−t)²"}
    CHIP_LABELS = {"w": "∂L/∂w", "b": "∂L/∂b", "wx": "∂L/∂(w·x)", "z": "∂L/∂z", "a": "∂L/∂a",
                   "L": "∂L/∂L"}

    def __init__(self, widest: dict[str, float], *, row_y: float = ROW_Y,
                 side_y: float = SIDE_Y) -> None:
        super().__init__()
        self.row_y, self.side_y = row_y, side_y
        names = {k: words(v, NODE_SIZE, style.TEXT) for k, v in self.NAMES.items()}
        self.box_h = box_h = 0.98
        self.boxes: dict[str, VGroup] = {}
        for key, name in names.items():
            box_w = max(0.95, widest.get(key, 0.0) + 0.26, name.width + 0.26)
            rect = RoundedRectangle(width=box_w, height=box_h, corner_radius=0.12)
            rect.set_stroke(style.TEXT_DIM, style.STROKE_AXIS).set_fill(opacity=0)
            self.boxes[key] = VGroup(rect, name)
        self.ops: dict[str, VGroup] = {}
        for key, symbol in self.SYMBOLS.items():
            sym = words(symbol, NODE_SIZE + 4 if key != "loss" else NODE_SIZE, style.TEXT)
            if key == "loss":
                shape = RoundedRectangle(width=sym.width + 0.3, height=0.62, corner_radius=0.28)
            else:
                shape = Circle(radius=0.28)
            shape.set_stroke(style.TEXT, style.STROKE_AXIS).set_fill(opacity=0)
            self.ops[key] = VGroup(shape, sym)
        # the main row, spread over the frame's width
        row = [self._part(k) for k in self.MAIN]
        total = sum(m.width for m in row)
        gap = (RIGHT_X - LEFT_X - total) / (len(row) - 1)
        x = LEFT_X
        for m in row:
            m.move_to([x + m.width / 2, row_y, 0])
            x += m.width + gap
        for key, op in self.SIDE.items():
            self.boxes[key][0].move_to([self.ops[op][0].get_x(), side_y, 0])
        for rect, name in self.boxes.values():
            name.move_to(rect.get_center() + UP * 0.2)
        for group in self.ops.values():
            group[1].move_to(group[0])
        self.edges: dict[str, Line] = {}
        for a, b in zip(self.MAIN, self.MAIN[1:], strict=False):
            self.edges[f"{a}>{b}"] = self._arrow(self._part(a).get_right(),
                                                 self._part(b).get_left())
        for key, op in self.SIDE.items():
            self.edges[f"{key}>{op}"] = self._arrow(self.boxes[key][0].get_bottom(),
                                                    self.ops[op][0].get_top())
        self.add(*self.boxes.values(), *self.ops.values(), *self.edges.values())

    def _part(self, key: str) -> VMobject:
        return (self.boxes.get(key) or self.ops[key])[0]

    @staticmethod
    def _arrow(start: np.ndarray, end: np.ndarray) -> Line:
        arrow = Line(start, end, buff=0.04).set_stroke(style.TEXT_DIM, style.STROKE_THIN)
        arrow.add_tip(tip_length=0.14, tip_width=0.14)
        arrow.get_tip().set_fill(style.TEXT_DIM, 1).set_stroke(width=0)
        return arrow

    def value(self, key: str, s: str) -> Text:
        """The value line of box ``key`` showing ``s`` (not added)."""
        mob = words(s, NODE_SIZE, style.FORWARD)
        mob.move_to(self.boxes[key][0].get_center() + DOWN * 0.2)
        return mob

    def chip(self, key: str, value: str) -> VGroup:
        """∂L/∂(node) of ``key`` and its value, under its box (right of b's), not added."""
        label = words(self.CHIP_LABELS[key], style.SIZE_SMALL, style.GRADIENT)
        number = words(value, NODE_SIZE, style.GRADIENT)
        chip = VGroup(label, number).arrange(DOWN, buff=0.08)
        rect = self.boxes[key][0]
        if key in self.SIDE:
            chip.next_to(rect, RIGHT, buff=0.2)
        else:
            chip.next_to(rect, DOWN, buff=0.12)
        return chip

    def backward_edge(self, key: str) -> Line:
        """Edge ``key`` reversed, in the gradient's colour: what a backward flash travels."""
        edge = self.edges[key]
        return Line(edge.get_end(), edge.get_start()).set_stroke(style.GRADIENT,
                                                                 style.STROKE_LINE + 2)


def value_strings(numbers: PassNumbers) -> dict[str, str]:
    """What each box's value line says: ``0.5``, or ``≈ 0.5927`` where four digits round."""
    return {k: ("" if is_exact(v) else "≈ ") + shown(v) for k, v in numbers.values.items()}


def widest_values(*passes: PassNumbers) -> dict[str, float]:
    """The width of each node's widest value line over ``passes`` (what its box must hold)."""
    out: dict[str, float] = {}
    for numbers in passes:
        for key, s in value_strings(numbers).items():
            out[key] = max(out.get(key, 0.0), words(s, NODE_SIZE).width)
    return out


def gradient_strings(numbers: PassNumbers) -> dict[str, str]:
    return {k: ("" if is_exact(v) else "≈ ") + shown(v) for k, v in numbers.gradients.items()}


# ---------------------------------------------------------------------------------------------
# the lesson


class Backpropagation(Lesson):
    """One neuron forwards, backwards, checked, and one step of learning.

    Attributes set while the scene plays (for tests)
    ------------------------------------------------
    before, after : PassNumbers
        The pass at the configured w and b, and after one learning step.
    check : core.backprop.GradientCheck
    step : core.backprop.LearningStep
    graph : NeuronGraph
    values, chips : dict of str to Text / VGroup
        The value lines and gradient chips on screen, by node.
    shown_values : list of (str, str)
        Every value line shown, in order, (node, text): the first pass, then the second.
    shown_gradients : dict of str to str
        Every gradient chip's number, by node.
    tangent_mobs, curves : dict of str to Mobject
        The drawn tangent and curve on each plot.
    plots : dict of str to PlotAxes
        ``"w" "z" "a"``: z against w, a = σ(z) against z, L against a.
    tangents : dict of str to core.calculus.Line
        The tangent drawn on each of those plots.
    shown_lines : dict of str to str
        Every line written out under the graph, by name (``"grad_a"``, ``"grad_z"``,
        ``"grad_b"``, ``"grad_w"``, ``"numerical"``, ``"backprop"``, ``"rounded"``,
        ``"relative"``, ``"update_w"``, ``"update_b"``, ``"loss_change"``, ``"cannon"``) and
        the slope labels (``"slope_w"``, ``"slope_z"``, ``"slope_a"``).
    """

    #: h of the post's ``differentiation``.
    h = 1e-8
    #: The secants on σ: from this h down to the last, before the tangent.
    secant_h = (3.0, 0.05)

    def construct(self) -> None:
        self.lay_out()
        self.beats(
            self.forward_pass,
            self.local_slopes,
            self.chain_rule_backwards,
            self.why_backwards_is_cheap,
            self.gradient_check,
            self.learning_step,
            self.back_to_the_cannon,
        )

    def caption_words(self, line: str) -> Text:
        return words(line, style.SIZE_BODY, style.TEXT)

    # --- layout --------------------------------------------------------------------------------
    def lay_out(self) -> None:
        """Run the network (core) and build the graph, the plots and the lines; nothing plays."""
        net = self.cfg.network
        neuron = net.neuron
        self.before = PassNumbers.of(neuron)
        self.check: GradientCheck = gradient_check(neuron, h=self.h)
        self.step: LearningStep = learning_step(neuron, learning_rate=net.learning_rate)
        self.after = PassNumbers.of(self.step.after)
        self.shown_lines: dict[str, str] = {}
        self.graph = NeuronGraph(widest_values(self.before, self.after))
        tr = self.tr
        self.title = words(tr("backprop.title"), style.SIZE_TITLE, style.TEXT)
        self.title.to_corner(UP + LEFT, buff=style.MARGIN)
        self.formula = words(tr("backprop.network"), style.SIZE_SMALL, style.TEXT_DIM)
        self.formula.to_corner(UR, buff=style.MARGIN).align_to(self.title, DOWN)
        self.values: dict[str, Text] = {}
        self.chips: dict[str, VGroup] = {}
        self.plots: dict[str, PlotAxes] = {}
        self.tangents = {}
        self.tangent_mobs: dict[str, Line] = {}
        self.curves: dict[str, VMobject] = {}
        self.shown_values: list[tuple[str, str]] = []
        self.shown_gradients: dict[str, str] = {}

    def _lines(self, mobs: list[Text], top: float = WORK_TOP) -> VGroup:
        """Lines left-aligned under the graph, on evenly spaced rows from ``top``."""
        group = VGroup(*mobs)
        for i, mob in enumerate(mobs):
            mob.move_to([LEFT_X, top - i * LINE_PITCH, 0], aligned_edge=LEFT)
        return group

    def _remember(self, name: str, mob: Text) -> Text:
        self.shown_lines[name] = mob.string
        return mob

    # --- beat 1 --------------------------------------------------------------------------------
    def forward_pass(self) -> None:
        """The graph; the inputs' values; each operation computing its node's value."""
        g, vals = self.graph, value_strings(self.before)
        self.add(self.title)
        boxes = [g.boxes[k] for k in ("x", "w", "b", "t", "wx", "z", "a", "L")]
        self.play(FadeIn(self.formula), *(FadeIn(b) for b in boxes),
                  *(FadeIn(o) for o in g.ops.values()), run_time=1.0)
        self.say("backprop.forward")
        inputs = [self._show_value(k, vals[k]) for k in ("x", "w", "b", "t")]
        self.play(*(FadeIn(m) for m in inputs), run_time=style.SHORT)
        for op, ins, out in (("mul", ("w", "x"), "wx"), ("add", ("wx", "b"), "z"),
                             ("sigmoid", ("z",), "a"), ("loss", ("a", "t"), "L")):
            self.play(*(Create(g.edges[f"{i}>{op}"]) for i in ins),
                      Indicate(g.ops[op][1], color=style.FORWARD, scale_factor=1.25),
                      run_time=0.6)
            self.play(Create(g.edges[f"{op}>{out}"]),
                      FadeIn(self._show_value(out, vals[out]), shift=RIGHT * 0.1),
                      run_time=0.5)
        n = self.before.neuron
        self.say("backprop.loss", a=shown(n.a), t=shown(n.t), L=shown(n.loss))
        self.play(Indicate(self.values["L"], color=style.FORWARD), run_time=1.0)

    def _show_value(self, key: str, s: str) -> Text:
        mob = self.graph.value(key, s)
        mob.string = s
        self.values[key] = mob
        self.shown_values.append((key, s))
        return mob

    # --- beat 2 --------------------------------------------------------------------------------
    def _stage_plots(self) -> list[VGroup]:
        """z against w, a = σ(z), L = (a − t)² against a, each with its tangent at this pass and
        the slope's formula and value above; laid out in three columns under the graph."""
        n = self.before.neuron
        x, t, b = n.x, n.t, n.b

        # the engine's own stages, element by element (scalars too: core.calculus.secant)
        z_of_w = np.vectorize(lambda w: one_neuron(x=x, t=t, w=float(w), b=b).z, otypes=[float])
        sigma = np.vectorize(lambda z: sigmoid(float(z)).value, otypes=[float])
        loss_of_a = np.vectorize(lambda a: ((Node(float(a)) - t) ** 2).value, otypes=[float])

        w_range = nice_range(n.w - 1.0, n.w + 1.0, max_ticks=4)
        ws = np.linspace(w_range[0], w_range[1], 41)
        zs_of_w = z_of_w(ws)
        z_range = nice_range(n.z - 4.0, n.z + 4.0, max_ticks=4)
        a_range = (0.0, 1.0, 0.5)
        losses = loss_of_a(np.linspace(0.0, 1.0, 41))
        stages = (
            ("w", w_range, nice_range(float(zs_of_w.min()), float(zs_of_w.max()), max_ticks=4),
             z_of_w, "w", "z", n.w, n.z, n.dz_dw,
             (("∂z/∂w = x = ", None), (shown(n.dz_dw), style.LOCAL_SLOPE))),
            ("z", z_range, a_range, sigma, "z", "a", n.z, n.a, n.da_dz,
             (("∂a/∂z = σ(z)(1 − σ(z)) = ", None), (shown(n.da_dz), style.LOCAL_SLOPE))),
            ("a", a_range, nice_range(0.0, float(losses.max()), max_ticks=3), loss_of_a, "a",
             "L", n.a, n.loss, n.dloss_da,
             (("∂L/∂a = 2(a − t) = ", None), (shown(n.dloss_da), style.LOCAL_SLOPE))),
        )
        columns = []
        for key, xr, yr, f, xl, yl, x0, y0, slope, label_parts in stages:
            axes = PlotAxes(xr, yr, x_length=2.9, y_length=1.15, x_label=xl, y_label=yl,
                            number_size=style.SIZE_TICK, label_size=style.SIZE_LABEL - 6)
            axes.y_label.next_to(axes.y_numbers[-1], UP, buff=0.1)
            curve = axes.plot_function(f, xr[0], xr[1], samples=61,
                                       stroke_width=style.STROKE_LINE)
            line = line_through(x0, y0, slope)
            self.tangents[key] = line
            self.curves[key] = curve
            tangent = Line(stroke_width=style.STROKE_LINE, color=style.LOCAL_SLOPE)
            put_line_on_axes(tangent, axes, line, center=x0, length=2.0)
            self.tangent_mobs[key] = tangent
            dot = Dot(axes.c2p(x0, y0), radius=style.DOT_RADIUS_SMALL, color=style.POINT)
            label = line_of(*label_parts, size=style.SIZE_SMALL)
            self._remember(f"slope_{key}", label)
            self.plots[key] = axes
            plot = VGroup(axes, curve)
            columns.append(VGroup(plot, tangent, dot, label))
            if key == "z":
                self.sigma, self.sigma_axes, self.sigma_point = f, axes, (x0, y0)
        # three columns, the labels on one row above the plots
        top = ROW_Y - self.graph.box_h / 2 - 0.3
        widths = [max(c[0].width, c[3].width) for c in columns]
        gap = (RIGHT_X - LEFT_X - sum(widths)) / 2
        x = LEFT_X
        for col, w in zip(columns, widths, strict=True):
            plot, tangent, dot, label = col
            label.move_to([x + w / 2, top - label.height / 2, 0])
            body = VGroup(plot, tangent, dot)
            body.next_to(label, DOWN, buff=0.14)
            body.set_x(x + w / 2)
            x += w + gap
        return columns

    def local_slopes(self) -> None:
        """Each stage's derivative as a tangent's slope on its own curve; secants on σ shrink."""
        self.columns = columns = self._stage_plots()
        self.say("backprop.local")
        for plot, tangent, dot, label in columns:
            self.play(FadeIn(plot), FadeIn(label), run_time=0.5)
            self.play(FadeIn(dot), Create(tangent), run_time=0.5)
        self.say("backprop.tangents")
        self._shrink_secant(columns[1][1])

    def _shrink_secant(self, tangent: Line) -> None:
        """On σ: the secant through (z, a) and z + h, h shrinking, lands on the tangent."""
        axes, f, z0 = self.sigma_axes, self.sigma, self.sigma_point[0]
        start, end = self.secant_h
        log_h = ValueTracker(math.log10(start))
        chord = Line(stroke_width=style.STROKE_THIN + 0.5, color=style.SECANT)
        q = Dot(radius=style.DOT_RADIUS_SMALL, color=style.POINT_Q)

        def update(_: VMobject) -> None:
            h = 10 ** log_h.get_value()
            put_line_on_axes(chord, axes, secant(f, z0, h))
            q.move_to(axes.c2p(z0 + h, f(np.array([z0 + h]))[0]))

        chord.add_updater(update)
        update(chord)
        self.play(FadeIn(chord), FadeIn(q), run_time=0.3)
        self.play(log_h.animate.set_value(math.log10(end)), run_time=2.2, rate_func=linear)
        chord.clear_updaters()
        self.play(FadeOut(chord), FadeOut(q), Indicate(tangent, color=style.LOCAL_SLOPE,
                                                       scale_factor=1.0), run_time=0.8)

    # --- beat 3 --------------------------------------------------------------------------------
    def chain_rule_backwards(self) -> None:
        """From ∂L/∂L = 1 back to w: each gradient a product, written out."""
        n = self.before.neuron
        grads = gradient_strings(self.before)
        self.wait_until_read()
        self.play(FadeOut(VGroup(*self.columns)), run_time=style.SHORT)
        self.say("backprop.backward")
        grad, slope = style.GRADIENT, style.LOCAL_SLOPE
        lines = {
            "grad_a": line_of(("∂L/∂a = 2(a − t) = 2 × (", None), (shown(n.a), None),
                              (" − ", None), (shown(n.t), None), (") ", None),
                              (equals(n.a, n.t, n.dloss_da), None), (" ", None),
                              (shown(n.grad_a), grad)),
            "grad_z": line_of(("∂L/∂z = ∂L/∂a × ∂a/∂z = ", None), (shown(n.grad_a), grad),
                              (" × ", None), (factor(n.da_dz), slope), (" ", None),
                              (equals(n.grad_a, n.da_dz, n.grad_z), None), (" ", None),
                              (shown(n.grad_z), grad)),
            "grad_b": line_of(("∂L/∂b = ∂L/∂z × ∂z/∂b = ", None), (shown(n.grad_z), grad),
                              (" × ", None), (factor(n.dz_db), slope), (" ", None),
                              (equals(n.grad_z, n.dz_db, n.grad_b), None), (" ", None),
                              (shown(n.grad_b), grad)),
            "grad_w": line_of(("∂L/∂w = ∂L/∂z × ∂z/∂w = ", None), (shown(n.grad_z), grad),
                              (" × ", None), (factor(n.dz_dw), slope), (" ", None),
                              (equals(n.grad_z, n.dz_dw, n.grad_w), None), (" ", None),
                              (shown(n.grad_w), grad)),
        }
        for name, mob in lines.items():
            self._remember(name, mob)
        self.chain_lines = self._lines(list(lines.values()))
        # ∂L/∂L = 1, then back through (· − t)², σ, + and ×
        self.play(FadeIn(self._chip("L", grads["L"])), run_time=style.SHORT)
        self._flash("loss>L", "a>loss")
        self.play(FadeIn(self._chip("a", grads["a"])), FadeIn(lines["grad_a"]),
                  run_time=style.SHORT)
        self._flash("sigmoid>a", "z>sigmoid")
        self.play(FadeIn(self._chip("z", grads["z"])), FadeIn(lines["grad_z"]),
                  run_time=style.SHORT)
        self.wait(0.6)
        self.say("backprop.plus_times", x=shown(n.x))
        self._flash("add>z", "wx>add", "b>add")
        self.play(FadeIn(self._chip("wx", grads["wx"])), FadeIn(self._chip("b", grads["b"])),
                  FadeIn(lines["grad_b"]), run_time=style.SHORT)
        self._flash("mul>wx", "w>mul")
        self.play(FadeIn(self._chip("w", grads["w"])), FadeIn(lines["grad_w"]),
                  run_time=style.SHORT)
        self.mark_poster()  # the key frame: every value and every gradient

    def _chip(self, key: str, value: str) -> VGroup:
        chip = self.graph.chip(key, value)
        self.chips[key] = chip
        self.shown_gradients[key] = value
        return chip

    def _flash(self, *edges: str) -> None:
        """A gradient's colour travelling backwards along ``edges`` (one after another)."""
        g = self.graph
        for key in edges[:1]:
            self.play(ShowPassingFlash(g.backward_edge(key), time_width=0.6), run_time=0.5)
        if edges[1:]:
            self.play(*(ShowPassingFlash(g.backward_edge(k), time_width=0.6) for k in edges[1:]),
                      run_time=0.5)

    # --- beat 4 --------------------------------------------------------------------------------
    def why_backwards_is_cheap(self) -> None:
        """The same pass gave every parameter's gradient: ∂L/∂w and ∂L/∂b."""
        self.say("backprop.cheap")
        self.play(Indicate(self.chips["w"], color=style.GRADIENT),
                  Indicate(self.chips["b"], color=style.GRADIENT), run_time=1.2)
        self.play(Indicate(self.chain_lines[2], color=style.GRADIENT, scale_factor=1.0),
                  Indicate(self.chain_lines[3], color=style.GRADIENT, scale_factor=1.0),
                  run_time=1.2)

    def gradient_check(self) -> None:
        """The post's central difference on L(w) beside backpropagation's ∂L/∂w."""
        check, tr = self.check, self.tr
        self.wait_until_read()
        self.play(FadeOut(self.chain_lines), run_time=style.SHORT)
        self.say("backprop.check")
        code = code_block("def differentiation(f,x):\n"
                          f"    h = {python_float(self.h)}\n"
                          "    return (f(x+h) - f(x-h)) / (2*h)")
        code.move_to([LEFT_X, WORK_TOP - 0.1, 0], aligned_edge=LEFT + UP)
        self.code = code
        n_digits = check.digits
        rounded_num = _minus(format_sig(check.numerical, n_digits))
        rounded_bp = _minus(format_sig(check.backprop, n_digits))
        both = rounded_num if rounded_num == rounded_bp else f"{rounded_num} | {rounded_bp}"
        rows = [
            ("numerical", tr("backprop.central"),
             _minus(format_sig(check.numerical, n_digits + 3)), style.TEXT),
            ("backprop", tr("backprop.backprop"), shown(check.backprop),
             style.GRADIENT),
            ("rounded", tr("backprop.rounded", n=n_digits), both, style.TEXT),
            ("relative", tr("backprop.relative"), power_of_ten(check.relative_error),
             style.TEXT),
        ]
        labels = [words(label, style.SIZE_SMALL, style.TEXT_DIM) for _, label, _, _ in rows]
        numbers = [words(number, style.SIZE_SMALL, color) for _, _, number, color in rows]
        left = code.get_right()[0] + 0.4
        value_x = left + max(m.width for m in labels) + 0.3
        table = VGroup()
        for i, ((name, _, number_s, _), label, number) in enumerate(
                zip(rows, labels, numbers, strict=True)):
            y = WORK_TOP - 0.05 - i * 0.43
            label.move_to([left, y, 0], aligned_edge=LEFT)
            number.move_to([value_x, y, 0], aligned_edge=LEFT)
            self.shown_lines[name] = number_s
            table.add(VGroup(label, number))
        if table.get_right()[0] > RIGHT_X:  # a long label: shrink the table from its left
            table.scale((RIGHT_X - left) / (table.get_right()[0] - left),
                        about_point=np.array([left, WORK_TOP, 0]))
        self.check_table = table
        self.play(FadeIn(code), run_time=style.SHORT)
        self.play(FadeIn(table[0]), run_time=style.SHORT)
        self.play(FadeIn(table[1]), Indicate(self.chips["w"], color=style.GRADIENT),
                  run_time=0.8)
        agree = "backprop.agree" if check.relative_error < 1e-7 else "backprop.agree_high"
        self.say(agree, n=n_digits, rel=power_of_ten(check.relative_error))
        self.play(FadeIn(table[2]), run_time=style.SHORT)
        self.play(FadeIn(table[3]), run_time=style.SHORT)
        self.play(Indicate(table[3][1], color=style.HIGHLIGHT, scale_factor=1.1), run_time=1.0)
        self.say("backprop.slow")
        self.play(Circumscribe(code, color=style.HIGHLIGHT, buff=0.06), run_time=1.2)

    # --- beat 5 --------------------------------------------------------------------------------
    def learning_step(self) -> None:
        """w ← w − η·∂L/∂w, b ← b − η·∂L/∂b; the network run forwards again."""
        step, n, m = self.step, self.before.neuron, self.after.neuron
        eta = step.learning_rate
        self.wait_until_read()
        self.play(FadeOut(self.code), FadeOut(self.check_table), run_time=style.SHORT)
        self.say("backprop.step", eta=shown(eta))
        grad = style.GRADIENT
        update_w = line_of(("w ← w − η·∂L/∂w = ", None), (shown(n.w), None), (" − ", None),
                           (shown(eta), None), (" × ", None), (factor(n.grad_w), grad),
                           (f" {equals(n.w, eta, n.grad_w, m.w)} ", None),
                           (shown(m.w), style.FORWARD))
        update_b = line_of(("b ← b − η·∂L/∂b = ", None), (shown(n.b), None), (" − ", None),
                           (shown(eta), None), (" × ", None), (factor(n.grad_b), grad),
                           (f" {equals(n.b, eta, n.grad_b, m.b)} ", None),
                           (shown(m.b), style.FORWARD))
        self._remember("update_w", update_w)
        self._remember("update_b", update_b)
        self.step_lines = self._lines([update_w, update_b])
        self.play(FadeIn(update_w), run_time=style.SHORT)
        self.play(FadeIn(update_b), run_time=style.SHORT)
        self.wait(0.5)
        # forwards again: the new w and b, then every node's new value
        before, after = step.loss_before, step.loss_after
        self.say("backprop.after", before=shown(before), after=shown(after))
        old_chips = VGroup(*self.chips.values())
        self.play(FadeOut(old_chips), run_time=style.SHORT)
        new_vals = value_strings(self.after)
        for keys in (("w", "b"), ("wx",), ("z",), ("a",), ("L",)):
            anims = []
            for k in keys:
                old = self.values[k]
                new = self._show_value(k, new_vals[k])
                anims += [FadeOut(old, shift=UP * 0.12), FadeIn(new, shift=UP * 0.12)]
            self.play(*anims, run_time=0.45)
        change = self.tr("backprop.loss_change", before=f"{equals(before)} {shown(before)}",
                         after=f"{equals(after)} {shown(after)}")
        loss_change = words(change, LINE_SIZE, style.TEXT)
        loss_change.string = change
        self._remember("loss_change", loss_change)
        loss_change.move_to([LEFT_X, WORK_TOP - 2 * LINE_PITCH, 0], aligned_edge=LEFT)
        self.loss_change = loss_change
        self.play(FadeIn(loss_change), Indicate(self.values["L"], color=style.FORWARD),
                  run_time=1.0)

    def back_to_the_cannon(self) -> None:
        """The cannon's angle was a weight: the same step aimed it."""
        rule = words(self.tr("backprop.cannon_rule"), LINE_SIZE, style.TEXT_DIM)
        rule.string = self.tr("backprop.cannon_rule")
        self._remember("cannon", rule)
        rule.move_to([LEFT_X, WORK_TOP - 3 * LINE_PITCH, 0], aligned_edge=LEFT)
        self.say("backprop.cannon")
        self.play(FadeIn(rule, shift=RIGHT * 0.1), run_time=style.SHORT)
        self.play(Indicate(self.step_lines[0], color=style.HIGHLIGHT, scale_factor=1.0),
                  run_time=1.2)


class BackpropagationJa(Backpropagation):
    """The lesson in Japanese, whatever ``bibun.toml`` says."""

    language = "ja"


# ---------------------------------------------------------------------------------------------
# the still


class BackpropGraphFigure(Scene):
    """The computation graph of ``[network]`` with every forward value and, under each node (right
    of b), its backpropagated gradient; a legend of the two colours. A static scene: its last
    frame is the figure ``backprop_graph``.

    Attributes for the tests: ``numbers`` (:class:`PassNumbers`), ``graph``, ``values`` and
    ``chips`` (by node), ``shown`` (node -> (value text, gradient text)).
    """

    language: str | None = None

    def construct(self) -> None:
        self.cfg, self.tr = prepare_scene(self, self.language)
        self.numbers = numbers = PassNumbers.of(self.cfg.network.neuron)
        vals, grads = value_strings(numbers), gradient_strings(numbers)
        graph = NeuronGraph(widest_values(numbers), row_y=-0.2, side_y=1.25)
        title = words(self.tr("backprop.title"), style.SIZE_TITLE, style.TEXT)
        title.to_corner(UP + LEFT, buff=style.MARGIN)
        formula = words(self.tr("backprop.network"), style.SIZE_SMALL, style.TEXT_DIM)
        formula.to_corner(UR, buff=style.MARGIN).align_to(title, DOWN)
        self.graph = graph
        self.values = {k: graph.value(k, s) for k, s in vals.items()}
        self.chips = {k: graph.chip(k, s) for k, s in grads.items()}
        self.shown = {k: (vals[k], grads.get(k)) for k in vals}
        legend = VGroup(
            words(self.tr("backprop.legend.forward"), style.SIZE_SMALL, style.FORWARD),
            words(self.tr("backprop.legend.backward"), style.SIZE_SMALL, style.GRADIENT),
        ).arrange(RIGHT, buff=0.8)
        legend.move_to([0, -2.9, 0])
        self.add(title, formula, graph, *self.values.values(), *self.chips.values(), legend)


assert BAND_TOP < WORK_TOP  # the work area starts above the caption band
