"""Kiosk: printing and saving a copy for the staff are not either/or. The message after one offers the other, and
the screen still clears only when the person says they are done (or walks away)."""

from __future__ import annotations

from test_kiosk_canary import assert_nothing_left, fill, hand_over_dialog, kiosk, pristine_state  # noqa: F401

from decision_aid.ui import wording

import kiosk_driver as drive


def test_after_printing_a_copy_can_still_be_saved_then_the_screen_clears(qtbot, kiosk, monkeypatch):  # noqa: F811
    from decision_aid.ui import printing

    window, guard, clock, export = kiosk
    canary = "CANARY-7f3a-print-and-save"
    before = pristine_state(window)
    fill(window, canary)
    monkeypatch.setattr(printing, "print_summary", lambda summary, parent, **kw: True)
    page = drive.go(window, "summary")
    drive.click(page.print_button)
    box = hand_over_dialog(window)
    also = box.findChild(type(page.print_button), "alsoButton")
    assert also is not None and also.text() == wording.ALSO_SAVE
    with qtbot.assertNotEmitted(window.session_reset):
        drive.click(also)
    written = list(export.iterdir())
    assert len(written) == 1 and written[0].read_bytes().startswith(b"%PDF")
    assert not also.isEnabled() and also.text() == wording.ALSO_DONE[wording.ALSO_SAVE]
    assert box.isVisible() and drive.answered(window, canary)  # not cleared until the person says so
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        drive.click(box.close_button)
    del page, box, also
    assert_nothing_left(window, canary, before)


def test_after_saving_it_can_still_be_printed(qtbot, kiosk, monkeypatch):  # noqa: F811
    from decision_aid.ui import printing

    window, guard, clock, export = kiosk
    sent = []
    monkeypatch.setattr(printing, "printers_available", lambda: True)
    monkeypatch.setattr(printing, "print_summary", lambda summary, parent, **kw: sent.append(1) or True)
    page = drive.go(window, "summary")
    drive.click(page.pdf_button)
    box = hand_over_dialog(window)
    also = box.findChild(type(page.print_button), "alsoButton")
    assert also is not None and also.text() == wording.ALSO_PRINT
    with qtbot.assertNotEmitted(window.session_reset):
        drive.click(also)
    assert sent == [1] and not also.isEnabled()
    with qtbot.waitSignal(window.session_reset, timeout=1000):
        drive.click(box.close_button)


def test_with_no_printer_saving_offers_no_print_button(qtbot, kiosk, monkeypatch):  # noqa: F811
    from decision_aid.ui import printing

    window, guard, clock, export = kiosk
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    drive.click(drive.go(window, "summary").pdf_button)
    box = hand_over_dialog(window)
    assert box.findChild(type(box.close_button), "alsoButton") is None
