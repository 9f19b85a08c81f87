"""Each check of check-content, on a small bundle with one defect injected, asserting the exact message."""

import datetime as dt
import re

import pytest

from decision_aid.content import load_content
from decision_aid.content.checker import check_content
from decision_aid.errors import ContentError


def messages(root, **kwargs):
    return [str(p) for p in check_content(root, **kwargs).problems]


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_fixture_is_clean(content_copy):
    report = check_content(content_copy, strict=True)
    assert report.ok, report.report()
    assert report.summary().startswith("content OK: 20 files, 3 facts, 13 pages, 2 glossary words")


def test_broken_yaml_is_an_error_not_empty(content_copy):
    edit(content_copy / "facts.yaml", "    value: 16\n", "    value: [16\n")
    # Only the broken file is reported: no cascade of "unknown fact" from the pages that use its facts.
    assert messages(content_copy) == [
        "facts.yaml:22: (yaml): expected valid YAML, received \"expected ',' or ']', but got ':'\""]


def test_empty_yaml_file_is_named(content_copy):
    (content_copy / "glossary.yaml").write_text("", encoding="utf-8")
    assert messages(content_copy)[0] == "glossary.yaml:1: (file): expected a YAML mapping, received an empty file"


def test_broken_front_matter_yaml_points_at_the_file_line(content_copy):
    edit(content_copy / "pages" / "welcome.md", "title: Welcome", "title: [Welcome")
    msgs = messages(content_copy)
    assert len(msgs) == 1
    assert re.match(r"pages/welcome\.md:\d: \(yaml\): expected valid YAML, received ", msgs[0])


def test_missing_front_matter(content_copy):
    (content_copy / "pages" / "welcome.md").write_text("Just text\n", encoding="utf-8")
    assert "pages/welcome.md:1: (front matter): expected YAML front matter between two '---' lines at the top, " \
           "received 'Just text'" in messages(content_copy)


def test_missing_field(content_copy):
    edit(content_copy / "pages" / "welcome.md", "title: Welcome\n", "")
    assert "pages/welcome.md:2: title: expected a non-empty text, received nothing" in messages(content_copy)


def test_mistyped_field_name(content_copy):
    edit(content_copy / "pages" / "welcome.md", "review_due:", "reviw_due:")
    msgs = messages(content_copy)
    assert ("pages/welcome.md:8: reviw_due: expected one of: id, title, step, audience, version, reviewed, "
            "review_due, sources, show_when, option, grid, compare, received 'reviw_due'") in msgs
    assert "pages/welcome.md:2: review_due: expected a date as YYYY-MM-DD, received nothing" in msgs


def test_bad_date(content_copy):
    edit(content_copy / "pages" / "welcome.md", "# reviewed: (no review recorded)", "reviewed: 2026-13-01")
    assert messages(content_copy) == [
        "pages/welcome.md:7: reviewed: expected a date as YYYY-MM-DD, received '2026-13-01'"]


def test_bad_step_value(content_copy):
    edit(content_copy / "pages" / "welcome.md", "step: welcome", "step: hello")
    msgs = messages(content_copy)
    assert msgs[0].startswith("pages/welcome.md:4: step: expected one of: welcome, situation, ")
    assert msgs[0].endswith(", received 'hello'")


def test_unknown_fact_placeholder(content_copy):
    edit(content_copy / "pages" / "trials.md", "{{e2108.local.with}}", "{{e2108.local.wiht}}")
    assert "pages/trials.md:14: (body): expected a fact id from facts.yaml in {{…}}, received 'e2108.local.wiht'" \
        in messages(content_copy)


def test_fact_without_source(content_copy):
    edit(content_copy / "facts.yaml", "    source: mclaughlin2008\n", "")
    assert "facts.yaml:21: facts.lymph.alnd.source: expected a non-empty text, received nothing" in \
        messages(content_copy)


