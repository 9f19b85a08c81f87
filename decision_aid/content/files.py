"""Which files the content is: exactly those the reader reads, the fingerprint covers and the bundle carries.

The English files at the folder's root, and each translation's words in a folder named by its language code
(``es/``): ``es/bundle.yaml`` makes the folder a translation, and only the files listed here are read from it.
"""

from __future__ import annotations

import re
from pathlib import Path

# Each declared in schema.py (schema.FILES), read in this order.
YAML_FILES = (
    "bundle.yaml",
    "references.yaml",
    "facts.yaml",
    "glossary.yaml",
    "form.yaml",
    "prompts.yaml",
    "tailoring.yaml",
)
PAGES = "pages"
SOURCE_LANGUAGE = "en"
# A translation's folder: a language code (ISO 639-1 or -2, lower case), holding a bundle.yaml.
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
# What a translation's folder may hold besides its pages (overlay.FILES declares each), read in this order.
OVERLAY_FILES = YAML_FILES


def page_files(root: Path) -> list[Path]:
    """The pages: ``pages/*.md``, sorted by name. Hidden files (an editor's ``.x.md``, a copy's ``._x.md``) are not
    pages: they are neither read nor fingerprinted."""
    return sorted(p for p in (root / PAGES).glob("*.md") if not p.name.startswith(".") and p.is_file())


def languages(root: Path) -> list[str]:
    """The translations in ``root``: each folder named by a language code (not ``en``) with a ``bundle.yaml``."""
    if not root.is_dir():
        return []
    return sorted(
        p.name
        for p in root.iterdir()
        if LANGUAGE_RE.match(p.name) and p.name != SOURCE_LANGUAGE and (p / "bundle.yaml").is_file()
    )


def language_files(root: Path, language: str) -> list[Path]:
    """The files the reader reads of one translation: its YAML files present, then its pages."""
    folder = root / language
    return [folder / name for name in OVERLAY_FILES if (folder / name).is_file()] + page_files(folder)


def content_files(root: Path) -> list[Path]:
    """Exactly the files the reader reads, every translation's included, sorted by their path relative to ``root``."""
    files = [root / name for name in YAML_FILES if (root / name).is_file()] + page_files(root)
    for language in languages(root):
        files += language_files(root, language)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())
