"""The checked content model stored as MessagePack, used at the app's start only when proven to come from the files.

Plain data decoded into the model's typed records (msgspec): nothing in a store can run code. Two stores:

- **The bundle's** (``content.msgpack`` at the bundle root): the build (build/decision_aid.spec) reads and checks the
  content once and writes the model with its SHA-256 beside it (``content.msgpack.sha256``), in the read-only
  install. A bundled start believes it only when the aid is the bundle and the folder is its own content, the store's
  bytes have the SHA-256 the build recorded (a store changed or planted later is refused, whatever fingerprint it
  claims, with a message on stderr) and the files now in the folder have the fingerprint it was made from.
- **A checkout's** (``content/__pycache__/content.msgpack``): re-derived. A start whose files (or the content engine's
  code) changed since reads and checks them and writes the store, atomically (a read-only folder simply has none). A
  later start of the same files and code (``stamp``: a CRC-32 of their bytes, which tells an edited file from an
  unchanged one but proves nothing) shows its first page from the store, and right after that first paint the app
  (decision_aid/app.py) calls ``rederive``: the files are read and checked in full and their model must encode to
  the very bytes of the stored one. If not, the store is deleted and the aid refuses to go on, as on invalid content.

``check-content``, ``--self-test``, ``summary``, ``review-packet`` and ``--content DIR`` never use a store
(``load_content`` always reads the files); only the app's start does (``decision_aid.content.start_content``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import zlib
from pathlib import Path

import msgspec

from .. import paths
from ..errors import ContentError, Problem
from .fingerprint import pieces
from .model import Content

STORE_FILE = "content.msgpack"
DIGEST_FILE = STORE_FILE + ".sha256"
CHECKOUT_STORE = Path("__pycache__") / STORE_FILE  # inside the content folder
FORMAT = 4


class Stored(msgspec.Struct, frozen=True):
    format: int
    code: str  # a checkout's: the ``stamp`` of the files and the engine's code it was made from; the bundle's: ""
    content: Content  # the English model, each translation's in its ``translations``
    # page id -> rendered HTML (a translation's pages as "<language>/<page id>"): a start from the store needs no
    # Markdown for its first page, in any language
    html: dict[str, str]


def _models(content: Content) -> list[tuple[str, Content]]:
    """(prefix of its pages' keys in ``html``, model) for the English model and each translation."""
    return [("", content)] + [(f"{code}/", c) for code, c in content.translations.items()]


def encode(content: Content, code: str = "") -> bytes:
    html = {prefix + page.id: page.html for prefix, model in _models(content) for page in model.pages.values()}
    return msgspec.msgpack.encode(Stored(FORMAT, code, content, html), enc_hook=str)


def _decode(data: bytes, root: Path, code: str, *, fingerprinted: bool = False) -> Content | None:
    """The model in ``data`` when it is a store of this format and ``code``, and (``fingerprinted``) its model's
    fingerprint is that of the files now in ``root``."""
    try:
        stored = msgspec.msgpack.decode(data, type=Stored, dec_hook=lambda tp, obj: tp(obj))
    except (msgspec.DecodeError, TypeError, ValueError):
        return None  # not a store (a planted pickle is one such file: it is never unpickled)
    if stored.format != FORMAT or stored.code != code:
        return None  # made from other files, or by other code: the files are read and checked
    if fingerprinted:
        from .fingerprint import fingerprint

        if stored.content.fingerprint != fingerprint(root):
            return None
    for prefix, model in _models(stored.content):
        for page in model.pages.values():
            page.__dict__["html"] = stored.html.get(prefix + page.id, "")
    translations = {code: msgspec.structs.replace(c, root=Path(root))
                    for code, c in stored.content.translations.items()}
    return msgspec.structs.replace(stored.content, root=Path(root), translations=translations)


# -- the bundle's store ----------------------------------------------------------------------------------------------


def write_store(content: Content, folder: Path) -> str:
    """Write the store and its SHA-256 into ``folder`` (the bundle root); returns the digest."""
    import hashlib

    data = encode(content)
    digest = hashlib.sha256(data).hexdigest()
    (folder / STORE_FILE).write_bytes(data)
    (folder / DIGEST_FILE).write_text(f"{digest}  {STORE_FILE}\n", encoding="utf-8")
    return digest


def stored_content(root: Path) -> Content | None:
    """The bundle's stored model of the files in ``root``, proven to be the build's; else None (read the files)."""
    home = paths.app_root()
    if not getattr(sys, "frozen", False) or not _same(root, paths.content_dir()):
        return None
    try:
        data = (home / STORE_FILE).read_bytes()
        recorded = (home / DIGEST_FILE).read_text(encoding="utf-8").split()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    import hashlib

    if hashlib.sha256(data).hexdigest() != recorded:
        print(f"decision-aid: {home / STORE_FILE} is not the one the build made (its SHA-256 differs from "
              f"{DIGEST_FILE}): it is not used, the content files are read instead", file=sys.stderr)
        return None
    return _decode(data, root, "", fingerprinted=True)


# -- a checkout's store ----------------------------------------------------------------------------------------------


def checkout_store(root: Path) -> Path | None:
    """Where a checkout keeps the store of its own content folder; None in the bundle and for any other folder."""
    if getattr(sys, "frozen", False) or not _same(root, paths.content_dir()):
        return None
    return Path(root) / CHECKOUT_STORE


def stamp(root: Path) -> str:
    """What a checkout's store is made from, told before the first page: a CRC-32 (zlib, loaded already by the
    standard library's file modules) of the bytes the fingerprint covers and of the content engine's source. An edit
    of any file or of the code changes it, but for a chance of one in four billion; it proves nothing (a store can be
    planted with any stamp): ``rederive`` does, right after the first paint. The SHA-256 fingerprint would cost the
    start OpenSSL's import (3 ms, 3.4 MB) and the digest."""
    here = Path(__file__).resolve().parent
    crc = 0
    for piece in pieces(root):
        crc = zlib.crc32(piece, crc)
    for path in sorted(here.glob("*.py")) + [here.parent / "validation.py", here.parent / "errors.py"]:
        crc = zlib.crc32(path.name.encode() + b"\0" + path.read_bytes(), crc)
    return f"crc32:{crc:08x}"


def read_checkout_store(path: Path, root: Path, made_from: str) -> Content | None:
    """The model in the checkout's store when made from the files and code whose ``stamp`` is ``made_from``; not yet
    proven (``rederive``)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return _decode(data, root, made_from)


def write_checkout_store(content: Content, path: Path, made_from: str) -> None:
    """Write atomically (a start never sees half a store); a folder the aid may not write to simply has no store.
    ``made_from``: the ``stamp`` taken before the files were read (an edit during the read is read at the next
    start)."""
    temp = None
    try:
        path.parent.mkdir(exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".content.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(encode(content, made_from))
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def rederive(shown: Content, root: Path, path: Path) -> None:
    """Read and check the files in full; raise ContentError, after deleting the store at ``path``, unless their model
    encodes to the very bytes of ``shown`` (the model decoded from that store)."""
    from . import load_content

    try:
        if encode(load_content(root)) == encode(shown):
            return
    except ContentError:
        _delete(path)
        raise
    _delete(path)
    print(f"decision-aid: {path} does not hold the model the content files make: it was deleted, and the aid "
          "stops (start it again to read the files)", file=sys.stderr)
    raise ContentError([Problem(str(path), "(stored model)", "the model the content files make",
                                "a different model (the store was deleted)")])


def _delete(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
