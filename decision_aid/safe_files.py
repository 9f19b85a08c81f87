"""Writing a file that holds a person's words: whole and checked, or not at all, and readable by this account only.

Pure Python (no Qt). The bytes go to a temporary file in the target folder (mode 0600), are flushed and synced to
disk, read back and checked (the size and the bytes; a PDF must also end in a complete trailer, a JSON file must
parse), and only then take the file's name:
- ``os.replace`` for a file the person chose (an old file of that name stays whole until the new one is complete);
- an exclusive link for kiosk exports into a shared folder (``exclusive=True``): never over another kiosk's file; when
  the name is taken, ``-2``, ``-3`` … is added before the ending.
On any failure the temporary file is removed, an existing file is left as it was, and ``error(path, reason)`` (the
caller's own error type) is raised with a plain reason ("the disk is full").
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import DecisionAidError

PRIVATE_MODE = 0o600  # every file holding a person's words: answers, summaries (PDF, HTML, JSON)
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "this account's disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "this account may not write there",
    errno.EPERM: "this account may not write there",
    errno.EIO: "the disk reported an error",
    errno.ENAMETOOLONG: "the file name is too long",
}
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


class FileSaveError(DecisionAidError, OSError):
    """A file (the answers) could not be saved; an ``OSError`` too, so callers catching that still catch it."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        message = f"cannot save {Path(path).name} in the folder {Path(path).parent}: {reason}"
        OSError.__init__(self, errno.EIO, reason)
        self.args = (message,)

    def __str__(self) -> str:
        return str(self.args[0])


def reason_for(exc: OSError) -> str:
    """A plain reason for an OS error, for a person."""
    return (_REASONS.get(exc.errno) if exc.errno is not None else None) or exc.strerror or str(exc)


def check_pdf(data: bytes) -> str | None:
    """None for a complete PDF; else what is wrong (a truncated PDF has no trailer)."""
    if not data.startswith(b"%PDF-"):
        return "it does not start as a PDF"
    match = _STARTXREF.search(data[-1024:])
    if not match:
        return "its end (startxref, %%EOF) is missing"
    offset = int(match.group(1))
    if not 0 < offset < len(data) or not re.match(rb"xref|\d+ \d+ obj", data[offset:offset + 24]):
        return "its cross-reference table is not where its end says"
    return None


def check_bytes(data: bytes, kind: str) -> str | None:
    """None when ``data`` is a complete file of its ``kind`` (".pdf", ".json", anything else: any bytes)."""
    if kind == ".pdf":
        return check_pdf(data)
    if kind == ".json":
        import json  # when a JSON file is written, never before the first page

        try:
            json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return "it is not complete JSON"
    return None


def with_ending(path: str, ending: str) -> str:
    """``path`` with ``ending`` added unless it already ends so (in any case): "answers" becomes "answers.json"."""
    return path if path.lower().endswith(ending.lower()) else path + ending


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two names are the same file (through links, ``./``, another spelling); False when either is absent."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "nothing was written")
        view = view[written:]


def _read_back(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows: folders cannot be opened; the rename is durable there anyway
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _free_name(path: Path, n: int) -> Path:
    return path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")


def _commit_exclusive(tmp: str, path: Path, data: bytes) -> Path:
    for n in range(1, 1000):
        target = _free_name(path, n)
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            return _create_exclusive(path, data, start=n)  # no hard links on this disk (FAT, some shares)
        os.unlink(tmp)
        return target
    raise FileExistsError(errno.EEXIST, "too many files of that name")


def _create_exclusive(path: Path, data: bytes, *, start: int) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for n in range(start, 1000):
        target = _free_name(path, n)
        try:
            fd = os.open(target, flags, PRIVATE_MODE)
        except FileExistsError:
            continue
        try:
            _write_all(fd, data)
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            os.unlink(target)
            raise
        os.close(fd)
        if _read_back(str(target)) != data:
            os.unlink(target)
            raise OSError(errno.EIO, "what was written is not what was sent")
        return target
    raise FileExistsError(errno.EEXIST, "too many files of that name")


def write_file(path: str | os.PathLike[str], data: bytes, *, error: Callable[[str, str], Exception] = FileSaveError,
               exclusive: bool = False,
               kind: str | None = None) -> Path:
    """Write ``data`` to ``path`` whole, checked and with mode 0600, or raise ``error(path, reason)`` and leave any
    existing file as it was. Returns the name written (another one only with ``exclusive``)."""
    path = Path(path)
    kind = (kind or path.suffix).lower()
    folder = path.parent
    if not folder.is_dir():
        raise error(str(path), "the folder does not exist" if not folder.exists() else "it is not a folder")
    if path.is_dir():
        raise error(str(path), f"{path.name} is a folder, not a file name")
    wrong = check_bytes(data, kind)
    if wrong:
        raise error(str(path), f"the {kind.lstrip('.').upper() or 'file'} made was not complete ({wrong})")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".partial-", dir=folder)  # mode 0600
        try:
            _write_all(fd, data)
            os.fsync(fd)  # on disk before the name: a power cut leaves the old file, not an empty one
        finally:
            os.close(fd)
        written = _read_back(tmp)
        if written != data:
            raise OSError(errno.EIO, f"{len(written):,} of {len(data):,} bytes reached the disk")
        os.chmod(tmp, PRIVATE_MODE)
        if exclusive:
            target = _commit_exclusive(tmp, path, data)
        else:
            os.replace(tmp, path)
            target = path
        tmp = None
        _sync_folder(folder)
        return target
    except OSError as exc:
        raise error(str(path), reason_for(exc)) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
