"""MainWindow: holds one session view at a time. ``reset()`` throws the session away and builds a fresh one;
``switch_language()`` keeps the session (every answer) and builds its view again in the words of another language.

A reset never resets widgets in place (an auto-exclusive radio button, for one, cannot be unchecked): the old
Session, its view, its pages and any dialogs they opened are all deleted, and nothing of them is reachable from the
new ones.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from ..answers import Answers
from ..clinic import Clinic
from ..content import languages_of
from ..content.model import Content
from ..i18n import _, set_language
from ..session import Session
from . import read_aloud
from .qt_words import use_qt_words
from .session_view import SessionView
from .theme import shipped_font_family

DEFAULT_SIZE = (1280, 860)


class MainWindow(QMainWindow):
    session_reset = Signal()  # a fresh session has been built (after Start over or an idle reset)
    language_changed = Signal(str)  # the same session now shows in another language (its code)

    def __init__(self, *, content: Content, kiosk: bool = False, clinic: Clinic | None = None,
                 contents: Mapping[str, Content] | None = None):
        """``contents``: the content in each of its languages, by code (``content.languages_of(content)`` when not
        given): the languages offered; a session starts, and a reset returns, in the clinic file's ``language``."""
        super().__init__()
        self.content = content
        self.contents: Mapping[str, Content] = contents or languages_of(content)
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
        language = self.clinic.language
        set_language(language)
        use_qt_words(language)
        self.session = Session(content=self.contents[language], clinic=self.clinic,
                               answers=Answers(language=language), contents=self.contents)
        self._show_view()
        if self.kiosk:
            clipboard = QApplication.clipboard()
            if clipboard is not None:
                clipboard.clear()
        self.session_reset.emit()

    def switch_language(self, language: str) -> None:
        """Go on in ``language`` (a code of ``i18n.LANGUAGES``): the same session, every answer kept, its view built
        again in that language's words, on the same step, with the focus on the step's heading."""
        session, old = self.session, self.view
        if session is None or old is None or language == session.language:
            return
        page_id, visited = old.wizard.currentId(), old.wizard.visitedIds()
        old.close_dialogs()
        read_aloud.stop_all(old)
        set_language(language)  # refused here, before anything changed, if there is no such language
        use_qt_words(language)
        # The old view's handlers go with it; the new view connects its own.
        session.answers_changed.disconnect_all()
        session.display_changed.disconnect_all()
        session.set_language(language=language)
        self._show_view()
        self.view.land_on(page_id, visited=visited)
        self.language_changed.emit(language)

    def _show_view(self) -> None:
        assert self.session is not None  # reset() and switch_language() have one
        # Made as a child of the window from the start: made without a parent and then set as the central widget,
        # the view (already styled by its own style sheet) would be styled all over again when it is moved in.
        self.view = SessionView(session=self.session, kiosk=self.kiosk, on_start_over=self.reset, parent=self)
        self.view.language_chosen.connect(self.switch_language)
        self.setCentralWidget(self.view)  # QMainWindow deletes the old central widget

    # Small API named for intent, for the app and the idle guard.
    @property
    def wizard(self):
        return self.view.wizard

    def current_page(self):
        return self.view.current_page()
