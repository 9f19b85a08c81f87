"""The step list beside the wizard: where you are, and (in nurse mode) a way to jump to any step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import _
from .labels import Heading
from .styling import char_width, named


class _StepsView(QListWidget):
    """The list itself. A scroll area hands its viewport's resize events to ``resizeEvent``: the viewport's width is
    kept from there, so the step list never wraps ``viewport()`` before the first paint (PySide6 searches every
    widget class for the best type of that widget, made by Qt: about 10 ms of the start)."""

    def __init__(self, on_resized: Callable[[], None], parent: QWidget):
        super().__init__(parent)
        self.viewport_width = 0
        self._on_resized = on_resized

    def resizeEvent(self, event) -> None:
        self.viewport_width = event.size().width()
        self._on_resized()
        super().resizeEvent(event)


class StepList(QWidget):
    """``steps`` are (number, title); ``on_pick(number)`` is called when a step is chosen (None: read only)."""

    def __init__(self, *, title: str, steps: list[tuple[int, str]], on_pick: Callable[[int], None] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = Heading(title, role="subheading")
        self.title.setContentsMargins(12, 10, 8, 4)
        layout.addWidget(self.title)
        self.list = _StepsView(self._size_items, self)
        self.list.setObjectName("stepList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.numbers = []
        for number, text in steps:
            item = QListWidgetItem(f"{number}.  {text}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         _("Step {number}: {title}").format(number=number, title=text))
            self.list.addItem(item)
            self.numbers.append(number)
        self.interactive = on_pick is not None
        if on_pick is not None:
            named(self.list, _("Steps"), _("Choose a step to go to it"))
            self.list.itemClicked.connect(lambda item: on_pick(self.numbers[self.list.row(item)]))
            self.list.itemActivated.connect(lambda item: on_pick(self.numbers[self.list.row(item)]))
        else:
            # Kiosk: the list shows where the person is, but is not a control.
            self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.list.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.list.setAccessibleName(_("Steps"))
        layout.addWidget(self.list, 1)
        self._fit_width()

    def _size_items(self) -> None:
        # QListView does not wrap reliably once its width changes: measure each item's wrapped height ourselves.
        scale = self.list.font().pointSizeF() / 12 if self.list.font().pointSizeF() > 0 else 1
        width = self.list.viewport_width - 2 * round(8 * scale) - 12
        if width <= 0:
            return
        font = self.list.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        for i in range(self.list.count()):
            item = self.list.item(i)
            text_height = metrics.boundingRect(QRect(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap),
                                               item.text()).height()
            item.setSizeHint(QSize(width, max(44, text_height + 2 * round(2 * scale) + 16)))

    def show_step(self, number: int) -> None:
        row = self.numbers.index(number)
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            font = item.font()
            font.setBold(i == row)
            item.setFont(font)
            # Meaning not by colour alone: the current step is bold and marked with an arrow.
            text = item.text().lstrip("▸ ").strip()
            item.setText(("▸ " if i == row else "") + text)
        self._size_items()
        if self.interactive:
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _fit_width(self) -> None:
        width = round(char_width(self) * 26)
        self.setFixedWidth(max(200, min(width, 380)))

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
            self._size_items()
        super().changeEvent(event)
