"""Step 5: risks and side effects of local therapy, with their figures as pictures of 100 people."""

from __future__ import annotations

from . import WORDS
from .base import StepPage


class RisksPage(StepPage):
    STEP, TITLE = WORDS["risks"]
