"""Moving around (Back, Next, the step list, shortcuts, links), the glossary and About, the answers file, kiosk
mode, and Start over throwing the whole session away."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from decision_aid.answers import Answers, save_answers
from decision_aid.i18n import format_date
from decision_aid.ui.dialogs import MessageDialog
from decision_aid.ui.reader import GlossaryDialog, GlossaryPopup, PageDialog
from decision_aid.ui.steps import PAGE_IDS, PAGES

from ui_helpers import click, page, settle


def key(window, qtbot, k, mods=Qt.KeyboardModifier.NoModifier):
    if QApplication.activeModalWidget() is None:
        window.activateWindow()  # as the window system does when a dialog closes
        settle(qtbot)
    QTest.keyClick(QApplication.focusWidget() or window, k, mods)
    settle(qtbot)


def test_back_and_next_follow_the_steps_after_a_jump(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    wizard = window.wizard
    assert not wizard.back_button.isEnabled()
    window.view.go_to_step(9)
    settle(qtbot)
    assert window.current_page().objectName() == "page:summary"
    click(qtbot, wizard.back_button)
    assert window.current_page().objectName() == "page:questions"
    window.view.go_to_step(2)
    settle(qtbot)
    click(qtbot, wizard.next_button)
    assert window.current_page().objectName() == "page:options"
    for _ in range(20):
        click(qtbot, wizard.next_button)
    assert wizard.currentId() == len(PAGES) - 1 and not wizard.next_button.isEnabled()
    for _ in range(20):
        click(qtbot, wizard.back_button)
    assert wizard.currentId() == 0


def test_step_list_jumps_and_shows_where_you_are(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    steps = window.view.step_list
    assert steps.list.count() == 9
    item = steps.list.item(6)
    rect = steps.list.visualItemRect(item)
    qtbot.mouseClick(steps.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    assert window.current_page().objectName() == "page:leaning"
    assert steps.list.currentRow() == 6 and steps.list.item(6).text().startswith("▸")
    click(qtbot, window.wizard.next_button)  # the SURE test is part of step 7
    assert window.current_page().objectName() == "page:sure"
    assert steps.list.currentRow() == 6
    assert window.current_page().caption.text() == "Step 7 of 9"


def test_keyboard_shortcuts(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    key(window, qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.currentId() == 1
    key(window, qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.wizard.currentId() == 0
    key(window, qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().objectName() == "page:risks"
    key(window, qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.session.text_scale == 125
    key(window, qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.session.text_scale == 100
    key(window, qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.session.high_contrast and window.view.top_bar.contrast_button.isChecked()
    key(window, qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.view.open_dialogs[-1], GlossaryDialog)
    window.view.close_dialogs()
    key(window, qtbot, Qt.Key.Key_F1)
    assert window.view.open_dialogs[-1].objectName() == "about"


def test_escape_never_closes_the_wizard(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.wizard.go_to(3)
    key(window, qtbot, Qt.Key.Key_Escape)
    assert window.wizard.isVisible() and window.wizard.currentId() == 3


def test_text_size_and_contrast_buttons(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    view = window.view
    assert not view.top_bar.smaller_button.isEnabled()
    for _ in range(4):
        click(qtbot, view.top_bar.larger_button)
    assert window.session.text_scale == 200 and not view.top_bar.larger_button.isEnabled()
    assert window.current_page().heading.font().pointSizeF() >= 2 * 12 * 1.5
    click(qtbot, view.top_bar.contrast_button)
    assert window.session.high_contrast
    assert view.palette().color(view.palette().ColorRole.Window).name() == "#000000"


def test_glossary_words_explain_themselves(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.view.open_link("glossary:stage%204")
    settle(qtbot)
    popup = window.view.open_dialogs[-1]
    assert isinstance(popup, GlossaryPopup) and popup.term_id == "stage 4"
    assert "spread" in popup.definition.text()
    all_words = [b for b in popup.findChildren(QPushButton) if b.text() == "All words"][0]
    click(qtbot, all_words)
    glossary = window.view.open_dialogs[-1]
    assert isinstance(glossary, GlossaryDialog)
    assert set(glossary.entries) == set(fixture_content.glossary)


def test_glossary_link_activated_from_the_page_text(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    content_view = window.current_page().intro.layout().itemAt(0).widget()
    content_view.text.linkActivated.emit("glossary:stage%204")
    settle(qtbot)
    assert isinstance(window.view.open_dialogs[-1], GlossaryPopup)


def test_page_links_go_to_the_step_or_open_the_page(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    view = window.view
    view.open_link("page:local-therapy")
    settle(qtbot)
    reader = view.open_dialogs[-1]
    assert isinstance(reader, PageDialog) and reader.page.id == "local-therapy"
    view.open_link("page:risks")  # a link inside the reader: to a step of its own
    settle(qtbot)
    assert window.current_page().objectName() == "page:risks"
    assert not shiboken6.isValid(reader) or not reader.isVisible()
    view.open_link("page:trial-e2108")
    settle(qtbot)
    trials = window.current_page()
    assert trials.objectName() == "page:trials"
    section = trials.section_views["trial-e2108"]
    top = section.mapTo(trials.scroll.widget(), section.rect().topLeft()).y()
    assert trials.scroll.verticalScrollBar().value() > 0
    assert abs(trials.scroll.verticalScrollBar().value() - top) < 40
    view.open_link("page:about")
    settle(qtbot)
    assert view.open_dialogs[-1].objectName() == "about"


def test_trials_page_shows_each_comparison_as_pictures_side_by_side(qtbot, make_window, shipped_content):
    from decision_aid.ui.icon_array import IconArray

    window = make_window(content=shipped_content)
    trials = window.view.pages[PAGE_IDS["trials"]]
    window.wizard.go_to(PAGE_IDS["trials"])
    settle(qtbot)
    assert trials.heading.text() == shipped_content.pages["trials"].title  # the overview leads the step
    arrays = trials.findChildren(IconArray)
    compared = [c for p in shipped_content.pages_for("trials") for c in p.compare]
    assert len(arrays) == sum(len(c.facts) for c in compared)
    for comparison in compared:
        fact = shipped_content.facts[comparison.facts[0]]
        caption = next(a.caption for a in arrays if a.caption.startswith(fact.phrase + ":"))
        assert fact.population in caption and fact.time_frame in caption
    pair = [a for a in arrays if a.parentWidget() is arrays[0].parentWidget()]
    assert len(pair) >= 2 and pair[0].y() == pair[1].y(), "the pictures of one comparison sit side by side"


def test_clinic_trials_listed_on_the_trials_page(qtbot, make_window, fixture_content):
    from ui_helpers import OPEN_TRIALS_CLINIC

    window = make_window(content=fixture_content, clinic=OPEN_TRIALS_CLINIC)
    window.wizard.go_to(PAGE_IDS["trials"])
    settle(qtbot)
    box = window.current_page().clinic_box
    assert box is not None and box.isVisible()
    text = " ".join(label.text() for label in box.findChildren(QLabel))
    assert "NCT00000000" in text and "Research nurse, room 4" in text and "Riverside Breast Clinic" in text


def test_about_this_aid(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    for page_id in range(len(PAGES)):
        window.wizard.go_to(page_id)
        assert window.view.top_bar.more_button.isVisible()
        actions = [a.text().split("\t")[0] for a in window.view.top_bar.more_button.menu().actions()]
        assert actions == ["About this aid", "Save answers…", "Open answers…"]
    about = window.view.show_about()
    settle(qtbot)
    facts = about.facts.text()
    bundle = shipped_content.bundle
    assert bundle.version in facts and format_date(bundle.review_due) in facts  # "23 November 2027"
    assert shipped_content.fingerprint[:8] in facts and shipped_content.fingerprint[-8:] in facts
    assert ("not yet reviewed by a clinician" in facts) == bundle.is_draft
    assert "development team" in facts and "no clinician has reviewed this version yet" in facts
    texts = " ".join(w.text() for w in about.findChildren(type(about.facts)))
    for ref in shipped_content.references.values():
        assert ref.citation.replace("&", "&amp;") in texts or ref.citation in texts


def test_draft_banner_on_every_page(qtbot, make_window, fixture_content):
    assert fixture_content.bundle.is_draft
    window = make_window(content=fixture_content)
    for page_id in range(len(PAGES)):
        window.wizard.go_to(page_id)
        settle(qtbot)
        assert window.view.banner.isVisible()
        banner = window.view.banner.findChild(QLabel, "draftText").text()
        assert banner == "This aid is being checked by the clinic's doctors."


# -- Start over ----------------------------------------------------------------------------------------------------

def answer_a_lot(qtbot, window):
    window.wizard.go_to(1)
    settle(qtbot)
    situation = window.current_page()
    click(qtbot, situation.blocks["breast_symptoms"].buttons["some"])
    click(qtbot, situation.blocks["symptom_kinds"].checks["pain"])
    window.wizard.go_to(PAGE_IDS["values"])
    settle(qtbot)
    click(qtbot, window.current_page().items["live_longer"].buttons["3"])
    window.wizard.go_to(PAGE_IDS["questions"])
    settle(qtbot)
    questions = window.current_page()
    questions.entry.setText("Who do I call at night?")
    click(qtbot, questions.add_button)
    window.session.set_text_scale(scale=150)
    window.session.set_high_contrast(on=True)


def test_start_over_throws_everything_away(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    old_session, old_view, old_wizard = window.session, window.view, window.wizard
    old_radio = page(window, "situation").blocks["breast_symptoms"].buttons["some"]
    window.view.show_glossary()
    glossary = window.view.open_dialogs[-1]
    click(qtbot, window.view.start_over_button)
    box = window.view.last_message
    assert isinstance(box, MessageDialog) and box.isVisible()
    yes = box.findChild(QPushButton, "confirmYes")
    click(qtbot, yes)
    settle(qtbot, 50)
    assert window.session is not old_session and window.view is not old_view and window.wizard is not old_wizard
    assert window.session.answers == Answers() and window.session.text_scale == 100
    assert not window.session.high_contrast
    assert window.wizard.currentId() == 0 and window.wizard.visitedIds() == [0]
    assert not shiboken6.isValid(old_view) and not shiboken6.isValid(old_radio)
    assert not shiboken6.isValid(glossary) or not glossary.isVisible()
    window.wizard.go_to(1)
    settle(qtbot)
    situation = window.current_page()
    assert not any(b.isChecked() for block in situation.blocks.values()
                   for b in getattr(block, "buttons", getattr(block, "checks", {})).values())
    window.wizard.go_to(PAGE_IDS["questions"])
    settle(qtbot)
    assert window.current_page().own_layout.count() == 0


def test_start_over_can_be_called_off(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    session = window.session
    click(qtbot, window.view.start_over_button)
    click(qtbot, window.view.last_message.findChild(QPushButton, "confirmNo"))
    assert window.session is session and session.has_answers()


def test_reset_is_a_fresh_window_content(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    seen = []
    window.session_reset.connect(lambda: seen.append(1))
    window.reset()
    settle(qtbot)
    assert seen == [1] and not window.session.has_answers()


def test_building_every_page_makes_no_widget_without_a_parent(qtbot, make_window, fixture_content):
    """Issue 18: a page's frame once made a box for content pages on every page, and placed it only on pages that have
    some (not Options, not Sure): two parentless widgets a session, alive as long as their pages' Python wrappers."""
    window = make_window(content=fixture_content)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    for each in window.view.pages:
        each.ensure_built()
    settle(qtbot)
    made = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert made == []
    assert all(each.intro.parent() is not None for each in window.view.pages if each.STEP)


