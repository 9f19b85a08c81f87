"""What a person would see as broken, measured: text cut off, controls too small, things on top of each other."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from decision_aid.ui.choice_buttons import _ChoicePainting
from decision_aid.ui.styling import MIN_TARGET

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView)


def shown(root: QWidget, kind=QWidget) -> list[QWidget]:
    """Widgets of ``kind`` under ``root`` that a person can see (shown, not zero-sized)."""
    out = []
    for w in root.findChildren(kind):
        if w.isVisible() and w.width() > 0 and w.height() > 0 and w.window() is root.window():
            out.append(w)
    return out


def name_of(w: QWidget) -> str:
    text = getattr(w, "text", lambda: "")()
    return f"{type(w).__name__}({w.objectName() or ''}:{str(text)[:40]!r})"


def _scroll_ancestor(w: QWidget):
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea) and p.viewport().isAncestorOf(w):
            return p
        p = p.parentWidget()
    return None


def clipped_text(root: QWidget) -> list[str]:
    """Text widgets given less room than their text needs."""
    problems = []
    for w in shown(root, QLabel):
        if not w.text() or type(w).__name__ == "TopBarName":  # the top bar's name hides whole when it cannot fit
            continue
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 1:
                problems.append(f"{name_of(w)}: {w.width()}x{w.height()}, its wrapped text needs height {need}")
        elif w.sizeHint().width() > w.width() + 1 or w.sizeHint().height() > w.height() + 1:
            problems.append(f"{name_of(w)}: {w.size().toTuple()}, its text needs {w.sizeHint().toTuple()}")
    for w in shown(root, QAbstractButton):
        if isinstance(w, _ChoicePainting):
            if w.heightForWidth(w.width()) > w.height() + 1 or w.min_width(compact=w.COMPACT) > w.width() + 1:
                problems.append(f"{name_of(w)}: {w.size().toTuple()} is too small for its words")
        elif w.text():
            hint = w.sizeHint()
            if hint.width() > w.width() + 2 or hint.height() > w.height() + 2:
                problems.append(f"{name_of(w)}: {w.size().toTuple()}, needs {hint.toTuple()}")
    return problems


def off_the_edge(root: QWidget) -> list[str]:
    """Widgets that run past the right edge of what can be seen (nothing scrolls sideways)."""
    problems = []
    window = root.window()
    for w in shown(root):
        if w.isWindow() or isinstance(w, QScrollBar):
            continue
        area = _scroll_ancestor(w)
        if area is not None:
            if area.horizontalScrollBar().isVisible():
                continue
            right = w.mapTo(area.viewport(), QPoint(w.width(), 0)).x()
            if right > area.viewport().width() + 1:
                problems.append(f"{name_of(w)} ends at x={right}, past the visible width {area.viewport().width()}")
        else:
            rect = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
            if rect.right() > window.width() + 1 or rect.bottom() > window.height() + 1:
                problems.append(f"{name_of(w)} {rect.getRect()} runs out of the window {window.size().toTuple()}")
    return problems


def overlaps(root: QWidget) -> list[str]:
    """Sibling widgets drawn on top of each other."""
    problems = []
    parents = {root, *shown(root)}
    for parent in parents:
        kids = [c for c in parent.children() if isinstance(c, QWidget) and c.isVisible() and not c.isWindow()
                and c.width() > 0 and c.height() > 0]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                inter = a.geometry().intersected(b.geometry())
                if inter.width() > 1 and inter.height() > 1:
                    problems.append(f"{name_of(a)} {a.geometry().getRect()} overlaps {name_of(b)} "
                                    f"{b.geometry().getRect()}")
    return problems


def small_targets(root: QWidget) -> list[str]:
    problems = []
    for w in shown(root):
        if not isinstance(w, CONTROLS) or isinstance(w, QScrollBar):
            continue
        if w.width() < MIN_TARGET or w.height() < MIN_TARGET:
            problems.append(f"{name_of(w)} is {w.width()}x{w.height()}")
        if isinstance(w, QAbstractItemView):
            for row in range(w.model().rowCount()):
                rect = w.visualRect(w.model().index(row, 0))
                if rect.height() < MIN_TARGET:
                    problems.append(f"{name_of(w)} row {row} is {rect.height()} px high")
    return problems


def unnamed_focusable(root: QWidget) -> list[str]:
    from PySide6.QtCore import Qt

    problems = []
    for w in shown(root):
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or w.focusProxy() is not None:
            continue
        # a viewport or a plain container that takes focus only to pass it on
        if isinstance(w, QScrollBar) or (type(w).__name__ == "QWidget" and not w.accessibleName()
                                         and w.parentWidget() and isinstance(w.parentWidget(), QAbstractScrollArea)):
            continue
        if not w.accessibleName().strip():
            problems.append(name_of(w))
    return problems


def layout_problems(root: QWidget) -> list[str]:
    return clipped_text(root) + off_the_edge(root) + overlaps(root)


def named_and_big_enough(window: QWidget) -> list[str]:
    """Every focusable control without a name, and every target too small to touch, of what ``window`` shows."""
    return [f"unnamed {p}" for p in unnamed_focusable(window)] + [f"small {p}" for p in small_targets(window)]
