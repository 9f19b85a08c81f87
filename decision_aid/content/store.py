"""The checked content model, stored as MessagePack by the bundle build, and used only when proven to be the build's.

A start of the bundled aid need not import PyYAML and parse the folder: the build (build/decision_aid.spec) reads
and checks the content once, writes the model to ``content.msgpack`` at the bundle root and its SHA-256 beside it
(``content.msgpack.sha256``), in the read-only install. A start believes the store only when all of these hold:

- the aid is the bundle (a checkout always reads its files) and the folder is the content shipped inside it;
- the store's bytes have the SHA-256 the build recorded: a store changed or planted later is refused, whatever
  fingerprint it claims, and the files are read instead (with a message on stderr);
- the fingerprint of the files now in the folder is the one the store was made from: after an edit, the files.

It is plain data decoded into the model's typed records (msgspec): nothing in it can run code.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import msgspec

from .. import paths
from .fingerprint import fingerprint
from .model import Content

STORE_FILE = "content.msgpack"
DIGEST_FILE = STORE_FILE + ".sha256"
FORMAT = 1


class Stored(msgspec.Struct, frozen=True):
    format: int
    content: Content
    html: dict[str, str]  # page id -> rendered HTML: a start from the store needs no Markdown for its first page


def encode(content: Content) -> bytes:
    html = {page.id: page.html for page in content.pages.values()}
    return msgspec.msgpack.encode(Stored(FORMAT, content, html), enc_hook=str)


def write_store(content: Content, folder: Path) -> str:
    """Write the store and its SHA-256 into ``folder`` (the bundle root); returns the digest."""
    data = encode(content)
    digest = hashlib.sha256(data).hexdigest()
    (folder / STORE_FILE).write_bytes(data)
    (folder / DIGEST_FILE).write_text(f"{digest}  {STORE_FILE}\n", encoding="utf-8")
    return digest


def stored_content(root: Path) -> Content | None:
    """The stored model of the files in ``root``, proven to be the build's; else None (read the files)."""
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
    try:
        stored = msgspec.msgpack.decode(data, type=Stored, dec_hook=lambda tp, obj: tp(obj))
    except (msgspec.DecodeError, TypeError, ValueError):
        return None
    if stored.format != FORMAT or stored.content.fingerprint != fingerprint(root):
        return None  # the files were edited after the build: they are read and checked
    for page in stored.content.pages.values():
        page.__dict__["html"] = stored.html.get(page.id, "")
    return msgspec.structs.replace(stored.content, root=Path(root))


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
