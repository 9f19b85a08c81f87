"""Step 8: questions to ask: tick from the prompt list, and add your own in your own words."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...i18n import N_, _
from ..choice_buttons import ChoiceCheck
from ..labels import Card, Heading
from ..reflow import clear_layout, row_of
from ..styling import named
from . import WORDS
from .base import StepPage

# The prompt group whose questions an "I'm not sure" about the situation suggests (tailoring.yaml unsure_questions).
SUGGESTED_GROUP = "situation"
SUGGESTED_NOTE = N_("We ticked the questions that fit your “I'm not sure” answers. Untick any you do not want.")


class QuestionsPage(StepPage):
    STEP, TITLE = WORDS["questions"]

    def build(self) -> None:
        self.checks: dict[str, ChoiceCheck] = {}
        self.suggested_note = None
        for group in self.session.content.prompt_groups:
            card = Card(role="card")
            card.setObjectName(f"prompts:{group.id}")
            card.body.addWidget(Heading(group.title, role="subheading"))
            if group.id == SUGGESTED_GROUP:
                self.suggested_note = Heading(_(SUGGESTED_NOTE), role="caption")
                self.suggested_note.setObjectName("suggestedNote")
                card.body.addWidget(self.suggested_note)
            for prompt in group.prompts:
                check = ChoiceCheck(prompt.text)
                check.setObjectName(f"prompt:{prompt.id}")
                check.setAccessibleDescription(group.title)
                check.clicked.connect(lambda checked=False, q=prompt.id, c=check:
                                      self.session.set_question(question_id=q, ticked=c.isChecked()))
                self.checks[prompt.id] = check
                card.body.addWidget(check)
            self.scroll.add(card)

        own = Card(role="card")
        own.setObjectName("ownQuestions")
        own.body.addWidget(Heading(_("Your own questions"), role="subheading"))
        hint = Heading(_("Type a question, then press Add. It goes on your summary."), role="caption")
        own.body.addWidget(hint)
        self.entry = named(QLineEdit(), _("Your own question"), _("Type a question, then press Add"))
        self.entry.setObjectName("ownQuestionEntry")
        self.entry.setPlaceholderText(_("My question"))
        self.entry.setMaxLength(300)
        self.entry.returnPressed.connect(self.add_own)
        self.add_button = named(QPushButton(_("Add")), _("Add my question"))
        self.add_button.setObjectName("addOwnQuestion")
        self.add_button.clicked.connect(self.add_own)
        own.body.addWidget(self.entry)
        own.body.addWidget(row_of(self.add_button))
        self.own_list = QWidget()
        self.own_layout = QVBoxLayout(self.own_list)
        self.own_layout.setContentsMargins(0, 0, 0, 0)
        self.own_layout.setSpacing(6)
        own.body.addWidget(self.own_list)
        self.scroll.add(own)
        self._shown_own: tuple = ()

    def add_own(self) -> None:
        if self.session.add_own_question(text=self.entry.text()):
            self.entry.clear()
        self.entry.setFocus()

    def refresh(self) -> None:
        if self.suggested_note is not None:
            shown = bool(self.session.view.suggested_questions)
            if shown != self.suggested_note.isVisibleTo(self):
                self.suggested_note.setVisible(shown)
                self.tab_order_dirty = True
        ticked = set(self.session.answers.questions)
        for qid, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(qid in ticked)
            check.blockSignals(False)
        own = self.session.answers.own_questions
        if own != self._shown_own:
            self._shown_own = own
            self.tab_order_dirty = True
            focus = QApplication.focusWidget()
            had_focus = self.own_list.isAncestorOf(focus) if focus else False
            clear_layout(self.own_layout)
            if had_focus:
                self.entry.setFocus()  # the pressed Remove button is going: keep the keyboard somewhere useful
            for i, text in enumerate(own):
                label = QLabel(text)
                label.setWordWrap(True)
                remove = named(QPushButton(_("Remove")), _("Remove: {question}").format(question=text))
                remove.setObjectName(f"removeOwn:{i}")
                remove.clicked.connect(lambda _=False, k=i: self.session.remove_own_question(index=k))
                item = Card(role="card")
                item.body.addWidget(label)
                item.body.addWidget(row_of(remove))
                self.own_layout.addWidget(item)
