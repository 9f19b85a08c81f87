"""Step 7a: where the person is leaning now: every option shown, in the same words, plus "not sure yet" (the
tailored view's ``leanings``); then, kindly, anything worth talking through (the view's flags)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..choices import SingleChoice
from ..labels import Card, Heading
from ..reflow import clear_layout, row_of
from ..styling import named
from . import WORDS
from .base import StepPage

# Flags shown on this page; "unanswered_steps" belongs to the summary.
SHOWN_HERE = ("leaning_not_shown", "situation_changed", "not_usually_advised", "against_values")
LOOK_AGAIN = ("leaning_not_shown", "situation_changed")


class LeaningPage(StepPage):
    STEP, TITLE = WORDS["leaning"]

    def build(self) -> None:
        self.block: SingleChoice | None = None
        self.block_holder = QWidget()
        self.block_layout = QVBoxLayout(self.block_holder)
        self.block_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll.add(self.block_holder)
        self.flags_holder = QWidget()
        self.flags_layout = QVBoxLayout(self.flags_holder)
        self.flags_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll.add(self.flags_holder)
        self._shown_flags: tuple = ()
        self.flags_card: Card | None = None
        self.keep_button: QPushButton | None = None

    def render_view(self) -> None:
        super().render_view()
        q = self.session.content.form.leaning
        choices = {lv.id: lv.label for lv in self.session.view.leanings}
        clear_layout(self.block_layout)
        self.block = SingleChoice(prompt=q.prompt, choices=choices, help_html=q.help_html, on_link=self.on_link,
                                  on_pick=lambda choice: self.session.set_leaning(value=choice))
        self.block.setObjectName("question:leaning")
        self.block_layout.addWidget(self.block)
        self._shown_flags = ()  # the flags' card comes after the new choices

    def refresh(self) -> None:
        self.block.set_answer(self.session.answers.leaning)
        flags = tuple(f for f in self.session.view.flags if f.code in SHOWN_HERE)
        if flags == self._shown_flags:
            return
        self._shown_flags = flags
        self.tab_order_dirty = True
        clear_layout(self.flags_layout)
        self.flags_card = self.keep_button = None
        if not flags:
            return
        card = Card(role="flag")
        card.setObjectName("leaningFlags")
        card.body.addWidget(Heading(_("You may want to talk this through"), role="subheading"))
        for flag in flags:
            line = Heading(flag.text, role="body")
            line.setObjectName(f"flag:{flag.code}")
            card.body.addWidget(line)
        if any(f.code == "situation_changed" for f in flags) and not any(f.code == "leaning_not_shown"
                                                                         for f in flags):
            self.keep_button = named(QPushButton(_("I looked again: keep this leaning")),
                                     _("I looked again: keep this leaning"))
            self.keep_button.setObjectName("keepLeaning")
            self.keep_button.clicked.connect(self.session.confirm_leaning)
            card.body.addWidget(row_of(self.keep_button))
        self.flags_card = card
        self.flags_layout.addWidget(card)
