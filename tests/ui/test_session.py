"""The Session (pure Python: tests/unit/test_core_without_qt.py proves it runs without Qt), one per person; what the
pages write and what a reset throws away."""

import pytest

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic
from decision_aid.session import TEXT_SCALES, Session

from ui_helpers import OPEN_TRIALS_CLINIC


@pytest.fixture
def session(fixture_content):
    return Session(content=fixture_content)


def test_answers_changed_names_what_changed(session):
    seen = []
    session.answers_changed.connect(lambda s, what: seen.append(what))
    session.set_situation(key="breast_symptoms", value="some")
    session.set_value(key="live_longer", value=4)
    session.set_leaning(value="unsure")
    session.set_sure(key="sure", value=False)
    session.set_question(question_id="decision.wait", ticked=True)
    session.add_own_question(text="  Can   I wait?  ")
    session.set_name(name=" Ann ")
    assert seen == ["situation", "values", "leaning", "sure", "questions", "own_questions", "name"]
    a = session.answers
    assert a.situation == {"breast_symptoms": "some"} and a.values == {"live_longer": 4}
    assert a.sure_flagged() and a.own_questions == ("Can I wait?",) and a.name == "Ann"


def test_no_event_when_nothing_changes(session):
    seen = []
    session.answers_changed.connect(lambda s, what: seen.append(what))
    session.set_situation(key="tumor_type", value=None)
    session.set_value(key="live_longer", value=None)
    session.set_leaning(value=None)
    assert not session.add_own_question(text="   ")
    assert seen == []


def test_pages_re_render_only_when_the_situation_changes(session):
    first = session.view
    assert session.view is first  # kept while nothing changes
    session.set_value(key="live_longer", value=2)
    assert session.view.render_key == first.render_key  # values change flags, not what the pages show
    session.set_situation(key="breast_symptoms", value="none")
    session.set_situation(key="distant_response", value="growing")
    assert session.view.render_key != first.render_key
    assert session.view.option("surgery").framing == "not_usually_advised"


def test_symptom_kinds_only_kept_while_the_tumor_causes_problems(session):
    session.set_situation(key="breast_symptoms", value="some")
    session.set_situation(key="symptom_kinds", value=["pain", "bleeding"])
    assert session.answers.situation["symptom_kinds"] == ("bleeding", "pain")  # in the form's order
    session.set_situation(key="breast_symptoms", value="none")
    assert "symptom_kinds" not in session.answers.situation


def test_questions_keep_the_prompt_list_order(session):
    session.set_question(question_id="decision.wait", ticked=True)
    session.set_question(question_id="decision.advice", ticked=True)
    assert session.answers.questions == ("decision.advice", "decision.wait")
    session.set_question(question_id="decision.advice", ticked=False)
    assert session.answers.questions == ("decision.wait",)


def test_bad_values_are_refused(session):
    with pytest.raises(ValueError):
        session.set_situation(key="breast_symptoms", value="maybe")
    with pytest.raises(ValueError):
        session.set_value(key="live_longer", value=5)
    with pytest.raises(ValueError):
        session.set_question(question_id="nope", ticked=True)


def test_text_scale_steps_and_limits(session):
    assert session.text_scale == TEXT_SCALES[0]
    for _ in range(10):
        session.larger_text()
    assert session.text_scale == 200
    session.smaller_text()
    assert session.text_scale == 175
    session.set_text_scale(scale=113)
    assert session.text_scale == 100 or session.text_scale == 125


def test_clinic_trials_change_the_view(fixture_content):
    plain = Session(content=fixture_content)
    with_trials = Session(content=fixture_content, clinic=OPEN_TRIALS_CLINIC)
    assert plain.view.values["clinic_trials"] == ("no",)
    assert with_trials.view.values["clinic_trials"] == ("yes",)


def test_a_new_session_shares_nothing_with_the_old(fixture_content):
    old = Session(content=fixture_content, clinic=Clinic())
    old.set_situation(key="breast_symptoms", value="some")
    old.set_high_contrast(on=True)
    old.larger_text()
    new = Session(content=fixture_content, clinic=Clinic())
    assert new.answers == Answers() and not new.has_answers()
    assert new.text_scale == 100 and not new.high_contrast
    assert new.answers_changed is not old.answers_changed


def test_the_leaning_remembers_its_situation_and_a_change_is_flagged(shipped_content):
    session = Session(content=shipped_content)
    session.set_situation(key="breast_symptoms", value="none")
    session.set_situation(key="distant_response", value="stable")
    session.set_leaning(value="surgery")
    assert session.answers.leaning_situation == {"breast_symptoms": "none", "distant_response": "stable"}
    assert "situation_changed" not in [f.code for f in session.view.flags]
    session.set_situation(key="distant_response", value="growing")
    codes = [f.code for f in session.view.flags]
    assert "situation_changed" in codes and "not_usually_advised" in codes
    session.confirm_leaning()
    assert "situation_changed" not in [f.code for f in session.view.flags]
    assert session.answers.leaning_situation == session.answers.situation


def test_a_not_sure_answer_ticks_its_suggested_question_and_a_later_answer_unticks_it(shipped_content):
    session = Session(content=shipped_content)
    session.set_situation(key="distant_response", value="unsure")
    assert session.answers.questions == ("situation.under-control",)
    session.set_question(question_id="situation.under-control", ticked=False)  # removable
    session.set_situation(key="tumor_type", value="unsure")
    assert session.answers.questions == ("situation.tumor-type",)
    session.set_situation(key="tumor_type", value="hr_positive")
    assert session.answers.questions == ()
