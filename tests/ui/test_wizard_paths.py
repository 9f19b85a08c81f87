"""Every situation of the tailoring table in DESIGN.md, walked from Welcome to the summary by mouse, by keyboard
alone and by touch, on the shipped content; the option grid shows what the tailoring says, nothing more or less."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from decision_aid.tailoring import tailor

from ui_helpers import OPEN_TRIALS_CLINIC, click, page, settle

# The rows of DESIGN.md, "Tailoring": a situation, and what the aid must put first for it.
PATHS = {
    "symptoms": dict(
        situation={"breast_symptoms": "some", "symptom_kinds": ("bleeding", "pain"), "distant_response": "stable"},
        lead="note-symptoms", framings={"symptom_relief": "standard", "medicines_only": "standard"}),
    "growing-no-symptoms": dict(
        situation={"breast_symptoms": "none", "distant_response": "growing"},
        lead="note-growing", framings={"surgery": "not_usually_advised", "radiation": "not_usually_advised"}),
    "balanced": dict(
        situation={"breast_symptoms": "none", "distant_response": "stable"},
        lead="note-balanced", framings={"medicines_only": "standard", "surgery": "option_to_discuss"}),
    "too-early": dict(
        situation={"breast_symptoms": "none", "distant_response": "too_early", "months_on_treatment": "under_4"},
        lead="note-too-early", framings={"medicines_only": "standard"}),
    "few-spots": dict(
        situation={"breast_symptoms": "none", "distant_response": "shrinking", "spread_extent": "few",
                   "spread_sites": ("liver",)},
        notes=["note-few-spots"], framings={"surgery": "option_to_discuss"}),
    "her2-strong": dict(
        situation={"breast_symptoms": "none", "distant_response": "shrinking", "tumor_type": "her2_positive"},
        notes=["note-her2"], framings={}),
    "bone-only": dict(
        situation={"breast_symptoms": "none", "distant_response": "stable", "spread_sites": ("bone",)},
        notes=["note-bone"], framings={}),
    "trial-offered": dict(
        situation={"breast_symptoms": "none", "distant_response": "stable", "trial_offered": "yes"},
        notes=["note-trial-offered"], framings={"trial": "option_to_discuss"}),
    "clinic-trials": dict(
        situation={"breast_symptoms": "none", "distant_response": "stable", "trial_offered": "not_discussed"},
        clinic=OPEN_TRIALS_CLINIC, notes=["note-clinic-trials"], framings={"trial": "option_to_discuss"}),
    "symptoms-and-growing": dict(
        situation={"breast_symptoms": "some", "symptom_kinds": ("open_wound",), "distant_response": "growing"},
        lead="note-symptoms-growing", framings={"surgery": "not_usually_advised", "symptom_relief": "standard"}),
    "unsure-everywhere": dict(
        situation={"breast_symptoms": "unsure", "distant_response": "unsure", "months_on_treatment": "unsure",
                   "spread_sites": ("unsure",), "spread_extent": "unsure", "tumor_type": "unsure",
                   "trial_offered": "not_discussed"},
        lead="note-unsure", framings={"symptom_relief": "option_to_discuss", "medicines_only": "standard"}),
    "nothing-answered": dict(situation={}, lead="note-unsure", framings={"medicines_only": "standard"}),
}


# -- ways of answering ----------------------------------------------------------------------------------------------

def scroll_into_view(qtbot, widget: QWidget) -> None:
    """As a person would: scroll the page until the control is on screen."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)
        settle(qtbot)


def by_mouse(qtbot, widget: QWidget) -> None:
    scroll_into_view(qtbot, widget)
    click(qtbot, widget)


