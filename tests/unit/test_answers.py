"""The answers file (DESIGN.md, "The answers file"): every key, every error named, nothing guessed, atomic saving."""

import json
import os

import pytest

from decision_aid.answers import (
    LEANING_CHOICES,
    SITUATION_CHOICES,
    SURE_ITEMS,
    VALUE_ITEMS,
    Answers,
    load_answers,
    parse_answers,
    save_answers,
)
from decision_aid.errors import AnswersError, DecisionAidError

FULL = {
    "format": "decision-aid-answers",
    "version": 1,
    "situation": {
        "breast_symptoms": "some",
        "symptom_kinds": ["pain", "bleeding"],
        "distant_response": "stable",
        "months_on_treatment": "4_to_8",
        "spread_sites": ["lung", "bone"],
        "spread_extent": "few",
        "tumor_type": "her2_positive",
        "trial_offered": "not_discussed",
    },
    "values": {"live_longer": 4, "breast_control": 3, "avoid_surgery": 0, "avoid_side_effects": 2,
               "medicines_on_time": 1, "help_research": 4},
    "leaning": "radiation",
    "sure": {"sure": True, "understand": False, "risks_benefits": True, "support": True},
    "questions": ["decision.wait"],
    "own_questions": ["Can I travel?"],
    "name": "Ann",
}


def messages(data, **kw):
    with pytest.raises(AnswersError) as info:
        parse_answers(data, source="answers.json", **kw)
    return [str(p) for p in info.value.problems]


def test_the_format_matches_the_design():
    assert SITUATION_CHOICES == {
        "breast_symptoms": ("none", "some", "unsure"),
        "symptom_kinds": ("bleeding", "open_wound", "infection", "pain", "smell"),
        "distant_response": ("shrinking", "stable", "growing", "too_early", "unsure"),
        "months_on_treatment": ("under_4", "4_to_8", "over_8", "not_started", "unsure"),
        "spread_sites": ("bone", "lung", "liver", "brain", "skin_or_nodes", "other", "unsure"),
        "spread_extent": ("few", "many", "unsure"),
        "tumor_type": ("hr_positive", "her2_positive", "triple_negative", "unsure"),
        "trial_offered": ("yes", "no", "not_discussed"),
    }
    assert VALUE_ITEMS == ("live_longer", "breast_control", "avoid_surgery", "avoid_side_effects",
                           "medicines_on_time", "help_research")
    assert LEANING_CHOICES == ("medicines_only", "surgery", "radiation", "trial", "symptom_relief", "unsure")
    assert SURE_ITEMS == ("sure", "understand", "risks_benefits", "support")


def test_a_full_file_is_read_and_lists_keep_choice_order():
    a = parse_answers(FULL)
    assert a.situation["symptom_kinds"] == ("bleeding", "pain")
    assert a.situation["spread_sites"] == ("bone", "lung")
    assert a.values["avoid_surgery"] == 0 and a.leaning == "radiation"
    assert a.sure == {"sure": True, "understand": False, "risks_benefits": True, "support": True}
    assert a.sure_flagged()
    assert a.questions == ("decision.wait",) and a.own_questions == ("Can I travel?",) and a.name == "Ann"


def test_missing_keys_mean_not_answered():
    a = parse_answers({"format": "decision-aid-answers", "version": 1})
    assert a == Answers()
    assert not a.sure_flagged()
    assert a.to_dict() == {"format": "decision-aid-answers", "version": 1, "language": "en"}  # always recorded


def test_round_trip_through_a_file(tmp_path):
    path = tmp_path / "a.json"
    save_answers(parse_answers(FULL), path)
    assert load_answers(path) == parse_answers(FULL)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["situation"]["symptom_kinds"] == ["bleeding", "pain"]


def test_bad_value_names_the_field_the_choices_and_what_was_received():
    data = dict(FULL, situation={"tumor_type": "x"})
    assert messages(data) == [
        "answers.json: situation.tumor_type: expected one of: hr_positive, her2_positive, triple_negative, unsure, "
        "received 'x'"
    ]


