from pathlib import Path

from decision_aid.answers import Answers
from decision_aid.content import load_content
from decision_aid.tailoring import matches, situation_values, tailor, visible_pages

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def test_unanswered_counts_as_unsure():
    values = situation_values(Answers(), clinic_has_trials=False)
    assert values["distant_response"] == ("unsure",)
    assert values["trial_offered"] == ("not_discussed",)
    assert values["spread_sites"] == ("unsure",)
    assert values["symptom_kinds"] == ()
    assert values["clinic_trials"] == ("no",)


def test_list_answers_match_any_listed_value():
    values = situation_values(Answers(situation={"spread_sites": ("bone", "lung")}), clinic_has_trials=True)
    assert matches({"spread_sites": ("bone",)}, values)
    assert not matches({"spread_sites": ("liver",)}, values)
    assert matches({"clinic_trials": ("yes",)}, values)
    assert matches(None, values)


def test_rule_sets_framing_and_notes():
    content = load_content(FIXTURE)
    view = tailor(content, Answers(situation={"breast_symptoms": "none", "distant_response": "growing"}))
    assert [o.id for o in view.options] == ["medicines_only", "surgery"]
    assert view.option("surgery").framing == "not_usually_advised"
    assert view.option("surgery").framing_label == "Not usually advised"
    assert view.lead.id == "note-growing"
    assert view.rules == ("growing",)


def test_no_rule_keeps_defaults():
    content = load_content(FIXTURE)
    view = tailor(content, Answers(situation={"breast_symptoms": "none", "distant_response": "stable"}))
    assert view.option("surgery").framing == "option_to_discuss"
    assert view.notes == ()
    assert [p.id for p in visible_pages(content, view, "trials")] == ["trials"]


def test_only_of_matches_a_list_with_nothing_else_ticked():
    from decision_aid.content.model import OnlyOf

    def values(sites):
        return situation_values(Answers(situation={"spread_sites": sites} if sites else {}), clinic_has_trials=False)

    only_bone = {"spread_sites": OnlyOf(("bone",))}
    assert matches(only_bone, values(("bone",)))
    assert not matches(only_bone, values(("bone", "liver")))
    assert not matches(only_bone, values(()))  # unanswered counts as "unsure"
