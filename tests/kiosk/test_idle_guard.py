"""IdleGuard: the warning after a quiet spell, its countdown, extending, timing out and closing what else is open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from decision_aid.ui.idle_guard import MIN_COUNTDOWN_SECONDS, IdleGuard, close_transient_windows
from decision_aid.ui.idle_warning import IdleWarning
from decision_aid.ui.wording import STILL_HERE, countdown_text

from kiosk_driver import FakeClock

IDLE = 180.0


class QuickGuard(IdleGuard):
    """The one way below WCAG's 20-second countdown: tests with real timers, which cannot wait that long."""

    min_countdown_seconds = 0


@pytest.fixture
def clock():
    return FakeClock(5000.0)


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    win.line = QLineEdit()
    win.line.setObjectName("answer")
    win.button = QPushButton("Next")
    layout.addWidget(win.line)
    layout.addWidget(win.button)
    win.setCentralWidget(central)
    win.resize(800, 600)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def guard(qtbot, window, clock):
    g = IdleGuard(idle_seconds=IDLE, window=window, clock=clock)
    g.start()
    yield g
    g.stop()
    g.deleteLater()


def go_idle(guard, clock, seconds=IDLE):
    clock.advance(seconds)
    guard.check()


def test_no_warning_before_the_idle_time_then_a_warning_that_counts_down(qtbot, guard, clock):
    go_idle(guard, clock, IDLE - 0.5)
    assert not guard.is_warning and guard.warning is None
    with qtbot.waitSignal(guard.warning_shown, timeout=0):
        go_idle(guard, clock, 0.5)
    warning = guard.warning
    assert isinstance(warning, IdleWarning) and warning.isVisible() and warning.isModal()
    assert warning.countdown.text() == "For your privacy, this screen will clear in 30 seconds."
    clock.advance(5)
    guard.check()
    assert guard.seconds_left() == 25
    assert warning.countdown.text() == "For your privacy, this screen will clear in 25 seconds."
    assert warning.countdown.accessibleName() == warning.countdown.text()
    clock.advance(24)
    guard.check()
    assert warning.countdown.text() == "For your privacy, this screen will clear in 1 second."


def test_countdown_is_announced_to_assistive_tech_at_intervals_not_every_second(qtbot, guard, clock):
    go_idle(guard, clock)
    warning = guard.warning
    assert "30 seconds" in warning.accessibleDescription()
    assert "30 seconds" in warning.button.accessibleDescription()
    clock.advance(3)
    guard.check()  # 27: not announced
    assert "30 seconds" in warning.accessibleDescription()
    clock.advance(7)
    guard.check()  # 20: announced
    assert warning.accessibleDescription() == countdown_text(20)


def test_the_button_is_large_named_and_has_the_focus(qtbot, guard, clock):
    go_idle(guard, clock)
    warning = guard.warning
    qtbot.waitExposed(warning)
    button = warning.button
    assert button.text() == STILL_HERE and button.accessibleName() == STILL_HERE
    assert button.width() >= 44 and button.height() >= 44
    assert warning.focusWidget() is button
    assert warning.windowModality() == Qt.WindowModality.ApplicationModal
    assert [b for b in warning.findChildren(QPushButton)] == [button]  # one button, nothing else to choose


def test_pressing_im_still_here_extends_more_than_ten_times(qtbot, guard, clock):
    for n in range(1, 13):
        go_idle(guard, clock)
        warning = guard.warning
        assert warning is not None, f"no warning on round {n}"
        clock.advance(20)  # most of the countdown gone
        guard.check()
        with qtbot.waitSignal(guard.extended, timeout=0):
            qtbot.mouseClick(warning.button, Qt.MouseButton.LeftButton)
        assert not guard.is_warning and not warning.isVisible()
        assert guard.extensions == n
        # The idle time starts again in full.
        go_idle(guard, clock, IDLE - 1)
        assert not guard.is_warning


def test_the_button_pressed_by_assistive_tech_extends(qtbot, guard, clock):
    """A screen reader presses the button without any mouse or key event: click() alone must do."""
    go_idle(guard, clock)
    with qtbot.waitSignal(guard.extended, timeout=0):
        guard.warning.button.click()
    assert not guard.is_warning


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_A])
def test_any_key_during_the_warning_extends(qtbot, guard, clock, key):
    go_idle(guard, clock)
    warning = guard.warning
    with qtbot.waitSignal(guard.extended, timeout=0):
        qtbot.keyClick(warning.button, key)
    assert not guard.is_warning and guard.extensions == 1


def test_closing_the_warning_window_extends(qtbot, guard, clock):
    go_idle(guard, clock)
    with qtbot.waitSignal(guard.extended, timeout=0):
        guard.warning.close()
    assert not guard.is_warning


