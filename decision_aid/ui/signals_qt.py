"""SIGTERM and SIGHUP end the aid the way closing it does: the event loop stops, ``aboutToQuit`` clears the
clipboard, and the temporary folder is removed on the way out (``app.run_app``'s ``with TempFolder()``).

A Python signal handler runs only when Python code runs, and Qt's event loop runs none while it waits; so the
signal's number is also written to a socket (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches, which
wakes the loop and lets the handler run at once.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class SignalQuit(QObject):
    """Owns the wake-up socket pair and the notifier; ``close()`` puts the previous handlers back."""

    def __init__(self, app: QCoreApplication, signals=SIGNALS):
        super().__init__(app)
        self._app = app
        self.received: list[int] = []
        self._read, self._write = socket.socketpair()
        for sock in (self._read, self._write):
            sock.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, self._on_signal) for s in signals}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _on_signal(self, signum, _frame) -> None:
        self.received.append(signum)
        self._app.exit(0)  # not quit(): a kiosk window refuses close requests, and this must end the aid
        QTimer.singleShot(0, lambda: self._app.exit(0))  # for a signal that came just before the loop started

    def _drain(self, *_args) -> None:
        try:
            while self._read.recv(512):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


def quit_on_signals(app: QCoreApplication) -> SignalQuit:
    """End the event loop cleanly on SIGTERM, SIGHUP (and Ctrl+C); returns the object that keeps it so."""
    return SignalQuit(app)
