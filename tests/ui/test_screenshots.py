"""What a person sees: every page and dialog saved as a picture at 100 % and 200 % text, in both themes, under
artifacts/screenshots/ (look at them), and measured: no text cut off, nothing off the edge, nothing on top of
something else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from decision_aid.errors import AnswersError, Problem
from decision_aid.ui import dialogs, theme
from decision_aid.ui.dialogs import MessageDialog
from decision_aid.ui.steps import PAGES

from ui_checks import layout_problems
from ui_helpers import FULL, OPEN_TRIALS_CLINIC, SCREENSHOTS, settle

MODES = [(100, False), (200, False), (100, True), (200, True)]


def folder(scale: int, high_contrast: bool):
    path = SCREENSHOTS / f"{'high-contrast' if high_contrast else 'standard'}-{scale}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def shot(widget, path) -> None:
    assert widget.grab().save(str(path)), path


def whole_page(page, path, *, high_contrast: bool) -> None:
    """The whole scrolling page on the theme's background (the page itself is transparent over the window)."""
    host = page.scroll.widget()
    picture = QPixmap(host.size())
    picture.fill(QColor(theme.theme_for(high_contrast=high_contrast).window))
    host.render(picture, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    assert picture.save(str(path)), path


@pytest.mark.parametrize("scale,high_contrast", MODES, ids=[f"{s}{'-hc' if h else ''}" for s, h in MODES])
def test_every_page(qtbot, make_window, shipped_content, scale, high_contrast):
    window = make_window(content=shipped_content, clinic=OPEN_TRIALS_CLINIC)
    session = window.session
    session.replace_answers(answers=FULL)
    session.set_question(question_id=shipped_content.prompt_groups[0].prompts[0].id, ticked=True)
    session.set_text_scale(scale=scale)
    session.set_high_contrast(on=high_contrast)
    out = folder(scale, high_contrast)
    problems = []
    for page_id, (key, _, _) in enumerate(PAGES):
        window.wizard.go_to(page_id)
        settle(qtbot)
        shot(window, out / f"{page_id:02d}-{key}.png")
        page = window.current_page()
        whole_page(page, out / f"{page_id:02d}-{key}-whole-page.png", high_contrast=high_contrast)
        problems += [f"{key}: {p}" for p in layout_problems(window)]
        page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
        settle(qtbot)
        problems += [f"{key} (scrolled to the end): {p}" for p in layout_problems(window)]
        page.scroll.verticalScrollBar().setValue(0)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scale", [100, 200])
def test_dialogs(qtbot, make_window, shipped_content, scale):
    window = make_window(content=shipped_content, clinic=OPEN_TRIALS_CLINIC)
    window.session.set_text_scale(scale=scale)
    window.session.replace_answers(answers=FULL)
    settle(qtbot)
    view = window.view
    out = folder(scale, False)
    problems = []

    def capture(dialog, name):
        settle(qtbot)
        shot(dialog, out / f"dialog-{name}.png")
        problems.extend(f"{name}: {p}" for p in layout_problems(dialog))
        dialog.close()
        settle(qtbot)

    term = sorted(shipped_content.glossary)[0]
    capture(view.show_glossary(term_id=term), "glossary-word")
    capture(view.show_glossary(), "glossary")
    capture(view.show_about(), "about")
    view.open_page("option-surgery")
    capture(view.open_dialogs[-1], "option-surgery")
    view.open_page("option-trial")
    capture(view.open_dialogs[-1], "option-trial-with-clinic-trials")
    view.actions.request_start_over()
    capture(view.last_message, "start-over")
    error = AnswersError([Problem("/home/nurse/answers.json", "situation.breast_symptoms",
                                  "one of: none, some, unsure", "'maybe'")])
    capture(dialogs.show_problems(view, title="The answers file was not opened",
                                  text="/home/nurse/answers.json is not a valid answers file, so nothing was "
                                       "changed. Your answers on screen are kept.", error=error), "answers-error")
    assert not problems, "\n".join(problems)
    assert isinstance(view.last_message, MessageDialog)


def test_narrow_window_at_double_text(qtbot, make_window, shipped_content):
    """A small screen (1024 x 768) at 200 %: the grid turns into questions one by one, nothing is cut off."""
    window = make_window(content=shipped_content, size=(1024, 768))
    window.session.replace_answers(answers=FULL)
    window.session.set_text_scale(scale=200)
    out = folder(200, False)
    problems = []
    for page_id, (key, _, _) in enumerate(PAGES):
        window.wizard.go_to(page_id)
        settle(qtbot)
        problems += [f"{key}: {p}" for p in layout_problems(window)]
        if key == "options":
            assert window.current_page().grid.mode == "stacked"
            shot(window, out / "small-screen-options.png")
            whole_page(window.current_page(), out / "small-screen-options-whole-page.png", high_contrast=False)
    assert not problems, "\n".join(problems)
