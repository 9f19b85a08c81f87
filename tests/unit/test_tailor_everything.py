"""``tailor`` on the shipped content: who each figure applies to, which option page, which leanings, which flags and
suggested questions, for every combination of the three situation answers, and a property test over any answers."""

import functools
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_aid.answers import LIST_FIELDS, SITUATION_CHOICES, VALUE_ITEMS, Answers
from decision_aid.content import load_content
from decision_aid.tailoring import tailor

SHIPPED = Path(__file__).resolve().parents[2] / "content"
SYMPTOMS = SITUATION_CHOICES["breast_symptoms"]
RESPONSES = SITUATION_CHOICES["distant_response"]
MONTHS = SITUATION_CHOICES["months_on_treatment"] + (None,)  # None: not answered


@functools.lru_cache(maxsize=1)
def content():
    return load_content(SHIPPED)


def situation(bs, dr, mot):
    out = {"breast_symptoms": bs, "distant_response": dr}
    if mot is not None:
        out["months_on_treatment"] = mot
    return out


def expected_e2108(bs, dr, mot):
    if bs == "some" or dr == "growing" or mot == "not_started":
        return "not_included"
    if bs == "none" and dr in ("shrinking", "stable") and mot in ("4_to_8", "over_8"):
        return "applies"
    return "unsure"


def shown_facts(c, view):
    """Every figure the shown option pages state, in their text, grid and pictures."""
    facts = set()
    for o in view.options:
        page = c.pages[o.page_id]
        facts |= set(page.facts) | {f for comp in page.compare for f in comp.facts}
    return facts


def hidden_or_labelled(c, view, bs, dr):
    """A trial that did not take people whose tumor causes problems or whose cancer grows: its figures are not on
    their option pages at all. Any other figure on them comes with the words on who its study took."""
    facts = shown_facts(c, view)
    excluded = {f for f, use in view.figures.items() if use.status == "not_included"}
    if bs == "some" or dr == "growing":
        assert not facts & excluded
    for f in facts:
        use = view.figure(f)
        assert use.status == "general" or use.text, f


@pytest.mark.parametrize("bs,dr,mot", list(itertools.product(SYMPTOMS, RESPONSES, MONTHS)))
def test_every_situation(bs, dr, mot):
    c = content()
    view = tailor(c, Answers(situation=situation(bs, dr, mot), leaning="surgery"))
    e2108 = view.study("e2108")
    assert e2108.status == expected_e2108(bs, dr, mot)
    if dr == "growing":
        assert "This trial did not include people whose cancer was growing." in e2108.text
        assert view.study("jcog").status == "not_included"
    elif bs == "some":
        assert "This trial did not include people whose breast tumor caused problems." in e2108.text
    if e2108.status == "unsure":
        assert "would change what we show" in e2108.text or "Your team can tell you" in e2108.text
    # MF07-01 and ABCSG-28 never describe "people like you"
    assert view.study("mf07").status == view.study("abcsg").status == "not_comparable"
    # the studies that took people like this person come first
    statuses = [s.status for s in view.studies]
    assert statuses == sorted(statuses, key=lambda s: s != "applies")
    hidden_or_labelled(c, view, bs, dr)
    # no page describes a situation the person told us is not theirs
    for o in view.options:
        page = c.pages[o.page_id]
        text = page.text + " ".join(page.grid.values())
        if bs == "some":
            assert "not causing problems" not in text and "unless it causes problems" not in text, page.id
    # every option shown is a possible leaning, in the same words, and nothing else
    assert [(lv.id, lv.label) for lv in view.leanings[:-1]] == [(o.id, o.title) for o in view.options]
    assert view.leanings[-1].id == "unsure"
    assert ("symptom_relief" in [lv.id for lv in view.leanings]) == (bs in ("some", "unsure"))
    # flags
    codes = [f.code for f in view.flags]
    assert ("not_usually_advised" in codes) == (view.option("surgery").framing == "not_usually_advised")
    assert "unanswered_steps" in codes
    if dr == "growing":
        assert "not_usually_advised" in codes


def test_not_sure_answers_become_suggested_questions():
    c = content()
    answers = Answers(situation={"breast_symptoms": "unsure", "distant_response": "unsure",
                                 "tumor_type": "her2_positive", "spread_sites": ("bone", "unsure")})
    view = tailor(c, answers)
    assert view.suggested_questions == ("situation.breast-problems", "situation.under-control",
                                        "situation.where-spread")
    assert c.prompt("situation.under-control").text == "Is the cancer elsewhere under control?"


