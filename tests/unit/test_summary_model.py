"""The discussion summary without Qt: the view model, the HTML (Jinja2, autoescaped) and the JSON for a health record.

Most tests use tests/summary/content, a small valid bundle whose option pages carry `compare` entries (the key
figures); the shipped content is tested in tests/summary.
"""

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from decision_aid.answers import Answers, parse_answers
from decision_aid.clinic import Clinic, ClinicTrial
from decision_aid.content import load_content
from decision_aid.errors import AnswersError, SummaryWriteError
from decision_aid.summary import build_summary, render_html, summary_json, write_summary_file
from decision_aid.summary.glossary import term_variants

CONTENT = Path(__file__).resolve().parents[1] / "summary" / "content"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
TODAY = dt.date(2026, 11, 3)
SECTIONS = ("My situation", "What matters to me", "Where I am leaning", "Questions I want to ask",
            "Options to discuss", "Words used")

BALANCED = Answers(
    situation={"breast_symptoms": "none", "distant_response": "stable", "months_on_treatment": "4_to_8",
               "spread_sites": ("bone", "lung"), "spread_extent": "few", "tumor_type": "hr_positive",
               "trial_offered": "no"},
    values={"live_longer": 4, "breast_control": 3, "avoid_surgery": 0},
    leaning="surgery",
    sure={"sure": True, "understand": True, "risks_benefits": True, "support": True},
    questions=("surgery.nodes", "decision.wait"),
    own_questions=("Can I still travel in June?",),
)
GROWING = Answers(
    situation={"breast_symptoms": "none", "distant_response": "growing", "tumor_type": "her2_positive",
               "trial_offered": "yes"},
    leaning="unsure",
    sure={"sure": False, "understand": True},
)
SYMPTOMS = Answers(situation={"breast_symptoms": "some", "symptom_kinds": ("bleeding", "smell")},
                   values={"avoid_side_effects": 2}, leaning="radiation", sure={"support": False})
SITUATIONS = {"balanced": BALANCED, "growing": GROWING, "symptoms": SYMPTOMS, "nothing answered": Answers()}


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def summary_for(content, answers, **kw):
    return build_summary(content=content, answers=answers, today=TODAY, **kw)


