"""How a widget meets the style sheet and assistive technology: its role, its spoken name, the colours a style sheet
sets on custom-painted widgets, and line lengths counted in characters."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Property
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)  # the widget given back as it came: a QPushButton stays one

MIN_TARGET = 44  # px: the smallest touch target


def colour_property(name: str) -> Property:
    """A colour the style sheet sets (``qproperty-<name>``): custom-painted widgets take the theme's colours from the
    style sheet, because a style sheet stops the palette from reaching them. The widget keeps them in ``_colours``
    and is told of a change through ``_colours_changed``."""

    def get(self) -> QColor:
        return self._colours[name]

    def set_(self, colour) -> None:
        self._colours[name] = QColor(colour)
        self._colours_changed()

    return Property(QColor, get, set_)


def char_width(widget: QWidget) -> float:
    """The width of an average lower-case letter in the widget's font: line lengths are counted in these."""
    return widget.fontMetrics().horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26


def named(widget: W, name: str, description: str = "") -> W:
    """Give a widget the name a screen reader says; every focusable control gets one."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def set_role(widget: W, role: str) -> W:
    """The style sheet picks colours and sizes by role (title, heading, card, flag …)."""
    widget.setProperty("role", role)
    return widget
