"""The top bar: the aid's name, text size, high contrast, the glossary, and About (with, in nurse mode, saving and
opening the answers file, and a Steps menu that stands in for the step list at large text sizes)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QToolButton, QWidget

from ..i18n import _
from ..session import TEXT_SCALES, Session
from .language_choice import language_button
from .reflow import FlowLayout
from .styling import named


class TopBarName(QLabel):
    """The aid's name at the left of the top bar, shown only when it fits whole (at large text it gives way)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setProperty("role", "appname")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event) -> None:
        if self.fontMetrics().horizontalAdvance(self.text()) <= self.width():
            super().paintEvent(event)


class TopBar(QFrame):
    """``files`` (nurse mode) is (save, open) for the answers file; ``steps`` with ``go_to_step`` make the Steps
    menu (nurse mode); the kiosk has neither, and About is a button of its own, not a menu of one."""

    def __init__(self, *, name: str, session: Session, toggle_contrast: Callable[[], None],
                 show_glossary: Callable[[], object], show_about: Callable[[], object],
                 files: tuple[Callable[[], None], Callable[[], None]] | None,
                 steps: list[tuple[int, str]], go_to_step: Callable[[int], None] | None,
                 choose_language: Callable[[str], object] | None = None, parent: QWidget | None = None):
        """``choose_language(code)``: the compact language switch, a button for each other language, named in its
        own language (none without it)."""
        super().__init__(parent)
        self.setObjectName("topBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.setSpacing(12)
        self.app_name = TopBarName(name)
        row.addWidget(self.app_name, 1)
        self.tools = QWidget(self)
        self._flow = FlowLayout(self.tools, spacing=8, align_right=True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.tools.setSizePolicy(policy)
        row.addWidget(self.tools, 0)

        self.smaller_button = self._button("A−", _("Smaller text"), session.smaller_text, "smallerText",
                                           _("Smaller text (Ctrl+-)"))
        self.larger_button = self._button("A+", _("Larger text"), session.larger_text, "largerText",
                                          _("Larger text (Ctrl+=)"))
        self.contrast_button = self._button(_("High contrast"), _("High contrast"), toggle_contrast, "highContrast",
                                            _("High contrast colours on or off (Ctrl+H)"))
        self.contrast_button.setCheckable(True)
        self.glossary_button = self._button(_("Glossary"), _("Glossary: words and what they mean"), show_glossary,
                                            "glossaryButton", _("Words and what they mean (Ctrl+G)"))
        self.save_action: QAction | None = None
        self.load_action: QAction | None = None
        self.about_action: QAction | None = None
        self.about_button: QPushButton | None = None
        self.more_button: QToolButton | None = None
        if files is None:
            self.about_button = self._button(_("About this aid"), _("About this aid"), show_about, "aboutButton",
                                             _("Sources, version and who wrote it (F1)"))
        else:
            self._more_menu(show_about, *files)
        self.steps_button: QToolButton | None = None
        self.step_actions: dict[int, QAction] = {}
        if go_to_step is not None:
            self._steps_menu(steps, go_to_step)
        self.language_buttons: dict[str, QPushButton] = {}
        if choose_language is not None and len(session.languages) > 1:
            for code in session.languages:
                if code != session.language:
                    button = language_button(code, current=session.language, choose=choose_language)
                    button.setProperty("role", "languageSwitch")  # narrower: the bar keeps one row at 200 %
                    self.language_buttons[code] = button
                    self._flow.addWidget(button)

    def _button(self, text: str, name: str, slot: Callable, object_name: str, tip: str) -> QPushButton:
        button = named(QPushButton(text), name, tip)
        button.setObjectName(object_name)
        button.clicked.connect(lambda: slot())
        button.setToolTip(tip)
        self._flow.addWidget(button)
        return button

    @staticmethod
    def _menu_button(title: str, name: str, description: str, object_name: str) -> tuple[QToolButton, QMenu]:
        button = named(QToolButton(), name, description)
        button.setObjectName(object_name)
        button.setText(f"{title} ▾")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setAccessibleName(title)
        button.setMenu(menu)
        return button, menu

    def _more_menu(self, show_about, save, load) -> None:
        self.more_button, menu = self._menu_button(_("More"), _("More: about this aid, save and open"),
                                                   _("About this aid, save or open the answers file"), "moreButton")
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # The keys go after a tab: shown in the menu, but the window's shortcuts do the work.
        self.about_action = menu.addAction(_("About this aid") + "\tF1", show_about)
        self.save_action = menu.addAction(_("Save answers…") + "\tCtrl+S", save)
        self.load_action = menu.addAction(_("Open answers…") + "\tCtrl+O", load)
        self._flow.addWidget(self.more_button)

    def _steps_menu(self, steps: list[tuple[int, str]], go_to_step: Callable[[int], None]) -> None:
        """At large text sizes the step list gives its width to the page; the same steps are then a menu."""
        self.steps_button, menu = self._menu_button(_("Steps"), _("Steps: go to a step"),
                                                    _("Choose a step to go to it"), "stepsButton")
        for number, title in steps:
            action = menu.addAction(f"{number}.  {title}", functools.partial(go_to_step, number))
            action.setCheckable(True)
            self.step_actions[number] = action
        self._flow.insert_widget(0, self.steps_button)

    def show_step(self, number: int) -> None:
        for step, action in self.step_actions.items():
            action.setChecked(step == number)

    def show_display(self, session: Session, *, compact_steps: bool) -> None:
        """Text size and contrast as they are now: the buttons say it, and the Steps menu shows when compact."""
        scale = session.text_scale
        self.smaller_button.setAccessibleName(_("Smaller text (now {scale}%)").format(scale=scale))
        self.larger_button.setAccessibleName(_("Larger text (now {scale}%)").format(scale=scale))
        self.smaller_button.setToolTip(_("Smaller text, now {scale}% (Ctrl+-)").format(scale=scale))
        self.larger_button.setToolTip(_("Larger text, now {scale}% (Ctrl+=)").format(scale=scale))
        self.smaller_button.setEnabled(session.text_scale > TEXT_SCALES[0])
        self.larger_button.setEnabled(session.text_scale < TEXT_SCALES[-1])
        if self.steps_button is not None:
            self.steps_button.setVisible(compact_steps)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(session.high_contrast)
        self.contrast_button.setText(("✓ " if session.high_contrast else "") + _("High contrast"))
        self.contrast_button.blockSignals(False)
