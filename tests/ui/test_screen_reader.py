"""What a screen reader (and a keyboard user) gets: focus on the new page's heading after Next and Back, the step in
the window title, the change announced, status changes announced, links that say where they lead, skips that put
Next within 10 Tab presses on every page, and a walk of the accessibility tree of every page, nurse and kiosk mode,
that fails on an unnamed control, a heading without its role, an answer group without its question, a cut text or
a name that does not contain the words on the control."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from decision_aid.content.markup import html_to_text
from decision_aid.ui import read_aloud, semantics
from decision_aid.ui.choice_buttons import ChoiceButton, ChoiceCheck
from decision_aid.ui.labels import RichText
from decision_aid.ui.steps import PAGES

from ui_helpers import FULL, OPEN_TRIALS_CLINIC, go, settle

MODES = [pytest.param(False, id="nurse"), pytest.param(True, id="kiosk")]


@pytest.fixture(autouse=True)
def no_voice():
    """The read-aloud control is there or not depending on the computer: these tests use a fixed one."""
    from decision_aid import speech

    read_aloud.use_backend(speech.EspeakNg("espeak-ng"))
    yield
    read_aloud._FOUND.clear()


@pytest.mark.parametrize("kiosk", MODES)
def test_next_and_back_focus_the_heading_name_the_step_and_announce_it(qtbot, make_window, shipped_content, kiosk):
    window = make_window(content=shipped_content, kiosk=kiosk)
    window.activateWindow()
    view = window.view
    QTest.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    page = window.current_page()
    step = f"Step 2 of 9: {page.title_text}"
    assert QApplication.focusWidget() is page.heading
    assert window.windowTitle().startswith(step + " — ")
    assert view.announcements[-1] == step
    heading = QAccessible.queryAccessibleInterface(page.heading)
    assert heading.role() == QAccessible.Role.Heading and heading.text(QAccessible.Text.Name) == page.title_text
    QTest.mouseClick(window.wizard.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert QApplication.focusWidget() is window.current_page().heading
    assert view.announcements[-1].startswith("Step 1 of 9: ")


def test_status_changes_are_announced(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    page = go(window, qtbot, "questions")
    page.entry.setText("Can I keep working?")
    page.add_button.click()
    settle(qtbot)
    assert window.view.announcements[-1] == "Question added"
    window.session.remove_own_question(index=0)
    settle(qtbot)
    assert window.view.announcements[-1] == "Question removed"


def test_links_in_text_are_reached_by_keyboard_and_say_where_they_lead(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    window.activateWindow()
    page = go(window, qtbot, "options")
    label = next(t for t in page.findChildren(RichText) if t.isVisible() and "<a " in t.html())
    assert label.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Links: " in label.accessibleDescription() and "opens " in label.accessibleDescription()
    label.setFocus(Qt.FocusReason.TabFocusReason)
    settle(qtbot)
    heard = len(window.view.announcements)
    QTest.keyClick(label, Qt.Key.Key_Tab)
    settle(qtbot)
    said = window.view.announcements[heard:]
    assert said and said[0].startswith("Link: ") and "opens " in said[0], said


@pytest.mark.parametrize("kiosk", MODES)
def test_next_is_at_most_10_tab_presses_from_the_top_of_every_page(qtbot, make_window, shipped_content, kiosk):
    window = make_window(content=shipped_content, kiosk=kiosk, clinic=OPEN_TRIALS_CLINIC)
    window.session.replace_answers(answers=FULL)
    window.activateWindow()
    counts = {}
    for page_id, (key, _, _) in enumerate(PAGES[:-1]):  # the summary page is the last: it has no Next
        window.wizard.go_to(page_id)
        settle(qtbot)
        page = window.current_page()
        # From the heading (where Next, Back and the step list leave the focus) and from the window's first control.
        for start, label in ((page.heading, "heading"), (window.view.top_bar.smaller_button, "top")):
            if not start.isEnabled():
                start = window.view.top_bar.larger_button
            start.setFocus(Qt.FocusReason.OtherFocusReason)
            presses = 0
            while QApplication.focusWidget() not in (page.skip_next, window.wizard.next_button) and presses < 80:
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
                presses += 1
            if QApplication.focusWidget() is page.skip_next:
                QTest.keyClick(page.skip_next, Qt.Key.Key_Space)
            counts[f"{key} from the {label}"] = presses
            assert QApplication.focusWidget() is window.wizard.next_button, key
        if page.skip_question.isVisible():
            page.skip_question.click()
            assert isinstance(QApplication.focusWidget(), (ChoiceButton, QAbstractButton)), key
    assert max(counts.values()) <= 10, counts


# -- the tree, as an assistive technology reads it ------------------------------------------------------------------

def walk(interface, seen=None):
    seen = set() if seen is None else seen
    if interface is None or not interface.isValid():
        return
    obj = interface.object()
    if obj is not None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
    yield interface
    for i in range(interface.childCount()):
        yield from walk(interface.child(i), seen)


def tree_faults(window) -> list[str]:
    faults = []
    found_headings = found_groups = 0
    for node in walk(QAccessible.queryAccessibleInterface(window)):
        w = node.object()
        if not isinstance(w, QWidget) or not w.isVisible() or node.state().invisible:
            continue
        name = node.text(QAccessible.Text.Name) or ""
        where = f"{type(w).__name__}({w.objectName()}:{name[:40]!r})"
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled() and not name.strip():
            faults.append(f"unnamed control {where}")
        if isinstance(w, QLabel) and w.property("role") in semantics.HEADING_LEVELS:
            found_headings += 1
            if node.role() != QAccessible.Role.Heading:
                faults.append(f"heading without the heading role {where}")
            attributes = node.attributesInterface()
            level = attributes.attributeValue(QAccessible.Attribute.Level) if attributes is not None else None
            if level != semantics.HEADING_LEVELS[w.property("role")]:
                faults.append(f"heading without its level {where}: {level!r}")
        if any(isinstance(c, ChoiceButton) for c in w.children()):
            found_groups += 1
            block = w.parentWidget()
            prompt = getattr(block, "prompt", None)
            if node.role() != QAccessible.Role.Grouping or prompt is None or name != prompt.text():
                faults.append(f"answer group without its question {where}: role {node.role()}")
        if sum(isinstance(c, ChoiceCheck) and not c.isHidden() for c in w.children()) >= 2:
            found_groups += 1
            headings = [h.text() for h in w.findChildren(QLabel) if h.property("role") in semantics.HEADING_LEVELS]
            if node.role() != QAccessible.Role.Grouping or name not in headings:
                faults.append(f"tick-box group without its heading {where}: role {node.role()}")
        if isinstance(w, RichText):
            plain = " ".join(html_to_text(w.html()).split())
            if not node.text(QAccessible.Text.Description).startswith(plain):
                faults.append(f"text cut for screen readers {where}: {len(plain)} characters")
        if isinstance(w, QAbstractButton):
            words = semantics.visible_words(w)
            if words and words.lower() not in name.lower():
                faults.append(f"label not in name {where}: shows {words!r}")
    if not found_headings:
        faults.append("no heading found in the tree")
    return faults, found_groups


@pytest.fixture
def screen_reader_running():
    """Qt as it is while a screen reader listens: it describes each widget as the widget is made (without one, only
    when first asked), which is what hid headings and groups from AT-SPI until each page was described again."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