def test_a_leaning_against_strong_values_is_flagged():
    c = content()
    answers = Answers(situation={"breast_symptoms": "none", "distant_response": "stable"}, leaning="surgery",
                      values={"avoid_surgery": 3})
    flags = tailor(c, answers).flags
    assert [f.code for f in flags] == ["against_values", "unanswered_steps"]
    assert flags[0].text.startswith("You are leaning towards surgery, and avoiding an operation matters a lot")
    calm = Answers(situation=answers.situation, leaning="surgery", values={"avoid_surgery": 2})
    assert "against_values" not in [f.code for f in tailor(c, calm).flags]


def test_a_situation_changed_after_the_leaning_is_flagged():
    c = content()
    before = {"breast_symptoms": "unsure", "distant_response": "stable"}
    after = {"breast_symptoms": "none", "distant_response": "stable"}
    view = tailor(c, Answers(situation=after, leaning="symptom_relief", leaning_situation=before))
    codes = [f.code for f in view.flags]
    assert "situation_changed" in codes and "leaning_not_shown" in codes
    same = tailor(c, Answers(situation=after, leaning="medicines_only", leaning_situation=dict(after)))
    assert "situation_changed" not in [f.code for f in same.flags]


def test_unanswered_steps_are_named():
    c = content()
    view = tailor(c, Answers())
    assert [s for s, _ in view.unanswered_steps] == ["situation", "values", "leaning", "sure"]
    flag = next(f for f in view.flags if f.code == "unanswered_steps")
    assert flag.text.startswith("Not answered: Your situation, What matters to you")
    done = Answers(situation={"breast_symptoms": "none"}, values={"live_longer": 2}, leaning="unsure",
                   sure={"sure": True})
    assert tailor(c, done).unanswered_steps == ()


def test_symptomatic_person_gets_pages_that_fit():
    c = content()
    view = tailor(c, Answers(situation={"breast_symptoms": "some", "distant_response": "stable"}))
    assert view.option("medicines_only").page_id == "option-medicines-symptoms"
    assert view.option("surgery").page_id == "option-surgery-symptoms"
    assert view.option("symptom_relief").framing == "standard"


def answers_strategy():
    single = {k: st.one_of(st.none(), st.sampled_from(v)) for k, v in SITUATION_CHOICES.items() if k not in LIST_FIELDS}
    lists = {k: st.lists(st.sampled_from(v), unique=True) for k, v in SITUATION_CHOICES.items() if k in LIST_FIELDS}

    def build(singles, lists_, leaning, values):
        sit = {k: v for k, v in singles.items() if v is not None}
        sit.update({k: tuple(x for x in SITUATION_CHOICES[k] if x in v) for k, v in lists_.items() if v})
        return Answers(situation=sit, leaning=leaning, values=values)

    return st.builds(build, st.fixed_dictionaries(single), st.fixed_dictionaries(lists),
                     st.one_of(st.none(), st.sampled_from(("medicines_only", "surgery", "radiation", "trial",
                                                           "symptom_relief", "unsure"))),
                     st.dictionaries(st.sampled_from(VALUE_ITEMS), st.integers(0, 4)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy())
def test_no_figure_is_ever_applicable_outside_its_population(answers):
    c = content()
    view = tailor(c, answers)
    for fact_id, use in view.figures.items():
        if not use.like_you:
            continue
        study = c.tailoring.study(use.study)
        assert study.kind == "matched"
        for criterion in study.criteria:
            assert answers.situation.get(criterion.answer) in criterion.took, (fact_id, criterion.answer)
    hidden_or_labelled(c, view, answers.situation.get("breast_symptoms"), answers.situation.get("distant_response"))


def test_help_panel_uses_the_clinic_file_and_has_words_without_one():
    from decision_aid.clinic import Clinic
    from decision_aid.help_panel import help_panel

    c = content()
    with_clinic = help_panel(c, Clinic(name="Riverside Breast Clinic", phone="555 0100", nurse="at the front desk"))
    assert with_clinic.title == "Need help? What happens next"
    assert "You can find a nurse at the front desk." in with_clinic.lines
    assert "Questions after you leave? Call Riverside Breast Clinic on 555 0100." in with_clinic.lines
    without = help_panel(c, Clinic())
    assert without.lines[-1] == "Ask at the front desk for a nurse, or call the number on your clinic letter."
    assert not any("{" in line for line in without.lines + with_clinic.lines)
