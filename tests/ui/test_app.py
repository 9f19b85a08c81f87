"""The wiring module: a bad clinic file or bad content stops the start with a dialog and a message on stderr; in
the kiosk the idle guard's timeout throws the session away."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from decision_aid import app as app_module
from decision_aid.ui import dialogs

from ui_helpers import settle


def test_a_bad_clinic_file_stops_the_start(qtbot, tmp_path, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(dialogs, "show_startup_errors", lambda error, **kw: shown.append((error, kw)))
    clinic = tmp_path / "clinic.toml"
    clinic.write_text('name = "Riverside"\nkiosk = "yes"\n', encoding="utf-8")
    assert app_module.run_app(content=None, clinic=str(clinic)) == 1
    err = capsys.readouterr().err
    assert app_module.CLINIC_REFUSED in err and "kiosk: expected true or false" in err
    (error, kw), = shown
    assert "clinic file" in kw["text"] and error.problems[0].field == "kiosk"


def test_a_missing_clinic_file_named_on_the_command_line_stops_the_start(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(dialogs, "show_startup_errors", lambda error, **kw: None)
    assert app_module.run_app(clinic=str(tmp_path / "nowhere.toml")) == 1
    assert "no such file" in capsys.readouterr().err


def test_bad_content_stops_the_start(qtbot, tmp_path, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(dialogs, "show_content_errors", lambda error, parent=None: shown.append(error))
    assert app_module.run_app(content=str(tmp_path / "no content here")) == 1
    assert shown and app_module.CONTENT_REFUSED in capsys.readouterr().err


def test_the_idle_guard_resets_the_kiosk(qtbot, make_window, fixture_content):
    window = make_window(content=fixture_content, kiosk=True)
    window.session.set_leaning(value="surgery")
    old = window.session
    class NoPrivacy:  # this test is about the guard; the privacy measures have their own tests
        def clear_session(self):
            pass

    guard = app_module.guard_sessions(QApplication.instance(), window, privacy=NoPrivacy())
    try:
        assert guard.is_running
        guard.timed_out.emit()
        settle(qtbot)
        assert window.session is not old and not window.session.has_answers()
    finally:
        guard.stop()
