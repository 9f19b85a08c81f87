"""A page's scrolling body: one centred column no wider than a comfortable line of text."""

# Qt's camelCase names are overridden throughout this module.

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import _
from .styling import char_width, named


class ScrollColumn(QScrollArea):
    """A page's scrolling body: one centred column no wider than a comfortable line of text.

    ``max_chars`` (average characters per line) keeps lines readable; None lets the column use the whole width.
    """

    def __init__(self, *, name: str, max_chars: int | None = 80, margins: tuple = (24, 12, 24, 24),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        named(self, name, _("Use the arrow keys or Page Up and Page Down to scroll."))
        self._max_chars = max_chars
        host = QWidget()
        host.setObjectName("pageColumnHost")
        outer = QVBoxLayout(host)
        outer.setContentsMargins(*margins)
        self.column = QWidget(host)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.column.setSizePolicy(policy)
        self.layout_ = QVBoxLayout(self.column)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(16)
        # Not an alignment flag: an aligned item is laid out at its size hint while its height is computed for the
        # whole width, so wrapped text would be cut. A row with a stretch gives the column its real width.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.column, 1)
        row.addStretch(0)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setWidget(host)
        host.installEventFilter(self)
        self._fit_width()

    def eventFilter(self, watched, event) -> bool:
        # QScrollArea resizes its widget only on its own resize or layout request, not when the content grows
        # later (a page filled in after it was shown): pass the content's layout request on.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(watched, event)

    def _fit_width(self) -> None:
        if self._max_chars:
            self.column.setMaximumWidth(round(char_width(self.column) * self._max_chars))

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
        super().changeEvent(event)

    def settle(self) -> None:
        """Lay the content out now, not a few turns of the event loop later (no squashed frame on arrival)."""
        self.column.layout().activate()
        self.widget().layout().activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.layout_.addWidget(widget, stretch)
        return widget

    def show_widget(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (inside this column) starts at the top of the view."""
        self.settle()
        self._scroll_to(widget)
        # A page built just now may still be finding the height of its wrapped text: look again once it has.
        QTimer.singleShot(0, self, lambda: self._scroll_to(widget))

    def _scroll_to(self, widget: QWidget) -> None:
        inner = self.widget()
        if inner is not None and shiboken6.isValid(widget) and inner.isAncestorOf(widget):
            top = widget.mapTo(inner, QPoint(0, 0)).y()
            self.verticalScrollBar().setValue(max(0, top - 8))
