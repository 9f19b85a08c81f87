"""Step 2: short questions about the person's situation, each with "I'm not sure" (or "not talked about")."""

from __future__ import annotations

from typing import Any

from ...answers import ASKED_WHEN, LIST_FIELDS, is_asked
from ..choices import MultiChoice, SingleChoice
from . import WORDS
from .base import StepPage

# A list answer where "I'm not sure" cannot sit beside a definite answer.
EXCLUSIVE = {"spread_sites": ("unsure",)}


class SituationPage(StepPage):
    STEP, TITLE = WORDS["situation"]

    def build(self) -> None:
        # a SingleChoice, or a MultiChoice for a list question: each is given its own kind of answer (refresh)
        self.blocks: dict[str, Any] = {}
        for key, question in self.session.content.form.situation.items():
            block: MultiChoice | SingleChoice
            if key in LIST_FIELDS:
                block = MultiChoice(prompt=question.prompt, choices=question.choices, help_html=question.help_html,
                                    on_link=self.on_link, exclusive_ids=EXCLUSIVE.get(key, ()),
                                    on_change=lambda picked, k=key: self.session.set_situation(key=k, value=picked))
            else:
                block = SingleChoice(prompt=question.prompt, choices=question.choices, help_html=question.help_html,
                                     on_link=self.on_link,
                                     on_pick=lambda choice, k=key: self.session.set_situation(key=k, value=choice))
            block.setObjectName(f"question:{key}")
            self.blocks[key] = block
            self.scroll.add(block)

    def refresh(self) -> None:
        situation = self.session.answers.situation
        for key, block in self.blocks.items():
            block.set_answer(situation.get(key))
            if key in ASKED_WHEN:
                block.setVisible(is_asked(key, situation))
