"""Read this page to me: the words of the page spoken by the computer's own voice, one sentence at a time, the
sentence being read marked on the page and shown in large type in the control.

``ReadAloudBar`` is the control (Read / Pause / Go on, Stop, Slower). It reads what ``source()`` gives: the blocks
of text on the current page or in a "Read more" window, top to bottom. ``SpeechPlayer`` runs one command per
sentence (``decision_aid.speech`` builds it for this computer's voice) and says which sentence is playing. The
voice stops when the page changes, the window closes, or the session is reset (see the hooks in the report).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .. import speech
from ..i18n import N_, _, language
from .choice_buttons import ChoiceButton, ChoiceCheck
from .labels import RichText
from .reflow import row_of
from .styling import named

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

# The words of the control (each said in the person's language where it is shown; the symbols stay as they are)
PLAY_TEXT, PAUSE_TEXT, RESUME_TEXT = N_("Read this page to me"), N_("Pause"), N_("Go on reading")
STOP_TEXT, SLOWER_TEXT = N_("Stop"), N_("Slower")
SYMBOLS = {PLAY_TEXT: "▶  ", PAUSE_TEXT: "❚❚  ", RESUME_TEXT: "▶  ", STOP_TEXT: "■  ", SLOWER_TEXT: ""}
VOICE_FAILED = N_("The computer's voice could not play. Please ask a member of staff to check the sound.")


def shown(words: str) -> str:
    """A button's words in the person's language, after its symbol: "▶  Read this page to me"."""
    return SYMBOLS.get(words, "") + _(words)


@dataclass
class Block:
    """A piece of text on screen and its sentences; ``markup`` is its HTML (plain text escaped)."""

    widget: QWidget
    markup: str
    sentences: list[str]


class _Heartbeat(QObject):
    """Every sentence that starts, anywhere: the kiosk's idle guard counts a person listening as not idle."""

    sentence = Signal()


_HEARTBEAT: list = []


def heartbeat() -> _Heartbeat:
    if not _HEARTBEAT:
        _HEARTBEAT.append(_Heartbeat())
    return _HEARTBEAT[0]


