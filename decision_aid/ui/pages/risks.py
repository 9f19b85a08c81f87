"""Step 5: risks and side effects of local therapy, with their figures as pictures of 100 people."""

from __future__ import annotations

from ...i18n import N_
from .base import StepPage


class RisksPage(StepPage):
    TITLE = N_("Risks and side effects")
    STEP = "risks"
