"""Qt's side of "nothing of a person's left behind": the clipboard, and settings Qt itself would write to disk.

The app itself never uses QSettings. Qt does, for its own file dialog (``QtProject``: last folder, folder history),
so ``redirect_settings`` sends QSettings into the app's temporary folder, which is removed at exit (fully on Linux;
see there). In kiosk mode no file dialog is opened at all: a native one also adds the file to the system's recent
documents.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QMimeData, QObject, QSettings, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from ..privacy import TempFolder

# Windows keeps what is copied in its clipboard history (Win+V) and may sync it to the cloud, beyond any clear().
# These registered formats ask it not to: https://learn.microsoft.com/windows/win32/dataxchg/clipboard-formats
_WIN_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_DWORD_ZERO = b"\x00\x00\x00\x00"
HISTORY_EXCLUSIONS = {
    _WIN_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): _DWORD_ZERO,
    _WIN_FORMAT.format("CanIncludeInClipboardHistory"): _DWORD_ZERO,
    _WIN_FORMAT.format("CanUploadToCloudClipboard"): _DWORD_ZERO,
}


def clear_clipboard(app: QGuiApplication | None = None) -> None:
    """Empty the clipboard, and the selection and find buffer where the platform has them."""
    clipboard = (app or cast(QGuiApplication, QGuiApplication.instance())).clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def without_history(mime: QMimeData) -> QMimeData:
    """A copy of ``mime`` that Windows leaves out of its clipboard history and cloud clipboard."""
    copy = QMimeData()
    for name in mime.formats():
        copy.setData(name, mime.data(name))
    for name, value in HISTORY_EXCLUSIONS.items():
        copy.setData(name, value)
    return copy


def redirect_settings(folder: str | os.PathLike) -> Path:
    """Send every QSettings made from now on to files in ``folder``; returns the folder. Call before any window.

    Covers QSettings in INI format everywhere, and Qt's own (native-format) settings on Linux, where they are INI
    files too. On Windows and macOS Qt's file dialog still writes its history to the registry or a plist, which
    is one more reason kiosk mode opens no file dialog.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))
    return folder


GIVE_BACK_AFTER_MS = 1000  # freed memory is given back to the system this long after a reset (issue 18)


class KioskPrivacy(QObject):
    """Kiosk mode's privacy measures, in force while this object lives (a child of the application).

    ``clear_session()`` is what a reset must call after throwing the wizard away.
    """

    def __init__(self, app: QGuiApplication, *, temp: TempFolder):
        super().__init__(app)
        self._app = app
        self._temp = temp
        self.settings_folder = redirect_settings(temp.path / "qt-settings")
        # Qt Quick and OpenGL would cache compiled shaders on disk; harmless, but not wanted on a shared machine.
        os.environ.setdefault("QT_DISABLE_SHADER_DISK_CACHE", "1")
        if sys.platform.startswith("win"):
            app.clipboard().dataChanged.connect(self._keep_out_of_history)
        app.aboutToQuit.connect(self.clear_session)
        clear_clipboard(app)  # whatever the last person (or program) left there

    def clear_session(self) -> None:
        """Clear the clipboard and empty the temporary folder (keeping the settings redirect in place); age the last
        summaries out of Typst's memo cache and give freed memory back (issue 18: ``summary.typeset.forget``,
        ``heap.give_back``)."""
        clear_clipboard(self._app)
        self._temp.clear()
        self.settings_folder.mkdir(parents=True, exist_ok=True)
        from .. import heap
        from ..summary import typeset

        typeset.forget()
        # Once the old session's widgets are deleted (a turn of the event loop after the reset): not from here, where
        # the button that asked for the reset may still be on the stack.
        QTimer.singleShot(GIVE_BACK_AFTER_MS, self, heap.give_back)

    def _keep_out_of_history(self) -> None:
        clipboard = self._app.clipboard()
        mime = clipboard.mimeData(QClipboard.Mode.Clipboard)
        if not clipboard.ownsClipboard() or mime is None or not mime.formats():
            return
        if all(mime.hasFormat(name) for name in HISTORY_EXCLUSIONS):
            return  # already marked: this is the change we made ourselves
        clipboard.setMimeData(without_history(mime), QClipboard.Mode.Clipboard)


def apply_kiosk_privacy(app: QGuiApplication, *, temp: TempFolder) -> KioskPrivacy:
    """Make Qt keep nothing of the person's: clipboard cleared now, on every reset and at exit; QSettings (Qt's own
    file-dialog history included) redirected into ``temp``; on Windows, copies kept out of clipboard history.

    Call once, right after the QApplication is made and before the first window. Keep the returned object and
    call its ``clear_session()`` on every reset.
    """
    return KioskPrivacy(app, temp=temp)
