"""Where the app's own files are: beside the package in a checkout, or inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLED_ROOT = ("share", "decision-aid")  # under sys.prefix: where `pip install .` puts content/ and resources/


def app_root() -> Path:
    """The folder holding content/ and resources/: the bundle's, the checkout's (beside the package, editable
    installs included), or <prefix>/share/decision-aid for an installed aid (pyproject.toml's data-files)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout
    return Path(sys.prefix).joinpath(*INSTALLED_ROOT)


def content_dir() -> Path:
    return app_root() / "content"


def resources_dir() -> Path:
    return app_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