def test_fact_with_unknown_source(content_copy):
    edit(content_copy / "facts.yaml", "source: mclaughlin2008", "source: mclaughlin2009")
    assert "facts.yaml:26: facts.lymph.alnd.source: expected a reference id from references.yaml, received " \
           "'mclaughlin2009'" in messages(content_copy)


def test_fact_with_status_u_is_refused(content_copy):
    edit(content_copy / "facts.yaml", "status: V\n", "status: U\n", count=3)
    assert "facts.yaml:9: facts.e2108.local.with.status: expected V or S (a figure marked U in FACTS.md is never " \
           "shown), received 'U'" in messages(content_copy)


def test_unknown_reference_id_in_page(content_copy):
    edit(content_copy / "pages" / "trials.md", "sources: [khan2022]", "sources: [khan2021]")
    assert "pages/trials.md:9: sources: expected reference ids from references.yaml, received 'khan2021'" in \
        messages(content_copy)


def test_bare_number_in_prose(content_copy):
    edit(content_copy / "pages" / "welcome.md", "at your own pace.", "at your own pace. It takes 15 minutes.")
    assert messages(content_copy) == [
        "pages/welcome.md:11: (body): expected figures only through fact placeholders {{…}}, received '15'"]


@pytest.mark.parametrize("ok_text", ["HER2 and E2108", "1. A list item", "You have stage 4 cancer",
                                     "{{lymph.alnd}} of people"])
def test_numbers_that_are_not_figures(content_copy, ok_text):
    edit(content_copy / "pages" / "welcome.md", "at your own pace.", "at your own pace.\n\n" + ok_text)
    assert messages(content_copy) == []


def test_hyphenated_number_is_a_figure(content_copy):
    edit(content_copy / "pages" / "welcome.md", "at your own pace.", "A 3-week course.")
    assert messages(content_copy) == [
        "pages/welcome.md:11: (body): expected figures only through fact placeholders {{…}}, received '3-week'"]


def test_bare_number_in_form_label(content_copy):
    edit(content_copy / "form.yaml", "Less than four months", "Less than 4 months")
    assert messages(content_copy) == [
        "form.yaml:14: situation.months_on_treatment.choices.under_4: expected figures only through fact "
        "placeholders {{…}}, received '4'"]


def test_raw_html(content_copy):
    edit(content_copy / "pages" / "welcome.md", "at your own pace.", "at your <b>own</b> pace.")
    msgs = messages(content_copy)
    assert "pages/welcome.md:11: (body): expected Markdown without raw HTML, received '<b>'" in msgs
    assert "pages/welcome.md:11: (body): expected Markdown without raw HTML, received '</b>'" in msgs


def test_raw_html_is_never_rendered(content_copy):
    content = load_content(content_copy)
    from decision_aid.content.markup import to_html

    assert "<script>" not in to_html("<script>alert(1)</script>")
    assert "&lt;script&gt;" in to_html("<script>alert(1)</script>")
    assert "<a href=\"glossary:stage%204\">stage 4</a>" in content.page("welcome").html


def test_broken_internal_link(content_copy):
    edit(content_copy / "pages" / "trials.md", "(page:risks)", "(page:riskz)")
    assert messages(content_copy) == [
        "pages/trials.md:15: (body): expected a page id that exists, received 'riskz'"]


def test_external_link_is_refused(content_copy):
    edit(content_copy / "pages" / "trials.md", "(page:risks)", "(https://example.org)")
    assert messages(content_copy) == [
        "pages/trials.md:15: (body): expected a link to another page, written page:ID, received "
        "'https://example.org'"]


def test_rule_with_unknown_answer_and_value(content_copy):
    edit(content_copy / "tailoring.yaml", "distant_response: [growing]", "distant_respons: [growing]")
    edit(content_copy / "tailoring.yaml", "breast_symptoms: [none]", "breast_symptoms: [nothing]")
    msgs = messages(content_copy)
    assert any(m.startswith("tailoring.yaml:15: rules[0].when.distant_respons: expected an answer: one of "
                            "breast_symptoms, symptom_kinds,") for m in msgs)
    assert ("tailoring.yaml:14: rules[0].when.breast_symptoms: expected values among none, some, unsure, "
            "received 'nothing'") in msgs


