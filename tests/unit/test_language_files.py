"""The language in the files: the clinic file's default (``language``), the answers file's record of it, and the
session that goes on in another language with every answer kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decision_aid.answers import Answers, load_answers, parse_answers, save_answers
from decision_aid.clinic import Clinic, load_clinic
from decision_aid.errors import AnswersError, ClinicError
from decision_aid.i18n import LANGUAGES, format_date
from decision_aid.session import Session

HEADER = {"format": "decision-aid-answers", "version": 1}


@pytest.fixture(scope="module")
def shipped_content():
    from decision_aid.content import load_content
    from decision_aid.paths import content_dir

    return load_content(content_dir())


def test_the_answers_file_records_the_language_and_reads_it_back(tmp_path):
    answers = Answers(situation={"breast_symptoms": "some"}, language="es", name="Ana")
    save_answers(answers, tmp_path / "a.json")
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["language"] == "es"
    assert load_answers(tmp_path / "a.json") == answers


def test_an_answers_file_without_a_language_is_english():
    assert parse_answers(dict(HEADER)).language == "en"


@pytest.mark.parametrize("bad", ["fr", "ES", ""])
def test_an_unknown_language_in_the_answers_file_is_named_with_the_choices(bad):
    with pytest.raises(AnswersError) as caught:
        parse_answers({**HEADER, "language": bad}, source="a.json")
    report = caught.value.report()
    assert "language" in report and "one of en, es" in report and repr(bad) in report or bad == ""


def test_the_clinic_file_sets_the_language_a_session_starts_in(tmp_path):
    (tmp_path / "clinic.toml").write_text('language = "es"\n', encoding="utf-8")
    assert load_clinic(tmp_path / "clinic.toml").language == "es"
    (tmp_path / "none.toml").write_text('name = "Riverside"\n', encoding="utf-8")
    assert load_clinic(tmp_path / "none.toml").language == "en"
    assert Clinic().language == "en"


def test_an_unknown_clinic_language_is_refused_with_the_choices(tmp_path):
    (tmp_path / "clinic.toml").write_text('language = "fr"\n', encoding="utf-8")
    with pytest.raises(ClinicError) as caught:
        load_clinic(tmp_path / "clinic.toml")
    report = caught.value.report()
    assert "language" in report and "one of en, es" in report and "'fr'" in report


def test_the_session_goes_on_in_another_language_with_every_answer(shipped_content):
    session = Session(content=shipped_content)
    session.set_situation(key="breast_symptoms", value="some")
    session.set_value(key="live_longer", value=4)
    seen: list[str] = []
    session.answers_changed.connect(lambda _s, what: seen.append(what))
    session.set_language(language="es")
    assert session.language == "es" and session.answers.language == "es" and seen == ["language"]
    assert session.answers.situation == {"breast_symptoms": "some"} and session.answers.values == {"live_longer": 4}
    assert not Session(content=shipped_content, answers=Answers(language="es")).has_answers()  # not an answer
    with pytest.raises(AnswersError):
        session.set_language(language="xx")
    assert session.language == "es"


def test_opening_an_answers_file_keeps_the_window_s_language(shipped_content):
    session = Session(content=shipped_content, answers=Answers(language="es"))
    session.replace_answers(answers=Answers(situation={"breast_symptoms": "none"}, language="en"))
    assert session.language == "es" and session.answers.situation == {"breast_symptoms": "none"}


def test_dates_are_in_the_person_s_form():
    import datetime as dt

    day = dt.date(2027, 11, 23)
    assert format_date(day, "en") == "23 November 2027"
    assert format_date(day, "es") == "23 de noviembre de 2027"
    assert set(LANGUAGES) == {"en", "es"}


def test_a_session_in_spanish_prints_with_the_care_team_panel_in_english():
    from decision_aid.content import load_languages
    from decision_aid.session import Session

    languages = load_languages(Path(__file__).resolve().parents[2] / "content")
    session = Session(content=languages["es"], contents=languages, answers=Answers(language="es"))
    assert session.languages == ("en", "es")
    summary = session.summary()
    assert summary.language == "es" and summary.care_team is not None and summary.care_team.language == "en"
    english = Session(content=languages["en"], contents=languages).summary()
    assert english.language == "en" and english.care_team is None
