"""Pictures of the accessibility features (look at them): the read-aloud control reading, with the sentence marked
on the page, and the focus on the new page's heading after Next, at 100 % and 200 % text. Saved under
artifacts/screenshots/a11y/<scale>/; the README shows copies of the 100 % ones from docs/screenshots/."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from decision_aid import speech
from decision_aid.ui import read_aloud

from ui_checks import layout_problems
from ui_helpers import SCREENSHOTS, go, settle


class SlowVoice(speech.Backend):
    name = "slow"

    def speak(self, text, *, rate, language):
        return speech.Command((sys.executable, "-c", "import sys, time; sys.stdin.read(); time.sleep(30)"), text)


@pytest.mark.parametrize("scale", [100, 200])
def test_pictures_of_read_aloud_and_focus(qtbot, make_window, shipped_content, scale):
    out = SCREENSHOTS / "a11y" / f"{scale}"
    out.mkdir(parents=True, exist_ok=True)
    read_aloud.use_backend(SlowVoice())
    try:
        window = make_window(content=shipped_content)
        window.session.set_text_scale(scale=scale)
        window.activateWindow()
        page = go(window, qtbot, "options")
        bar = window.view.read_aloud
        bar.read(read_aloud.blocks_of(page))
        for _ in range(3):  # on to the page's first paragraph
            bar.player._end_process()
            bar.player.index += 1
            bar.player._speak()
        settle(qtbot, 100)
        assert speech.HIGHLIGHT_STYLE in bar._marked.widget.text()
        assert not layout_problems(window)
        assert window.grab().save(str(out / "read-aloud.png"))
        bar.stop()
        go(window, qtbot, "welcome")
        QTest.mouseClick(window.wizard.next_button, Qt.MouseButton.LeftButton)
        settle(qtbot, 100)
        assert QApplication.focusWidget() is window.current_page().heading
        assert window.grab().save(str(out / "focus-on-heading.png"))
    finally:
        read_aloud._FOUND.clear()