def test_rule_with_unknown_option_and_framing(content_copy):
    edit(content_copy / "tailoring.yaml", "framing: {surgery: not_usually_advised}",
         "framing: {surgery: discouraged, radiation: standard}")
    msgs = messages(content_copy)
    assert ("tailoring.yaml:16: rules[0].framing.surgery: expected one of: standard, option_to_discuss, "
            "not_usually_advised, received 'discouraged'") in msgs
    assert ("tailoring.yaml:16: rules[0].framing.radiation: expected an option id: one of medicines_only, surgery, "
            "received 'radiation'") in msgs


def test_rule_naming_a_missing_note_page(content_copy):
    edit(content_copy / "tailoring.yaml", "notes: [note-growing]", "notes: [note-grow]")
    assert messages(content_copy) == [
        "tailoring.yaml:17: rules.growing.notes: expected ids of pages with step: note, received 'note-grow'"]


def test_rule_may_not_hide_medicines_alone(content_copy):
    edit(content_copy / "tailoring.yaml", "notes: [note-growing]", "notes: [note-growing]\n    hide: [medicines_only]")
    assert messages(content_copy) == [
        "tailoring.yaml:18: rules[0].hide: expected options other than medicines_only (always shown), received "
        "'medicines_only'"]


def test_glossary_term_used_but_undefined(content_copy):
    edit(content_copy / "pages" / "welcome.md", "at your own pace.", "at your own pace. Ask about [[seroma]].")
    assert messages(content_copy) == [
        "pages/welcome.md:11: (body): expected a word defined in glossary.yaml, received 'seroma'"]


def test_duplicate_page_id(content_copy):
    edit(content_copy / "pages" / "values.md", "id: values", "id: welcome")
    msgs = messages(content_copy)
    assert "pages/welcome.md:2: id: expected a page id used once (also in pages/values.md), received 'welcome'" \
        in msgs
    assert "pages: step: expected at least one page with step: values, received none" not in msgs


def test_duplicate_yaml_key(content_copy):
    edit(content_copy / "glossary.yaml", "  stage 4:", "  lymphedema:")
    assert messages(content_copy) == ["glossary.yaml:5: (yaml): expected valid YAML, received \"duplicate key "
                                      "'lymphedema'\""]


def test_duplicate_question_id(content_copy):
    edit(content_copy / "prompts.yaml", "id: decision.wait", "id: decision.advice")
    assert messages(content_copy) == [
        "prompts.yaml:7: groups[0].questions[1].id: expected a question id used once, received 'decision.advice'"]


def test_form_label_missing_and_extra(content_copy):
    edit(content_copy / "form.yaml", "pain: Pain, ", "pains: Pain, ")
    msgs = messages(content_copy)
    assert ("form.yaml:8: situation.symptom_kinds.choices.pains: expected one of: bleeding, open_wound, infection, "
            "pain, smell, received 'pains'") in msgs
    assert "form.yaml:8: situation.symptom_kinds.choices.pain: expected a label for it, received nothing" in msgs


def test_option_page_headings_must_match_grid(content_copy):
    edit(content_copy / "pages" / "option-surgery.md", "## Main risks", "## Risks")
    assert messages(content_copy) == [
        "pages/option-surgery.md:15: (headings): expected ## headings, in order: What is involved; Main risks, "
        "received 'What is involved; Risks'"]


def test_option_page_missing_grid_cell(content_copy):
    edit(content_copy / "pages" / "option-surgery.md", "  involved: An operation on the breast.\n", "")
    assert messages(content_copy) == [
        "pages/option-surgery.md:12: grid.involved: expected a non-empty text, received nothing"]