def by_touch(qtbot, widget: QWidget) -> None:
    """A finger tap near the left of the answer (Qt turns unhandled touches into clicks)."""
    scroll_into_view(qtbot, widget)
    device = getattr(by_touch, "device", None)
    if device is None:
        device = by_touch.device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    point = QPoint(min(24, widget.width() // 2), widget.height() // 2)
    QTest.touchEvent(widget.window().windowHandle(), device).press(0, widget.mapTo(widget.window(), point))
    QTest.touchEvent(widget.window().windowHandle(), device).release(0, widget.mapTo(widget.window(), point))
    settle(qtbot)


def tab_to(qtbot, window, accept, *, limit: int = 600) -> QWidget:
    """Press Tab until a widget ``accept`` likes has the focus, as a keyboard user would."""
    for _ in range(limit):
        focus = QApplication.focusWidget()
        if focus is not None and accept(focus):
            return focus
        QTest.keyClick(focus or window, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the control")


def by_keyboard(qtbot, widget: QWidget) -> None:
    """Tab to the answer's group, arrow keys to the answer (radio buttons), or Space to tick (check boxes)."""
    window = widget.window()
    group = getattr(widget, "group", lambda: None)()
    if group is not None and group.exclusive():
        buttons = group.buttons()
        focus = tab_to(qtbot, window, lambda w: w in buttons)
        if not focus.isChecked() and focus is not widget:
            QTest.keyClick(focus, Qt.Key.Key_Space)
        while QApplication.focusWidget() is not widget:
            here = buttons.index(QApplication.focusWidget())
            key = Qt.Key.Key_Down if buttons.index(widget) > here else Qt.Key.Key_Up
            before = QApplication.focusWidget()
            QTest.keyClick(before, key)
            if QApplication.focusWidget() is before:  # side by side: left and right
                QTest.keyClick(before, Qt.Key.Key_Right if key == Qt.Key.Key_Down else Qt.Key.Key_Left)
            assert QApplication.focusWidget() is not before, "arrow keys did not move between the answers"
        if not widget.isChecked():
            QTest.keyClick(widget, Qt.Key.Key_Space)
    else:
        tab_to(qtbot, window, lambda w: w is widget)
        QTest.keyClick(widget, Qt.Key.Key_Space)
    settle(qtbot)


def press_next(qtbot, window, how) -> None:
    if how is by_keyboard:
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        settle(qtbot)
    else:
        how(qtbot, window.wizard.next_button)


# -- the walk ---------------------------------------------------------------------------------------------------------

def walk(qtbot, window, situation: dict, how) -> None:
    """Welcome to the summary, answering every page the way ``how`` answers."""
    wizard = window.wizard
    window.activateWindow()
    assert window.current_page().objectName() == "page:welcome"
    press_next(qtbot, window, how)

    situation_page = window.current_page()
    assert situation_page.objectName() == "page:situation"
    for key, value in situation.items():
        block = situation_page.blocks[key]
        if isinstance(value, tuple):
            for choice in value:
                how(qtbot, block.checks[choice])
        else:
            how(qtbot, block.buttons[value])
    assert dict(window.session.answers.situation) == situation
    press_next(qtbot, window, how)

    assert window.current_page().objectName() == "page:options"
    press_next(qtbot, window, how)
    assert window.current_page().objectName() == "page:trials"
    press_next(qtbot, window, how)
    assert window.current_page().objectName() == "page:risks"
    press_next(qtbot, window, how)

    values = window.current_page()
    first, last = list(values.items)[0], list(values.items)[-1]
    how(qtbot, values.items[first].buttons["4"])
    how(qtbot, values.items[last].buttons["1"])
    assert window.session.answers.values == {first: 4, last: 1}
    press_next(qtbot, window, how)

    leaning = window.current_page()
    how(qtbot, leaning.block.buttons["unsure"])
    assert window.session.answers.leaning == "unsure"
    press_next(qtbot, window, how)

    sure = window.current_page()
    assert not sure.flag.isVisible()
    how(qtbot, sure.items["sure"].buttons["no"])
    how(qtbot, sure.items["support"].buttons["yes"])
    assert window.session.answers.sure == {"sure": False, "support": True}
    assert sure.flag.isVisible(), "a 'no' on the SURE test is flagged"
    press_next(qtbot, window, how)

    questions = window.current_page()
    first_prompt = next(iter(questions.checks))
    suggested = window.session.view.suggested_questions  # each "I'm not sure" ticked its question
    assert window.session.answers.questions == suggested
    assert all(questions.checks[q].isChecked() for q in suggested)
    how(qtbot, questions.checks[first_prompt])  # ticks it, or unticks a suggested one: they are removable
    assert set(window.session.answers.questions) == set(suggested) ^ {first_prompt}
    press_next(qtbot, window, how)

    assert window.current_page().objectName() == "page:summary"
    assert wizard.visitedIds() == list(range(len(wizard.step_pages)))
    assert not wizard.next_button.isEnabled()


def check_options_page(qtbot, window, expected: dict) -> None:
    """The grid shows exactly the tailored options, framed in words, with the lead message and notes above."""
    content, session = window.content, window.session
    view = tailor(content, session.answers, clinic_has_trials=session.clinic.has_trials)
    options = window.view.pages[2]
    window.wizard.go_to(2)
    settle(qtbot)
    grid = options.grid
    assert [o.id for o in grid.options] == [o.id for o in view.options]
    assert "medicines_only" in grid.headers
    for option in view.options:
        header = grid.headers[option.id]
        assert option.framing_label in [label.text() for label in header.findChildren(QLabel)]
    for option_id, framing in expected.get("framings", {}).items():
        assert view.option(option_id) is not None, f"{option_id} is shown"
        assert view.option(option_id).framing == framing
    notes = list(options.note_views)
    assert notes == [n.id for n in view.notes]
    if "lead" in expected:
        assert notes[0] == expected["lead"]
        assert options.note_views[notes[0]].property("role") == "lead"
    for note in expected.get("notes", []):
        assert note in notes
    if session.clinic.has_trials and view.option("trial") is not None:
        assert options.clinic_box is not None and options.clinic_box.isVisible()
    # each option's full page is one click away
    option = view.options[-1]
    by_mouse(qtbot, grid.headers[option.id].read_more if grid.mode == "columns"
             else grid.stacked_headers[option.id].read_more)
    dialog = window.view.open_dialogs[-1]
    assert dialog.objectName() == f"page:{option.page_id}"
    dialog.reject()
    settle(qtbot)


@pytest.mark.parametrize("name", list(PATHS))
def test_every_situation_by_mouse(qtbot, make_window, shipped_content, name):
    expected = PATHS[name]
    window = make_window(content=shipped_content, clinic=expected.get("clinic"))
    walk(qtbot, window, expected["situation"], by_mouse)
    check_options_page(qtbot, window, expected)
    summary = window.session.summary()
    assert summary is not None


@pytest.mark.parametrize("name", ["symptoms", "balanced", "unsure-everywhere"])
def test_situations_by_keyboard_alone(qtbot, make_window, shipped_content, name):
    window = make_window(content=shipped_content)
    walk(qtbot, window, PATHS[name]["situation"], by_keyboard)


@pytest.mark.parametrize("name", ["growing-no-symptoms", "trial-offered"])
def test_situations_by_touch(qtbot, make_window, shipped_content, name):
    window = make_window(content=shipped_content)
    walk(qtbot, window, PATHS[name]["situation"], by_touch)


def test_walk_at_double_text_size(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    window.session.set_text_scale(scale=200)
    settle(qtbot)
    walk(qtbot, window, PATHS["symptoms"]["situation"], by_mouse)
    check_options_page(qtbot, window, PATHS["symptoms"])


def test_fixture_content_walk(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    walk(qtbot, window, {"breast_symptoms": "none", "distant_response": "growing"}, by_mouse)
    check_options_page(qtbot, window, {"lead": "note-growing", "framings": {"surgery": "not_usually_advised"}})


def test_symptom_kinds_asked_only_when_the_tumor_causes_problems(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.wizard.go_to(1)
    settle(qtbot)
    situation = page(window, "situation")
    kinds = situation.blocks["symptom_kinds"]
    assert not kinds.isVisible()
    click(qtbot, situation.blocks["breast_symptoms"].buttons["some"])
    assert kinds.isVisible()
    click(qtbot, kinds.checks["pain"])
    click(qtbot, situation.blocks["breast_symptoms"].buttons["none"])
    assert not kinds.isVisible()
    assert "symptom_kinds" not in window.session.answers.situation


def test_not_sure_cannot_sit_beside_a_definite_place(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.wizard.go_to(1)
    settle(qtbot)
    sites = page(window, "situation").blocks["spread_sites"]
    click(qtbot, sites.checks["bone"])
    click(qtbot, sites.checks["lung"])
    assert window.session.answers.situation["spread_sites"] == ("bone", "lung")
    click(qtbot, sites.checks["unsure"])
    assert window.session.answers.situation["spread_sites"] == ("unsure",)
    assert not sites.checks["bone"].isChecked()
    click(qtbot, sites.checks["liver"])
    assert window.session.answers.situation["spread_sites"] == ("liver",)


def test_every_question_offers_not_sure(shipped_content):
    for key, question in shipped_content.form.situation.items():
        if key == "symptom_kinds":
            continue  # a list of problems: none ticked is the answer "none of these"
        assert {"unsure", "not_discussed"} & set(question.choices), key
