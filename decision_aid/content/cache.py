"""The content as last read: the checked model, stored beside the content so that the next start need not read it.

Reading and checking the content (YAML, Markdown, every check) costs about a tenth of a second at every start, more
than everything else the aid does before its first page. After a successful read the model is stored in
``content/__pycache__/content.model``, as Python stores compiled code beside its source, when that folder can be
written (a read-only install simply reads the files every time). The bundle build (build/decision_aid.spec) stores one
inside the bundle.

A start fingerprints the content folder. The stored model is used only when its fingerprint is the same and the code
that made it has not changed (the content package, the errors module, Markdown and PyYAML: their files' sizes and
times, as Python checks its own caches; a frozen app's code cannot change). Otherwise the folder is read as ever,
and refused when it has errors. Content with errors is never stored.

Only the shipped content folder (beside the code in a checkout, inside the bundle) is stored and loaded this way
(``decision_aid.content.load_content``): its ``__pycache__`` is as trusted as the code's own. A folder given with
``--content`` is always read from its files, so what the aid shows from it is what its files say (and what its
fingerprint names), whatever its ``__pycache__`` holds. The file is read, besides, by an unpickler that accepts the
model's own classes, dates and paths, and nothing else: a stored model cannot run code.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

from . import model
from .fingerprint import fingerprint
from .model import Content

CACHE_DIR = "__pycache__"  # left out of the fingerprint (fingerprint.content_files), as Python's own caches are
CACHE_FILE = "content.model"
FORMAT = 3  # 3: stored beside the content, with the code stamp; pages hold their HTML rendered
# The code that makes the model: a change to any of it makes a stored model stale. The content package is stamped
# file by file (decision_aid/content/*.py); Markdown and PyYAML by their __init__.py, which an upgrade rewrites. Top
# names only: finding "markdown.x" would import markdown.
MAKERS = ("decision_aid.errors", "markdown", "yaml")
ALLOWED_GLOBALS = {("datetime", "date"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath")}


def cache_path(root: str | Path) -> Path:
    return Path(root) / CACHE_DIR / CACHE_FILE


def code_stamp() -> tuple | None:
    """What the model was made by, as (file, size, time) of each source file; None in a frozen app."""
    if getattr(sys, "frozen", False):
        return None
    from importlib.util import find_spec

    files = sorted(Path(__file__).parent.glob("*.py"))
    for name in MAKERS:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        files.append(Path(spec.origin) if spec is not None and spec.origin else Path(name))
    stamp = []
    for path in files:
        try:
            info = path.stat()
            stamp.append((str(path), info.st_size, info.st_mtime_ns))
        except OSError:
            stamp.append((str(path), None, None))
    return tuple(stamp)


def write_model(content: Content, path: str | Path) -> None:
    """Store a loaded (so valid) content model at ``path``, written whole or not at all."""
    import pickle

    for page in content.pages.values():  # rendered now, so that a start from the stored model never needs Markdown
        page.html, page.text  # noqa: B018 (cached on first read)
    data = {"format": FORMAT, "fingerprint": content.fingerprint, "code": code_stamp(), "content": content}
    path = Path(path)
    path.parent.mkdir(exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        partial.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def store_model(content: Content) -> bool:
    """Store the model beside its content for the next start; False (and nothing changed) where it cannot be."""
    try:
        write_model(content, cache_path(content.root))
    except OSError:
        return False
    return True


def stored_model(root: str | Path) -> Content | None:
    """The stored model of exactly these files, made by this code; else None."""
    import io
    import pickle

    class ModelUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str):
            if module == model.__name__ and dataclasses.is_dataclass(getattr(model, name, None)):
                return getattr(model, name)
            if (module, name) in ALLOWED_GLOBALS:
                return super().find_class(module, name)
            raise pickle.UnpicklingError(f"{module}.{name} is not part of the content model")

    try:
        data = ModelUnpickler(io.BytesIO(cache_path(root).read_bytes())).load()
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, KeyError,
            TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("content"), Content):
        return None
    stamp = code_stamp()
    if stamp is not None and data.get("code") != stamp:  # None: a frozen app, whose code cannot change
        return None
    if fingerprint(Path(root)) != data["fingerprint"]:
        return None
    return dataclasses.replace(data["content"], root=Path(root))
