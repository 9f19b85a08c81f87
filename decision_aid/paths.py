"""Where the app's own files are: beside the package in a checkout, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def content_dir() -> Path:
    return app_root() / "content"


def resources_dir() -> Path:
    return app_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
