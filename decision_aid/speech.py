"""Read-aloud, the Qt-free part: text into sentences, a sentence marked inside the page's HTML, and the commands
that speak a sentence with the computer's own offline voice.

The voice is spoken one sentence at a time, so the screen always knows which sentence is being read. Each
platform has a backend that turns a sentence into a command to run: espeak-ng on Linux, ``say`` on macOS and
Windows' own voices (System.Speech, through PowerShell). Nothing goes over the network.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from .errors import DecisionAidError
from .i18n import LANGUAGES as I18N_LANGUAGES

NORMAL_RATE = 160  # words per minute: a calm reading pace
SLOWER_RATE = 115  # the "Slower" setting
LANGUAGES = tuple(I18N_LANGUAGES)  # every language the aid speaks has a voice (below, per platform)
# espeak-ng's voices for each language, the first one installed wins: Latin-American Spanish, the aid's Spanish, when
# there (Debian's espeak-ng-data has it), else Spain's.
ESPEAK_VOICES = {"en": ("en",), "es": ("es-419", "es")}
# Words ending in a point that do not end a sentence.
ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "vs", "etc", "e.g", "i.e", "approx", "no", "fig", "st"})
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_BLOCK_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "div", "ul", "ol",
                         "table", "blockquote", "dt", "dd"})
HIGHLIGHT_STYLE = "background-color:#ffe27a;color:#111111"  # 14:1 contrast, in both themes


class SpeechError(DecisionAidError):
    """No voice on this computer, or the voice failed."""


# -- sentences -------------------------------------------------------------------------------------------------------

def split_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence in ``text``: ends at . ! ? (not after "e.g.", "Dr." or inside "1.5")
    and at every blank line or line break (a heading, a list item). Spaces around a sentence are left out."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end_mark in _SENTENCE_END.finditer(line.group()):
            end = line.start() + end_mark.end()
            word = re.search(r"(\S+?)[.!?…]+[\"'”’)\]]*$", text[start:end])
            if end_mark.group().startswith(".") and word and word.group(1).lower().strip("(\"'") in ABBREVIATIONS:
                continue
            _add_span(spans, text, start, end)
            start = end
        _add_span(spans, text, start, line.end())
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    if not chunk.strip() or not re.search(r"\w", chunk):
        return
    start += len(chunk) - len(chunk.lstrip())
    end -= len(chunk) - len(chunk.rstrip())
    spans.append((start, end))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# -- HTML: its sentences, and one of them marked -----------------------------------------------------------------


@functools.cache
def _parser_class() -> type[Any]:
    """The parser ``_parse`` uses, made when a page is first read aloud (html.parser is not imported at start)."""
    from html.parser import HTMLParser

    class _Pieces(HTMLParser):

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.pieces: list[tuple[str, str, int]] = []  # (kind, raw or text, offset in plain)
            self.plain = ""

        def _tag(self, raw: str, name: str, closing: bool) -> None:
            if name in _BLOCK_TAGS and self.plain and not self.plain.endswith("\n"):
                self.plain += "\n"
            self.pieces.append(("tag", raw, len(self.plain)))

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self._tag(self.get_starttag_text() or f"<{tag}>", tag, False)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self._tag(self.get_starttag_text() or f"<{tag}/>", tag, False)

        def handle_endtag(self, tag: str) -> None:
            self._tag(f"</{tag}>", tag, True)

        def handle_data(self, data: str) -> None:
            text = re.sub(r"\s+", " ", data)
            if self.plain.endswith(("\n", " ")) or not self.plain:
                text = text.lstrip(" ")
            self.pieces.append(("text", text, len(self.plain)))
            self.plain += text

    return _Pieces


def _parse(markup: str) -> tuple[list[tuple[str, str, int]], str]:
    """The HTML as a list of tags and text pieces (kind, raw or text, offset in the plain text), and the plain text a
    person hears, one line per block."""
    parser = _parser_class()()
    parser.feed(markup)
    parser.close()
    return parser.pieces, parser.plain


def html_sentences(markup: str) -> list[str]:
    """The sentences of an HTML block, as they are read aloud."""
    return sentences(_parse(markup)[1])


def mark_sentence(markup: str, index: int, *, style: str = HIGHLIGHT_STYLE) -> str:
    """``markup`` with sentence ``index`` (as in ``html_sentences``) wrapped in highlighted spans: one span per
    piece of text, so a sentence that runs through a link or bold words keeps them."""
    pieces, plain = _parse(markup)
    spans = split_sentences(plain)
    if not 0 <= index < len(spans):
        return markup
    lo, hi = spans[index]
    out = []
    for kind, value, at in pieces:
        if kind == "tag":
            out.append(value)
            continue
        a, b = max(lo - at, 0), min(hi - at, len(value))
        if a >= b:
            out.append(html.escape(value, quote=False))
            continue
        out.append(html.escape(value[:a], quote=False))
        out.append(f'<span style="{style}">{html.escape(value[a:b], quote=False)}</span>')
        out.append(html.escape(value[b:], quote=False))
    return "".join(out)


# -- voices ------------------------------------------------------------------------------------------------------

class Command(msgspec.Struct, frozen=True):
    """A program to run; ``stdin`` is written to it (the text goes there, never through a shell)."""

    argv: tuple[str, ...]
    stdin: str = ""


class Backend:
    """Turns one sentence into a command that speaks it aloud, or writes it to a WAV file."""

    name = ""

    def speak(self, text: str, *, rate: int, language: str) -> Command:
        raise NotImplementedError

    def to_wav(self, text: str, path: Path, *, rate: int, language: str) -> Command:
        raise NotImplementedError


class EspeakNg(Backend):
    """Linux: espeak-ng (Debian package ``espeak-ng``), English and Spanish voices, rate in words per minute."""

    name = "espeak-ng"

    def __init__(self, program: str = "espeak-ng", voices: dict[str, str] | None = None) -> None:
        """``voices``: the voice for each language; by default the first of ``ESPEAK_VOICES`` that this espeak-ng
        has, asked once, when the first sentence is spoken."""
        self.program = program
        self._voices = voices

    def voice(self, language: str) -> str:
        """The espeak-ng voice that reads ``language`` ("es-419" for Spanish where installed)."""
        language = _language(language)
        if self._voices is None:
            self._voices = espeak_voices(self.program)
        return self._voices.get(language, language)

    def _argv(self, rate: int, language: str) -> list[str]:
        return [self.program, "-v", self.voice(language), "-s", str(rate), "--stdin"]

    def speak(self, text: str, *, rate: int, language: str) -> Command:
        return Command(tuple(self._argv(rate, language)), text)

    def to_wav(self, text: str, path: Path, *, rate: int, language: str) -> Command:
        return Command(tuple(self._argv(rate, language) + ["-w", str(path)]), text)


class MacSay(Backend):
    """macOS: ``say``, the system's own voices."""

    name = "say"
    VOICES = {"en": "Samantha", "es": "Monica"}

    def speak(self, text: str, *, rate: int, language: str) -> Command:
        return Command(("say", "-v", self.VOICES[_language(language)], "-r", str(rate), "-f", "-"), text)

    def to_wav(self, text: str, path: Path, *, rate: int, language: str) -> Command:
        return Command(("say", "-v", self.VOICES[_language(language)], "-r", str(rate), "-f", "-",
                        "--file-format=WAVE", "--data-format=LEI16@22050", "-o", str(path)), text)


