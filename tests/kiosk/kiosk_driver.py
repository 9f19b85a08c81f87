"""Drive a kiosk MainWindow as a person would, and look everywhere for what they left: shared by the canary tests
and the subprocess session (tests/kiosk/run_kiosk_session.py). A plain module, no pytest: it runs in both."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from decision_aid.answers import LIST_FIELDS

PAGE_KEYS = ("welcome", "situation", "options", "trials", "risks", "values", "leaning", "sure", "questions",
             "summary")


class FakeClock:
    """The idle guard's clock, moved by hand: timeouts without waiting."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def show_kiosk_window(qtbot, *, content, clinic):
    """A kiosk MainWindow at the size of the screenshots, shown and exposed."""
    from decision_aid.ui.main_window import MainWindow

    window = MainWindow(content=content, kiosk=True, clinic=clinic)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click(widget: QWidget) -> None:
    """Near the left edge, where a finger goes on an answer (a stretched radio button is empty in the middle)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(min(20, widget.width() // 2), widget.height() // 2))
    settle()


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    QTest.keyClicks(edit, text)
    settle()


def go(window, key: str):
    from decision_aid.ui.steps import PAGE_IDS

    window.wizard.go_to(PAGE_IDS[key])
    settle()
    page = window.current_page()
    page.ensure_built()
    settle()
    return page


def build_every_page(window) -> None:
    """Build every page and the summary preview (as the prebuild timer would), without moving off the first."""
    for page in window.view.pages:
        page.ensure_built()
    summary = window.view.pages[-1]
    summary.update_preview()
    settle()


def fill_everything(window, canary: str) -> None:
    """Answer every question by touch, tick every prompt, type the canary in every free-text field, bigger text,
    high contrast, every page scrolled down, the canary on the clipboard."""
    view = window.view
    page = go(window, "situation")
    # Symptoms first: "which problems" is asked only while there are some.
    click(page.blocks["breast_symptoms"].buttons["some"])
    for key, block in page.blocks.items():
        if key == "breast_symptoms":
            continue
        if key in LIST_FIELDS:
            for choice_id, check in block.checks.items():
                if choice_id != "unsure":
                    click(check)
        else:
            click(next(b for c, b in block.buttons.items() if c not in ("unsure", "not_discussed")))
    page = go(window, "values")
    for block in page.items.values():
        click(list(block.buttons.values())[-1])
    page = go(window, "leaning")
    click(list(page.block.buttons.values())[0])
    page = go(window, "sure")
    for block in page.items.values():
        click(block.buttons["no"])
    page = go(window, "questions")
    for check in page.checks.values():
        click(check)
    type_into(page.entry, f"{canary} own question one")
    click(page.add_button)
    type_into(page.entry, f"{canary} own question two")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    settle()
    type_into(page.entry, f"{canary} typed but never added")
    page = go(window, "summary")
    type_into(page.name, f"{canary} Name")
    page.update_preview()
    view.session.larger_text()
    view.session.set_high_contrast(on=True)
    settle()
    for p in view.pages:
        p.scroll.verticalScrollBar().setValue(p.scroll.verticalScrollBar().maximum())
    QGuiApplication.clipboard().setText(f"{canary} copied")
    settle()


def answered(window, canary: str) -> bool:
    a = window.session.answers
    return bool(a.situation and a.values and a.leaning and a.sure and a.questions and a.name
                and len(a.own_questions) == 2 and canary in a.name)


def clipboard_texts() -> list[str]:
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        modes.append(QClipboard.Mode.FindBuffer)
    return [clipboard.text(mode) for mode in modes]


def widget_state(widget: QWidget) -> list[tuple[str, str, object]]:
    """Every text and every piece of state a widget shows, named by where it is."""
    name = f"{type(widget).__name__}#{widget.objectName()}"
    out: list[tuple[str, str, object]] = [(name, "windowTitle", widget.windowTitle()),
                                          (name, "accessibleName", widget.accessibleName()),
                                          (name, "toolTip", widget.toolTip())]
    if isinstance(widget, QLineEdit):
        out += [(name, "text", widget.text()), (name, "undo", widget.isUndoAvailable())]
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        out += [(name, "text", widget.toPlainText()), (name, "html", widget.document().toHtml()),
                (name, "undo", widget.document().isUndoAvailable())]
    if isinstance(widget, QLabel):
        out.append((name, "text", widget.text()))
    if isinstance(widget, QAbstractButton):
        out += [(name, "text", widget.text()), (name, "checked", widget.isChecked())]
    if isinstance(widget, QAbstractScrollArea):
        out += [(name, "vscroll", widget.verticalScrollBar().value()),
                (name, "hscroll", widget.horizontalScrollBar().value())]
    if isinstance(widget, QListWidget):
        out.append((name, "items", [widget.item(i).text() for i in range(widget.count())]))
    return out


def window_state(window) -> list[tuple[str, str, object]]:
    """The whole window, in a stable order: to compare a reset window with one never touched."""
    out = widget_state(window)
    for widget in window.findChildren(QWidget):
        out += widget_state(widget)
    return out


def traces(canary: str) -> list[str]:
    """Everywhere the canary still shows: every live widget of the app (not only the window), the clipboard."""
    found = []
    for widget in QApplication.allWidgets():
        for where, what, value in widget_state(widget):
            if canary in str(value):
                found.append(f"{where}.{what}: {value!r}"[:200])
    for text in clipboard_texts():
        if canary in text:
            found.append(f"clipboard: {text!r}")
    return found


def checked_buttons(window) -> list[str]:
    return [f"{type(b).__name__}#{b.objectName()}:{b.text()}" for b in window.findChildren(QAbstractButton)
            if b.isCheckable() and b.isChecked()]


def scrolled(window) -> list[str]:
    return [f"{type(a).__name__}#{a.objectName()}" for a in window.findChildren(QAbstractScrollArea)
            if a.verticalScrollBar().value() or a.horizontalScrollBar().value()]
