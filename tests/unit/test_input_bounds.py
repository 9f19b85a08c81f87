"""Issue 18: hostile input gives ONE line naming the file (our own error type), never a traceback or a crash."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from decision_aid import errors, limits
from decision_aid.answers import load_answers
from decision_aid.clinic import load_clinic
from decision_aid.content import load_content
from decision_aid.errors import AnswersError, ClinicError, ContentError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
BASE = {"format": "decision-aid-answers", "version": 1}


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          env=env or os.environ.copy(), timeout=120)


def one_line_error(exc, path):
    lines = str(exc).splitlines()
    assert len(lines) == 1, lines[:3]
    assert lines[0].startswith(str(path)[:60]) and len(lines[0]) <= errors.MAX_MESSAGE_LINE
    return lines[0]


def answers_file(tmp_path, text):
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [
    '{"format": "decision-aid-answers", "version": 1, "name": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"a":' * 5_000 + "1" + "}" * 5_000,
    '{"format": "decision-aid-answers", "version": 1' + ', "values": {"live_longer": 1' + "0" * 5000 + "}}",
], ids=["arrays-100000", "objects-5000", "int-5000-digits"])
def test_answers_depth_and_digits_are_one_line(tmp_path, text):
    path = answers_file(tmp_path, text)
    with pytest.raises(AnswersError) as info:
        load_answers(path)
    line = one_line_error(info.value, path)
    assert "nested at most" in line or "digits" in line


@pytest.mark.parametrize("field,value,expected", [
    ("name", "Ann\ud800", "surrogate"),
    ("own_questions", ["Why?\ud800"], "surrogate"),
    ("name", "Ann\x00\x1b[31m\x07", "control characters"),
    ("own_questions", ["Is it \x07safe?"], "control characters"),
    ("name", "A" * 10_000, "at most 120 characters"),
    ("own_questions", ["Q" * 10_000], "at most 300 characters"),
    ("own_questions", [f"Question {i}?" for i in range(100)], "at most 50 own questions"),
])
def test_typed_texts_are_bounded_and_clean(tmp_path, field, value, expected):
    path = answers_file(tmp_path, json.dumps({**BASE, field: value}))
    with pytest.raises(AnswersError) as info:
        load_answers(path)
    assert expected in one_line_error(info.value, path)


def test_whole_answers_file_is_bounded(tmp_path):
    path = answers_file(tmp_path, json.dumps({**BASE, "name": "Ann"}) + " " * (limits.MAX_ANSWERS_CHARS + 1))
    with pytest.raises(AnswersError) as info:
        load_answers(path)
    assert "at most 262,144 characters" in one_line_error(info.value, path)


def test_a_huge_unknown_key_is_not_echoed(tmp_path):
    path = answers_file(tmp_path, json.dumps({**BASE, "k" * 200_000: 1}))
    with pytest.raises(AnswersError) as info:
        load_answers(path)
    line = one_line_error(info.value, path)  # at most 300 characters
    assert "k" * 40 in line and "k" * 200 not in line


def test_clinic_nested_100000_deep_is_one_line(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text('name = "X"\nphone = ' + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(ClinicError) as info:
        load_clinic(path)
    assert "nested at most" in one_line_error(info.value, path)


def test_clinic_long_number_is_one_line(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text("idle_timeout_minutes = 1" + "0" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ClinicError) as info:
        load_clinic(path)
    assert "digits" in one_line_error(info.value, path)


@pytest.mark.parametrize("depth", [1_000, 5_000])
def test_content_yaml_nested_deep_is_one_line(content_copy, depth):
    facts = content_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "deep: " + "[" * depth + "]" * depth + "\n",
                     encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    assert any("nested more than" in str(p) and p.file == "facts.yaml" for p in info.value.problems)


def test_content_yaml_50000_deep_does_not_crash_the_process(content_copy):
    facts = content_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "deep: " + "[" * 50_000 + "]" * 50_000 + "\n",
                     encoding="utf-8")
    out = run("check-content", str(content_copy))
    assert out.returncode == 1, (out.returncode, out.stderr[-500:])
    assert "Traceback" not in out.stderr
    assert any(line.startswith("facts.yaml") and "nested more than" in line for line in out.stderr.splitlines())


def test_content_block_nesting_deep_is_one_line(content_copy):
    facts = content_copy / "facts.yaml"
    deep = "".join(" " * i + f"k{i}:\n" for i in range(2_000)) + " " * 2_000 + "v\n"
    facts.write_text(facts.read_text(encoding="utf-8") + "deep:\n" + deep, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    assert any("nested more than" in str(p) for p in info.value.problems)


def test_shipped_content_is_within_the_bounds_without_the_slow_scan(monkeypatch):
    import yaml

    def no_event_scan(*args, **kwargs):
        raise AssertionError("the event scan ran on real content")

    monkeypatch.setattr(yaml, "parse", no_event_scan)
    from decision_aid.content import read_content  # every file read and parsed, never the stored copy

    content, problems, _ = read_content(Path(__file__).resolve().parents[2] / "content")
    assert content is not None and not [p for p in problems if p.severity == "error"]


def test_cli_summary_refuses_a_surrogate_name_in_one_line(tmp_path):
    path = answers_file(tmp_path, json.dumps({**BASE, "name": "Ann\ud800"}))
    for out in ("s.html", "s.json"):
        result = run("summary", "--answers", str(path), "--out", str(tmp_path / out), "--content", str(FIXTURE))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "surrogate" in result.stderr
        assert not (tmp_path / out).exists()


def test_excerpt_is_short_and_one_line():
    assert errors.excerpt("x" * 10_000_000).endswith("… (10,000,000 characters)")
    assert len(errors.excerpt("x" * 10_000_000)) < 100
    assert "\n" not in errors.excerpt("a\nb\x1b") and "\\n" in errors.excerpt("a\nb")
    assert len(errors.message_line("y" * 1000)) == errors.MAX_MESSAGE_LINE


def test_typed_text_is_cleaned_for_the_session():
    assert limits.clean_typed("Ann\x00\x1b\x07  Lee\ud800", 120) == "Ann Lee"
    assert len(limits.clean_typed("z" * 500, 300)) == 300


def test_the_session_keeps_typed_text_clean_and_bounded(content_copy):
    from decision_aid.session import Session

    session = Session(content=load_content(content_copy))
    session.set_name(name="Ann\x1b[2J\x07 Lee")
    assert session.answers.name == "Ann [2J Lee"
    for i in range(limits.MAX_OWN_QUESTIONS + 5):
        session.add_own_question(text=f"Question\x00 {i}?")
    assert len(session.answers.own_questions) == limits.MAX_OWN_QUESTIONS
    assert session.answers.own_questions[0] == "Question 0?"
