"""The language buttons: each language's own name, in that language (the welcome page's two large buttons, and the
compact switch in the top bar). Choosing one calls ``choose(code)``; the window goes on in that language with every
answer kept (``MainWindow.switch_language``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QPushButton

from ..i18n import LANGUAGES, N_, translation
from .styling import named

# Translators: said in your own language, whatever the window's language is: "show the aid in <your language>".
CHOOSE = N_("Show the aid in English")


def language_button(code: str, *, current: str, choose: Callable[[str], object]) -> QPushButton:
    """A button named in its own language ("Español"), described in it ("Ver la ayuda en español"), marked with
    its language (``QWidget.locale``) so a screen reader can speak it in its own voice. The language showing is
    marked ``current`` (drawn filled; a toggle's checked state would be a state for the kiosk's reset to undo)."""
    name = LANGUAGES[code]
    button = named(QPushButton(name), name, translation(code).gettext(CHOOSE))
    button.setObjectName(f"language:{code}")
    button.setLocale(QLocale(code))
    button.setProperty("current", code == current)
    button.clicked.connect(lambda: code != current and choose(code))
    return button
