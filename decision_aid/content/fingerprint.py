"""A SHA-256 fingerprint of the content bundle, the same on every machine and in any file order.

It covers exactly the files the reader reads (``files.content_files``): a file the aid shows is always in it.
``pieces`` are the bytes it covers, which a checkout's store also checks, more cheaply, before its first page
(``store.stamp``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .files import content_files

__all__ = ["content_files", "fingerprint", "pieces"]


def pieces(root: Path, files: list[Path] | None = None) -> Iterator[bytes]:
    """Each content file as its relative path and its bytes (line endings normalised), length-prefixed, so that no
    two different bundles can feed the same bytes. ``files``: the folder's ``content_files``, when listed already."""
    root = Path(root)
    for path in content_files(root) if files is None else files:
        data = path.read_bytes().replace(b"\r\n", b"\n")
        rel = path.relative_to(root).as_posix().encode("utf-8")
        yield len(rel).to_bytes(4, "big") + rel + len(data).to_bytes(8, "big") + data


def fingerprint(root: Path, files: list[Path] | None = None) -> str:
    """``files``: the folder's ``content_files``, when the caller has listed them already."""
    import hashlib  # OpenSSL's libcrypto: 3 ms and 3.4 MB, which a checkout's start pays only after its first paint

    digest = hashlib.sha256()
    for piece in pieces(root, files):
        digest.update(piece)
    return digest.hexdigest()
