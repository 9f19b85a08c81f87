"""Clipboard cleared, Qt's own settings kept in the temporary folder, nothing of the app's in QSettings."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from decision_aid.privacy import TempFolder
from decision_aid.ui.privacy_qt import HISTORY_EXCLUSIONS, KioskPrivacy, clear_clipboard, without_history

ROOT = Path(__file__).resolve().parents[2]


def test_clear_clipboard_empties_clipboard_and_selection(qapp):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("my tumor bleeds", QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText("my tumor bleeds", QClipboard.Mode.Selection)
    assert clipboard.text() == "my tumor bleeds"
    clear_clipboard(qapp)
    assert clipboard.text(QClipboard.Mode.Clipboard) == ""
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""


def test_kiosk_privacy_clears_the_clipboard_at_start_and_on_every_reset(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr("decision_aid.ui.privacy_qt.redirect_settings", lambda folder: Path(folder))
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the last person's words")
    with TempFolder(base=tmp_path) as temp:
        privacy = KioskPrivacy(qapp, temp=temp)
        try:
            assert clipboard.text() == ""
            clipboard.setText("lymphedema")
            (temp.path / "preview.pdf").write_bytes(b"%PDF-")
            privacy.clear_session()
            assert clipboard.text() == ""
            assert not (temp.path / "preview.pdf").exists()
        finally:
            privacy.deleteLater()


def test_copies_are_marked_to_stay_out_of_windows_clipboard_history(qapp):
    mime = QMimeData()
    mime.setText("my question")
    marked = without_history(mime)
    assert marked.text() == "my question"
    for name, value in HISTORY_EXCLUSIONS.items():
        assert bytes(marked.data(name)) == value


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's own settings are INI files only on Linux")
def test_qsettings_and_qt_file_dialog_history_land_in_the_temporary_folder(tmp_path):
    """In a fresh process (QSettings' paths are process-wide): after apply_kiosk_privacy, nothing in HOME."""
    home = tmp_path / "home"
    home.mkdir()
    temp_base = tmp_path / "tmp"
    temp_base.mkdir()
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QFileDialog
        from decision_aid.privacy import TempFolder
        from decision_aid.ui.privacy_qt import apply_kiosk_privacy
        app = QApplication([])
        with TempFolder(base={str(temp_base)!r}) as temp:
            privacy = apply_kiosk_privacy(app, temp=temp)
            s = QSettings(QSettings.Scope.UserScope, "QtProject")  # as Qt's own file dialog makes it
            s.setValue("FileDialog/lastVisited", "file:///home/patient/answers")
            s.sync()
            dialog = QFileDialog(None, "Save", {str(home)!r})
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.show()
            app.processEvents()
            dialog.deleteLater()
            app.processEvents()
            files = sorted(str(p.relative_to(temp.path)) for p in temp.path.rglob("*") if p.is_file())
            print(files)
    """)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "qt-settings/QtProject.conf" in out.stdout  # native format: .conf on Linux
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == [], f"Qt wrote into HOME: {written}"
    assert list(temp_base.iterdir()) == []  # and the temporary folder is gone at the end


def test_the_app_itself_never_uses_qsettings_or_recent_documents():
    pattern = re.compile(r"\bQSettings\b|addRecentDocument|SHAddToRecentDocs|recently-used")
    allowed = {Path("decision_aid/ui/privacy_qt.py")}
    uses = []
    for path in sorted((ROOT / "decision_aid").rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                uses.append(f"{rel}:{number}: {line.strip()}")
    assert uses == []
