"""Accessibility: a name for every control, touch targets of 44 px, contrast in both themes, visible focus, every
control reachable by Tab, the shipped font, and pictures with a text equivalent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from decision_aid.ui import theme
from decision_aid.ui.choice_buttons import ChoiceButton
from decision_aid.ui.icon_array import IconArray
from decision_aid.ui.labels import RichText

from ui_checks import named_and_big_enough, shown, small_targets, unnamed_focusable
from ui_helpers import OPEN_TRIALS_CLINIC, problems_on_every_page, settle


@pytest.mark.parametrize("high_contrast", [False, True])
@pytest.mark.parametrize("name,a,b,minimum", [(f"{a} on {b}", a, b, 4.5) for a, b in theme.TEXT_PAIRS]
                         + [(f"{a} beside {b}", a, b, 3.0) for a, b in theme.SHAPE_PAIRS])
def test_contrast_of_the_theme(high_contrast, name, a, b, minimum):
    t = theme.theme_for(high_contrast=high_contrast)
    ratio = theme.contrast_ratio(getattr(t, a), getattr(t, b))
    assert ratio >= minimum, f"{t.name}: {name} is {ratio:.2f}:1"


def test_contrast_formula():
    assert round(theme.contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(theme.contrast_ratio("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_window_uses_the_theme(qtbot, make_window, fixture_content, high_contrast):
    """The colours on screen are the theme's (a style sheet can silently stop a palette from reaching a widget)."""
    window = make_window(content=fixture_content)
    window.session.set_high_contrast(on=high_contrast)
    window.wizard.go_to(1)
    settle(qtbot)
    t = theme.theme_for(high_contrast=high_contrast)
    button = window.current_page().findChildren(ChoiceButton)[0]
    assert button.accent.name() == t.accent and button.surface.name() == t.surface and button.ring.name() == t.focus
    text = window.current_page().findChildren(RichText)[0]
    assert text.link.name() == t.link
    picture = window.grab().toImage()
    background = QColor(picture.pixel(window.width() // 2, window.height() - 5)).name()
    assert background == t.window
    assert theme.contrast_ratio(button.ink.name(), button.surface.name()) >= 4.5


def test_every_control_named_and_big_enough_on_every_page(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content, clinic=OPEN_TRIALS_CLINIC)
    problems = problems_on_every_page(window, qtbot, named_and_big_enough)
    assert not problems, "\n".join(problems)


def test_dialogs_named_and_big_enough(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    view = window.view
    problems = []
    for open_dialog in (lambda: view.show_glossary(term_id=sorted(shipped_content.glossary)[0]),
                        view.show_glossary, view.show_about, lambda: view.open_page("option-surgery")):
        open_dialog()
        settle(qtbot)
        dialog = view.open_dialogs[-1]
        problems += [f"{dialog.objectName()}: unnamed {p}" for p in unnamed_focusable(dialog)]
        problems += [f"{dialog.objectName()}: small {p}" for p in small_targets(dialog)]
        dialog.close()
        settle(qtbot)
    assert not problems, "\n".join(problems)


def test_focus_is_visible(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.wizard.go_to(1)
    settle(qtbot)
    t = theme.theme_for(high_contrast=False)
    focus_colour = QColor(t.focus)
    for widget in (window.current_page().findChildren(ChoiceButton)[0], window.wizard.back_button,
                   window.view.top_bar.glossary_button):
        window.wizard.next_button.setFocus()
        settle(qtbot)
        before = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        settle(qtbot)
        after = widget.grab().toImage()
        assert before != after, f"{widget.objectName()}: focus does not show"
        colours = {QColor(after.pixel(x, after.height() // 2)).rgb() for x in range(0, 6)}
        assert focus_colour.rgb() in colours, f"{widget.objectName()}: no focus ring at its edge"


def test_tab_reaches_every_control_of_a_page(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    for key in ("situation", "values", "questions", "summary"):
        window.view.go_to_page(key)
        settle(qtbot)
        window.activateWindow()
        window.wizard.next_button.setFocus() if window.wizard.next_button.isEnabled() else \
            window.wizard.back_button.setFocus()
        wanted = {w for w in shown(window) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                  and w.isEnabled() and w.focusProxy() is None}
        reached = set()
        order = []
        for _ in range(len(wanted) * 3 + 20):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            reached.add(focus)
            order.append(focus)
        # Answers of one question are one stop for Tab; the arrow keys move between them (as everywhere in Qt).
        missing = []
        for w in wanted - reached:
            group = w.group() if hasattr(w, "group") else None
            if group is not None and group.exclusive() and reached & set(group.buttons()):
                continue
            missing.append(w.accessibleName() or type(w).__name__)
        assert not missing, f"{key}: Tab never reaches {missing}"
        # One round of Tab: the top bar, the steps, the page from top to bottom, then Back and Next.
        page = window.current_page()
        start = order.index(window.view.findChildren(QWidget, "glossaryButton")[0])
        back = order.index(window.wizard.back_button, start)
        round_one = order[start:back]
        in_page = [w for w in round_one if page.isAncestorOf(w)]
        assert set(in_page) == {w for w in reached if page.isAncestorOf(w)}, "the whole page comes before Back"
        host = page.scroll.widget()
        tops = [w.mapTo(host, w.rect().topLeft()).y() for w in in_page if host.isAncestorOf(w)]
        assert tops == sorted(tops), f"{key}: Tab does not go down the page in order"


def test_pictures_have_a_text_equivalent(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    window.view.go_to_page("trials")
    settle(qtbot)
    arrays = window.current_page().findChildren(IconArray)
    assert arrays
    for array in arrays:
        assert array.accessibleName() == array.caption
        assert array.accessibleDescription().startswith("Picture of 100 people:")


def test_the_shipped_font_is_used(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    label = window.current_page().heading
    assert QFontInfo(label.font()).family() == "Atkinson Hyperlegible"
    assert QFontInfo(window.wizard.next_button.font()).family() == "Atkinson Hyperlegible"


def test_text_grows_to_double(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.wizard.go_to(1)
    settle(qtbot)
    button = window.current_page().findChildren(ChoiceButton)[0]
    small = QFontInfo(button.font()).pixelSize()
    window.session.set_text_scale(scale=200)
    settle(qtbot)
    assert QFontInfo(button.font()).pixelSize() >= 1.9 * small
    assert button.height() >= 44


def test_meaning_not_by_colour_alone(qtbot, make_window, fixture_content):
    """A chosen answer is bold with a filled dot, not only a different colour; the current step has a marker."""
    window = make_window(content=fixture_content)
    window.wizard.go_to(1)
    settle(qtbot)
    button = window.current_page().findChildren(ChoiceButton)[0]
    plain = button.grab().toImage()
    button.click()
    settle(qtbot)
    chosen = button.grab().toImage()

    def grey(img):
        return img.convertToFormat(img.Format.Format_Grayscale8)

    assert grey(plain) != grey(chosen), "the chosen answer looks the same in grey"
    assert window.view.step_list.list.item(1).text().startswith("▸")


def test_every_focusable_widget_in_a_fresh_window_is_named(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content, kiosk=True)
    problems = unnamed_focusable(window)
    assert not problems
    assert all(isinstance(w, QWidget) for w in shown(window))
