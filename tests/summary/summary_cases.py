"""Situations and helpers shared by the summary tests: PDF text, PNG renderings to look at."""

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic, ClinicTrial

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SUMMARY_CONTENT = HERE / "content"
SHIPPED_CONTENT = ROOT / "content"
ARTIFACTS = ROOT / "artifacts" / "summary" / "tests"
TODAY = dt.date(2026, 11, 3)

CLINIC = Clinic(name="St Mary's Breast Clinic", phone="01234 567890",
                trials=(ClinicTrial("LOCAL-1", "NCT01234567", "Trials nurse, 01234 567891",
                                    "Surgery or not after first medicines."),))

TYPICAL = Answers(
    situation={"breast_symptoms": "none", "distant_response": "stable", "months_on_treatment": "4_to_8",
               "spread_sites": ("bone", "lung"), "spread_extent": "few", "tumor_type": "hr_positive",
               "trial_offered": "yes"},
    values={"live_longer": 4, "breast_control": 3, "avoid_surgery": 2, "avoid_side_effects": 3,
            "medicines_on_time": 4, "help_research": 1},
    leaning="surgery",
    sure={"sure": False, "understand": True, "risks_benefits": True, "support": False},
    own_questions=("Can I still go on holiday in June?", "How will we know if it is working?"),
)
SYMPTOMS_GROWING = Answers(
    situation={"breast_symptoms": "some", "symptom_kinds": ("bleeding", "open_wound", "smell"),
               "distant_response": "growing", "months_on_treatment": "under_4", "spread_sites": ("liver",),
               "spread_extent": "many", "tumor_type": "triple_negative", "trial_offered": "no"},
    values={"live_longer": 3, "breast_control": 4, "avoid_surgery": 1, "medicines_on_time": 4},
    leaning="radiation",
    sure={"sure": True, "understand": True, "risks_benefits": True, "support": True},
    own_questions=("Will the bleeding stop?",),
)
NOT_SURE = Answers(
    situation={k: "unsure" for k in ("breast_symptoms", "distant_response", "months_on_treatment",
                                       "spread_extent", "tumor_type")} | {"spread_sites": ("unsure",)},
    leaning="unsure",
    sure={"sure": False, "understand": False, "risks_benefits": False, "support": False},
)
HOSTILE = (
    "<script>alert('x')</script> & \"quotes\" 'single'",
    ("Could you tell me what each choice would mean for my family and my work? " * 30)[:1999] + "?",
    "Emoji 😀👍🏽 can I bring my dog?",
    "שאלה בעברית: האם אפשר לחכות?",
    "سؤال: هل يمكنني الانتظار؟",
)
STRESS = Answers(
    situation=dict(SYMPTOMS_GROWING.situation),
    values={"live_longer": 4},
    leaning="unsure",
    sure={"sure": False},
    own_questions=HOSTILE,
    name="Zoë <O'Brien> & \"Co\"",
)
SITUATIONS = {"typical": TYPICAL, "symptoms-growing": SYMPTOMS_GROWING, "not-sure": NOT_SURE,
              "nothing": Answers(), "stress": STRESS}
TYPICAL_SITUATIONS = ("typical", "symptoms-growing", "not-sure", "nothing")


def with_questions(answers: Answers, content, count: int) -> Answers:
    """The answers with the first ``count`` prompts of the content's list ticked."""
    ids = tuple(p.id for g in content.prompt_groups for p in g.prompts)[:count]
    return dataclasses.replace(answers, questions=ids)


def pdf_text(path) -> list[str]:
    """Each page's text, with the whitespace pypdf gives (tabs between words) squeezed to single spaces."""
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def html_words(html: str) -> str:
    html = re.sub(r"<(style|title|svg)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def render_pngs(pdf: Path, name: str, dpi: int = 60) -> list[Path]:
    """The PDF's pages as PNG files in artifacts/summary/tests, to look at (pdftoppm, poppler-utils)."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))
