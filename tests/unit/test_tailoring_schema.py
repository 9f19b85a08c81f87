"""The schema pieces that say who each figure applies to (facts.yaml ``study``, tailoring.yaml ``studies``,
``unsure_questions``, ``value_conflicts``, ``flag_texts``) and option page variants: each defect, its exact message."""

from tests.conftest import edit, messages


def test_a_trial_figure_without_its_population_is_refused(content_copy):
    edit(content_copy / "facts.yaml", "    status: V\n    study: e2108\n  e2108.local.without", "    status: V\n"
         "  e2108.local.without")
    assert messages(content_copy) == [
        "facts.yaml:2: facts.e2108.local.with.study: expected the id of the study whose people this figure "
        "describes (its source is the E2108 trial), received nothing"]


def test_a_figure_naming_an_unknown_study_is_refused(content_copy):
    edit(content_copy / "facts.yaml", "    study: mclaughlin\n", "    study: mclaughlin2008\n")
    assert messages(content_copy) == [
        "facts.yaml:20: facts.lymph.alnd.study: expected a study id from tailoring.yaml studies: e2108, mclaughlin, "
        "received 'mclaughlin2008'"]


def test_a_criterion_naming_an_unknown_answer_is_refused(content_copy):
    edit(content_copy / "tailoring.yaml", "      - answer: distant_response\n", "      - answer: cancer_response\n")
    assert messages(content_copy) == [
        "tailoring.yaml:30: studies[0].criteria[1].answer: expected an answer: one of breast_symptoms, "
        "distant_response, months_on_treatment, spread_extent, tumor_type, trial_offered, "
        "received 'cancer_response'"]


def test_a_criterion_naming_an_unknown_value_is_refused(content_copy):
    edit(content_copy / "tailoring.yaml", "        took: [shrinking, stable]\n", "        took: [shrinking, steady]\n")
    assert messages(content_copy) == [
        "tailoring.yaml:31: studies[0].criteria[1].took: expected values among shrinking, stable, growing, "
        "too_early, unsure, received 'steady'"]


def test_a_value_both_taken_and_not_taken_is_refused(content_copy):
    edit(content_copy / "tailoring.yaml", "        not_took: [growing]\n", "        not_took: [growing, stable]\n")
    assert messages(content_copy) == [
        "tailoring.yaml:32: studies[0].criteria[1].not_took: expected no value also in took, received 'stable'"]


def test_a_matched_study_needs_criteria_and_its_words(content_copy):
    edit(content_copy / "tailoring.yaml", "    kind: estimate\n", "    kind: matched\n")
    assert messages(content_copy) == [
        "tailoring.yaml:35: studies[1].criteria: expected at least one criterion (kind: matched), received nothing",
        "tailoring.yaml:35: studies[1].applies: expected the words shown when the answers match, received nothing"]


def test_a_study_page_must_be_a_page_about_studies(content_copy):
    edit(content_copy / "tailoring.yaml", "    kind: estimate\n", "    kind: estimate\n    pages: [risks-page]\n")
    assert messages(content_copy) == [
        "tailoring.yaml: studies[1].pages: expected ids of pages with step: trials, received 'risks-page'"]


def test_a_value_conflict_naming_an_unknown_option_or_value_is_refused(content_copy):
    edit(content_copy / "tailoring.yaml", "flag_texts:\n", "value_conflicts:\n  - leaning: operation\n"
         "    value: no_surgery\n    at_least: 3\n    text: Leaning to surgery, avoiding an operation matters.\n"
         "flag_texts:\n")
    assert messages(content_copy) == [
        "tailoring.yaml:40: value_conflicts[0].leaning: expected an option id: one of medicines_only, surgery, "
        "received 'operation'",
        "tailoring.yaml:41: value_conflicts[0].value: expected one of: live_longer, breast_control, avoid_surgery, "
        "avoid_side_effects, medicines_on_time, help_research, received 'no_surgery'"]


def test_a_suggested_question_must_exist_and_its_answer_must_have_not_sure(content_copy):
    edit(content_copy / "tailoring.yaml", "flag_texts:\n", "unsure_questions:\n  distant_response: decision.nope\n"
         "  trial_offered: decision.options\nflag_texts:\n")
    assert messages(content_copy) == [
        "tailoring.yaml:40: unsure_questions.distant_response: expected a question id from prompts.yaml, "
        "received 'decision.nope'",
        "tailoring.yaml:41: unsure_questions.trial_offered: expected an answer with \"I'm not sure\": one of "
        "breast_symptoms, distant_response, months_on_treatment, spread_sites, spread_extent, tumor_type, "
        "received 'trial_offered'"]


def test_every_flag_needs_its_words(content_copy):
    edit(content_copy / "tailoring.yaml", "  situation_changed: The situation changed after the leaning.\n", "")
    assert messages(content_copy) == [
        "tailoring.yaml:40: flag_texts.situation_changed: expected a label for it, received nothing"]


def test_a_second_page_for_an_option_needs_show_when_and_the_same_title(content_copy):
    page = (content_copy / "pages" / "option-surgery.md").read_text(encoding="utf-8")
    variant = page.replace("id: option-surgery\n", "id: option-surgery-growing\n")
    (content_copy / "pages" / "option-surgery-growing.md").write_text(variant, encoding="utf-8")
    assert messages(content_copy) == [
        "pages/option-surgery-growing.md:10: option: expected an option listed in tailoring.yaml (a second page for "
        "an option needs show_when), received 'surgery'"]
    variant = variant.replace("option: surgery\n", "option: surgery\nshow_when: {distant_response: [growing]}\n")
    variant = variant.replace("title: ", "title: Surgery now, ", 1)
    (content_copy / "pages" / "option-surgery-growing.md").write_text(variant, encoding="utf-8")
    got = messages(content_copy)
    assert len(got) == 1 and got[0].startswith("pages/option-surgery-growing.md:3: title: expected the title of "
                                              "pages/option-surgery.md (the same option), received 'Surgery now, ")
