"""A SHA-256 fingerprint of the content bundle, the same on every machine and in any file order."""

from __future__ import annotations

from pathlib import Path

try:  # CPython's own SHA-256 (the same digests): hashlib would load OpenSSL, 3–4 MB of memory at every start
    from _sha2 import sha256  # Python 3.12+
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256


def content_files(root: Path) -> list[Path]:
    """Every file of the bundle, sorted by its path relative to ``root``; hidden files and caches left out."""
    files = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def fingerprint(root: Path) -> str:
    digest = sha256()
    for path in content_files(root):
        data = path.read_bytes().replace(b"\r\n", b"\n")
        rel = path.relative_to(root).as_posix().encode("utf-8")
        # Length-prefixed, so that no two different bundles can feed the same bytes.
        digest.update(len(rel).to_bytes(4, "big") + rel + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
