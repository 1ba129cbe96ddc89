"""The publishing pipeline behind ``./render.sh``: it renders the lessons of :mod:`scenes` and
turns them into what a blog or a lecture hall uses, without importing manim itself.

- :mod:`publish.cli`: the command line (``python -m publish.cli``), the plan of jobs and the
  render workers; ``--check`` validates the command line with the standard library alone;
- :mod:`publish.manifest`: what each output was made from, so an unchanged one is not redone;
- :mod:`publish.companions`: captions in every language and the poster beside each video, MP4
  fast start, GIF loops;
- :mod:`publish.site`: the self-contained embed page;
- :mod:`publish.deck`: the offline lecture deck (manim-slides: HTML, PowerPoint, PDF).

Every output is written into a working folder and moved into place in one step once complete.
"""
