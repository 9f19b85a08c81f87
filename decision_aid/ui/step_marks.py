"""Completion marks in nurse mode's step list: "✓" after each step the person has answered (or, for a step that only
tells, has seen), and "done" in the words a screen reader says. Not by colour alone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt

from ..i18n import _
from ..progress import PAGE_FIELDS, answered_fields, step_done

MARK = "  ✓"


class StepMarks(QObject):
    """Keeps ``view.step_list`` marked as answers change and pages are visited. ``pages`` is the view's
    (key, page class, step number) table."""

    def __init__(self, view, pages):
        super().__init__(view)
        self._view = view
        self._numbers = [number for _, _, number in pages]
        self._fields = [PAGE_FIELDS.get(key, ()) for key, _, _ in pages]
        self._visited: set[int] = set()
        view.session.answers_changed.connect(lambda *_: self.update())
        view.wizard.page_changed.connect(self._visit)
        self._visit(view.wizard.currentId())

    def _visit(self, page_id: int) -> None:
        if 0 <= page_id < len(self._numbers):
            self._visited.add(self._numbers[page_id])
        self.update()

    def done_steps(self) -> set[int]:
        answered = answered_fields(self._view.session.answers)
        # The pages seen before a language switch too: the view is built again, its navigation keeps them.
        seen = self._visited | {self._numbers[i] for i in self._view.wizard.visitedIds() if 0 <= i < len(self._numbers)}
        done = set()
        for number in set(self._numbers):
            fields = [f for page_id, n in enumerate(self._numbers) if n == number
                      for f in self._fields[page_id]]
            if step_done(fields, answered, visited=number in seen):
                done.add(number)
        return done

    def update(self) -> None:
        if not shiboken6.isValid(self._view):
            return  # a view thrown away (start over) while its session still holds this handler
        steps = self._view.step_list
        done = self.done_steps()
        for row, number in enumerate(steps.numbers):
            item = steps.list.item(row)
            text = item.text().removesuffix(MARK)
            item.setText(text + MARK if number in done else text)
            # Translators: said after a step's name in the step list when its questions are answered.
            said = ", " + _("done")
            spoken = item.data(Qt.ItemDataRole.AccessibleTextRole).removesuffix(said)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken + said if number in done else spoken)
