#!/usr/bin/env bash
# Sets up everything `make run` and `make test` need on a fresh Debian machine:
# the system libraries Qt needs (installed with apt only when missing), then .venv with the pinned packages
# (requirements-dev.txt: the lock `make lock` writes, with hashes) and this project in editable mode.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Qt itself (PySide6 does not import without them)
  libglib2.0-0 libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0 fonts-dejavu-core
  # a real window on X11 / Xvfb
  xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxkbcommon-x11-0
  # tests: PDF pages to PNG
  poppler-utils
  # tests: the accessibility tree as a screen reader reads it (AT-SPI over D-Bus, read with the system Python's
  # dbus-python: tests/ui/atspi_probe.py)
  at-spi2-core dbus-daemon python3-dbus
  # read-aloud: the offline voice (English and Spanish)
  espeak-ng
  # the bundle: strip removes about 30 MB of debug symbols
  binutils
  # tests: axe-core on the summary's HTML in a headless browser (puppeteer-core drives it; it never downloads one)
  chromium
  # tests: printing the summary through a real print system, to a PDF queue
  cups cups-client printer-driver-cups-pdf
)
# node and npm for the axe-core check: Debian's, unless a node is already installed
command -v node >/dev/null 2>&1 || SYSTEM_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || SYSTEM_PACKAGES+=(npm)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: these system packages are missing: ${missing[*]}" >&2
    echo "setup: install them as root (apt-get install ${missing[*]}) and run this again." >&2
    exit 1
  fi
  echo "setup: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
stamp=.venv/.installed
inputs=(requirements.txt requirements-dev.txt pyproject.toml scripts/setup.sh)
needs_install=0
[[ -x .venv/bin/python ]] || needs_install=1
[[ -f $stamp ]] || needs_install=1
if ((needs_install == 0)); then
  for f in "${inputs[@]}"; do [[ $f -nt $stamp ]] && needs_install=1; done
fi
if ((needs_install)); then
  echo "setup: preparing .venv (pinned packages)"
  [[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  touch "$stamp"
fi

# The test tools from npm (package.json, pinned in package-lock.json): installed when missing or when the lock changed.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing the npm test tools (npm ci)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
fi
