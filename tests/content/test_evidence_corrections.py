"""Issue 13: the evidence audit's corrections, each pinned against its row of ../shared/evidence/FACTS.md.

The texts are read raw (placeholders not expanded), so a test can find the sentence, line or section that carries a
given figure wherever it appears: page bodies (patient and nurse), grid cells, comparison titles, facts.yaml,
glossary.yaml and references.yaml.
"""

import re
from pathlib import Path

import pytest
import yaml

from decision_aid.answers import Answers
from decision_aid.content import load_content
from decision_aid.tailoring import tailor

CONTENT = Path(__file__).resolve().parents[2] / "content"
PAGES = sorted((CONTENT / "pages").glob("*.md"))
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")


def _page(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _units():
    """(where, text) for every line of every page body, every grid cell and every comparison title."""
    for path in PAGES:
        front, body = _page(path)
        for i, line in enumerate(body.splitlines(), 1):
            if line.strip():
                yield f"{path.name}:{i}", line
        for key, cell in (front.get("grid") or {}).items():
            yield f"{path.name}:grid.{key}", cell
        for item in front.get("compare") or ():
            yield f"{path.name}:compare", item["title"] + " " + " ".join(f"{{{{{f}}}}}" for f in item["facts"])


def _sections():
    """(where, text) for every '##' section of every page (the text before the first heading included)."""
    for path in PAGES:
        _, body = _page(path)
        for i, part in enumerate(re.split(r"^## ", body, flags=re.MULTILINE)):
            yield f"{path.name}#{i}", part


def _sentences(text):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z*\[{-])", text)


def _uses(text, *fact_ids):
    return bool(set(PLACEHOLDER.findall(text)) & set(fact_ids))


def _all_prose():
    yield from _units()
    for key, term in _yaml("glossary.yaml")["terms"].items():
        yield f"glossary.yaml:{key}", term["definition"]


def _yaml(name):
    return yaml.safe_load((CONTENT / name).read_text(encoding="utf-8"))


FACTS = _yaml("facts.yaml")["facts"]


# -- ABCSG-28: its published hazard ratio has surgery as the reference -------------------------------------------

def test_no_hazard_ratio_legend_favouring_local_therapy_beside_abcsg():
    for where, section in _sections():
        if "abcsg.os.hr" in section or where.startswith("detail-trial-numbers"):
            for sentence in _sentences(section):
                if re.search(r"below one favou?rs \[\[local-therapy", sentence):
                    # only as a legend that names its exception, beside the exception itself
                    assert "but one" in sentence and "ABCSG-28 is the exception" in section, (where, sentence)
    for path in PAGES:
        _, body = _page(path)
        if "{{abcsg.os.hr}}" in body:
            # the legend on the page must name the exception, next to the figure
            line = next(x for x in body.splitlines() if "{{abcsg.os.hr}}" in x)
            assert "surgery as the reference" in line and "favors medicines alone" in line, path.name
    assert "surgery as the reference" in FACTS["abcsg.os.hr"]["time_frame"]


def test_glossary_hazard_ratio_does_not_fix_a_direction():
    definition = _yaml("glossary.yaml")["terms"]["hazard-ratio"]["definition"]
    assert "Below one favors the treatment" not in definition
    assert "which group" in definition


# -- Lymphedema: early breast cancer; no "without radiation to the armpit" ---------------------------------------

def test_lymphedema_population_is_early_breast_cancer():
    for fid in ("lymph.alnd", "lymph.slnb"):
        assert "early breast cancer" in FACTS[fid]["population"], fid
        assert "without radiation" not in FACTS[fid]["population"], fid
    for where, text in list(_sections()) + [u for u in _units() if ":grid." in u[0] or ":compare" in u[0]]:
        if _uses(text, "lymph.alnd", "lymph.slnb"):
            assert "early breast cancer" in text, where
    for where, text in _all_prose():
        assert "without radiation to the armpit" not in text, where


# -- Radiation: "moderate or worse" beside every tiredness and skin figure -----------------------------------------

def test_radiation_figures_say_moderate_or_worse():
    for fid in ("rt.skin.short", "rt.skin.long", "rt.tired.short", "rt.tired.long"):
        assert "moderate or worse" in FACTS[fid]["time_frame"].lower(), fid
    found = 0
    for where, text in _units():
        if _uses(text, "rt.skin.short", "rt.skin.long", "rt.tired.short", "rt.tired.long"):
            found += 1
            for sentence in _sentences(text):
                if _uses(sentence, "rt.skin.short", "rt.skin.long", "rt.tired.short", "rt.tired.long"):
                    assert "moderate or worse" in sentence.lower(), (where, sentence)
    assert found >= 5


# -- JCOG1017: local relapse-free survival is regrowth in the breast OR death --------------------------------------

def test_jcog_local_figures_are_local_relapse_free_survival():
    for fid in ("jcog.local.with", "jcog.local.without", "jcog.local.hr"):
        assert "local relapse-free survival" in FACTS[fid]["time_frame"], fid
        assert "or death" in FACTS[fid]["time_frame"], fid
    found = 0
    for where, text in _units():
        if _uses(text, "jcog.local.with", "jcog.local.without", "jcog.local.hr"):
            found += 1
            assert re.search(r"or (death|died|they died)", text), where
            assert not re.search(r"before the (breast )?tumor (in the breast )?grew again\.", text), where
    assert found >= 3


# -- Surgery: any complication within 30 days, mostly early breast cancer ------------------------------------------

def test_surgery_figures_are_any_complication_mostly_early_breast_cancer():
    for fid in ("surg.30day.lump", "surg.30day.mast"):
        assert "mostly early breast cancer" in FACTS[fid]["population"], fid
        assert "any complication" in FACTS[fid]["time_frame"], fid
    found = 0
    for where, text in list(_sections()) + [u for u in _units() if ":grid." in u[0] or ":compare" in u[0]]:
        if _uses(text, "surg.30day.lump", "surg.30day.mast"):
            found += 1
            assert "early breast cancer" in text, where
            assert re.search(r"\bany (problem|complication)", text, re.IGNORECASE), where
    for where, text in _all_prose():
        assert "wound problems" not in text.lower(), where
    assert found >= 5


# -- MF07-01 ten-year figures: surgery first and unbalanced groups, in the same sentence ----------------------------

MF07_10Y = ("mf07.10y.with", "mf07.10y.without", "mf07.10y.median.with", "mf07.10y.median.without", "mf07.10y.hr")


def test_mf07_ten_year_figures_carry_their_caveat_in_the_same_sentence():
    found = 0
    for where, text in _units():
        for sentence in _sentences(text):
            if _uses(sentence, *MF07_10Y):
                found += 1
                assert re.search(r"before (any )?medicines", sentence), (where, sentence)
                assert re.search(r"not balanced", sentence), (where, sentence)
    assert found >= 4
    for fid in ("mf07.10y.with", "mf07.10y.without"):
        assert "before any medicines" in FACTS[fid]["population"] and "not balanced" in FACTS[fid]["population"]


# -- Claims with no source --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("claim", [
    r"may suit you if surgery would",
    r"both paths are reasonable",
    r"no conflicts? of interest",
])
def test_unsourced_claims_are_gone(claim):
    for where, text in _all_prose():
        assert not re.search(claim, text, re.IGNORECASE), where


