"""Step 1: what the aid is for, who it is for, how long it takes, that nothing is kept; where to find help; and the
language, with a large button for each (each named in its own language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..help_panel import HelpPanel
from ..language_choice import language_button
from ..reflow import row_of
from . import WORDS
from .base import StepPage


class WelcomePage(StepPage):
    STEP, TITLE = WORDS["welcome"]

    def __init__(self, *, on_language: Callable[[str], object] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.on_language = on_language
        self.language_buttons: dict = {}
        self.languages: QWidget | None = None

    def build(self) -> None:
        # Right under the heading, so they are seen without scrolling, at any text size: the languages, then help.
        self.help_panel = HelpPanel(session=self.session)
        self.scroll.layout_.insertWidget(1, self.help_panel)
        if self.on_language is not None and len(self.session.languages) > 1:
            current = self.session.language
            self.language_buttons = {code: language_button(code, current=current, choose=self.on_language)
                                     for code in self.session.languages}
            for button in self.language_buttons.values():
                button.setProperty("role", "language")
            self.languages = row_of(*self.language_buttons.values(), spacing=16)
            self.languages.setObjectName("languageChoice")
            self.scroll.layout_.insertWidget(1, self.languages)
