"""Step 6: how much each thing matters, on a five-point scale that works by touch and by arrow keys."""

from __future__ import annotations

from ...i18n import _
from ..choices import SingleChoice
from ..labels import Heading, RichText
from . import WORDS
from .base import StepPage


class ValuesPage(StepPage):
    STEP, TITLE = WORDS["values"]

    def build(self) -> None:
        form = self.session.content.form
        self.scroll.add(Heading(form.values_prompt, role="heading"))
        if form.values_help_html:
            self.scroll.add(RichText(form.values_help_html, on_link=self.on_link, name=_("How to answer")))
        scale = {str(i): label for i, label in enumerate(form.scale)}
        self.items = {}
        for key, label in form.value_items.items():
            names = {str(i): _("{item}: {answer} ({number} of {top})").format(item=label, answer=s, number=i,
                                                                                top=len(scale) - 1)
                     for i, s in enumerate(form.scale)}
            block = SingleChoice(prompt=label, choices=scale, side_by_side=True, compact=True, names=names,
                                 on_pick=lambda v, k=key: self.session.set_value(key=k, value=int(v)))
            block.setObjectName(f"value:{key}")
            self.items[key] = block
            self.scroll.add(block)

    def refresh(self) -> None:
        values = self.session.answers.values
        for key, block in self.items.items():
            value = values.get(key)
            block.set_answer(None if value is None else str(value))
