"""Issue 18, proven: a seeded monkey of at least 10 000 random clicks, taps (touch), keys and idle timeouts across all
pages, in the kiosk (wired as app.py wires it, idle guard on a hand-moved clock) and in nurse mode. Any Python
exception inside Qt (pytest-qt) or any Qt warning (the autouse check in conftest) fails it.

``MONKEY_EVENTS`` sets the events per mode (``make soak`` runs a longer one). Kept cheap per event (candidates cached
per page, one turn of the event loop) so 10 000 fit in ``make test``."""

from __future__ import annotations

import os
import random
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

from decision_aid.clinic import Clinic, ClinicTrial
from decision_aid.ui import printing, wizard

import kiosk_driver as drive

EVENTS_PER_MODE = int(os.environ.get("MONKEY_EVENTS", "5000"))
TIME_LIMIT_S = float(os.environ.get("MONKEY_SECONDS", "150"))  # per mode; a safety stop, not the normal end
KEYS = [Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Up,
        Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_A, Qt.Key.Key_Z]
MODIFIED = [(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)]
# Restyling the whole window (text size, contrast) costs a third of a second each, building the glossary or the about
# box a sixth: the buttons for them are pressed 1 draw in 100 here (still tens of times a run); links in the text
# open the same reader at its usual rate.
COSTLY = {"smallerText", "largerText", "highContrast", "glossaryButton", "aboutButton"}


def clinic(export_folder):
    return Clinic(name="Riverside Breast Clinic", phone="555 0100", kiosk=True, export_folder=export_folder,
                  trials=(ClinicTrial(name="Example trial", id="NCT00000000", contact="Room 4",
                                      summary="Compares adding surgery with medicines alone."),))


def candidates(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled() and w.width() > 0 and w.window() is root.window()):
            continue
        if isinstance(w, QToolButton) and w.menu() is not None:
            continue  # its menu runs a loop of its own
        if isinstance(w, (QAbstractButton, QLineEdit)) or (
                isinstance(w.parentWidget(), (QAbstractScrollArea, QListWidget)) and w is w.parentWidget().viewport()):
            out.append(w)
    return out


