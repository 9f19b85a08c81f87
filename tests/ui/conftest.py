"""Fixtures for the wizard tests (pytest-qt, offscreen). Helpers are in ui_helpers.py."""

from __future__ import annotations

import pytest

from decision_aid.content import load_content
from decision_aid.errors import ContentError

from ui_helpers import FIXTURE_CONTENT, PLATFORM_NOISE, SHIPPED_CONTENT, WINDOW_SIZE, settle


@pytest.fixture(autouse=True)
def no_qt_warnings(qtlog):
    """Any Qt warning (other than the offscreen platform's note) fails the test."""
    yield
    bad = [r.message for r in qtlog.records
           if r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
           and not any(n in r.message for n in PLATFORM_NOISE)]
    assert not bad, "Qt warnings: " + "; ".join(bad)


@pytest.fixture(scope="session")
def fixture_content():
    return load_content(FIXTURE_CONTENT)


@pytest.fixture(scope="session")
def shipped_content():
    try:
        return load_content(SHIPPED_CONTENT)
    except ContentError as exc:
        pytest.skip(f"the shipped content does not pass the checker yet ({len(exc.problems)} problems)")


@pytest.fixture
def make_window(qtbot):
    """Build a shown MainWindow at a normal desktop size; its dialogs are closed after the test."""
    from decision_aid.ui.main_window import MainWindow

    made = []

    def make(*, content, kiosk=False, clinic=None, size=WINDOW_SIZE):
        window = MainWindow(content=content, kiosk=kiosk, clinic=clinic)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.view is not None:
            window.view.close_dialogs()
