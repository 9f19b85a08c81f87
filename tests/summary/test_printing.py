"""Printing the summary through a real print system: a CUPS PDF queue (cups, printer-driver-cups-pdf, installed by
scripts/setup.sh; cupsd is started here when it is not running), printed through the app's own print path, gives the
same pages and the same text as "Save as PDF". Also: the Windows path (the same SVG pages painted on the printer),
and no printer said kindly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from pdf_probe import squeeze
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog

from decision_aid.summary import build_summary
from decision_aid.ui import printing

from summary_cases import CLINIC, SITUATIONS, TODAY, pdf_text, with_questions

CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
CUPS_PDF_PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
WAIT_S = 60


@pytest.fixture
def summary(qapp, summary_content):
    answers = with_questions(SITUATIONS["typical"], summary_content, 5)
    return build_summary(content=summary_content, answers=answers, clinic=CLINIC, today=TODAY)


def _cups_running() -> bool:
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in done.stdout


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes a job of this user: its ``Out`` setting (default ${HOME}/PDF)."""
    out = "${HOME}/PDF"
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text().splitlines():
            if re.match(r"^\s*Out\s+", line):
                out = line.split(None, 1)[1].strip()
    return Path(out.replace("${HOME}", str(Path.home())).replace("${USER}", os.environ.get("USER", "root")))


@pytest.fixture
def pdf_queue():
    """A CUPS queue that writes PDF files; cupsd started if it is not running. Removed afterwards."""
    for tool in ("cupsd", "lpadmin", "lp", "lpstat"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            pytest.fail(f"{tool} is missing: run scripts/setup.sh (cups, cups-client, printer-driver-cups-pdf)")
    if not _cups_running():
        subprocess.run([shutil.which("cupsd") or "/usr/sbin/cupsd"], check=True)
        deadline = time.monotonic() + 15
        while not _cups_running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _cups_running(), "cupsd did not start"
    name = f"decision-aid-test-{uuid.uuid4().hex[:8]}"
    subprocess.run(["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-m", CUPS_PDF_PPD], check=True,
                   capture_output=True)
    try:
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], capture_output=True)


def wait_for_new_pdf(folder: Path, before: set[Path]) -> Path:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        new = [p for p in folder.glob("*.pdf") if p not in before] if folder.is_dir() else []
        if new:
            path = new[0]
            size = -1
            while path.stat().st_size != size:  # written whole
                size = path.stat().st_size
                time.sleep(0.3)
            return path
        time.sleep(0.3)
    raise AssertionError(f"no PDF appeared in {folder} within {WAIT_S} s")


def test_printing_to_a_cups_queue_gives_the_pages_of_save_as_pdf(summary, pdf_queue, tmp_path, monkeypatch):
    folder = cups_pdf_folder()
    before = set(folder.glob("*.pdf")) if folder.is_dir() else set()
    assert pdf_queue in [p.printerName() for p in QPrinterInfo.availablePrinters()]
    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: QPrinterInfo.printerInfo(pdf_queue)))
    chosen = []

    def accept(dialog):  # the person presses Print in the system dialog
        chosen.append(dialog.printer().printerName())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    told = []
    assert printing.print_summary(summary, None, paper="a4", tell=lambda *a: told.append(a)) is True
    assert told == [] and chosen == [pdf_queue]
    printed = wait_for_new_pdf(folder, before)
    try:
        saved = tmp_path / "saved.pdf"
        from decision_aid.summary.typeset import write_pdf

        pages = write_pdf(summary, saved)
        printed_text, saved_text = pdf_text(printed), pdf_text(saved)
        assert len(printed_text) == len(saved_text) == pages
        for number, (a, b) in enumerate(zip(printed_text, saved_text, strict=True), start=1):
            assert squeeze(a) == squeeze(b), f"page {number} prints other words than the saved PDF"
    finally:
        printed.unlink(missing_ok=True)


def test_without_cups_the_same_pages_are_painted_on_the_printer(summary, tmp_path, monkeypatch):
    # The Windows path: no lp, so the SVG pages are painted on the printer (here Qt's PDF output stands in for it).
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    monkeypatch.setattr(printing, "is_real_printer", lambda printer: True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "painted.pdf"))
    assert printing.print_to(summary, printer, paper="a4") is True
    from decision_aid.summary.typeset import write_pdf

    pages = write_pdf(summary, tmp_path / "saved.pdf")
    from pypdf import PdfReader

    painted = PdfReader(str(tmp_path / "painted.pdf")).pages
    assert len(painted) == pages
    assert [round(float(p.mediabox.height)) for p in painted] == [842] * pages


def test_no_printer_says_so_kindly_and_offers_save_as_pdf(summary, monkeypatch):
    told = []
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    assert printing.print_summary(summary, None, tell=lambda parent, title, text: told.append((title, text))) is False
    assert told == [(printing.NO_PRINTER_TITLE, printing.NO_PRINTER)]
    assert "save it as a PDF" in printing.NO_PRINTER


def test_the_nameless_pdf_printer_qt_falls_back_to_is_not_taken_for_a_printer(summary):
    told = []
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what QPrinter() is when no printer is installed
    assert printing.print_to(summary, printer, tell=lambda *a: told.append(a[1])) is False
    assert told == [printing.NO_PRINTER_TITLE]


def test_a_queue_that_refuses_the_job_is_said_kindly(summary, monkeypatch):
    monkeypatch.setattr(printing, "is_real_printer", lambda printer: True)
    monkeypatch.setattr(printing.shutil, "which", lambda name: "/usr/bin/lp")

    def refuse(*args, **kwargs):
        return subprocess.CompletedProcess(args, 1, b"", b"lp: The printer or class does not exist.")

    monkeypatch.setattr(printing.subprocess, "run", refuse)
    told = []
    assert printing.print_to(summary, QPrinter(), tell=lambda *a: told.append(a[2])) is False
    assert told == [printing.PRINT_FAILED]
