"""Question blocks: a prompt, a help line and answer buttons, for one answer or for several."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QButtonGroup, QLayout, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import _
from .choice_buttons import ChoiceButton, ChoiceCheck, set_group_checked
from .labels import Card, Heading, RichText
from .reflow import ChoiceRowLayout


class SingleChoice(Card):
    """One answer among labelled choices. ``on_pick(choice_id)`` is called when the person picks one.

    ``side_by_side`` puts the answers in a row when they fit (a rating scale, yes / no).
    """

    def __init__(self, *, prompt: str, choices: dict, on_pick: Callable[..., None], help_html: str = "",
                 on_link: Callable[[str], None] | None = None, side_by_side: bool = False,
                 names: dict | None = None, compact: bool = False, parent: QWidget | None = None):
        super().__init__(role="card", parent=parent)
        self.prompt = Heading(prompt, role="subheading")
        self.body.addWidget(self.prompt)
        if help_html:
            self.body.addWidget(RichText(help_html, on_link=on_link, name=_("{prompt}: help").format(prompt=prompt)))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, ChoiceButton] = {}
        holder = QWidget(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        holder.setSizePolicy(policy)
        layout: QLayout
        if side_by_side:
            layout = ChoiceRowLayout(holder)
        else:
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(8)
        for choice_id, label in choices.items():
            button = ChoiceButton(label, holder, compact=compact)
            button.setAccessibleName((names or {}).get(choice_id, f"{label}"))
            button.setAccessibleDescription(prompt)
            button.setObjectName(f"choice:{choice_id}")
            self.group.addButton(button)
            self.buttons[choice_id] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _=False, c=choice_id: on_pick(c))
        self.body.addWidget(holder)

    def set_answer(self, choice_id: str | None) -> None:
        set_group_checked(self.group, self.buttons.get(choice_id) if choice_id is not None else None)

    def answer(self) -> str | None:
        return next((c for c, b in self.buttons.items() if b.isChecked()), None)


class MultiChoice(Card):
    """Any number of ticked choices. ``on_change(tuple_of_ids)`` gets the whole new selection.

    ``exclusive_ids`` (such as "I'm not sure") untick the others when ticked, and are unticked by them.
    """

    def __init__(self, *, prompt: str, choices: dict, on_change: Callable[..., None], help_html: str = "",
                 on_link: Callable[[str], None] | None = None, exclusive_ids: Sequence[str] = (),
                 parent: QWidget | None = None):
        super().__init__(role="card", parent=parent)
        self.body.addWidget(Heading(prompt, role="subheading"))
        if help_html:
            self.body.addWidget(RichText(help_html, on_link=on_link, name=_("{prompt}: help").format(prompt=prompt)))
        self._exclusive = set(exclusive_ids)
        self._on_change = on_change
        self.checks: dict[str, ChoiceCheck] = {}
        for choice_id, label in choices.items():
            check = ChoiceCheck(label, self)
            check.setAccessibleDescription(prompt)
            check.setObjectName(f"choice:{choice_id}")
            self.checks[choice_id] = check
            self.body.addWidget(check)
            check.clicked.connect(lambda checked=False, c=choice_id: self._clicked(c))

    def _clicked(self, choice_id: str) -> None:
        picked = {c for c, b in self.checks.items() if b.isChecked()}
        if choice_id in picked:
            if choice_id in self._exclusive:
                picked = {choice_id}
            else:
                picked -= self._exclusive
        self._on_change(tuple(c for c in self.checks if c in picked))

    def set_answer(self, picked: Sequence[str] | None) -> None:
        ticked = set(picked or ())
        for choice_id, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(choice_id in ticked)
            check.blockSignals(False)

    def answer(self) -> tuple:
        return tuple(c for c, b in self.checks.items() if b.isChecked())
