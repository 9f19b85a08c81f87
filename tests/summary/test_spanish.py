"""A walk in Spanish shows no English but the care team's panel: every page's content and the printout (HTML, and
the PDF's text through pdftotext) rendered in Spanish from a complete small bundle (tests/summary/content with its
es/), checked against every English text the aid could have left (the English content's and the aid's own words)
and by the share of English function words in each sentence. The Spanish printout fits the page tests too."""

import dataclasses
import re
import shutil
import subprocess

import pytest
from pdf_probe import pieces, squeeze, text_above

from decision_aid.clinic import Clinic, ClinicTrial
from decision_aid.content import load_languages
from decision_aid.content.markup import html_to_text
from decision_aid.content.parity import ENGLISH_SHARE, MIN_WORDS, english_share, paragraphs, words
from decision_aid.examples import EXAMPLES, example_answers
from decision_aid.summary import build_summary, render_html, summary_json
from decision_aid.summary import words as printed
from decision_aid.summary.glance import FLAG_SHORT, SHORTHAND, SITUATION_SHORT, UNSURE_ABOUT
from decision_aid.summary.model import summary_for
from decision_aid.summary.typeset import write_pdf

from summary_cases import SHIPPED_CONTENT, SITUATIONS, SUMMARY_CONTENT, TODAY, TYPICAL_SITUATIONS, render_pngs

CARE_TEAM = "For the care team (English)"
# The clinic file's words are the clinic's own: a Spanish-speaking clinic writes them in Spanish.
CLINICA = Clinic(name="Clínica Santa María", phone="01234 567890",
                 trials=(ClinicTrial("LOCAL-1", "NCT01234567", "Enfermera de ensayos, 01234 567891",
                                     "Cirugía o no después de los primeros medicamentos."),))
GLANCE_BOTTOM_MM = 100


@pytest.fixture(scope="module")
def languages():
    return load_languages(SUMMARY_CONTENT)


def in_spanish(answers):
    """The answers with the person's language (answers.py gains ``language``, issue 16)."""
    if "language" in {f.name for f in dataclasses.fields(answers)}:
        return dataclasses.replace(answers, language="es")
    copy = dataclasses.replace(answers)
    object.__setattr__(copy, "language", "es")
    return copy


def spanish_summary(languages, name, clinic=CLINICA):
    answers = SITUATIONS[name]
    ids = tuple(p.id for g in languages["en"].prompt_groups for p in g.prompts)[:5]
    answers = dataclasses.replace(answers, questions=ids, own_questions=(), name=None)
    return summary_for(languages, in_spanish(answers), clinic=clinic, today=TODAY)


def _fragments(text):
    """The pieces of an English text worth looking for: split at fields and sentence ends; two words or more, or one
    word of five letters or more."""
    out = set()
    for part in re.split(r"\{[a-z_]+\}|(?<=[.!?:;])\s+|\n|·", text):
        part = part.strip(" .,:;()“”\"'«»-—")
        found = words(part)
        if len(found) >= 2 or (len(found) == 1 and len(found[0]) >= 5 and found[0] == part):
            out.add(part)
    return out


def english_texts(en):
    """Every text the English content and the aid's own words hold, as fragments to look for."""
    texts = [p.title for p in en.pages.values()] + [p.text for p in en.pages.values()]
    texts += [html_to_text(cell) for p in en.pages.values() for cell in p.grid.values()]
    texts += [c.title for p in en.pages.values() for c in p.compare]
    texts += [t for term in en.glossary.values() for t in (term.term, term.definition)]
    f = en.form
    for q in [*f.situation.values(), f.leaning]:
        texts += [q.prompt, html_to_text(q.help_html), *q.choices.values()]
    texts += [f.values_prompt, *f.scale, *f.value_items.values(), f.sure_prompt, *f.sure_items.values(),
              html_to_text(f.sure_flag_html), *f.help.values()]
    texts += [g.title for g in en.prompt_groups] + [p.text for g in en.prompt_groups for p in g.prompts]
    t = en.tailoring
    texts += [*t.framings.values(), *t.flag_texts.values(), *(r.label for r in t.grid_rows),
              *(c.text for c in t.value_conflicts)]
    for s in t.studies:
        texts += [s.name, s.applies or "", s.label or ""]
        texts += [x for c in s.criteria for x in (c.not_included, c.unsure)]
    texts += [x for fact in en.facts.values() for x in (fact.phrase, fact.population, fact.time_frame)]
    own = [*printed.labels("en").values(), *printed.glance_labels("en", "en").values(), *printed.MONTHS,
           printed.TITLE, printed.DRAFT_TEXT, printed.TRANSLATION_DRAFT_TEXT, *SITUATION_SHORT.values(),
           *UNSURE_ABOUT.values(), *FLAG_SHORT.values(), *(w for d in SHORTHAND.values() for w in d.values())]
    return set().union(*map(_fragments, texts + own))


