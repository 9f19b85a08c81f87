"""The shipped tailoring content: who each study took, in plain words, and every trial figure tied to a study."""

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from decision_aid.content import load_content
from decision_aid.content.checker import reading_grade
from decision_aid.summary import build_summary, summary_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_tailor_everything import answers_strategy, content

SHIPPED = Path(__file__).resolve().parents[2] / "content"


def test_the_words_on_who_each_study_took_are_plain():
    c = load_content(SHIPPED)
    t = c.tailoring
    texts = [x for s in t.studies for x in (s.applies, s.label) if x]
    texts += [x for s in t.studies for cr in s.criteria for x in (cr.not_included, cr.unsure)]
    texts += list(t.flag_texts.values()) + [v.text for v in t.value_conflicts] + list(c.form.help.values())
    too_hard = {text: round(reading_grade(text), 1) for text in texts if reading_grade(text) > 8}
    assert not too_hard


def test_every_trial_in_facts_md_has_its_population():
    c = load_content(SHIPPED)
    kinds = {s.id: s.kind for s in c.tailoring.studies}
    assert kinds == {"e2108": "matched", "jcog": "matched", "tata": "matched", "mf07": "not_comparable",
                     "abcsg": "not_comparable", "mclaughlin": "estimate", "breast-radiation": "estimate",
                     "surgery-registry": "estimate"}
    for fid, fact in c.facts.items():
        if fid.split(".")[0] in ("e2108", "jcog", "tata", "mf07", "abcsg"):
            assert fact.study == fid.split(".")[0], fid
    assert c.facts["lymph.alnd"].study == "mclaughlin"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy())
def test_no_summary_ever_prints_a_figure_outside_its_population_as_applicable(answers):
    c = content()
    summary = build_summary(content=c, answers=answers)
    data = summary_json(summary)
    for option in data["options"]:
        for group in option["key_figures"]:
            for fact in group["facts"]:
                if fact["applicability"]["like_you"]:
                    study = c.tailoring.study(fact["applicability"]["study"])
                    for criterion in study.criteria:
                        assert answers.situation.get(criterion.answer) in criterion.took
                elif fact["applicability"]["study"]:
                    assert fact["applicability"]["text"]
    like_you = {s["id"] for s in data["studies"] if s["like_you"]}
    for sid in like_you:
        for criterion in c.tailoring.study(sid).criteria:
            assert answers.situation.get(criterion.answer) in criterion.took


def test_no_page_makes_the_claims_facts_md_has_no_source_for():
    c = load_content(SHIPPED)
    # ("No conflicts of interest" is in about.md, which another helper owns: reported to the lead.)
    claims = ("both paths are reasonable", "may suit you if surgery would have to be a mastectomy")
    for page in c.pages.values():
        text = " ".join(page.text.lower().split())
        for claim in claims:
            assert claim not in text, (page.id, claim)
