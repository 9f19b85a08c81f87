"""SessionView: everything on screen for one session: the draft banner, the top bar, the step list and the wizard.

It is built for one Session and thrown away with it ("Start over" builds a new one). It puts the parts together
and routes between them: links go to a step or open a page to read (``SessionDialogs``), the top bar and the keys
change the display or call the session's actions (``SessionActions``: start over, the answers file, print, PDF).
File dialogs are asked here, the boundary, and nowhere deeper. The dialogs' modules are imported when a dialog is
first opened, not before the first page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import _
from ..session import TEXT_SCALES, Session
from . import read_aloud, semantics, theme, wording
from .pages import WORDS, default_title
from .pages.base import StepPage
from .session_actions import SessionActions
from .session_dialogs import SessionDialogs
from .step_list import StepList
from .step_marks import StepMarks
from .steps import CONTENT_STEP_PAGE, PAGE_IDS, PAGES, STEP_COUNT, STEP_NUMBERS, StepPages, page_class
from .styling import named
from .top_bar import TopBar
from .wizard import PREBUILD_DELAY_MS, DecisionWizard

COMPACT_STEPS_ABOVE = 150  # text scale (%) above which the step list becomes a "Steps" menu in the top bar


class SessionView(QWidget):
    actions: SessionActions  # print, save, open, start over (this name shadows QWidget.actions(): see pyproject.toml)
    message_shown = Signal(QWidget)  # a message the session's actions showed (screen readers announce it)
    language_chosen = Signal(str)  # the person chose a language (a code of i18n.LANGUAGES): the window switches

    def __init__(self, *, session: Session, kiosk: bool, on_start_over: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.session = session
        self.kiosk = kiosk
        self.content = session.content
        self.actions = SessionActions(session=session, kiosk=kiosk, view=self, on_start_over=on_start_over)
        self.dialogs = SessionDialogs(content=self.content, parent=self, on_link=self.open_link,
                                      on_open=self._dialog_opening)
        self._shown_once = False
        self.family = theme.shipped_font_family()
        # The style sheet before any child exists: each widget is then polished once, not again by apply_display.
        self.setStyleSheet(self._style_sheet())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = self._draft_banner() if self.content.is_draft else None
        if self.banner is not None:
            layout.addWidget(self.banner)
        # Each page is made (and its module imported) the first time it is needed: the first page now, the others
        # in idle time after the first paint (the wizard's prebuild) or when they are reached.
        self.pages = StepPages(self._make_page)
        steps = [(n, default_title(self.content, *WORDS[PAGES[STEP_NUMBERS.index(n)][0]]))
                 for n in range(1, STEP_COUNT + 1)]
        self.top_bar = TopBar(name=self.content.bundle.name, session=session, toggle_contrast=self.toggle_contrast,
                              show_glossary=self.show_glossary, show_about=self.show_about,
                              files=None if kiosk else (self.actions.save_answers_file,
                                                        self.actions.load_answers_file),
                              steps=steps, go_to_step=None if kiosk else self.go_to_step,
                              choose_language=self.language_chosen.emit, parent=self)
        layout.addWidget(self.top_bar)
        self.step_list = StepList(title=_("Steps"), steps=steps, on_pick=None if kiosk else self.go_to_step)
        # Start over sits with Back and Next, at the bottom left: always at hand, never in the way of Next.
        self.start_over_button = named(QPushButton(_("Start over")), _("Start over: clear all answers"),
                                       _("Clear everything and go back to the start"))
        self.start_over_button.setObjectName("startOver")
        self.start_over_button.setToolTip(_("Clear everything and go back to the start"))
        self.start_over_button.clicked.connect(self.actions.request_start_over)
        # "Read this page to me" beside Start over, when this computer has a voice (issue 15).
        self.read_aloud = read_aloud.page_bar(self)
        self.wizard = DecisionWizard(pages=self.pages, step_numbers=STEP_NUMBERS, step_list=self.step_list,
                                     start_over=self.start_over_button, beside_start_over=self.read_aloud)
        layout.addWidget(self.wizard, 1)
        self.top_bar.show_step(self.wizard.navigation.step)
        self.wizard.page_changed.connect(self._page_changed)
        session.answers_changed.connect(self._answers_changed)
        self.step_marks = None if kiosk else StepMarks(self, PAGES)  # issue 18: completion marks in nurse mode
        session.display_changed.connect(lambda _s: self.apply_display())
        self._shortcuts()
        self.apply_display()
        semantics.attach(self)  # headings, answer groups, skips, the step in the title, announcements, names

    # -- building --------------------------------------------------------------------------------------------
    def _draft_banner(self) -> QFrame:
        banner = QFrame(self)
        banner.setObjectName("draftBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(16, 8, 16, 8)
        label = QLabel(wording.draft_notice(self.content))  # issue 16: each language's own status, honestly
        label.setWordWrap(True)
        label.setObjectName("draftText")
        row.addWidget(label)
        return banner

    def _make_page(self, page_id: int) -> StepPage:
        key, _class_name, number = PAGES[page_id]
        kwargs: dict = dict(session=self.session, on_link=self.open_link, number=number, steps=STEP_COUNT)
        if key == "options":
            kwargs["open_page"] = self.open_page
        if key == "welcome":
            kwargs["on_language"] = self.language_chosen.emit
        if key == "summary":
            kwargs.update(on_print=self.actions.print_summary,
                          on_save_pdf=self.actions.save_pdf if self.actions.can_save_pdf() else None,
                          on_start_over=self.actions.request_start_over, pdf_note=self.actions.pdf_note())
        page = page_class(key)(**kwargs)
        page.setObjectName(f"page:{key}")
        return page

    def _enable_touch(self, root: QWidget | None = None) -> None:
        """Touch and drag scrolling on every scrolling area under ``root`` (the view): a finger or a left-mouse
        drag, in both modes. (Imported here: the first page shows before it is needed.)"""
        from .touch import enable_kinetic_scrolling

        enable_kinetic_scrolling(self if root is None else root)

    def _page_changed(self, _page_id: int) -> None:
        self.top_bar.show_step(self.wizard.navigation.step)
        self._enable_touch()
        read_aloud.stop_all(self)  # Next, Back, any step: the voice stops

    def _dialog_opening(self, dialog: QWidget) -> None:
        self._enable_touch(dialog)
        semantics.dialog_opened(self, dialog)  # links announced, label in name

    def _shortcuts(self) -> None:
        def key(sequence, slot):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(slot)

        key("Alt+Right", self.wizard.go_next)
        key("Alt+Left", self.wizard.go_back)
        key("Ctrl+=", self.session.larger_text)
        key(QKeySequence.StandardKey.ZoomIn, self.session.larger_text)
        key(QKeySequence.StandardKey.ZoomOut, self.session.smaller_text)
        key("Ctrl+0", lambda: self.session.set_text_scale(scale=TEXT_SCALES[0]))
        key("Ctrl+H", self.toggle_contrast)
        key("Ctrl+G", lambda: self.show_glossary())
        key("F1", self.show_about)
        key("Ctrl+P", self.actions.print_summary)
        if not self.kiosk:
            key("Ctrl+S", self.actions.save_answers_file)
            key("Ctrl+O", self.actions.load_answers_file)
            for number in range(1, STEP_COUNT + 1):
                key(f"Ctrl+{number}", lambda n=number: self.go_to_step(n))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # The first page's scrolling areas a moment after it shows (setting up the first scroller costs about
            # 10 ms of the start); the others as their pages are reached.
            QTimer.singleShot(PREBUILD_DELAY_MS, self, self._enable_touch)
            # Start on Next: one key (or one tap) begins; the focus ring is where the eye goes next anyway.
            QTimer.singleShot(0, self, self._focus_next)

    def land_on(self, page_id: int, *, visited: list[int]) -> None:
        """Built again for the same session (another language): show ``page_id`` as the person left it, with the
        pages they had seen, the focus on its heading (and the step announced), not on Next as at a first start."""
        self._shown_once = True
        self.wizard.navigation.visited[:] = list(dict.fromkeys([*visited, 0]))
        if self.step_marks is not None:
            self.step_marks.update()  # the steps seen before the switch keep their marks
        if page_id != self.wizard.currentId():
            self.wizard.go_to(page_id)
        else:
            semantics.page_arrived(self, page_id)

    def _focus_next(self) -> None:
        if self.wizard.next_button.isEnabled():
            self.wizard.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- display -----------------------------------------------------------------------------------------------
    def apply_display(self) -> None:
        t = theme.theme_for(high_contrast=self.session.high_contrast)
        palette = theme.palette(t)
        self.setPalette(palette)
        for dialog in self.dialogs.open:  # windows of their own: the palette does not reach them by itself
            dialog.setPalette(palette)
        sheet = self._style_sheet()
        if sheet != self.styleSheet():  # the same sheet again would only re-polish every widget
            self.setStyleSheet(sheet)
        compact = self.session.text_scale > COMPACT_STEPS_ABOVE
        self.top_bar.show_display(self.session, compact_steps=compact)
        self.step_list.setVisible(not compact)

    def _style_sheet(self) -> str:
        t = theme.theme_for(high_contrast=self.session.high_contrast)
        return theme.style_sheet(t, scale=self.session.text_scale, family=self.family)

    def toggle_contrast(self) -> None:
        self.session.set_high_contrast(on=not self.session.high_contrast)

    # -- moving around -----------------------------------------------------------------------------------------
    def current_page(self) -> StepPage:
        return self.wizard.currentPage()

    def go_to_page(self, key: str) -> None:
        self.wizard.go_to(PAGE_IDS[key])

    def go_to_step(self, number: int) -> None:
        self.wizard.go_to(self.wizard.navigation.page_of_step(number))

    def _answers_changed(self, _session: Session, what: str) -> None:
        self.current_page().on_answers_changed(what)

    def open_link(self, url: str) -> None:
        """``glossary:<term>`` explains a word; ``page:<id>`` goes to a step or opens the page to read."""
        if url.startswith("glossary:"):
            term_id = unquote(url[len("glossary:"):])
            if term_id in self.content.glossary:
                self.show_glossary(term_id=term_id)
        elif url.startswith("page:"):
            self.open_page(unquote(url[len("page:"):]))

    def open_page(self, page_id: str) -> None:
        page = self.content.pages.get(page_id)
        if page is None:
            return
        if page.step == "about":
            self.show_about()
            return
        key = CONTENT_STEP_PAGE.get(page.step)
        if key is not None:
            self.close_dialogs()
            self.go_to_page(key)
            self.current_page().show_section(page_id)
            return
        shown = self.session.view.option(page.option) if page.step == "option" and page.option else None
        if shown is not None:  # the option's page for this person's situation
            page = self.content.pages[shown.page_id]
        extra = None
        if page.step == "option" and page.option == "trial" and self.session.clinic.has_trials:
            from .clinic_trials import ClinicTrialsBox

            extra = ClinicTrialsBox(clinic=self.session.clinic)
        self.dialogs.show_page(page, extra=extra, tailored=self.session.view)

    # -- dialogs over the session --------------------------------------------------------------------------------
    @property
    def open_dialogs(self) -> list[QWidget]:
        return self.dialogs.open

    def close_dialogs(self) -> None:
        self.dialogs.close_all()

    def show_glossary(self, *, term_id: str | None = None) -> QWidget:
        return self.dialogs.show_glossary(term_id=term_id)

    def show_about(self) -> QWidget:
        return self.dialogs.show_about()

    @property
    def last_message(self):
        """The last message the session's actions showed (tests read it)."""
        return self.actions.last_message

    def choose_save_path(self, *, title: str, suggested: str, file_filter: str) -> str | None:
        """Ask where to save (a file dialog); None when the person cancels. Never in kiosk mode."""
        if self.kiosk:
            return None
        from PySide6.QtWidgets import QFileDialog  # with its five enums, when a file is first chosen

        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return path or None

    def choose_open_path(self, *, title: str, file_filter: str) -> str | None:
        if self.kiosk:
            return None
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter)
        return path or None
