#!/usr/bin/env bash
# bibun: set up what is missing, then render every scene and figure (or run the tests).
set -Eeuo pipefail
cd "$(dirname "$0")"

readonly VENV=.venv            # manim, numpy, scipy, PyAV, pytest: everything
readonly CORE_VENV=.venv-core  # numpy, scipy, pytest only: proves core/ works without manim
# Debian packages: cairo and pango headers (pycairo and manimpango build from source), LaTeX for
# MathTex, dvisvgm to turn it into SVG, Noto CJK for Japanese text.
readonly APT_PACKAGES=(
  libcairo2-dev libpango1.0-dev pkg-config
  texlive-latex-base texlive-latex-extra texlive-latex-recommended texlive-fonts-recommended
  dvisvgm fonts-noto-cjk
)
# Only for ./render.sh test: the browser the embed page and the HTML deck are checked in.
readonly TEST_APT_PACKAGES=(chromium chromium-driver)
# reveal.js for the offline lecture deck: the npm package manim-slides 5.7's template is written
# for, pinned by version and by the registry's sha512 (npm pack checks it against the download).
readonly REVEAL_VERSION=6.0.1
readonly REVEAL_INTEGRITY=sha512-9eacArNIgqO2HGWOK+93gJNn+gvdGDVbSq+i2u3Ja9kjiHps0XNLpgYTZTYjKRH91uXy3clGimeGiw4umHG/tg==

usage() {
  cat <<'EOF'
usage: ./render.sh [-q l|m|h|k] [--format mp4|gif|webm|png] [-j N] [--config FILE]
                   [--theme dark|light] [--transparent] [--out DIR] [--list]
                   [figures | NAME ...]
       ./render.sh slides [SCENE ...]   lecture decks (HTML, PowerPoint, PDF) in out/slides/
       ./render.sh test       run the whole test suite
       ./render.sh -h         this help (more with the first command once set up)

Sets up what is missing (Debian packages, a Python venv in .venv), then renders every scene
and every figure into out/ at 1080p60, or only the NAMEs given (./render.sh --list).
EOF
}

err() { printf 'render.sh: %s\n' "$*" >&2; }

# Print the Debian packages from the arguments (and what Python needs) that are not installed.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || echo "$pkg"
  done
  if ! command -v python3 >/dev/null; then
    echo python3 python3-venv python3-dev
  else
    python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv
    python3 -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(
      os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null \
      || echo python3-dev
  fi
  command -v cc >/dev/null || echo gcc
  command -v npm >/dev/null || echo npm
}

# install_system_packages PACKAGE...: install those Debian packages (and what Python needs)
# that are missing.
install_system_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@" | tr ' ' '\n' | sort -u)
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    err "these Debian packages are missing: ${missing[*]}"
    err "install them, then run ./render.sh again:"
    printf '  sudo apt-get install -y --no-install-recommends %s\n' "${missing[*]}" >&2
    exit 1
  fi
  echo "==> installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

check_python() {
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    err "Python >= 3.11 is needed; python3 is $(python3 --version 2>&1)"
    exit 1
  }
}

# make_venv DIR EXTRAS: create DIR and install the project with EXTRAS, unless DIR was already
# built from this very pyproject.toml.
make_venv() {
  local dir=$1 extras=$2 stamp want
  stamp="$dir/.bibun-stamp"
  want="$(sha256sum pyproject.toml | cut -d' ' -f1) $extras"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0
  echo "==> setting up $dir (project with [$extras])"
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/python" -m pip install -q --upgrade pip
  "$dir/bin/python" -m pip install -q -e ".[$extras]"
  echo "$want" >"$stamp"
}

# reveal.js, unpacked into .venv/reveal.js (see publish/deck.py), unless already there.
install_revealjs() {
  local dest="$VENV/reveal.js" tmp
  [[ -f "$dest/.version" && "$(cat "$dest/.version")" == "$REVEAL_VERSION" ]] && return 0
  echo "==> installing reveal.js $REVEAL_VERSION (npm registry) for the lecture decks"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "reveal.js@$REVEAL_VERSION" >/dev/null)
  local got
  got=$(python3 -c 'import base64, hashlib, sys
print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' \
    "$tmp/reveal.js-$REVEAL_VERSION.tgz")
  if [[ "$got" != "$REVEAL_INTEGRITY" ]]; then
    err "reveal.js-$REVEAL_VERSION.tgz does not match its pinned sha512; not installed"
    rm -rf "$tmp"
    exit 1
  fi
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "$tmp/reveal.js-$REVEAL_VERSION.tgz" -C "$dest" --strip-components=1 package/dist
  echo "$REVEAL_VERSION" >"$dest/.version"
  rm -rf "$tmp"
}

setup() {
  install_system_packages "${APT_PACKAGES[@]}" "$@"
  check_python
  make_venv "$VENV" render,test
  install_revealjs
}

run_tests() {
  setup "${TEST_APT_PACKAGES[@]}"
  make_venv "$CORE_VENV" test
  # both cores (pytest-xdist); the tests that read one scene's recorded run stay on one worker
  # (tests/conftest.py), so each scene is played once for them
  echo "==> the whole suite (core, scenes, render tests), on every core"
  "$VENV/bin/python" -m pytest -n auto --dist loadgroup "$@"
  echo "==> the numeric core again, in $CORE_VENV where manim is not installed"
  "$CORE_VENV/bin/python" -c 'import importlib.util, sys; sys.exit(
    importlib.util.find_spec("manim") is not None)' || {
    err "$CORE_VENV has manim installed; it must not"
    exit 1
  }
  "$CORE_VENV/bin/python" -m pytest -q -p no:cacheprovider -n auto tests/core core
}

main() {
  case "${1:-}" in
    test)
      shift
      run_tests "$@"
      return
      ;;
    -h | --help)
      if command -v python3 >/dev/null; then PYTHONPATH=. python3 -m publish.cli --help; else usage; fi
      return
      ;;
  esac
  # Reject a mistyped option or name before any set-up (the check needs only the stdlib), and
  # answer --list without one.
  if command -v python3 >/dev/null; then
    PYTHONPATH=. python3 -m publish.cli --check "$@" || exit $?
    if [[ " $* " == *" --list "* ]]; then
      PYTHONPATH=. python3 -m publish.cli "$@"
      return
    fi
  fi
  setup
  exec "$VENV/bin/python" -m publish.cli "$@"
}

main "$@"
