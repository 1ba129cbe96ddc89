"""The render driver behind ``./render.sh``: check, render in parallel, replace outputs atomically.

``render.sh`` sets up the machine, then runs ``python -m publish.cli [options] [NAME ...]``. This
module checks every argument and the whole parameter file before anything renders, runs one manim
process per scene or figure (each in its own media folder, since LaTeX temp files collide), shows
progress, moves each finished file over the old one only once it is complete, and closes with a
table of what it wrote.

The argument parsing uses only the standard library and the registry in :mod:`scenes`, so
``python3 -m publish.cli --check ARGS`` can reject a typo before any set-up has run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from publish.manifest import Manifest, key_for, output_options, sources
from scenes import FIGURES, RENAMED_FIGURES, SCENES, Entry

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
PROG = "render.sh"

#: -q letter -> (manim's -q letter, width, height, fps)
UP_TO_DATE = "up to date"

QUALITIES = {
    "l": ("l", 854, 480, 15),
    "m": ("m", 1280, 720, 30),
    "h": ("h", 1920, 1080, 60),
    "k": ("k", 3840, 2160, 60),
}
FORMATS = ("mp4", "gif", "webm", "png")
#: x264 settings of a plain MP4 (manim's crf 23 stays). SecantToTangent at 1080p60, one stream
#: (scenes/kit/encoding.py): 25% less CPU than manim's defaults, PSNR 0.3 dB lower, file 40% smaller
#: (measured with bench/render.py's PSNR; the numbers are in the commit that set this).
MP4_ENCODER = {
    "mp4": ["--encoder-option", "preset=veryfast", "--encoder-option", "tune=animation"],
}

EPILOG = """\
names:
  no name         every scene and every figure
  figures         every figure (stills only, PNG, in out/figures/)
  SCENE | FIGURE  just those (see --list)

commands:
  ./render.sh test    set up, then run the whole test suite
  ./render.sh slides [SCENE ...]
                      lecture mode: render the scenes (all, or those named) with a pause at
                      each teaching beat and write the deck into out/slides/: bibun.html
                      (reveal.js, works offline), bibun.pptx (PowerPoint, a clip per slide)
                      and bibun.pdf (a handout, one still per slide)

presenting bibun.html (open it in a browser):
  Right / Space / Page Down   next beat        Left / Page Up   previous beat
  F   full screen   Esc or O   overview of all slides   S   speaker view   B   black screen

Outputs go to out/videos/<Scene>.<format> and out/figures/<name>.png; an output is replaced only
once its new version is complete. Parameters come from bibun.toml (or --config FILE).
An option that changes none of the outputs asked for is an error: --format and --captions are
for the scenes' videos (site takes no --format, a still no --captions), --transparent for the
figures; slides takes none of the three.
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error, then the usage, on stderr; exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{PROG}: error: {message}\n")
        self.print_usage(sys.stderr)
        raise SystemExit(2)


def _caption_languages(text: str) -> list[str]:
    from scenes.kit.text import LANGUAGES  # (stdlib only: text.py imports nothing heavy)

    if text == "all":
        return list(LANGUAGES)
    wanted = [t.strip() for t in text.split(",") if t.strip()]
    wrong = [t for t in wanted if t not in LANGUAGES]
    if wrong or not wanted:
        raise argparse.ArgumentTypeError(
            f"must be 'all' or languages from {', '.join(LANGUAGES)} separated by commas, "
            f"got {text!r}")
    return [lang for lang in LANGUAGES if lang in wanted]  # one order: "ja,en" is "en,ja"


