"""Nurse mode on a shared PC: after some idle minutes a lock screen hides the patient's answers; "Show the answers
again" returns to the same page, with nothing lost. Unlike the kiosk's idle reset, nothing is thrown away.

The minutes come from ``DECISION_AID_NURSE_LOCK_MINUTES`` (default 5; 0 turns the lock off; 1 to 120). Like the
idle guard, the lock reads a clock (injectable for tests) from a coarse timer, so it costs nothing while people work.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import N_, _
from .idle_guard import ACTIVITY_EVENTS

ENV_VAR = "DECISION_AID_NURSE_LOCK_MINUTES"
DEFAULT_MINUTES = 5
MAX_MINUTES = 120
LOCKED_TEXT = N_("The answers are hidden to keep them private.")
LOCKED_HINT = N_("Nothing has been lost. Touch the button to go on where you were.")
UNLOCK_TEXT = N_("Show the answers again")

if TYPE_CHECKING:
    from .main_window import MainWindow


def lock_minutes(environ=os.environ) -> int:
    """The configured minutes; the default when the variable is unset, empty or not a whole number in range."""
    text = (environ.get(ENV_VAR) or "").strip()
    if not text:
        return DEFAULT_MINUTES
    try:
        minutes = int(text)
    except ValueError:
        return DEFAULT_MINUTES
    return minutes if 0 <= minutes <= MAX_MINUTES else DEFAULT_MINUTES


class LockScreen(QWidget):
    """An opaque cover over the whole window, with one button."""

    def __init__(self, parent: QWidget, on_unlock: Callable[[], None]):
        super().__init__(parent)
        self.setObjectName("nurseLock")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = title = QLabel(self)
        title.setObjectName("nurseLockTitle")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = hint = QLabel(self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("nurseUnlock")
        self.unlock_button.clicked.connect(on_unlock)
        for widget, scale in ((title, 1.6), (hint, 1.2), (self.unlock_button, 1.2)):
            font = widget.font()
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(widget is title)
            widget.setFont(font)
        self.say_words()
        layout.setSpacing(18)
        for widget in (title, hint):
            layout.addWidget(widget)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def say_words(self) -> None:
        """The cover's words in the language showing (the cover outlives a switch of language)."""
        self.title.setText(_(LOCKED_TEXT))
        self.hint.setText(_(LOCKED_HINT))
        self.unlock_button.setText(_(UNLOCK_TEXT))
        self.unlock_button.setAccessibleName(_(UNLOCK_TEXT))
        self.unlock_button.setMinimumSize(QSize(self.unlock_button.sizeHint().width() + 48, 56))  # a finger's size


class NurseLock(QObject):
    """Watches input to the whole application; after ``idle_seconds`` without any, covers ``window``."""

    def __init__(self, window: MainWindow, *, idle_seconds: float, app: QApplication | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self._window = window
        self._idle_seconds = idle_seconds
        self._clock = clock
        self._last_input = clock()
        self.screen = LockScreen(window, self.unlock)
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.check)
        (app or QApplication.instance()).installEventFilter(self)
        self._timer.start()

    @property
    def locked(self) -> bool:
        return self.screen.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_input = self._clock()
        if event.type() == QEvent.Type.Resize and watched is self._window and self.locked:
            self.screen.setGeometry(self._window.rect())
        return False

    def check(self) -> None:
        if not self.locked and self._clock() - self._last_input >= self._idle_seconds:
            self.lock()

    def lock(self) -> None:
        view = self._window.view
        if view is not None:
            view.close_dialogs()  # a message box left open would show above the cover
            view.setVisible(False)  # hidden, not just covered: screen readers cannot reach it either
        self.screen.say_words()
        self.screen.setGeometry(self._window.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.unlock_button.setFocus()

    def unlock(self) -> None:
        self.screen.hide()
        view = self._window.view
        if view is not None:
            view.setVisible(True)
        self._last_input = self._clock()


def nurse_lock(app, window, *, clock=None) -> NurseLock | None:
    """The lock for a nurse-mode window, or None (kiosk mode, or the lock turned off with 0 minutes)."""
    minutes = lock_minutes()
    if window.kiosk or minutes == 0:
        return None
    extra = {"clock": clock} if clock is not None else {}
    return NurseLock(window, idle_seconds=minutes * 60, app=app, **extra)