def spanish_texts(es):
    texts = [p.title for p in es.pages.values()] + [p.text for p in es.pages.values()]
    texts += [html_to_text(cell) for p in es.pages.values() for cell in p.grid.values()]
    texts += [c.title for p in es.pages.values() for c in p.compare]
    texts += [t for term in es.glossary.values() for t in (term.term, term.definition)]
    f = es.form
    for q in [*f.situation.values(), f.leaning]:
        texts += [q.prompt, html_to_text(q.help_html), *q.choices.values()]
    texts += [f.values_prompt, *f.scale, *f.value_items.values(), f.sure_prompt, *f.sure_items.values(),
              html_to_text(f.sure_flag_html)]
    texts += [g.title for g in es.prompt_groups] + [p.text for g in es.prompt_groups for p in g.prompts]
    texts += [*es.tailoring.framings.values(), *es.tailoring.flag_texts.values()]
    texts += [s.name for s in es.tailoring.studies]
    return texts


def english_left(text, english, spanish_too):
    """Each English fragment found in ``text`` (words whole; those the Spanish shares, such as "HER2", left out),
    and each sentence with a share of English function words."""
    flat = " ".join(text.split())
    found = [e for e in english - spanish_too
             if re.search(r"(?<!\w)" + re.escape(" ".join(e.split())) + r"(?!\w)", flat)]
    for _, sentence in paragraphs(text):
        if len(words(sentence)) >= MIN_WORDS and english_share(sentence) >= ENGLISH_SHARE:
            found.append(sentence)
    return sorted(found)


def shared_words(languages):
    """Fragments the Spanish content itself contains (names such as "E2108"): not English left."""
    return set().union(*map(_fragments, spanish_texts(languages["es"])))


def test_every_spanish_page_and_text_has_no_english_left(languages):
    english = english_texts(languages["en"])
    assert len(english) > 150  # the check is not vacuous: every English text is looked for
    shared = shared_words(languages)
    assert english_left("\n".join(spanish_texts(languages["es"])), english, shared) == []
    # and the check finds what it looks for
    assert english_left("Sobre la cirugía. You can read it at your own pace.", english, shared)


@pytest.mark.parametrize("name", TYPICAL_SITUATIONS)
def test_the_spanish_summary_has_no_english_but_the_care_team_panel(languages, tmp_path, name):
    summary = spanish_summary(languages, name)
    english, shared = english_texts(languages["en"]), shared_words(languages)
    html = render_html(summary)
    assert '<html lang="es">' in html and CARE_TEAM in html
    panel = re.search(r'<section class="glance".*?</section>', html, re.S).group(0)
    body = html.replace(panel, "")
    body = re.sub(r"<(style|title|svg)\b.*?</\1>", " ", body, flags=re.S)
    assert english_left(html_to_text(body), english, shared) == []
    assert "Este recuadro está en inglés para su equipo de atención." in panel

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    start = text.index(CARE_TEAM)
    end = text.index("Mi situación", start)
    assert english_left(text[:start] + text[end:], english, shared) == []
    panel_text = " ".join(text[start:end].split())
    assert "Leaning:" in panel_text and "Matters most:" in panel_text  # the care team's words, in English
    if summary.care_team.leaning_label:
        assert summary.care_team.leaning_label in panel_text


