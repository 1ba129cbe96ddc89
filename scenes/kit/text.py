"""Every word bibun puts on screen, in English and Japanese, and the LaTeX the scenes share.

One catalogue, one section per scene (``# --- SceneName ---``). Each entry of :data:`TEXT` maps a
dotted key to ``{"en": ..., "ja": ...}``; both languages are required and checked when this module
is imported. Entries may hold ``str.format`` fields (``"{n}"``) filled in by the caller.

A scene picks its language once, from ``config.language``::

    from scenes.kit.text import Catalogue
    tr = Catalogue(cfg.language)
    tr("secant.title")            # -> "From secant to tangent" or "割線から接線へ"
    tr("secant.zoom", n=100)      # str.format fields

A missing key raises ``KeyError`` naming the key: a scene never shows a placeholder. Mathematics is
language-independent and lives in :data:`MATH` (LaTeX for ``MathTex``); words go through Pango
``Text`` in :data:`scenes.kit.style.FONT` (see :func:`scenes.kit.typography.text`).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "MATH", "TEXT", "Catalogue", "math", "t"]

LANGUAGES = ("en", "ja")

TEXT: dict[str, dict[str, str]] = {
    # --- common ---
    "common.slope": {"en": "slope", "ja": "傾き"},
    "common.tangent": {"en": "tangent", "ja": "接線"},
    "common.secant": {"en": "secant", "ja": "割線"},
    "common.derivative": {"en": "derivative", "ja": "導関数"},
    "common.zoom": {"en": "zoom", "ja": "拡大"},
    # --- the embed page (./render.sh site) ---
    "site.title": {"en": "bibun: the derivative, animated", "ja": "bibun：動く微分"},
    "site.lead": {
        "en": "Videos and figures for the post on the derivative behind backpropagation. "
              "Copy the HTML beside each one into your post, with the files it names. "
              "(On your site the captions load from the .vtt files; this page carries them "
              "inline so that it works opened as a file too.)",
        "ja": "誤差逆伝播法の土台となる微分の記事のための動画と図です。"
              "それぞれの横の HTML を、参照しているファイルと一緒に記事へ貼り付けてください。"
              "（サイト上では字幕は .vtt ファイルから読み込まれます。このページはファイルとして"
              "開いても動くよう、字幕を埋め込んでいます。）",
    },
    "site.snippet": {"en": "HTML to paste", "ja": "貼り付ける HTML"},
    "site.video.CannonballTrajectory": {
        "en": "A cannonball under gravity and air drag: average and instantaneous velocity, "
              "and the apex where the tangent is horizontal.",
        "ja": "重力と空気抵抗を受ける砲弾：平均の速度と瞬間の速度、接線が水平になる最高点。",
    },
    "site.video.SecantToTangent": {
        "en": "A secant through P and Q turns into the tangent at P as the step h shrinks.",
        "ja": "幅 h を小さくすると、P と Q を通る割線が P での接線になる。",
    },
    "site.video.TangentSweep": {
        "en": "The tangent slides along the curve while its slope traces the derivative.",
        "ja": "接線が曲線に沿って動き、その傾きが導関数のグラフを描く。",
    },
    "site.video.AimTheCannon": {
        "en": "Hitting a target with the derivative of range by angle (Newton's method).",
        "ja": "角度で飛距離を微分して目標に当てる（ニュートン法）。",
    },
    "site.video.AimTheCannonGradient": {
        "en": "The same target by gradient descent on the squared miss.",
        "ja": "同じ目標を、ずれの 2 乗の勾配降下法で狙う。",
    },
    "site.video.Backpropagation": {
        "en": "One neuron, every number: the forward pass, the chain rule backwards, the post's "
              "central difference as a gradient check, and one step of learning.",
        "ja": "ニューロン 1 個の全ての数値：順伝播、逆向きの連鎖律、"
              "記事の中心差分による勾配の検算、学習の 1 ステップ。",
    },
    "site.video.AimWithTwoKnobs": {
        "en": "Two knobs, the angle and the powder: the loss as a contour map, partial "
              "derivatives as slices, the gradient, and descent on raw and on scaled knobs.",
        "ja": "角度と火薬の二つのつまみ：損失の等高線、切り口としての偏微分、勾配、"
              "そのままの尺度とスケーリング後の勾配降下法。",
    },
    "site.video.StepSizeError": {
        "en": "Why h = 1e-8: truncation error against rounding error, on a log-log plot.",
        "ja": "なぜ h = 1e-8 なのか：打ち切り誤差と丸め誤差を両対数グラフで比べる。",
    },
    "site.alt.curve": {
        "en": "Graph of f(x) on its range, with a grid and labelled axes.",
        "ja": "範囲内の f(x) のグラフ。目盛り線と軸ラベル付き。",
    },
    "site.alt.tangent_at_x0": {
        "en": "Graph of f(x) with its tangent line at the point x0.",
        "ja": "f(x) のグラフと、点 x0 での接線。",
    },
    "site.alt.tangents": {
        "en": "Graph of f(x) with its tangent lines at the tangent points; each is steeper "
              "than the one before where the curve is steeper.",
        "ja": "f(x) のグラフと、各接点での接線。曲線が急なところほど接線も急になる。",
    },
    "site.alt.cannonball_average_vs_instantaneous": {
        "en": "A cannonball's curved flight path, the chord of its average velocity and the "
              "arrow of its instantaneous velocity.",
        "ja": "砲弾の曲がった軌道と、平均速度を表す弦、瞬間の速度を表す矢印。",
    },
    "site.alt.derivative_definition": {
        "en": "The limit definition of the derivative: f'(x) is the limit, as h goes to 0, "
              "of (f(x+h) - f(x)) / h.",
        "ja": "微分の定義：f'(x) は、h を 0 に近づけたときの (f(x+h) - f(x)) / h の極限。",
    },
    "site.alt.aim_the_cannon": {
        "en": "The cannon's shots converging on the target, with the misses and the range "
              "against the angle.",
        "ja": "目標に近づいていく砲撃と、各回のずれ、角度と飛距離のグラフ。",
    },
    "site.alt.backprop_graph": {
        "en": "Computation graph of one neuron, z = w·x + b, a = σ(z), L = (a − t)², with each "
              "node's forward value and, below it, its backpropagated gradient ∂L/∂(node).",
        "ja": "ニューロン 1 個の計算グラフ（z = w·x + b、a = σ(z)、L = (a − t)²）。各ノードに"
              "順伝播の値と、その下に逆伝播した勾配 ∂L/∂(ノード)。",
    },
    "site.alt.two_knobs_map": {
        "en": "Contour map of the loss over the angle and the muzzle speed, the curve of hits, "
              "the gradient at the first setting and the paths of gradient descent.",
        "ja": "角度と初速に対する損失の等高線図。命中する曲線、最初の設定での勾配、"
              "勾配降下法の経路。",
    },
    "site.alt.step_size_error": {
        "en": "Log-log plot of the error of numerical derivatives against the step h: "
              "truncation error falls and rounding error rises as h shrinks.",
        "ja": "数値微分の誤差と幅 h の両対数グラフ。h を小さくすると打ち切り誤差は減り、"
              "丸め誤差は増える。",
    },
    # --- lecture deck ---
    "deck.title": {"en": "bibun: the derivative, step by step", "ja": "bibun：微分を一歩ずつ"},
    # --- SecantToTangent ---
    "secant.title": {"en": "From secant to tangent", "ja": "割線から接線へ"},
    "secant.intro": {
        "en": "Two points on the curve: P, and Q a step h further",
        "ja": "曲線上の 2 点：P と、h だけ先の Q",
    },
    "secant.slope_is": {
        "en": "The secant's slope: rise over run",
        "ja": "割線の傾き ＝ f の増加 ÷ 幅",
    },
    "secant.shrink": {
        "en": "Let h shrink: Q slides towards P",
        "ja": "h を小さくすると、Q は P に近づく",
    },
    "secant.secant_slope": {"en": "secant slope", "ja": "割線の傾き"},
    "secant.zoom_caption": {
        "en": "Magnified around P",
        "ja": "P のまわりを拡大",
    },
    "secant.merge": {
        "en": "Up close, secant and tangent are one line",
        "ja": "拡大すると、割線と接線は重なって見分けられない",
    },
    "secant.limit": {
        "en": "As h → 0, the secant slope tends to the derivative",
        "ja": "h → 0 で割線の傾きは微分係数に近づく",
    },
    "secant.tangent_at_p": {"en": "tangent at P", "ja": "P での接線"},
    # the step the lesson used to skip: the slope as f'(x0) + c·h, the tangent announced, the
    # symmetric secant
    "secant.identity_exact": {
        "en": "For this f, exactly: slope = {identity}",
        "ja": "この f では、傾きはちょうど {identity}",
    },
    "secant.identity_approx": {
        "en": "For small h: slope ≈ f′({x0}) + ½ f″({x0})·h",
        "ja": "h が小さいとき：傾き ≈ f′({x0}) + ½ f″({x0})·h",
    },
    "secant.n.identity_exact": {
        "en": "For this quadratic the secant slope is exactly {identity}, for every h.",
        "ja": "2 次関数なので傾きはちょうど {identity}",
    },
    "secant.n.identity_approx": {
        "en": "For small h the slope is about f′({x0}) + ½ f″({x0})·h = {identity}.",
        "ja": "傾き ≈ f′({x0}) + ½ f″({x0})·h = {identity}",
    },
    "secant.tangent_appears": {
        "en": "The tangent at P touches the curve at P",
        "ja": "P での接線：P で曲線に接する直線",
    },
    "secant.n.tangent_appears": {
        "en": "The tangent at P touches the curve there; the secant turns into it.",
        "ja": "接線は P で曲線に接し、割線はこれに近づく",
    },
    "secant.n.limit_identity": {
        "en": "As h → 0 the term {term} vanishes: the slope tends to f′({x0}) = {value}.",
        "ja": "h → 0 で {term} が消え f′({x0}) = {value}",
    },
    "secant.symmetric": {
        "en": "The symmetric secant, through x − h and x + h",
        "ja": "対称な割線：x − h と x + h を通る",
    },
    "secant.n.symmetric": {
        "en": "The post's code uses the secant through x − h and x + h; here h = {h}.",
        "ja": "記事のコードは x − h と x + h の割線（h = {h}）",
    },
    "secant.symmetric_average": {
        "en": "Its slope is the average of the two one-sided slopes, and closer",
        "ja": "その傾きは左右の割線の傾きの平均で、より近い",
    },
    "secant.n.symmetric_exact": {
        "en": "The h terms cancel: the mean, {symmetric}, is exactly f′({x0}).",
        "ja": "h の項が消え、平均 {symmetric} は f′({x0}) に等しい",
    },
    "secant.n.symmetric_approx": {
        "en": "The h terms cancel: the mean, {symmetric}, is near f′({x0}) = {value}.",
        "ja": "h の項が消え、平均 {symmetric} ≈ f′({x0}) = {value}",
    },
    # narration (captions): what each beat shows, in words
    "secant.n.curve": {
        "en": "The graph of f(x) = {expression}",
        "ja": "f(x) = {expression}",
    },
    "secant.n.p_and_q": {
        "en": "P is on the curve, Q a step h to its right; the line through both is a secant.",
        "ja": "曲線上の P と h だけ右の Q を結ぶ直線が割線",
    },
    "secant.n.triangle": {
        "en": "Its slope is rise over run: the rise f(x+h) − f(x), divided by the run h.",
        "ja": "傾きは平均変化率：f の増加を h で割る",
    },
    "secant.n.shrink": {
        "en": "Now h shrinks, and Q slides along the curve towards P.",
        "ja": "h を小さくすると、Q は P に近づく",
    },
    "secant.n.decade": {
        "en": "h = {h}: the secant's slope is {slope}.",
        "ja": "h = {h} で傾きは {slope}",
    },
    "secant.n.merge": {
        "en": "Magnified around P, the secant and the tangent are already one line.",
        "ja": "P のまわりを拡大しても、割線と接線は 1 本の直線",
    },
    "secant.n.limit": {
        "en": "In the limit h → 0 the slope is the derivative: f′({x0}) = {value}.",
        "ja": "h → 0 の極限が微分係数 f′({x0}) = {value}",
    },
    "secant.n.tangent": {
        "en": "The line through P with that slope is the tangent, {equation}.",
        "ja": "その傾きで P を通る接線：{equation}",
    },
    "secant.n.code": {
        "en": "The post's Python, h = 1e-8, prints {printed}.",
        "ja": "出力：{printed}",
    },
    "secant.code_title": {"en": "The post's Python", "ja": "記事の Python コード"},
    "secant.code_result": {"en": "prints:", "ja": "出力："},
    "secant.code_note": {
        "en": "Central difference with h = 1e-8: {n} correct digits",
        "ja": "h = 1e-8 で有効数字 {n} 桁",
    },
    "secant.code_note_abs": {
        "en": "Central difference with h = 1e-8: correct to {n} decimal places",
        "ja": "h = 1e-8 で小数点以下 {n} 桁まで正確",
    },
    # where f'(x0) does not exist (a corner, a cusp, a vertical tangent)
    "secant.n.p_and_q_left": {
        "en": "P is on the curve, Q a step h to its left; the line through both is a secant.",
        "ja": "曲線上の P と h だけ左の Q を結ぶ直線が割線",
    },
    "secant.side_right": {"en": "from the right", "ja": "右から"},
    "secant.side_left": {"en": "from the left", "ja": "左から"},
    "secant.from_left": {
        "en": "Now Q comes from the left: h < 0",
        "ja": "今度は Q が左から近づく：h < 0",
    },
    "secant.from_right": {
        "en": "Now Q comes from the right: h > 0",
        "ja": "今度は Q が右から近づく：h > 0",
    },
    "secant.n.other_side_left": {
        "en": "Now Q starts on the left of P, h < 0, and slides towards P again.",
        "ja": "今度は Q を P の左から近づける（h < 0）",
    },
    "secant.n.other_side_right": {
        "en": "Now Q starts on the right of P, h > 0, and slides towards P again.",
        "ja": "今度は Q を P の右から近づける（h > 0）",
    },
    "secant.n.settles_right": {
        "en": "From the right, the secant slopes settle at {value}.",
        "ja": "右からの傾き → {value}",
    },
    "secant.n.settles_left": {
        "en": "From the left, the secant slopes settle at {value}.",
        "ja": "左からの傾き → {value}",
    },
    "secant.n.unbounded_right": {
        "en": "From the right, the secant slopes grow without bound.",
        "ja": "右からの傾きは発散する",
    },
    "secant.n.unbounded_left": {
        "en": "From the left, the secant slopes grow without bound.",
        "ja": "左からの傾きは発散する",
    },
    "secant.does_not_exist": {"en": "does not exist", "ja": "は存在しない"},
    "secant.no_derivative": {
        "en": "Two sides, two slopes: no f′({x0})",
        "ja": "左右で傾きが違う：f′({x0}) はない",
    },
    "secant.no_derivative_unbounded": {
        "en": "The slope has no limit: no f′({x0})",
        "ja": "傾きに極限がない：f′({x0}) はない",
    },
    "secant.n.no_derivative": {
        "en": "The slopes from the two sides disagree, so there is no limit: f′({x0}) does "
              "not exist, and there is no tangent at P.",
        "ja": "左右の極限が一致しない：f′({x0}) も P での接線もない",
    },
    "secant.n.no_derivative_unbounded": {
        "en": "The slope grows without bound, so there is no limit: f′({x0}) does not exist, "
              "and there is no tangent at P.",
        "ja": "傾きは発散し極限はない：f′({x0}) も P での接線もない",
    },
    "secant.code_corner": {
        "en": "Only the mean of {left} and {right}, not f′({x0})",
        "ja": "{left} と {right} の平均にすぎず、f′({x0}) ではない",
    },
    "secant.n.code_corner": {
        "en": "It looks like a derivative, but the central difference only averages the "
              "slopes from the left and the right, {left} and {right}. f′({x0}) does not "
              "exist.",
        "ja": "微分係数に見えるが、左右の傾き {left} と {right} の平均。f′({x0}) は存在しない",
    },
    "secant.code_unbounded": {
        "en": "It looks like a slope, but f′({x0}) does not exist",
        "ja": "傾きに見えるが、f′({x0}) は存在しない",
    },
    "secant.n.code_unbounded": {
        "en": "It looks like a slope, but the secant slopes grow without bound as h shrinks. "
              "f′({x0}) does not exist.",
        "ja": "値は出るが、割線の傾きは発散し、f′({x0}) は存在しない",
    },
    "secant.code_nan": {
        "en": "nan: the code needs f on both sides of x = {x0}",
        "ja": "nan：このコードは x = {x0} の両側の f を使う",
    },
    "secant.n.code_nan": {
        "en": "It prints nan: the code also evaluates f at x − h, outside the domain of f. "
              "And even from the side where f is defined, the slope has no limit.",
        "ja": "出力は nan：定義域外の x − h でも f を計算するため。定義域側からも極限はない",
    },
    # --- TangentSweep ---
    "sweep.title": {"en": "The tangent along the curve", "ja": "曲線に沿って動く接線"},
    "sweep.trace": {
        "en": "Below, each slope is plotted as a height: the derivative f′",
        "ja": "下に傾きを高さとして描く：導関数 f′",
    },
    "sweep.rise": {
        "en": "Over a run of 1 the tangent rises {slope}: that is the height below",
        "ja": "x が 1 増えると接線は {slope} 上がる：下の高さ",
    },
    "sweep.flat": {
        "en": "At x = {x} the tangent is flat: f′({x}) = 0",
        "ja": "x = {x} で接線は水平、f′({x}) = 0",
    },
    "sweep.expand": {
        "en": "Expand the rise of this f over a step h",
        "ja": "この f の幅 h での増加量を展開する",
    },
    "sweep.divide": {
        "en": "Divided by h: the secant's slope, at every x",
        "ja": "h で割ると、各 x での割線の傾き",
    },
    "sweep.limit": {
        "en": "As h → 0 the h term vanishes: the line traced below",
        "ja": "h → 0 で h の項が消え、下の直線になる",
    },
    "sweep.pause": {"en": "Tangent at x = {x}", "ja": "x = {x} での接線"},
    "sweep.final": {
        "en": "Steeper curve, larger slope: the derivative measures it",
        "ja": "曲線が急なほど導関数は大きい",
    },
    "sweep.formula": {
        "en": "Every slope lies on one graph: the derivative f′",
        "ja": "傾きはすべて導関数 f′ のグラフ上",
    },
    "sweep.why.quadratic": {
        "en": "Since f is quadratic, f′ is linear: its graph is a straight line",
        "ja": "f は 2 次関数、f′ は 1 次関数で直線",
    },
    "sweep.why.cubic": {
        "en": "Since f is cubic, f′ is quadratic: its graph is a parabola",
        "ja": "f は 3 次関数、f′ は 2 次で放物線",
    },
    "sweep.why.linear": {
        "en": "Since f is a straight line, f′ is constant: one slope everywhere",
        "ja": "f は 1 次関数、f′ は定数",
    },
    "sweep.why.constant": {
        "en": "Since f is constant, f′ is 0 everywhere",
        "ja": "f は定数、f′ は常に 0",
    },
    "sweep.why.degree": {
        "en": "Since f is a polynomial of degree {n}, f′ has degree {m}",
        "ja": "f は {n} 次関数、f′ は {m} 次関数",
    },
    # --- figures ---
    "figure.def_h": {"en": "the step, shrinking to 0", "ja": "限りなく 0 に近づける幅"},
    "figure.def_rise": {"en": "the rise of f over the step", "ja": "幅 h での f の増加"},
    "figure.def_colon": {"en": ":", "ja": "："},
    # --- CannonballTrajectory ---
    "cannon.intro": {
        "en": "A cannonball leaves the muzzle at {speed} m/s, {angle}° above the ground",
        "ja": "砲弾を秒速 {speed} m、仰角 {angle}° で発射する",
    },
    "cannon.speedup": {
        "en": "real elapsed time (played {x}× faster)",
        "ja": "実際の経過時間（{x} 倍速で再生）",
    },
    "cannon.flight": {
        "en": "In flight, gravity and air drag act on it all the time",
        "ja": "飛行中は重力と空気抵抗が常にはたらく",
    },
    "cannon.flight_vacuum": {
        "en": "In flight, only gravity acts on it (no air drag)",
        "ja": "飛行中は重力だけがはたらく（空気抵抗なし）",
    },
    "cannon.landed": {
        "en": "It lands after T = {t} s, {range} m away",
        "ja": "T = {t} 秒で {range} m 飛ぶ",
    },
    "cannon.average": {
        "en": "Average velocity: the displacement Δs from muzzle to landing, divided by T",
        "ja": "平均速度：着弾までの変位 Δs を T で割る",
    },
    "cannon.post_average": {
        "en": "The post's “{post} m in 1 s” is an average. Launch: {speed} m/s; "
              "flight average: {avg} m/s",
        "ja": "記事の「平均時速」毎秒 {post} m は平均の考え方。"
              "初速は秒速 {speed} m、平均は秒速 {avg} m",
    },
    "cannon.average_label": {"en": "average velocity", "ja": "平均速度"},
    "cannon.bends": {
        "en": "But the path bends: drag and gravity keep changing the velocity",
        "ja": "速度が刻々と変わり、弾道は曲がる",
    },
    "cannon.bends_vacuum": {
        "en": "But the path bends: gravity changes the velocity at every instant",
        "ja": "重力が速度を変え、弾道は曲がる",
    },
    "cannon.cut": {
        "en": "Every chord starts at t = {start} = {t0} s and lasts Δt = T/2, T/4, …: "
              "its average velocity Δs/Δt",
        "ja": "t = {start} = {t0} 秒からの変位で、Δt = T/2, T/4, … ごとの平均速度",
    },
    "cannon.limit": {
        "en": "As Δt → 0 the chord turns into the tangent: the instantaneous velocity",
        "ja": "Δt → 0 で変位は接線の向き：瞬間の速度",
    },
    "cannon.instant_label": {"en": "instantaneous velocity", "ja": "瞬間の速度"},
    "cannon.to_apex": {
        "en": "Follow the tangent up the path: its slope falls",
        "ja": "接線を頂点へたどると、傾きが減る",
    },
    "cannon.slope": {"en": "slope of the tangent", "ja": "接線の傾き"},
    "cannon.slope_zero": {"en": "slope 0", "ja": "傾き 0"},
    "cannon.max_height": {"en": "maximum height {h} m", "ja": "最高点 {h} m"},
    "cannon.apex": {
        "en": "At the top the tangent is horizontal: slope 0 means maximum height",
        "ja": "頂点で接線は水平：傾き 0 が最高点",
    },
    "cannon.without_air": {
        "en": "Without air, the same shot flies a parabola {ratio}× as far",
        "ja": "空気がなければ、同じ発射は放物線で {ratio} 倍遠くへ飛ぶ",
    },
    "cannon.vacuum_apex": {
        "en": "The parabola peaks where its tangent is horizontal too: slope 0 at {h} m",
        "ja": "放物線でも最高点は傾き 0、高さ {h} m",
    },
    "cannon.with_air": {"en": "with air: {range} m", "ja": "空気あり：{range} m"},
    "cannon.without_air_label": {"en": "without air: {range} m", "ja": "空気なし：{range} m"},
    "cannon.vacuum_only": {
        "en": "No air drag in this run: the path is a parabola, symmetric about its top",
        "ja": "空気抵抗なし：弾道は左右対称な放物線",
    },
    "cannon.figure_title": {
        "en": "Average velocity vs instantaneous velocity",
        "ja": "平均速度と瞬間の速度",
    },
    # --- AimTheCannon ---
    "aim.title": {"en": "Aiming with the derivative", "ja": "微分で狙いを定める"},
    "aim.method.newton": {
        "en": "Newton's method: θ ← θ − miss ÷ (dR/dθ)",
        "ja": "ニュートン法：θ ← θ − ずれ ÷ (dR/dθ)",
    },
    "aim.method.gradient": {
        "en": "Gradient descent: θ ← θ − η·dL/dθ, one fixed η",
        "ja": "勾配降下法：θ ← θ − η·dL/dθ（η は固定）",
    },
    "aim.target": {"en": "target {d} m", "ja": "目標 {d} m"},
    "aim.shot": {"en": "shot", "ja": "射撃"},
    "aim.shot_n": {"en": "{n}", "ja": "{n} 発目"},
    "aim.angle": {"en": "angle θ", "ja": "角度 θ"},
    "aim.landing": {"en": "landed R", "ja": "着弾 R"},
    "aim.miss": {"en": "miss", "ja": "ずれ"},
    "aim.slope": {"en": "dR/dθ", "ja": "dR/dθ"},
    "aim.grad": {"en": "dL/dθ", "ja": "dL/dθ"},
    "aim.eta": {"en": "rate η", "ja": "学習率 η"},
    "aim.next": {"en": "next θ", "ja": "次の θ"},
    "aim.next_halved": {"en": "{a} (bracket halved)", "ja": "{a}（区間を二分）"},
    "aim.inset_title": {"en": "range R against angle θ", "ja": "角度 θ と飛距離 R"},
    "aim.loss_curve_title": {"en": "loss L (m²) against angle θ", "ja": "角度 θ と損失 L (m²)"},
    "aim.loss_title": {"en": "loss L = miss² per shot", "ja": "1 発ごとの損失 L"},
    "aim.loss_x": {"en": "shot", "ja": "射撃回数"},
    "aim.intro": {
        "en": "A target {d} m away. First guess: θ = {a}°",
        "ja": "目標 {d} m、最初の θ ＝ {a}°",
    },
    "aim.first_miss": {
        "en": "It misses by {m} m. Which way, and how far, to turn the barrel?",
        "ja": "ずれは {m} m：どちらへどれだけ動かす？",
    },
    "aim.tangent": {
        "en": "The derivative dR/dθ: the tangent's slope tells how R responds",
        "ja": "dR/dθ は接線の傾き：R の変わり方",
    },
    "aim.newton_step": {
        "en": "Where the tangent meets the target: the next angle",
        "ja": "接線と目標の交点が次の角度",
    },
    "aim.loss_curve": {
        "en": "The loss L = miss² against the angle: we want its lowest point",
        "ja": "損失 L ＝ (ずれ)²：最小になる角度を探す",
    },
    "aim.gradient_slope": {
        "en": "Its slope, by the chain rule: dL/dθ = 2·miss·dR/dθ",
        "ja": "連鎖律：dL/dθ = 2·ずれ·dR/dθ",
    },
    "aim.gradient_step": {
        "en": "Step against the slope: θ − η·dL/dθ, with η = {eta} every shot",
        "ja": "θ − η·dL/dθ、η ＝ {eta} は毎回同じ",
    },
    "aim.eta_choice": {
        "en": "η is one over the largest curvature of L: no step overshoots",
        "ja": "η ＝ 1/(L″ の最大値)：行き過ぎない",
    },
    "aim.bisect": {
        "en": "The tangent's step would leave the safe bracket: halve the bracket instead",
        "ja": "接線の一歩は区間の外：区間を二分する",
    },
    "aim.repeat": {
        "en": "Fire, measure the miss, use the slope, adjust: again and again",
        "ja": "撃つ、ずれを測る、傾きで直す：これを繰り返す",
    },
    "aim.faster": {"en": "The remaining shots, faster", "ja": "残りの射撃は早送り"},
    "aim.hit": {
        "en": "Hit: within {m} m after {n} shots",
        "ja": "命中：{n} 発目で ずれ {m} m 以内",
    },
    "aim.map.here": {"en": "aiming the cannon", "ja": "大砲の照準"},
    "aim.map.network": {"en": "training a neural network", "ja": "ニューラルネットの学習"},
    "aim.map.weight": {
        "en": "In a network, the angle θ plays the part of a weight",
        "ja": "角度 θ はネットワークの重み",
    },
    "aim.map.weight.picture": {"en": "angle θ", "ja": "角度 θ"},
    "aim.map.weight.meaning": {"en": "a weight", "ja": "重み"},
    "aim.map.loss": {
        "en": "The squared miss is the loss L that training lowers",
        "ja": "学習で下げる損失 L ＝ (ずれ)²",
    },
    "aim.map.loss.picture": {"en": "L = miss²", "ja": "L ＝ (ずれ)²"},
    "aim.map.loss.meaning": {"en": "the loss", "ja": "損失"},
    "aim.map.backprop": {
        "en": "Backpropagation computes dL/dθ, for every weight at once",
        "ja": "誤差逆伝播法：全ての重みの dL/dθ",
    },
    "aim.map.backprop.picture": {"en": "dL/dθ", "ja": "dL/dθ"},
    "aim.map.backprop.meaning": {
        "en": "what backpropagation computes",
        "ja": "誤差逆伝播法で計算する",
    },
    "aim.map.step": {
        "en": "Gradient descent (SGD) steps against it, scaled by a learning rate η",
        "ja": "勾配降下法は、学習率 η を掛けて逆向きに進む",
    },
    "aim.map.step.picture": {"en": "θ ← θ − η·dL/dθ", "ja": "θ ← θ − η·dL/dθ"},
    "aim.map.step.meaning": {
        "en": "a step of gradient descent (SGD)",
        "ja": "勾配降下法（SGD）の一歩",
    },
    "aim.map.newton": {
        "en": "Newton's method solves R(θ) = target: it divides the miss by the slope",
        "ja": "ニュートン法は R(θ) = 目標を解く。ずれを傾きで割る",
    },
    "aim.map.newton.picture": {"en": "θ ← θ − miss ÷ (dR/dθ)", "ja": "θ ← θ − ずれ ÷ (dR/dθ)"},
    "aim.map.newton.meaning": {
        "en": "Newton's method for R(θ) = target",
        "ja": "R(θ) = 目標を解くニュートン法",
    },
    # --- Backpropagation ---
    "backprop.title": {"en": "Backpropagation", "ja": "誤差逆伝播法"},
    "backprop.network": {
        "en": "z = w·x + b,  a = σ(z),  L = (a − t)²",
        "ja": "z = w·x + b,  a = σ(z),  L = (a − t)²",
    },
    "backprop.forward": {
        "en": "Forward pass: each node computes its value from its inputs",
        "ja": "順伝播：各ノードは、入力から値を計算する",
    },
    "backprop.loss": {
        "en": "The output a = {a} is not the target t = {t}: the loss is L = {L}",
        "ja": "a = {a} と目標 t = {t} の差から、損失 L = {L}",
    },
    "backprop.local": {
        "en": "Each stage has its own slope: the derivative of its output by its input",
        "ja": "各段の傾き：出力を入力で偏微分した値",
    },
    "backprop.tangents": {
        "en": "Each is a tangent's slope, the limit of secants, as in SecantToTangent",
        "ja": "どれも接線の傾き、つまり割線の極限",
    },
    "backprop.backward": {
        "en": "The chain rule, backwards from ∂L/∂L = 1: multiply by each local slope",
        "ja": "連鎖律：∂L/∂L = 1 から、逆向きに各段の傾きを掛ける",
    },
    "backprop.plus_times": {
        "en": "+ passes the gradient on unchanged; × multiplies it by x = {x}",
        "ja": "＋ は勾配をそのまま渡し、× は x = {x} を掛ける",
    },
    "backprop.cheap": {
        "en": "One backward pass gives the gradient of every weight and bias at once",
        "ja": "1 回の逆伝播で、全パラメータの勾配が求まる",
    },
    "backprop.check": {
        "en": "Check it with the post's differentiation: L as a function of w",
        "ja": "記事の differentiation で検算する",
    },
    "backprop.agree": {
        "en": "They agree to {n} digits: relative error {rel}, below the 1e-7 courses accept",
        "ja": "有効数字 {n} 桁で一致：相対誤差 {rel} < 1e-7",
    },
    "backprop.agree_high": {
        "en": "They agree to {n} digits: relative error {rel}, above the 1e-7 courses accept",
        "ja": "有効数字 {n} 桁で一致：相対誤差 {rel} > 1e-7",
    },
    "backprop.slow": {
        "en": "The difference needs two forward passes per weight: a check, not training",
        "ja": "中心差分は重みごとに順伝播 2 回：検算向き",
    },
    "backprop.step": {
        "en": "One step of learning: w ← w − η·∂L/∂w, with learning rate η = {eta}",
        "ja": "w ← w − η·∂L/∂w で更新、学習率 η = {eta}",
    },
    "backprop.after": {
        "en": "Forward again with the new w and b: the loss falls from {before} to {after}",
        "ja": "新しい w と b で順伝播：損失 {before} → {after}",
    },
    "backprop.cannon": {
        "en": "The cannon's angle was a weight too: the same step, θ ← θ − η·dL/dθ",
        "ja": "大砲の角度も重みだった：同じ更新 θ ← θ − η·dL/dθ",
    },
    "backprop.central": {"en": "central difference", "ja": "中心差分"},
    "backprop.backprop": {"en": "backpropagation", "ja": "誤差逆伝播法"},
    "backprop.rounded": {"en": "both to {n} digits", "ja": "有効数字 {n} 桁"},
    "backprop.relative": {"en": "relative error", "ja": "相対誤差"},
    "backprop.loss_change": {"en": "loss:  L {before}  →  L {after}",
                             "ja": "損失：L {before} → L {after}"},
    "backprop.cannon_rule": {
        "en": "aiming the cannon:  θ ← θ − η·dL/dθ",
        "ja": "大砲の照準：θ ← θ − η·dL/dθ",
    },
    "backprop.legend.forward": {"en": "forward: value", "ja": "順伝播：値"},
    "backprop.legend.backward": {"en": "backward: gradient ∂L/∂·", "ja": "逆伝播：勾配 ∂L/∂·"},
    # --- AimWithTwoKnobs ---
    "knobs.title": {"en": "Aiming with two knobs", "ja": "二つのつまみで狙う"},
    "knobs.subtitle": {
        "en": "L(θ, v) = (R(θ, v) − {d} m)², with drag",
        "ja": "L(θ, v) ＝ (R(θ, v) − {d} m)²、空気抵抗あり",
    },
    "knobs.legend_head": {"en": "contour lines of L:", "ja": "L の等高線："},
    "knobs.legend": {"en": "|miss| = {levels} m", "ja": "|ずれ| ＝ {levels} m"},
    "knobs.hit_label": {"en": "hits: R = {d} m", "ja": "命中：R ＝ {d} m"},
    "knobs.zoom_title": {"en": "zoom: 1° as long as 1 m/s", "ja": "拡大：1° ＝ 1 m/s の縮尺"},
    "knobs.slice_title_angle": {"en": "L(θ) at v = {v} m/s", "ja": "v ＝ {v} m/s での L(θ)"},
    "knobs.slice_title_speed": {"en": "L(v) at θ = {a}°", "ja": "θ ＝ {a}° での L(v)"},
    "knobs.slope_head": {"en": "slopes ({unit})", "ja": "傾き ({unit})"},
    "knobs.figure.gradient": {
        "en": "the gradient, knobs scaled to their ranges",
        "ja": "勾配（つまみを範囲の幅で割る）",
    },
    "knobs.figure.raw": {
        "en": "raw knobs, one η: {n} steps, short",
        "ja": "そのままの尺度：{n} 歩でも届かない",
    },
    "knobs.figure.scaled": {
        "en": "scaled knobs: a hit in {n} steps",
        "ja": "スケーリング後：{n} 歩で命中",
    },
    "knobs.step": {"en": "step", "ja": "歩"},
    "knobs.intro": {
        "en": "Two knobs: the angle θ and the powder, as muzzle speed v",
        "ja": "つまみは二つ：角度 θ と、初速 v を決める火薬",
    },
    "knobs.hit_curve": {
        "en": "A whole curve of settings hits: many minima, as in a network",
        "ja": "命中する設定は曲線をなす。ネットワークも最小点は多い",
    },
    "knobs.first": {
        "en": "First setting: θ = {a}°, v = {v} m/s. It lands {m} m short",
        "ja": "最初は {a}°、{v} m/s。{m} m 手前に落ちる",
    },
    "knobs.slice_angle": {
        "en": "Hold v = {v} m/s: as h shrinks, secants of L(θ) turn into the tangent",
        "ja": "v を {v} m/s に固定：L(θ) の割線は接線に近づく",
    },
    "knobs.partial_angle": {
        "en": "Its slope is the partial derivative: ∂L/∂θ = {g} m²/°",
        "ja": "その傾きが偏微分 ∂L/∂θ ＝ {g} m²/°",
    },
    "knobs.slice_speed": {
        "en": "Hold θ = {a}° instead: the slice L(v) and its secants",
        "ja": "θ を {a}° に固定した L(v)",
    },
    "knobs.partial_speed": {
        "en": "Its slope is the other partial: ∂L/∂v = {g} m²/(m/s)",
        "ja": "接線の傾きが偏微分 ∂L/∂v ＝ {g} m²/(m/s)",
    },
    "knobs.gradient": {
        "en": "Together they form the gradient, ∇L = 2·miss·(∂R/∂θ, ∂R/∂v)",
        "ja": "二つの偏微分を並べると勾配",
    },
    "knobs.perpendicular": {
        "en": "With 1° as long as 1 m/s, it crosses the contour at right angles, uphill",
        "ja": "1° ＝ 1 m/s の縮尺では、等高線に直交し上りを指す",
    },
    "knobs.raw_rule": {
        "en": "Gradient descent: step against it, with one fixed η = {eta}",
        "ja": "勾配降下法：学習率 η は固定で逆向きへ",
    },
    "knobs.raw_stall": {
        "en": "After {n} steps it still lands {m} m short",
        "ja": "{n} 歩進めても、まだ {m} m 手前に落ちる",
    },
    "knobs.crawl": {
        "en": "η fits the angle, not the powder: v moves at most {dv} m/s a step",
        "ja": "η は角度向き：v は 1 歩 {dv} m/s 以下",
    },
    "knobs.scale": {
        "en": "Scale each knob by its range, {sa}° and {sv} m/s, as networks normalise inputs",
        "ja": "各つまみを範囲の幅で割る：特徴量のスケーリング",
    },
    "knobs.hit": {
        "en": "Hit after {n} steps: θ = {a}°, v = {v} m/s, within {tol} m",
        "ja": "{n} 歩で命中：θ ＝ {a}°、v ＝ {v} m/s",
    },
    "knobs.next": {
        "en": "A network has millions of knobs: its gradient is the next post",
        "ja": "つまみが数百万でも同じ：次回は勾配の話",
    },
    # --- StepSizeError ---
    "step.title": {"en": "How small should h be?", "ja": "h はどこまで小さくすべきか"},
    "step.x_label": {"en": "step h", "ja": "刻み h"},
    "step.y_label": {"en": "relative error", "ja": "相対誤差"},
    "step.y_label_abs": {"en": "|error| (f′ = 0)", "ja": "誤差の絶対値"},
    "step.exact_zero": {"en": "error 0", "ja": "誤差 0"},
    "step.forward": {"en": "forward", "ja": "前進差分"},
    "step.central": {"en": "central", "ja": "中心差分"},
    "step.complex": {"en": "complex step", "ja": "複素ステップ"},
    "step.richardson": {"en": "Richardson", "ja": "リチャードソン外挿"},
    "step.richardson_d": {"en": "Richardson, D = central", "ja": "リチャードソン（D：中心）"},
    "step.intro": {
        "en": "Estimate f′(1) of sin x with a step h, and plot the relative error",
        "ja": "sin x の f′(1) を刻み h で近似し、相対誤差を測る",
    },
    "step.sweep": {
        "en": "h shrinks from 1 to 1e-16; every dot is an error computed in float64",
        "ja": "h を 1 から 1e-16 へ縮める：float64 で計算",
    },
    "step.truncation_note": {
        "en": "Taylor: forward is off by C·h, central by C·h²; the power p is 1 or 2",
        "ja": "テイラー展開：前進 C·h、中心 C·h²、次数 p = 1, 2",
    },
    "step.rounding_note": {
        "en": "Rounding: f is stored to about ε|f|; divided by h, that gives ε|f|/h",
        "ja": "丸め誤差：f の誤差 ε|f| を h で割り ε|f|/h",
    },
    "step.slope": {"en": "slope {s}", "ja": "傾き {s}"},
    "step.model": {
        "en": "Add them: E(h) ≈ C·hᵖ + ε|f|/h; on log–log axes, slopes p and −1",
        "ja": "和が E(h)：両対数で傾き p と −1",
    },
    "step.minimum": {
        "en": "E′(h) = 0 gives h*: the square root of ε (forward), the cube root (central)",
        "ja": "E′(h) = 0 で h*：前進は √ε、中心は ∛ε",
    },
    "step.table_title": {"en": "correct digits", "ja": "有効数字"},
    "step.post_h": {"en": "the post's h", "ja": "記事の h"},
    "step.post_digits": {
        "en": "The post's h = {post}: {n} digits; h*: {best} digits, an error ≈{ratio}× smaller",
        "ja": "記事の {post}：有効数字 {n} 桁、h* は {best} 桁（誤差 1/{ratio}）",
    },
    "step.special": {
        "en": "The post's f is quadratic: its third derivative is 0, so no truncation (C = 0)",
        "ja": "記事の f は二次関数：三階導関数が 0 で C = 0",
    },
    "step.special_generic": {
        "en": "The configured f: the same trade-off between truncation and rounding",
        "ja": "この f も、打ち切りと丸めの釣り合い",
    },
    "step.special_rounding": {
        "en": "Only rounding ε|f|/h is left: h = {h} gives {n} digits, the post's {post} "
        "only {n_post}",
        "ja": "丸め誤差のみ：h = {h} で有効数字 {n} 桁、{post} は {n_post} 桁",
    },
    "step.special_rounding_decimals": {
        "en": "Only rounding ε|f|/h is left: h = {h} gives {n} decimals, the post's {post} "
        "only {n_post}",
        "ja": "丸め誤差のみ：h = {h} で小数 {n} 桁、{post} は {n_post} 桁",
    },
    "step.special_rounding_exact": {
        "en": "Only rounding ε|f|/h is left; an error of exactly 0 sits on the bottom row",
        "ja": "丸め誤差のみ：誤差 0 の点は最下段",
    },
    "step.digits": {"en": "{n} digits", "ja": "有効数字 {n} 桁"},
    "step.decimals": {"en": "{n} decimals", "ja": "小数 {n} 桁"},
    "step.exact_tag": {"en": "exact", "ja": "誤差 0"},
    "step.machine": {"en": "machine precision ε", "ja": "計算機イプシロン ε"},
    "step.complex_note": {
        "en": "Complex step Im f(x + ih)/h: no subtraction, so h can be tiny ({h})",
        "ja": "複素ステップ Im f(x + ih)/h：引き算がなく h は {h} でよい",
    },
    "step.richardson_note": {
        "en": "Richardson: (4D(h/2) − D(h))/3 cancels the h² term; repeated: {n} digits",
        "ja": "リチャードソン外挿：h² の項を消し、有効数字 {n} 桁",
    },
    "step.takeaway": {
        "en": "Smaller h is not always better: the best h balances truncation and rounding",
        "ja": "小さすぎる h は不利：最適な h は誤差の釣り合い",
    },
}

#: LaTeX shared by several scenes (language-independent). Colour parts with
#: ``MathTex(..., substrings_to_isolate=...)`` using the roles in :mod:`scenes.kit.style`.
MATH: dict[str, str] = {
    "x": r"x",
    "f": r"f(x)",
    "df": r"f'(x)",
    "h": r"h",
    "rise": r"f(x+h) - f(x)",
    "secant_slope": r"\frac{f(x+h) - f(x)}{h}",
    "limit": r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}",
    "central": r"\frac{f(x+h) - f(x-h)}{2h}",
}


def _check(table: Mapping[str, Mapping[str, str]]) -> None:
    for key, entry in table.items():
        missing = [lang for lang in LANGUAGES if not entry.get(lang)]
        extra = [lang for lang in entry if lang not in LANGUAGES]
        if missing or extra:
            raise ValueError(
                f"scenes.kit.text.TEXT[{key!r}]: needs non-empty entries for {LANGUAGES}; "
                f"missing {missing}, unknown {extra}"
            )


_check(TEXT)


def t(key: str, lang: str, /, **fields: object) -> str:
    """The text of ``key`` in language ``lang``, with ``str.format`` ``fields`` filled in.

    Raises
    ------
    KeyError
        ``key`` is not in :data:`TEXT` (the message names it).
    ValueError
        ``lang`` is not one of :data:`LANGUAGES`.

    Examples
    --------
    >>> t("common.slope", "ja")
    '傾き'
    >>> t("sweep.pause", "en", x=3)
    'Tangent at x = 3'
    >>> t("no.such.key", "en")
    Traceback (most recent call last):
    ...
    KeyError: "no text 'no.such.key' in scenes.kit.text.TEXT (add it with 'en' and 'ja' entries)"
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang: must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    try:
        entry = TEXT[key]
    except KeyError:
        raise KeyError(
            f"no text {key!r} in scenes.kit.text.TEXT (add it with 'en' and 'ja' entries)"
        ) from None
    text = entry[lang]
    return text.format(**fields) if fields else text


def math(key: str) -> str:
    """The shared LaTeX string ``key`` of :data:`MATH` (``KeyError`` naming it if missing)."""
    try:
        return MATH[key]
    except KeyError:
        raise KeyError(f"no LaTeX {key!r} in scenes.kit.text.MATH") from None


class Catalogue:
    """The catalogue in one language: ``tr = Catalogue("ja"); tr("secant.title")``.

    Examples
    --------
    >>> tr = Catalogue("en")
    >>> tr("common.tangent"), tr.language
    ('tangent', 'en')
    >>> Catalogue("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang: must be one of en, ja, got 'fr'
    """

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"lang: must be one of {', '.join(LANGUAGES)}, got {language!r}")
        self.language = language

    def __call__(self, key: str, /, **fields: object) -> str:
        return t(key, self.language, **fields)

    @staticmethod
    def math(key: str) -> str:
        """The shared LaTeX string ``key`` (see :func:`math`)."""
        return math(key)
