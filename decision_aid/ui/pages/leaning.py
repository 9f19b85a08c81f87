"""Step 7a: where the person is leaning now (including "not sure yet")."""

from __future__ import annotations

from ..choices import SingleChoice
from .base import StepPage


class LeaningPage(StepPage):
    TITLE = "Where you are leaning"
    STEP = "leaning"

    def build(self) -> None:
        q = self.session.content.form.leaning
        self.block = SingleChoice(prompt=q.prompt, choices=q.choices, help_html=q.help_html, on_link=self.on_link,
                                  on_pick=lambda choice: self.session.set_leaning(value=choice))
        self.block.setObjectName("question:leaning")
        self.scroll.add(self.block)

    def refresh(self) -> None:
        self.block.set_answer(self.session.answers.leaning)
