"""The one wiring module: builds the Qt application, loads the content, and hands both to the window."""

from __future__ import annotations

import importlib
import linecache
import os
import sys

from .clinic import load_clinic
from .content import languages_of, load_content, start_content
from .errors import ClinicError, ContentError
from .operations import check_clinic_operable
from .paths import content_dir

# The aid's own Qt-free modules that the window's first page needs, imported before Qt as the content is: once
# PySide6 is loaded, its import hook runs at every import statement and reads the source of each module one names.
# (Those only later pages need, such as the icon arrays, are imported after the first paint.)
WINDOW_CORE = ("decision_aid.session", "decision_aid.speech", "decision_aid.help_panel", "decision_aid.progress",
               "decision_aid.content.markup")
CONTENT_REFUSED = "decision-aid: the content has problems, so the aid will not start:"
CLINIC_REFUSED = "decision-aid: the clinic file has problems, so the aid will not start:"


def run_app(*, content: str | None = None, kiosk: bool = False, clinic: str | None = None) -> int:
    from .privacy import TempFolder, sweep_stale_temp

    sweep_stale_temp()  # folders a crash left behind
    with TempFolder() as temp:
        return _run(content=content, kiosk=kiosk, clinic=clinic, temp=temp)


def _run(*, content, kiosk, clinic, temp) -> int:
    # The content and the clinic file first, before Qt: Python modules imported after PySide6 each cost extra (its
    # import hook reads every new module's source), and a refusal needs no window until it is shown.
    try:
        # --content DIR: always its files; the shipped folder: perhaps a store, proven right after the first paint.
        bundle, rederive = (load_content(content), None) if content else start_content(content_dir())
    except ContentError as exc:
        print(CONTENT_REFUSED, file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        _qt_app(temp)
        from .ui import dialogs

        dialogs.show_content_errors(exc)
        return 1
    try:
        # issue 18: the export folder must take files; issue 16: the clinic's language must be one the content has
        clinic_model = check_clinic_operable(load_clinic(clinic), languages_of(bundle))
    except ClinicError as exc:
        print(CLINIC_REFUSED, file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        _qt_app(temp)
        from .i18n import _
        from .ui import dialogs, wording

        dialogs.show_startup_errors(exc, title=_(wording.CANNOT_START), text=_(wording.CLINIC_PROBLEMS))
        return 1
    for name in WINDOW_CORE:
        importlib.import_module(name)
    app, privacy = _qt_app(temp)
    from .ui import signals_qt
    from .ui.main_window import MainWindow

    linecache.clearcache()  # the source of every module PySide6's import hook read (about 1 MB), kept for nothing
    kiosk = kiosk or clinic_model.kiosk
    window = MainWindow(content=bundle, kiosk=kiosk, clinic=clinic_model, contents=languages_of(bundle))
    _stop = signals_qt.quit_on_signals(app)  # issue 18: SIGTERM/SIGHUP clean up like a normal exit
    if kiosk:
        _keep_open(window)
        window.showFullScreen()
    else:
        window.show()
    # The idle guard (kiosk) or the nurse lock watch every event of the application from Python: in place while the
    # window first shows, they would take each of its hundreds of events through Python (about 15 ms of the start).
    # They start right after the first paint, before anyone can touch the window, and live as long as the app.
    _guard: list = []
    after_first_paint(window, lambda: _guard.append(guard_sessions(app, window, privacy=privacy)))
    if rederive is not None:
        after_first_paint(window, lambda: _refuse_unless(rederive, window))
    if os.environ.get("DECISION_AID_BENCH_EXIT_AFTER_SHOWN") == "1":
        after_first_paint(window, lambda: os._exit(0))  # bench/run.py: time the start alone
    return app.exec()


def _refuse_unless(rederive, window) -> None:
    """The page painted came from the store: the files, read in full now, must make the same model, or the aid
    refuses as it does on invalid content. Queued by the first paint and taking no input while it runs, it ends a
    fraction of a second after the first page appears: too soon for anyone to act on a stored figure."""
    from PySide6.QtWidgets import QApplication

    try:
        rederive()
    except ContentError as exc:
        window.hide()
        print(CONTENT_REFUSED, file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        from .ui import dialogs

        QApplication.setQuitOnLastWindowClosed(False)
        dialogs.show_content_errors(exc)
        QApplication.exit(1)


def _qt_app(temp):
    """The QApplication with the aid's name and font, and the privacy measures that hold in both modes."""
    from PySide6.QtWidgets import QApplication

    from .ui import fonts, theme
    from .ui.privacy_qt import apply_kiosk_privacy

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # In both modes: Qt's settings (the file dialog's recent folders among them) go to the temp folder, and the
    # clipboard is cleared now, on every reset and at exit. A nurse's computer is shared too.
    privacy = apply_kiosk_privacy(app, temp=temp)
    app.setApplicationName("Decision aid")
    app.setFont(fonts.app_font(theme.shipped_font_family(), theme.BASE_POINT_SIZE))
    return app, privacy


def after_first_paint(window, action) -> None:
    """Call ``action`` once, as soon as the event loop is back after the window's first paint. Of two, the one added
    last runs first (Qt asks the newest event filter first)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class WhenPainted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, action)
            return False

    window.installEventFilter(WhenPainted(window))


def refuses_close(event) -> bool:
    """Kiosk: a patient cannot close the window (Alt+F4, the window manager's close): the next person would find
    a desktop, not the aid. Closing from the program (``close()``, the app's ``quit()``) is not spontaneous and
    still works; staff stop the kiosk by ending its process."""
    from PySide6.QtCore import QEvent

    return event.type() == QEvent.Type.Close and event.spontaneous()


def _keep_open(window):
    from PySide6.QtCore import QObject

    class KeepOpen(QObject):
        def eventFilter(self, watched, event):  # Qt's name
            if refuses_close(event):
                event.ignore()
                return True
            return False

    keeper = KeepOpen(window)
    window.installEventFilter(keeper)
    return keeper


def guard_sessions(app, window, *, privacy, clock=None):
    """What every reset must do, wired once: the privacy measures clear up after each session, and in kiosk mode
    the idle guard throws the session away after the clinic's idle time and a countdown. Returns the guard (kiosk
    mode) or None. Tests pass a ``clock`` to move time by hand."""
    window.session_reset.connect(privacy.clear_session)
    if not window.kiosk:
        from .ui.nurse_lock import nurse_lock

        return nurse_lock(app, window, clock=clock)  # issue 18: a privacy lock after idle minutes in nurse mode
    from .ui.idle_guard import IdleGuard

    extra = {"clock": clock} if clock is not None else {}
    guard = IdleGuard(idle_seconds=window.clinic.idle_timeout_seconds, window=window, app=app, parent=window,
                      **extra)
    guard.timed_out.connect(window.reset)
    window.session_reset.connect(guard.rest)  # no warning over a fresh, empty wizard
    from .ui.read_aloud import heartbeat

    heartbeat().sentence.connect(guard.reset_timer)  # a11y hook (issue 15): someone listening is not idle
    guard.start()
    return guard