def test_the_countdown_ends_in_timed_out(qtbot, guard, clock):
    go_idle(guard, clock)
    warning = guard.warning
    clock.advance(29.5)
    guard.check()
    assert guard.is_warning
    with qtbot.assertNotEmitted(guard.extended), qtbot.waitSignal(guard.timed_out, timeout=0):
        clock.advance(0.5)
        guard.check()
    assert not guard.is_warning and not warning.isVisible()


def _send_wheel(widget):
    pos = QPointF(10, 10)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _touch(widget):
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, QPoint(5, 5), widget).commit()
    QTest.touchEvent(widget, device).release(0, QPoint(5, 5), widget).commit()


INPUTS = {
    "key": lambda qtbot, w: qtbot.keyClicks(w.line, "a"),
    "click": lambda qtbot, w: qtbot.mouseClick(w.line, Qt.MouseButton.LeftButton),
    "mouse move": lambda qtbot, w: qtbot.mouseMove(w.button, QPoint(7, 9)),
    "wheel": lambda qtbot, w: _send_wheel(w.line),
    "touch": lambda qtbot, w: _touch(w.line),
}


@pytest.mark.parametrize("kind", list(INPUTS))
def test_any_input_resets_the_idle_timer(qtbot, guard, clock, window, kind):
    go_idle(guard, clock, 100)
    INPUTS[kind](qtbot, window)
    go_idle(guard, clock, IDLE - 1)  # 279 s since start, 179 s since the input
    assert not guard.is_warning, f"{kind} did not count as input"
    go_idle(guard, clock, 1)
    assert guard.is_warning


def test_a_pointer_that_does_not_move_is_not_input(qtbot, guard, clock, window):
    qtbot.mouseMove(window.button, QPoint(3, 3))
    go_idle(guard, clock, 100)
    qtbot.mouseMove(window.button, QPoint(3, 3))  # the same place: what Qt sends when a window appears under it
    go_idle(guard, clock, IDLE - 100)
    assert guard.is_warning


def test_reset_timer_counts_from_now(qtbot, guard, clock):
    go_idle(guard, clock, 170)
    guard.reset_timer()
    go_idle(guard, clock, 170)
    assert not guard.is_warning
    go_idle(guard, clock, 10)
    assert guard.is_warning
    with qtbot.waitSignal(guard.extended, timeout=0):
        guard.reset_timer()


def test_after_a_timeout_it_waits_for_the_next_person(qtbot, guard, clock, window):
    go_idle(guard, clock)
    with qtbot.waitSignal(guard.timed_out, timeout=0):
        go_idle(guard, clock, 30)
    # Nothing to clear on a fresh screen: no warning over an empty wizard, however long it stands.
    with qtbot.assertNotEmitted(guard.warning_shown):
        go_idle(guard, clock, 10 * IDLE)
    qtbot.keyClicks(window.line, "x")
    go_idle(guard, clock)
    assert guard.is_warning


def test_after_start_over_it_rests_until_the_next_input(qtbot, guard, clock, window):
    go_idle(guard, clock, 100)
    guard.rest()  # the owner built a fresh session: nothing to clear
    with qtbot.assertNotEmitted(guard.warning_shown):
        go_idle(guard, clock, 10 * IDLE)
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    go_idle(guard, clock)
    assert guard.is_warning


def test_stop_takes_the_warning_down_and_stops_watching(qtbot, guard, clock, window):
    go_idle(guard, clock)
    warning = guard.warning
    with qtbot.assertNotEmitted(guard.extended), qtbot.assertNotEmitted(guard.timed_out):
        guard.stop()
        assert not warning.isVisible()
        go_idle(guard, clock, 10 * IDLE)
    assert not guard.is_running and not guard.is_warning


