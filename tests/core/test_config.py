"""bibun.toml: the defaults are the post's, and every bad value is named before anything renders."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.config import Config, ConfigError, load_config

ROOT = Path(__file__).resolve().parents[2]


def test_repo_file_holds_the_defaults():
    # bibun.toml repeats the built-in defaults: editing one without the other is a bug.
    assert load_config(ROOT / "bibun.toml") == Config()


def test_defaults_are_the_posts_values():
    cfg = Config()
    assert cfg.function.expression == "0.02*x**2 + 0.1*x"
    assert (cfg.function.x_min, cfg.function.x_max) == (0.0, 12.0)
    assert cfg.function.tangent_points == (3.0, 6.0, 9.0)
    assert cfg.secant.x0 == 3.0
    assert cfg.cannon.speed == 750.0
    assert cfg.language == "en"
    assert cfg.function.f(3.0) == pytest.approx(0.48)


def test_every_key_of_the_repo_file_is_known():
    # The loader accepts exactly what the shipped file documents.
    data = tomllib.loads((ROOT / "bibun.toml").read_text(encoding="utf-8"))
    assert set(data) == {"language", "theme", "function", "secant", "cannon", "aim", "network",
                         "knobs"}


def test_partial_file_keeps_other_defaults():
    cfg = load_config(
        text='language = "ja"\n[cannon]\nspeed = 300.0\nangle_deg = 60.0\n[aim]\ntarget = 1500.0\n'
    )
    assert cfg.language == "ja"
    assert cfg.theme == "dark"
    assert (cfg.cannon.speed, cfg.cannon.angle_deg) == (300.0, 60.0)
    assert cfg.function == Config().function
    assert cfg.cannon.launch.speed == 300.0


def test_other_function_and_range():
    cfg = load_config(
        text='[function]\nexpression = "sin(x)"\nx_min = 0\nx_max = 6\ntangent_points = [1, 3, 5]\n'
        "[secant]\nx0 = 1.0\nh_start = 2.0\n"
    )
    assert cfg.function.tangent_points == (1.0, 3.0, 5.0)
    assert cfg.function.f(1.0) == pytest.approx(0.8414709848)


def test_integers_are_accepted_as_numbers():
    assert load_config(text="[aim]\ntarget = 2000\n").aim.target == 2000.0


def test_env_var_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "other.toml"
    path.write_text('language = "ja"\n', encoding="utf-8")
    monkeypatch.setenv("BIBUN_CONFIG", str(path))
    assert load_config().language == "ja"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1", r"colour: unknown key"),
        ("[cannon]\nspeeed = 3", r"cannon\.speeed: unknown key .*speed"),
        ('language = "fr"', r"language: must be one of en, ja, got 'fr'"),
        ('theme = "sepia"', r"theme: must be one of dark, light, got 'sepia'"),
        ('[cannon]\nspeed = "fast"', r"cannon\.speed: must be a number, got str"),
        ("[cannon]\nspeed = true", r"cannon\.speed: must be a number, got bool"),
        ("[cannon]\nspeed = 0", r"cannon\.speed: must be > 0, got 0"),
        ("[cannon]\nspeed = nan", r"cannon\.speed: must be finite"),
        ("[cannon]\nspeed = inf", r"cannon\.speed: must be finite"),
        ("[cannon]\nangle_deg = 90", r"cannon\.angle_deg: must be between 0 and 90, got 90"),
        ("[cannon]\nangle_deg = 0", r"cannon\.angle_deg: must be between 0 and 90"),
        ("[cannon]\ndrag = -1e-4", r"cannon\.drag: must be >= 0"),
        ("[cannon]\ng = 0", r"cannon\.g: must be > 0"),
        ("[cannon]\nheight = -2", r"cannon\.height: must be >= 0"),
        ("cannon = 3", r"cannon: must be a table"),
        ("[aim]\ntarget = -5", r"aim\.target: must be > 0"),
        ("[aim]\ntarget = 1e6", r"aim\.target: 1e\+06 m is out of reach; .*longest shot lands at"),
        ("[aim]\nfirst_angle_deg = 95", r"aim\.first_angle_deg: must be between 0 and 90"),
        ("[function]\nexpression = \"__import__('os')\"", r"function\.expression: "),
        ('[function]\nexpression = "x +"', r"function\.expression: "),
        ("[function]\nexpression = 3", r"function\.expression: must be a string"),
        ('[function]\nexpression = "log(x)"', r"function\.expression: f is not finite at x = 0 "),
        ("[function]\nx_min = 5\nx_max = 1", r"function\.x_max: must be greater than x_min"),
        ("[function]\ntangent_points = [3, 60]", r"function\.tangent_points: 60 lies outside"),
        ("[function]\ntangent_points = []", r"function\.tangent_points: must be a list of 1 to 6"),
        ("[function]\ntangent_points = 3", r"function\.tangent_points: must be a list"),
        ("[secant]\nh_start = 0", r"secant\.h_start: must be > 0"),
        ("[secant]\nh_end = 5", r"secant\.h_end: must be smaller than h_start"),
        ("[secant]\nh_end = 1e-9", r"secant\.h_end: must be >= 1e-06"),
        ("[secant]\nx0 = 11\nh_start = 4", r"secant\.h_start: x0 \+ h_start = 15 must lie in"),
        ("[secant]\nx0 = 13", r"secant\.x0: must lie in \[x_min, x_max\] = \[0, 12\], got 13"),
        ("[secant]\nx0 = 12", r"secant\.x0: x0 = 12 leaves no room for Q"),
        ('[function]\nexpression = "tan(x)"\nx_max = 3\ntangent_points = [1]\n[secant]\nx0 = 1',
         r"^function\.expression: f is not finite near x = 1\.5708 \(a pole\?\) inside \[0, 3\]; "
         r"choose a range that avoids it$"),
        ('[function]\nexpression = "abs(x-3)"\n',
         r"function\.tangent_points: f has no derivative at x = 3 \(a corner: the slopes from "
         r"the left and from the right are -1 and 1\)"),
        ('[function]\nexpression = "abs(x-3)"\ntangent_points = [2]\n[secant]\nh_start = 4',
         r"secant\.h_start: x0 - h_start \(Q comes from both sides\) = -1 must lie in"),
        ("[cannon\nspeed = 1", r"not valid TOML"),
    ],
)
def test_bad_values_are_named(text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(text=text)


def test_error_names_the_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[cannon]\nspeed = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{tmp_path}.*bad\.toml: cannon\.speed: must be > 0"):
        load_config(path)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"nope\.toml: cannot read the parameter file"):
        load_config(tmp_path / "nope.toml")


def test_config_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


def test_repo_file_leaves_the_steps_to_the_range():
    # h_start and h_end are commented out: they follow x_min, x_max and x0.
    data = tomllib.loads((ROOT / "bibun.toml").read_text(encoding="utf-8"))
    assert "h_start" not in data["secant"] and "h_end" not in data["secant"]
    secant = load_config(ROOT / "bibun.toml").secant
    assert (secant.h_start, secant.h_end) == (4.0, 1e-3)


@pytest.mark.parametrize(
    ("text", "h_start", "h_end"),
    [
        ("", 4.0, 1e-3),  # the post: half of the 9 to the right end, to one digit
        ("[function]\nx_max = 3.5\ntangent_points = [1]\n[secant]\nx0 = 3\n", 0.2, 1e-4),
        ("[function]\nx_min = 2\nx_max = 5\ntangent_points = [3]\n", 1.0, 1e-3),
        ("[secant]\nx0 = 11\n", 0.5, 1e-4),
        ("[secant]\nh_start = 2\n", 2.0, 1e-3),  # explicit h_start, h_end follows it
        ("[secant]\nh_start = 0.02\n", 0.02, 1e-5),
        ("[secant]\nh_end = 0.01\n", 4.0, 0.01),
    ],
)
def test_left_out_steps_follow_the_range_and_x0(text, h_start, h_end):
    secant = load_config(text=text).secant
    assert (secant.h_start, secant.h_end) == (pytest.approx(h_start), pytest.approx(h_end))
    assert secant.x0 + secant.h_start <= load_config(text=text).function.x_max


def test_a_narrow_range_alone_no_longer_fails_on_h_start():
    # The case: only x_min/x_max changed, to a range narrower than 4.
    cfg = load_config(text="[function]\nx_min = 2\nx_max = 4.5\ntangent_points = [3]\n")
    assert cfg.secant.x0 + cfg.secant.h_start <= 4.5
    assert cfg.secant.h_end < cfg.secant.h_start


def test_secant_at_a_corner_is_allowed_and_flagged():
    cfg = load_config(
        text='[function]\nexpression = "abs(x-3)"\ntangent_points = [1, 5]\n[secant]\nx0 = 3\n'
    )
    assert cfg.secant.differentiable is False
    assert cfg.secant.sides == (1, -1)
    assert cfg.secant.h_start == 1.0  # half of the 3 to the left end: Q fits on both sides
    assert cfg.function.derivative_breaks == (pytest.approx(3.0),)
    assert Config().secant.differentiable is True
    assert load_config(text="").secant.sides == (1,)


def test_infinite_slope_at_an_end_is_allowed():
    cfg = load_config(
        text='[function]\nexpression = "sqrt(x)"\nx_max = 9\ntangent_points = [1, 4]\n'
        "[secant]\nx0 = 0\n"
    )
    assert cfg.secant.differentiable is False
    assert cfg.secant.sides == (1,)  # left of 0 is outside the range and sqrt is undefined
    assert cfg.function.derivative_breaks == (0.0,)
    kinds = [(s.kind, s.at_end) for s in cfg.function.singularities]
    assert kinds == [("infinite slope", True)]


def test_a_tangent_point_at_an_infinite_slope_is_an_error():
    with pytest.raises(ConfigError, match=r"tangent_points: f has no derivative at x = 0 \(f is "):
        load_config(text='[function]\nexpression = "sqrt(x)"\nx_max = 9\ntangent_points = [0]\n')


# --- [network]: the backpropagation lesson's neuron -------------------------------------------


def test_network_defaults_are_the_lessons():
    network = Config().network
    assert (network.x, network.t, network.w, network.b) == (2.0, 0.8, 0.5, -1.0)
    assert network.learning_rate == 0.5
    assert load_config(ROOT / "bibun.toml").network == network
    neuron = network.neuron  # z = 0: the numbers the lesson shows
    assert (neuron.z, neuron.a, neuron.da_dz) == (0.0, 0.5, 0.25)
    assert neuron.grad_w == pytest.approx(-0.3) and neuron.grad_b == pytest.approx(-0.15)


def test_network_keys_of_the_repo_file():
    data = tomllib.loads((ROOT / "bibun.toml").read_text(encoding="utf-8"))
    assert set(data["network"]) == {"x", "t", "w", "b", "learning_rate"}


def test_partial_network_section_keeps_other_defaults():
    cfg = load_config(text="[network]\nw = 1\nlearning_rate = 0.1\n")
    assert (cfg.network.w, cfg.network.learning_rate) == (1.0, 0.1)
    assert (cfg.network.x, cfg.network.t, cfg.network.b) == (2.0, 0.8, -1.0)
    assert cfg.aim == Config().aim and cfg.function == Config().function
    assert cfg.network.neuron.w == 1.0


@pytest.mark.parametrize("t", [0, 1, 0.2])
def test_network_targets_from_0_to_1_are_accepted(t):
    assert load_config(text=f"[network]\nt = {t}\n").network.t == t


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("network = 3", r"^network: must be a table"),
        ("[network]\nrate = 0.1", r"^network\.rate: unknown key \(known keys of \[network\]: "
         r"x, t, w, b, learning_rate\)"),
        ("[network]\nlearning_rate = -1", r"^network\.learning_rate: must be > 0, got -1$"),
        ("[network]\nlearning_rate = 0", r"^network\.learning_rate: must be > 0, got 0$"),
        ('[network]\nlearning_rate = "fast"',
         r"^network\.learning_rate: must be a number, got str"),
        ("[network]\nx = true", r"^network\.x: must be a number, got bool"),
        ('[network]\nw = "0.5"', r"^network\.w: must be a number, got str"),
        ("[network]\nb = nan", r"^network\.b: must be finite"),
        ("[network]\nt = inf", r"^network\.t: must be finite"),
        ("[network]\nx = 0", r"^network\.x: must not be 0 \(dz/dw = x, so w would never learn\)"),
        ("[network]\nt = 1.5", r"^network\.t: must be between 0 and 1 .*got 1\.5$"),
        ("[network]\nt = -0.1", r"^network\.t: must be between 0 and 1 .*got -0\.1$"),
        # sigmoid(0) = 0.5 = t: the loss is 0 already
        ("[network]\nt = 0.5", r"^network\.t: the neuron's output a = 0\.5 already equals t"),
        # a = sigmoid(2.2) = 0.90 near t = 0.8; a step of 1000 throws a to 0, L from 0.01 to 0.64
        ("[network]\nw = 1.1\nb = 0\nlearning_rate = 1000",
         r"^network\.learning_rate: the step overshoots: the loss rises from 0\.01005 to 0\.64 "
         r".*choose a smaller learning rate, got 1000$"),
        # z = 40: sigmoid(40) rounds to 1, its slope to 0, and the step changes nothing
        ("[network]\nw = 20\nb = 0", r"^network\.w: the step leaves the loss at 0\.04: at z = "
         r"w\*x \+ b = 40 the sigmoid is flat \(slope 0\)"),
        ("[network]\nx = 1e200\nw = 1e200", r"^network\.w: `\*` gives inf"),
    ],
)
def test_bad_network_values_are_named(text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(text=text)


# --- [knobs]: the cannon with two knobs --------------------------------------------------------


def test_knobs_defaults():
    knobs = Config().knobs
    assert (knobs.angle_min_deg, knobs.angle_max_deg) == (5.0, 60.0)
    assert (knobs.speed_min, knobs.speed_max, knobs.first_speed) == (200.0, 1000.0, 400.0)
    cfg = Config()
    launch = knobs.first_launch(cfg.cannon, cfg.aim)
    assert (launch.angle_deg, launch.speed, launch.drag) == (15.0, 400.0, 5.7e-4)
    assert knobs.box.scales("range") == (55.0, 800.0)


def test_knobs_from_a_file():
    cfg = load_config(text="[knobs]\nspeed_min = 300\nfirst_speed = 350\nangle_max_deg = 45")
    assert (cfg.knobs.speed_min, cfg.knobs.first_speed, cfg.knobs.angle_max_deg) == (
        300.0,
        350.0,
        45.0,
    )
    assert cfg.knobs.speed_max == 1000.0


@pytest.mark.parametrize(
    "text, message",
    [
        ("[knobs]\nangle_min_deg = 0", r"^knobs\.angle_min_deg: must be between 0 and 90, got 0$"),
        ("[knobs]\nangle_max_deg = 90", r"^knobs\.angle_max_deg: must lie between angle_min_deg"),
        ("[knobs]\nangle_min_deg = 30\nangle_max_deg = 20",
         r"^knobs\.angle_max_deg: must lie between angle_min_deg \(30\) and 90, got 20$"),
        ("[knobs]\nangle_min_deg = 20",
         r"^knobs\.angle_min_deg: must not exceed aim\.first_angle_deg \(15\)"),
        ("[knobs]\nangle_max_deg = 10",
         r"^knobs\.angle_max_deg: must not be below aim\.first_angle_deg \(15\)"),
        ("[knobs]\nspeed_min = -1", r"^knobs\.speed_min: must be > 0, got -1$"),
        ("[knobs]\nspeed_min = true", r"^knobs\.speed_min: must be a number"),
        ("[knobs]\nspeed_max = 100", r"^knobs\.speed_max: must be greater than speed_min \(200\)"),
        ("[knobs]\nfirst_speed = 150",
         r"^knobs\.first_speed: must lie in \[speed_min, speed_max\] = \[200, 1000\], got 150$"),
        ('[knobs]\nfirst_speed = "fast"', r"^knobs\.first_speed: must be a number"),
        ("[knobs]\ncharge = 2", r"^knobs\.charge: unknown key"),
        # the target out of the knobs' reach, far and near
        ("[knobs]\nspeed_max = 300\nfirst_speed = 250",
         r"^knobs\.speed_max: aim\.target 3000 m is out of reach of the knobs; with 300 m/s the "
         r"longest shot lands at 2368 m$"),
        ("[aim]\ntarget = 400",
         r"^knobs\.speed_min: aim\.target 400 m is nearer than the shortest shot of the knobs "
         r"\(564 m, at 200 m/s and 5 deg\)$"),
        # the rule's rate cannot start: the first step would leave the box (at its corner)
        ("[aim]\nfirst_angle_deg = 60\n[knobs]\nfirst_speed = 1000",
         r"^knobs\.first_speed: from 60 deg and 1000 m/s the descent on raw knobs fails at its "
         r"first step: learning rate 9\.4e-06 is too large: .* outside the box$"),
    ],
)  # fmt: skip
def test_bad_knobs_are_named(text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(text=text)
