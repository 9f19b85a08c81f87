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

    For the shipped content folder, the model stored by the last read of the same files is used when there is one
    (``cache``), and a read stores it for the next start. Any other folder is always read from its files.
    """
    from .cache import store_model, stored_model

    shipped = _is_shipped(root)
    stored = stored_model(root) if shipped else None
    if stored is not None:
        return stored
    from .loader import load_content as read_and_check

    content = read_and_check(root)
    if shipped:
        store_model(content)
    return content


def _is_shipped(root: str | Path) -> bool:
    """The content beside the code (or inside the bundle): as trusted as the code, like Python's own caches there."""
    from .. import paths

    try:
        return Path(root).resolve() == paths.content_dir().resolve()
    except OSError:
        return False


def __getattr__(name: str):
    if name == "read_content":
        from .loader import read_content

        return read_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
