"""The shipped content bundle: strict check, reading level, figures only from facts, tailoring for every situation."""

import itertools
from pathlib import Path

import pytest

from decision_aid.answers import SITUATION_CHOICES, Answers
from decision_aid.content import load_content
from decision_aid.content.checker import GRADE_LIMITS, check_content
from decision_aid.content.checks import trial_name_words
from decision_aid.content.markup import bare_numbers
from decision_aid.tailoring import tailor

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def report():
    return check_content(CONTENT, strict=True)


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def test_shipped_content_passes_strict_check(report):
    assert report.ok, report.report()


def test_reading_level_of_every_page(report, content, capsys):
    rows = sorted(report.grades.items(), key=lambda kv: kv[1], reverse=True)
    with capsys.disabled():
        print("\nFlesch-Kincaid grade of each page (limit: patient 8, nurse 10):")
        for page_id, grade in rows:
            page = content.page(page_id)
            print(f"  {grade:5.1f}  {page.audience:<7}  {page_id}")
    too_hard = [(pid, g) for pid, g in rows if g > GRADE_LIMITS[content.page(pid).audience]]
    assert not too_hard


def test_every_number_on_screen_comes_from_a_fact(content):
    allowed = list(content.bundle.number_phrases) + trial_name_words(content.references.values())
    for page in content.pages.values():
        text = page.text
        # Longest first, so that "1.42" is not half-removed by a shorter phrase such as "1.4".
        for phrase in sorted({content.facts[fid].phrase for fid in page.facts}, key=len, reverse=True):
            text = text.replace(phrase, " ")
        assert bare_numbers(text, allowed) == [], page.path
        assert "{{" not in page.html and "[[" not in page.html, page.path


def test_every_wizard_step_has_a_page(content):
    for step in ("welcome", "situation", "local-therapy", "trials", "risks", "values", "leaning", "questions",
                 "summary", "about"):
        assert content.pages_for(step), step


def test_option_pages_exist_for_every_option(content):
    ids = [o.id for o in content.tailoring.options]
    assert ids[0] == "medicines_only"
    assert {"medicines_only", "surgery", "radiation", "trial", "symptom_relief"} <= set(ids)


def test_prompt_list_has_at_least_twenty_questions_in_groups(content):
    assert sum(len(g.prompts) for g in content.prompt_groups) >= 20
    assert len(content.prompt_groups) >= 6


def _all_situations():
    single = [k for k in SITUATION_CHOICES if k not in ("symptom_kinds", "spread_sites")]
    site_choices = [(), ("bone",), ("bone", "liver"), ("unsure",)]
    for values in itertools.product(*(SITUATION_CHOICES[k] + (None,) for k in single)):
        for sites in site_choices:
            situation = {k: v for k, v in zip(single, values, strict=True) if v is not None}
            if sites:
                situation["spread_sites"] = sites
            yield situation


def test_every_situation_gives_a_sensible_view(content):
    count = 0
    for situation in _all_situations():
        count += 1
        view = tailor(content, Answers(situation=situation), clinic_has_trials=False)
        ids = [o.id for o in view.options]
        assert ids[0] == "medicines_only", situation
        assert len(ids) >= 2, situation
        assert view.notes, f"no note at all for {situation}"
        if situation.get("breast_symptoms") == "some":
            assert view.option("symptom_relief") is not None, situation
            assert view.option("symptom_relief").framing == "standard", situation
        if situation.get("breast_symptoms") == "none" and situation.get("distant_response") == "growing":
            surgery = view.option("surgery")
            assert surgery is None or surgery.framing == "not_usually_advised", situation
            assert view.option("medicines_only").framing == "standard"
        if situation.get("trial_offered") == "yes":
            assert view.option("trial") is not None, situation
    assert count > 10000


def test_clinic_trials_show_the_trial_option(content):
    view = tailor(content, Answers(situation={"trial_offered": "no"}), clinic_has_trials=True)
    assert view.option("trial") is not None


def test_not_sure_everywhere_is_balanced(content):
    view = tailor(content, Answers())
    assert view.option("medicines_only").framing == "standard"
    assert view.lead is not None
