"""DecisionWizard: the nine steps as a QWizard, with Back and Next in step order and jumps to any step.

QWizard keeps a history of visited pages and refuses to visit a page twice; Back and Next here follow the step
order instead, so they go back through the history when the page is in it and forward otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget, QWizard

from .pages.base import StepPage
from .step_list import StepList
from .widgets import named


class DecisionWizard(QWizard):
    page_changed = Signal(int)  # the new page id

    def __init__(self, *, pages: list[StepPage], step_list: StepList | None, start_over: QPushButton | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)  # a part of the main window, not a dialog of its own
        self.setObjectName("wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, True)  # Enter in a text box must not turn the page
        self.setOption(QWizard.WizardOption.IndependentPages, True)  # going back keeps every answer
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.back_button = named(QPushButton("&Back"), "Back", "Go back one step (Alt+Left)")
        self.back_button.setObjectName("back")
        self.next_button = named(QPushButton("&Next"), "Next", "Go to the next step (Alt+Right)")
        self.next_button.setObjectName("next")
        self.next_button.setProperty("role", "primary")
        self.setButton(QWizard.WizardButton.CustomButton1, self.back_button)
        self.setButton(QWizard.WizardButton.CustomButton2, self.next_button)
        buttons = [QWizard.WizardButton.Stretch, QWizard.WizardButton.CustomButton1,
                   QWizard.WizardButton.CustomButton2]
        if start_over is not None:
            self.setOption(QWizard.WizardOption.HaveCustomButton3, True)
            self.setButton(QWizard.WizardButton.CustomButton3, start_over)
            buttons.insert(0, QWizard.WizardButton.CustomButton3)
        self.setButtonLayout(buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.step_pages = pages
        self.step_list = step_list
        self._jump: int | None = None
        self._moving = False
        if step_list is not None:
            self.setSideWidget(step_list)
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        self.setStartId(0)
        self.currentIdChanged.connect(self._arrived)
        self.restart()  # show the first page now, not only when the window is first shown

    # -- navigation --------------------------------------------------------------------------------------------
    def nextId(self) -> int:  # noqa: N802
        if self._jump is not None:
            return self._jump
        current = self.currentId()
        return current + 1 if 0 <= current < len(self.step_pages) - 1 else -1

    def go_to(self, page_id: int) -> None:
        """Show page ``page_id``, whatever the current page (the step list, links, keyboard shortcuts)."""
        if not 0 <= page_id < len(self.step_pages) or page_id == self.currentId():
            return
        self.step_pages[page_id].ensure_built()  # while still hidden: it shows fully laid out
        self._moving = True
        try:
            if page_id in self.visitedIds():
                while self.currentId() != page_id:
                    self.back()
            else:
                self._jump = page_id
                try:
                    self.next()
                finally:
                    self._jump = None
        finally:
            self._moving = False
        self._arrived(self.currentId())

    def initializePage(self, page_id: int) -> None:  # noqa: N802
        """Build a page before QWizard shows it (the first time it is reached by next())."""
        if 0 <= page_id < len(self.step_pages):
            self.step_pages[page_id].ensure_built()
        super().initializePage(page_id)

    def go_next(self) -> None:
        self.go_to(self.currentId() + 1)

    def go_back(self) -> None:
        self.go_to(self.currentId() - 1)

    def current_step_page(self) -> StepPage:
        return self.step_pages[self.currentId()]

    def _arrived(self, page_id: int) -> None:
        if self._moving or page_id < 0:
            return
        page = self.step_pages[page_id]
        page.ensure_built()
        if page.tab_order_dirty:
            self.fix_tab_order(page)
        self.back_button.setEnabled(page_id > 0)
        self.next_button.setEnabled(page_id < len(self.step_pages) - 1)
        if self.step_list is not None:
            self.step_list.show_step(page.number)
        self.page_changed.emit(page_id)

    def fix_tab_order(self, page: StepPage) -> None:
        """Tab goes: the step list, the page from top to bottom, then Back and Next (pages are built late, so
        their widgets would otherwise come after the buttons)."""
        chain: list[QWidget] = []
        if self.step_list is not None and self.step_list.interactive:
            chain.append(self.step_list.list)
        chain += [w for w in page.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.back_button, self.next_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        page.tab_order_dirty = False

    # -- a wizard that never closes ------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape must not close the wizard: it is the whole window's content."""

    def accept(self) -> None:
        """There is no Finish: the summary page has Print, Save as PDF and Start over."""

    def done(self, result: int) -> None:
        """Nothing closes the wizard."""
