"""Kiosk tests: any Qt warning fails the test (the offscreen platform's notes about window features aside)."""

from __future__ import annotations

from pathlib import Path

import pytest

from decision_aid.content import load_content

SHIPPED_CONTENT = Path(__file__).resolve().parents[2] / "content"

PLATFORM_NOISE = ("This plugin does not support",)


@pytest.fixture(autouse=True)
def no_qt_warnings(request):
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    qtlog = request.getfixturevalue("qtlog")
    yield
    bad = [r.message for r in qtlog.records
           if r.type.name in ("QtWarningMsg", "QtCriticalMsg", "QtFatalMsg")
           and not r.message.startswith(PLATFORM_NOISE)]
    assert not bad, "Qt warnings: " + "; ".join(bad)


@pytest.fixture(scope="module")
def content():
    """The shipped content, read once per test module."""
    return load_content(SHIPPED_CONTENT)