def test_randomization_makes_groups_alike_only_on_average():
    for where, text in _all_prose():
        for sentence in _sentences(text):
            if re.search(r"\balike\b", sentence) and not re.search(r"not (always )?alike", sentence):
                assert "on average" in sentence.lower(), (where, sentence)


# -- Jargon explained or kept to the nurse pages -----------------------------------------------------------------------

def test_randomization_time_frames_are_explained():
    for fid, fact in FACTS.items():
        if "after randomization" in fact["time_frame"]:
            assert "by chance" in fact["time_frame"], fid


def test_ninety_percent_intervals_only_on_nurse_pages_and_explained():
    ninety = [fid for fid, f in FACTS.items() if "90% CI" in f["phrase"]]
    assert ninety
    for path in PAGES:
        front, body = _page(path)
        text = body + " ".join((front.get("grid") or {}).values())
        if any(f"{{{{{fid}}}}}" in text for fid in ninety):
            assert front["audience"] == "nurse", path.name
            assert "narrower" in body, path.name


def test_no_page_says_the_form_cannot_tell_bone_only():
    for where, text in _all_prose():
        assert "cannot tell" not in text, where


# -- Trials open or closed "now" --------------------------------------------------------------------------------

def test_no_undated_statement_that_trials_are_open_or_without_results_now():
    for where, text in _all_prose():
        assert not re.search(r"have not (yet )?given results|has open \[\[clinical-trial|are still recruiting",
                             text), where
    _, trials = _page(CONTENT / "pages" / "trials.md")
    other = trials.split("## Other trials", 1)[1]
    assert "{{others.review.year}}" in other


# -- Added from FACTS rows ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def test_pooled_trials_found_no_benefit_in_any_subtype_or_bone_only(content):
    text = content.page("trial-pooled").text
    assert "did not help people live longer in any of these groups" in text
    assert "only to bone" in text
    assert "reinhorn2021" in content.page("trial-pooled").sources


@pytest.mark.parametrize("tumor_type,page_id,words", [
    ("hr_positive", "note-hr-positive", "hormone receptor positive"),
    ("triple_negative", "note-triple-negative", "triple negative"),
])
def test_tumor_type_notes_show_for_their_readers_only(content, tumor_type, page_id, words):
    page = content.page(page_id)
    assert page.step == "note" and page.audience == "patient"
    assert page.show_when == {"tumor_type": (tumor_type,)}
    assert "reinhorn2021" in page.sources
    assert words in page.text and "pooled" in page.text
    for answer in ("hr_positive", "her2_positive", "triple_negative", "unsure"):
        for response in ("shrinking", "growing"):
            view = tailor(content, Answers(situation={"tumor_type": answer, "distant_response": response}))
            shown = [n.id for n in view.notes]
            assert (page_id in shown) == (answer == tumor_type), (answer, response, shown)
            assert shown[0] != page_id  # never the lead message


def test_few_spots_note_says_treating_every_spot_has_not_been_shown_to_cure(content):
    assert "has not been shown to cure" in content.page("note-few-spots").text
