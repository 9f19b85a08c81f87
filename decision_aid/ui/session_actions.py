"""SessionActions: what a person can do with the whole session: start over, save or open the answers file (nurse
mode), print the summary or save it as a PDF, and, in the kiosk, hand the summary over and clear the screen.

It asks the session view where files go (``choose_save_path``, ``choose_open_path``: file dialogs, never in the
kiosk) and shows every outcome as a message over it; errors stop here, as a message, and go no further. The kiosk's
wording is in ``wording``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..answers import load_answers, save_answers
from ..errors import AnswersError, DecisionAidError
from ..i18n import _
from ..safe_files import with_ending
from ..session import Session
from . import wording

if TYPE_CHECKING:
    from .session_view import SessionView


class SessionActions:
    def __init__(self, *, session: Session, kiosk: bool, view: SessionView, on_start_over: Callable[[], None]):
        self.session = session
        self.kiosk = kiosk
        self._view = view  # the messages' parent, and where file dialogs are asked (a test answers them instead)
        self._on_start_over = on_start_over
        self.last_message = None  # the last message shown (tests read it)

    def _show(self, box) -> None:
        self.last_message = box
        self._view.message_shown.emit(box)  # screen readers hear it (semantics)

    # -- start over --------------------------------------------------------------------------------------------
    def request_start_over(self) -> None:
        from . import dialogs

        if not self.session.has_answers():
            self._on_start_over()
            return
        self._show(dialogs.confirm(
            self._view, title=_(wording.START_OVER_TITLE), text=_(wording.START_OVER_TEXT),
            informative=_(wording.START_OVER_INFO), yes=_(wording.START_OVER_YES), no=_(wording.START_OVER_NO),
            on_yes=self._on_start_over))

    # -- the answers file (nurse mode only) ----------------------------------------------------------------------
    def save_answers_file(self) -> None:
        from . import dialogs

        if self.kiosk:
            return
        path = self._view.choose_save_path(title=_(wording.SAVE_ANSWERS_TITLE),
                                            suggested=str(Path.home() / "answers.json"),
                                            file_filter=_(wording.ANSWERS_FILTER))
        if not path:
            return
        path = with_ending(path, ".json")  # issue 18: the Open dialog lists *.json only
        try:
            save_answers(self.session.answers, path)
        except OSError as exc:
            self._show(dialogs.show_error(self._view, title=_(wording.ANSWERS_NOT_SAVED),
                                          text=_(wording.ANSWERS_NOT_SAVED_TEXT).format(path=path),
                                          informative=exc.strerror or str(exc)))
            return
        self._show(dialogs.show_info(self._view, title=_(wording.ANSWERS_SAVED),
                                     text=_(wording.ANSWERS_SAVED_TEXT).format(path=path)))

    def load_answers_file(self) -> None:
        if self.kiosk:
            return
        path = self._view.choose_open_path(title=_(wording.OPEN_ANSWERS_TITLE), file_filter=_(wording.ANSWERS_FILTER))
        if path:
            self.load_answers_from(path)

    def load_answers_from(self, path: str) -> None:
        """Read and check the whole file first: on any problem, say what and where, and change nothing."""
        from . import dialogs

        try:
            answers = load_answers(path, known_questions=self.session.content.prompt_ids())
        except AnswersError as exc:
            self._show(dialogs.show_problems(self._view, title=_(wording.ANSWERS_NOT_OPENED),
                                             text=_(wording.NOT_AN_ANSWERS_FILE).format(path=path), error=exc))
            return

        def take() -> None:
            self.session.replace_answers(answers=answers)

        if self.session.has_answers():
            self._show(dialogs.confirm(
                self._view, title=_(wording.REPLACE_TITLE), text=_(wording.REPLACE_TEXT), informative=str(path),
                yes=_(wording.REPLACE_YES), no=_(wording.REPLACE_NO), on_yes=take))
        else:
            take()

    # -- the summary ---------------------------------------------------------------------------------------------
    def can_save_pdf(self) -> bool:
        """Nurse mode saves anywhere (a file dialog); the kiosk only to the clinic's export folder, if it has one."""
        return not self.kiosk or self.session.clinic.export_folder is not None

    def pdf_note(self) -> str | None:
        """What the summary page says about PDFs in the kiosk (where no file dialog can say it)."""
        if not self.kiosk:
            return None
        return _(wording.KIOSK_PDF_NOTE) if self.can_save_pdf() else _(wording.KIOSK_NO_PDF)

    def print_summary(self, *, hand_over: bool = True) -> bool:
        """Print; True when it went to a printer. In the kiosk the summary is then handed over (``hand_over``),
        with saving a copy for the staff offered beside it."""
        from . import dialogs, printing

        def tell(_parent, title, text):
            if self.kiosk and text == _(printing.NO_PRINTER):
                text = _(wording.KIOSK_NO_PRINTER_PDF) if self.can_save_pdf() else _(wording.KIOSK_NO_PRINTER_ASK)
            self._show(dialogs.show_info(self._view, title=title, text=text))

        try:
            printed = printing.print_summary(self.session.summary(), self._view, paper=self.session.clinic.paper,
                                             tell=tell)
        except DecisionAidError as exc:
            self._show(dialogs.show_error(self._view, title=_(wording.NOT_PRINTED), text=str(exc)))
            return False
        if printed and self.kiosk and hand_over:
            self._hand_over(title=_(wording.PRINTED_TITLE), text=_(wording.PRINTED_TEXT),
                            also=(wording.ALSO_SAVE, self.save_pdf) if self.can_save_pdf() else None)
        return printed

    def save_pdf(self, *, hand_over: bool = True) -> bool:
        """Save as PDF; True when it was written. In the kiosk the summary is then handed over (``hand_over``),
        with printing offered beside it when there is a printer."""
        from . import dialogs

        if not self.can_save_pdf():
            return False
        path = self._pdf_path()
        if not path:
            return False
        from .summary_pdf import write_pdf

        try:
            # issue 18: checked, 0600; kiosk exports created exclusively (never over another kiosk's file)
            # The name actually written: another kiosk may have taken this one since it was chosen (then "-2").
            path = str(write_pdf(self.session.summary(), path, paper=self.session.clinic.paper,
                                 exclusive=self.kiosk).path)
        except DecisionAidError as exc:
            # The kiosk's folder is the clinic's business: a kind word here, the details for the staff.
            text, informative = ((_(wording.KIOSK_PDF_FAILED), _(wording.FOR_THE_STAFF).format(detail=exc))
                                 if self.kiosk else (str(exc), ""))
            self._show(dialogs.show_error(self._view, title=_(wording.PDF_NOT_SAVED), text=text,
                                          informative=informative))
            return False
        except OSError as exc:
            self._show(dialogs.show_error(
                self._view, title=_(wording.PDF_NOT_SAVED),
                text=(_(wording.KIOSK_PDF_FAILED) if self.kiosk
                      else _(wording.PDF_NOT_WRITTEN_TEXT).format(path=path)),
                informative=exc.strerror or str(exc)))
            return False
        if self.kiosk and hand_over:
            from .printing import printers_available

            saved = Path(path)
            self._hand_over(title=_(wording.PDF_SAVED_TITLE), text=_(wording.PDF_SAVED_TEXT),
                            informative=_(wording.SAVED_FOR_THE_STAFF).format(name=saved.name, folder=saved.parent),
                            also=(wording.ALSO_PRINT, self.print_summary) if printers_available() else None)
        elif not self.kiosk:
            self._show(dialogs.show_info(self._view, title=_(wording.PDF_SAVED),
                                         text=_(wording.PDF_SAVED_TEXT_AT).format(path=path)))
        return True

    def _pdf_path(self) -> str | None:
        """The kiosk: a new file in the clinic's export folder. Nurse mode: where the nurse says (with ``.pdf``)."""
        stamp = dt.datetime.now()
        if self.kiosk:
            folder = self.session.clinic.export_folder
            assert folder is not None  # can_save_pdf: the kiosk saves a PDF only into the clinic's export folder
            return str(_unused_path(folder, f"decision-aid-summary-{stamp:%Y%m%d-%H%M%S}"))
        path = self._view.choose_save_path(title=_(wording.SAVE_PDF_TITLE),
                                            suggested=str(Path.home() / f"decision-aid-summary-{stamp:%Y-%m-%d}.pdf"),
                                            file_filter=_(wording.PDF_FILTER))
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def _hand_over(self, *, title: str, text: str, informative: str = "",
                   also: tuple[str, Callable[..., bool]] | None = None) -> None:
        """Kiosk: the summary has gone to the printer or the staff. Say so, then the session is thrown away once
        the person closes the message (or the idle guard closes it for someone who walked away). ``also``: (words,
        action) for the other of printing and saving, offered here before the reset."""
        from . import dialogs

        informative = f"{_(wording.CLEARS_NEXT)}\n\n{informative}" if informative else _(wording.CLEARS_NEXT)
        box = dialogs.show_done(self._view, title=title, text=text, informative=informative,
                                close_text=_(wording.NEXT_PERSON), on_close=self._on_start_over)
        if also is not None:
            words, action = also

            def do_also() -> None:
                if action(hand_over=False):
                    button.setEnabled(False)
                    button.setText(_(wording.ALSO_DONE[words]))

            button = box.add_button(_(words), do_also)
            button.setObjectName("alsoButton")
        self._show(box)


def _unused_path(folder: Path, stem: str) -> Path:
    """``folder/stem.pdf``, or ``stem-2.pdf`` … when two people save in the same second: never overwrite."""
    path = folder / f"{stem}.pdf"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.pdf"
        n += 1
    return path
