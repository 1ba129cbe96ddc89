"""Backpropagation, small enough to read: a reverse-mode differentiator and the one-neuron network.

The post says that learning is backpropagation plus an optimiser, and that backpropagation is
built from derivatives. This module makes that concrete in the spirit of micrograd's engine
(about a hundred lines):

:class:`Node`
    a number in a computation graph. Arithmetic on nodes (``+ - * /`` with nodes or Python
    numbers on either side, ``**`` by a constant, :func:`exp`, :func:`log`, :func:`tanh`,
    :func:`sigmoid`) records, on every new node, its parents and the *local* derivative of the
    node with respect to each (``Edge``). :meth:`Node.backward` walks the graph once in reverse
    topological order (iteratively: a graph may be deep) and multiplies the local slopes along
    every path, summing over paths: the chain rule, done by bookkeeping.
:func:`neuron_graph`, :func:`one_neuron`
    the lesson's network, z = w·x + b, a = σ(z), L = (a − t)², built from nodes; ``one_neuron``
    returns every forward value, every local slope read off the graph's edges and every
    backpropagated gradient as a frozen :class:`NeuronPass`.
:func:`gradient_check`
    the post's central difference (h = 1e-8) on L(w) beside the backpropagated ∂L/∂w, with the
    absolute and relative errors and the agreeing digits (:class:`GradientCheck`).
:func:`learning_step`
    one step of gradient descent, w ← w − η·∂L/∂w and b ← b − η·∂L/∂b, with the loss before and
    after (:class:`LearningStep`).

Values are Python floats and stay finite: an operation whose result or local slope is not a
finite real number (``log(0)``, ``1/0``, ``exp(1000)``, ``(-8)**(1/3)``) raises ``ValueError``
naming the operation, so no nan ever reaches the screen. Like micrograd, a node holds one
number; the lesson's network has one input and one weight.

The lesson's default numbers (``[network]`` in ``bibun.toml``) are x = 2, t = 0.8, w = 0.5,
b = −1, η = 0.5: they put z at 0, where σ(0) = 1/2 and σ'(0) = 1/2·1/2 = 1/4, so every value of
the forward and backward pass is a short decimal a viewer can multiply out (z = 0, a = 0.5,
L = 0.09, ∂L/∂a = −0.6, ∂L/∂z = −0.15, ∂L/∂w = −0.3, ∂L/∂b = −0.15), x ≠ 1 keeps ∂z/∂w = 2 apart
from ∂z/∂b = 1, and one step (w = 0.65, b = −0.925) roughly halves the loss without overshooting
the target (a goes from 0.5 to 0.593, still below t = 0.8).

Examples
--------
>>> x = Node(2.0, label="x")
>>> y = x * x + 3 * x          # y = x² + 3x, y' = 2x + 3
>>> y.backward()
>>> y.value, x.grad
(10.0, 7.0)
>>> n = one_neuron(x=2.0, t=0.8, w=0.5, b=-1.0)
>>> n.z, n.a, n.da_dz, round(n.grad_w, 12), round(n.grad_b, 12)
(0.0, 0.5, 0.25, -0.3, -0.15)
>>> step = learning_step(n, learning_rate=0.5)
>>> round(step.after.w, 12), round(step.after.b, 12)
(0.65, -0.925)
>>> f"{step.loss_before:.4f} -> {step.loss_after:.4f}"
'0.0900 -> 0.0430'
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any, NamedTuple

from core.calculus import correct_digits, derivative

__all__ = [
    "Edge",
    "GradientCheck",
    "LearningStep",
    "NeuronPass",
    "Node",
    "exp",
    "gradient_check",
    "learning_step",
    "log",
    "neuron_graph",
    "one_neuron",
    "sigmoid",
    "tanh",
]


# ---------------------------------------------------------------------------------------------
# the engine


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _node_iv(value: Any, label: Any) -> tuple[float, str]:
    if not _is_real(value) or not math.isfinite(value):
        raise ValueError(f"`value` must be a finite real number, got {value!r}")
    if not isinstance(label, str):
        raise ValueError(f"`label` must be a string, got {type(label).__name__}")
    return float(value), label


class Edge(NamedTuple):
    """A parent of a node and the local derivative ∂node/∂parent, taken at the forward values."""

    parent: Node
    local: float


class Node:
    """A number in a computation graph, with the derivative of the output with respect to it.

    Create the inputs as nodes and compute with them; every result is a node that remembers how
    it was made. After ``out.backward()``, ``node.grad`` is ∂out/∂node for every node that
    ``out`` depends on.

    Parameters
    ----------
    value : float
        A finite real number.
    label : str, optional
        A name for display (``"w"``, ``"z"``); results of operations have none until given one.

    Attributes
    ----------
    value : float
        The number (the forward value).
    grad : float
        ∂out/∂self after ``out.backward()``; 0 before.
    parents : tuple of Edge
        What this node was computed from, each with the local derivative ∂self/∂parent; empty
        for an input or a constant. A parent appears twice in ``x * x``.
    op : str
        The operation that made the node, for display: ``""`` for an input or a constant,
        ``"+"``, ``"-"``, ``"*"``, ``"/"``, ``"neg"``, ``"**2"`` (the exponent shown),
        ``"exp"``, ``"log"``, ``"tanh"``, ``"sigmoid"``.
    label : str
        The display name.

    Raises
    ------
    ValueError
        ``value`` is not a finite real number (bools are not numbers here), or ``label`` is not a
        string; an operation whose result or local slope is not finite (``log`` of a number
        <= 0, division by 0, overflow, a negative number to a fractional power).

    Examples
    --------
    >>> w = Node(3.0, label="w")
    >>> loss = (2.0 - w) ** 2 / 4        # numbers on either side
    >>> loss.op, loss.value, [round(e.local, 12) for e in loss.parents]
    ('/', 0.25, [0.25, -0.0625])
    >>> loss.backward()
    >>> w.grad                           # d/dw (2 − w)²/4 = −(2 − w)/2
    0.5
    >>> Node(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: `value` must be a finite real number, got nan
    """

    __slots__ = ("value", "grad", "parents", "op", "label")
    __array_ufunc__ = None  # numpy scalars on the left defer to Node's reflected operators

    def __init__(self, value: float, *, label: str = "") -> None:
        self.value, self.label = _node_iv(value, label)
        self.grad = 0.0
        self.parents: tuple[Edge, ...] = ()
        self.op = ""

    def __repr__(self) -> str:
        name = f", label={self.label!r}" if self.label else ""
        op = f", op={self.op!r}" if self.op else ""
        return f"Node({self.value!r}{name}{op}, grad={self.grad!r})"

    # --- making new nodes ---

    @staticmethod
    def _made(op: str, value: float, *edges: tuple[Node, float]) -> Node:
        if not (isinstance(value, float) and math.isfinite(value)):
            raise ValueError(f"`{op}` gives {value!r}, not a finite real number")
        for _, local in edges:
            if not math.isfinite(local):
                raise ValueError(f"`{op}` has an infinite slope here (value {value!r})")
        out = Node(value)
        out.op = op
        out.parents = tuple(Edge(parent, float(local)) for parent, local in edges)
        return out

    @staticmethod
    def _lift(other: Any) -> Node | None:
        if isinstance(other, Node):
            return other
        if _is_real(other):
            return Node(float(other), label=f"{float(other):g}")  # ValueError if not finite
        return None

    def __add__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return Node._made("+", self.value + o.value, (self, 1.0), (o, 1.0))

    def __radd__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return o + self

    def __sub__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return Node._made("-", self.value - o.value, (self, 1.0), (o, -1.0))

    def __rsub__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return o - self

    def __mul__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return Node._made("*", self.value * o.value, (self, o.value), (o, self.value))

    def __rmul__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return o * self

    def __truediv__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        if o.value == 0:
            raise ValueError("`/` by zero")
        return Node._made(
            "/", self.value / o.value, (self, 1.0 / o.value), (o, -self.value / o.value**2)
        )

    def __rtruediv__(self, other: Any) -> Node:
        o = Node._lift(other)
        if o is None:
            return NotImplemented
        return o / self

    def __neg__(self) -> Node:
        return Node._made("neg", -self.value, (self, -1.0))

    def __pow__(self, exponent: Any) -> Node:
        if isinstance(exponent, Node):
            raise TypeError("Node ** Node is not supported: the exponent must be a constant number")
        if not _is_real(exponent):
            return NotImplemented
        if not math.isfinite(exponent):
            raise ValueError(f"`exponent` must be a finite real number, got {exponent!r}")
        c, u = float(exponent), self.value
        if u < 0 and not c.is_integer():
            raise ValueError(f"`**{c:g}` of a negative number ({u!r}) is not real")
        if u == 0 and c < 1 and c != 0:
            what = "value" if c < 0 else "slope"
            raise ValueError(f"`**{c:g}` of zero has an infinite {what}")
        try:
            value = u**c
            local = c * u ** (c - 1.0) if c != 0 else 0.0
        except OverflowError:
            raise ValueError(f"`**{c:g}` of {u!r} overflows") from None
        return Node._made(f"**{c:g}", value, (self, local))

    # --- the four functions ---

    def exp(self) -> Node:
        """e to this node: local slope e^u."""
        try:
            value = math.exp(self.value)
        except OverflowError:
            raise ValueError(f"`exp` of {self.value!r} overflows") from None
        return Node._made("exp", value, (self, value))

    def log(self) -> Node:
        """The natural logarithm of this node (which must be > 0): local slope 1/u."""
        if self.value <= 0:
            raise ValueError(f"`log` needs a positive number, got {self.value!r}")
        return Node._made("log", math.log(self.value), (self, 1.0 / self.value))

    def tanh(self) -> Node:
        """The hyperbolic tangent of this node: local slope 1 − tanh²(u)."""
        value = math.tanh(self.value)
        return Node._made("tanh", value, (self, 1.0 - value * value))

    def sigmoid(self) -> Node:
        """σ(u) = 1/(1 + e^−u) of this node: local slope σ(u)(1 − σ(u))."""
        u = self.value
        if u >= 0:  # no overflow of e^−u for large negative u, nor of e^u for large positive u
            value = 1.0 / (1.0 + math.exp(-u))
        else:
            e = math.exp(u)
            value = e / (1.0 + e)
        return Node._made("sigmoid", value, (self, value * (1.0 - value)))

    # --- the backward pass ---

    def graph(self) -> tuple[Node, ...]:
        """Every node this one depends on, itself last, each after all of its parents.

        A depth-first search with an explicit stack (no recursion, so a chain of any length
        works); each node appears once however many paths lead to it.

        >>> x = Node(1.0, label="x")
        >>> y = (x * 2).exp() + x
        >>> [n.op or n.label for n in y.graph()]
        ['x', '2', '*', 'exp', '+']
        """
        order: list[Node] = []
        seen: set[Node] = set()
        stack: list[tuple[Node, bool]] = [(self, False)]
        while stack:
            node, parents_done = stack.pop()
            if parents_done:
                order.append(node)
                continue
            if node in seen:
                continue
            seen.add(node)
            stack.append((node, True))
            for edge in reversed(node.parents):
                if edge.parent not in seen:
                    stack.append((edge.parent, False))
        return tuple(order)

    def backward(self) -> None:
        """Set ``grad`` of every node in :meth:`graph` to ∂self/∂node.

        ``self.grad`` starts at 1 and every other at 0; then, from this node back to the
        inputs, each node passes ``grad × local`` to each parent, which sums what it receives.
        A node is visited only after every node that uses it, so its ``grad`` is complete when
        it passes it on. Calling ``backward`` again gives the same gradients (they are reset,
        not accumulated as in PyTorch or micrograd).

        >>> x = Node(3.0)
        >>> y = x * x * x          # x³: three paths from y to x
        >>> y.backward(); y.backward()
        >>> x.grad
        27.0
        """
        order = self.graph()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in node.parents:
                parent.grad += node.grad * local


def _as_node(u: Any, name: str) -> Node:
    node = Node._lift(u)
    if node is None:
        raise ValueError(f"`{name}` needs a Node or a finite real number, got {u!r}")
    return node


def exp(u: Node | float) -> Node:
    """e^u of a node (or of a number, as a constant node). See :meth:`Node.exp`.

    >>> x = Node(0.0); y = exp(x); y.backward(); (y.value, x.grad)
    (1.0, 1.0)
    """
    return _as_node(u, "exp").exp()


def log(u: Node | float) -> Node:
    """ln u of a node (or a number), u > 0. See :meth:`Node.log`.

    >>> x = Node(4.0); y = log(x); y.backward(); x.grad
    0.25
    """
    return _as_node(u, "log").log()


def tanh(u: Node | float) -> Node:
    """tanh u of a node (or a number). See :meth:`Node.tanh`.

    >>> x = Node(0.0); y = tanh(x); y.backward(); (y.value, x.grad)
    (0.0, 1.0)
    """
    return _as_node(u, "tanh").tanh()


def sigmoid(u: Node | float) -> Node:
    """σ(u) = 1/(1 + e^−u) of a node (or a number). See :meth:`Node.sigmoid`.

    >>> x = Node(0.0); y = sigmoid(x); y.backward(); (y.value, x.grad)
    (0.5, 0.25)
    """
    return _as_node(u, "sigmoid").sigmoid()


# ---------------------------------------------------------------------------------------------
# the one-neuron network


def _neuron_iv(x: Any, t: Any, w: Any, b: Any) -> tuple[float, float, float, float]:
    out = []
    for name, value in (("x", x), ("t", t), ("w", w), ("b", b)):
        if not _is_real(value) or not math.isfinite(value):
            raise ValueError(f"`{name}` must be a finite real number, got {value!r}")
        out.append(float(value))
    return out[0], out[1], out[2], out[3]


def _build(x: float, t: float, w: float, b: float) -> dict[str, Node]:
    nodes = {name: Node(value, label=name) for name, value in (("x", x), ("t", t), ("w", w),
                                                               ("b", b))}
    nodes["wx"] = nodes["w"] * nodes["x"]
    nodes["z"] = nodes["wx"] + nodes["b"]
    nodes["a"] = nodes["z"].sigmoid()
    nodes["e"] = nodes["a"] - nodes["t"]
    nodes["L"] = nodes["e"] ** 2
    for name, label in (("wx", "w·x"), ("z", "z"), ("a", "a"), ("e", "a − t"), ("L", "L")):
        nodes[name].label = label
    return nodes


def neuron_graph(*, x: float, t: float, w: float, b: float) -> Node:
    """The loss node L of the network z = w·x + b, a = σ(z), L = (a − t)², before ``backward``.

    For a scene that draws the graph: ``L.graph()`` lists its nodes, inputs first, with their
    ``label`` (``x``, ``t``, ``w``, ``b``, ``w·x``, ``z``, ``a``, ``a − t``, ``L``), ``op``
    and ``parents``.

    Parameters
    ----------
    x, t, w, b : float
        Input, target, weight and bias: finite real numbers (keyword-only).

    Returns
    -------
    Node

    Raises
    ------
    ValueError
        A parameter is not a finite real number, naming it.

    Examples
    --------
    >>> L = neuron_graph(x=2.0, t=0.8, w=0.5, b=-1.0)
    >>> [n.label for n in L.graph()]
    ['w', 'x', 'w·x', 'b', 'z', 'a', 't', 'a − t', 'L']
    >>> [(n.op, [e.parent.label for e in n.parents]) for n in L.graph()][4:6]
    [('+', ['w·x', 'b']), ('sigmoid', ['z'])]
    """
    return _build(*_neuron_iv(x, t, w, b))["L"]


@dataclass(frozen=True)
class NeuronPass:
    """One forward and backward pass of z = w·x + b, a = σ(z), L = (a − t)².

    Attributes
    ----------
    x, t, w, b : float
        Input, target, weight and bias.
    z, a, loss : float
        The forward values: z = w·x + b, a = σ(z), L = (a − t)².
    dz_dw, dz_db, da_dz, dloss_da : float
        The local slopes, read off the graph's edges: ∂z/∂w = x, ∂z/∂b = 1,
        ∂a/∂z = σ(z)(1 − σ(z)), ∂L/∂a = 2(a − t).
    grad_a, grad_z, grad_w, grad_b : float
        The backpropagated gradients ∂L/∂a, ∂L/∂z = ∂L/∂a·∂a/∂z, ∂L/∂w = ∂L/∂z·∂z/∂w and
        ∂L/∂b = ∂L/∂z·∂z/∂b, as :meth:`Node.backward` computes them (equal to those products
        exactly: backward multiplies the same numbers in the same order).
    """

    x: float
    t: float
    w: float
    b: float
    z: float
    a: float
    loss: float
    dz_dw: float
    dz_db: float
    da_dz: float
    dloss_da: float
    grad_a: float
    grad_z: float
    grad_w: float
    grad_b: float


def _local(child: Node, parent: Node) -> float:
    """∂child/∂parent along the direct edges (summed when the parent appears twice)."""
    return math.fsum(e.local for e in child.parents if e.parent is parent)


def one_neuron(*, x: float, t: float, w: float, b: float) -> NeuronPass:
    """Run the lesson's network forward and backward with the engine.

    Parameters
    ----------
    x, t, w, b : float
        Input, target, weight and bias: finite real numbers (keyword-only).

    Returns
    -------
    NeuronPass
        Every forward value, local slope and gradient.

    Raises
    ------
    ValueError
        A parameter is not a finite real number, naming it; w·x + b overflows.

    Examples
    --------
    >>> n = one_neuron(x=2.0, t=0.8, w=0.5, b=-1.0)
    >>> n.z, n.a, round(n.loss, 12)
    (0.0, 0.5, 0.09)
    >>> n.dz_dw, n.dz_db, n.da_dz, round(n.dloss_da, 12)
    (2.0, 1.0, 0.25, -0.6)
    >>> [round(g, 12) for g in (n.grad_a, n.grad_z, n.grad_w, n.grad_b)]
    [-0.6, -0.15, -0.3, -0.15]
    >>> one_neuron(x=2.0, t=0.8, w="0.5", b=-1.0)
    Traceback (most recent call last):
    ...
    ValueError: `w` must be a finite real number, got '0.5'
    """
    n = _build(*_neuron_iv(x, t, w, b))
    n["L"].backward()
    return NeuronPass(
        x=n["x"].value,
        t=n["t"].value,
        w=n["w"].value,
        b=n["b"].value,
        z=n["z"].value,
        a=n["a"].value,
        loss=n["L"].value,
        dz_dw=_local(n["z"], n["wx"]) * _local(n["wx"], n["w"]),
        dz_db=_local(n["z"], n["b"]),
        da_dz=_local(n["a"], n["z"]),
        dloss_da=_local(n["L"], n["e"]) * _local(n["e"], n["a"]),
        grad_a=n["a"].grad,
        grad_z=n["z"].grad,
        grad_w=n["w"].grad,
        grad_b=n["b"].grad,
    )


# ---------------------------------------------------------------------------------------------
# the gradient check


@dataclass(frozen=True)
class GradientCheck:
    """The post's central difference of L(w) beside the backpropagated ∂L/∂w.

    Attributes
    ----------
    numerical : float
        (L(w + h) − L(w − h)) / (2h), the post's ``differentiation``.
    backprop : float
        ∂L/∂w from :meth:`Node.backward`.
    h : float
        The step.
    absolute_error : float
        |numerical − backprop|.
    relative_error : float
        |numerical − backprop| / max(|numerical|, |backprop|), as CS231n defines it (0 when
        both are 0).
    digits : int
        The significant digits on which they agree, taking backprop (exact to rounding) as the
        reference: :func:`core.calculus.correct_digits`.
    """

    numerical: float
    backprop: float
    h: float
    absolute_error: float
    relative_error: float
    digits: int


def _gradient_check_iv(neuron: Any, h: Any) -> tuple[NeuronPass, float]:
    if not isinstance(neuron, NeuronPass):
        raise ValueError(
            f"`neuron` must be a NeuronPass (from one_neuron), got {type(neuron).__name__}"
        )
    if not _is_real(h) or not math.isfinite(h) or h <= 0:
        raise ValueError(f"`h` must be a finite positive number; got {h!r}")
    if neuron.w + h == neuron.w:
        raise ValueError(f"`h` = {h!r} is too small to move w = {neuron.w!r}")
    return neuron, float(h)


def gradient_check(neuron: NeuronPass, *, h: float = 1e-8) -> GradientCheck:
    """Check the backpropagated ∂L/∂w against the post's central difference.

    L(w) is the network's forward pass at fixed x, t and b; its central difference with the
    post's h = 1e-8 is correct to about 8 digits (its rounding error, about ε·L/h, dominates its
    truncation error h²·L'''/6), so the two agree to 7 or 8 significant digits and the relative
    error is of the order of 1e-8 — far below the 1e-7 at which CS231n calls a check good.

    Parameters
    ----------
    neuron : NeuronPass
        From :func:`one_neuron`.
    h : float, optional
        The step, finite and positive; the post's 1e-8 by default.

    Returns
    -------
    GradientCheck

    Raises
    ------
    ValueError
        ``neuron`` is not a :class:`NeuronPass`, or ``h`` is not a finite positive number that
        moves w.

    Examples
    --------
    >>> check = gradient_check(one_neuron(x=2.0, t=0.8, w=0.5, b=-1.0))
    >>> round(check.backprop, 12), check.relative_error < 1e-7, check.digits >= 7
    (-0.3, True, True)
    """
    neuron, h = _gradient_check_iv(neuron, h)
    x, t, b = neuron.x, neuron.t, neuron.b

    def loss_of_w(w: Any) -> float:
        return neuron_graph(x=x, t=t, w=float(w), b=b).value

    numerical = float(derivative(loss_of_w, neuron.w, h=h, method="central"))
    backprop = neuron.grad_w
    error = abs(numerical - backprop)
    scale = max(abs(numerical), abs(backprop))
    return GradientCheck(
        numerical=numerical,
        backprop=backprop,
        h=h,
        absolute_error=error,
        relative_error=error / scale if scale > 0 else 0.0,
        digits=correct_digits(numerical - backprop, backprop),
    )


# ---------------------------------------------------------------------------------------------
# one step of gradient descent


@dataclass(frozen=True)
class LearningStep:
    """One step of gradient descent: w ← w − η·∂L/∂w, b ← b − η·∂L/∂b.

    Attributes
    ----------
    learning_rate : float
        η.
    before, after : NeuronPass
        The passes at the old and at the new weight and bias (same x and t).
    """

    learning_rate: float
    before: NeuronPass
    after: NeuronPass

    @property
    def loss_before(self) -> float:
        """L at the old w and b."""
        return self.before.loss

    @property
    def loss_after(self) -> float:
        """L at the new w and b."""
        return self.after.loss


def _learning_step_iv(neuron: Any, learning_rate: Any) -> tuple[NeuronPass, float]:
    if not isinstance(neuron, NeuronPass):
        raise ValueError(
            f"`neuron` must be a NeuronPass (from one_neuron), got {type(neuron).__name__}"
        )
    if not _is_real(learning_rate) or not math.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(f"`learning_rate` must be a finite positive number; got {learning_rate!r}")
    return neuron, float(learning_rate)


def learning_step(neuron: NeuronPass, *, learning_rate: float) -> LearningStep:
    """Move w and b one step down the gradient and run the network again.

    Parameters
    ----------
    neuron : NeuronPass
        The pass at the current w and b (from :func:`one_neuron`).
    learning_rate : float
        η, a finite positive number (keyword-only). Small enough, the loss falls by about
        η·(∂L/∂w² + ∂L/∂b²); too large, the step overshoots and the loss may rise.

    Returns
    -------
    LearningStep

    Raises
    ------
    ValueError
        ``neuron`` is not a :class:`NeuronPass` or ``learning_rate`` is not a finite positive
        number, naming it.

    Examples
    --------
    >>> step = learning_step(one_neuron(x=2.0, t=0.8, w=0.5, b=-1.0), learning_rate=0.5)
    >>> round(step.after.z, 12), round(step.after.a, 4)
    (0.375, 0.5927)
    >>> step.loss_after < step.loss_before
    True
    >>> learning_step(step.before, learning_rate=-1)
    Traceback (most recent call last):
    ...
    ValueError: `learning_rate` must be a finite positive number; got -1
    """
    neuron, eta = _learning_step_iv(neuron, learning_rate)
    after = one_neuron(
        x=neuron.x,
        t=neuron.t,
        w=neuron.w - eta * neuron.grad_w,
        b=neuron.b - eta * neuron.grad_b,
    )
    return LearningStep(learning_rate=eta, before=neuron, after=after)
