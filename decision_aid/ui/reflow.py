"""Layouts that reflow when the text grows: answers side by side or one under the other, and rows that wrap."""

# Qt's camelCase names are overridden throughout this module.

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidget, QWidgetItem

from .choice_buttons import _ChoicePainting


class _ReflowLayout(QLayout):
    """A layout that keeps its own items and is as tall as its width makes it: subclasses give ``_arrange``."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        # Qt's own layouts delete their items with themselves; this one keeps them in a Python list, whose wrappers do
        # not own them, so it deletes them when it goes (else each item outlived it: issue 18, a long day's memory).
        self.destroyed.connect(partial(_delete_items, self._items))
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, True)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        raise NotImplementedError


class ChoiceRowLayout(_ReflowLayout):
    """Answers side by side in equal columns when they fit, one under the other when they do not."""

    def _visible(self):
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _min_width(item, compact: bool) -> int:
        widget = item.widget()
        if isinstance(widget, _ChoicePainting):
            return widget.min_width(compact=compact and widget.can_compact)
        return item.minimumSize().width()

    def _side_by_side(self, width: int) -> bool:
        items = self._visible()
        if not items:
            return True
        need = max(self._min_width(i, True) for i in items) * len(items) + self._spacing * (len(items) - 1)
        return width >= need

    def _set_compact(self, items, compact: bool) -> None:
        for item in items:
            widget = item.widget()
            if isinstance(widget, _ChoicePainting):
                widget.set_compact(compact)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        items = self._visible()
        m = self.contentsMargins()
        x, y = rect.x() + m.left(), rect.y() + m.top()
        width = rect.width() - m.left() - m.right()
        if not items:
            return 0
        side = self._side_by_side(width)
        self._set_compact(items, side)
        if side:
            n = len(items)
            column = (width - self._spacing * (n - 1)) // n
            height = max(i.heightForWidth(column) if i.hasHeightForWidth() else i.sizeHint().height() for i in items)
            if apply:
                for k, item in enumerate(items):
                    item.setGeometry(QRect(x + k * (column + self._spacing), y, column, height))
            return height + m.top() + m.bottom()
        top = y
        for item in items:
            h = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
            if apply:
                item.setGeometry(QRect(x, y, width, h))
            y += h + self._spacing
        return y - self._spacing - top + m.top() + m.bottom()

    def sizeHint(self) -> QSize:
        items = self._visible()
        if not items:
            return QSize(0, 0)
        width = sum(i.sizeHint().width() for i in items) + self._spacing * (len(items) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        items = self._visible()
        if not items:
            return QSize(0, 0)
        width = max(self._min_width(i, False) for i in items)
        return QSize(width, self.heightForWidth(width))


class FlowLayout(_ReflowLayout):
    """Items left to right, wrapping onto new lines (toolbar buttons, pictures of 100 people)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10, align_right: bool = False):
        super().__init__(parent, spacing=spacing)
        self._align_right = align_right

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        items = [i for i in self._items if not i.isEmpty()]
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in items) + self._spacing * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        left, right = rect.x() + m.left(), rect.right() - m.right()
        lines: list[list] = [[]]
        x = left
        for item in self._items:
            if item.isEmpty():
                continue
            w = min(item.sizeHint().width(), right - left + 1)
            if lines[-1] and x + w - 1 > right:
                lines.append([])
                x = left
            lines[-1].append((item, w))
            x += w + self._spacing
        y = rect.y() + m.top()
        for line in lines:
            if not line:
                continue
            height = max(it.heightForWidth(w) if it.hasHeightForWidth() else it.sizeHint().height()
                         for it, w in line)
            x = left
            if self._align_right:
                x = right + 1 - (sum(w for _, w in line) + self._spacing * (len(line) - 1))
            for item, w in line:
                if apply:
                    item.setGeometry(QRect(x, y, w, height))
                x += w + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom() if any(lines) else 0


def row_of(*widgets: QWidget, parent: QWidget | None = None, spacing: int = 10, align_right: bool = False) -> QWidget:
    """Widgets in a FlowLayout: side by side, wrapping when the text is large."""
    holder = QWidget(parent)
    layout = FlowLayout(holder, spacing=spacing, align_right=align_right)
    for w in widgets:
        layout.addWidget(w)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


def clear_layout(layout: QLayout) -> None:
    """Take every item out of ``layout`` and delete it, with its widget (later) or its own items. An item taken out
    of a layout is the taker's to delete: Python's wrapper of it does not own it (issue 18)."""
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.hide()
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            clear_layout(inner)
        shiboken6.delete(item)


def _delete_items(items: list) -> None:
    for item in items:
        if shiboken6.isValid(item):
            shiboken6.delete(item)
    items.clear()
