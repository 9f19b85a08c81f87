"""DecisionWizard: the pages in a QStackedWidget, with the step list beside them and Start over, Back and Next below,
moved by a ``StepNavigation`` of our own.

Why not QWizard: its model is a linear path that ends in Finish or Cancel. It keeps a history and refuses to visit
a page twice, so a jump forward (a nurse's step list, a link, Ctrl+5) had to be smuggled through ``nextId()``, a
jump back walked the history with ``back()``, and Back after a jump went along the history, not the step order the
step list shows. The aid never finishes and never cancels, so ``accept``, ``reject`` and ``done`` had to be turned
into no-ops, and Back and Next were custom buttons anyway. ``restart()`` would not even serve a reset (it keeps
auto-exclusive radio buttons checked and other state alive), so a reset builds a fresh session and view. What was
left of QWizard was a layout and a dialog's palette to undo; a stacked widget and ``StepNavigation`` say plainly
what the aid does.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ..i18n import _
from .navigation import StepNavigation
from .pages.base import StepPage
from .step_list import StepList
from .steps import StepPages
from .styling import named

MARGIN, GAP = 9, 6  # around the wizard and between its parts, in pixels
PREBUILD_DELAY_MS = 250


class BottomRule(QWidget):
    """The line above the buttons: two pixels, a shade and a highlight, in the application's standard colours."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedHeight(2)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = QApplication.palette()
        right = self.width() - 1
        painter.setPen(palette.mid().color())
        painter.drawLine(0, 0, right - 1, 0)
        painter.setPen(palette.base().color())
        painter.drawPoint(QPoint(right, 0))
        painter.drawLine(0, 1, right, 1)


class DecisionWizard(QWidget):
    page_changed = Signal(int)  # the new page id

    def __init__(self, *, pages: StepPages, step_numbers: tuple[int, ...], step_list: StepList | None,
                 start_over: QPushButton | None = None, beside_start_over: QWidget | None = None,
                 parent: QWidget | None = None):
        """``pages``: made as they are first asked for (each joins the stack then); ``step_numbers``: the step of
        each. ``beside_start_over`` (the read-aloud control) takes the room between Start over and Back: always in
        view, and at 200 % text the top bar keeps its height."""
        super().__init__(parent)
        self.setObjectName("wizard")
        self.step_pages = pages
        self.step_list = step_list
        self.navigation = StepNavigation(step_numbers=step_numbers)
        self.stack = QStackedWidget(self)
        pages.when_made(self._adopt)
        # Translators: "&" marks the letter of the Alt key (Alt+B in English); keep one "&".
        self.back_button = named(QPushButton(_("&Back")), _("Back"), _("Go back one step (Alt+Left)"))
        self.back_button.setObjectName("back")
        self.next_button = named(QPushButton(_("&Next")), _("Next"), _("Go to the next step (Alt+Right)"))
        self.next_button.setObjectName("next")
        self.next_button.setProperty("role", "primary")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.start_over = start_over
        self.beside_start_over = beside_start_over
        self._lay_out(start_over)
        pages[0].ensure_built()  # the first page shows at once, built
        self._arrived()
        # The other pages are made and built in idle time, one per turn of the event loop: every later page change
        # is only a switch. The wait starts when the wizard first shows (a slow machine's first paint never waits
        # for them).
        self._prebuild = list(range(len(pages)))
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setSingleShot(True)
        self._prebuild_timer.timeout.connect(self._prebuild_next)
        self._prebuild_waiting = True

    def _adopt(self, page: StepPage) -> None:
        self.stack.addWidget(page)
        page.controls_changed.connect(lambda: self._controls_changed(page))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._prebuild_waiting:
            self._prebuild_waiting = False
            self._prebuild_timer.start(PREBUILD_DELAY_MS)

    def _lay_out(self, start_over: QPushButton | None) -> None:
        """The step list (at the left) and the page; a rule; Start over at the left, then the read-aloud control,
        Back and Next at the right."""
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        if self.step_list is not None:
            side_layout.addWidget(self.step_list)
        top = QHBoxLayout()
        top.setSpacing(GAP)
        top.addWidget(side, 0)
        top.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(GAP)
        top_edge = Qt.AlignmentFlag.AlignTop  # in line with the read-aloud buttons while it shows a sentence below
        if start_over is not None:
            buttons.addWidget(start_over, 0, top_edge)
        if self.beside_start_over is not None:
            buttons.addWidget(self.beside_start_over, 1)
        else:
            buttons.addStretch(1)
        buttons.addWidget(self.back_button, 0, top_edge)
        buttons.addWidget(self.next_button, 0, top_edge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(0)
        layout.addLayout(top, 1)
        layout.addSpacing(MARGIN)
        layout.addWidget(BottomRule(self))
        layout.addSpacing(MARGIN)
        layout.addLayout(buttons)

    # -- moving ------------------------------------------------------------------------------------------------
    def go_to(self, page_id: int) -> None:
        """Show page ``page_id``, whatever the current page (Back, Next, the step list, links, keyboard shortcuts)."""
        if not self.navigation.can_move_to(page_id):
            return
        self.step_pages[page_id].ensure_built()  # while still hidden: it shows fully laid out
        self.navigation.move_to(page_id)
        self._arrived()

    def go_next(self) -> None:
        self.go_to(self.navigation.current + 1)

    def go_back(self) -> None:
        self.go_to(self.navigation.current - 1)

    # The names QWizard gave these, which the self-test, the bench and the tests read (Qt's style, as
    # QStackedWidget's currentIndex).
    next = go_next
    back = go_back

    def currentId(self) -> int:
        return self.navigation.current

    def currentPage(self) -> StepPage:
        return self.step_pages[self.navigation.current]

    def visitedIds(self) -> list[int]:
        return list(self.navigation.visited)

    def _arrived(self) -> None:
        page = self.currentPage()
        self.stack.setCurrentWidget(page)
        if page.tab_order_dirty:
            self.fix_tab_order(page)
        self.back_button.setEnabled(self.navigation.can_go_back())
        self.next_button.setEnabled(self.navigation.can_go_next())
        if self.step_list is not None:
            self.step_list.show_step(self.navigation.step)
        self.page_changed.emit(self.navigation.current)

    def _controls_changed(self, page: StepPage) -> None:
        if page is self.currentPage():
            self.fix_tab_order(page)

    def fix_tab_order(self, page: StepPage) -> None:
        """Tab goes: the step list, the page's ``focus_first`` (its heading and skips), the rest of the page from top
        to bottom, then Start over, the read-aloud control, Back and Next, in reading order (pages are built late, so
        their widgets would otherwise come after the buttons)."""
        chain: list[QWidget] = []
        if self.step_list is not None and self.step_list.interactive:
            chain.append(self.step_list.list)
        chain += page.focus_first
        chain += [w for w in page.findChildren(QWidget)
                  if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w not in page.focus_first]
        if self.start_over is not None:
            chain.append(self.start_over)
        if self.beside_start_over is not None:
            chain += [w for w in self.beside_start_over.findChildren(QWidget)
                      if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.back_button, self.next_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        page.tab_order_dirty = False

    def _prebuild_next(self) -> None:
        while self._prebuild:
            page = self.step_pages[self._prebuild.pop(0)]
            if not page.is_built:
                page.ensure_built()
                page.lay_out_in_advance(self.currentPage().size())
                self._prebuild_timer.start(0)
                return
