"""Lecture decks: manim-slides' presentations of the scenes, as HTML, PowerPoint and PDF.

``./render.sh slides`` renders each scene's lecture variant (:mod:`scenes.lecture`), which leaves
manim-slides' ``<Scene>.json`` and its clips in the job's working folder, then calls
:func:`build_deck`. The deck is built in a new folder beside the old one and swapped in whole, so
a failed or interrupted conversion leaves the previous deck as it was:

``bibun.html``
    reveal.js, every scene in order. reveal.js itself is copied into ``reveal.js/`` beside it
    (from the npm registry's package, installed by ``render.sh``): the deck needs no network.
``bibun_assets/``
    the clips the HTML plays.
``bibun.pptx``
    PowerPoint, one slide per beat, each carrying its clip (plays when the slide opens).
``bibun.pdf``
    a handout: the last frame of each slide, one per page.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REVEAL_VERSION", "Deck", "build_deck", "reveal_dir", "swap_in"]

#: The reveal.js that manim-slides 5.7's template is written for (its ``reveal_version``).
REVEAL_VERSION = "6.0.1"
#: What the template loads from ``cdn_url``: the deck folder must hold these.
REVEAL_FILES = (
    "dist/reveal.css", "dist/reveal.js", "dist/theme/black.css", "dist/theme/white.css",
    "dist/plugin/highlight/zenburn.css", "dist/plugin/notes.js", "dist/plugin/markdown.js",
)
NAME = "bibun"


@dataclass(frozen=True)
class Deck:
    """A deck written by :func:`build_deck`: its files and slide count."""

    folder: Path
    html: Path
    pptx: Path
    pdf: Path
    slides: int
    slides_per_scene: dict[str, int]


def reveal_dir(root: Path) -> Path:
    """Where ``render.sh`` unpacks reveal.js (the npm package) for the decks."""
    return root / ".venv" / "reveal.js"


def build_deck(
    presentations: Sequence[Path],
    folder: Path,
    *,
    reveal: Path,
    title: str,
    theme: str = "dark",
) -> Deck:
    """Convert manim-slides' presentations (``<Scene>.json``, in order) into ``folder``.

    The new deck is written into ``folder`` + ``.new`` and swapped in once complete.

    Parameters
    ----------
    presentations : sequence of Path
        manim-slides' JSON files, one per scene, in the order of the deck.
    folder : Path
        The deck's folder (``out/slides``).
    reveal : Path
        An unpacked reveal.js package (holding ``dist/``), version :data:`REVEAL_VERSION`.
    title : str
        The HTML deck's title.
    theme : {"dark", "light"}
        reveal.js's black or white theme around the clips.
    """
    from manim_slides.config import PresentationConfig
    from manim_slides.convert import PDF, PowerPoint, RevealJS

    missing = [f for f in REVEAL_FILES if not (reveal / f).is_file()]
    if missing:
        raise FileNotFoundError(
            f"reveal.js {REVEAL_VERSION} is incomplete in {reveal} (missing {missing[0]}); "
            "run ./render.sh once to install it"
        )
    configs = [PresentationConfig.from_file(p) for p in presentations]
    counts = {p.stem: len(c.slides) for p, c in zip(presentations, configs, strict=True)}

    new = folder.with_name(folder.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    new.mkdir(parents=True)
    for name in REVEAL_FILES:
        (new / "reveal.js" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(reveal / name, new / "reveal.js" / name)
    html, pptx, pdf = (new / f"{NAME}.{ext}" for ext in ("html", "pptx", "pdf"))
    RevealJS(
        presentation_configs=configs, cdn_url="reveal.js", title=title,
        reveal_theme="white" if theme == "light" else "black",
    ).convert_to(html)
    PowerPoint(presentation_configs=configs).convert_to(pptx)
    PDF(presentation_configs=configs).convert_to(pdf)
    swap_in(new, folder)
    return Deck(folder, folder / html.name, folder / pptx.name, folder / pdf.name,
                sum(counts.values()), counts)


def swap_in(new: Path, folder: Path) -> None:
    """Replace ``folder`` by ``new``: two renames with Ctrl-C and SIGTERM held back between
    them, so that there is always a whole deck, the old one or the new one."""
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if folder.exists():
            os.rename(folder, old)
        os.rename(new, folder)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    shutil.rmtree(old, ignore_errors=True)
