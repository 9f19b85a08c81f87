"""The checked content model stored as MessagePack, used at the app's start only when proven to come from the files.

Plain data decoded into the model's typed records (msgspec): nothing in a store can run code. Two stores:

- **The bundle's** (``content.msgpack`` at the bundle root): the build (build/decision_aid.spec) reads and checks the
  content once and writes the model with its SHA-256 beside it (``content.msgpack.sha256``), in the read-only
  install. A bundled start believes it only when the aid is the bundle and the folder is its own content, the store's
  bytes have the SHA-256 the build recorded (a store changed or planted later is refused, whatever fingerprint it
  claims, with a message on stderr) and the files now in the folder have the fingerprint it was made from.
- **A checkout's** (``content/__pycache__/content.msgpack``): re-derived. A start whose files (or the content engine's
  code) changed since reads and checks them and writes the store, atomically (a read-only folder simply has none). A
  later start of the same files and code shows its first page from the store, and right after that first paint the
  app (decision_aid/app.py) calls ``rederive``: the files are read and checked in full and their model must encode to
  the very bytes of the stored one. If not, the store is deleted and the aid refuses to go on, as on invalid content.

``check-content``, ``--self-test``, ``summary``, ``review-packet`` and ``--content DIR`` never use a store
(``load_content`` always reads the files); only the app's start does (``decision_aid.content.start_content``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import msgspec

from .. import paths
from ..errors import ContentError, Problem
from .fingerprint import fingerprint
from .model import Content

STORE_FILE = "content.msgpack"
DIGEST_FILE = STORE_FILE + ".sha256"
CHECKOUT_STORE = Path("__pycache__") / STORE_FILE  # inside the content folder
FORMAT = 3


class Stored(msgspec.Struct, frozen=True):
    format: int
    code: str  # a checkout's: the SHA-256 of the content engine's source (code_stamp); the bundle's: ""
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


def _decode(data: bytes, root: Path, code: str) -> Content | None:
    """The model in ``data`` when it is a store of this format and code, made from the files now in ``root``."""
    try:
        stored = msgspec.msgpack.decode(data, type=Stored, dec_hook=lambda tp, obj: tp(obj))
    except (msgspec.DecodeError, TypeError, ValueError):
        return None  # not a store (a planted pickle is one such file: it is never unpickled)
    if stored.format != FORMAT or stored.code != code or stored.content.fingerprint != fingerprint(root):
        return None  # made from other files, or by other code: the files are read and checked
    for prefix, model in _models(stored.content):
        for page in model.pages.values():
            page.__dict__["html"] = stored.html.get(prefix + page.id, "")
    translations = {code: msgspec.structs.replace(c, root=Path(root))
                    for code, c in stored.content.translations.items()}
    return msgspec.structs.replace(stored.content, root=Path(root), translations=translations)


# -- the bundle's store ----------------------------------------------------------------------------------------------


def write_store(content: Content, folder: Path) -> str:
    """Write the store and its SHA-256 into ``folder`` (the bundle root); returns the digest."""
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
    if hashlib.sha256(data).hexdigest() != recorded:
        print(f"decision-aid: {home / STORE_FILE} is not the one the build made (its SHA-256 differs from "
              f"{DIGEST_FILE}): it is not used, the content files are read instead", file=sys.stderr)
        return None
    return _decode(data, root, "")


# -- a checkout's store ----------------------------------------------------------------------------------------------


def checkout_store(root: Path) -> Path | None:
    """Where a checkout keeps the store of its own content folder; None in the bundle and for any other folder."""
    if getattr(sys, "frozen", False) or not _same(root, paths.content_dir()):
        return None
    return Path(root) / CHECKOUT_STORE


def code_stamp() -> str:
    """The SHA-256 of the content engine's source: a store made by other code is not decoded (its model may differ)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(here.glob("*.py")) + [here.parent / "validation.py", here.parent / "errors.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def read_checkout_store(path: Path, root: Path) -> Content | None:
    """The model in the checkout's store when made from these files by this code; not yet proven (``rederive``)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return _decode(data, root, code_stamp())


def write_checkout_store(content: Content, path: Path) -> None:
    """Write atomically (a start never sees half a store); a folder the aid may not write to simply has no store."""
    temp = None
    try:
        path.parent.mkdir(exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".content.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(encode(content, code_stamp()))
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def rederive(shown: Content, root: Path, path: Path) -> None:
    """Read and check the files in full; raise ContentError, after deleting the store at ``path``, unless their model
    encodes to the very bytes of ``shown`` (the model decoded from that store)."""
    from . import load_content

    code = code_stamp()
    try:
        if encode(load_content(root), code) == encode(shown, code):
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
