"""MainWindow: holds one session view at a time. ``reset()`` throws the session away and builds a fresh one.

A reset never resets widgets in place (an auto-exclusive radio button, for one, cannot be unchecked): the old
Session, its view, its pages and any dialogs they opened are all deleted, and nothing of them is reachable from the
new ones.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from ..clinic import Clinic
from ..content.model import Content
from ..i18n import _
from ..session import Session
from . import read_aloud
from .session_view import SessionView
from .theme import shipped_font_family

DEFAULT_SIZE = (1280, 860)


class MainWindow(QMainWindow):
    session_reset = Signal()  # a fresh session has been built (after Start over or an idle reset)

    def __init__(self, *, content: Content, kiosk: bool = False, clinic: Clinic | None = None):
        super().__init__()
        self.content = content
        self.clinic = clinic or Clinic()
        self.kiosk = bool(kiosk or self.clinic.kiosk)
        self.session: Session | None = None
        self.view: SessionView | None = None
        shipped_font_family()
        title = (_("{name} (draft)") if content.bundle.is_draft else "{name}").format(name=content.bundle.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._fit_to_screen()
        self.reset()

    def _fit_to_screen(self) -> None:
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width()), min(height, area.height())
        self.resize(width, height)

    def reset(self) -> None:
        """Throw the session away: a new Session and a new view; the old ones (and their dialogs) are deleted."""
        old = self.view
        if old is not None:
            old.close_dialogs()
            read_aloud.stop_all(old)  # a11y hook (issue 15): Start over and the idle reset silence the voice
        self.session = Session(content=self.content, clinic=self.clinic)
        # Made as a child of the window from the start: made without a parent and then set as the central widget,
        # the view (already styled by its own style sheet) would be styled all over again when it is moved in.
        self.view = SessionView(session=self.session, kiosk=self.kiosk, on_start_over=self.reset, parent=self)
        self.setCentralWidget(self.view)  # QMainWindow deletes the old central widget
        if self.kiosk:
            clipboard = QApplication.clipboard()
            if clipboard is not None:
                clipboard.clear()
        self.session_reset.emit()

    # Small API named for intent, for the app and the idle guard.
    @property
    def wizard(self):
        return self.view.wizard

    def current_page(self):
        return self.view.current_page()
