"""A translation (content/<language>/) laid over the English: loaded in every language, checked against its English
source (every text, the same placeholders, glossary ids and links, a fact's numbers, no English left, a reading level
by a Spanish formula, pages older than their English source), its own status, and in the store and the fingerprint."""

import shutil
import sys

import pytest

from decision_aid import paths
from decision_aid.content import files, load_content, load_languages, start_languages
from decision_aid.content.checker import check_content
from decision_aid.content.fingerprint import fingerprint
from decision_aid.content.parity import ENGLISH_SHARE, english_share
from tests.conftest import ROOT, edit, messages

BILINGUAL = ROOT / "tests" / "summary" / "content"  # a complete small bundle with its Spanish (es/)

# A real English paragraph of the shipped content, and a Spanish one written for this test (not a copy of it).
ENGLISH = ("This means adding an operation on the breast to your medicines, when the breast tumor is not causing "
           "problems. Some people also have radiation after the operation. Your medicines stay the main treatment.")
SPANISH = ("Esto significa añadir una operación en la mama a sus medicamentos, cuando el tumor de la mama no le "
           "causa problemas. Algunas personas también reciben radioterapia después de la operación. Sus "
           "medicamentos siguen siendo el tratamiento principal.")


@pytest.fixture
def bilingual(tmp_path):
    dest = tmp_path / "content"
    shutil.copytree(BILINGUAL, dest)
    return dest


def test_every_language_is_loaded_with_its_words_over_the_english_model(bilingual):
    langs = load_languages(bilingual)
    assert list(langs) == ["en", "es"]
    en, es = langs["en"], langs["es"]
    assert (en.language, es.language) == ("en", "es") and en.translation is None
    assert es.translation.status == "draft" and es.translation.reviewers == ()
    assert es.form.leaning.prompt == "¿Hacia dónde se inclina?"
    assert es.facts["lymph.alnd"].phrase == "16 de cada 100 personas"
    assert es.facts["lymph.alnd"].per100 == en.facts["lymph.alnd"].per100  # figures only from the English
    surgery = es.page("option-surgery")
    assert "16 de cada 100 personas" in surgery.text and surgery.path == "es/pages/option-surgery.md"
    assert surgery.version == en.page("option-surgery").version and surgery.translated_from == "1.0.0"
    assert surgery.compare[0].facts == en.page("option-surgery").compare[0].facts
    assert es.tailoring.rules == en.tailoring.rules and es.tailoring.studies[0].name == "El ensayo E2108"
    assert es.fingerprint == en.fingerprint == fingerprint(bilingual)


def test_the_fingerprint_covers_the_translation_files_read(bilingual):
    listed = [p.relative_to(bilingual).as_posix() for p in files.content_files(bilingual)]
    assert "es/bundle.yaml" in listed and "es/pages/welcome.md" in listed
    assert load_content(bilingual).files == len(listed)
    before = fingerprint(bilingual)
    edit(bilingual / "es" / "pages" / "welcome.md", "con calma", "con tranquilidad")
    assert fingerprint(bilingual) != before
    (bilingual / "es" / "notes.txt").write_text("not read")  # a file the reader does not read is not covered
    assert fingerprint(bilingual) == fingerprint(bilingual)


def test_the_store_holds_every_language_and_the_first_paint_proves_them(bilingual, monkeypatch):
    monkeypatch.setattr(paths, "content_dir", lambda: bilingual)
    monkeypatch.delattr(sys, "frozen", raising=False)
    first, rederive = start_languages(bilingual)
    assert rederive is None and list(first) == ["en", "es"]
    shown, rederive = start_languages(bilingual)
    assert rederive is not None and shown == first
    assert shown["es"].page("welcome").__dict__["html"] == first["es"].page("welcome").html  # stored rendered
    rederive()  # the files make the very same model, Spanish included


def test_the_english_share_tells_an_english_sentence_from_a_spanish_one():
    assert english_share(ENGLISH) >= 2 * ENGLISH_SHARE
    assert english_share(SPANISH) <= ENGLISH_SHARE / 4


def test_a_translation_that_misses_or_adds_a_text_is_refused(bilingual):
    es = bilingual / "es"
    (es / "pages" / "about.md").unlink()
    shutil.copy(es / "pages" / "risks.md", es / "pages" / "extra.md")
    edit(es / "glossary.yaml", "  radiation:\n", "  radiotherapy:\n")
    edit(es / "prompts.yaml", "      - id: decision.wait\n        text: ¿Puede esperar la decisión?\n", "")
    (es / "references.yaml").unlink()
    assert messages(bilingual) == [
        "es/references.yaml: (file): expected the es words of references.yaml, received no such file",
        "es/glossary.yaml: terms: expected the ids of the English: lymphedema, stage 4, lymph nodes, clinical trial, "
        "sentinel node biopsy, axilla, her2, radiation, received missing radiation; not in the English: radiotherapy",
        "es/prompts.yaml:4: groups[0].questions: expected the ids of the English, in its order: decision.advice, "
        "decision.wait, decision.later, received missing decision.wait",
        "es/pages/extra.md: (file): expected a page the English has (the same file name), received a page the "
        "English lacks",
        "es/pages/about.md: (file): expected the es page of pages/about.md, received no such file",
    ]


