"""The wizard's buttons and the keyboard: focus stays where the person is, and Tab follows reading order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from decision_aid.ui.steps import PAGES

from ui_helpers import settle


def test_after_next_the_focus_is_on_the_new_pages_heading_never_on_start_over(qtbot, make_window, fixture_content):
    """Issue 15: after Next (or Back) a screen reader hears the new page, not an unrelated control: the focus goes to
    its heading, also on the last page, where Next is disabled (not to Start over, not to the text size)."""
    window = make_window(content=fixture_content)
    wizard = window.wizard
    window.activateWindow()
    wizard.go_to(len(PAGES) - 3)
    wizard.next_button.setFocus()
    settle(qtbot)
    QTest.keyClick(wizard.next_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert wizard.currentId() == len(PAGES) - 2 and QApplication.focusWidget() is window.current_page().heading
    wizard.next_button.setFocus()
    QTest.keyClick(wizard.next_button, Qt.Key.Key_Space)
    settle(qtbot)
    assert wizard.currentId() == len(PAGES) - 1 and not wizard.next_button.isEnabled()
    assert QApplication.focusWidget() is window.current_page().heading


def test_tab_reaches_start_over_just_before_back_and_next(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    wizard = window.wizard
    window.activateWindow()
    wizard.go_to(1)
    settle(qtbot)
    start_over = window.view.start_over_button
    bar = window.view.read_aloud  # "Read this page to me" sits between them when the computer has a voice
    between = [] if bar is None else [bar.play_button]  # its Stop and Slower show only while it reads
    shown, widget = [], start_over.nextInFocusChain()
    while widget is not wizard.back_button and len(shown) < 5:
        if widget.isVisible():
            shown.append(widget)
        widget = widget.nextInFocusChain()
    assert shown == between
    assert wizard.back_button.nextInFocusChain() is wizard.next_button
