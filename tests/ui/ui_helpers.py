"""Helpers shared by the wizard tests (a plain module: conftest.py is not imported by name)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic, ClinicTrial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
SHIPPED_CONTENT = ROOT / "content"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WINDOW_SIZE = (1280, 860)

# The offscreen platform cannot pass a window's size limits to a window system and says so each time they change;
# a real platform (xcb, Windows) has no such message. Every other Qt warning fails the test that caused it.
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)

OPEN_TRIALS_CLINIC = Clinic(
    name="Riverside Breast Clinic", phone="555 0100",
    trials=(ClinicTrial(name="Example local therapy trial", id="NCT00000000", contact="Research nurse, room 4",
                        summary="Compares adding surgery with medicines alone."),),
)


# A situation that brings out most of the aid: symptoms, a trial offered, bone-only spread, every answer given.
FULL = Answers(
    situation={"breast_symptoms": "some", "symptom_kinds": ("bleeding", "pain"), "distant_response": "stable",
               "months_on_treatment": "4_to_8", "spread_sites": ("bone",), "spread_extent": "few",
               "tumor_type": "hr_positive", "trial_offered": "yes"},
    values={"live_longer": 4, "breast_control": 3, "avoid_surgery": 1, "avoid_side_effects": 2,
            "medicines_on_time": 4, "help_research": 0},
    leaning="unsure",
    sure={"sure": False, "understand": True, "risks_benefits": True, "support": False},
    own_questions=("Who do I call if the wound bleeds at night?",),
)


def settle(qtbot, ms: int = 0) -> None:
    """Let layouts finish: wrapped text takes a few turns of the event loop to find its height."""
    for _ in range(4):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the event loop does between turns
    if ms:
        qtbot.wait(ms)


def problems_on_every_page(window, qtbot, check) -> list[str]:
    """``check(window)``'s problems on every page of a full session, at 100 % and 200 % text, each named by its text
    size and page."""
    from decision_aid.ui.steps import PAGES

    window.session.replace_answers(answers=FULL)
    problems = []
    for scale in (100, 200):
        window.session.set_text_scale(scale=scale)
        for page_id, (key, _, _) in enumerate(PAGES):
            window.wizard.go_to(page_id)
            settle(qtbot)
            problems += [f"{scale}% {key}: {p}" for p in check(window)]
    return problems


def click(qtbot, widget: QWidget) -> None:
    """Click near the left edge, vertically centred: where a finger or mouse would go on an answer."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(min(20, widget.width() // 2),
                                                                   widget.height() // 2))
    settle(qtbot)


def visible_widgets(root: QWidget, kind=QWidget):
    return [w for w in root.findChildren(kind) if w.isVisibleTo(root.window()) and w.isVisible()]


def page(window, key: str):
    from decision_aid.ui.steps import PAGE_IDS

    return window.view.pages[PAGE_IDS[key]]


def go(window, qtbot, key: str):
    from decision_aid.ui.steps import PAGE_IDS

    window.wizard.go_to(PAGE_IDS[key])
    settle(qtbot)
    return window.current_page()
