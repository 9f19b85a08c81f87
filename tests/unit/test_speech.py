"""Read-aloud's Qt-free part: sentences, the marked sentence, each platform's voice command, and a real voice
speaking into a WAV file (espeak-ng, as on the clinic's Linux machines)."""

from __future__ import annotations

import base64
import shutil
import subprocess

import pytest

from decision_aid import speech


def test_sentences_end_at_stops_but_not_after_abbreviations_or_in_numbers():
    text = "Dr. Lee said a 1.5 cm lump, e.g. this one, is small. Is it? Yes!\nWhat happens next\n\nThe end"
    assert speech.sentences(text) == ["Dr. Lee said a 1.5 cm lump, e.g. this one, is small.", "Is it?", "Yes!",
                                      "What happens next", "The end"]


def test_sentences_skip_blank_and_punctuation_only_pieces():
    assert speech.sentences("  \n … \n- \nOne.  Two.  ") == ["One.", "Two."]
    assert speech.sentences("") == []


def test_html_sentences_follow_blocks_and_unescape():
    markup = "<h3>Why</h3><p>It can <a href='glossary:x'>help</a> &amp; heal. It takes time</p><ul><li>One</li></ul>"
    assert speech.html_sentences(markup) == ["Why", "It can help & heal.", "It takes time", "One"]


def test_mark_sentence_wraps_each_piece_and_keeps_the_link():
    markup = "<p>It can <a href=\"glossary:x\">help</a> &amp; heal. Then rest.</p>"
    marked = speech.mark_sentence(markup, 0, style="S")
    assert marked == ('<p><span style="S">It can </span><a href="glossary:x"><span style="S">help</span></a>'
                      '<span style="S"> &amp; heal.</span> Then rest.</p>')
    assert speech.mark_sentence(markup, 1, style="S").endswith('<span style="S">Then rest.</span></p>')
    assert speech.mark_sentence(markup, 5) == markup
    # What is marked reads the same.
    assert speech.html_sentences(speech.mark_sentence(markup, 0)) == speech.html_sentences(markup)


def test_backend_commands_never_put_the_text_on_the_command_line():
    text = "-rf; $(rm) 'quoted' \"x\""
    for backend in (speech.EspeakNg("/usr/bin/espeak-ng"), speech.MacSay(), speech.WindowsVoice()):
        for command in (backend.speak(text, rate=160, language="es"),
                        backend.to_wav(text, "/tmp/x.wav", rate=115, language="en")):
            assert command.stdin == text
            assert all(text not in arg for arg in command.argv)
    espeak = speech.EspeakNg("espeak-ng", voices={"es": "es"}).to_wav("x", "/tmp/o.wav", rate=115, language="es").argv
    assert espeak == ("espeak-ng", "-v", "es", "-s", "115", "--stdin", "-w", "/tmp/o.wav")
    script = speech.WindowsVoice().speak("x", rate=120, language="en").argv[-1]
    decoded = base64.b64decode(script).decode("utf-16-le")
    assert "$s.Rate = -5" in decoded and "ReadToEnd" in decoded


def test_unknown_language_is_refused_with_what_was_expected():
    with pytest.raises(speech.SpeechError, match="expected one of en, es, received 'fr'"):
        speech.EspeakNg().speak("x", rate=160, language="fr")


def test_find_backend_per_platform():
    assert speech.find_backend("linux", lambda n: "/usr/bin/" + n).name == "espeak-ng"
    assert speech.find_backend("linux", lambda n: None) is None
    assert speech.find_backend("darwin", lambda n: "/usr/bin/say").name == "say"
    assert speech.find_backend("win32", lambda n: "C:/powershell.exe").name == "windows"
    assert speech.find_backend("sunos5", lambda n: "/x") is None


needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed "
                                  "(scripts/setup.sh installs it)")


@needs_espeak
@pytest.mark.parametrize("language,text", [
    ("en", "You can take your time. Nothing has to be decided today."),
    ("es", "Puede tomarse su tiempo. No hay que decidir nada hoy."),
])
def test_espeak_speaks_into_a_wav_file(tmp_path, language, text):
    backend = speech.find_backend()
    normal = speech.speak_to_wav(text, tmp_path / "normal.wav", backend=backend, language=language)
    seconds, loudness = speech.wav_stats(normal)
    assert 1.5 < seconds < 15, seconds
    assert loudness > 0.02, "the file is silence"
    slow, _ = speech.wav_stats(speech.speak_to_wav(text, tmp_path / "slow.wav", backend=backend,
                                                   rate=speech.SLOWER_RATE, language=language))
    assert slow > seconds * 1.2, "Slower is not slower"


@needs_espeak
def test_a_broken_voice_is_reported(tmp_path):
    backend = speech.EspeakNg(shutil.which("espeak-ng"))
    with pytest.raises(speech.SpeechError, match="made no sound file"):
        speech.speak_to_wav("Hello.", tmp_path / "missing-folder" / "x.wav", backend=backend)
    with pytest.raises(speech.SpeechError, match="could not be run"):
        speech.speak_to_wav("Hello.", tmp_path / "x.wav", backend=speech.EspeakNg(str(tmp_path / "no-such")))


def test_each_language_has_its_own_espeak_voice_the_first_installed_of_its_choices(tmp_path):
    fake = tmp_path / "espeak-ng"
    fake.write_text("#!/bin/sh\necho 'Pty Language Age/Gender VoiceName File Other Languages'\n"
                    "echo ' 5  en  --/M  English  gmw/en'\necho ' 5  es  --/M  Spanish_(Spain)  roa/es'\n")
    fake.chmod(0o755)
    assert speech.espeak_voices(str(fake)) == {"en": "en", "es": "es"}  # no es-419 here: Spain's voice
    assert speech.espeak_voices(str(tmp_path / "none")) == {"en": "en", "es": "es"}
    assert speech.EspeakNg("x", voices={"en": "en", "es": "es-419"}).speak("Hola.", rate=160, language="es").argv[
        :3] == ("x", "-v", "es-419")


@needs_espeak
def test_a_spanish_page_is_read_in_a_spanish_voice(tmp_path):
    """The Latin-American voice where it is installed (Debian's espeak-ng has it), and it makes real speech."""
    backend = speech.find_backend()
    listed = subprocess.run(["espeak-ng", "--voices=es"], capture_output=True, text=True).stdout
    assert backend.voice("es") == ("es-419" if " es-419 " in listed else "es")
    page = ("Le damos la bienvenida. Esta ayuda explica sus opciones sobre el tumor de la mama. "
            "Puede tomarse su tiempo. No hay que decidir nada hoy.")
    seconds, loudness = speech.wav_stats(speech.speak_to_wav(page, tmp_path / "es.wav", backend=backend,
                                                             language="es"))
    assert seconds > 4 and loudness > 0.02, (seconds, loudness)
