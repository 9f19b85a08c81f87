"""Read this page to me: the control reads the page sentence by sentence, marks the sentence being read, pauses,
goes on, stops, and falls silent on Next, Back, Start over and the idle reset. A fake voice (a short-lived process
per sentence) stands in for the real one, which is tested into a WAV file here and in tests/unit/test_speech.py."""

from __future__ import annotations

import shutil
import sys

import pytest

from decision_aid import speech
from decision_aid.ui import read_aloud
from decision_aid.ui.labels import RichText
from decision_aid.ui.read_aloud import ReadAloudBar, blocks_of

from ui_helpers import go, settle


class FakeVoice(speech.Backend):
    """Each sentence "takes" ``seconds``: a process that reads the sentence and waits, like a real voice."""

    name = "fake"

    def __init__(self, seconds: float = 0.25):
        self.seconds = seconds
        self.spoken: list[tuple[str, int]] = []

    def speak(self, text, *, rate, language):
        self.spoken.append((text, rate))
        return speech.Command((sys.executable, "-c", f"import sys, time; sys.stdin.read(); time.sleep({self.seconds})"),
                              text)


@pytest.fixture
def voice():
    fake = FakeVoice()
    read_aloud.use_backend(fake)
    yield fake
    read_aloud._FOUND.clear()


def wait_state(qtbot, bar, state, timeout=8000):
    qtbot.waitUntil(lambda: bar.player.state == state, timeout=timeout)


def test_play_marks_each_sentence_then_stop(qtbot, make_window, shipped_content, voice):
    window = make_window(content=shipped_content)
    bar = window.view.read_aloud
    assert isinstance(bar, ReadAloudBar) and bar.isVisible()
    page = go(window, qtbot, "options")
    blocks = blocks_of(page)
    assert blocks[0].widget is page.caption and blocks[1].widget is page.heading
    bar.play_button.click()
    assert bar.player.state == "playing" and bar.play_button.accessibleName() == "Pause reading"
    qtbot.waitUntil(lambda: len(voice.spoken) >= 3, timeout=8000)
    # The sentence being read is shown in the control and marked on the page.
    shown = bar.now_label.text()
    assert shown in [s for b in blocks for s in b.sentences] and bar.now_label.isVisible()
    marked = bar._marked
    assert marked is not None and shown in marked.sentences
    assert speech.HIGHLIGHT_STYLE in marked.widget.text()
    bar.stop_button.click()
    assert bar.player.state == "stopped" and not bar.now_label.isVisible()
    assert speech.HIGHLIGHT_STYLE not in marked.widget.text(), "the mark stays after Stop"
    if isinstance(marked.widget, RichText):
        assert marked.widget.html() == marked.markup
    count = len(voice.spoken)
    qtbot.wait(600)
    assert len(voice.spoken) == count, "the voice went on after Stop"


def test_pause_goes_on_from_the_same_sentence_and_slower_is_slower(qtbot, make_window, shipped_content, voice):
    window = make_window(content=shipped_content)
    bar = window.view.read_aloud
    bar.play_button.click()
    qtbot.waitUntil(lambda: len(voice.spoken) >= 2, timeout=8000)
    bar.play_button.click()
    assert bar.player.state == "paused" and bar.play_button.accessibleName() == "Go on reading"
    at = bar.player.index
    bar.slower_button.click()
    bar.play_button.click()
    assert voice.spoken[-1] == (bar.player.items[at], speech.SLOWER_RATE)
    assert voice.spoken[0][1] == speech.NORMAL_RATE
    bar.stop()


def test_the_whole_page_is_read_to_its_end(qtbot, make_window, fixture_content):
    fake = FakeVoice(seconds=0.0)
    read_aloud.use_backend(fake)
    try:
        window = make_window(content=fixture_content)
        bar = window.view.read_aloud
        bar.play_button.click()
        wait_state(qtbot, bar, "stopped", timeout=30000)
        expected = [s for b in blocks_of(window.current_page()) for s in b.sentences]
        assert [text for text, _ in fake.spoken] == expected
    finally:
        read_aloud._FOUND.clear()


