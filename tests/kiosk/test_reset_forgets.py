"""Issue 18: every kiosk reset ages the last summaries out of Typst's memo cache and, once the old session's widgets
are gone, gives freed memory back to the system (a long day stays within its memory)."""

from __future__ import annotations

import sys

import pytest

from decision_aid import heap
from decision_aid.clinic import Clinic
from decision_aid.summary import typeset


def test_a_reset_forgets_the_typeset_summaries_and_gives_memory_back(qtbot, wired_kiosk, monkeypatch):
    forgot, given = [], []
    monkeypatch.setattr(typeset, "forget", lambda: forgot.append("forget"))
    monkeypatch.setattr(heap, "give_back", lambda: given.append("give back") or True)
    window, _guard, _clock, _temp = wired_kiosk(Clinic(kiosk=True))
    forgot.clear()
    window.reset()
    assert forgot == ["forget"]
    qtbot.waitUntil(lambda: given == ["give back"], timeout=5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_give_back_trims_the_heap_on_linux():
    assert heap.give_back() is True
