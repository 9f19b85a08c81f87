"""The content engine: loads and checks the versioned Markdown/YAML bundle. Pure Python, never imports Qt.

The reader (``loader``: YAML, Markdown, every check) is imported on first use, not with the package: a frozen app
whose stored model matches its content (``cache``) starts without it.
"""

from __future__ import annotations

from pathlib import Path

from .model import Content

__all__ = ["Content", "load_content", "read_content"]


def load_content(root: str | Path) -> Content:
    """The validated content, or ContentError listing every error (warnings do not stop the app)."""
    from .cache import stored_model

    stored = stored_model(root)
    if stored is not None:
        return stored
    from .loader import load_content as read_and_check

    return read_and_check(root)


def __getattr__(name: str):
    if name == "read_content":
        from .loader import read_content

        return read_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
