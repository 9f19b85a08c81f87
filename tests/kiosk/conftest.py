"""Kiosk tests: any Qt warning fails the test (the offscreen platform's notes about window features aside)."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_aid.content import load_content

SHIPPED_CONTENT = Path(__file__).resolve().parents[2] / "content"

PLATFORM_NOISE = ("This plugin does not support",)


@pytest.fixture(autouse=True)
def no_qt_warnings(request):
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    qtlog = request.getfixturevalue("qtlog")
    yield
    bad = [r.message for r in qtlog.records
           if r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
           and not r.message.startswith(PLATFORM_NOISE)]
    assert not bad, "Qt warnings: " + "; ".join(bad)


@pytest.fixture(scope="module")
def content():
    """The shipped content, read once per test module."""
    return load_content(SHIPPED_CONTENT)


@pytest.fixture
def wired_kiosk(qtbot, qapp, content, tmp_path, monkeypatch):
    """Make a kiosk window wired as app.py wires it (privacy measures, idle guard on a hand-moved clock).

    Returns a function of the clinic giving (window, guard, clock, temp); everything is closed after the test.
    """
    from decision_aid.app import guard_sessions
    from decision_aid.privacy import TempFolder
    from decision_aid.ui.privacy_qt import KioskPrivacy

    import kiosk_driver as drive

    # QSettings' paths are process-wide: these tests check the clipboard and the folder, not the redirect.
    monkeypatch.setattr("decision_aid.ui.privacy_qt.redirect_settings", lambda folder: Path(folder))
    made = []

    def make(clinic):
        temp = TempFolder(base=tmp_path)
        privacy = KioskPrivacy(qapp, temp=temp)
        window = drive.show_kiosk_window(qtbot, content=content, clinic=clinic)
        clock = drive.FakeClock()
        guard = guard_sessions(qapp, window, privacy=privacy, clock=clock)
        made.append((window, guard, privacy, temp))
        return window, guard, clock, temp

    yield make
    for window, guard, privacy, temp in made:
        guard.stop()
        window.view.close_dialogs()
        privacy.deleteLater()
        temp.close()
