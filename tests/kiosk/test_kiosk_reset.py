"""The idle reset end to end, wired as app.py wires it: a kiosk MainWindow, an IdleGuard, a person who walks away."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication

from decision_aid.clinic import Clinic
from decision_aid.ui import dialogs


@pytest.fixture
def kiosk(wired_kiosk):
    return wired_kiosk(Clinic(kiosk=True))


def test_walking_away_leaves_nothing_for_the_next_person(qtbot, kiosk):
    window, guard, clock, temp = kiosk
    old_session, old_view = window.session, window.view
    window.view.go_to_page("situation")
    page = window.view.current_page()
    page.ensure_built()
    bleeding = page.blocks["breast_symptoms"].buttons["some"]
    qtbot.mouseClick(bleeding, Qt.MouseButton.LeftButton)
    assert window.session.answers.situation.get("breast_symptoms") == "some"
    QGuiApplication.clipboard().setText("my tumor bleeds")
    (temp.path / "preview.pdf").write_bytes(b"%PDF-")
    popup = window.view.show_glossary(term_id=next(iter(window.content.glossary)))
    box = dialogs.show_info(window.view, title="PDF saved", text="The summary was saved.")
    assert popup.isVisible() and box.isVisible() and QApplication.activeModalWidget() is not None

    clock.now += 180
    guard.check()
    assert guard.is_warning
    with qtbot.waitSignal(window.session_reset, timeout=0):
        clock.now += 30
        guard.check()

    assert window.session is not old_session and not window.session.has_answers()
    assert window.view is not old_view
    assert window.wizard.currentId() == 0
    assert QApplication.activeModalWidget() is None
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window] == []
    assert QGuiApplication.clipboard().text() == ""
    assert not (temp.path / "preview.pdf").exists()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_view), timeout=2000)
    # No warning over the empty wizard, however long it stands there.
    with qtbot.assertNotEmitted(guard.warning_shown):
        clock.now += 3600
        guard.check()
    # The fresh wizard's situation page starts with nothing picked (QWizard.restart() would have kept it).
    window.view.go_to_page("situation")
    fresh = window.view.current_page()
    fresh.ensure_built()
    assert all(not block.answer() for block in fresh.blocks.values())
    assert not [b for b in fresh.findChildren(QAbstractButton) if b.isCheckable() and b.isChecked()]


def test_start_over_clears_the_clipboard_and_the_folder_too(qtbot, kiosk):
    window, guard, clock, temp = kiosk
    window.session.set_situation(key="breast_symptoms", value="some")
    QGuiApplication.clipboard().setText("my tumor bleeds")
    (temp.path / "preview.pdf").write_bytes(b"%PDF-")
    with qtbot.waitSignal(window.session_reset, timeout=0):
        window.reset()  # what "Start over" does once confirmed
    assert QGuiApplication.clipboard().text() == ""
    assert not (temp.path / "preview.pdf").exists()
    assert not guard.is_warning