def _jobs_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``render.sh`` (the ``test`` command is handled by the shell script)."""
    parser = _Parser(
        prog=PROG,
        description="Render bibun's scenes and figures (Manim CE) for the derivative post.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-q", dest="quality", default="h", choices=list(QUALITIES),
        help="quality: l 480p15, m 720p30, h 1080p60 (default), k 2160p60",
    )
    parser.add_argument(
        "--format", default="mp4", choices=FORMATS,
        help="video format (default mp4; png saves each scene's last frame)",
    )
    parser.add_argument(
        "-j", dest="jobs", type=_jobs_count, default=os.cpu_count() or 1,
        help="how many renders run at once (default: the number of cores)",
    )
    parser.add_argument("--config", metavar="FILE", help="parameter file (default: bibun.toml)")
    parser.add_argument(
        "--transparent", action="store_true", help="figures with a transparent background"
    )
    parser.add_argument(
        "--captions", metavar="LANGS", type=_caption_languages, default=[],
        help="caption files in these languages too (e.g. en,ja or all); the render's own "
             "language is always written",
    )
    parser.add_argument(
        "--theme", choices=("dark", "light"),
        help="colours: dark (light ink on near-black) or light (dark ink on white, for a white "
             "page); default: the parameter file's theme",
    )
    parser.add_argument("--out", metavar="DIR", default="out", help="output folder (default: out)")
    parser.add_argument("--list", action="store_true", help="list scenes and figures, then exit")
    parser.add_argument(
        "--force", action="store_true",
        help="render even what is up to date (by default an output whose inputs did not "
             "change since it was made is kept)",
    )
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("names", nargs="*", metavar="NAME", help="scenes or figures to render")
    return parser


#: Words that, first among the names, pick a command instead of an output.
COMMANDS = ("slides", "site")


def parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None):
    """Parse the command line; ``args.command`` is "render" or one of :data:`COMMANDS`."""
    args = parser.parse_intermixed_args(argv)  # ./render.sh slides -q l NAME
    args.command = "render"
    if args.names and args.names[0] in COMMANDS:
        args.command, args.names = args.names[0], args.names[1:]
    return args


@dataclass
class Job:
    """One manim run: a scene's video, a figure's still, or a scene's lecture slides."""

    name: str
    entry: Entry
    kind: str  # "video", "figure" or "lecture"
    ext: str
    target: Path
    media_dir: Path
    log: Path
    status: str = "waiting"
    progress: str = ""
    seconds: float = 0.0
    returncode: int | None = None
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    #: Files written beside the target: a video's captions and poster.
    extras: list[Path] = field(default_factory=list)


def select(names: Sequence[str], command: str = "render") -> tuple[list[str], list[str]]:
    """Split the command-line names into scenes and figures; unknown names raise ValueError.

    A figure's old name (:data:`scenes.RENAMED_FIGURES`) is kept as it is given: its job renders
    the renamed figure into the old file name (see :func:`renamed_note`).

    For ``slides`` the names are scenes only (a deck has no figures), all of them by default.
    """
    if command == "slides":
        wrong = [n for n in names if n not in SCENES]
        if wrong:
            raise ValueError(f"slides: {wrong[0]!r} is not a scene (see ./render.sh --list)")
        return [n for n in SCENES if n in names or not names], []
    if not names:
        return list(SCENES), list(FIGURES)
    scenes: list[str] = []
    figures: list[str] = []
    for name in names:
        if name == "figures":
            figures.extend(f for f in FIGURES if f not in figures)
        elif name in SCENES:
            if name not in scenes:
                scenes.append(name)
        elif name in FIGURES or name in RENAMED_FIGURES:  # an old name keeps its file name
            if name not in figures:
                figures.append(name)
        else:
            raise ValueError(f"unknown scene or figure {name!r} (see ./render.sh --list)")
    return scenes, figures


def given_options(parser: argparse.ArgumentParser, argv: Sequence[str] | None,
                  args: argparse.Namespace) -> set[str]:
    """The options (their ``dest``) written on the command line ``argv`` that :func:`parse`
    turned into ``args``, whatever their value: ``--format mp4`` is given, a default is not."""
    unset = object()
    written = argparse.Namespace(**dict.fromkeys(vars(args), unset))
    parser.parse_intermixed_args(argv, written)  # argparse fills in only what is not there
    return {k for k, v in vars(written).items() if v is not unset and k != "names"}