def test_an_untranslated_word_is_found_in_the_printout(languages, monkeypatch):
    """The check above fails on an English word left: here a label the catalogue is made to miss."""
    summary = spanish_summary(languages, "typical")
    real = printed.labels
    monkeypatch.setattr(printed, "labels", lambda language: {**real(language), "options": "Options to discuss"})
    from decision_aid.summary.typeset import summary_data

    data = summary_data(summary)
    assert english_left(data["labels"]["options"], english_texts(languages["en"]), shared_words(languages)) == [
        "Options to discuss"]


def test_the_pdf_is_tagged_with_the_persons_language(languages, tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "s.pdf"
    write_pdf(spanish_summary(languages, "typical"), path)
    assert PdfReader(str(path)).trailer["/Root"]["/Lang"] == "es"


def test_the_json_is_the_same_in_every_language_with_the_language_recorded(languages):
    spanish = spanish_summary(languages, "typical")
    english = build_summary(content=languages["en"], answers=spanish.answers, clinic=CLINICA, today=TODAY)
    assert spanish.language == "es" and spanish.care_team is not None
    assert summary_json(spanish) == {**summary_json(english), "language": "es"}


def test_the_draft_translation_is_said_on_the_printout(languages):
    summary = spanish_summary(languages, "typical")
    assert summary.translation_status == "draft"
    assert "TRADUCCIÓN EN BORRADOR" in render_html(summary)
    assert "TRADUCCIÓN EN BORRADOR" in summary.status_text


@pytest.mark.parametrize("name", TYPICAL_SITUATIONS)
def test_the_spanish_printout_fits_its_pages_with_the_glance_on_page_one(languages, tmp_path, name):
    summary = spanish_summary(languages, name)
    path = tmp_path / "s.pdf"
    assert 1 <= write_pdf(summary, path) <= 2
    above = text_above(pieces(path), 0, GLANCE_BOTTOM_MM)
    assert squeeze(CARE_TEAM) in above and squeeze("First questions:") in above
    if name == "typical":
        render_pngs(path, "spanish-typical")


@pytest.fixture(scope="module")
def shipped_languages():
    languages = load_languages(SHIPPED_CONTENT)
    if "es" not in languages:
        pytest.skip("the shipped content has no Spanish yet (content/es/)")
    return languages


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_built_in_example_in_spanish_is_two_pages_with_the_glance_on_page_one(shipped_languages, tmp_path,
                                                                                     name):
    answers = example_answers(name, known_questions=shipped_languages["en"].prompt_ids())
    answers = dataclasses.replace(answers, own_questions=("¿Puedo seguir trabajando mientras decido?",))
    summary = summary_for(shipped_languages, in_spanish(answers), clinic=CLINICA, today=TODAY)
    path = tmp_path / "s.pdf"
    assert write_pdf(summary, path) == 2
    above = text_above(pieces(path), 0, GLANCE_BOTTOM_MM)
    for item in (CARE_TEAM, "Matters most:", summary.care_team.leaning_label or "Not answered"):
        assert squeeze(item) in above, f"{item!r} is not on page 1 above {GLANCE_BOTTOM_MM} mm"
    for page in (1, 2):  # the footer is a line longer in a draft translation: its last line stays on the sheet
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert summary.fingerprint in text, f"page {page}: the footer's fingerprint line is off the sheet"
    if name == "stable":
        render_pngs(path, "spanish-stable")


def test_the_shipped_spanish_pages_and_printouts_have_no_english_left(shipped_languages):
    english, shared = english_texts(shipped_languages["en"]), shared_words(shipped_languages)
    assert english_left("\n".join(spanish_texts(shipped_languages["es"])), english, shared) == []
    for name in sorted(EXAMPLES):
        answers = example_answers(name, known_questions=shipped_languages["en"].prompt_ids())
        summary = summary_for(shipped_languages, in_spanish(answers), clinic=CLINICA, today=TODAY)
        html = render_html(summary)
        panel = re.search(r'<section class="glance".*?</section>', html, re.S).group(0)
        body = re.sub(r"<(style|title|svg)\b.*?</\1>", " ", html.replace(panel, ""), flags=re.S)
        own = "\n".join(summary.answers.own_questions)  # the person's own words, as typed
        assert english_left(html_to_text(body).replace(own, ""), english, shared) == [], name
