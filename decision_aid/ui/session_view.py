"""SessionView: everything on screen for one session: the draft banner, the top bar, the step list and the wizard.

It is the boundary for a session: links, dialogs, files, printing and errors are handled here and nowhere deeper.
It is built for one Session and thrown away with it ("Start over" builds a new one). The dialogs' modules are
imported when a dialog is first opened, not before the first page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..answers import load_answers, save_answers
from ..safe_files import with_ending
from ..errors import AnswersError, DecisionAidError
from ..session import TEXT_SCALES, Session
from . import theme
from .clinic_trials import ClinicTrialsBox
from .pages.base import StepPage
from .pages.leaning import LeaningPage
from .pages.options import OptionsPage
from .pages.questions import QuestionsPage
from .pages.risks import RisksPage
from .pages.situation import SituationPage
from .pages.summary import SummaryPage, summary_available
from .pages.sure import SurePage
from .pages.trials import TrialsPage
from .pages.values import ValuesPage
from .pages.welcome import WelcomePage
from .step_list import StepList
from .step_marks import StepMarks
from .widgets import FlowLayout, named
from .wizard import DecisionWizard

# The wizard's pages in order, with the DESIGN step each belongs to (leaning and SURE share step 7).
PAGES = (
    ("welcome", WelcomePage, 1),
    ("situation", SituationPage, 2),
    ("options", OptionsPage, 3),
    ("trials", TrialsPage, 4),
    ("risks", RisksPage, 5),
    ("values", ValuesPage, 6),
    ("leaning", LeaningPage, 7),
    ("sure", SurePage, 7),
    ("questions", QuestionsPage, 8),
    ("summary", SummaryPage, 9),
)
PAGE_IDS = {key: i for i, (key, _, _) in enumerate(PAGES)}
STEP_COUNT = 9
# Content steps that are wizard pages; pages of other steps (option, note, detail, local-therapy) open to read.
CONTENT_STEP_PAGE = {"welcome": "welcome", "situation": "situation", "trials": "trials", "risks": "risks",
                     "values": "values", "leaning": "leaning", "questions": "questions", "summary": "summary"}
DRAFT_TEXT = "Draft content: not yet reviewed by a clinician."
# The kiosk's words around the summary: a person there cannot pick a folder, and the next person must start clean.
KIOSK_NO_PDF = "Saving a PDF is not set up on this computer. You can print the summary, or ask a member of staff."
KIOSK_PDF_NOTE = "Save as PDF keeps a copy for the clinic staff. Ask a member of staff for it."
KIOSK_NO_PRINTER = "No printer is set up on this computer, so the summary cannot be printed here."
KIOSK_NO_PRINTER_PDF = KIOSK_NO_PRINTER + " You can save it as a PDF for the clinic staff, or ask a member of staff."
KIOSK_NO_PRINTER_ASK = KIOSK_NO_PRINTER + " Please ask a member of staff."
KIOSK_PDF_FAILED = "The PDF could not be saved on this computer. You can print the summary, or ask a member of staff."
PRINTED_TITLE = "Your summary is printing"
PRINTED_TEXT = "Your summary has been sent to the printer. Please collect it from the printer."
PDF_SAVED_TITLE = "Your summary is saved"
PDF_SAVED_TEXT = "Your summary has been saved for the clinic staff. Please ask a member of staff for it."
CLEARS_NEXT = ("For your privacy, your answers will be cleared from this screen, ready for the next person, "
               "when you touch the button below.")
NEXT_PERSON = "Start again for the next person"
PREBUILD_DELAY_MS = 250
COMPACT_STEPS_ABOVE = 150  # text scale (%) above which the step list becomes a "Steps" menu in the top bar


class TopBarName(QLabel):
    """The aid's name at the left of the top bar, shown only when it fits whole (at large text it gives way)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.setProperty("role", "appname")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.fontMetrics().horizontalAdvance(self.text()) <= self.width():
            super().paintEvent(event)


