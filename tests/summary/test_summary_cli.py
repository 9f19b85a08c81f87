"""`decision-aid summary`: exit 0 and the file; exit 2 with one line naming the problem, no traceback, no file."""

import json
import os
import subprocess
import sys

import pytest

from summary_cases import SHIPPED_CONTENT, SUMMARY_CONTENT

GOOD = {
    "format": "decision-aid-answers",
    "version": 1,
    "situation": {"breast_symptoms": "none", "distant_response": "stable", "spread_sites": ["bone"]},
    "values": {"live_longer": 4, "avoid_surgery": 1},
    "leaning": "surgery",
    "sure": {"sure": True, "understand": False},
    "questions": ["decision.wait"],
    "own_questions": ["<b>Mine</b> & yours?"],
}


def run(*args, cwd=None, env=None):
    env = env if env is not None else os.environ.copy()
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, cwd=cwd,
                          env=env)


@pytest.fixture
def answers(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    return path


def summary(answers, out, *more):
    return run("summary", "--answers", str(answers), "--out", str(out), "--content", str(SUMMARY_CONTENT), *more)


def test_pdf(answers, tmp_path):
    from pypdf import PdfReader

    out = summary(answers, tmp_path / "s.pdf")
    assert out.returncode == 0, out.stderr
    pages = PdfReader(str(tmp_path / "s.pdf")).pages
    assert 1 <= len(pages) <= 2
    assert round(float(pages[0].mediabox.width)) == 595
    plural = "s" if len(pages) > 1 else ""
    assert out.stdout.strip() == f"Summary written to {tmp_path / 's.pdf'} ({len(pages)} page{plural}, A4)."
    assert out.stderr == ""


def test_pdf_on_letter_with_no_display_at_all(answers, tmp_path):
    from pypdf import PdfReader

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = run("summary", "--answers", str(answers), "--out", str(tmp_path / "s.pdf"), "--paper", "letter",
              "--content", str(SUMMARY_CONTENT), env=env)
    assert out.returncode == 0, out.stderr
    assert round(float(PdfReader(str(tmp_path / "s.pdf")).pages[0].mediabox.height)) == 792


def test_html_and_json(answers, tmp_path):
    assert summary(answers, tmp_path / "s.html").returncode == 0
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Mine&lt;/b&gt; &amp; yours?" in html and "<b>Mine</b>" not in html
    assert summary(answers, tmp_path / "s.json").returncode == 0
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert data["format"] == "decision-aid-summary"
    assert data["answers"]["own_questions"] == ["<b>Mine</b> & yours?"]
    assert [o["framing"] for o in data["options"]] == ["standard", "option_to_discuss", "option_to_discuss"]


def test_content_and_clinic_may_come_before_the_word_summary(answers, tmp_path):
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('name = "Clinic & Co"\npaper = "letter"\n', encoding="utf-8")
    out = run("--content", str(SUMMARY_CONTENT), "--clinic", str(clinic), "summary", "--answers", str(answers),
              "--out", str(tmp_path / "s.json"))
    assert out.returncode == 0, out.stderr
    assert json.loads((tmp_path / "s.json").read_text())["clinic"] == {"name": "Clinic & Co"}


def expect_one_line(out, line, outfile):
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [line]
    assert not outfile.exists()
    assert [p.name for p in outfile.parent.iterdir() if p.name.startswith((".partial", outfile.name))] == []


def test_a_bad_answer_is_named(answers, tmp_path):
    answers.write_text(json.dumps(dict(GOOD, situation={"tumor_type": "x"})), encoding="utf-8")
    out = summary(answers, tmp_path / "s.pdf")
    expect_one_line(out, f"decision-aid: {answers}: situation.tumor_type: expected one of: hr_positive, "
                         "her2_positive, triple_negative, unsure, received 'x'", tmp_path / "s.pdf")


def test_the_file_name_is_shown_as_given(answers, tmp_path):
    answers.write_text(json.dumps(dict(GOOD, leaning="soon")), encoding="utf-8")
    out = run("summary", "--answers", "answers.json", "--out", "s.html", "--content", str(SUMMARY_CONTENT),
              cwd=tmp_path)
    expect_one_line(out, "decision-aid: answers.json: leaning: expected one of: medicines_only, surgery, radiation, "
                         "trial, symptom_relief, unsure, received 'soon'", tmp_path / "s.html")


def test_an_unknown_question_id_is_named(answers, tmp_path):
    answers.write_text(json.dumps(dict(GOOD, questions=["nope"])), encoding="utf-8")
    expect_one_line(summary(answers, tmp_path / "s.json"),
                    f"decision-aid: {answers}: questions[0]: expected a question id from the prompt list, "
                    "received 'nope'", tmp_path / "s.json")


def test_missing_and_broken_answers_files(tmp_path):
    expect_one_line(summary(tmp_path / "none.json", tmp_path / "s.pdf"),
                    f"decision-aid: {tmp_path / 'none.json'}: (file): expected an existing answers file, "
                    "received no such file", tmp_path / "s.pdf")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    out = summary(broken, tmp_path / "s.pdf")
    expect_one_line(out, f"decision-aid: {broken}:1: (file): expected valid JSON, received "
                         "'Expecting property name enclosed in double quotes'", tmp_path / "s.pdf")


def test_several_problems_one_line_each(answers, tmp_path):
    answers.write_text(json.dumps(dict(GOOD, leaning="soon", values={"live_longer": 9})), encoding="utf-8")
    out = summary(answers, tmp_path / "s.pdf")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert [line.split(": ")[2] for line in out.stderr.splitlines()] == ["values.live_longer", "leaning"]
    assert not (tmp_path / "s.pdf").exists()


def test_an_unknown_ending_is_refused(answers, tmp_path):
    expect_one_line(summary(answers, tmp_path / "s.docx"),
                    f"decision-aid: {tmp_path / 's.docx'}: --out: expected a file name ending in .pdf, .html or "
                    ".json, received '.docx'", tmp_path / "s.docx")


@pytest.mark.parametrize("ending", ["pdf", "html", "json"])
def test_a_missing_folder_is_named(answers, tmp_path, ending):
    target = tmp_path / "gone" / f"s.{ending}"
    out = summary(answers, target)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        f"decision-aid: {target}: cannot save the summary in the folder {tmp_path / 'gone'}: the folder does not exist"
    ]
    assert not (tmp_path / "gone").exists()


