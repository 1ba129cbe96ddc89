"""bibun's numeric core: derivatives, tangents, the cannonball's flight and aiming.

Pure numpy/scipy; it never imports manim, so it is tested and used on its own. Every number a
scene shows comes from here.

Modules
-------
calculus    derivative (forward, backward, central, complex step, Richardson), secant, tangent,
            line_through, step errors and the optimal step, correct_digits; stated_derivative
            (the f' a scene states), one_sided_slopes and is_differentiable
singularities  find_singularities: poles, jumps, infinite slopes and corners between samples
functions   the post's f(x) = 0.02x² + 0.1x and its exact derivative, by name
expression  parse_function: a function typed by a teacher, parsed safely (never eval)
tex         expression_to_tex: such a function as LaTeX (the one TeX printer of parsed text)
symbolic    derivative_text: f' as a formula (the rules of differentiation on the parsed tree);
            polynomial: the coefficients of f when it is one
ballistics  Launch, simulate: the cannonball under gravity and quadratic air drag
aiming      aim: hitting a target by Newton's method or gradient descent on the miss
knobs       two knobs, angle and powder: R(θ, v) and its partials (forward sensitivities,
            complex step, central differences), the loss landscape and its hit curve, and
            gradient descent on raw or scaled knobs
config      load_config: bibun.toml, validated
ticks       nice_step: the 1-2-2.5-5 step between the tick numbers of an axis
"""
