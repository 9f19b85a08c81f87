"""Step 7b: the SURE test, four yes / no questions; any "no" is flagged kindly."""

from __future__ import annotations

from ...i18n import N_, _
from ..choices import SingleChoice
from ..labels import Card, RichText
from . import WORDS
from .base import StepPage

YES_NO = {"yes": N_("Yes"), "no": N_("No")}


class SurePage(StepPage):
    STEP, TITLE = WORDS["sure"]

    def default_title(self) -> str:
        return self.session.content.form.sure_prompt or _(self.TITLE)

    def build(self) -> None:
        form = self.session.content.form
        if form.sure_help_html:
            self.scroll.add(RichText(form.sure_help_html, on_link=self.on_link, name=_("About these questions")))
        self.items = {}
        for key, question in form.sure_items.items():
            yes_no = {c: _(label) for c, label in YES_NO.items()}
            names = {c: f"{question} {label}" for c, label in yes_no.items()}
            block = SingleChoice(prompt=question, choices=yes_no, side_by_side=True, names=names,
                                 on_pick=lambda c, k=key: self.session.set_sure(key=k, value=(c == "yes")))
            block.setObjectName(f"sure:{key}")
            self.items[key] = block
            self.scroll.add(block)
        self.flag = Card(role="flag")
        self.flag.setObjectName("sureFlag")
        self.flag_text = RichText(form.sure_flag_html, on_link=self.on_link, name=_("Not yet sure"))
        self.flag.body.addWidget(self.flag_text)
        self.scroll.add(self.flag)

    def refresh(self) -> None:
        sure = self.session.answers.sure
        for key, block in self.items.items():
            value = sure.get(key)
            block.set_answer(None if value is None else ("yes" if value else "no"))
        self.flag.setVisible(self.session.answers.sure_flagged())