def test_open_message_box_and_dialog_are_closed_at_timeout(qtbot, guard, clock, window):
    box = QMessageBox(QMessageBox.Icon.Question, "Start over?", "Clear every answer?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    dialog = QDialog(window)
    dialog.setWindowTitle("Glossary")
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    go_idle(guard, clock)
    assert QApplication.activeModalWidget() is guard.warning  # the warning comes above them
    with qtbot.waitSignal(guard.timed_out, timeout=0):
        go_idle(guard, clock, 30)
    assert not box.isVisible() and not dialog.isVisible()
    assert QApplication.activeModalWidget() is None
    assert window.isVisible()  # the owner, not the guard, throws the window away


def test_a_dialog_waiting_in_exec_is_cancelled_and_the_popup_closed(qtbot, window):
    """With real (short) timers: a box in its own event loop returns Rejected, a menu closes, then timed_out."""
    guard = QuickGuard(idle_seconds=0.15, countdown_seconds=0.3, window=window)
    results = []
    menu = QMenu(window)
    menu.addAction("Glossary: lymphedema")

    def open_things():
        menu.popup(window.mapToGlobal(QPoint(20, 20)))
        box = QMessageBox(QMessageBox.Icon.Question, "Save?", "Save your answers?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
        results.append(box.exec())

    guard.start()
    QTimer.singleShot(0, open_things)
    with qtbot.waitSignals([guard.warning_shown, guard.timed_out], order="strict", timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(results), timeout=2000)
    assert results == [QDialog.DialogCode.Rejected]
    assert not menu.isVisible() and QApplication.activePopupWidget() is None
    guard.stop()


def test_real_timers_show_every_second_of_a_short_countdown(qtbot, window):
    guard = QuickGuard(idle_seconds=0.05, countdown_seconds=2.4, window=window)
    seen = []
    guard.countdown_changed.connect(lambda seconds: seen.append(guard.warning.countdown.text()))
    guard.start()
    with qtbot.waitSignal(guard.timed_out, timeout=5000):
        pass
    assert seen == [countdown_text(3), countdown_text(2), countdown_text(1)]
    guard.stop()


def test_a_file_dialog_is_closed_too(qtbot, guard, clock, window):
    dialog = QFileDialog(window, "Save your answers")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.open()
    qtbot.waitExposed(dialog)
    go_idle(guard, clock)
    with qtbot.waitSignal(guard.timed_out, timeout=0):
        go_idle(guard, clock, 30)
    assert not dialog.isVisible()


def test_close_transient_windows_keeps_the_window(qtbot, window):
    tool = QWidget(window, Qt.WindowType.Tool)
    tool.show()
    box = QMessageBox(window)
    box.setText("A message box without an Escape button")
    box.addButton("Yes", QMessageBox.ButtonRole.YesRole)
    box.show()
    assert close_transient_windows(keep=[window]) >= 2
    assert not tool.isVisible() and not box.isVisible() and window.isVisible()


def test_the_warning_follows_a_new_window_after_a_reset(qtbot, guard, clock, window):
    fresh = QMainWindow()
    qtbot.addWidget(fresh)
    fresh.show()
    guard.set_window(fresh)
    go_idle(guard, clock)
    assert guard.warning.parent() is fresh


def test_the_warning_belongs_to_the_session_view_so_it_gets_its_text_size(qtbot, guard, clock, window):
    go_idle(guard, clock)
    assert guard.warning.parent() is window.centralWidget()


def test_bad_times_are_refused_with_what_was_expected(qapp):
    with pytest.raises(ValueError, match="idle_seconds: expected a number of seconds above 0, received 0"):
        IdleGuard(idle_seconds=0)
    with pytest.raises(ValueError, match="countdown_seconds: expected"):
        IdleGuard(idle_seconds=10, countdown_seconds=-1)


def test_a_countdown_shorter_than_wcag_allows_is_refused(qapp):
    """WCAG 2.2.1: at least 20 seconds to answer "Are you still there?"; the default is 30."""
    assert MIN_COUNTDOWN_SECONDS == 20
    with pytest.raises(ValueError, match=r"countdown_seconds: expected at least 20 seconds \(WCAG 2\.2\.1: time to "
                                         r"answer the warning\), received 19\.5"):
        IdleGuard(idle_seconds=10, countdown_seconds=19.5)
    assert IdleGuard(idle_seconds=10, countdown_seconds=20).countdown_seconds == 20
    assert IdleGuard(idle_seconds=10).countdown_seconds == 30


def test_someone_listening_to_read_aloud_is_not_idle(qtbot, wired_kiosk):
    """Each sentence read aloud counts as the person still being there (a page can take minutes to hear)."""
    import sys

    from decision_aid import speech
    from decision_aid.ui import read_aloud

    class QuickVoice(speech.Backend):
        name = "quick"

        def speak(self, text, *, rate, language):
            return speech.Command((sys.executable, "-c", "import sys; sys.stdin.read()"), text)

    read_aloud.use_backend(QuickVoice())
    try:
        window, guard, clock, _temp = wired_kiosk(None)
        window.view.go_to_page("options")  # any page with several sentences
        bar = window.view.read_aloud
        bar.play_button.click()
        qtbot.waitUntil(lambda: bar.player.index >= 1, timeout=10000)
        clock.advance(guard.idle_seconds - 5)
        qtbot.waitUntil(lambda: bar.player.index >= 2, timeout=10000)  # a sentence starts: the idle time restarts
        clock.advance(10)
        guard.check()
        assert not guard.is_warning
        bar.stop()
        clock.advance(guard.idle_seconds + 1)
        guard.check()
        assert guard.is_warning
    finally:
        read_aloud._FOUND.clear()