class SpeechPlayer(QObject):
    """Speaks a list of sentences one after another, each with its own run of the voice command."""

    sentence_started = Signal(int)
    state_changed = Signal(str)  # "playing", "paused" or "stopped"
    failed = Signal(str)

    def __init__(self, backend: speech.Backend, *, language: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend
        self.language = language
        self.rate = speech.NORMAL_RATE
        self.items: list[str] = []
        self.index = 0
        self.state = "stopped"
        self._process: QProcess | None = None

    def load(self, items: list[str]) -> None:
        self.stop()
        self.items = list(items)
        self.index = 0

    def set_slower(self, slower: bool) -> None:
        """The rate changes from the next sentence on."""
        self.rate = speech.SLOWER_RATE if slower else speech.NORMAL_RATE

    def play(self) -> None:
        if not self.items or self.state == "playing":
            return
        if self.index >= len(self.items):
            self.index = 0
        self._set_state("playing")
        self._speak()

    def pause(self) -> None:
        """Pause: the current sentence stops; going on starts it again from its beginning."""
        if self.state == "playing":
            self._end_process()
            self._set_state("paused")

    def stop(self) -> None:
        self._end_process()
        self.index = 0
        if self.state != "stopped":
            self._set_state("stopped")

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def _speak(self) -> None:
        from PySide6.QtCore import QProcess  # with its eight enums, when a page is first read aloud

        command = self.backend.speak(self.items[self.index], rate=self.rate, language=self.language)
        process = QProcess(self)
        process.finished.connect(lambda *_a, p=process: self._sentence_done(p))
        process.errorOccurred.connect(lambda error, p=process: self._error(p, error))
        self._process = process
        self.sentence_started.emit(self.index)
        heartbeat().sentence.emit()
        process.start(command.argv[0], list(command.argv[1:]))
        if command.stdin:
            process.write(command.stdin.encode("utf-8"))
        process.closeWriteChannel()

    def _sentence_done(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._process = None
        process.deleteLater()
        if self.state != "playing":
            return
        said = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        # espeak-ng ends with 0 even when it found no sound device; it then writes "error: …".
        if (process.exitStatus() != process.ExitStatus.NormalExit or process.exitCode() != 0
                or re.search(r"(?im)^error\b", said)):
            self.stop()  # no sound device, or a broken voice: say so rather than race through the page in silence
            self.failed.emit(_(VOICE_FAILED))
            return
        self.index += 1
        if self.index < len(self.items):
            self._speak()
        else:
            self.index = 0
            self._set_state("stopped")

    def _error(self, process: QProcess, error) -> None:
        if process is self._process and error == process.ProcessError.FailedToStart:
            self._process = None
            process.deleteLater()
            self.stop()
            self.failed.emit(_(VOICE_FAILED))

    def _end_process(self) -> None:
        process, self._process = self._process, None
        if process is not None and shiboken6.isValid(process):
            process.blockSignals(True)
            if process.state() != process.ProcessState.NotRunning:
                process.kill()
                process.waitForFinished(2000)
            process.deleteLater()


def blocks_of(root: QWidget, *, skip: QWidget | None = None) -> list[Block]:
    """The text a person sees in ``root``, top to bottom: headings, paragraphs and the answers to choose from."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or (skip is not None and (widget is skip or skip.isAncestorOf(widget))):
            continue
        if isinstance(widget, QLabel) and widget.text().strip():
            if isinstance(widget, RichText):
                markup = widget.html()
            elif widget.textFormat() == Qt.TextFormat.RichText:
                markup = widget.text()
            else:
                markup = html.escape(widget.text())
        elif isinstance(widget, (ChoiceButton, ChoiceCheck)):  # the answers to choose from
            markup = html.escape(widget.text())
        else:
            continue
        said = speech.html_sentences(markup)
        if said:
            top = widget.mapTo(root, QPoint(0, 0))
            found.append(((top.y(), top.x()), Block(widget, markup, said)))
    found.sort(key=lambda pair: pair[0])
    return [block for _, block in found]


class ReadAloudBar(QFrame):
    """The read-aloud control: one button while nothing is read; Pause, Stop, Slower and the sentence being read
    while it reads. ``source()`` gives the blocks to read when Read is pressed."""

    def __init__(self, *, backend: speech.Backend, source: Callable[[], list[Block]], language: str = "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readAloud")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.source = source
        self.player = SpeechPlayer(backend, language=language, parent=self)
        self.blocks: list[Block] = []
        self._where: list[tuple[int, int]] = []  # (block, sentence in block) for each sentence spoken
        self._marked: Block | None = None
        self.play_button = named(QPushButton(shown(PLAY_TEXT)), _("Read this page to me"),
                                 _("Reads the words on this page aloud, one sentence at a time"))
        self.play_button.setObjectName("readAloudPlay")
        self.play_button.clicked.connect(self.toggle)
        self.stop_button = named(QPushButton(shown(STOP_TEXT)), _("Stop reading"))
        self.stop_button.setObjectName("readAloudStop")
        self.stop_button.clicked.connect(self.stop)
        self.slower_button = named(QPushButton(shown(SLOWER_TEXT)), _("Slower reading"), _("Reads more slowly when on"))
        self.slower_button.setObjectName("readAloudSlower")
        self.slower_button.setCheckable(True)
        self.slower_button.toggled.connect(self._slower)
        self.now_label = QLabel()
        self.now_label.setObjectName("readAloudNow")
        self.now_label.setWordWrap(True)
        self.now_label.setTextFormat(Qt.TextFormat.PlainText)
        self.now_label.setAccessibleName(_("Sentence being read"))
        self.now_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(row_of(self.play_button, self.stop_button, self.slower_button, spacing=8))
        layout.addWidget(self.now_label)
        self.player.sentence_started.connect(self._sentence)
        self.player.state_changed.connect(self._state)
        self.player.failed.connect(self._failed)
        self._state("stopped")

    # -- the buttons ---------------------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.player.state == "playing":
            self.player.pause()
        elif self.player.state == "paused":
            self.player.play()
        else:
            self.read(self.source())

    def read(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._where = [(b, s) for b, block in enumerate(blocks) for s in range(len(block.sentences))]
        self.player.load([blocks[b].sentences[s] for b, s in self._where])
        self.player.play()

    def stop(self) -> None:
        self.player.stop()

    def _slower(self, on: bool) -> None:
        self.player.set_slower(on)
        self.slower_button.setText(("✓ " if on else "") + shown(SLOWER_TEXT))

    # -- what the screen shows -------------------------------------------------------------------------------------
    def _state(self, state: str) -> None:
        self.play_button.setText(shown({"playing": PAUSE_TEXT, "paused": RESUME_TEXT}.get(state, PLAY_TEXT)))
        name = {"playing": N_("Pause reading"), "paused": N_("Go on reading")}.get(state, N_("Read this page to me"))
        self.play_button.setAccessibleName(_(name))
        # While nothing is read, the control is one button (beside Start over); Stop and Slower come with it.
        self.stop_button.setVisible(state != "stopped")
        self.slower_button.setVisible(state != "stopped")
        if state == "stopped":
            self._unmark()
            self.now_label.hide()

    def _sentence(self, index: int) -> None:
        b, s = self._where[index]
        block = self.blocks[b]
        if not shiboken6.isValid(block.widget):
            return
        self.now_label.setText(block.sentences[s])
        self.now_label.show()
        if self._marked is not None and self._marked is not block:
            self._unmark()
        _show_marked(block.widget, speech.mark_sentence(block.markup, s))
        self._marked = block
        _scroll_into_view(block.widget)

    def _unmark(self) -> None:
        block, self._marked = self._marked, None
        if block is not None and shiboken6.isValid(block.widget):
            _restore(block.widget, block.markup)

    def _failed(self, message: str) -> None:
        from .semantics import announce

        self.now_label.setText(message)
        self.now_label.show()
        announce(self, message)

    def hideEvent(self, event) -> None:
        self.stop()  # a closed window or a hidden control never goes on talking
        super().hideEvent(event)


def _show_marked(widget: QWidget, markup: str) -> None:
    if isinstance(widget, RichText):
        widget.show_instead(markup)
    elif isinstance(widget, QLabel):
        if widget.textFormat() != Qt.TextFormat.RichText:
            widget.setProperty("readAloudPlain", True)
            widget.setTextFormat(Qt.TextFormat.RichText)
        widget.setText(markup)


def _restore(widget: QWidget, markup: str) -> None:
    if isinstance(widget, RichText):
        widget.show_instead(None)
    elif isinstance(widget, QLabel):
        if widget.property("readAloudPlain"):
            widget.setProperty("readAloudPlain", False)
            widget.setTextFormat(Qt.TextFormat.PlainText)
            widget.setText(html.unescape(markup))
        else:
            widget.setText(markup)


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is not None and hasattr(parent, "ensureWidgetVisible"):
        parent.ensureWidgetVisible(widget, 0, 60)


_FOUND: list = []  # this computer's voice, looked for once (tests set it with use_backend)


def voice() -> speech.Backend | None:
    if not _FOUND:
        _FOUND.append(speech.find_backend())
    return _FOUND[0]


def use_backend(backend: speech.Backend | None) -> None:
    """Use ``backend`` from now on (tests: a fake voice; None: no read-aloud)."""
    _FOUND[:] = [backend]


def page_bar(view) -> ReadAloudBar | None:
    """The session's control, reading the current wizard page; None when this computer has no voice."""
    backend = voice()
    if backend is None:
        return None
    return ReadAloudBar(backend=backend, source=lambda: blocks_of(view.current_page()), parent=view,
                        language=view.session.language)  # the voice of the session's language


def attach_to_dialog(dialog: Any) -> ReadAloudBar | None:
    """A "Read more" window (``reader.ReaderDialog``: its ``body`` scroll area) gets its own control, above its text,
    reading the window's text."""
    backend = voice()
    if backend is None:
        return None
    bar = ReadAloudBar(backend=backend, source=lambda: blocks_of(dialog.body.widget()), parent=dialog,
                       language=language())
    layout = dialog.layout()
    layout.insertWidget(layout.indexOf(dialog.body), bar)  # under the title (and the draft note), above the text
    dialog.read_aloud = bar
    return bar


def stop_all(root: QWidget | None) -> None:
    """Silence every read-aloud control under ``root`` (Start over, the idle reset, leaving a page)."""
    if root is None or not shiboken6.isValid(root):
        return
    for bar in root.findChildren(ReadAloudBar):
        bar.stop()