#: The options that only some outputs use: what each is for.
_USED_BY = {
    "format": "it is for the scenes' videos",
    "captions": "it is for the scenes' videos",
    "transparent": "it is for the figures",
}
#: Why ``slides`` takes none of them.
_NOT_IN_SLIDES = {
    "format": "its clips are always MP4",
    "captions": "the narration is in each slide's notes",
    "transparent": "a deck has no figures",
}


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def ignored_option(args: argparse.Namespace, given: set[str], scenes: Sequence[str],
                   figures: Sequence[str]) -> str | None:
    """Why an option in ``given`` would change nothing in this run, or None when each is used.

    Every command takes -q, -j, ``--config``, ``--theme``, ``--out`` and ``--force``. Beyond
    those, a render takes ``--format`` and ``--captions`` when it renders a scene (not
    ``--captions`` with ``--format png``: a still has none) and ``--transparent`` when it renders
    a figure; ``site`` likewise, but makes an MP4 and a WebM of each scene, so takes no
    ``--format``; ``slides`` takes none of the three.
    """
    for dest, used_by in _USED_BY.items():
        if dest not in given:
            continue
        option = f"--{dest}"
        if args.command == "slides":
            return f"slides does not take {option} ({_NOT_IN_SLIDES[dest]})"
        if args.command == "site" and dest == "format":
            return f"site does not take {option} (the page has an MP4 and a WebM of each scene)"
        if dest == "captions" and scenes and args.format == "png":
            return f"--format png does not take {option} (a still has no captions)"
        if (figures if dest == "transparent" else scenes):
            continue  # some output uses it
        kind = "scene" if dest == "transparent" else "figure"
        named = list(dict.fromkeys(args.names))
        if "figures" in named:
            return f"figures does not take {option} ({used_by})"
        if len(named) == 1:
            return f"{named[0]} is a {kind} and does not take {option} ({used_by})"
        return f"{_and(named)} are {kind}s and do not take {option} ({used_by})"
    return None


def out_problem(out: str) -> str | None:
    """Why ``--out out`` cannot hold the outputs, or None when it can (it is a folder that can
    be written, or one that can be created). Nothing is left behind: whether a folder can be
    written is tried with an empty folder made in it and removed at once (``os.access`` says
    yes to root even where nothing can be made, in /proc say)."""
    try:
        path = Path(out).resolve()
    except (OSError, RuntimeError):  # RuntimeError up to Python 3.12
        return f"--out {out} leads into a loop of symbolic links"
    if path.is_dir():
        where = path
    elif path.exists() or path.is_symlink():
        return f"--out {out} is {'a file, ' if path.is_file() else ''}not a folder"
    else:
        where = next(p for p in path.parents if p.exists() or p.is_symlink())
        if not where.is_dir():
            what = "a file, not a folder" if where.is_file() else "not a folder"
            return f"--out {out} cannot be created: {where} is {what}"
    try:
        if not os.access(where, os.W_OK | os.X_OK):
            raise PermissionError
        os.rmdir(tempfile.mkdtemp(prefix=".bibun-check-", dir=where))
    except OSError:
        if where == path:
            return f"--out {out} cannot be written"
        return f"--out {out} cannot be created: {where} cannot be written"
    return None


def renamed_note(names: Sequence[str]) -> str | None:
    """What a run asked for by a figure's old name does, or None when no old name is given."""
    old = [n for n in dict.fromkeys(names) if n in RENAMED_FIGURES]
    if not old:
        return None
    lines = [f"{PROG}: note: {n} is now called {RENAMED_FIGURES[n]}; this run writes "
             f"out/figures/{n}.png for the pages that embed it, a render of every figure "
             f"writes out/figures/{RENAMED_FIGURES[n]}.png" for n in old]
    return "\n".join(lines)