class WindowsVoice(Backend):
    """Windows: the system's voices (System.Speech), driven by PowerShell; the text goes in on stdin."""

    name = "windows"

    @staticmethod
    def _script(rate: int, language: str, path: Path | None) -> str:
        # SAPI's rate runs from -10 to 10, 0 being about 180 words per minute.
        sapi_rate = max(-10, min(10, round((rate - 180) / 12)))
        out = f"$s.SetOutputToWaveFile('{str(path).replace(chr(39), chr(39) * 2)}');" if path else ""
        culture = {"en": "en", "es": "es"}[_language(language)]
        return ("Add-Type -AssemblyName System.Speech;"
                "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer;"
                f"$v = $s.GetInstalledVoices() | Where-Object {{ $_.VoiceInfo.Culture.Name -like '{culture}*' }}"
                " | Select-Object -First 1; if ($v) { $s.SelectVoice($v.VoiceInfo.Name) };"
                f"$s.Rate = {sapi_rate};{out}"
                "$s.Speak([Console]::In.ReadToEnd()); $s.Dispose()")

    def _command(self, text: str, rate: int, language: str, path: Path | None) -> Command:
        import base64

        encoded = base64.b64encode(self._script(rate, language, path).encode("utf-16-le")).decode("ascii")
        return Command(("powershell", "-NoProfile", "-NonInteractive", "-EncodedCommand", encoded), text)

    def speak(self, text: str, *, rate: int, language: str) -> Command:
        return self._command(text, rate, language, None)

    def to_wav(self, text: str, path: Path, *, rate: int, language: str) -> Command:
        return self._command(text, rate, language, path)


