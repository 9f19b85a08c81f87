"""Dialogs shown at the boundary: the wiring module and page validation, nowhere deeper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QPushButton, QWidget

from ..errors import ProblemsError
from ..i18n import _
from . import wording
from .labels import Heading
from .reader import ReaderDialog
from .styling import set_role


def show_content_errors(error: ProblemsError, parent: QWidget | None = None) -> None:
    """The aid will not start on broken content: say so, and list every problem."""
    show_startup_errors(error, title=_(wording.CANNOT_START), text=_(wording.CONTENT_PROBLEMS), parent=parent)


def show_startup_errors(error: ProblemsError, *, title: str, text: str, parent: QWidget | None = None) -> None:
    """A file the aid needs to start (content, clinic file) has problems: say which, and list every one."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(wording.problems_found(len(error.problems)))
    box.setDetailedText(error.report())
    box.setAccessibleName(title)
    box.exec()


# -- dialogs inside a session: they never block (open(), not exec()), so the kiosk's reset can close them; they are
# drawn by the aid itself (not QMessageBox, which fixes its width before the text size is known and cuts buttons) --

MAX_LISTED = 6  # problems listed in the message itself; the rest are under "Show details"


class MessageDialog(ReaderDialog):
    """A short message: a title, what happened, what it means, and buttons (the last one is Close or No)."""

    def __init__(self, *, parent: QWidget, title: str, text: str, informative: str = "", details: str = "",
                 close_text: str | None = None):
        super().__init__(title=title, parent=parent, size_share=0.5)
        self.setObjectName("message")
        self._text, self._informative = text, informative
        self._clicked: QPushButton | None = None
        self.text_label = self.body.add(Heading(text, role="subheading"))
        self.informative_label = None
        if informative:
            self.informative_label = self.body.add(Heading(informative, role="body"))
        self.details = None
        if details:
            self.details = QPlainTextEdit(details)
            self.details.setReadOnly(True)
            self.details.setAccessibleName(_("Details"))
            self.details.setMinimumHeight(160)
            self.details.hide()
            self.body.add(self.details)
            self.add_button(_("Show details"), self._toggle_details, name=_("Show details: show or hide them"))
        self.body.layout_.addStretch(1)
        close_text = close_text or _("OK")
        self.close_button.setText(close_text)
        self.close_button.setAccessibleName(close_text)
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(lambda: self._finish(self.close_button, accepted=False))

    def _toggle_details(self) -> None:
        self.details.setVisible(not self.details.isVisible())
        self.fit_to_content()

    def _finish(self, button: QPushButton, *, accepted: bool) -> None:
        self._clicked = button
        self.accept() if accepted else self.reject()

    def add_choice(self, text: str, *, object_name: str, accepted: bool) -> QPushButton:
        button = self.add_button(text, lambda: None)
        button.clicked.disconnect()
        button.clicked.connect(lambda: self._finish(button, accepted=accepted))
        button.setObjectName(object_name)
        return button

    # the parts of QMessageBox's API the session view and the tests read
    def text(self) -> str:
        return self._text

    def informativeText(self) -> str:
        return self._informative

    def clickedButton(self) -> QPushButton | None:
        return self._clicked

    def open(self) -> None:
        super().open()
        self.fit_to_content()  # measured once shown: before that its children count as hidden and take no room


def show_problems(parent: QWidget, *, title: str, text: str, error: ProblemsError) -> MessageDialog:
    """A file could not be read: name it and each problem (field, expected, received); nothing else changes."""
    lines = [str(p) for p in error.problems]
    shown = "\n".join(f"• {line}" for line in lines[:MAX_LISTED])
    if len(lines) > MAX_LISTED:
        shown += "\n" + _("… and {count} more (see details).").format(count=len(lines) - MAX_LISTED)
    box = MessageDialog(parent=parent, title=title, text=text, informative=shown,
                        details=error.report() if len(lines) > MAX_LISTED else "")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget, *, title: str, text: str, informative: str = "") -> MessageDialog:
    box = MessageDialog(parent=parent, title=title, text=text, informative=informative)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget, *, title: str, text: str, informative: str = "") -> MessageDialog:
    return show_error(parent, title=title, text=text, informative=informative)


def confirm(parent: QWidget, *, title: str, text: str, yes: str, no: str, on_yes: Callable[[], None],
            informative: str = "") -> MessageDialog:
    """Ask before something that cannot be undone; ``on_yes`` runs only if the person agrees. No is the default:
    Escape, the window's close button and the No button all keep things as they are."""
    box = MessageDialog(parent=parent, title=title, text=text, informative=informative, close_text=no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.close_button.setObjectName("confirmNo")
    yes_button = box.add_choice(yes, object_name="confirmYes", accepted=True)
    yes_button.setProperty("role", "primary")

    def finished(_result: int) -> None:
        if box.clickedButton() is yes_button:
            on_yes()

    box.finished.connect(finished)
    box.open()
    box.close_button.setFocus()
    return box


def show_done(parent: QWidget, *, title: str, text: str, informative: str = "", close_text: str,
              on_close: Callable[[], None]) -> MessageDialog:
    """Something is finished (a summary printed or saved for the staff): say so, with one button that moves on.

    ``on_close`` runs however the message is closed (its button, Escape, the window's close button, or the kiosk's
    idle reset closing it): by then the person has seen it, or has walked away.
    """
    box = MessageDialog(parent=parent, title=title, text=text, informative=informative, close_text=close_text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.close_button.setObjectName("doneButton")
    set_role(box.close_button, "primary")
    box.finished.connect(lambda _result: on_close())
    box.open()
    box.close_button.setFocus()
    return box
