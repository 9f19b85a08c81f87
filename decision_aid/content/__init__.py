"""The content engine: loads and checks the versioned Markdown/YAML bundle. Pure Python, never imports Qt.

The reader (``loader``: YAML, Markdown, every check) is imported on first use, not with the package: a start whose
stored model matches its content (``cache``) goes without it.
"""

from __future__ import annotations

from pathlib import Path

from .model import Content

__all__ = ["Content", "load_content", "read_content"]


def load_content(root: str | Path) -> Content:
    """The validated content, or ContentError listing every error (warnings do not stop the app).

    The model stored by the last read of the same files is used when there is one (``cache``); after a read, the
    model is stored for the next start where the folder allows it.
    """
    from .cache import store_model, stored_model

    stored = stored_model(root)
    if stored is not None:
        return stored
    from .loader import load_content as read_and_check

    content = read_and_check(root)
    store_model(content)
    return content


def __getattr__(name: str):
    if name == "read_content":
        from .loader import read_content

        return read_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