def test_placeholders_links_glossary_ids_and_numbers_are_those_of_the_english(bilingual):
    es = bilingual / "es"
    edit(es / "pages" / "option-surgery.md", "{{lymph.alnd}} a las", "{{lymph.slnb}} a las")
    edit(es / "pages" / "trials.md", "(page:risks)", "(page:values)")
    edit(es / "pages" / "welcome.md", "[[stage 4|estadio 4]]", "[[her2|estadio 4]]")
    edit(es / "facts.yaml", "phrase: 5 de cada 100", "phrase: 6 de cada 100")
    edit(es / "tailoring.yaml", "«{option}», que no se suele", "«{opcion}», que no se suele")
    edit(es / "pages" / "option-trial.md", "Un estudio que compara dos", "Un estudio que compara 2")
    assert messages(bilingual) == [
        "es/pages/option-trial.md:6: grid.involved: expected figures only through fact placeholders {{…}}, "
        "received '2'",
        "es/facts.yaml:23: facts.lymph.slnb.phrase: expected the numbers of the English phrase, in digits: 5, 100, "
        "received '6 de cada 100 personas'",
        "es/tailoring.yaml:23: flag_texts.not_usually_advised: expected the fields {…} of the English: option, "
        "received missing option; added opcion",
        "es/pages/option-surgery.md:12: (body): expected the placeholders {{…}} of the English: {{lymph.alnd}}, "
        "received missing {{lymph.alnd}}; added {{lymph.slnb}}",
        "es/pages/trials.md:8: (body): expected the page links of the English: page:risks, received missing "
        "page:risks; added page:values",
        "es/pages/welcome.md:6: (body): expected the glossary ids [[…]] of the English: stage 4, received missing "
        "stage 4; added her2",
    ]


def test_english_left_in_a_translation_is_found(bilingual):
    es = bilingual / "es"
    edit(es / "pages" / "values.md", "Esta página es para personas", "This page is for people")
    edit(es / "form.yaml", "symptom_kinds:\n    prompt: ¿Qué problemas le causa?", "symptom_kinds:\n    prompt: "
         "What problems does it cause?")
    edit(es / "form.yaml", "scale: [Nada,", "scale: [Not at all,")
    assert messages(bilingual) == [
        "es/form.yaml:7: situation.symptom_kinds.prompt: expected text in the translation's language (English words "
        "60% of the sentence), received 'What problems does it cause?'",
        "es/form.yaml: values.scale[0]: expected text in the translation's language, received the English text "
        "'Not at all'",
        "es/pages/values.md:6: (body): expected text in the translation's language (English words 33% of the "
        "sentence), received 'This page is for people con cáncer en [[stage 4|estadio 4]].'",
    ]


def test_pages_older_than_their_english_source_are_a_warning_strict_refuses(bilingual):
    edit(bilingual / "es" / "pages" / "trials.md", "translated_from: 1.0.0", "translated_from: 0.9.0")
    warning = ("es/pages/trials.md:3: translated_from: expected 1.0.0, the version of the English page (translate "
               "what changed since 0.9.0, then set translated_from: 1.0.0), received 0.9.0 (warning)")
    assert messages(bilingual) == [warning]
    assert check_content(bilingual).ok and not check_content(bilingual, strict=True).ok


def test_a_spanish_page_is_measured_by_fernandez_huerta(bilingual):
    edit(bilingual / "es" / "pages" / "risks.md", "Puede leerla con calma, a su ritmo.",
         "La consideración multidisciplinaria individualizada determinará la estrategia terapéutica locorregional "
         "correspondiente.")
    report = check_content(bilingual)
    assert report.ease["es"]["welcome"] > 80
    assert [str(p) for p in report.problems] == [
        "es/pages/risks.md:1: (reading level): expected Fernández-Huerta 60 or higher for a patient page, received "
        f"{report.ease['es']['risks']:.1f}"]


def test_a_translation_keeps_its_own_status_and_needs_both_reviews(bilingual):
    edit(bilingual / "es" / "bundle.yaml", "status: draft", "status: reviewed")
    edit(bilingual / "es" / "bundle.yaml", "reviewers: []", "reviewers:\n  - name: Dra. A. Pérez\n    role: clinician\n"
         "    date: 2026-12-01\n    version: 0.1.0\n    declaration: Ninguna.")
    assert messages(bilingual) == [
        "es/bundle.yaml:2: status: expected draft, or reviewed with a review of version 0.1.0 by a medical "
        "translator and by a clinician who reads the language in reviewers, received 'reviewed' without a review "
        "by a medical translator"]


def test_a_translation_file_holds_only_the_words(bilingual):
    edit(bilingual / "es" / "facts.yaml", "    phrase: 5 de cada 100 personas\n",
         "    phrase: 5 de cada 100 personas\n    per100: 6\n")
    assert messages(bilingual) == [
        "es/facts.yaml:24: facts.lymph.slnb.per100: expected one of: phrase, population, time_frame, note, "
        "received 'per100'"]


def test_a_broken_english_page_is_reported_once_not_in_every_language(bilingual):
    edit(bilingual / "pages" / "risks.md", "audience: patient", "audience: everyone")
    assert messages(bilingual) == [
        "pages/risks.md:5: audience: expected one of: patient, nurse, received 'everyone'",
        "pages/trials.md:15: (body): expected a page id that exists, received 'risks'"]
