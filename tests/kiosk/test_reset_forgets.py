"""Issue 18: every kiosk reset ages the last summaries out of Typst's memo cache and, once the old session's widgets
are gone, gives freed memory back to the system (a long day stays within its memory)."""

from __future__ import annotations

import gc
import sys
import weakref

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


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_give_back_first_frees_what_only_reference_cycles_still_hold():
    """A thrown-away session is partly held in reference cycles until Python's cycle collector runs (on its own, after
    dozens of sessions): giving memory back collects them first, or it would give back only part of the session."""
    was_enabled = gc.isenabled()
    gc.disable()  # the collector must not run on its own during the test
    try:
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None  # only the cycle holds it now
        heap.give_back()
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
