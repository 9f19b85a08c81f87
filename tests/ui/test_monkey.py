"""A seeded monkey: thousands of random clicks, taps on links and key presses anywhere in the window and its dialogs.
Any Python exception inside Qt or any Qt warning fails the test (pytest-qt and the autouse check in conftest)."""

from __future__ import annotations

import random
import re
import time

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QToolButton,
    QWidget,
)

from decision_aid.ui import printing
from decision_aid.ui.labels import RichText

from ui_helpers import OPEN_TRIALS_CLINIC, settle

EVENTS = 2500
TIME_LIMIT_S = 55  # stop early rather than run long on a slow machine
KEYS = [
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Question, Qt.KeyboardModifier.NoModifier),
]
HREF_RE = re.compile(r'href="([^"]+)"')


def target_window(window):
    modal = QApplication.activeModalWidget()
    return modal if modal is not None and modal.isVisible() else window


def candidates(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled() and w.width() > 0 and w.window() is root.window()):
            continue
        if isinstance(w, QToolButton) and w.menu() is not None:
            continue  # its menu runs a loop of its own; its actions are triggered directly below
        if isinstance(w, (QAbstractButton, QLineEdit, RichText)) or (
                isinstance(w.parentWidget(), (QAbstractScrollArea, QListWidget)) and w is w.parentWidget().viewport()):
            out.append(w)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("seed,kiosk,events", [(20261123, False, EVENTS), (4, True, EVENTS // 2)])
def test_monkey(qtbot, make_window, shipped_content, tmp_path, monkeypatch, seed, kiosk, events):
    def no_file_dialog(*args, **kwargs):
        raise AssertionError("a blocking file dialog was opened")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_file_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file_dialog)
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    rng = random.Random(seed)
    window = make_window(content=shipped_content, kiosk=kiosk, clinic=OPEN_TRIALS_CLINIC)
    saved = tmp_path / "answers.json"

    def patch_view():
        view = window.view
        if not getattr(view, "_monkey_patched", False):
            view.choose_save_path = lambda **kw: str(tmp_path / ("summary.pdf" if "PDF" in kw["title"] else
                                                                  "answers.json"))
            view.choose_open_path = lambda **kw: str(saved) if saved.exists() else None
            view._monkey_patched = True

    seen_pages, resets, dialogs = set(), [], set()
    window.session_reset.connect(lambda: resets.append(1))
    started = time.monotonic()
    done = 0
    while done < events and time.monotonic() - started <= TIME_LIMIT_S:
        done += 1
        patch_view()
        root = target_window(window)
        if root is not window:
            dialogs.add(root.objectName() or type(root).__name__)
        roll = rng.random()
        if roll < 0.6:
            widgets = candidates(root)
            if widgets:
                w = rng.choice(widgets)
                pos = QPoint(rng.randrange(max(1, w.width())), rng.randrange(max(1, w.height())))
                QTest.mouseClick(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        elif roll < 0.9:
            key, mods = rng.choice(KEYS)
            QTest.keyClick(QApplication.focusWidget() or root, key, mods)
        elif roll < 0.97:
            labels = [w for w in root.findChildren(RichText) if w.isVisible() and "href" in w.text()]
            if labels:
                label = rng.choice(labels)
                label.linkActivated.emit(rng.choice(HREF_RE.findall(label.text())))
        elif root is window:
            menus = [b.menu() for b in window.findChildren(QToolButton) if b.menu() is not None and b.isVisible()]
            if menus:
                actions = [a for a in rng.choice(menus).actions() if a.isEnabled()]
                if actions:
                    rng.choice(actions).trigger()
        settle(qtbot)
        assert shiboken6.isValid(window.view) and window.view.isVisible()
        assert 0 <= window.wizard.currentId() < len(window.view.pages)
        seen_pages.add(window.wizard.currentId())
    # Whatever the monkey did, the aid still works from the start to the summary.
    window.view.close_dialogs()
    window.reset()
    settle(qtbot)
    for _ in range(len(window.view.pages)):
        window.wizard.next_button.click()
        settle(qtbot)
    assert window.current_page().objectName() == "page:summary"
    assert done > 500, f"only {done} events in the time allowed"
    assert len(seen_pages) >= 6 and resets and dialogs, (seen_pages, len(resets), dialogs)
