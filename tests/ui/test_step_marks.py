"""Issue 18, nurse mode: the step list marks each step answered (or, for a step that only tells, seen), in text and
in what a screen reader says; the kiosk's list has no marks."""

from PySide6.QtCore import Qt

from ui_helpers import settle


def marks(window):
    steps = window.view.step_list
    return {n: steps.list.item(i).text().endswith("✓") for i, n in enumerate(steps.numbers)}


def test_steps_are_marked_as_they_are_answered(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content, kiosk=False)
    assert marks(window)[1] and not any(v for n, v in marks(window).items() if n != 1)  # welcome: seen
    window.view.session.set_leaning(value="surgery")
    window.view.session.set_value(key="live_longer", value=3)
    settle(qtbot)
    done = {n for n, v in marks(window).items() if v}
    assert done == {1, 6, 7}
    item = window.view.step_list.list.item(window.view.step_list.numbers.index(7))
    assert item.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", done")
    window.wizard.next_button.click()
    settle(qtbot)
    assert marks(window)[2] is False  # the situation step is seen but asks: not done until answered


def test_no_marks_in_the_kiosk(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content, kiosk=True)
    window.view.session.set_leaning(value="surgery")
    settle(qtbot)
    assert not any(marks(window).values())