# -- the answers file -----------------------------------------------------------------------------------------------

def test_save_and_open_the_answers_file(qtbot, make_window, fixture_content, tmp_path, monkeypatch):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    path = tmp_path / "answers.json"
    monkeypatch.setattr(window.view, "choose_save_path", lambda **kw: str(path))
    window.view.actions.save_answers_file()
    saved = json.loads(path.read_text())
    assert saved["situation"]["breast_symptoms"] == "some"
    assert saved["own_questions"] == ["Who do I call at night?"]
    window.reset()
    settle(qtbot)
    monkeypatch.setattr(window.view, "choose_open_path", lambda **kw: str(path))
    window.view.actions.load_answers_file()
    settle(qtbot)
    assert window.session.answers.situation["symptom_kinds"] == ("pain",)
    window.wizard.go_to(1)
    settle(qtbot)
    assert window.current_page().blocks["breast_symptoms"].buttons["some"].isChecked()
    assert window.current_page().blocks["symptom_kinds"].isVisible()


def test_a_bad_answers_file_is_refused_and_nothing_is_lost(qtbot, make_window, fixture_content, tmp_path):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    before = window.session.answers
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "decision-aid-answers", "version": 1,
                               "situation": {"breast_symptoms": "maybe"}, "colour": "blue"}))
    window.view.actions.load_answers_from(str(bad))
    settle(qtbot)
    box = window.view.last_message
    assert isinstance(box, MessageDialog) and box.isVisible()
    message = box.text() + "\n" + box.informativeText()
    assert str(bad) in message
    assert "situation.breast_symptoms" in message and "'maybe'" in message
    assert "colour" in message
    assert window.session.answers is before
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    window.view.actions.load_answers_from(str(broken))
    settle(qtbot)
    assert "valid JSON" in window.view.last_message.informativeText()
    assert window.session.answers is before