def list_text() -> str:
    """The ``--list`` text: every scene and figure with a one-line description."""
    width = max(len(n) for n in [*SCENES, *FIGURES])
    lines = ["scenes (out/videos/):"]
    lines += [f"  {name:<{width}}  {e.description}" for name, e in SCENES.items()]
    lines += ["figures (out/figures/, or all with: ./render.sh figures):"]
    lines += [f"  {name:<{width}}  {e.description}" for name, e in FIGURES.items()]
    lines += ["renamed figures (the old name still renders, into its old file name):"]
    lines += [f"  {old:<{width}}  now {new}" for old, new in RENAMED_FIGURES.items()]
    lines += [
        "lecture mode (./render.sh slides [SCENE ...], into out/slides/):",
        "  each scene stops at every teaching beat: bibun.html (offline reveal.js; Right or",
        "  Space: next beat, Left: back, F: full screen, Esc: overview, S: speaker view),",
        "  bibun.pptx (a clip per slide) and bibun.pdf (a handout, one still per slide)",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# running manim


_PROGRESS = re.compile(r"(Animation \d+)[^%|]*?(\d+)%")


def _manim_command(job: Job, args: argparse.Namespace) -> list[str]:
    module = "scenes.lecture" if job.kind == "lecture" else job.entry.module
    module_file = ROOT / (module.replace(".", "/") + ".py")
    cmd = [
        sys.executable, "-m", "manim", "render",
        # manim looks for manim.cfg in the current folder only; ours lives beside the scenes.
        "--config_file", str(ROOT / "scenes" / "manim.cfg"),
        "-q", QUALITIES[args.quality][0],
        "--media_dir", str(job.media_dir),
        "-o", job.name,
        "--seed", "0",
        "--disable_caching",
    ]
    if job.kind == "figure":
        cmd.append("-s")
        if args.transparent:
            cmd.append("-t")
    elif job.kind == "lecture":
        cmd += ["--format", "mp4"]  # manim-slides cuts the slides from the mp4 clips
    elif job.ext == "gif":
        # a lossless RGB render, from which publish.companions.to_gif makes a small palette GIF
        cmd += ["--format", "mp4", "--video-codec", "libx264rgb", "--pixel-format", "rgb24",
                "--encoder-option", "crf=0", "--encoder-option", "preset=ultrafast"]
    else:
        cmd += ["--format", job.ext, *MP4_ENCODER.get(job.ext, [])]
    return [*cmd, str(module_file), job.entry.cls]


def _rendered_ext(job: Job) -> str:
    """The extension of the file manim writes for ``job`` (a GIF starts as a lossless MP4)."""
    return "mp4" if job.ext == "gif" else job.ext


def _produced(job: Job) -> Path:
    if job.kind == "lecture":  # the target is manim-slides' <Scene>.json (see _plan)
        if not job.target.is_file():
            raise FileNotFoundError(f"manim-slides wrote no {job.target}")
        return job.target
    ext = _rendered_ext(job)
    found = [
        p for p in job.media_dir.rglob(f"{job.name}.{ext}")
        if "partial_movie_files" not in p.parts
    ]
    if len(found) != 1:
        raise FileNotFoundError(
            f"manim finished but wrote {len(found)} files named {job.name}.{ext} "
            f"under {job.media_dir}"
        )
    return found[0]


def _pump(job: Job, stream, log) -> None:
    """Copy manim's output to the log, keeping the latest progress-bar reading."""
    buffer = b""
    while chunk := stream.read1(4096) if hasattr(stream, "read1") else stream.read(4096):
        log.write(chunk)
        buffer = (buffer + chunk)[-400:]
        text = buffer.decode("utf-8", "replace")
        for piece in reversed(re.split(r"[\r\n]", text)):
            m = _PROGRESS.search(piece)
            if m:
                job.progress = f"{m.group(1).lower()} {m.group(2)}%"
                break


def run_job(job: Job, args: argparse.Namespace, env: dict[str, str], stream_output: bool) -> None:
    """Render one job into its media folder, then move the result over the old output."""
    job.log.parent.mkdir(parents=True, exist_ok=True)
    for sub in ("videos", "images", "slides", "publish"):
        shutil.rmtree(job.media_dir / sub, ignore_errors=True)
    job.media_dir.mkdir(parents=True, exist_ok=True)
    record = job.media_dir / "record.json"  # the lesson's narrations, beats and poster time
    record.unlink(missing_ok=True)
    env = {**env, "BIBUN_RECORD": str(record)} if job.kind == "video" else env
    start = time.monotonic()
    job.status = "running"
    with open(job.log, "wb") as log:
        if stream_output:
            job.proc = subprocess.Popen(_manim_command(job, args), cwd=job.media_dir, env=env)
            job.returncode = job.proc.wait()
        else:
            job.proc = subprocess.Popen(
                _manim_command(job, args), cwd=job.media_dir, env=env,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )
            _pump(job, job.proc.stdout, log)
            job.returncode = job.proc.wait()
    job.seconds = time.monotonic() - start
    if job.status == "interrupted":
        return
    if job.returncode != 0:
        job.status = "failed"
        return
    try:
        produced = _produced(job)
    except FileNotFoundError as exc:
        job.status = "failed"
        with open(job.log, "a", encoding="utf-8") as log:
            log.write(f"\n{exc}\n")
        return
    if job.kind == "lecture":  # manim-slides wrote job.target; the deck is built from it
        job.status = "done"
        return
    extras = []
    if job.kind == "video":
        produced, extras = _for_the_web(job, args, produced, record)
    job.target.parent.mkdir(parents=True, exist_ok=True)
    # each file complete before it replaces the old one (same file system: atomic)
    os.replace(produced, job.target)
    for extra in extras:
        os.replace(extra, job.target.parent / extra.name)
        job.extras.append(job.target.parent / extra.name)
    job.status = "done"


def _for_the_web(
    job: Job, args: argparse.Namespace, produced: Path, record: Path
) -> tuple[Path, list[Path]]:
    """Make a rendered video web-ready in ``<media_dir>/publish``: an MP4 with its index first,
    or the GIF of the lossless render; and beside it the captions and the poster. Returns the
    video and its companions, all complete, ready to be moved into place."""
    from publish.companions import companions, faststart, to_gif

    if job.ext == "png":  # a still of the last frame: nothing to caption
        return produced, []
    folder = job.media_dir / "publish"  # beside manim's own .srt, not over it
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    video = folder / job.target.name
    if job.ext == "mp4":
        faststart(produced, video)
    elif job.ext == "gif":
        to_gif(produced, video)
    else:
        video = produced
    extras = []
    # a Lesson writes the record; the captions and poster come from the render (for the page,
    # from the MP4: its WebM twin leaves them alone)
    if record.is_file() and not (job.ext == "webm" and args.command == "site"):
        extras = companions(job.name, produced, record, folder, languages=args.captions)
    return video, extras


# ---------------------------------------------------------------------------------------------
# reporting


def _human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")


def describe(path: Path) -> tuple[str, str]:
    """(duration, resolution) of a rendered file, read back from the file itself."""
    if path.suffix in (".png", ".gif"):
        from PIL import Image

        with Image.open(path) as img:
            if path.suffix == ".png":
                return "still", f"{img.width}x{img.height}"
            delays = []  # a GIF stores a repeated frame as a longer delay
            for i in range(img.n_frames):
                img.seek(i)
                delays.append(img.info.get("duration", 0))
            return f"{sum(delays) / 1000:.1f} s", f"{img.width}x{img.height}"
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        duration = (
            float(stream.duration * stream.time_base)
            if stream.duration is not None
            else container.duration / 1e6
        )
        rate = stream.average_rate
        fps = f"@{float(rate):.0f}" if rate else ""
        return f"{duration:.1f} s", f"{stream.width}x{stream.height}{fps}"


def _shown(path: Path) -> str:
    """A path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def summary(jobs: Sequence[Job]) -> str:
    """The closing table: output, duration, resolution, size and render time of each job."""
    rows = [("output", "duration", "resolution", "size", "render")]
    for job in jobs:
        made = job.status in ("done", UP_TO_DATE)
        if made and job.kind == "lecture":
            duration, resolution = f"{_count_slides(job.target)} slides", "-"
            size = "-"
            where = f"{job.name} (lecture)"
        elif made:
            duration, resolution = describe(job.target)
            size = _human_size(job.target.stat().st_size)
            where = _shown(job.target)
        else:
            duration = resolution = size = "-"
            where = f"{job.name}: {job.status.upper()}" + (
                f" (log: {_shown(job.log)})" if job.status == "failed" else ""
            )
        took = UP_TO_DATE if job.status == UP_TO_DATE else f"{job.seconds:.0f} s"
        rows.append((where, duration, resolution, size, took))
        for extra in job.extras if made else []:
            kind = "poster" if extra.suffix == ".png" else "captions"
            rows.append((f"  {_shown(extra)}", kind, "", _human_size(extra.stat().st_size), ""))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for i, row in enumerate(rows):
        lines.append("  ".join(
            cell.ljust(w) if c == 0 else cell.rjust(w)
            for c, (cell, w) in enumerate(zip(row, widths, strict=True))
        ))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _tail(path: Path, lines: int = 15) -> str:
    """The last non-blank lines of a log (progress-bar carriage returns count as line ends)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    kept = [ln for ln in text.replace("\r", "\n").splitlines() if ln.strip()]
    return "\n".join(kept[-lines:])


# ---------------------------------------------------------------------------------------------
# main


def _count_slides(presentation: Path) -> int:
    """How many slides manim-slides' ``<Scene>.json`` holds."""
    import json

    return len(json.loads(presentation.read_text(encoding="utf-8"))["slides"])


def _plan(args: argparse.Namespace, scenes: list[str], figures: list[str]) -> list[Job]:
    out = Path(args.out).resolve()
    cache = out / ".work"
    jobs = []
    if args.command == "slides":
        return [Job(name, SCENES[name], "lecture", "json",
                    cache / f"lecture-{name}" / "slides" / f"{name}.json",
                    cache / f"lecture-{name}", out / "logs" / f"lecture-{name}.log")
                for name in scenes]
    if args.command == "site":
        return _plan_site(args, out, scenes, figures)
    for name in scenes:
        jobs.append(_video_job(out, name, args.format))
    for name in figures:
        jobs.append(_figure_job(out, name))
    return jobs


def _video_job(out: Path, name: str, ext: str) -> Job:
    work = "" if ext in ("mp4", "gif") else f"-{ext}"  # a WebM beside the MP4 has its own
    return Job(name, SCENES[name], "video", ext, out / "videos" / f"{name}.{ext}",
               out / ".work" / f"{name}{work}", out / "logs" / f"{name}{work}.log")


def _figure_job(out: Path, name: str) -> Job:
    entry = FIGURES[RENAMED_FIGURES.get(name, name)]
    return Job(name, entry, "figure", "png", out / "figures" / f"{name}.png",
               out / ".work" / f"figure-{name}", out / "logs" / f"figure-{name}.log")


def _plan_site(args: argparse.Namespace, out: Path, scenes: list[str],
               figures: list[str]) -> list[Job]:
    """What the embed page shows: each scene's MP4 (with its poster and captions) and WebM,
    each figure's PNG; those already up to date are skipped like any render."""
    jobs = []
    for name in scenes:
        jobs += [_video_job(out, name, "mp4"), _video_job(out, name, "webm")]
    return jobs + [_figure_job(out, n) for n in figures]



def _manim_flags(job: Job, args: argparse.Namespace) -> list[str]:
    """The manim command of ``job`` without its interpreter, paths and scene: what it renders
    with (a flag added to :func:`_manim_command` later changes the key by itself)."""
    cmd = _manim_command(job, args)[3:-2]
    paths = {"--config_file", "--media_dir"}
    return [a for i, a in enumerate(cmd) if a not in paths and cmd[i - 1] not in paths]


def _key(job: Job, args: argparse.Namespace, config) -> str:
    """What ``job``'s output is made from (see :mod:`publish.manifest`)."""
    from importlib.metadata import version

    module = "scenes.lecture" if job.kind == "lecture" else job.entry.module
    # every parsed option that can change the file (an option added later counts by itself)
    options = {"class": job.entry.cls, "kind": job.kind, "ext": job.ext, "seed": 0,
               "manim": _manim_flags(job, args), **output_options(args, job.kind)}
    extra = [ROOT / "scenes" / "manim.cfg"]
    versions = {"manim": version("manim"), "bibun": version("bibun")}
    if job.kind == "video":  # the web conversion, captions and poster are part of the output
        extra += sources("publish.companions")
    if job.kind == "lecture":
        versions["manim-slides"] = version("manim-slides")
    return key_for(module, config, options, extra=extra, versions=versions,
                   reads=job.entry.reads)


def _interrupt(signum, frame):  # noqa: ARG001
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``render.sh``'s command line; returns the exit status."""
    parser = build_parser()
    args = parse(parser, argv)
    try:
        scenes, figures = select(args.names, args.command)
    except ValueError as exc:
        parser.error(str(exc))
    if not args.list:  # a listing uses no other option and writes nothing
        mistake = ignored_option(args, given_options(parser, argv, args), scenes, figures)
        if mistake:
            parser.error(mistake)
        problem = out_problem(args.out)
        if problem:  # one line, no usage: the command line is right, the folder is not
            sys.stderr.write(f"{PROG}: error: {problem}\n")
            return 2
    note = None if args.list else renamed_note(args.names)
    if note:
        sys.stderr.write(note + "\n")
    if args.check:
        return 0
    if args.list:
        print(list_text())
        return 0

    from core.config import ConfigError, load_config

    config_path = Path(args.config or ROOT / "bibun.toml").resolve()
    if args.config and not config_path.is_file():
        parser.error(f"--config: no such file: {args.config}")
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        sys.stderr.write(f"{PROG}: error: {exc}\n")
        return 2

    if args.theme:
        config = replace(config, theme=args.theme)
    args.language = config.language
    if args.command == "site" and not args.captions:
        from scenes.kit.text import LANGUAGES

        args.captions = list(LANGUAGES)  # the page offers every language's captions
    jobs = _plan(args, scenes, figures)
    env = {**os.environ, "BIBUN_CONFIG": str(config_path), "PYTHONPATH": str(ROOT),
           "BIBUN_THEME": config.theme}
    width, height, fps = QUALITIES[args.quality][1:]
    manifest = Manifest(Path(args.out).resolve() / ".manifest.json")
    keys = {id(job): _key(job, args, config) for job in jobs}
    for job in jobs:
        if not args.force and manifest.up_to_date(job.target, keys[id(job)]):
            job.status = UP_TO_DATE
            job.extras = manifest.files(job.target)[1:]
            _say(f"up to date  {job.name} ({_shown(job.target)})")
    todo = [job for job in jobs if job.status != UP_TO_DATE]
    workers = min(args.jobs, len(todo))
    stream_output = workers == 1
    what = (f"the lecture slides of {len(scenes)} scene(s)" if args.command == "slides"
            else f"{len(scenes)} scene(s) and {len(figures)} figure(s)")
    _say(
        f"rendering {what} at {height}p{fps}, "
        f"{workers} at a time, language {config.language}, theme {config.theme}, "
        f"parameters {config_path}"
    )

    signal.signal(signal.SIGTERM, _interrupt)
    queue = list(todo)
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                job = queue.pop(0)
            _say(f"start  {job.name}")
            try:
                run_job(job, args, env, stream_output)
            except Exception as exc:  # an OSError moving files, say: report it, keep going
                job.status = "failed"
                with open(job.log, "a", encoding="utf-8") as log:
                    log.write(f"\n{type(exc).__name__}: {exc}\n")
            if job.status == "done":
                with lock:
                    manifest.record(job.target, keys[id(job)], [job.target, *job.extras])
                _say(f"done   {job.name} -> {_shown(job.target)} ({job.seconds:.0f} s)")
            elif job.status == "failed":
                _say(f"FAILED {job.name} (exit {job.returncode}); log: {_shown(job.log)}")
                if not stream_output:
                    sys.stdout.write(_tail(job.log) + "\n")

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    started = time.monotonic()
    try:
        for thread in threads:
            thread.start()
        last = 0.0
        while any(t.is_alive() for t in threads):
            time.sleep(0.5)
            now = time.monotonic()
            if not stream_output and now - last >= 10:
                last = now
                running = [j for j in jobs if j.status == "running"]
                if running:
                    done = sum(j.status in ("done", "failed") for j in jobs)
                    status = ", ".join(f"{j.name} {j.progress or 'starting'}" for j in running)
                    _say(f"[{done}/{len(jobs)} finished] {status}")
    except KeyboardInterrupt:
        for job in jobs:
            if job.status in ("running", "waiting"):
                job.status = "interrupted"
            if job.proc is not None and job.proc.poll() is None:
                job.proc.terminate()
        queue.clear()
        for job in jobs:
            if job.proc is not None:
                try:
                    job.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    job.proc.kill()
        sys.stderr.write(f"\n{PROG}: interrupted; unfinished outputs were not touched\n")
        return 130

    print()
    print(summary(jobs))
    failed = [j.name for j in jobs if j.status not in ("done", UP_TO_DATE)]
    total = time.monotonic() - started
    if failed:
        sys.stderr.write(f"{PROG}: {len(failed)} of {len(jobs)} failed: {', '.join(failed)}\n")
        return 1
    if args.command == "slides":
        return _write_deck(args, config, jobs, started)
    if args.command == "site":
        return _write_site(args, config, scenes, figures)
    made = sum(j.status == "done" for j in jobs)
    _say(f"{made} of {len(jobs)} outputs written in {total:.0f} s"
         + (f"; {len(jobs) - made} up to date" if made < len(jobs) else ""))
    return 0


def _write_site(args: argparse.Namespace, config, scenes: list[str], figures: list[str]) -> int:
    """Write out/site/ from what out/ now holds, and say where it is."""
    from publish.site import write_site

    page = write_site(Path(args.out).resolve(), scenes, figures, language=config.language,
                      theme=config.theme, caption_languages=args.captions)
    size = sum(f.stat().st_size for f in page.parent.rglob("*") if f.is_file())
    _say(f"embed page written: {_shown(page)} ({len(scenes)} videos, {len(figures)} figures, "
         f"{_human_size(size)} with its files); open it in a browser")
    return 0


def _write_deck(args: argparse.Namespace, config, jobs: Sequence[Job], started: float) -> int:
    """Convert the lecture renders into out/slides/ (HTML, PowerPoint, PDF) and report it."""
    os.environ.setdefault("TQDM_DISABLE", "1")  # manim-slides' per-slide bars; read at import
    from publish.deck import build_deck, reveal_dir
    from scenes.kit.text import Catalogue

    _say("writing the deck (HTML, PowerPoint, PDF)")
    try:
        deck = build_deck(
            [job.target for job in jobs], Path(args.out).resolve() / "slides",
            reveal=reveal_dir(ROOT), title=Catalogue(config.language)("deck.title"),
            theme=config.theme,
        )
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{PROG}: interrupted; the previous deck was not touched\n")
        return 130
    except Exception as exc:  # a conversion error: say which, keep the old deck
        sys.stderr.write(f"{PROG}: error: writing the deck failed: {type(exc).__name__}: "
                         f"{exc}\n{PROG}: the previous deck was not touched\n")
        return 1
    assets = sum(f.stat().st_size for f in deck.folder.rglob("*") if f.is_file()
                 and f.suffix == ".mp4" and "reveal.js" not in f.parts)
    rows = [
        (_shown(deck.html), f"{deck.slides} slides",
         f"{_human_size(deck.html.stat().st_size)} + {_human_size(assets)} of clips"),
        (_shown(deck.pptx), f"{deck.slides} slides", _human_size(deck.pptx.stat().st_size)),
        (_shown(deck.pdf), f"{deck.slides} pages", _human_size(deck.pdf.stat().st_size)),
    ]
    width = max(len(r[0]) for r in rows)
    print()
    for where, count, size in rows:
        print(f"{where:<{width}}  {count:>10}  {size}")
    per_scene = ", ".join(f"{name} {n}" for name, n in deck.slides_per_scene.items())
    _say(f"deck written in {time.monotonic() - started:.0f} s: {per_scene}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