@pytest.mark.parametrize("how", ["next", "back", "step", "start over", "idle reset"])
def test_the_voice_stops_when_the_page_changes_or_the_session_ends(qtbot, make_window, shipped_content, voice, how):
    window = make_window(content=shipped_content, kiosk=how == "idle reset")
    go(window, qtbot, "options")
    bar = window.view.read_aloud
    bar.play_button.click()
    qtbot.waitUntil(lambda: len(voice.spoken) >= 1, timeout=8000)
    assert bar.player.state == "playing"
    if how == "next":
        window.wizard.next_button.click()
    elif how == "back":
        window.wizard.back_button.click()
    elif how == "step":
        window.view.go_to_step(9)
    elif how == "start over":
        assert not window.session.has_answers()  # so Start over asks nothing
        window.view.start_over_button.click()
    else:
        window.reset()  # what the idle guard calls when its countdown ends
    settle(qtbot)
    assert bar.player.state == "stopped"
    count = len(voice.spoken)
    qtbot.wait(600)
    assert len(voice.spoken) == count


def test_a_read_more_page_has_its_own_control(qtbot, make_window, shipped_content, voice):
    window = make_window(content=shipped_content)
    window.view.open_page("option-surgery")
    settle(qtbot)
    dialog = window.view.open_dialogs[-1]
    bar = dialog.read_aloud
    assert bar.isVisible()
    bar.play_button.click()
    qtbot.waitUntil(lambda: len(voice.spoken) >= 1, timeout=8000)
    assert voice.spoken[0][0] in [s for b in blocks_of(dialog.body.widget()) for s in b.sentences]
    dialog.close()
    settle(qtbot)
    assert bar.player.state == "stopped"


@pytest.mark.parametrize("exit_status", [True, False])
def test_a_voice_that_fails_says_so_and_stops(qtbot, make_window, fixture_content, exit_status):
    class Broken(FakeVoice):
        def speak(self, text, *, rate, language):
            self.spoken.append((text, rate))
            return speech.Command((sys.executable, "-c", self.code), text)

    # As a failed voice does, and as espeak-ng does when the computer has no sound device (exit status 0).
    broken = Broken()
    broken.code = "import sys; sys.stdin.read(); sys.exit(1)" if exit_status else \
        "import sys; sys.stdin.read(); print('error: No such file or directory', file=sys.stderr)"
    read_aloud.use_backend(broken)
    try:
        window = make_window(content=fixture_content)
        bar = window.view.read_aloud
        bar.play_button.click()
        wait_state(qtbot, bar, "stopped")
        assert len(broken.spoken) == 1, "it raced on through the page"
        assert bar.now_label.isVisible() and bar.now_label.text() == read_aloud.VOICE_FAILED
    finally:
        read_aloud._FOUND.clear()


@pytest.mark.parametrize("kiosk", [False, True])
def test_the_control_costs_the_page_no_height_at_200_percent(qtbot, make_window, shipped_content, voice, kiosk):
    """It sits beside Start over, where there is room at every text size: in the top bar it made the bar two rows
    at 175 % and 200 % (the page lost about 100 px)."""
    heights = {}
    for with_voice in (True, False):
        read_aloud.use_backend(voice if with_voice else None)
        window = make_window(content=shipped_content, kiosk=kiosk)
        window.session.set_text_scale(scale=200)
        settle(qtbot)
        assert (window.view.read_aloud is not None) == with_voice
        if with_voice:
            assert window.view.read_aloud.isVisible()
        heights[with_voice] = window.current_page().height()
    assert heights[True] == heights[False], heights


def test_no_voice_no_control(qtbot, make_window, fixture_content):
    read_aloud.use_backend(None)
    try:
        window = make_window(content=fixture_content)
        assert window.view.read_aloud is None
    finally:
        read_aloud._FOUND.clear()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_a_page_spoken_into_a_wav_file(qtbot, make_window, shipped_content, tmp_path):
    window = make_window(content=shipped_content)
    page = go(window, qtbot, "welcome")
    text = "\n".join(s for b in blocks_of(page) for s in b.sentences)
    words = len(text.split())
    assert words > 40
    seconds, loudness = speech.wav_stats(speech.speak_to_wav(text, tmp_path / "page.wav",
                                                             backend=speech.find_backend()))
    # At 160 words a minute, with pauses between sentences: about 0.3 to 0.6 s a word.
    assert words * 0.2 < seconds < words * 0.9, (words, seconds)
    assert loudness > 0.02
