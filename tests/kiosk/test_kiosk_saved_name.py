"""A kiosk export whose name another kiosk took in the meantime is written as ``-2``: the writers return the name
they actually wrote, and the "saved" message names that file, never the one that belongs to someone else."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic
from decision_aid.summary import build_summary, typeset
from decision_aid.ui import session_actions

OLD = b"another kiosk's summary, which must stay whole\n"


def test_write_pdf_returns_the_name_it_wrote_and_its_pages(tmp_path, content):
    summary = build_summary(content=content, answers=Answers(), clinic=Clinic())
    taken = tmp_path / "decision-aid-summary-1.pdf"
    taken.write_bytes(OLD)
    written = typeset.write_pdf(summary, taken, exclusive=True)
    assert written.path == tmp_path / "decision-aid-summary-1-2.pdf"
    assert written.pages >= 1 and written.path.read_bytes().startswith(b"%PDF-")
    assert taken.read_bytes() == OLD
    # A file the nurse chose is replaced under its own name, and that name comes back.
    chosen = typeset.write_pdf(summary, taken)
    assert chosen.path == taken and chosen.pages == written.pages


@pytest.fixture
def kiosk(tmp_path, wired_kiosk):
    export = tmp_path / "export"
    export.mkdir()
    window, _guard, _clock, _temp = wired_kiosk(Clinic(kiosk=True, export_folder=export))
    return window, export


def test_the_saved_message_names_the_file_written_when_its_name_was_taken(kiosk, monkeypatch):
    window, export = kiosk
    taken = export / "decision-aid-summary-20250115-101500.pdf"
    # The name was free when the kiosk chose it; another kiosk saved under it just before this one wrote.
    monkeypatch.setattr(session_actions, "_unused_path", lambda folder, stem: Path(folder) / taken.name)
    taken.write_bytes(OLD)
    assert window.view.actions.save_pdf()
    box = window.view.last_message
    written = {p.name for p in export.iterdir()}
    assert written == {taken.name, "decision-aid-summary-20250115-101500-2.pdf"}
    assert taken.read_bytes() == OLD
    text = box.informativeText()
    assert "decision-aid-summary-20250115-101500-2.pdf" in text and str(export) in text
    assert f"{taken.name} " not in text and not text.rstrip(".").endswith(taken.name)
    box.close()
