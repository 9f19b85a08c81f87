"""Issue 18, nurse mode on a shared PC: after the idle minutes a lock screen hides the answers; unlocking returns to
the same page with every answer kept. DECISION_AID_NURSE_LOCK_MINUTES sets the minutes (0: off)."""

from PySide6.QtWidgets import QApplication

from decision_aid.app import guard_sessions
from decision_aid.ui import nurse_lock


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class NoPrivacy:
    def clear_session(self):
        pass


def test_the_lock_hides_the_answers_and_returns_to_the_same_place(make_window, fixture_content, monkeypatch):
    monkeypatch.setenv(nurse_lock.ENV_VAR, "2")
    window = make_window(content=fixture_content, kiosk=False)
    clock = Clock()
    lock = guard_sessions(QApplication.instance(), window, privacy=NoPrivacy(), clock=clock)
    window.view.session.set_leaning(value="surgery")
    window.wizard.next_button.click()
    page = window.wizard.currentId()
    clock.now += 119
    lock.check()
    assert not lock.locked and window.view.isVisible()
    clock.now += 2
    lock.check()
    assert lock.locked and not window.view.isVisible()
    assert lock.screen.geometry() == window.rect()
    lock.screen.unlock_button.click()
    assert not lock.locked and window.view.isVisible()
    assert window.wizard.currentId() == page and window.view.session.answers.leaning == "surgery"


def test_minutes_are_configurable():
    assert nurse_lock.lock_minutes({}) == nurse_lock.DEFAULT_MINUTES
    assert nurse_lock.lock_minutes({nurse_lock.ENV_VAR: "0"}) == 0
    assert nurse_lock.lock_minutes({nurse_lock.ENV_VAR: "15"}) == 15
    assert nurse_lock.lock_minutes({nurse_lock.ENV_VAR: "soon"}) == nurse_lock.DEFAULT_MINUTES


def test_no_lock_in_kiosk_mode_or_when_off(make_window, fixture_content, monkeypatch):
    monkeypatch.setenv(nurse_lock.ENV_VAR, "0")
    window = make_window(content=fixture_content, kiosk=False)
    assert nurse_lock.nurse_lock(QApplication.instance(), window) is None
