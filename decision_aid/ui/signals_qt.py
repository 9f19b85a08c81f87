"""SIGTERM and SIGHUP end the aid the way closing it does: the event loop stops, ``aboutToQuit`` clears the
clipboard, and the temporary folder is removed on the way out (``app.run_app``'s ``with TempFolder()``).

A Python signal handler runs only when Python code runs, and Qt's event loop runs none while it waits; so the
signal's number is also written to a wake-up channel (``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches,
which wakes the loop and lets the handler run at once. The channel is a pipe on Linux and macOS; on Windows, where
``set_wakeup_fd`` takes only a socket, a socket pair (``socket`` is imported only there: about 5 ms of the start).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class _WakeUp:
    """The two ends of the wake-up channel, both non-blocking: ``read_fd`` for the notifier, ``write_fd`` for
    ``signal.set_wakeup_fd``; ``receive`` reads what is waiting, ``close`` closes both ends."""

    def __init__(self) -> None:
        if sys.platform == "win32":
            import socket

            read, write = socket.socketpair()
            for end in (read, write):
                end.setblocking(False)
            self.read_fd, self.write_fd = read.fileno(), write.fileno()
            self.receive: Callable[[int], bytes] = read.recv
            self._closers: tuple[Callable[[], None], ...] = (read.close, write.close)
        else:
            self.read_fd, self.write_fd = os.pipe()  # not inherited by the voice's processes (PEP 446)
            for fd in (self.read_fd, self.write_fd):
                os.set_blocking(fd, False)
            self.receive = lambda size: os.read(self.read_fd, size)
            self._closers = (lambda: os.close(self.read_fd), lambda: os.close(self.write_fd))

    def close(self) -> None:
        for close in self._closers:
            close()


class SignalQuit(QObject):
    """Owns the wake-up channel and the notifier; ``close()`` puts the previous handlers back."""

    def __init__(self, app: QCoreApplication, signals=SIGNALS):
        super().__init__(app)
        self._app = app
        self.received: list[int] = []
        self._wake = _WakeUp()
        self._old_fd = signal.set_wakeup_fd(self._wake.write_fd, warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, self._on_signal) for s in signals}
        self._notifier = QSocketNotifier(self._wake.read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _on_signal(self, signum, _frame) -> None:
        self.received.append(signum)
        self._app.exit(0)  # not quit(): a kiosk window refuses close requests, and this must end the aid
        QTimer.singleShot(0, lambda: self._app.exit(0))  # for a signal that came just before the loop started

    def _drain(self, *_args) -> None:
        try:
            while self._wake.receive(512):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for signum, handler in self._old.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._old_fd)
        self._wake.close()


def quit_on_signals(app: QCoreApplication) -> SignalQuit:
    """End the event loop cleanly on SIGTERM, SIGHUP (and Ctrl+C); returns the object that keeps it so."""
    return SignalQuit(app)
