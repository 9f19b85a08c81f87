"""Issue 18: a layout's items are C++ objects that Python's wrappers do not own. Each one the aid takes out of a
layout, and each one its own reflowing layouts hold, is deleted with it, not left behind (about 90 a kiosk session
were, 88 bytes each, scattered over the heap)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from decision_aid.ui.reflow import ChoiceRowLayout, FlowLayout, clear_layout


def test_a_reflowing_layout_deletes_its_items_with_itself(qtbot):
    for kind in (FlowLayout, ChoiceRowLayout):
        holder = QWidget()
        layout = kind(holder)
        for n in range(3):
            layout.addWidget(QLabel(f"answer {n}"))
        items = [layout.itemAt(n) for n in range(layout.count())]
        assert len(items) == 3 and all(shiboken6.isValid(item) for item in items)
        shiboken6.delete(holder)
        assert not any(shiboken6.isValid(item) for item in items), kind.__name__


def test_a_reflowing_layout_lets_go_of_a_child_deleted_before_it(qtbot):
    holder = QWidget()
    layout = FlowLayout(holder)
    gone, kept = QLabel("gone"), QLabel("kept")
    layout.addWidget(gone)
    layout.addWidget(kept)
    shiboken6.delete(gone)
    assert layout.count() == 1 and layout.itemAt(0).widget() is kept
    shiboken6.delete(holder)


def test_clearing_a_layout_deletes_the_items_it_takes_out(qtbot):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    inner = QHBoxLayout()
    layout.addLayout(inner)
    inner.addWidget(QLabel("in a row"))
    for n in range(2):
        layout.addWidget(QLabel(f"line {n}"))
    items = [layout.itemAt(n) for n in range(layout.count())] + [inner.itemAt(0)]
    clear_layout(layout)
    assert layout.count() == 0
    assert not any(shiboken6.isValid(item) for item in items)