def test_opening_a_file_over_answers_asks_first(qtbot, make_window, fixture_content, tmp_path):
    window = make_window(content=fixture_content)
    answer_a_lot(qtbot, window)
    path = tmp_path / "other.json"
    save_answers(Answers(leaning="surgery"), path)
    window.view.actions.load_answers_from(str(path))
    settle(qtbot)
    assert window.session.answers.leaning is None
    click(qtbot, window.view.last_message.findChild(QPushButton, "confirmYes"))
    assert window.session.answers == Answers(leaning="surgery")


# -- kiosk ------------------------------------------------------------------------------------------------------------

def test_kiosk_has_no_file_dialogs(qtbot, make_window, fixture_content, monkeypatch):
    def no_dialog(*args, **kwargs):
        raise AssertionError("a file dialog in kiosk mode")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_dialog)
    window = make_window(content=fixture_content, kiosk=True)
    view = window.view
    assert view.top_bar.save_action is None and view.top_bar.load_action is None and view.top_bar.more_button is None
    click(qtbot, view.top_bar.about_button)
    assert view.open_dialogs[-1].objectName() == "about"
    view.close_dialogs()
    assert view.step_list.list.focusPolicy() == Qt.FocusPolicy.NoFocus
    key(window, qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    key(window, qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    view.actions.save_answers_file()
    view.actions.load_answers_file()
    assert view.choose_save_path(title="x", suggested="y", file_filter="z") is None
    window.wizard.go_to(PAGE_IDS["summary"])
    settle(qtbot)
    assert window.current_page().pdf_button is None  # no export folder in this clinic: no PDF from the kiosk


@pytest.mark.parametrize("kiosk", [False, True])
def test_kiosk_from_the_clinic_file(qtbot, make_window, fixture_content, kiosk):
    from decision_aid.clinic import Clinic

    window = make_window(content=fixture_content, clinic=Clinic(kiosk=kiosk))
    assert window.kiosk is kiosk
