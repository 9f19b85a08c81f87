"""IdleGuard: one app-wide watcher of input that clears a kiosk someone has walked away from.

After ``idle_seconds`` with no input it shows a calm warning that counts down (30 seconds by default; never less
than WCAG 2.2.1's 20) with one large "I'm still here" button. Pressing it, or any other input, keeps the session;
there is no limit on how often. When the countdown ends, every other dialog and popup is closed and ``timed_out`` is
emitted: the owner then throws the session away and builds a fresh wizard.

Input only stamps the time; one single-shot timer wakes at the next moment something can change (the idle deadline,
or the next whole second of the countdown) and reads the clock. So the guard costs nothing while a person is busy,
and tests can inject a clock and call ``check()`` instead of waiting.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable, Iterable
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QToolTip, QWidget

from .idle_warning import IdleWarning

DEFAULT_COUNTDOWN_SECONDS = 30
MIN_COUNTDOWN_SECONDS = 20  # WCAG 2.2.1 (Timing Adjustable): at least 20 seconds to answer the warning

# When a screen reader is told the time left: not every second, which would drown everything else out.
ANNOUNCE_AT = frozenset({5, 10, 20, 30, 45, 60})

ACTIVITY_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.InputMethod,  # on-screen keyboards and input methods
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
    QEvent.Type.TabletMove,
    QEvent.Type.NativeGesture,
})
# The input that answers the warning; it is not passed on to the warning's hidden button.
_ANSWER_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
})
_TRANSIENT_TYPES = frozenset({
    Qt.WindowType.Dialog, Qt.WindowType.Sheet, Qt.WindowType.Drawer, Qt.WindowType.Popup, Qt.WindowType.Tool,
    Qt.WindowType.ToolTip,
})


class _State(enum.Enum):
    STOPPED = "stopped"
    WATCHING = "watching"
    WARNING = "warning"
    RESTING = "resting"  # after a timeout: nothing to clear until someone touches the screen again


class IdleGuard(QObject):
    """Watches all input to the application; warns, then times out, when there has been none for a while.

    Keyword-only: ``idle_seconds`` before the warning, ``countdown_seconds`` the warning lasts, ``window`` the warning
    is shown over (for a QMainWindow, its central widget is the warning's parent, so the session's text size and
    theme apply to it), ``clock`` (seconds, monotonic) for tests.

    A countdown shorter than ``min_countdown_seconds`` (WCAG's 20 seconds) is refused; only a test lowers it, in a
    subclass of its own.
    """

    min_countdown_seconds: float = MIN_COUNTDOWN_SECONDS

    warning_shown = Signal()
    countdown_changed = Signal(int)  # whole seconds left, each time the shown number changes
    extended = Signal()
    timed_out = Signal()

    def __init__(self, *, idle_seconds: float, countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS,
                 window: QWidget | None = None, clock: Callable[[], float] = time.monotonic,
                 app: QApplication | None = None, parent: QObject | None = None):
        super().__init__(parent)
        if not idle_seconds > 0:
            raise ValueError(f"idle_seconds: expected a number of seconds above 0, received {idle_seconds!r}")
        if not countdown_seconds > 0:
            raise ValueError(f"countdown_seconds: expected a number of seconds above 0, received "
                             f"{countdown_seconds!r}")
        if countdown_seconds < self.min_countdown_seconds:
            raise ValueError(f"countdown_seconds: expected at least {self.min_countdown_seconds:g} seconds (WCAG "
                             f"2.2.1: time to answer the warning), received {countdown_seconds!r}")
        self.idle_seconds = float(idle_seconds)
        self.countdown_seconds = float(countdown_seconds)
        self._clock = clock
        self._app = app or QApplication.instance()
        if self._app is None:
            raise RuntimeError("IdleGuard: expected a QApplication to exist, received none")
        self._window = window
        self._state = _State.STOPPED
        self._filtering = False
        self._last_input = clock()
        self._warning_since = 0.0
        self._warning: IdleWarning | None = None
        self._last_pointer: QPointF | None = None
        self._announced: set[int] = set()
        self.extensions = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)

    # -- public API ---------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin watching; the idle time counts from now."""
        if not self._filtering:
            self._app.installEventFilter(self)
            self._filtering = True
        self._state = _State.WATCHING
        self._last_pointer = QCursor.pos().toPointF()
        self._last_input = self._clock()
        self._schedule()

    def stop(self) -> None:
        """Stop watching and take the warning down, without extending or timing out."""
        self._timer.stop()
        self._close_warning()
        if self._filtering:
            self._app.removeEventFilter(self)
            self._filtering = False
        self._state = _State.STOPPED

    def reset_timer(self) -> None:
        """Count the idle time from now, as if there had been input (and take a warning down, extending)."""
        if self._state is _State.STOPPED:
            return
        self._on_input()

    def rest(self) -> None:
        """Nothing on screen to protect (a fresh session): no warning until someone gives input again."""
        if self._state is _State.STOPPED:
            return
        self._close_warning()
        self._state = _State.RESTING
        self._schedule()

    def set_window(self, window: QWidget | None) -> None:
        """The window the warning is shown over (the fresh wizard after a reset)."""
        self._window = window

    @property
    def is_warning(self) -> bool:
        return self._state is _State.WARNING

    @property
    def is_running(self) -> bool:
        return self._state is not _State.STOPPED

    @property
    def warning(self) -> IdleWarning | None:
        """The warning dialog while it is shown, else None."""
        return self._warning if self._state is _State.WARNING else None

    def seconds_left(self) -> int:
        """Whole seconds left on the countdown (0 when no warning is shown)."""
        if self._state is not _State.WARNING:
            return 0
        return max(0, math.ceil(self._warning_since + self.countdown_seconds - self._clock() - 1e-9))

    def check(self) -> None:
        """Read the clock and act: show the warning, update its countdown, or time out. The timer calls this."""
        now = self._clock()
        if self._state is _State.WATCHING and now - self._last_input >= self.idle_seconds:
            self._show_warning(now)
        elif self._state is _State.WARNING:
            if now - self._warning_since >= self.countdown_seconds:
                self._time_out()
                return
            self._update_countdown()
        self._schedule()

    # -- input --------------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in ACTIVITY_EVENTS:
            return False
        if kind == QEvent.Type.MouseMove:
            # Qt sends moves without a real one when a window appears under a still pointer (this warning, say).
            position = cast(QMouseEvent, event).globalPosition()
            if self._last_pointer is not None and position == self._last_pointer:
                return False
            self._last_pointer = position
        answering = self._state is _State.WARNING
        self._on_input()
        # The press that answered the warning is spent: the warning's hidden button does not get it as well.
        return answering and kind in _ANSWER_EVENTS and self._inside_warning(watched)

    def _on_input(self) -> None:
        self._last_input = self._clock()
        if self._state is _State.WARNING:
            self._extend()
        elif self._state is _State.RESTING:
            self._state = _State.WATCHING
            self._schedule()

    # -- states -------------------------------------------------------------------------------------------------

    def _schedule(self) -> None:
        now = self._clock()
        if self._state is _State.WATCHING:
            delay = self._last_input + self.idle_seconds - now
        elif self._state is _State.WARNING:
            remaining = self._warning_since + self.countdown_seconds - now
            # Wake when the shown whole number of seconds changes, or when time is up.
            delay = remaining - (math.ceil(remaining - 1e-9) - 1) if remaining > 1 else remaining
        else:
            self._timer.stop()
            return
        self._timer.start(max(1, math.ceil(delay * 1000)))

    def _show_warning(self, now: float) -> None:
        self._state = _State.WARNING
        self._warning_since = now
        self._announced = set()
        self._warning = IdleWarning(self._warning_parent())
        self._warning.still_here_pressed.connect(self._on_still_here)
        self._update_countdown()
        self._last_pointer = QCursor.pos().toPointF()
        self._warning.show()  # not open(): that would make it window-modal, below an earlier message box
        self.warning_shown.emit()

    def _update_countdown(self) -> None:
        if self._warning is None or not shiboken6.isValid(self._warning):
            return
        seconds = self.seconds_left()
        changed = self._warning.shown_seconds != seconds
        announce = seconds not in self._announced and (not self._announced or seconds in ANNOUNCE_AT)
        if announce:
            self._announced.add(seconds)
        self._warning.show_seconds(seconds, announce=announce)
        if changed:
            self.countdown_changed.emit(seconds)

    def _on_still_here(self) -> None:
        if self._state is _State.WARNING:
            self._last_input = self._clock()
            self._extend()

    def _extend(self) -> None:
        self._state = _State.WATCHING
        self._close_warning()
        self.extensions += 1
        self._schedule()
        self.extended.emit()

    def _time_out(self) -> None:
        self._state = _State.RESTING
        self._timer.stop()
        self._close_warning()
        keep = [self._window] if self._window is not None and shiboken6.isValid(self._window) else []
        close_transient_windows(keep=keep)
        self.timed_out.emit()

    def _close_warning(self) -> None:
        warning, self._warning = self._warning, None
        if warning is not None and shiboken6.isValid(warning):
            warning.still_here_pressed.disconnect(self._on_still_here)
            warning.hide()
            warning.deleteLater()

    def _warning_parent(self) -> QWidget | None:
        window = self._window if self._window is not None and shiboken6.isValid(self._window) else None
        # A main window's session lives in its central widget, with the person's text size and theme.
        if isinstance(window, QMainWindow) and window.centralWidget() is not None:
            return window.centralWidget()
        return window

    def _inside_warning(self, watched: QObject) -> bool:
        # The warning is already closed by now; compare with the object being answered.
        return isinstance(watched, QWidget) and shiboken6.isValid(watched) and (
            isinstance(watched.window(), IdleWarning))


def close_transient_windows(*, keep: Iterable[QWidget] = ()) -> int:
    """Close every popup, modal dialog, dialog and tool window that is open, except those in ``keep``.

    Dialogs are rejected, so a caller waiting in ``exec()`` gets "cancelled". Returns how many were closed.
    """
    keep = [w for w in keep if w is not None]
    closed = 0
    QToolTip.hideText()
    for _ in range(100):  # bounded: a window that refuses to close must not hang the reset
        popup = QApplication.activePopupWidget()
        if popup is None or popup in keep:
            break
        _dismiss(popup)
        closed += 1
    for _ in range(100):
        modal = QApplication.activeModalWidget()
        if modal is None or modal in keep:
            break
        _dismiss(modal)
        closed += 1
    for widget in QApplication.topLevelWidgets():
        if not shiboken6.isValid(widget) or widget in keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog) or widget.windowType() in _TRANSIENT_TYPES:
            _dismiss(widget)
            closed += 1
    return closed


def _dismiss(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    else:
        widget.close()
    if shiboken6.isValid(widget) and widget.isVisible():
        widget.hide()  # e.g. a message box without an Escape button ignores close()
