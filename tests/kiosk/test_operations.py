"""Issue 18, operations: a clinic export folder that cannot take files is refused at start and by --self-test; an
empty DECISION_AID_CLINIC means unset; check-content FILE says it is a file; no temporary folder is one line;
SIGTERM/SIGHUP remove the temporary folder; every print failure is told kindly and keeps the session."""

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic, load_clinic
from decision_aid.errors import ClinicError
from decision_aid.operations import check_clinic_operable

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"
ROOT = Path(__file__).resolve().parents[2]


def env(**more):
    out = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    out.update(more)
    return out


def run(*args, environ=None, timeout=180):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          env=environ or env(), timeout=timeout, cwd=ROOT)


def clinic_file(tmp_path, folder):
    path = tmp_path / "clinic.toml"
    path.write_text(f'name = "Riverside"\nkiosk = true\nexport_folder = "{Path(folder).as_posix()}"\n',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("make", ["missing", "file"])
def test_an_export_folder_that_cannot_take_files_is_refused(tmp_path, make):
    folder = tmp_path / "exports"
    if make == "file":
        folder.write_text("not a folder")
    with pytest.raises(ClinicError) as info:
        check_clinic_operable(load_clinic(clinic_file(tmp_path, folder)))
    line = str(info.value)
    assert len(line.splitlines()) == 1 and "export_folder" in line and "clinic.toml" in line


def test_a_working_export_folder_is_accepted(tmp_path):
    (tmp_path / "exports").mkdir()
    clinic = check_clinic_operable(load_clinic(clinic_file(tmp_path, tmp_path / "exports")))
    assert clinic.export_folder == tmp_path / "exports" and not any((tmp_path / "exports").iterdir())


def test_the_app_refuses_to_start_on_a_missing_export_folder(tmp_path):
    clinic = clinic_file(tmp_path, tmp_path / "nowhere")
    proc = subprocess.Popen([sys.executable, "-m", "decision_aid", "--content", str(FIXTURE), "--clinic", str(clinic)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(TMPDIR=str(tmp_path)),
                            cwd=ROOT)
    text = ""
    try:  # the refusal comes before its dialog, which waits for a person
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and text.count("\n") < 2 and proc.poll() is None:
            if select.select([proc.stderr], [], [], 0.5)[0]:
                text += os.read(proc.stderr.fileno(), 4096).decode("utf-8", "replace")
    finally:
        proc.kill()
        proc.wait(timeout=30)
    lines = text.splitlines()
    assert len(lines) >= 2 and "clinic file has problems" in lines[0], text
    assert "export_folder" in lines[1] and "no such folder" in lines[1]


def test_self_test_checks_the_export_folder(tmp_path):
    out = run("--self-test", "--content", str(FIXTURE), "--clinic", str(clinic_file(tmp_path, tmp_path / "gone")),
              environ=env(TMPDIR=str(tmp_path)), timeout=300)
    assert out.returncode == 1
    assert "FAILED: clinic file: 1 problem in the clinic file" in out.stdout, out.stdout
    assert "export_folder" in out.stdout and "Traceback" not in out.stdout + out.stderr


def test_an_empty_clinic_variable_means_unset(monkeypatch):
    monkeypatch.setenv("DECISION_AID_CLINIC", "")
    monkeypatch.setattr("decision_aid.clinic.default_clinic_path", lambda: Path("/nonexistent/clinic.toml"))
    assert load_clinic() == Clinic()


def test_check_content_on_a_file_says_it_is_a_file():
    out = run("check-content", str(FIXTURE / "bundle.yaml"))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "received a file" in lines[0] and "no such folder" not in lines[0]


def test_no_usable_temporary_folder_is_one_line(tmp_path):
    code = ("import sys, tempfile\n"
            "def none(): raise FileNotFoundError(2, 'No usable temporary directory found in [\\'/tmp\\']')\n"
            "tempfile.gettempdir = none\n"
            "from decision_aid.cli import main\n"
            f"sys.exit(main(['--content', {str(FIXTURE)!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env(), timeout=120,
                         cwd=ROOT)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr[-800:]
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "no usable temporary folder" in lines[0] and "TMPDIR" in lines[0]


def _catches(pid: int, signum: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), 16)
    return bool(caught & (1 << (signum - 1)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to know the handler is in place")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_removes_the_temporary_folder(tmp_path, signum):
    proc = subprocess.Popen([sys.executable, "-m", "decision_aid", "--kiosk", "--content", str(FIXTURE)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(TMPDIR=str(tmp_path)),
                            cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and not (
                list(tmp_path.glob("decision-aid-*")) and _catches(proc.pid, signum)):
            time.sleep(0.1)
        assert list(tmp_path.glob("decision-aid-*")), "the app made no temporary folder"
        assert _catches(proc.pid, signum), "the app does not handle the signal"
        time.sleep(0.5)
        proc.send_signal(signum)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 0, proc.stderr.read()[-800:]
    assert not list(tmp_path.glob("decision-aid-*"))


def test_an_empty_printer_list_is_told_kindly(qtbot, monkeypatch, capsys):
    from PySide6.QtPrintSupport import QPrinterInfo

    from decision_aid.content import load_content
    from decision_aid.summary import build_summary
    from decision_aid.ui import printing

    class NoPrinters:
        @staticmethod
        def availablePrinters():
            return []

        @staticmethod
        def defaultPrinter():
            return QPrinterInfo()

    monkeypatch.setattr(printing, "printers_available", lambda: True)  # one was there a moment ago
    monkeypatch.setattr(printing, "QPrinterInfo", NoPrinters)
    told = []
    summary = build_summary(content=load_content(FIXTURE), answers=Answers(leaning="surgery"), clinic=Clinic())
    assert printing.print_summary(summary, None, tell=lambda *args: told.append(args)) is False
    assert told == [(None, "Printing failed", printing.PRINT_FAILED)]
    assert "printing failed: IndexError" in capsys.readouterr().err


def test_a_clinic_language_the_content_does_not_have_is_refused(tmp_path):
    (tmp_path / "clinic.toml").write_text('language = "es"\n', encoding="utf-8")
    clinic = load_clinic(tmp_path / "clinic.toml")
    assert check_clinic_operable(clinic, ("en", "es")) is clinic
    with pytest.raises(ClinicError) as info:
        check_clinic_operable(clinic, ("en",))  # a content folder with no Spanish (the test content)
    line = str(info.value)
    assert len(line.splitlines()) == 1 and "clinic.toml" in line and "language" in line and "'es'" in line