def monkey(qtbot, window, rng, *, events, guard=None, clock=None, before=lambda: None) -> dict:
    touch = QTest.createTouchDevice()
    cache_key, widgets = None, []
    counts = {"click": 0, "tap": 0, "key": 0, "idle": 0, "text": 0}
    pages, started, cpu, done = set(), time.monotonic(), time.process_time(), 0
    for done in range(1, events + 1):
        if time.monotonic() - started > TIME_LIMIT_S:
            break
        before()
        modal = QApplication.activeModalWidget()
        root = modal if modal is not None and modal.isVisible() else window
        key = (id(root), window.wizard.currentId(), id(window.view), done // 40)
        if key != cache_key:
            cache_key, widgets = key, candidates(root)
        widgets = [w for w in widgets if shiboken6.isValid(w) and w.isVisible()]
        if rng.random() > 0.01:
            widgets = [w for w in widgets if w.objectName() not in COSTLY]
        roll = rng.random()
        if widgets and roll < 0.45:
            w = rng.choice(widgets)
            at = QPoint(rng.randrange(max(1, w.width())), rng.randrange(max(1, w.height())))
            QTest.mousePress(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
            if shiboken6.isValid(w):  # a press can end the session (its widgets go with it)
                QTest.mouseRelease(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
            counts["click"] += 1
        elif widgets and roll < 0.6:
            w = rng.choice(widgets)
            point = w.mapTo(w.window(), QPoint(rng.randrange(max(1, w.width())), rng.randrange(max(1, w.height()))))
            win = w.window()
            QTest.touchEvent(win, touch).press(0, point).commit()
            if shiboken6.isValid(win):
                QTest.touchEvent(win, touch).release(0, point).commit()
            counts["tap"] += 1
        elif roll < 0.85:
            target = QApplication.focusWidget() or root
            if rng.random() < 0.8:
                QTest.keyClick(target, rng.choice(KEYS))
            else:
                QTest.keyClick(target, *rng.choice(MODIFIED))
            counts["key"] += 1
        elif roll < 0.99:  # idle timeouts 1 in 100: each kiosk reset rebuilds the whole view (a third of a second)
            fields = [w for w in widgets if isinstance(w, QLineEdit)]
            if fields:
                field = rng.choice(fields)
                if rng.random() < 0.5:
                    QTest.keyClicks(field, rng.choice(["Ann", "Why?", "x" * 40]))
                else:  # what a paste or an input method brings: not only ASCII keys
                    field.insert(rng.choice(["\x07\x1b\x00", "é😀", "\u202eabc", "a\tb"]))
                counts["text"] += 1
        elif guard is not None:
            clock.advance(rng.choice([5, 60, window.clinic.idle_timeout_seconds, 400]))
            guard.check()
            counts["idle"] += 1
        else:
            QTest.qWait(1)  # nurse mode has no idle reset: a pause
            counts["idle"] += 1
        if done % 10 == 0:  # posted work (layouts, paints) coalesces between turns, as with a fast finger
            QApplication.processEvents()
        if done % 50 == 0:
            drive.settle()
            assert shiboken6.isValid(window.view) and window.view.isVisible()
        pages.add(window.wizard.currentId())
    drive.settle()
    return {"events": done, "pages": pages, "seconds": round(time.monotonic() - started, 1),
            "cpu_seconds": round(time.process_time() - cpu, 1), **counts}


@pytest.fixture
def no_blocking(monkeypatch):
    def no_file_dialog(*args, **kwargs):
        raise AssertionError("a blocking file dialog was opened")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_file_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file_dialog)
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    # The wizard lays each unseen page out in idle time after a start (a person's first visit is then instant). The
    # monkey is never idle: that clock-driven work, not input, would be 40 % of its run (each reset or Start over
    # rebuilds every page), so it waits here; pages are built as the monkey reaches them, as without the prebuild.
    # The prebuild itself runs in make soak and tests/ui.
    monkeypatch.setattr(wizard, "PREBUILD_DELAY_MS", 24 * 3600 * 1000)


@pytest.mark.slow
def test_monkey_kiosk(qtbot, wired_kiosk, tmp_path, no_blocking):
    window, guard, clock, temp = wired_kiosk(clinic(tmp_path))
    resets = []
    window.session_reset.connect(lambda: resets.append(1))
    result = monkey(qtbot, window, random.Random(20261202), events=EVENTS_PER_MODE, guard=guard, clock=clock)
    print("kiosk monkey:", {k: v for k, v in result.items() if k != "pages"}, "pages", len(result["pages"]))
    assert result["events"] >= EVENTS_PER_MODE, f"only {result['events']} events in {TIME_LIMIT_S} s"
    assert len(result["pages"]) >= 5 and resets and result["idle"] and result["tap"]


@pytest.mark.slow
def test_monkey_nurse(qtbot, content, tmp_path, no_blocking):
    from decision_aid.ui.main_window import MainWindow

    window = MainWindow(content=content, kiosk=False, clinic=Clinic())
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    saved = tmp_path / "answers.json"

    def patch_view():  # "Start over" builds a new view: its file choices are answered here, never by a dialog
        view = window.view
        if not getattr(view, "_monkey_patched", False):
            view.choose_save_path = lambda **kw: str(tmp_path / ("s.pdf" if "PDF" in kw["title"] else "answers"))
            view.choose_open_path = lambda **kw: str(saved) if saved.exists() else None
            view._monkey_patched = True

    try:
        result = monkey(qtbot, window, random.Random(4), events=EVENTS_PER_MODE, before=patch_view)
    finally:
        window.view.close_dialogs()
    print("nurse monkey:", {k: v for k, v in result.items() if k != "pages"}, "pages", len(result["pages"]))
    assert result["events"] >= EVENTS_PER_MODE, f"only {result['events']} events in {TIME_LIMIT_S} s"
    assert len(result["pages"]) >= 5
    # Whatever the monkey did, the aid still works from the start to the summary.
    window.reset()
    for _ in range(len(window.view.pages)):
        QApplication.processEvents()
        window.wizard.next_button.click()
    QApplication.processEvents()
    assert window.current_page().objectName() == "page:summary"