def test_every_problem_is_reported_at_once():
    data = {
        "format": "something-else",
        "version": 2,
        "extra": 1,
        "situation": {"breast_symptoms": "yes", "colour": "red", "spread_sites": "bone"},
        "values": {"live_longer": 5, "avoid_surgery": True, "fun": 1},
        "leaning": "maybe",
        "sure": {"sure": "yes", "happy": True},
        "questions": ["decision.wait", 3, "decision.wait"],
        "own_questions": ["  "],
        "name": 7,
    }
    got = messages(data)
    assert got == [
        "answers.json: extra: expected one of: format, version, situation, values, leaning, leaning_situation, sure, "
        "questions, own_questions, name, language, received 'extra'",
        "answers.json: format: expected 'decision-aid-answers', received 'something-else'",
        "answers.json: version: expected 1, received 2",
        "answers.json: situation.breast_symptoms: expected one of: none, some, unsure, received 'yes'",
        "answers.json: situation.colour: expected one of: breast_symptoms, symptom_kinds, distant_response, "
        "months_on_treatment, spread_sites, spread_extent, tumor_type, trial_offered, received 'colour'",
        "answers.json: situation.spread_sites: expected a list of one of: bone, lung, liver, brain, skin_or_nodes, "
        "other, unsure, received 'bone'",
        "answers.json: values.live_longer: expected a whole number from 0 to 4, received 5",
        "answers.json: values.avoid_surgery: expected a whole number from 0 to 4, received true",
        "answers.json: values.fun: expected one of: live_longer, breast_control, avoid_surgery, avoid_side_effects, "
        "medicines_on_time, help_research, received 'fun'",
        "answers.json: leaning: expected one of: medicines_only, surgery, radiation, trial, symptom_relief, unsure, "
        "received 'maybe'",
        "answers.json: sure.sure: expected true or false, received 'yes'",
        "answers.json: sure.happy: expected one of: sure, understand, risks_benefits, support, received 'happy'",
        "answers.json: questions[1]: expected a non-empty text, received 3",
        "answers.json: questions: expected each question id at most once, received a list",
        "answers.json: own_questions[0]: expected a non-empty text of at most 300 characters, without control "
        "characters or lone surrogates, received '  '",
        "answers.json: name: expected a text of at most 120 characters, without control characters or lone "
        "surrogates, received 7",
    ]


@pytest.mark.parametrize("data, field", [
    ([], "(file)"),
    ({"format": "decision-aid-answers"}, "version"),
    ({"format": "decision-aid-answers", "version": "1"}, "version"),
    ({"format": "decision-aid-answers", "version": True}, "version"),
    (dict(FULL, situation=None), "situation"),
    (dict(FULL, leaning=None), "leaning"),
    (dict(FULL, values=[]), "values"),
    (dict(FULL, sure={"sure": None}), "sure.sure"),
    (dict(FULL, situation={"symptom_kinds": ["pain", "pain"]}), "situation.symptom_kinds"),
    (dict(FULL, values={"live_longer": 2.0}), "values.live_longer"),
    (dict(FULL, own_questions="Can I travel?"), "own_questions"),
])
def test_nothing_is_guessed(data, field):
    with pytest.raises(AnswersError) as info:
        parse_answers(data, source="a.json")
    assert [p.field for p in info.value.problems] == [field]
    assert isinstance(info.value, DecisionAidError)


def test_question_ids_are_checked_against_the_prompt_list_when_given():
    assert messages(FULL, known_questions={"decision.advice"}) == [
        "answers.json: questions[0]: expected a question id from the prompt list, received 'decision.wait'"
    ]


def test_free_text_is_kept_exactly():
    text = "<script>alert('x')</script> & \"quotes\" 😀 שלום"
    a = parse_answers(dict(FULL, own_questions=[text], name=" Zoë "))
    assert a.own_questions == (text,)
    assert a.name == "Zoë"


