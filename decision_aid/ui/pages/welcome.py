"""Step 1: what the aid is for, who it is for, how long it takes, that nothing is kept; where to find help."""

from __future__ import annotations

from ...i18n import N_
from ..help_panel import HelpPanel
from .base import StepPage


class WelcomePage(StepPage):
    TITLE = N_("Welcome")
    STEP = "welcome"
    def build(self) -> None:
        # Right under the heading, so it is seen without scrolling, at any text size.
        self.help_panel = HelpPanel(session=self.session)
        self.scroll.layout_.insertWidget(1, self.help_panel)
