"""Step 1: what the aid is for, who it is for, how long it takes, that nothing is kept."""

from __future__ import annotations

from .base import StepPage


class WelcomePage(StepPage):
    TITLE = "Welcome"
    STEP = "welcome"
