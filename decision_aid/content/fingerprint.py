"""A SHA-256 fingerprint of the content bundle, the same on every machine and in any file order.

It covers exactly the files the reader reads (``files.content_files``): a file the aid shows is always in it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .files import content_files

__all__ = ["content_files", "fingerprint"]


def fingerprint(root: Path, files: list[Path] | None = None) -> str:
    """``files``: the folder's ``content_files``, when the caller has listed them already."""
    root = Path(root)
    digest = hashlib.sha256()
    for path in content_files(root) if files is None else files:
        data = path.read_bytes().replace(b"\r\n", b"\n")
        rel = path.relative_to(root).as_posix().encode("utf-8")
        # Length-prefixed, so that no two different bundles can feed the same bytes.
        digest.update(len(rel).to_bytes(4, "big") + rel + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
