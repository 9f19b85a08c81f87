"""What a person sees: the idle warning at 100% and 200% text, and in high contrast, under the session's style.

Pictures go to artifacts/ (git-ignored) for a person to look at; the test checks what can be measured: a large
named button, no clipped text, and room on the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from decision_aid.ui import theme
from decision_aid.ui.idle_guard import IdleGuard
from decision_aid.ui.wording import STILL_HERE, countdown_text

from kiosk_driver import FakeClock

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def session_like_window(qtbot, *, scale: int, high_contrast: bool) -> QMainWindow:
    """A main window whose central widget carries the session's palette and style sheet, as SessionView does."""
    window = QMainWindow()
    view = QWidget()
    view.setObjectName("sessionView")
    t = theme.theme_for(high_contrast=high_contrast)
    view.setPalette(theme.palette(t))
    view.setStyleSheet(theme.style_sheet(t, scale=scale, family=theme.shipped_font_family()))
    QVBoxLayout(view).addWidget(QLabel("Your options"))
    window.setCentralWidget(view)
    window.resize(1280, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("scale,high_contrast", [(100, False), (200, False), (100, True), (200, True)])
def test_the_warning_is_calm_large_and_unclipped(qtbot, scale, high_contrast):
    window = session_like_window(qtbot, scale=scale, high_contrast=high_contrast)
    clock = FakeClock(100.0)
    guard = IdleGuard(idle_seconds=180, window=window, clock=clock)
    guard.start()
    clock.now += 185
    guard.check()
    warning = guard.warning
    qtbot.waitExposed(warning)
    clock.now += 5
    guard.check()

    button = warning.button
    assert button.accessibleName() == STILL_HERE
    assert button.height() >= 44 and button.width() >= 44
    # Larger than the session's ordinary buttons (44 px at 100%).
    assert button.height() >= 1.25 * 44 * scale / 100
    assert warning.countdown.text() == countdown_text(25)
    # Text grows with the session's text size.
    assert warning.countdown.font().pointSizeF() >= theme.point_size(scale)
    for label in (warning.title, warning.countdown, warning.hint):
        assert label.height() >= label.heightForWidth(label.width()), f"{label.objectName()} is clipped"
        assert warning.rect().contains(label.geometry())
    screen = warning.screen().availableGeometry()
    assert warning.width() <= screen.width()

    ARTIFACTS.mkdir(exist_ok=True)
    name = f"idle_warning_{scale}{'_high_contrast' if high_contrast else ''}.png"
    assert warning.grab().save(str(ARTIFACTS / name))
    guard.stop()
