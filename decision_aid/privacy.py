"""Nothing of a person's left on disk: the app's one temporary folder, and a sweep of folders a crash left behind.

Pure Python (no Qt). The folder is ``<tempdir>/decision-aid-XXXXXXXX``, made on first use, with a marker file naming
the process that owns it; it is removed when the ``TempFolder`` is closed, at the latest at normal interpreter exit.
``sweep_stale_temp()`` removes such folders whose owner process is gone (after a crash or a power cut).
"""

from __future__ import annotations

import atexit
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .errors import DecisionAidError

TEMP_PREFIX = "decision-aid-"
OWNER_FILE = ".owner"  # "<pid> <creation time>"
# A folder without a readable owner file may be one another instance is making this very moment.
NO_OWNER_GRACE_SECONDS = 60.0
PROCESS_STARTED = time.time()  # close enough to the process start: this module is imported at start-up


class TempFolderError(DecisionAidError):
    """No usable temporary folder: the aid will not start without one (its settings and PDFs go there)."""


NO_TEMP = ("there is no usable temporary folder ({why}), so the aid will not start; set TMPDIR to a folder this "
           "account may write in")


def temp_base() -> Path:
    """The folder temporary folders are made in; TempFolderError (one line) when there is none that takes files."""
    try:
        return Path(tempfile.gettempdir())
    except OSError as exc:  # FileNotFoundError "No usable temporary directory found in [...]"
        raise TempFolderError(NO_TEMP.format(why=(exc.strerror or str(exc)).split(" in [")[0])) from None


def require_usable_temp() -> Path:
    """Check at start that a private temporary folder can be made (and removed) where the aid will make its own."""
    base = temp_base()
    try:
        Path(tempfile.mkdtemp(prefix=TEMP_PREFIX + "check-", dir=base)).rmdir()
    except OSError as exc:
        raise TempFolderError(NO_TEMP.format(why=f"{base}: {exc.strerror or exc}")) from None
    return base


class TempFolder:
    """The app's one temporary folder, made on first use of ``path`` and removed by ``close()``.

    Use as a context manager around the app's run; ``close()`` is also registered with ``atexit`` once the folder
    exists, so a normal exit that skips the ``with`` block still removes it. A crash leaves it for
    ``sweep_stale_temp()``.
    """

    def __init__(self, *, base: str | os.PathLike[str] | None = None, prefix: str = TEMP_PREFIX):
        self._base = Path(base) if base is not None else None
        self._prefix = prefix
        self._path: Path | None = None
        self._closed = False

    @property
    def path(self) -> Path:
        if self._closed:
            raise RuntimeError(f"TempFolder: expected an open temporary folder, received one closed at exit "
                               f"({self._prefix}…)")
        if self._path is None or not self._path.is_dir():
            base = self._base if self._base is not None else temp_base()
            path = Path(tempfile.mkdtemp(prefix=self._prefix, dir=base))  # mode 0o700: this user only
            (path / OWNER_FILE).write_text(f"{os.getpid()} {time.time():.3f}\n", encoding="ascii")
            if self._path is None:
                atexit.register(self.close)
            self._path = path
        return self._path

    @property
    def exists(self) -> bool:
        return self._path is not None and self._path.is_dir()

    def clear(self) -> None:
        """Remove everything in the folder but keep it (for "start over": the next person starts empty)."""
        if self._path is None or not self._path.is_dir():
            return
        for child in self._path.iterdir():
            if child.name == OWNER_FILE:
                continue
            _remove(child)

    def close(self) -> None:
        """Remove the folder and everything in it. Safe to call more than once."""
        self._closed = True
        path, self._path = self._path, None
        if path is not None:
            _remove(path)
            atexit.unregister(self.close)

    def __enter__(self) -> TempFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sweep_stale_temp(*, base: str | os.PathLike[str] | None = None, prefix: str = TEMP_PREFIX,
                     started: float | None = None, is_alive: Callable[[int], bool] | None = None) -> list[Path]:
    """Remove our temporary folders that a crashed run left behind; return the ones removed.

    Only folders named ``prefix…``, owned by this user, not symbolic links, last changed before this process
    ``started``, and whose owner process is gone (or that have no owner file at all). A folder whose owner is
    running (another window of the app, even one started earlier) is kept.
    """
    try:
        base = Path(base) if base is not None else temp_base()
    except TempFolderError:
        return []
    started = PROCESS_STARTED if started is None else started
    is_alive = is_alive or process_alive
    removed: list[Path] = []
    try:
        candidates = [p for p in base.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    for path in sorted(candidates):
        try:
            info = path.lstat()
            if not stat.S_ISDIR(info.st_mode) or not _ours(info):
                continue
            owner = _read_owner(path / OWNER_FILE)
            if owner is None:
                changed = max(info.st_mtime, _mtime(path / OWNER_FILE))
                if changed >= started - NO_OWNER_GRACE_SECONDS:
                    continue
            else:
                pid, created = owner
                if pid == os.getpid() or created >= started or is_alive(pid):
                    continue
            _remove(path)
            removed.append(path)
        except OSError:
            continue  # someone else's, or vanishing under us: leave it
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running. Never sends it a signal that could stop it."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0 only checks (on Windows os.kill would terminate, hence the branch above)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, and belongs to someone else
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:
    if sys.platform != "win32":  # only called there; the check also tells the type checker so
        raise OSError(f"process_alive: expected Windows, received {sys.platform}")
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == error_access_denied
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _ours(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def _read_owner(path: Path) -> tuple[int, float] | None:
    try:
        pid, created = path.read_text(encoding="ascii").split()[:2]
        return int(pid), float(created)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return 0.0


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            if sys.version_info >= (3, 12):
                shutil.rmtree(path, onexc=_retry_writable)
            else:
                shutil.rmtree(path, onerror=_retry_writable)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # best effort: whatever is left, the next start's sweep takes


def _retry_writable(func: Callable[[str], object], path: str, _exc: object) -> None:
    # A read-only file stops rmtree on Windows; make it writable and try once more.
    os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
    func(path)