@pytest.mark.parametrize("kiosk", MODES)
def test_the_accessibility_tree_of_every_page(qtbot, screen_reader_running, make_window, shipped_content, kiosk):
    window = make_window(content=shipped_content, kiosk=kiosk, clinic=OPEN_TRIALS_CLINIC)
    window.session.replace_answers(answers=FULL)
    problems = []
    groups = {}
    for page_id, (key, _, _) in enumerate(PAGES):
        window.wizard.go_to(page_id)
        settle(qtbot)
        faults, groups[key] = tree_faults(window)
        problems += [f"{key}: {f}" for f in faults]
    assert groups["situation"] >= 5, groups
    assert not problems, "\n".join(problems)


def test_the_tree_check_catches_each_fault(qtbot, make_window, fixture_content):
    """The walk above would fail on each fault it looks for (so a pass means something)."""
    window = make_window(content=fixture_content)
    page = go(window, qtbot, "situation")
    assert tree_faults(window)[0] == []
    orphan = QWidget(page.scroll.widget())  # answers with no question above them
    ChoiceButton("Yes", orphan).show()
    orphan.show()
    loose = QLabel("A heading Qt met before it was one", page.scroll.widget())
    QAccessible.queryAccessibleInterface(loose)
    loose.setProperty("role", "subheading")
    loose.show()
    ticks = QWidget(page.scroll.widget())  # tick boxes under a heading, never named by it
    ticks_heading = QLabel("Some questions", ticks)
    ticks_heading.setProperty("role", "subheading")
    for words in ("One", "Two"):
        ChoiceCheck(words, ticks).show()
    ticks.show()
    text = next(t for t in page.findChildren(RichText) if t.isVisible())
    text.setAccessibleDescription(text.accessibleDescription()[:10])
    window.view.top_bar.larger_button.setAccessibleName("Bigger")
    faults = "\n".join(tree_faults(window)[0])
    assert "answer group without its question" in faults
    assert "heading without the heading role" in faults and "heading without its level" in faults
    assert "tick-box group without its heading" in faults
    assert "text cut" in faults
    assert "label not in name" in faults and "'A+'" in faults
    plain = QLabel("x", page)
    plain.setProperty("role", "subheading")
    plain.show()
    interface = QAccessible.queryAccessibleInterface(plain)
    assert interface.role() == QAccessible.Role.Heading  # set up by the factory for every heading, new ones too


