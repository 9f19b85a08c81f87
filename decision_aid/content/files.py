"""Which files the content is: exactly those the reader reads, the fingerprint covers and the bundle carries."""

from __future__ import annotations

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


def page_files(root: Path) -> list[Path]:
    """The pages: ``pages/*.md``, sorted by name. Hidden files (an editor's ``.x.md``, a copy's ``._x.md``) are not
    pages: they are neither read nor fingerprinted."""
    return sorted(p for p in (root / PAGES).glob("*.md") if not p.name.startswith(".") and p.is_file())


def content_files(root: Path) -> list[Path]:
    """Exactly the files the reader reads, sorted by their path relative to ``root``."""
    files = [root / name for name in YAML_FILES if (root / name).is_file()] + page_files(root)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())