class SessionView(QWidget):
    def __init__(self, *, session: Session, kiosk: bool, on_start_over: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.session = session
        self.kiosk = kiosk
        self._on_start_over = on_start_over
        self.content = session.content
        self.open_dialogs: list[QWidget] = []
        self._shown_once = False
        self.last_message = None  # the last message box shown (tests read it)
        self.family = theme.shipped_font_family()
        # The style sheet before any child exists: each widget is then polished once, not again by apply_display.
        self.setStyleSheet(self._style_sheet())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = None
        if self.content.bundle.is_draft:
            self.banner = QFrame(self)
            self.banner.setObjectName("draftBanner")
            row = QHBoxLayout(self.banner)
            row.setContentsMargins(16, 8, 16, 8)
            label = QLabel(DRAFT_TEXT)
            label.setWordWrap(True)
            label.setObjectName("draftText")
            row.addWidget(label)
            layout.addWidget(self.banner)
        layout.addWidget(self._build_top_bar())

        self.pages: list[StepPage] = []
        for key, cls, number in PAGES:
            kwargs = dict(session=session, on_link=self.open_link, number=number, steps=STEP_COUNT)
            if cls is OptionsPage:
                kwargs["open_page"] = self.open_page
            if cls is SummaryPage:
                kwargs.update(on_print=self.print_summary, on_save_pdf=self.save_pdf if self.can_save_pdf() else None,
                              on_start_over=self.request_start_over, pdf_note=self._pdf_note())
            page = cls(**kwargs)
            page.setObjectName(f"page:{key}")
            self.pages.append(page)
        steps = []
        for key, _, number in PAGES:
            if not steps or steps[-1][0] != number:
                steps.append((number, self.pages[PAGE_IDS[key]].default_title()))
        self.step_list = StepList(title="Steps", steps=steps,
                                  on_pick=None if kiosk else self.go_to_step)
        # Start over sits with Back and Next, at the bottom left: always at hand, never in the way of Next.
        self.start_over_button = named(QPushButton("Start over"), "Start over: clear all answers",
                                       "Clear everything and go back to the start")
        self.start_over_button.setObjectName("startOver")
        self.start_over_button.setToolTip("Clear everything and go back to the start")
        self.start_over_button.clicked.connect(self.request_start_over)
        self.wizard = DecisionWizard(pages=self.pages, step_list=self.step_list, start_over=self.start_over_button)
        layout.addWidget(self.wizard, 1)
        self._build_steps_menu(steps)
        self.wizard.page_changed.connect(self._show_step_in_menu)
        session.answers_changed.connect(self._answers_changed)
        self.step_marks = None if kiosk else StepMarks(self, PAGES)  # issue 18: completion marks in nurse mode
        session.display_changed.connect(lambda _s: self.apply_display())
        self._shortcuts()
        self.apply_display()
        self._prebuild = [p for p in self.pages]
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setSingleShot(True)
        self._prebuild_timer.timeout.connect(self._prebuild_next)
        self._prebuild_timer.start(PREBUILD_DELAY_MS)

    # -- building --------------------------------------------------------------------------------------------
    def _build_top_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("topBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 8, 12, 8)
        row.setSpacing(12)
        self.app_name = TopBarName(self.content.bundle.name)
        row.addWidget(self.app_name, 1)
        tools = QWidget(bar)
        flow = FlowLayout(tools, spacing=8, align_right=True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        tools.setSizePolicy(policy)
        row.addWidget(tools, 0)
        self.tools = tools

        def button(text, name, slot, object_name, tip=""):
            b = named(QPushButton(text), name, tip)
            b.setObjectName(object_name)
            b.clicked.connect(slot)
            if tip:
                b.setToolTip(tip)
            flow.addWidget(b)
            return b

        self.smaller_button = button("A−", "Smaller text", lambda: self.session.smaller_text(), "smallerText",
                                     "Smaller text (Ctrl+-)")
        self.larger_button = button("A+", "Larger text", lambda: self.session.larger_text(), "largerText",
                                    "Larger text (Ctrl+=)")
        self.contrast_button = button("High contrast", "High contrast", self.toggle_contrast, "highContrast",
                                      "High contrast colours on or off (Ctrl+H)")
        self.contrast_button.setCheckable(True)
        self.glossary_button = button("Glossary", "Glossary: words and what they mean", lambda: self.show_glossary(),
                                      "glossaryButton", "Words and what they mean (Ctrl+G)")
        self.save_action = self.load_action = None
        if self.kiosk:
            # Nothing to save or open in the kiosk: About is a button of its own, not a menu of one.
            self.more_button = None
            self.about_button = button("About this aid", "About this aid", self.show_about, "aboutButton",
                                       "Sources, version and who wrote it (F1)")
            return bar
        self.about_button = None
        self.more_button = named(QToolButton(), "More: about this aid, save and open",
                                 "About this aid, save or open the answers file")
        self.more_button.setObjectName("moreButton")
        self.more_button.setText("More ▾")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.more_button)
        menu.setAccessibleName("More")
        # The keys go after a tab: shown in the menu, but the window's shortcuts do the work.
        self.about_action = menu.addAction("About this aid\tF1", self.show_about)
        self.save_action = menu.addAction("Save answers…\tCtrl+S", self.save_answers_file)
        self.load_action = menu.addAction("Open answers…\tCtrl+O", self.load_answers_file)
        self.more_button.setMenu(menu)
        flow.addWidget(self.more_button)
        return bar

    def _build_steps_menu(self, steps: list[tuple[int, str]]) -> None:
        """At large text sizes the step list gives its width to the page; the same steps are then a menu."""
        self.steps_button = None
        if self.kiosk:
            return
        button = named(QToolButton(), "Steps: go to a step", "Choose a step to go to it")
        button.setObjectName("stepsButton")
        button.setText("Steps ▾")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.setAccessibleName("Steps")
        self.step_actions = {}
        for number, title in steps:
            action = menu.addAction(f"{number}.  {title}", lambda n=number: self.go_to_step(n))
            action.setCheckable(True)
            self.step_actions[number] = action
        button.setMenu(menu)
        self.tools.layout().insert_widget(0, button)
        self.steps_button = button
        self._show_step_in_menu(self.wizard.currentId())

    def _show_step_in_menu(self, page_id: int) -> None:
        if self.steps_button is None or page_id < 0:
            return
        current = PAGES[page_id][2]
        for number, action in self.step_actions.items():
            action.setChecked(number == current)

    def _shortcuts(self) -> None:
        def key(sequence, slot):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(slot)
            return shortcut

        key("Alt+Right", self.wizard.go_next)
        key("Alt+Left", self.wizard.go_back)
        key("Ctrl+=", self.session.larger_text)
        key(QKeySequence.StandardKey.ZoomIn, self.session.larger_text)
        key(QKeySequence.StandardKey.ZoomOut, self.session.smaller_text)
        key("Ctrl+0", lambda: self.session.set_text_scale(scale=TEXT_SCALES[0]))
        key("Ctrl+H", self.toggle_contrast)
        key("Ctrl+G", lambda: self.show_glossary())
        key("F1", self.show_about)
        key("Ctrl+P", self.print_summary)
        if not self.kiosk:
            key("Ctrl+S", self.save_answers_file)
            key("Ctrl+O", self.load_answers_file)
            for number in range(1, STEP_COUNT + 1):
                key(f"Ctrl+{number}", lambda n=number: self.go_to_step(n))

    def _prebuild_next(self) -> None:
        # Build the pages not yet seen, one per turn of the event loop: the first page shows at once and every
        # later page change is only a switch.
        while self._prebuild:
            page = self._prebuild.pop(0)
            if not page._built:
                page.ensure_built()
                page.lay_out_in_advance(self.wizard.currentPage().size())
                self._prebuild_timer.start(0)
                return

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # Start on Next: one key (or one tap) begins; the focus ring is where the eye goes next anyway.
            QTimer.singleShot(0, self, self._focus_next)

    def _focus_next(self) -> None:
        if self.wizard.next_button.isEnabled():
            self.wizard.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- display -----------------------------------------------------------------------------------------------
    def apply_display(self) -> None:
        t = theme.theme_for(high_contrast=self.session.high_contrast)
        palette = theme.palette(t)
        self.setPalette(palette)
        # A QWizard is a dialog, and it gives its page area a palette of its own: neither passes ours on.
        self.wizard.setPalette(palette)
        for page in self.pages:
            page.setPalette(palette)
        self.step_list.setPalette(palette)
        for dialog in self.open_dialogs:
            dialog.setPalette(palette)
        sheet = self._style_sheet()
        if sheet != self.styleSheet():  # the same sheet again would only re-polish every widget
            self.setStyleSheet(sheet)
        now = f"now {self.session.text_scale}%"
        self.smaller_button.setAccessibleName(f"Smaller text ({now})")
        self.larger_button.setAccessibleName(f"Larger text ({now})")
        self.smaller_button.setToolTip(f"Smaller text, {now} (Ctrl+-)")
        self.larger_button.setToolTip(f"Larger text, {now} (Ctrl+=)")
        self.smaller_button.setEnabled(self.session.text_scale > TEXT_SCALES[0])
        self.larger_button.setEnabled(self.session.text_scale < TEXT_SCALES[-1])
        compact = self.session.text_scale > COMPACT_STEPS_ABOVE
        self.step_list.setVisible(not compact)
        if self.steps_button is not None:
            self.steps_button.setVisible(compact)
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(self.session.high_contrast)
        self.contrast_button.setText(("✓ " if self.session.high_contrast else "") + "High contrast")
        self.contrast_button.blockSignals(False)

    def _style_sheet(self) -> str:
        t = theme.theme_for(high_contrast=self.session.high_contrast)
        return theme.style_sheet(t, scale=self.session.text_scale, family=self.family)

    def toggle_contrast(self) -> None:
        self.session.set_high_contrast(on=not self.session.high_contrast)

    # -- moving around -----------------------------------------------------------------------------------------
    def current_page(self) -> StepPage:
        return self.wizard.current_step_page()

    def go_to_page(self, key: str) -> None:
        self.wizard.go_to(PAGE_IDS[key])

    def go_to_step(self, number: int) -> None:
        for i, (_, _, n) in enumerate(PAGES):
            if n == number:
                self.wizard.go_to(i)
                return

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
        from .reader import PageDialog

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
        extra = None
        if page.step == "option" and page.option == "trial" and self.session.clinic.has_trials:
            extra = ClinicTrialsBox(clinic=self.session.clinic)
        self.close_dialogs(keep_glossary=False)
        self._open(PageDialog(page=page, content=self.content, on_link=self.open_link, parent=self,
                              draft=self.content.bundle.is_draft, extra=extra))

    # -- dialogs -----------------------------------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> QWidget:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialogs.append(dialog)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._forget(d))
        dialog.finished.connect(lambda _=0, d=dialog: self._forget(d))
        dialog.open()
        return dialog

    def _forget(self, dialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)

    def close_dialogs(self, *, keep_glossary: bool = False) -> None:
        if not self.open_dialogs:
            return
        from .reader import GlossaryDialog, GlossaryPopup

        for dialog in list(self.open_dialogs):
            if keep_glossary and isinstance(dialog, (GlossaryPopup, GlossaryDialog)):
                continue
            self._forget(dialog)
            dialog.close()

    def show_glossary(self, *, term_id: str | None = None) -> QWidget:
        from .reader import GlossaryDialog, GlossaryPopup

        if term_id is None:
            for d in list(self.open_dialogs):
                if isinstance(d, GlossaryPopup):
                    self._forget(d)
                    d.close()
            return self._open(GlossaryDialog(content=self.content, on_link=self.open_link, parent=self))
        return self._open(GlossaryPopup(term_id=term_id, content=self.content, on_link=self.open_link,
                                        show_all=lambda: self.show_glossary(), parent=self))

    def show_about(self) -> QWidget:
        from .about import AboutDialog

        return self._open(AboutDialog(content=self.content, on_link=self.open_link, parent=self))

    def _message(self, box) -> None:
        self.last_message = box

    # -- start over --------------------------------------------------------------------------------------------
    def request_start_over(self) -> None:
        from . import dialogs

        if not self.session.has_answers():
            self._on_start_over()
            return
        self._message(dialogs.confirm(
            self, title="Start over?", text="Start over and clear every answer?",
            informative="Everything entered on this screen will be wiped. This cannot be undone.",
            yes="Start over", no="Keep my answers", on_yes=self._on_start_over))

    # -- the answers file (nurse mode only) ----------------------------------------------------------------------
    def choose_save_path(self, *, title: str, suggested: str, file_filter: str) -> str | None:
        """Ask where to save (a file dialog); None when the person cancels. Never in kiosk mode."""
        if self.kiosk:
            return None
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return path or None

    def choose_open_path(self, *, title: str, file_filter: str) -> str | None:
        if self.kiosk:
            return None
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), file_filter)
        return path or None

    def save_answers_file(self) -> None:
        from . import dialogs

        if self.kiosk:
            return
        path = self.choose_save_path(title="Save the answers", suggested=str(Path.home() / "answers.json"),
                                     file_filter="Answers files (*.json)")
        if not path:
            return
        path = with_ending(path, ".json")  # issue 18: the Open dialog lists *.json only
        try:
            save_answers(self.session.answers, path)
        except OSError as exc:
            self._message(dialogs.show_error(self, title="The answers were not saved",
                                             text=f"The answers could not be saved to {path}.",
                                             informative=exc.strerror or str(exc)))
            return
        self._message(dialogs.show_info(self, title="Answers saved", text=f"The answers were saved to {path}."))

    def load_answers_file(self) -> None:
        if self.kiosk:
            return
        path = self.choose_open_path(title="Open an answers file", file_filter="Answers files (*.json)")
        if path:
            self.load_answers_from(path)

    def load_answers_from(self, path: str) -> None:
        """Read and check the whole file first: on any problem, say what and where, and change nothing."""
        from . import dialogs

        try:
            answers = load_answers(path, known_questions=self.content.prompt_ids())
        except AnswersError as exc:
            self._message(dialogs.show_problems(
                self, title="The answers file was not opened",
                text=f"{path} is not a valid answers file, so nothing was changed. Your answers on screen are kept.",
                error=exc))
            return

        def take() -> None:
            self.session.replace_answers(answers=answers)
            self.current_page().on_answers_changed("all")

        if self.session.has_answers():
            self._message(dialogs.confirm(
                self, title="Replace the answers?", text="Replace the answers on screen with the ones in the file?",
                informative=str(path), yes="Replace", no="Keep the answers on screen", on_yes=take))
        else:
            take()

    # -- the summary ---------------------------------------------------------------------------------------------
    def can_save_pdf(self) -> bool:
        """Nurse mode saves anywhere (a file dialog); the kiosk only to the clinic's export folder, if it has one."""
        return not self.kiosk or self.session.clinic.export_folder is not None

    def _pdf_note(self) -> str | None:
        """What the summary page says about PDFs in the kiosk (where no file dialog can say it)."""
        if not self.kiosk:
            return None
        return KIOSK_PDF_NOTE if self.can_save_pdf() else KIOSK_NO_PDF

    def print_summary(self) -> None:
        from . import dialogs

        if not summary_available():
            return
        from . import printing

        def tell(parent, title, text):
            if self.kiosk and text == printing.NO_PRINTER:
                text = KIOSK_NO_PRINTER_PDF if self.can_save_pdf() else KIOSK_NO_PRINTER_ASK
            self._message(dialogs.show_info(self, title=title, text=text))

        try:
            printed = printing.print_summary(self.session.summary(), self, paper=self.session.clinic.paper,
                                             tell=tell)
        except DecisionAidError as exc:
            self._message(dialogs.show_error(self, title="The summary was not printed", text=str(exc)))
            return
        if printed and self.kiosk:
            self._hand_over(title=PRINTED_TITLE, text=PRINTED_TEXT)

    def _hand_over(self, *, title: str, text: str, informative: str = "") -> None:
        """Kiosk: the summary has gone to the printer or the staff. Say so, then the session is thrown away once
        the person closes the message (or the idle guard closes it for someone who walked away)."""
        from . import dialogs

        informative = f"{CLEARS_NEXT}\n\n{informative}" if informative else CLEARS_NEXT
        self._message(dialogs.show_done(self, title=title, text=text, informative=informative,
                                        close_text=NEXT_PERSON, on_close=self._on_start_over))

    def save_pdf(self) -> None:
        from . import dialogs

        if not summary_available() or not self.can_save_pdf():
            return
        stamp = dt.datetime.now()
        if self.kiosk:
            path = str(_unused_path(self.session.clinic.export_folder, f"decision-aid-summary-{stamp:%Y%m%d-%H%M%S}"))
        else:
            path = self.choose_save_path(title="Save the summary as a PDF",
                                         suggested=str(Path.home() / f"decision-aid-summary-{stamp:%Y-%m-%d}.pdf"),
                                         file_filter="PDF files (*.pdf)")
            if not path:
                return
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        from .safe_pdf import write_pdf  # issue 18: checked, 0600; kiosk exports created exclusively

        try:
            write_pdf(self.session.summary(), path, paper=self.session.clinic.paper, exclusive=self.kiosk)
        except DecisionAidError as exc:
            if self.kiosk:  # the folder is the clinic's business: a kind word here, the details for the staff
                self._message(dialogs.show_error(self, title="The PDF was not saved", text=KIOSK_PDF_FAILED,
                                                 informative=f"For the staff: {exc}"))
            else:
                self._message(dialogs.show_error(self, title="The PDF was not saved", text=str(exc)))
            return
        except OSError as exc:
            self._message(dialogs.show_error(self, title="The PDF was not saved",
                                             text=KIOSK_PDF_FAILED if self.kiosk else
                                             f"The PDF could not be written to {path}.",
                                             informative=exc.strerror or str(exc)))
            return
        if self.kiosk:
            self._hand_over(title=PDF_SAVED_TITLE, text=PDF_SAVED_TEXT,
                            informative=f"For the staff: it is {Path(path).name} in {Path(path).parent}.")
            return
        self._message(dialogs.show_info(self, title="PDF saved", text=f"The summary was saved to {path}."))


def _unused_path(folder: Path, stem: str) -> Path:
    """``folder/stem.pdf``, or ``stem-2.pdf`` … when two people save in the same second: never overwrite."""
    path = folder / f"{stem}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.pdf"
        n += 1
    return path