def test_missing_step_page(content_copy):
    (content_copy / "pages" / "about.md").unlink()
    assert messages(content_copy) == ["pages: step: expected at least one page with step: about, received none"]


def test_compare_needs_one_time_frame(content_copy):
    edit(content_copy / "facts.yaml",
         "time_frame: within 3 years\n    source: khan2022\n    status: V\n    study: e2108\n  lymph",
         "time_frame: within 4 years\n    source: khan2022\n    status: V\n    study: e2108\n  lymph")
    assert messages(content_copy) == [
        "pages/trials.md:12: compare[0].facts: expected facts with one and the same time_frame, received "
        "'within 3 years / within 4 years'"]


def test_unused_fact_is_a_warning_and_strict_makes_it_an_error(content_copy):
    edit(content_copy / "pages" / "option-surgery.md", "happens in {{lymph.alnd}} who", "happens to some people who")
    edit(content_copy / "pages" / "option-surgery.md", " in {{lymph.alnd}}.", ".")
    report = check_content(content_copy)
    assert [str(p) for p in report.problems] == [
        "facts.yaml: facts.lymph.alnd: expected a fact that some text uses, received unused (warning)"]
    assert report.ok
    assert not check_content(content_copy, strict=True).ok


def test_review_date_passed_is_a_warning(content_copy):
    msgs = messages(content_copy, today=dt.date(2100, 1, 1))
    assert "bundle.yaml: review_due: expected a date after today (2100-01-01), received 2099-11-01 (warning)" in msgs
    assert "pages/welcome.md: review_due: expected a date after today (2100-01-01), received 2099-11-01 (warning)" \
        in msgs


def test_reading_level_too_high(content_copy):
    hard = ("Locoregional therapeutic interventions administered concomitantly with systemic pharmacological "
            "regimens demonstrated heterogeneous methodological characteristics, necessitating considerable "
            "interpretative circumspection regarding generalizability.")
    edit(content_copy / "pages" / "welcome.md", "This page is for people with [[stage 4]] cancer. You can read it "
         "at your own pace.", hard)
    msgs = messages(content_copy)
    assert len(msgs) == 1
    assert re.fullmatch(r"pages/welcome\.md:1: \(reading level\): expected Flesch-Kincaid grade 8 or lower for a "
                        r"patient page, received grade \d+\.\d", msgs[0])


def test_every_problem_is_reported_at_once(content_copy):
    edit(content_copy / "pages" / "welcome.md", "# reviewed: (no review recorded)", "reviewed: 2026-13-01")
    edit(content_copy / "pages" / "trials.md", "(page:risks)", "(page:riskz)")
    edit(content_copy / "facts.yaml", "source: mclaughlin2008", "source: nobody")
    assert len(messages(content_copy)) == 3


def test_app_refuses_invalid_content(content_copy):
    edit(content_copy / "pages" / "trials.md", "(page:risks)", "(page:riskz)")
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    assert str(info.value) == "pages/trials.md:15: (body): expected a page id that exists, received 'riskz'"


def test_missing_folder(tmp_path):
    assert messages(tmp_path / "nope") == [f"{tmp_path / 'nope'}: (folder): expected a content folder, "
                                          "received no such folder"]


def test_only_condition_on_a_list_answer(content_copy):
    edit(content_copy / "tailoring.yaml", "breast_symptoms: [none]", "spread_sites: {only: [bone]}")
    content = load_content(content_copy)
    from decision_aid.content.model import OnlyOf

    assert content.tailoring.rules[0].when["spread_sites"] == OnlyOf(("bone",))


def test_only_condition_needs_a_list_answer(content_copy):
    edit(content_copy / "tailoring.yaml", "breast_symptoms: [none]", "breast_symptoms: {only: [none]}")
    assert messages(content_copy) == [
        "tailoring.yaml:14: rules[0].when.breast_symptoms: expected a list of none, some, unsure, received a mapping"]
