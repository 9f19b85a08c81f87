"""The kiosk's idle warning: what will happen and when, and one large "I'm still here" button. ``IdleGuard`` shows
it and counts down; its words are in ``wording``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import _
from .wording import KEEP_GOING, STILL_HERE, WARNING_TITLE, countdown_text


class IdleWarning(QDialog):
    """The warning: what will happen and when, and one large button to keep going.

    Follows the text size and theme of the widget it belongs to (its font, palette and style sheet). Closing it
    (Esc, the window's close button) also means someone is there.
    """

    still_here_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self.setWindowTitle(_(WARNING_TITLE))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # inherit the window's font (text size)
        self.setAccessibleName(_(WARNING_TITLE))

        # The roles pick up the session's style sheet (text size, high contrast) when there is one.
        self.title = QLabel(_(WARNING_TITLE), self)
        self.title.setObjectName("idleWarningTitle")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("idleWarningCountdown")
        self.countdown.setProperty("role", "subheading")
        self.countdown.setWordWrap(True)
        self.hint = QLabel(_(KEEP_GOING), self)
        self.hint.setObjectName("idleWarningHint")
        self.hint.setWordWrap(True)
        self.button = QPushButton(_(STILL_HERE), self)
        self.button.setObjectName("stillHereButton")
        self.button.setProperty("role", "primary")
        self.button.setAccessibleName(_(STILL_HERE))
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.still_here_pressed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addWidget(self.button)
        self._apply_sizes()
        self.shown_seconds: int | None = None

    def _apply_sizes(self) -> None:
        base = self.font()
        size = base.pointSizeF() if base.pointSizeF() > 0 else 12.0
        title_font = QFont(base)
        title_font.setPointSizeF(size * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        count_font = QFont(base)
        count_font.setPointSizeF(size * 1.15)
        self.countdown.setFont(count_font)
        button_font = QFont(base)
        button_font.setPointSizeF(size * 1.25)
        button_font.setBold(True)
        self.button.setFont(button_font)
        em = self.fontMetrics().height()
        # Larger than the session's other buttons, whatever its style sheet says: the one thing to press. (A style
        # sheet's min-height would override setMinimumHeight, so the size goes in one, in pixels for this font.)
        sheet = f"QPushButton#stillHereButton {{ min-height: {max(44, round(em * 2.2))}px; }}"
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
        self.button.setMinimumWidth(max(200, em * 10))
        margin = max(24, em)
        self.layout().setContentsMargins(margin, margin, margin, margin)
        self.layout().setSpacing(max(12, em // 2))
        width = em * 26
        screen = self.screen()
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        self.setMinimumWidth(width)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_sizes()

    def show_seconds(self, seconds: int, *, announce: bool) -> None:
        self.shown_seconds = seconds
        text = countdown_text(seconds)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)
        if announce:
            # Qt sends DescriptionChanged to assistive tech; the focused button and the dialog carry it.
            self.setAccessibleDescription(text)
            self.button.setAccessibleDescription(f"{text} {_(KEEP_GOING)}")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        self.still_here_pressed.emit()
        super().reject()