def test_bad_content_is_one_line(answers, tmp_path):
    out = run("summary", "--answers", str(answers), "--out", str(tmp_path / "s.pdf"), "--content",
              str(tmp_path / "nowhere"))
    expect_one_line(out, f"decision-aid: the content in {tmp_path / 'nowhere'} is not valid (1 problem; "
                         f"'decision-aid check-content {tmp_path / 'nowhere'}' lists it); the first: "
                         f"{tmp_path / 'nowhere'}: (folder): expected a content folder, received no such folder",
                    tmp_path / "s.pdf")


def test_a_bad_clinic_file_is_named(answers, tmp_path):
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('paper = "a5"\n', encoding="utf-8")
    out = summary(answers, tmp_path / "s.pdf", "--clinic", str(clinic))
    expect_one_line(out, f"decision-aid: {clinic}: paper: expected one of: a4, letter, received 'a5'",
                    tmp_path / "s.pdf")


def test_on_the_shipped_content(tmp_path):
    from decision_aid.content import load_content
    from decision_aid.errors import ContentError

    try:
        content = load_content(SHIPPED_CONTENT)
    except ContentError:
        pytest.skip("the shipped content is not valid yet")
    first_prompt = content.prompt_groups[0].prompts[0].id
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(dict(GOOD, questions=[first_prompt])), encoding="utf-8")
    out = run("summary", "--answers", str(answers), "--out", str(tmp_path / "s.pdf"))
    assert out.returncode == 0, out.stderr


def test_unanswered_steps_give_a_one_line_warning_and_exit_0(tmp_path):
    (tmp_path / "answers.json").write_text(json.dumps({"format": "decision-aid-answers", "version": 1,
                                                       "leaning": "unsure"}), encoding="utf-8")
    out = run("summary", "--answers", "answers.json", "--out", "s.json", "--content", str(SUMMARY_CONTENT),
              cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines() == [
        "decision-aid: warning: answers.json: not answered: Your situation, What matters to you, Four quick "
        "questions (the summary says so)"]
    data = json.loads((tmp_path / "s.json").read_text())
    assert [s["id"] for s in data["unanswered_steps"]] == ["situation", "values", "sure"]


@pytest.mark.parametrize("data,received", [
    ({"format": "decision-aid-summary", "version": 1, "options": []},
     "a discussion summary (JSON for a health record)"),
    ({"patient": "x", "score": 3}, "a JSON object with none of its keys"),
])
def test_a_file_that_is_not_an_answers_file_gets_one_clear_error(tmp_path, data, received):
    (tmp_path / "answers.json").write_text(json.dumps(data), encoding="utf-8")
    out = run("summary", "--answers", "answers.json", "--out", "s.html", "--content", str(SUMMARY_CONTENT),
              cwd=tmp_path)
    expect_one_line(out, "decision-aid: answers.json: (file): expected an answers file (format "
                         f"'decision-aid-answers'), received {received}", tmp_path / "s.html")