def visible_text(html: str) -> str:
    """The words a reader sees: no style, no pictures' hidden titles, tags removed, spaces squeezed."""
    html = re.sub(r"<(style|title|svg)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# -- the view model ------------------------------------------------------------------------------------------------

def test_situation_in_words_from_the_form_labels(content):
    s = summary_for(content, BALANCED)
    words = {line.id: line.answer for line in s.situation}
    assert words["breast_symptoms"] == "No"
    assert words["spread_sites"] == "Bones, Lungs"
    assert words["trial_offered"] == "No"
    assert "symptom_kinds" not in words  # only asked when the tumor causes problems
    assert s.situation[0].question == "Is the tumor in your breast causing you problems?"


def test_symptom_kinds_shown_when_the_tumor_causes_problems(content):
    words = {line.id: line.answer for line in summary_for(content, SYMPTOMS).situation}
    assert words["symptom_kinds"] == "Bleeding, A bad smell"
    assert words["distant_response"] is None


def test_nothing_answered_says_so_everywhere(content):
    s = summary_for(content, Answers())
    assert all(line.answer is None for line in s.situation)
    assert all(v.rating is None for v in s.values)
    assert s.leaning is None and all(line.answer is None for line in s.sure)
    assert s.questions == () and not s.not_yet_sure
    html = visible_text(render_html(s))
    glance = 4  # situation, leaning, what matters most, first questions
    situation = 1  # one line names the questions not answered
    assert html.count("Not answered") == situation + len(s.values) + 1 + len(s.sure) + 1 + glance
    steps = "Your situation, What matters to you, Where you are leaning, Four quick questions"
    assert f"Steps not answered: {steps}" in html
    assert [f.code for f in s.flags] == ["unanswered_steps"]


def test_what_matters_uses_the_scale_words(content):
    s = summary_for(content, BALANCED)
    ratings = {v.id: (v.rating, v.rating_label) for v in s.values}
    assert ratings["live_longer"] == (4, "More than anything")
    assert ratings["avoid_surgery"] == (0, "Not at all")
    assert ratings["help_research"] == (None, None)


def test_not_yet_sure_flag_and_its_reasons(content):
    assert not summary_for(content, BALANCED).not_yet_sure
    s = summary_for(content, GROWING)
    assert s.not_yet_sure
    assert s.not_yet_sure_reasons == ("Leaning: I'm not sure yet",
                                      "Answered No to 1 of 4 questions of the SURE test")
    s = summary_for(content, SYMPTOMS)
    assert s.not_yet_sure and s.sure_noes == 1
    assert s.leaning_label == "Add radiation to the breast, without surgery"  # the option's own words


def test_questions_ticked_in_list_order_then_own_words(content):
    s = summary_for(content, BALANCED)
    assert [(q.text, q.own) for q in s.questions] == [
        ("Can the decision wait?", False),
        ("Would you remove lymph nodes from my armpit? How many?", False),
        ("Can I still travel in June?", True),
    ]


def test_a_question_id_not_in_the_content_is_an_error(content):
    with pytest.raises(AnswersError) as info:
        summary_for(content, Answers(questions=("decision.wait", "gone.away")))
    assert str(info.value) == "answers: questions[1]: expected a question id from the prompt list, received 'gone.away'"


@pytest.mark.parametrize("name, options", [
    ("balanced", [("medicines_only", "standard"), ("surgery", "option_to_discuss"),
                  ("radiation", "option_to_discuss")]),
    ("growing", [("medicines_only", "standard"), ("surgery", "not_usually_advised"),
                 ("radiation", "not_usually_advised"), ("trial", "option_to_discuss")]),
    ("nothing answered", [("medicines_only", "standard"), ("surgery", "option_to_discuss"),
                          ("radiation", "option_to_discuss")]),
])
def test_options_shown_with_their_framing(content, name, options):
    s = summary_for(content, SITUATIONS[name])
    assert [(o.id, o.framing) for o in s.options] == options
    assert all(o.framing_label == content.tailoring.framings[o.framing] for o in s.options)


def test_key_figures_are_the_compare_entries_of_the_option_page(content):
    s = summary_for(content, BALANCED)
    medicines, surgery, radiation = s.options
    assert [(g.title, [f.fact_id for f in g.figures]) for g in medicines.figure_groups] == [
        ("The tumor in the breast grew again", ["e2108.local.without", "e2108.local.with"]),
        ("Alive", ["e2108.os.without", "e2108.os.with"]),
    ]
    assert [g.shown_with for g in medicines.figure_groups] == [None, None]
    # The same comparison under a later option is named in words, not pictured twice.
    assert [g.shown_with for g in surgery.figure_groups] == ["Keep going with medicines alone", None]
    assert radiation.figure_groups == ()
    figure = medicines.figure_groups[0].figures[0]
    assert (figure.phrase, figure.per100, figure.count, figure.time_frame) == ("40 in 100 people", 39.8, 40,
                                                                               "within 3 years")
    assert figure.wording == ("40 in 100 people", "in E2108 who kept taking medicines alone")
    assert figure.description.startswith("Picture of 100 people: 40 of them are shaded. 40 in 100 people in E2108")


def test_open_trials_of_the_clinic_are_listed_with_the_trial_option(content):
    trial = ClinicTrial("LOCAL-1", "NCT01234567", "Trials nurse", "Surgery or not.")
    clinic = Clinic(name="Clinic & Co", trials=(trial,))
    s = summary_for(content, BALANCED, clinic=clinic)
    trial = s.options[-1]
    assert trial.id == "trial" and [t.name for t in trial.trials] == ["LOCAL-1"]
    assert s.clinic_name == "Clinic & Co"


def test_words_used_are_the_glossary_terms_on_the_summary(content):
    s = summary_for(content, BALANCED)
    assert [g.term for g in s.glossary] == ["armpit (axilla)", "clinical trial", "lymph nodes", "radiation",
                                            "sentinel node biopsy", "stage 4"]
    assert s.glossary[-1].definition == "Cancer that has spread from the breast to other parts of the body."


def test_words_used_follow_the_persons_own_questions_but_not_the_name(content):
    answers = Answers(own_questions=("Is it HER2?",), name="Lymphedema")
    terms = [g.term for g in summary_for(content, answers).glossary]
    assert "HER2" in terms and "lymphedema" not in terms
    answers = Answers(own_questions=("is it her2 or not?",))
    assert "HER2" not in [g.term for g in summary_for(content, answers).glossary]  # abbreviations: exact case


def test_term_variants():
    assert term_variants("armpit (axilla)") == ("armpit", "axilla")
    assert term_variants("metastasis (plural metastases)") == ("metastasis", "metastases")
    assert term_variants("stage 4") == ("stage 4",)


def test_footer_facts(content):
    s = summary_for(content, BALANCED)
    assert s.created_text == "3 November 2026"
    assert s.content_version == "0.1.0" and s.is_draft and s.fingerprint == content.fingerprint
    assert len(s.fingerprint) == 64


# -- HTML -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_every_section_for_every_situation(content, name):
    s = summary_for(content, SITUATIONS[name])
    html = render_html(s)
    text = visible_text(html)
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [h for h in SECTIONS if h != "Words used" or s.glossary]
    for line in s.situation:
        assert line.question in text and (line.answer or "Not answered") in text
    for o in s.options:
        assert o.title in text and o.framing_label in text
        for g in o.figure_groups:
            for f in g.figures:
                assert f"{f.wording[0]} {f.wording[1]}" in text
    for q in s.questions:
        assert q.text in text
    assert "For discussion with your care team, not medical advice." in text
    assert f"fingerprint (SHA-256): {content.fingerprint}" in text
    assert "3 November 2026" in text
    assert html.count('class="icon-array"') == sum(len(g.figures) for o in s.options for g in o.figure_groups
                                                   if not g.shown_with)


def test_the_not_yet_sure_flag_stands_out_in_words_not_colour_alone(content):
    html = render_html(summary_for(content, GROWING))
    assert re.search(r'<div class="flag"><p><b>NOT YET SURE\.</b>', html)
    assert "You may not be ready to decide yet." in html
    assert "NOT YET SURE" not in render_html(summary_for(content, BALANCED))


# A made-up review (no real person), so that a copy of the content may say "reviewed" (governance.check).
REVIEW_FOR_TESTS = """reviewers:
  - {name: Test reviewer, role: oncologist (test), clinician: true, date: 2026-12-01, version: 0.1.0,
     pages: all, declaration: none (test)}"""


def test_draft_banner_only_while_draft(tmp_path):
    html = render_html(summary_for(load_content(CONTENT), BALANCED))
    assert "DRAFT:" in html
    reviewed = tmp_path / "content"
    shutil.copytree(CONTENT, reviewed)
    bundle = reviewed / "bundle.yaml"
    bundle.write_text(bundle.read_text().replace("status: draft", "status: reviewed").replace(
        "reviewers: []\n", "") + REVIEW_FOR_TESTS + "\n")
    html = render_html(summary_for(load_content(reviewed), BALANCED))
    assert "DRAFT" not in html and "Reviewed by clinicians" in html


def test_no_name_unless_typed(content):
    html = render_html(summary_for(content, BALANCED))
    assert "Name:" not in html
    html = render_html(summary_for(content, Answers(name="Ann Smith")))
    assert "Name: <b dir=\"auto\">Ann Smith</b>" in html
    assert "<title>My discussion summary: Ann Smith</title>" in html


HOSTILE = [
    "<script>alert('x')</script>",
    "Tom & Jerry's \"quoted\" question",
    "</td></tr></table><h2>Injected</h2>",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "😀👍🏽 Can I bring my dog? 🐕",
    "שאלה בעברית: האם אפשר לחכות?",
    "سؤال: هل يمكنني الانتظار؟",
    ("What would each choice mean for my family? " * 50)[:1999] + "?",
]


def test_free_text_is_escaped_everywhere(content):
    answers = Answers(own_questions=tuple(HOSTILE), name="<i>Zoë</i> & \"O'Brien\"")
    html = render_html(summary_for(content, answers))
    assert "<script>" not in html and "<h2>Injected</h2>" not in html and "<i>Zoë</i>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Tom &amp; Jerry&#39;s &#34;quoted&#34; question" in html
    assert "{{ 7*7 }}" in html  # shown as typed, never evaluated
    text = visible_text(html)
    for question in HOSTILE:
        assert question in text
    assert "<i>Zoë</i> & \"O'Brien\"" in text
    assert len(re.findall(r"<h2[ >]", html)) == len(re.findall(r"</h2>", html)) == len(SECTIONS) + 1  # + At a glance


def test_html_has_landmarks_header_cells_and_pictures_with_words(content):
    s = summary_for(content, BALANCED)
    html = render_html(s)
    assert html.count("<main>") == 1 and html.count("<footer>") == 1
    assert html.count('<th scope="col">') == 6  # situation, values and SURE tables
    assert re.findall(r'role="img" aria-label="Picture of 100 people: (\d+) of them', html) == \
        ["40", "16", "68", "68", "16", "5"]


def test_html_is_the_same_every_time(content):
    """Rendering holds no state between summaries. (Its speed: ``make bench``.)"""
    s = summary_for(content, BALANCED)
    first = render_html(s)
    render_html(summary_for(content, GROWING))
    assert render_html(s) == first


# -- JSON -----------------------------------------------------------------------------------------------------------

def test_json_for_a_health_record(content):
    data = summary_json(summary_for(content, GROWING))
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "decision-aid-summary" and data["version"] == 1
    assert data["created"] == "2026-11-03"
    assert data["content"] == {"name": content.bundle.name, "version": "0.1.0", "status": "draft",
                               "fingerprint": content.fingerprint}
    assert [(o["id"], o["framing"]) for o in data["options"]] == [
        ("medicines_only", "standard"), ("surgery", "not_usually_advised"), ("radiation", "not_usually_advised"),
        ("trial", "option_to_discuss")]
    assert [n["id"] for n in data["notes"]] == ["note-growing", "note-trial"]
    assert data["not_yet_sure"] is True
    assert parse_answers(data["answers"]) == GROWING
    assert data["options"][0]["key_figures"][0]["facts"][0] == {
        "id": "e2108.local.without", "phrase": "40 in 100 people", "per100": 39.8,
        "population": "people in E2108 who kept taking medicines alone", "time_frame": "within 3 years",
        "source": "khan2022",
        "applicability": {"status": "not_included", "like_you": False, "study": "e2108",
                          "text": "This trial did not include people whose cancer was growing."}}
    assert data["flags"] == [{"code": "unanswered_steps", "text": "Not answered: What matters to you."}]
    assert data["unanswered_steps"] == [{"id": "values", "name": "What matters to you"}]
    assert data["clinic"] is None


# -- writing text files ---------------------------------------------------------------------------------------------

def test_writing_into_a_missing_folder_names_it(tmp_path):
    target = tmp_path / "nowhere" / "summary.html"
    with pytest.raises(SummaryWriteError) as info:
        write_summary_file(target, b"x")
    assert str(info.value) == f"cannot save the summary in the folder {tmp_path / 'nowhere'}: the folder does not exist"
    assert not target.parent.exists()


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    import decision_aid.safe_files as safe_files_module

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files_module.tempfile, "mkstemp", refuse)
    with pytest.raises(SummaryWriteError) as info:
        write_summary_file(tmp_path / "s.json", b"{}")
    assert "may not write there" in str(info.value) and str(tmp_path) in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_summary_imports_neither_qt_nor_jinja_until_rendering():
    code = (
        "import sys\n"
        "from decision_aid.summary import build_summary, summary_json\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'jinja2'))]\n"
        "from decision_aid.content import load_content\n"
        "from decision_aid.answers import Answers\n"
        "from decision_aid.summary import render_html\n"
        f"s = build_summary(content=load_content({str(FIXTURE)!r}), answers=Answers())\n"
        "assert 'My situation' in render_html(s)\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_glance_situation_is_one_line_of_shorthand(content):
    from decision_aid.summary import glance

    assert glance.situation_line(summary_for(content, BALANCED)) == (
        "Breast: no problems · elsewhere: stable · Four to eight months on medicines · bones, lungs, few spots · HR+")
    assert glance.situation_line(summary_for(content, SYMPTOMS)) == "Breast: bleeding, smell"
    unsure = Answers(situation={"breast_symptoms": "unsure", "spread_sites": ("unsure",), "spread_extent": "few",
                                "tumor_type": "unsure", "trial_offered": "no"})
    assert glance.situation_line(summary_for(content, unsure)) == (
        "few spots · not sure of breast problems, where spread, type")  # no trial offered: not worth the room
    assert glance.situation_line(summary_for(content, Answers())) == ""


def test_the_glance_names_flags_in_short_phrases_and_value_conflicts_once(content):
    from dataclasses import replace

    from decision_aid.summary import glance
    from decision_aid.summary.tailored import FlagLine

    flags = (FlagLine("not_usually_advised", 'You are leaning towards "Add surgery". In your situation, …'),
             FlagLine("against_values", "… avoiding an operation matters a lot to you.", "Avoiding an operation"),
             FlagLine("against_values", "… not delaying your medicines matters a lot to you.",
                      "Not delaying my medicines"),
             FlagLine("unanswered_steps", "Not answered: The SURE test."))
    s = replace(summary_for(content, BALANCED), flags=flags)
    assert glance.flag_phrases(s) == ["Leaning is not usually advised in this situation",
                                      "Leaning pulls against: Avoiding an operation; Not delaying my medicines"]
    assert glance.detail_flags(s) == [f.text for f in flags[:3]]  # the steps not answered have the glance's line
    assert "Not answered: The SURE test." not in visible_text(render_html(s))
    assert all(text in visible_text(render_html(s)) for text in glance.detail_flags(s))