def test_a_blank_name_is_no_name():
    assert parse_answers(dict(FULL, name="   ")).name is None


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(AnswersError) as info:
        load_answers(tmp_path / "missing.json")
    missing = tmp_path / "missing.json"
    assert str(info.value) == f"{missing}: (file): expected an existing answers file, received no such file"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "decision-aid-answers",\n "version": }', encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers(bad)
    assert str(info.value) == f"{bad}:2: (file): expected valid JSON, received 'Expecting value'"
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "Zo\xeb"}')
    with pytest.raises(AnswersError) as info:
        load_answers(latin)
    assert info.value.problems[0].expected == "a readable UTF-8 file"


def test_a_key_given_twice_is_an_error_not_a_silent_choice(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text('{"format": "decision-aid-answers", "version": 1, "leaning": "surgery", "leaning": "trial"}',
                    encoding="utf-8")
    with pytest.raises(AnswersError) as info:
        load_answers(path)
    assert str(info.value) == f"{path}: leaning: expected each key at most once in an object, received it twice"


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_answers(Answers(leaning="surgery"), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_the_form_declares_which_question_depends_on_which_answer():
    from decision_aid.answers import ASKED_WHEN, is_asked

    assert ASKED_WHEN == {"symptom_kinds": ("breast_symptoms", "some")}
    assert is_asked("symptom_kinds", {"breast_symptoms": "some"})
    assert not is_asked("symptom_kinds", {"breast_symptoms": "unsure"}) and not is_asked("symptom_kinds", {})
    assert is_asked("tumor_type", {})


def test_the_session_refuses_what_the_answers_file_refuses():
    """The session has no checks of its own: a change is checked by the answers file's declaration."""
    from decision_aid.content import load_content
    from decision_aid.session import Session
    from tests.conftest import FIXTURE_CONTENT

    session = Session(content=load_content(FIXTURE_CONTENT))
    cases = [
        (lambda: session.set_situation(key="breast_symptoms", value="maybe"),
         "the session: situation.breast_symptoms: expected one of: none, some, unsure, received 'maybe'"),
        (lambda: session.set_situation(key="colour", value="red"),
         "the session: situation.colour: expected one of: breast_symptoms, symptom_kinds, distant_response, "
         "months_on_treatment, spread_sites, spread_extent, tumor_type, trial_offered, received 'colour'"),
        (lambda: session.set_value(key="live_longer", value=5),
         "the session: values.live_longer: expected a whole number from 0 to 4, received 5"),
        (lambda: session.set_leaning(value="maybe"),
         "the session: leaning: expected one of: medicines_only, surgery, radiation, trial, symptom_relief, unsure, "
         "received 'maybe'"),
        (lambda: session.set_question(question_id="nope", ticked=True),
         "the session: questions[0]: expected a question id from the prompt list, received 'nope'"),
    ]
    for change, message in cases:
        with pytest.raises(AnswersError) as info:
            change()
        assert str(info.value) == message
    assert session.answers == Answers()
    session.set_situation(key="breast_symptoms", value="some")
    session.set_situation(key="symptom_kinds", value=["pain", "pain", "bleeding"])
    assert session.answers.situation == {"breast_symptoms": "some", "symptom_kinds": ("bleeding", "pain")}


def test_symptom_relief_is_a_leaning_and_the_leaning_situation_round_trips(tmp_path):
    from decision_aid.answers import load_answers, save_answers

    answers = Answers(situation={"breast_symptoms": "none", "spread_sites": ("bone",)}, leaning="symptom_relief",
                      leaning_situation={"breast_symptoms": "some", "spread_sites": ("bone", "liver")})
    path = tmp_path / "a.json"
    save_answers(answers, path)
    again = load_answers(path)
    assert again.leaning == "symptom_relief"
    assert again.leaning_situation == {"breast_symptoms": "some", "spread_sites": ("bone", "liver")}
    assert again == answers


def test_a_bad_leaning_situation_is_named():
    with pytest.raises(AnswersError) as exc:
        parse_answers({"format": "decision-aid-answers", "version": 1, "leaning_situation": {"breast_symptoms": "x"}},
                      source="a.json")
    assert [str(p) for p in exc.value.problems] == [
        "a.json: leaning_situation.breast_symptoms: expected one of: none, some, unsure, received 'x'"]
