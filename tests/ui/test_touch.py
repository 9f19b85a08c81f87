"""Touch kiosks (issue 15): a finger and a left-mouse drag scroll every page in both modes, and a drag that starts on
an answer never chooses it, while a tap or a click still does. The touches are synthesized for a touch-screen device,
as a kiosk's screen sends them; the mouse goes through the window, as a real mouse does. Issue 18: setting up a
scrolling area registers no new gesture type (each one left a Python enum member behind for good)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QScroller

from decision_aid.ui.choice_buttons import ChoiceButton
from decision_aid.ui.touch import DONE, KIND, enable_kinetic_scrolling, flick_gesture

from ui_helpers import click, go, settle


@pytest.fixture(scope="module")
def finger():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def touch_drag(qtbot, viewport, device, start: QPoint, dy: int, steps: int = 12) -> None:
    QTest.touchEvent(viewport, device).press(0, start, viewport).commit()
    for k in range(1, steps + 1):
        qtbot.wait(16)
        QTest.touchEvent(viewport, device).move(0, start + QPoint(0, round(dy * k / steps)), viewport).commit()
    qtbot.wait(16)
    QTest.touchEvent(viewport, device).release(0, start + QPoint(0, dy), viewport).commit()


def mouse_drag(qtbot, window, viewport, start: QPoint, dy: int, steps: int = 12) -> None:
    """A left-mouse drag from ``start`` (in the viewport) through the window: the press reaches what is under it."""
    handle = window.windowHandle()
    at = viewport.mapTo(window, start)
    QTest.mouseMove(handle, at)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    for k in range(1, steps + 1):
        qtbot.wait(16)
        QTest.mouseMove(handle, at + QPoint(0, round(dy * k / steps)))
    qtbot.wait(16)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at + QPoint(0, dy))


def built(qtbot, window) -> None:
    """Wait until the pages are built in idle time: laying a hidden page out moves the shown one for a moment."""
    qtbot.waitUntil(lambda: all(page.is_built for page in window.view.pages), timeout=20000)
    settle(qtbot)


def wait_still(qtbot, viewport) -> None:
    scroller = QScroller.scroller(viewport)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    settle(qtbot)


def test_every_scrolling_area_is_set_up(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content, kiosk=True)
    for key in ("situation", "options", "trials", "risks", "summary"):
        go(window, qtbot, key)
        areas = [a for a in window.findChildren(QAbstractScrollArea) if a.isVisible()]
        assert areas and all(a.property(DONE) for a in areas), key
    window.view.show_glossary()
    settle(qtbot)
    dialog = window.view.open_dialogs[-1]
    assert all(a.property(DONE) for a in dialog.findChildren(QAbstractScrollArea))


def test_a_finger_drag_scrolls_a_long_page_and_clicks_nothing(qtbot, make_window, shipped_content, finger):
    window = make_window(content=shipped_content, kiosk=True)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    viewport = page.scroll.viewport()
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 200, "the situation page should be longer than the window"
    answer = next(b for b in page.findChildren(ChoiceButton) if b.isVisible())
    # The answer a little below the middle of the screen, with room left to scroll.
    bar.setValue(max(0, answer.mapTo(page.scroll.widget(), QPoint(0, 0)).y() - viewport.height() // 2))
    settle(qtbot)
    before = bar.value()
    assert bar.maximum() - before > 250
    start = answer.mapTo(viewport, QPoint(20, answer.height() // 2))
    assert viewport.childAt(start) is answer, page.geometry()
    touch_drag(qtbot, viewport, finger, start, -250)
    wait_still(qtbot, viewport)
    assert bar.value() - before >= 200, f"the page moved {bar.value() - before} px for a 250 px drag"
    assert not answer.isChecked() and not answer.isDown(), "the drag chose the answer it started on"
    assert not window.session.has_answers()
    # And back with the finger.
    after = bar.value()
    # Down again, from another answer near the top of the screen: a second drag works like the first.
    second = next(b for b in page.findChildren(ChoiceButton) if b.isVisible() and b is not answer
                  and 0 < b.mapTo(viewport, QPoint(0, 0)).y() < viewport.height() // 3)
    touch_drag(qtbot, viewport, finger, second.mapTo(viewport, QPoint(20, second.height() // 2)), 400)
    wait_still(qtbot, viewport)
    assert bar.value() <= after - 300
    assert not second.isChecked() and not window.session.has_answers()


def test_a_tap_still_chooses(qtbot, make_window, shipped_content, finger):
    window = make_window(content=shipped_content, kiosk=True)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    viewport = page.scroll.viewport()
    answer = next(b for b in page.findChildren(ChoiceButton) if b.isVisible())
    page.scroll.ensureWidgetVisible(answer)
    settle(qtbot)
    at = answer.mapTo(viewport, QPoint(20, answer.height() // 2))
    assert viewport.childAt(at) is answer, page.geometry()
    QTest.touchEvent(viewport, finger).press(0, at, viewport).commit()
    qtbot.wait(30)
    QTest.touchEvent(viewport, finger).release(0, at, viewport).commit()
    qtbot.waitUntil(answer.isChecked, timeout=2000)
    assert window.session.has_answers()


def test_a_mouse_drag_scrolls_and_a_mouse_click_still_clicks(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    page = go(window, qtbot, "risks")
    viewport = page.scroll.viewport()
    bar = page.scroll.verticalScrollBar()
    start = QPoint(viewport.width() // 2, viewport.height() - 50)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 13):
        qtbot.wait(16)
        QTest.mouseMove(viewport, start - QPoint(0, 25 * k))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 300))
    wait_still(qtbot, viewport)
    assert bar.value() >= 200
    page = go(window, qtbot, "situation")
    answer = next(b for b in page.findChildren(ChoiceButton) if b.isVisible())
    click(qtbot, answer)
    qtbot.waitUntil(answer.isChecked, timeout=2000)


def test_the_first_page_scrolls_by_touch_soon_after_the_start(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content, kiosk=True)
    page = window.current_page()
    qtbot.waitUntil(lambda: bool(page.scroll.property(DONE)), timeout=3000)


def test_the_shown_page_keeps_its_height_while_others_are_built(qtbot, make_window, shipped_content):
    """Laying out a hidden page in idle time can leave the shown page, for a while, half its height (its lower half
    then neither touchable nor drawn): once the pages are built, the shown page fills its frame."""
    window = make_window(content=shipped_content, kiosk=True)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    assert page.height() == page.parentWidget().height(), (page.geometry(), page.parentWidget().geometry())


def answer_mid_screen(qtbot, page):
    """A visible answer placed a little above the middle of the screen, with room to scroll both ways."""
    viewport, bar = page.scroll.viewport(), page.scroll.verticalScrollBar()
    answer = next(b for b in page.findChildren(ChoiceButton) if b.isVisible()
                  and b.mapTo(page.scroll.widget(), QPoint(0, 0)).y() > viewport.height())
    bar.setValue(answer.mapTo(page.scroll.widget(), QPoint(0, 0)).y() - viewport.height() // 3)
    settle(qtbot)
    start = answer.mapTo(viewport, QPoint(20, answer.height() // 2))
    assert viewport.childAt(start) is answer
    return answer, start


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "nurse"])
def test_a_mouse_drag_that_starts_on_an_answer_scrolls_and_chooses_nothing(qtbot, make_window, shipped_content,
                                                                            kiosk):
    window = make_window(content=shipped_content, kiosk=kiosk)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    viewport, bar = page.scroll.viewport(), page.scroll.verticalScrollBar()
    for dy in (-250, 250, -250):  # again and again: each drag works like the first
        answer, start = answer_mid_screen(qtbot, page)
        before = bar.value()
        mouse_drag(qtbot, window, viewport, start, dy)
        wait_still(qtbot, viewport)
        moved = bar.value() - before
        assert moved * dy < 0 and abs(moved) >= 200, f"the page moved {moved} px for a {dy} px drag"
        assert not answer.isChecked() and not answer.isDown(), "the drag chose the answer it started on"
        assert not window.session.has_answers()


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "nurse"])
def test_a_mouse_click_on_an_answer_still_chooses_it(qtbot, make_window, shipped_content, kiosk):
    window = make_window(content=shipped_content, kiosk=kiosk)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    answer, start = answer_mid_screen(qtbot, page)
    handle, at = window.windowHandle(), page.scroll.viewport().mapTo(window, start)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(answer.isChecked, timeout=2000)
    assert window.session.has_answers()


def test_a_finger_drag_scrolls_in_nurse_mode_too(qtbot, make_window, shipped_content, finger):
    window = make_window(content=shipped_content)
    page = go(window, qtbot, "situation")
    built(qtbot, window)
    viewport, bar = page.scroll.viewport(), page.scroll.verticalScrollBar()
    answer, start = answer_mid_screen(qtbot, page)
    before = bar.value()
    touch_drag(qtbot, viewport, finger, start, -250)
    wait_still(qtbot, viewport)
    assert bar.value() - before >= 200 and not answer.isChecked() and not window.session.has_answers()


def test_scrolling_areas_share_one_flick_gesture_and_leave_nothing_behind(qtbot):
    """Issue 18: one gesture type for every area (none registered per area), and no Python object left per area."""
    gesture = flick_gesture(KIND.LeftMouseButtonGesture)
    assert flick_gesture(KIND.LeftMouseButtonGesture) == gesture
    members = len(Qt.GestureType._value2member_map_)

    def set_up_and_delete(count: int) -> None:
        for _ in range(count):
            area = QScrollArea()
            assert enable_kinetic_scrolling(area) == [area]
            area.deleteLater()
            settle(qtbot)

    set_up_and_delete(5)
    gc.collect()
    before = len(gc.get_objects())
    set_up_and_delete(100)
    gc.collect()
    assert len(gc.get_objects()) - before < 20, "each scrolling area set up left Python objects behind"
    assert len(Qt.GestureType._value2member_map_) == members, "a new gesture type was registered"