def test_headings_have_their_level_and_every_interface_of_a_heading_is_safe_to_ask_for(qtbot):
    """Qt (its AT-SPI bridge first) asks a heading's interface for each kind of interface through the virtual
    interface_cast, implemented in Python: the level comes back, and "none" comes back as a null pointer C++ can
    take (returned as None or as an int address, it crashed the aid)."""
    semantics.install_factory()
    for role, level in semantics.HEADING_LEVELS.items():
        label = QLabel(role)
        qtbot.addWidget(label)
        label.setProperty("role", role)
        heading = QAccessible.queryAccessibleInterface(label)
        attributes = heading.attributesInterface()
        assert attributes.attributeKeys() == [QAccessible.Attribute.Level]
        assert attributes.attributeValue(QAccessible.Attribute.Level) == level
        assert attributes.attributeValue(QAccessible.Attribute.Locale) is None
        assert heading.actionInterface() is not None  # the base class's, passed on
        for none in (heading.textInterface(), heading.editableTextInterface(), heading.valueInterface(),
                     heading.tableCellInterface(), heading.selectionInterface()):
            assert none is None


def test_a_heading_qt_described_before_it_was_one_is_described_again(qtbot, screen_reader_running, make_window,
                                                                       fixture_content):
    """With a screen reader running, Qt describes each widget as it is made, before it is a heading: the page's
    preparation drops that description, so the heading gets its role and level."""
    window = make_window(content=fixture_content)
    page = go(window, qtbot, "situation")
    late = QLabel("Made while a screen reader listens", page.scroll.widget())
    assert QAccessible.queryAccessibleInterface(late).role() != QAccessible.Role.Heading
    late.setProperty("role", "heading")
    semantics.describe(page)
    again = QAccessible.queryAccessibleInterface(late)
    assert again.role() == QAccessible.Role.Heading
    assert again.attributesInterface().attributeValue(QAccessible.Attribute.Level) == 2


@pytest.mark.parametrize("kiosk", MODES)
def test_start_over_with_a_screen_reader_running(qtbot, screen_reader_running, make_window, shipped_content, kiosk):
    """Start over builds a new view while Qt describes every widget as it is made: the old headings' interfaces
    (and their level objects, held from Python) go with their widgets, and the new page's heading is a heading."""
    import gc

    window = make_window(content=shipped_content, kiosk=kiosk)
    for _ in range(2):
        for page_id in range(len(PAGES)):
            window.wizard.go_to(page_id)
            settle(qtbot)
        window.reset()
        settle(qtbot)
        gc.collect()
    heading = QAccessible.queryAccessibleInterface(window.current_page().heading)
    assert heading.role() == QAccessible.Role.Heading
    assert heading.attributesInterface().attributeValue(QAccessible.Attribute.Level) == 1
    assert not tree_faults(window)[0]


def test_with_no_screen_reader_listening_no_interface_is_made_to_be_kept_forever(qtbot, make_window, shipped_content):
    """PySide6 keeps every interface a Python factory returns until the application ends: with no assistive
    technology listening none may be made, or each kiosk session leaves about 40 behind (scripts/soak.py)."""
    import gc

    def made() -> int:
        gc.collect()
        return sum(isinstance(o, (semantics.HeadingInterface, semantics.GroupInterface)) for o in gc.get_objects())

    QAccessible.setActive(False)
    window = make_window(content=shipped_content, kiosk=True)
    before = made()
    for _ in range(3):
        window.wizard.go_next()
        qtbot.wait(10)
        window.reset()
    assert made() == before
    assert semantics.HeadingInterface(window.view.findChild(QLabel), 2).attributes is semantics.level_attributes(2)
