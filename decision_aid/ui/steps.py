"""The wizard's pages in order, each with the step of DESIGN.md it belongs to (leaning and SURE share step 7), and
which content steps are pages of the wizard."""

from __future__ import annotations

from .pages.leaning import LeaningPage
from .pages.options import OptionsPage
from .pages.questions import QuestionsPage
from .pages.risks import RisksPage
from .pages.situation import SituationPage
from .pages.summary import SummaryPage
from .pages.sure import SurePage
from .pages.trials import TrialsPage
from .pages.values import ValuesPage
from .pages.welcome import WelcomePage

PAGES = (
    ("welcome", WelcomePage, 1),
    ("situation", SituationPage, 2),
    ("options", OptionsPage, 3),
    ("trials", TrialsPage, 4),
    ("risks", RisksPage, 5),
    ("values", ValuesPage, 6),
    ("leaning", LeaningPage, 7),
    ("sure", SurePage, 7),
    ("questions", QuestionsPage, 8),
    ("summary", SummaryPage, 9),
)
PAGE_IDS = {key: i for i, (key, _, _) in enumerate(PAGES)}
STEP_NUMBERS = tuple(number for _, _, number in PAGES)  # the step of each page, by page id
STEP_COUNT = STEP_NUMBERS[-1]
# Content steps that are wizard pages; pages of other steps (option, note, detail, local-therapy) open to read.
CONTENT_STEP_PAGE = {"welcome": "welcome", "situation": "situation", "trials": "trials", "risks": "risks",
                     "values": "values", "leaning": "leaning", "questions": "questions", "summary": "summary"}
