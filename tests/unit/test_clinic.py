import pytest

from decision_aid.clinic import DEFAULT_IDLE_SECONDS, Clinic, load_clinic
from decision_aid.errors import ClinicError


def write(tmp_path, text):
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_clinic_file(tmp_path):
    path = write(tmp_path, '''
name = "Riverside"
phone = "555 0100"
kiosk = true
idle_timeout_minutes = 5
export_folder = "/srv/exports"
paper = "letter"
[[trials]]
name = "A trial"
id = "NCT01234567"
contact = "Research nurse"
summary = "Compares two approaches."
''')
    clinic = load_clinic(path)
    assert clinic.name == "Riverside" and clinic.kiosk and clinic.paper == "letter"
    assert clinic.idle_timeout_seconds == 300
    assert str(clinic.export_folder) == "/srv/exports"
    assert clinic.has_trials and clinic.trials[0].id == "NCT01234567"


def test_missing_default_file_means_no_clinic(tmp_path, monkeypatch):
    monkeypatch.delenv("DECISION_AID_CLINIC", raising=False)
    monkeypatch.setattr("decision_aid.clinic.default_clinic_path", lambda: tmp_path / "none.toml")
    assert load_clinic() == Clinic()
    assert Clinic().idle_timeout_seconds == DEFAULT_IDLE_SECONDS


def test_missing_named_file_is_an_error(tmp_path):
    with pytest.raises(ClinicError) as info:
        load_clinic(tmp_path / "nope.toml")
    expected = f"{tmp_path / 'nope.toml'}: (file): expected an existing clinic file, received no such file"
    assert str(info.value) == expected


def test_every_bad_value_is_named_at_once(tmp_path):
    path = write(tmp_path, '''
nmae = "x"
kiosk = "yes"
idle_timeout_minutes = 0
export_folder = "exports"
paper = "A5"
[[trials]]
name = "T"
id = "X"
''')
    with pytest.raises(ClinicError) as info:
        load_clinic(path)
    src = str(path)
    assert [str(p) for p in info.value.problems] == [
        f"{src}: nmae: expected one of: name, phone, nurse, kiosk, idle_timeout_minutes, export_folder, paper, trials, "
        "language, received 'nmae'",
        f"{src}: kiosk: expected true or false, received 'yes'",
        f"{src}: idle_timeout_minutes: expected a number of minutes from 1 to 60, received 0",
        f"{src}: export_folder: expected an absolute folder path, received 'exports'",
        f"{src}: paper: expected one of: a4, letter, received 'A5'",
        f"{src}: trials[0].contact: expected a non-empty text, received nothing",
        f"{src}: trials[0].summary: expected a non-empty text, received nothing",
    ]


def test_broken_toml(tmp_path):
    path = write(tmp_path, 'name = "unterminated\n')
    with pytest.raises(ClinicError) as info:
        load_clinic(path)
    assert str(info.value).startswith(f"{path}: (file): expected valid TOML, received ")


def test_where_to_find_a_nurse(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text('name = "X"\nnurse = "in room 4"\n', encoding="utf-8")
    assert load_clinic(path).nurse == "in room 4"