def espeak_voices(program: str = "espeak-ng") -> dict[str, str]:
    """Each language's espeak-ng voice on this computer: the first of ``ESPEAK_VOICES`` it lists (``--voices``);
    the language's own code when it lists none of them (or cannot be asked: speaking then says what is wrong)."""
    import subprocess

    try:
        listed = subprocess.run([program, "--voices"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        listed = ""
    installed = {line.split()[1] for line in listed.splitlines()[1:] if len(line.split()) > 1}
    return {language: next((v for v in ESPEAK_VOICES.get(language, ()) if v in installed), language)
            for language in LANGUAGES}


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise SpeechError(f"read-aloud: language expected one of {', '.join(LANGUAGES)}, received {language!r}")
    return language


def find_backend(platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which) -> Backend | None:
    """This computer's offline voice, or None when it has none (the read-aloud control is then not shown)."""
    if platform.startswith("linux"):
        program = which("espeak-ng")
        return EspeakNg(program) if program else None
    if platform == "darwin":
        return MacSay() if which("say") else None
    if platform.startswith("win"):
        return WindowsVoice() if which("powershell") else None
    return None


def speak_to_wav(text: str, path: Path, *, backend: Backend, rate: int = NORMAL_RATE, language: str = "en",
                 timeout: float = 120) -> Path:
    """Speak ``text`` into a WAV file (checks, and clinic IT's "does the voice work here")."""
    import subprocess  # here, not at the top: the app's start never needs it (the UI speaks through QProcess)

    command = backend.to_wav(text, Path(path), rate=rate, language=language)
    try:
        result = subprocess.run(command.argv, input=command.stdin.encode("utf-8"), capture_output=True,
                                timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpeechError(f"read-aloud: {backend.name} could not be run: {exc}") from exc
    if result.returncode != 0 or not Path(path).is_file():
        message = result.stderr.decode("utf-8", "replace").strip() or f"exit status {result.returncode}"
        raise SpeechError(f"read-aloud: {backend.name} made no sound file: {message}")
    return Path(path)


def wav_stats(path: Path) -> tuple[float, float]:
    """(seconds, loudness as the RMS of the samples from 0 to 1) of a 16-bit WAV file."""
    import math
    import struct
    import wave

    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2:
            raise SpeechError(f"{path}: sample width expected 2 bytes, received {w.getsampwidth()}")
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / float(w.getframerate())
    count = len(frames) // 2
    if not count:
        return seconds, 0.0
    samples = struct.unpack(f"<{count}h", frames[: count * 2])
    return seconds, math.sqrt(sum(s * s for s in samples) / count) / 32768.0
