"""Issue 16, the window's side: choosing the language (the welcome page's buttons, the top bar's switch), switching
on any page with every answer and the step kept, the clinic's default and the resets, and the window in Spanish
with no word of the catalogue left in English. Screenshots of the Spanish welcome and options pages go to
docs/screenshots/ (look at them)."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from decision_aid import i18n
from decision_aid.answers import Answers
from decision_aid.clinic import Clinic
from decision_aid.ui.steps import PAGES

from ui_checks import layout_problems
from ui_helpers import FULL, click, go, page, problems_on_every_page, settle

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "decision_aid" / "locale"
TRANSLATED = [code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE]
# Words that are the same in both languages, or names: never a sign of a missing translation.
SAME_IN_BOTH = {"English", "E2108", "No", "PDF"}


@pytest.fixture(autouse=True)
def english_after_each_test():
    yield
    i18n.set_language("en")  # the window's words are one process-wide choice: leave it as the next test expects
    from decision_aid.ui.qt_words import use_qt_words

    use_qt_words("en")  # and so are Qt's own


def english_msgids(code: str) -> set[str]:
    """Every English message the language's catalogue translates into something else."""
    with (LOCALE / code / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    out = set()
    for m in catalog:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.id and set(ids) != set(strings):
            out.update(i for i in ids if i not in strings)
    return out - SAME_IN_BOTH


def content_words(content, *, any_language: bool = False) -> set[str]:
    """Every text of a content model shown in English (a content folder with no translation): some of its words are
    also the catalogue's (a page's title is its fallback); those are the content's to translate, not the
    catalogue's. The shipped content has its Spanish, so in its Spanish window there are none."""
    if getattr(content, "language", "en") != "en" and not any_language:
        return set()
    found: set[str] = set()
    seen: set[int] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.add(value.strip())
        elif id(value) in seen or isinstance(value, (int, float, bytes, type(None))):
            return
        elif isinstance(value, dict):
            seen.add(id(value))
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            seen.add(id(value))
            for item in value:
                walk(item)
        elif isinstance(value, msgspec.Struct):
            seen.add(id(value))
            for name in value.__struct_fields__:
                if name != "translations":  # the English model holds its translations: their words are not English
                    walk(getattr(value, name))

    walk(content)
    return found


def words_of(widget: QWidget) -> list[str]:
    """Every text a person sees or hears of one widget: its text, placeholder, tooltip, name and description."""
    out = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
    if isinstance(widget, (QLabel, QAbstractButton)):
        out.append(widget.text().replace("&", ""))
        out.append(widget.text())
    if isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    return [w.strip() for w in out if w and w.strip()]


def english_left(root: QWidget, english: set[str]) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.objectName() == "language:en":
            continue  # "English" and its description are in English on purpose, in every language
        for text in words_of(widget):
            for piece in {text, *text.split("\t")[:1], text.lstrip("▶❚■✓ ").strip()}:
                if piece in english:
                    found.append(f"{type(widget).__name__} {widget.objectName()!r}: {piece!r}")
    return found


def test_the_welcome_page_offers_each_language_in_its_own_words(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content)
    welcome = page(window, "welcome")
    english, spanish = welcome.language_buttons["en"], welcome.language_buttons["es"]
    assert (english.text(), spanish.text()) == ("English", "Español")
    assert (english.accessibleName(), spanish.accessibleName()) == ("English", "Español")
    assert english.accessibleDescription() == "Show the aid in English"
    assert spanish.accessibleDescription() == "Ver la guía en español"
    assert spanish.locale().name().startswith("es") and english.locale().name().startswith("en")
    assert english.property("current") and not spanish.property("current") and spanish.isVisible()
    assert not english.isCheckable()  # no state for a reset to undo
    assert spanish.height() >= 2 * window.view.wizard.next_button.height() * 0.6  # large, for a finger
    click(qtbot, spanish)
    assert window.session.language == "es" and i18n.language() == "es"
    welcome = page(window, "welcome")
    assert welcome.language_buttons["es"].property("current") and not welcome.language_buttons["en"].property("current")
    assert window.view.wizard.next_button.text() == "&Siguiente"
    click(qtbot, welcome.language_buttons["es"])  # the language showing: nothing changes
    assert welcome is page(window, "welcome") and window.session.language == "es"


@pytest.mark.parametrize("key", [key for key, _, _ in PAGES])
def test_switching_on_any_page_keeps_every_answer_and_the_step(qtbot, make_window, shipped_content, key):
    window = make_window(content=shipped_content)
    window.session.replace_answers(answers=FULL)
    session = window.session
    go(window, qtbot, "situation")
    where = go(window, qtbot, key)
    page_id = window.wizard.currentId()
    switch = window.view.top_bar.language_buttons["es"]
    assert switch.text() == "Español" and switch.isVisible()
    switch.click()
    settle(qtbot)
    assert window.session is session and session.language == "es"
    assert session.answers == Answers(**{**FULL.__dict__, "language": "es"})
    assert window.wizard.currentId() == page_id and window.current_page() is not where  # rebuilt, same step
    heading = window.current_page().heading
    assert QApplication.focusWidget() is heading
    assert window.windowTitle().startswith(f"Paso {window.current_page().number} de 9: ")
    assert set(window.wizard.visitedIds()) >= {0, PAGES_INDEX["situation"], page_id}
    window.view.top_bar.language_buttons["en"].click()
    settle(qtbot)
    assert session.language == "en" and window.wizard.currentId() == page_id
    assert session.answers == FULL and window.wizard.next_button.text() == "&Next"


PAGES_INDEX = {key: i for i, (key, _, _) in enumerate(PAGES)}


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("kiosk", [False, True], ids=["nurse", "kiosk"])
def test_every_page_in_another_language_has_no_word_of_the_catalogue_left_in_english(qtbot, make_window,
                                                                                     shipped_content, kiosk, code):
    english = english_msgids(code)
    assert {"Next", "Start over", "Glossary", "Your options"} <= english
    window = make_window(content=shipped_content, kiosk=kiosk, clinic=Clinic(language=code))
    # The shipped content has this language: none of its English texts may show either (a title, a prompt, a
    # choice, a glossary word), except those that are the same in both (a trial's name).
    assert window.session.content.language == code
    english |= content_words(shipped_content) - content_words(window.session.content, any_language=True)
    assert {"Start over", "Welcome", "Your options"} <= english
    window.session.replace_answers(answers=FULL)
    found = []
    for key, _, _ in PAGES:
        shown = go(window, qtbot, key)
        found += [f"{key}: {w}" for w in english_left(window, english)]
        assert shown.isVisible()
    trials = go(window, qtbot, "trials")
    trials.others_button.setChecked(True)
    settle(qtbot)
    found += [f"trials, other studies: {w}" for w in english_left(window, english)]
    window.session.set_text_scale(scale=200)  # the words that change with the display
    window.session.set_high_contrast(on=True)
    settle(qtbot)
    found += [f"at 200 %: {w}" for w in english_left(window, english)]
    for dialog in (window.view.show_glossary(), window.view.show_about()):
        settle(qtbot)
        found += [f"{dialog.objectName()}: {w}" for w in english_left(dialog, english)]
        dialog.close()
    assert not found, "English words in the Spanish window:\n" + "\n".join(found)


def test_the_clinic_default_and_every_reset_return_to_it(qtbot, make_window, shipped_content):
    from decision_aid import app as app_module

    window = make_window(content=shipped_content, kiosk=True, clinic=Clinic(language="es", kiosk=True))
    assert window.session.language == "es" and window.wizard.next_button.text() == "&Siguiente"

    class NoPrivacy:
        def clear_session(self):
            pass

    guard = app_module.guard_sessions(QApplication.instance(), window, privacy=NoPrivacy())
    try:
        window.view.top_bar.language_buttons["en"].click()
        settle(qtbot)
        window.session.set_leaning(value="surgery")
        assert window.session.language == "en"
        guard.timed_out.emit()  # the idle reset
        settle(qtbot)
        assert window.session.language == "es" and not window.session.has_answers()
        assert i18n.language() == "es" and window.view.start_over_button.text() == "Empezar de nuevo"
    finally:
        guard.stop()
    page(window, "welcome").language_buttons["en"].click()
    settle(qtbot)
    window.reset()  # Start over
    settle(qtbot)
    assert window.session.language == "es"


def test_the_answers_file_saved_in_spanish_says_so(qtbot, make_window, shipped_content, tmp_path, monkeypatch):
    import json

    window = make_window(content=shipped_content)
    window.view.top_bar.language_buttons["es"].click()
    settle(qtbot)
    window.session.set_situation(key="breast_symptoms", value="some")
    path = tmp_path / "respuestas.json"
    monkeypatch.setattr(window.view, "choose_save_path", lambda **_kw: str(path))
    window.view.actions.save_answers_file()
    settle(qtbot)
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "es"
    assert window.view.last_message.text() == f"Las respuestas se guardaron en {path}."


@pytest.mark.parametrize("scale", [100, 200])
def test_screenshots_of_the_spanish_welcome_and_options_pages(qtbot, make_window, shipped_content, scale):
    """docs/screenshots/es-welcome-<scale>.png, es-options-<scale>.png: the whole window, top bar included (one row
    at 200 %), nothing cut off."""
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    window.session.set_text_scale(scale=scale)
    window.session.set_situation(key="breast_symptoms", value="none")
    out = ROOT / "docs" / "screenshots"
    for key in ("welcome", "options"):
        shown = go(window, qtbot, key)
        settle(qtbot, 50)
        path = out / f"es-{key}-{scale}.png"
        assert window.grab().save(str(path)), path
        assert path.stat().st_size > 10_000
        assert not layout_problems(shown), layout_problems(shown)
    bar = window.view.top_bar
    tools = [w for w in bar.tools.findChildren(QAbstractButton) if w.isVisible()]
    assert bar.language_buttons["en"] in tools
    tops = [w.geometry().top() for w in tools]
    assert max(tops) - min(tops) < min(w.height() for w in tools) / 2, "the top bar wraps to a second row"


@pytest.mark.parametrize("kiosk", [False, True], ids=["nurse", "kiosk"])
def test_the_top_bar_keeps_one_row_at_double_text_in_each_language(qtbot, make_window, shipped_content, kiosk):
    for code in i18n.LANGUAGES:
        window = make_window(content=shipped_content, kiosk=kiosk, clinic=Clinic(language=code, kiosk=kiosk))
        window.session.set_text_scale(scale=200)
        settle(qtbot, 50)
        bar = window.view.top_bar
        tools = [w for w in bar.tools.findChildren(QAbstractButton) if w.isVisible()]
        assert [b for b in bar.language_buttons.values() if b in tools], code
        tops = [w.geometry().top() for w in tools]
        assert max(tops) - min(tops) < min(w.height() for w in tools) / 2, f"{code}: the top bar wraps"
        assert all(w.geometry().right() <= bar.tools.width() for w in tools), f"{code}: a button is cut off"


def test_in_spanish_every_control_is_named_with_its_label_and_big_enough(qtbot, make_window, shipped_content):
    """Label in name (WCAG 2.5.3) in Spanish: a control's accessible name holds the words on it."""
    from decision_aid.ui.semantics import visible_words

    from ui_checks import named_and_big_enough

    def check(window) -> list[str]:
        problems = named_and_big_enough(window)
        for button in window.findChildren(QAbstractButton):
            words, name = visible_words(button), button.accessibleName()
            if button.isVisible() and words and words.lower() not in name.lower():
                problems.append(f"{words!r} not in its name {name!r}")
        return problems

    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    problems = problems_on_every_page(window, qtbot, check)
    assert not problems, "\n".join(problems)


def test_read_aloud_speaks_in_the_session_s_language(qtbot, make_window, shipped_content):
    """The page's control reads in the voice of the language showing; the words it reads are the page's."""
    import shutil

    from decision_aid import speech
    from decision_aid.ui import read_aloud

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (scripts/setup.sh installs it)")
    read_aloud.use_backend(speech.EspeakNg(shutil.which("espeak-ng")))
    try:
        window = make_window(content=shipped_content, clinic=Clinic(language="es"))
        bar = window.view.read_aloud
        assert bar.player.language == "es" and bar.play_button.text() == "▶  Leerme esta página"
        command = bar.player.backend.speak("Hola.", rate=speech.NORMAL_RATE, language=bar.player.language)
        assert command.argv[1:3] in (("-v", "es-419"), ("-v", "es"))
        window.view.top_bar.language_buttons["en"].click()
        settle(qtbot)
        assert window.view.read_aloud.player.language == "en"
    finally:
        read_aloud._FOUND.clear()


def test_the_nurse_lock_speaks_the_language_showing(qtbot, make_window, shipped_content, monkeypatch):
    from decision_aid.app import guard_sessions
    from decision_aid.ui import nurse_lock

    class NoPrivacy:
        def clear_session(self):
            pass

    monkeypatch.setenv(nurse_lock.ENV_VAR, "2")
    window = make_window(content=shipped_content)
    lock = guard_sessions(QApplication.instance(), window, privacy=NoPrivacy(), clock=lambda: 0.0)
    window.view.top_bar.language_buttons["es"].click()
    settle(qtbot)
    lock.lock()
    assert lock.screen.unlock_button.text() == "Mostrar de nuevo las respuestas"
    assert lock.screen.unlock_button.accessibleName() == "Mostrar de nuevo las respuestas"
    lock.screen.unlock_button.click()
    assert not lock.locked and window.session.language == "es"


def test_the_keys_about_lists_are_the_keys_of_the_language_showing(qtbot, make_window, shipped_content):
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    assert window.wizard.next_button.text() == "&Siguiente" and window.wizard.back_button.text() == "&Atrás"
    about = window.view.show_about()
    settle(qtbot)
    text = " ".join(w.text() for w in about.findChildren(QLabel))
    assert "Alt+Derecha, Alt+S" in text and "Alt+Izquierda, Alt+A" in text and "Paso siguiente" in text
    about.close()


def test_a_content_folder_with_no_translation_offers_no_other_language(qtbot, make_window, fixture_content):
    assert fixture_content.translations == {}
    window = make_window(content=fixture_content)
    assert window.session.languages == ("en",)
    assert window.view.top_bar.language_buttons == {}
    assert window.current_page().language_buttons == {}  # the welcome page


def test_the_banner_says_the_translation_is_a_draft_only_in_the_translation(qtbot, make_window, shipped_content):
    assert shipped_content.translations["es"].translation.is_draft  # no medical translator nor clinician yet
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    text = window.view.banner.findChild(QLabel, "draftText").text()
    assert "Esta traducción todavía no se ha revisado." in text
    window.switch_language("en")
    text = window.view.banner.findChild(QLabel, "draftText").text()
    assert text == "This aid is being checked by the clinic's doctors."


def test_qt_s_own_dialogs_and_menus_speak_the_language_showing(qtbot, make_window, shipped_content):
    """The Print dialog (the kiosk's one button to the printer) and a text field's right-click menu are Qt's: in the
    Spanish window they were in English ("Printer", "Cancel", "Paste")."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QLineEdit

    def words(window):
        dialog = QPrintDialog(QPrinter(), window)
        shown = {b.text().replace("&", "") for b in dialog.findChildren(QAbstractButton)}
        shown |= {w.text().replace("&", "") for w in dialog.findChildren(QLabel)}
        dialog.deleteLater()
        field = go(window, qtbot, "questions").findChild(QLineEdit)
        menu = field.createStandardContextMenu()
        shown |= {a.text().split("\t")[0].replace("&", "") for a in menu.actions()}
        menu.deleteLater()
        return shown

    window = make_window(content=shipped_content, kiosk=True, clinic=Clinic(language="es", kiosk=True))
    spanish = words(window)
    assert {"Cancelar", "Pegar", "Copiar"} <= spanish, spanish
    assert not {"Cancel", "Paste", "Copy", "Print", "Printer"} & spanish, spanish
    window.view.top_bar.language_buttons["en"].click()
    settle(qtbot)
    english = words(window)
    assert {"Cancel", "Paste", "Copy"} <= english, english
    window.view.top_bar.language_buttons["es"].click()
    settle(qtbot)
    assert "Pegar" in words(window)  # and back again


@pytest.mark.parametrize("scale", [100, 200])
def test_the_box_under_the_option_grid_does_not_touch_its_last_words(qtbot, make_window, shipped_content, scale):
    """The grid's last row ends in text with no rule under it: 6 px from it, the box of who the figures come from
    looked glued to the last cell's words (seen in the Spanish walk, where the cells run longest)."""
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    window.session.set_text_scale(scale=scale)
    options = go(window, qtbot, "options")
    settle(qtbot, 30)
    assert options.figures_box is not None
    host = options.figures_box.parentWidget()
    bottoms = [label.mapTo(host, label.rect().bottomLeft()).y() for label in options.grid.findChildren(QLabel)
               if label.isVisibleTo(options) and label.text()]
    gap = options.figures_box.geometry().top() - max(bottoms)
    assert gap >= options.notes_layout.spacing(), f"{gap} px between the grid's last words and the box under it"


def test_the_spanish_about_says_which_records_are_in_english_and_the_translation_s_status(qtbot, make_window,
                                                                                          shipped_content):
    """The walk found English in the Spanish "Sobre esta guía" (the authors' roles and declaration, the list of
    changes) with nothing to say so, and no word of the translation's own status, which the banner gives."""
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    about = window.view.show_about()
    settle(qtbot)
    text = " ".join(w.text() for w in about.findChildren(QLabel))
    assert "Escrito por (en inglés):" in text and "Declaración de los autores (en inglés):" in text
    assert "La lista de cambios se guarda en inglés." in text
    assert "Traducción:</b> Borrador: aún no la han revisado un traductor médico ni un profesional clínico" in text
    assert "Traducido por:</b> no consta" in text  # no translator recorded yet (content/es/bundle.yaml)
    assert "Traducción revisada por:</b> nadie ha revisado aún esta traducción" in text
    about.close()
    window.switch_language("en")
    about = window.view.show_about()
    settle(qtbot)
    text = " ".join(w.text() for w in about.findChildren(QLabel))
    assert "Written by:</b>" in text and "(in English)" not in text and "Translation:</b>" not in text
    assert "The list of changes is kept in English." not in text
    about.close()


def test_a_window_to_read_says_the_translation_is_a_draft_as_the_banner_does(qtbot, make_window, shipped_content):
    """A "Leer más" window and About covered the banner's words with only half of them: "Los médicos de la clínica
    están revisando esta guía.", without the translation's own status."""
    window = make_window(content=shipped_content, clinic=Clinic(language="es"))
    banner = window.view.banner.findChild(QLabel, "draftText").text()
    assert "Esta traducción todavía no se ha revisado." in banner
    go(window, qtbot, "options")
    window.view.current_page().read_option("medicines_only")
    settle(qtbot)
    (dialog,) = window.view.open_dialogs
    assert dialog.draft_note.text() == banner
    dialog.close()
    about = window.view.show_about()
    settle(qtbot)
    assert about.draft_note.text() == banner
    about.close()


def test_the_steps_seen_keep_their_marks_when_the_nurse_switches_language(qtbot, make_window, shipped_content):
    """The nurse walk: the risks step, seen (it only tells), lost its "✓" when the window was switched to English
    and back: the view is built again, and its step marks knew only the page showing."""
    window = make_window(content=shipped_content)
    go(window, qtbot, "trials")
    go(window, qtbot, "risks")
    go(window, qtbot, "options")

    def marked():
        steps = window.view.step_list
        return {n for i, n in enumerate(steps.numbers) if steps.list.item(i).text().endswith("✓")}

    before = marked()
    assert {1, 3, 4, 5} <= before
    window.view.top_bar.language_buttons["es"].click()
    settle(qtbot)
    assert marked() == before
    window.view.top_bar.language_buttons["en"].click()
    settle(qtbot)
    assert marked() == before
