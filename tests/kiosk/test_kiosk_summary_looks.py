"""What a person at the kiosk sees around the summary, at 100% and 200% text: the note about PDFs on the summary
page, and the message after printing or saving (then the screen clears). Pictures go to artifacts/kiosk/ for a
person to look at; the test checks what can be measured: nothing clipped, the button whole and large."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_aid.clinic import Clinic
from decision_aid.ui import wording

import kiosk_driver as drive

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "kiosk"


def kiosk_window(qtbot, content, *, export_folder, scale):
    window = drive.show_kiosk_window(qtbot, content=content, clinic=Clinic(kiosk=True, export_folder=export_folder))
    window.session.set_text_scale(scale=scale)
    drive.settle()
    return window


def assert_unclipped(label):
    assert label.isVisible()
    assert label.height() >= label.heightForWidth(label.width()), f"{label.text()!r} is clipped"


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("export", [False, True], ids=["no_export_folder", "export_folder"])
def test_the_summary_page_says_what_saving_does(qtbot, content, tmp_path, scale, export):
    window = kiosk_window(qtbot, content, export_folder=tmp_path if export else None, scale=scale)
    page = drive.go(window, "summary")
    drive.settle()
    qtbot.wait(50)
    # Twice: pages still lay themselves out in idle time, and a scroll made before that can end short.
    for _ in range(2):
        page.scroll.ensureWidgetVisible(page.pdf_note)
        drive.settle()
    assert page.pdf_note.text() == (wording.KIOSK_PDF_NOTE if export else wording.KIOSK_NO_PDF)
    assert_unclipped(page.pdf_note)
    assert page.scroll.viewport().rect().contains(
        page.pdf_note.mapTo(page.scroll.viewport(), page.pdf_note.rect().bottomRight()))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / f"summary_{'pdf' if export else 'no_pdf'}_{scale}.png"))


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("what", ["printed", "pdf_saved"])
def test_the_message_after_printing_or_saving_is_whole(qtbot, content, tmp_path, monkeypatch, scale, what):
    from decision_aid.ui import printing

    monkeypatch.setattr(printing, "print_summary", lambda summary, parent, **kw: True)
    window = kiosk_window(qtbot, content, export_folder=tmp_path, scale=scale)
    (window.view.actions.print_summary if what == "printed" else window.view.actions.save_pdf)()
    box = window.view.last_message
    qtbot.waitExposed(box)
    drive.settle()
    qtbot.wait(50)
    for label in (box.text_label, box.informative_label):
        assert_unclipped(label)
    button = box.close_button
    assert button.text() == wording.NEXT_PERSON
    assert button.width() >= button.sizeHint().width() and button.height() >= 44
    assert window.geometry().contains(box.geometry())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert box.grab().save(str(ARTIFACTS / f"{what}_{scale}.png"))
    window.view.close_dialogs()
    box.close()
