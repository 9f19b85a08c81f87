"""The wizard's buttons and the keyboard: focus stays where the person is, and Tab follows reading order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from decision_aid.ui.steps import PAGES

from ui_helpers import settle


def test_focus_stays_on_next_and_moves_to_back_when_next_ends(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    wizard = window.wizard
    window.activateWindow()
    wizard.go_to(len(PAGES) - 3)
    wizard.next_button.setFocus()
    settle(qtbot)
    QTest.keyClick(wizard.next_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert wizard.currentId() == len(PAGES) - 2 and QApplication.focusWidget() is wizard.next_button
    QTest.keyClick(wizard.next_button, Qt.Key.Key_Space)
    settle(qtbot)
    # The last page: Next is disabled, and its neighbour (not Start over, not the text size) has the focus.
    assert wizard.currentId() == len(PAGES) - 1 and not wizard.next_button.isEnabled()
    assert QApplication.focusWidget() is wizard.back_button


def test_tab_reaches_start_over_just_before_back_and_next(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    wizard = window.wizard
    window.activateWindow()
    wizard.go_to(1)
    settle(qtbot)
    start_over = window.view.start_over_button
    assert start_over.nextInFocusChain() is wizard.back_button
    assert wizard.back_button.nextInFocusChain() is wizard.next_button
