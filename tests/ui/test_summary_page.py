"""The summary step: preview, name, Print, Save as PDF (anywhere in nurse mode, only to the clinic's folder in the
kiosk) and Start over; errors from the summary writer become a message naming the problem."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from decision_aid.clinic import Clinic
from decision_aid.errors import SummaryWriteError
from decision_aid.ui.dialogs import MessageDialog

from ui_helpers import click, settle


def summary_page(qtbot, window):
    window.view.go_to_page("summary")
    settle(qtbot)
    return window.current_page()


def preview_text(page) -> str:
    return page.preview.text()


def test_preview_shows_the_answers(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.session.set_situation(key="breast_symptoms", value="some")
    window.session.set_leaning(value="surgery")
    window.session.add_own_question(text="Can my sister come with me?")
    page = summary_page(qtbot, window)
    text = preview_text(page)
    assert "Can my sister come with me?" in text
    assert fixture_content.form.leaning.choices["surgery"] in text
    assert page.preview.pages and all(p.height() == p.heightForWidth(p.width()) for p in page.preview.pages)


def test_name_goes_on_the_summary_after_a_pause(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    assert "Ann Example" not in preview_text(page)
    page.name.setFocus()
    QTest.keyClicks(page.name, "Ann Example")
    assert window.session.answers.name == "Ann Example"
    qtbot.waitUntil(lambda: "Ann Example" in preview_text(page), timeout=3000)


def test_preview_follows_answers_changed_elsewhere(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    window.session.add_own_question(text="What happens next?")
    window.view.go_to_page("questions")
    settle(qtbot)
    window.view.go_to_page("summary")
    settle(qtbot)
    assert "What happens next?" in preview_text(page)


def test_save_as_pdf_in_nurse_mode(qtbot, make_window, fixture_content, tmp_path, monkeypatch):
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    target = tmp_path / "for the clinic"
    monkeypatch.setattr(window.view, "choose_save_path", lambda **kw: str(target))
    click(qtbot, page.pdf_button)
    pdf = tmp_path / "for the clinic.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    message = window.view.last_message
    assert isinstance(message, MessageDialog) and str(pdf) in message.text()


def test_a_pdf_that_cannot_be_written_says_why(qtbot, make_window, fixture_content, tmp_path, monkeypatch):
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    monkeypatch.setattr(window.view, "choose_save_path", lambda **kw: str(tmp_path / "no such folder" / "s.pdf"))
    click(qtbot, page.pdf_button)
    message = window.view.last_message
    assert isinstance(message, MessageDialog) and message.isVisible()
    assert "no such folder" in message.text() and "does not exist" in message.text()
    assert not (tmp_path / "no such folder").exists()


def test_writer_errors_become_a_message(qtbot, make_window, fixture_content, tmp_path, monkeypatch):
    from decision_aid.ui import summary_pdf

    def fail(*args, **kwargs):
        raise SummaryWriteError(str(tmp_path / "x.pdf"), "the disk is full")

    monkeypatch.setattr(summary_pdf, "write_pdf", fail)
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    monkeypatch.setattr(window.view, "choose_save_path", lambda **kw: str(tmp_path / "x.pdf"))
    click(qtbot, page.pdf_button)
    assert "the disk is full" in window.view.last_message.text()


def test_kiosk_saves_only_to_the_clinic_folder(qtbot, make_window, fixture_content, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("a file dialog in the kiosk"))
    window = make_window(content=fixture_content, kiosk=True, clinic=Clinic(kiosk=True, export_folder=tmp_path))
    page = summary_page(qtbot, window)
    click(qtbot, page.pdf_button)
    written = list(tmp_path.glob("decision-aid-summary-*.pdf"))
    assert len(written) == 1 and written[0].read_bytes().startswith(b"%PDF")


def test_print_without_a_printer_tells_the_person(qtbot, make_window, fixture_content, monkeypatch):
    from decision_aid.ui import printing

    monkeypatch.setattr(printing, "printers_available", lambda: False)
    window = make_window(content=fixture_content)
    page = summary_page(qtbot, window)
    click(qtbot, page.print_button)
    message = window.view.last_message
    assert isinstance(message, MessageDialog) and message.isVisible()
    assert message.text() == printing.NO_PRINTER
    message.close()
    window.activateWindow()
    settle(qtbot)
    QTest.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P does the same
    settle(qtbot)
    assert window.view.last_message is not message and window.view.last_message.text() == printing.NO_PRINTER


def test_start_over_from_the_summary(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content)
    window.session.set_leaning(value="unsure")
    page = summary_page(qtbot, window)
    click(qtbot, page.start_over_button)
    yes = window.view.last_message.findChild(type(page.start_over_button), "confirmYes")
    click(qtbot, yes)
    assert not window.session.has_answers() and window.wizard.currentId() == 0
