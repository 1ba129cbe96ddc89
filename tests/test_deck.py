"""Lecture mode end to end: ``render.sh slides`` at 480p15 writes an offline HTML deck, a
PowerPoint and a PDF with one slide per beat, and a failed conversion keeps the old deck.

The deck here holds two scenes from two modules (a deck of any number is built the same way):
every scene's lecture variant is played, and its slides checked against its beats, in the
recorded runs of ``tests/scenes/test_lecture.py``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("manim_slides")
from browser import chromium, console_errors  # noqa: E402

from publish.deck import build_deck, reveal_dir  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
#: one worker runs the module (pytest-xdist), so the deck is rendered once, not once per worker;
#: it is the worker that holds TangentSweep's recorded run (tests/conftest.py)
pytestmark = [pytest.mark.render, pytest.mark.xdist_group("scenes.tangent_sweep")]
#: The scenes of the deck rendered here, in the order of the registry.
DECK = ["TangentSweep", "AimTheCannon"]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """The lecture renders of :data:`DECK` at 480p15 and the deck built from them."""
    if not (reveal_dir(ROOT) / "dist" / "reveal.js").is_file():
        pytest.skip("reveal.js is not installed (./render.sh installs it)")
    out = tmp_path_factory.mktemp("slides") / "out"
    result = subprocess.run(
        [sys.executable, "-m", "publish.cli", "slides", "-q", "l", "--out", str(out), *DECK],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
        env={**os.environ, "PYTHONPATH": str(ROOT), "BIBUN_CONFIG": str(ROOT / "bibun.toml")},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, result.stdout


def _beats(out: Path) -> dict[str, int]:
    """Slides per scene, from manim-slides' own JSON of each lecture render."""
    return {
        name: len(json.loads((out / ".work" / f"lecture-{name}" / "slides" / f"{name}.json")
                             .read_text())["slides"])
        for name in DECK
    }


def test_slides_per_scene_are_the_marked_beats(deck, recorded):
    from core.config import Config, load_config

    out, stdout = deck
    # the deck is rendered from the shipped bibun.toml, the post's parameters in English: the
    # same lecture classes, as recorded in a dry run with those parameters, mark one slide per
    # beat
    assert load_config(ROOT / "bibun.toml") == Config()
    marked = {name: len(recorded(name, "en").scene.beat_times) for name in DECK}
    assert _beats(out) == marked
    for name, count in marked.items():
        assert f"{name} {count}" in stdout  # the closing line names each scene's count


class _Refs(HTMLParser):
    """Every src/href of a script, stylesheet, video, image or source tag."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if value and (key in ("src", "href", "data-background-video",
                                  "data-background-image") or key.startswith("data-src")):
                self.refs.append(value)


def test_html_deck_is_offline_and_complete(deck):
    out, _ = deck
    folder = out / "slides"
    html = (folder / "bibun.html").read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(html)
    assert parser.refs, "no references found: the parser missed the deck's tags"
    for ref in parser.refs:
        assert not re.match(r"(https?:)?//", ref), f"network reference {ref}"
        assert (folder / ref).is_file(), f"{ref} is not in the deck folder"


def test_html_deck_steps_in_chromium(deck, tmp_path):
    out, _ = deck
    expected = sum(_beats(out).values())
    with chromium() as driver:
        driver.get((out / "slides" / "bibun.html").as_uri())
        for _ in range(50):  # reveal.js starts after the page's scripts have run
            if driver.execute_script("return window.Reveal && Reveal.isReady()"):
                break
            time.sleep(0.1)
        assert driver.execute_script("return Reveal.getTotalSlides()") == expected
        assert driver.execute_script("return Reveal.getIndices().h") == 0
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        time.sleep(0.5)
        assert driver.execute_script("return Reveal.getIndices().h") == 1
        # the slide's clip is there and plays
        playing = driver.execute_script(
            "const v = Reveal.getCurrentSlide().slideBackgroundElement.querySelector('video');"
            "return v ? v.readyState : -1")
        assert playing >= 1, "the second slide's video did not load"
        driver.save_screenshot(str(tmp_path / "deck-slide-2.png"))
        # presenter notes (speaker view, S) on every slide
        notes = driver.execute_script(
            "return Reveal.getSlides().map(s => (Reveal.getSlideNotes(s) || '').trim().length)")
        assert len(notes) == expected and all(notes), notes
        assert console_errors(driver) == []


def test_pptx_has_a_movie_per_slide_and_pdf_a_page(deck):
    from pptx import Presentation
    from pypdf import PdfReader

    out, _ = deck
    expected = sum(_beats(out).values())
    prs = Presentation(str(out / "slides" / "bibun.pptx"))
    assert len(prs.slides) == expected
    for i, slide in enumerate(prs.slides):
        movies = [s for s in slide.shapes if s.shape_type is not None
                  and s.shape_type.name == "MEDIA"]
        assert len(movies) == 1, f"slide {i + 1} has {len(movies)} movies"
        # the presenter's notes: what the scene narrates during that beat
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), (
            f"slide {i + 1} has no presenter notes")
    assert len(PdfReader(str(out / "slides" / "bibun.pdf")).pages) == expected


def test_failed_conversion_keeps_the_previous_deck(deck, tmp_path):
    out, _ = deck
    folder = tmp_path / "slides"
    good = [out / ".work" / f"lecture-{n}" / "slides" / f"{n}.json" for n in DECK][:1]
    first = build_deck(good, folder, reveal=reveal_dir(ROOT), title="t")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    broken = tmp_path / "Broken.json"
    data = json.loads(good[0].read_text())
    garbage = tmp_path / "garbage.mp4"  # exists, so the conversion starts, but is no video
    garbage.write_bytes(b"not a video")
    data["slides"][-1]["file"] = data["slides"][-1]["rev_file"] = str(garbage)
    broken.write_text(json.dumps(data))
    with pytest.raises(Exception):  # noqa: B017 - whatever PyAV raises on a broken clip
        build_deck([broken], folder, reveal=reveal_dir(ROOT), title="t")
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert first.slides == len(data["slides"])
