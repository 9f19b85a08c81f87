"""Every combination of the three situation answers, on screen and in print: what each page must and must not show.

One window walks them all (breast_symptoms x distant_response x months_on_treatment, "not answered" included);
for each, the options page, "What the studies found", the leaning page, the questions page and the printed summary
(its HTML and JSON) are checked against ``expected``, which restates FACTS.md's "Who each figure applies to".
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

from decision_aid.answers import SITUATION_CHOICES, Answers
from decision_aid.summary import build_summary, render_html, summary_json

from ui_helpers import ROOT, go, settle

SYMPTOMS = SITUATION_CHOICES["breast_symptoms"]
RESPONSES = SITUATION_CHOICES["distant_response"]
MONTHS = SITUATION_CHOICES["months_on_treatment"] + (None,)
E2108_SURVIVAL = "about 68 in 100 people"


def e2108_status(bs, dr, mot):
    if bs == "some" or dr == "growing" or mot == "not_started":
        return "not_included"
    if bs == "none" and dr in ("shrinking", "stable") and mot in ("4_to_8", "over_8"):
        return "applies"
    return "unsure"


def words(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def answers_for(bs, dr, mot, leaning="surgery"):
    situation = {"breast_symptoms": bs, "distant_response": dr}
    if mot is not None:
        situation["months_on_treatment"] = mot
    return Answers(situation=situation, leaning=leaning, leaning_situation=dict(situation),
                   values={"avoid_surgery": 4})


def check_one(qtbot, window, bs, dr, mot) -> list[str]:
    bad = []
    session = window.session
    session.replace_answers(answers=answers_for(bs, dr, mot))
    view = session.view
    status = e2108_status(bs, dr, mot)

    options = go(window, qtbot, "options")
    text = words(options)
    if bs == "some":
        for phrase in ("not causing problems", "unless it causes problems"):
            if phrase in text:
                bad.append(f"options: {phrase!r} shown to a person whose tumor causes problems")
    if (dr == "growing" or bs == "some") and E2108_SURVIVAL in text:
        bad.append("options: the E2108 survival figure shown to a person the trial did not take")
    box = options.figures_box
    e2108_lines = [w.objectName() for w in box.findChildren(QLabel) if w.objectName().startswith("study:e2108:")] \
        if box is not None else []
    if E2108_SURVIVAL in text and e2108_lines != [f"study:e2108:{status}"]:
        bad.append(f"options: E2108 figures shown without their applicability ({e2108_lines})")
    for o in view.options:  # each shown option's grid and framing are on screen
        if o.framing_label not in text:
            bad.append(f"options: framing of {o.id} missing")

    trials = go(window, qtbot, "trials")
    if ("trial-e2108" in trials.like_you_ids) != (status == "applies"):
        bad.append(f"trials: E2108 among 'people like you' is {('trial-e2108' in trials.like_you_ids)}")
    card = trials.section_views["trial-e2108"]
    label = next(w for w in card.findChildren(QLabel) if w.objectName().startswith("applicability:"))
    if label.objectName() != f"applicability:{status}":
        bad.append(f"trials: E2108 labelled {label.objectName()}")
    if dr == "growing" and "did not include people whose cancer was growing" not in label.text():
        bad.append("trials: E2108 not plainly labelled for a growing cancer")
    if "trial-mf07" in trials.like_you_ids or "trial-abcsg" in trials.like_you_ids:
        bad.append("trials: a surgery-first trial shown as people like you")
    if not trials.outlook_view.isHidden():
        bad.append("trials: the outlook is shown before the person asks for it")

    leaning = go(window, qtbot, "leaning")
    ids = list(leaning.block.buttons)
    if ids != [lv.id for lv in view.leanings] or ids[:-1] != [o.id for o in view.options] or ids[-1] != "unsure":
        bad.append(f"leaning: choices {ids}")
    if ("symptom_relief" in ids) != (bs in ("some", "unsure")):
        bad.append("leaning: symptom relief")
    for o in view.options:
        if leaning.block.buttons[o.id].text() != o.title:
            bad.append(f"leaning: {o.id} not in the option's words")
    flag_codes = {w.objectName() for w in leaning.findChildren(QLabel) if w.objectName().startswith("flag:")}
    if "flag:against_values" not in flag_codes:
        bad.append("leaning: surgery with 'avoiding an operation' rated highly is not flagged")
    advised = view.option("surgery").framing == "not_usually_advised"
    if ("flag:not_usually_advised" in flag_codes) != advised:
        bad.append("leaning: not-usually-advised flag")

    summary = build_summary(content=session.content, answers=session.answers, clinic=session.clinic)
    html = render_html(summary)
    data = summary_json(summary)
    if (dr == "growing" or bs == "some") and E2108_SURVIVAL in html:
        bad.append("print: the E2108 survival figure printed for a person the trial did not take")
    for option in data["options"]:
        for group in option["key_figures"]:
            for fact in group["facts"]:
                if fact["applicability"]["like_you"] and not (fact["applicability"]["study"] == "e2108"
                                                              and status == "applies"):
                    bad.append(f"print: {fact['id']} printed as people like you")
                if fact["applicability"]["study"] and not fact["applicability"]["text"]:
                    bad.append(f"print: {fact['id']} printed without who its study took")
    codes = [f["code"] for f in data["flags"]]
    if "against_values" not in codes or (("not_usually_advised" in codes) != advised):
        bad.append(f"print: flags {codes}")
    return [f"{bs}/{dr}/{mot}: {b}" for b in bad]


def test_every_combination_on_every_page_and_in_print(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    problems = []
    for bs, dr, mot in itertools.product(SYMPTOMS, RESPONSES, MONTHS):
        problems += check_one(qtbot, window, bs, dr, mot)
    assert not problems, "\n".join(problems)


def test_not_sure_answers_are_suggested_questions_ticked_and_removable(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    go(window, qtbot, "situation").blocks["distant_response"].buttons["unsure"].click()
    settle(qtbot)
    questions = go(window, qtbot, "questions")
    check = questions.checks["situation.under-control"]
    assert check.isChecked() and check.text() == "Is the cancer elsewhere under control?"
    assert questions.suggested_note.isVisible()
    check.click()
    assert "situation.under-control" not in window.session.answers.questions
    summary = window.session.summary()
    assert "Is the cancer elsewhere under control?" not in [q.text for q in summary.questions]


def test_a_changed_situation_asks_to_look_at_the_leaning_again(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    session = window.session
    session.replace_answers(answers=Answers(situation={"breast_symptoms": "none", "distant_response": "stable"}))
    leaning = go(window, qtbot, "leaning")
    leaning.block.buttons["surgery"].click()
    settle(qtbot)
    assert leaning.flags_card is None
    session.set_situation(key="distant_response", value="growing")
    leaning = go(window, qtbot, "leaning")
    text = words(leaning.flags_card)
    assert "You may want to talk this through" in text
    assert "Please look at your leaning again." in text
    assert "In your situation, this is not usually advised." in text
    leaning.keep_button.click()
    settle(qtbot)
    assert "situation_changed" not in [f.code for f in session.view.flags]
    assert "flag:situation_changed" not in {w.objectName() for w in leaning.findChildren(QLabel)}


def test_read_more_shows_the_page_for_the_situation_with_its_figures_labelled(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    window.session.replace_answers(answers=Answers(situation={"breast_symptoms": "none",
                                                              "distant_response": "too_early"}))
    go(window, qtbot, "options")
    window.view.open_page("option-surgery")
    settle(qtbot)
    dialog = window.view.open_dialogs[-1]
    assert dialog.page.id == "option-surgery"
    pictures = [c.applicability.text() for c in dialog.view.comparisons]
    assert pictures and all("This trial took only people whose cancer elsewhere had not grown" in t
                            for t in pictures)
    dialog.close()
    window.session.replace_answers(answers=Answers(situation={"breast_symptoms": "some"}))
    window.view.open_page("option-surgery")  # a link to the option opens its page for this situation
    settle(qtbot)
    dialog = window.view.open_dialogs[-1]
    assert dialog.page.id == "option-surgery-symptoms"
    assert "not causing problems" not in dialog.view.page.text
    dialog.close()


@pytest.mark.parametrize("name,situation", [
    ("symptomatic", {"breast_symptoms": "some", "symptom_kinds": ("bleeding",), "distant_response": "stable",
                     "months_on_treatment": "4_to_8"}),
    ("growing", {"breast_symptoms": "none", "distant_response": "growing", "months_on_treatment": "4_to_8"}),
])
def test_screenshots_of_tailored_pages(qtbot, make_window, shipped_content, name, situation):
    """docs/screenshots: the options and studies pages for a symptomatic and a "growing" situation."""
    from test_screenshots import whole_page

    window = make_window(content=shipped_content)
    window.session.replace_answers(answers=Answers(situation=situation))
    out = ROOT / "docs" / "screenshots"
    for key in ("options", "trials"):
        page = go(window, qtbot, key)
        path = out / f"{key}-{name}.png"
        whole_page(page, path, high_contrast=False)
        if key == "trials":  # the lead, the trials like them, and the first of the other studies, unfolded
            page.others_button.setChecked(True)
            settle(qtbot)
            whole_page(page, path, high_contrast=False)
            host = page.scroll.widget()
            first = page.others_box.layout().itemAt(0).widget()
            bottom = first.mapTo(host, first.rect().topLeft()).y() + 700
            picture = QPixmap(str(path))
            assert picture.copy(0, 0, picture.width(), min(bottom, picture.height())).save(str(path))
        assert path.stat().st_size > 10_000


def test_need_help_panel_on_the_welcome_and_the_summary_page(qtbot, make_window, shipped_content):
    from decision_aid.clinic import Clinic

    window = make_window(content=shipped_content, clinic=Clinic(name="Riverside Breast Clinic", phone="555 0100",
                                                                nurse="at the front desk"))
    welcome = go(window, qtbot, "welcome")
    assert welcome.help_panel.isVisible()
    text = words(welcome.help_panel)
    assert "Need help? What happens next" in text and "Call Riverside Breast Clinic on 555 0100." in text
    summary = go(window, qtbot, "summary")
    settle(qtbot)
    assert summary.help_panel.isVisible() and "You can find a nurse at the front desk." in words(summary.help_panel)
    assert "Call Riverside Breast Clinic on 555 0100." in words(summary.help_panel)


def test_need_help_panel_without_a_clinic_file(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    welcome = go(window, qtbot, "welcome")
    assert "call the number on your clinic letter" in words(welcome.help_panel)


def test_property_no_page_shows_a_study_outside_its_population_as_like_you(qtbot, make_window, shipped_content):
    """Any answers at all (Hypothesis): the studies page and the options page call a study "people like you" only
    when every answer it depends on is one the study took."""
    import sys

    from hypothesis import HealthCheck, given, settings

    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from test_tailor_everything import answers_strategy

    window = make_window(content=shipped_content)
    studies = {s.id: s for s in shipped_content.tailoring.studies}

    def took(study_id, answers):
        study = studies[study_id]
        return study.kind == "matched" and all(answers.situation.get(c.answer) in c.took for c in study.criteria)

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(answers_strategy())
    def check(answers):
        window.session.replace_answers(answers=answers)
        trials = go(window, qtbot, "trials")
        for page_id in trials.like_you_ids:
            study = next(s for s in studies.values() if page_id in s.pages)
            assert took(study.id, answers), page_id
        options = go(window, qtbot, "options")
        if options.figures_box is not None:
            for label in options.figures_box.findChildren(QLabel):
                name = label.objectName()
                if name.startswith("study:") and name.endswith(":applies"):
                    assert took(name.split(":")[1], answers), name

    check()
