"""Nothing of one person reaches the next: a canary typed into every free-text field and every answer given, then
each way a kiosk session ends (Start over, walking away, printing, saving a PDF for the staff), then a search of
every widget, the clipboard and a fresh summary for any trace. Wired as app.py wires the kiosk."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic
from decision_aid.summary import build_summary, render_html
from decision_aid.ui import wording

import kiosk_driver as drive

TODAY = dt.date(2025, 1, 15)


@pytest.fixture
def kiosk(tmp_path, monkeypatch, wired_kiosk):
    """A kiosk window with an export folder, the idle guard and the privacy measures, as app.py wires them."""

    def no_file_dialog(*_a, **_k):
        pytest.fail("a file dialog in the kiosk")

    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, no_file_dialog)
    export = tmp_path / "export"
    export.mkdir()
    window, guard, clock, _temp = wired_kiosk(Clinic(name="Riverside Breast Clinic", kiosk=True,
                                                     export_folder=export))
    drive.settle()
    yield window, guard, clock, export


def pristine_state(window):
    """The window as the first person finds it, every page built."""
    drive.build_every_page(window)
    return drive.window_state(window)


def assert_nothing_left(window, canary: str, before) -> None:
    drive.settle()
    gc.collect()
    drive.settle()
    session = window.session
    assert session.answers == Answers()
    assert (session.text_scale, session.high_contrast) == (100, False)
    assert window.wizard.currentId() == 0
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window] == []
    drive.build_every_page(window)
    assert drive.traces(canary) == []
    assert drive.checked_buttons(window) == []
    assert drive.scrolled(window) == []
    assert all(text == "" for text in drive.clipboard_texts())
    assert canary not in window.windowTitle()
    # The reset window is the untouched one, widget for widget: every text, tick, scroll position and title.
    after = drive.window_state(window)
    assert len(after) == len(before)
    assert [a for a, b in zip(after, before, strict=True) if a != b] == []
    # A fresh summary has no trace of the person either.
    summary = build_summary(content=session.content, answers=session.answers, clinic=session.clinic, today=TODAY)
    blank = build_summary(content=session.content, answers=Answers(), clinic=session.clinic, today=TODAY)
    assert summary == blank
    html = render_html(summary)
    assert canary not in html and html == render_html(blank)
    assert canary not in render_html(session.summary())
    # Nothing of the old session is reachable from Python either.
    left = [o for o in gc.get_objects() if isinstance(o, Answers) and canary in str(o)]
    assert left == []


def fill(window, canary):
    drive.fill_everything(window, canary)
    assert drive.answered(window, canary)
    assert drive.traces(canary)  # the search does find it while it is there
    assert drive.checked_buttons(window) and drive.scrolled(window)


def hand_over_dialog(window):
    box = window.view.last_message
    assert box is not None and box.isVisible()
    return box


def test_start_over_leaves_nothing(qtbot, kiosk):
    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-start-over"
    before = pristine_state(window)
    fill(window, canary)
    drive.click(window.view.start_over_button)
    yes = window.view.last_message.findChild(QPushButton, "confirmYes")
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        drive.click(yes)
    assert_nothing_left(window, canary, before)


def test_walking_away_leaves_nothing(qtbot, kiosk):
    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-idle"
    before = pristine_state(window)
    fill(window, canary)
    # A dialog open when the time runs out is closed too.
    window.view.show_glossary(term_id=next(iter(window.content.glossary)))
    drive.settle()
    clock.now += 180
    guard.check()
    assert guard.is_warning
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        clock.now += 30
        guard.check()
    assert_nothing_left(window, canary, before)


def test_printing_tells_the_person_then_leaves_nothing(qtbot, kiosk, monkeypatch):
    from decision_aid.ui import printing

    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-print"
    before = pristine_state(window)
    fill(window, canary)
    sent = []
    monkeypatch.setattr(printing, "print_summary", lambda summary, parent, **kw: sent.append(summary) or True)
    page = drive.go(window, "summary")
    with qtbot.assertNotEmitted(window.session_reset):
        drive.click(page.print_button)
    assert len(sent) == 1 and sent[0].name and canary in sent[0].name
    sent.clear()  # this test's own reference: the gc search below must find none
    box = hand_over_dialog(window)
    assert box.text() == wording.PRINTED_TEXT
    assert wording.CLEARS_NEXT in box.informativeText()
    assert box.close_button.text() == wording.NEXT_PERSON
    # Not wiped while the person reads it.
    qtbot.wait(50)
    assert drive.answered(window, canary) and box.isVisible()
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        drive.click(box.close_button)
    del page, box  # a Python reference to an old page keeps its session: the test must not be the one holding it
    assert_nothing_left(window, canary, before)
    assert list(export.iterdir()) == []  # printing writes nothing


def test_saving_a_pdf_for_the_staff_says_where_then_leaves_nothing(qtbot, kiosk):
    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-pdf"
    before = pristine_state(window)
    fill(window, canary)
    page = drive.go(window, "summary")
    assert page.pdf_note.text() == wording.KIOSK_PDF_NOTE
    with qtbot.assertNotEmitted(window.session_reset):
        drive.click(page.pdf_button)
    written = list(export.iterdir())
    assert len(written) == 1 and written[0].suffix == ".pdf" and written[0].read_bytes().startswith(b"%PDF")
    assert canary not in written[0].name  # the file name says nothing of the person
    box = hand_over_dialog(window)
    assert box.text() == wording.PDF_SAVED_TEXT
    assert written[0].name in box.informativeText() and str(export) in box.informativeText()
    assert drive.answered(window, canary)
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        QTest.keyClick(box, Qt.Key.Key_Escape)  # Escape, too, means "seen it"
    del page, box
    assert_nothing_left(window, canary, before)
    assert list(export.iterdir()) == written  # the export itself stays for the staff


def test_walking_away_from_the_printed_message_still_clears(qtbot, kiosk, monkeypatch):
    from decision_aid.ui import printing

    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-print-walk"
    before = pristine_state(window)
    fill(window, canary)
    monkeypatch.setattr(printing, "print_summary", lambda summary, parent, **kw: True)
    drive.click(drive.go(window, "summary").print_button)
    box = hand_over_dialog(window)
    clock.now += 180
    guard.check()
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        clock.now += 30
        guard.check()
    assert not shiboken6.isValid(box) or not box.isVisible()
    assert_nothing_left(window, canary, before)


def test_a_second_pdf_in_the_same_second_does_not_overwrite_the_first(qtbot, kiosk):
    window, guard, clock, export = kiosk
    window.view.actions.save_pdf()
    window.view.last_message.close()
    drive.settle()
    window.view.actions.save_pdf()
    window.view.last_message.close()
    drive.settle()
    assert len(list(export.glob("decision-aid-summary-*.pdf"))) == 2


def test_escape_on_the_wizard_keeps_the_session_and_the_window(qtbot, kiosk):
    window, guard, clock, export = kiosk
    window.session.set_leaning(value="unsure")
    session = window.session
    drive.go(window, "leaning")
    QTest.keyClick(window.wizard, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    drive.settle()
    assert window.isVisible() and window.wizard.isVisible() and window.session is session
    assert window.session.answers.leaning == "unsure"


class FakeCloseEvent:
    def __init__(self, spontaneous):
        from PySide6.QtCore import QEvent

        self._type, self._spontaneous = QEvent.Type.Close, spontaneous

    def type(self):
        return self._type

    def spontaneous(self):
        return self._spontaneous


def test_a_patient_cannot_close_the_kiosk_window_but_the_program_can(qtbot, kiosk):
    from decision_aid import app as app_module

    window, guard, clock, export = kiosk
    assert app_module.refuses_close(FakeCloseEvent(spontaneous=True))  # Alt+F4, the window manager's close
    assert not app_module.refuses_close(FakeCloseEvent(spontaneous=False))
    app_module._keep_open(window)
    assert window.close()  # from the program (quit at exit): still closes, and the app's exit clears the rest
    assert not window.isVisible()


def test_the_summary_page_says_kindly_when_no_pdf_can_be_saved(qtbot, qapp, content):
    from decision_aid.ui.main_window import MainWindow

    window = MainWindow(content=content, kiosk=True, clinic=Clinic(kiosk=True))
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    page = drive.go(window, "summary")
    assert page.pdf_button is None
    assert page.pdf_note.text() == wording.KIOSK_NO_PDF and page.pdf_note.isVisible()
    assert page.print_button.isVisible()


def test_nurse_mode_has_no_kiosk_note(qtbot, qapp, content):
    from decision_aid.ui.main_window import MainWindow

    window = MainWindow(content=content, kiosk=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = drive.go(window, "summary")
    assert page.pdf_note is None and page.pdf_button is not None


@pytest.mark.parametrize("export", [True, False])
def test_no_printer_in_the_kiosk_points_to_what_can_be_done_there(qtbot, qapp, content, tmp_path, monkeypatch,
                                                                  export):
    from decision_aid.ui import printing
    from decision_aid.ui.main_window import MainWindow

    monkeypatch.setattr(printing, "printers_available", lambda: False)
    window = MainWindow(content=content, kiosk=True,
                        clinic=Clinic(kiosk=True, export_folder=tmp_path if export else None))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    session = window.session
    window.view.actions.print_summary()
    box = window.view.last_message
    expected = wording.KIOSK_NO_PRINTER_PDF if export else wording.KIOSK_NO_PRINTER_ASK
    assert box.text() == expected and box.isVisible()
    box.close()
    drive.settle()
    assert window.session is session  # nothing printed: nothing to hand over, the person carries on
