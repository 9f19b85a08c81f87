"""Printing the summary: the system print dialog, then exactly the pages of "Save as PDF", and a plain word when there
is no printer.

With no printer installed, ``QPrinter()`` quietly becomes a PDF printer with no file name and printing fails with
only a log line; so the printers are checked first, and the caller offers "Save as PDF" when this returns False.

Where the printer is a CUPS queue (Linux, macOS) the PDF itself goes to it (``lp``, from standard input: no file is
left behind), so the paper has the same pages and the same text as the saved file; elsewhere (Windows) the same
pages, typeset once, are painted on the printer as vectors (``summary_pdf.paint_pages``).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..errors import SummaryWriteError, excerpt
from ..i18n import N_, _
from ..summary import typeset
from ..summary.model import Summary
from .summary_pdf import PAPERS, paint_pages, svg_pages

NO_PRINTER_TITLE = N_("No printer")
NO_PRINTER = N_("No printer is set up on this computer, so the summary cannot be printed here. "
                "You can save it as a PDF instead, and print that elsewhere.")
PRINT_FAILED = N_("The printer could not be started, so nothing was printed. You can save the summary as a PDF "
                  "instead.")
LP_TIMEOUT_S = 30
_PAPER_BY_SIZE = {QPageSize.PageSizeId.Letter: "letter", QPageSize.PageSizeId.A4: "a4"}


def _tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def print_summary(summary: Summary, parent: QWidget | None = None, *, paper: str | None = None, tell=None) -> bool:
    """Ask where to print, then print every page; True when it went to a printer.

    False when there is no printer (the person is told so), when they cancel, or when the printer fails: the caller
    then offers "Save as PDF". ``tell(parent, title, text)`` shows a message (a message box unless given).
    """
    tell = tell or _tell
    if not printers_available():
        tell(parent, _(NO_PRINTER_TITLE), _(NO_PRINTER))
        return False
    default = QPrinterInfo.defaultPrinter()
    printer = QPrinter(default if not default.isNull() else QPrinterInfo.availablePrinters()[0],
                       QPrinter.PrinterMode.HighResolution)
    if paper in PAPERS:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the summary"))
    # Only real printers, whole summary: a file written from here would bypass the kiosk's rules on saving.
    for option in (QAbstractPrintDialog.PrintDialogOption.PrintToFile,
                   QAbstractPrintDialog.PrintDialogOption.PrintSelection,
                   QAbstractPrintDialog.PrintDialogOption.PrintPageRange,
                   QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage):
        dialog.setOption(option, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(summary, printer, parent=parent, tell=tell)


def printer_paper(printer: QPrinter, default: str | None = None) -> str:
    """"letter" or "a4": the paper chosen in the dialog, else the clinic's, else A4."""
    chosen = _PAPER_BY_SIZE.get(printer.pageLayout().pageSize().id())
    return chosen or (default if default in PAPERS else "a4")


def is_real_printer(printer: QPrinter) -> bool:
    """Not the nameless PDF printer QPrinter() falls back to when no printer is installed."""
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.isValid() \
        and bool(printer.printerName())


def print_to(summary: Summary, printer: QPrinter, *, parent: QWidget | None = None, tell=None,
             paper: str | None = None) -> bool:
    """Print on a printer already chosen; False (and the person told) when it is not a real printer or fails."""
    tell = tell or _tell
    if not is_real_printer(printer):
        tell(parent, _(NO_PRINTER_TITLE), _(NO_PRINTER))
        return False
    paper = paper or printer_paper(printer)
    try:
        if shutil.which("lp"):
            send_pdf(printer.printerName(), typeset.compile_summary(summary, fmt="pdf", paper=paper),
                     copies=max(1, printer.copyCount()), title=summary.title)
        else:
            printer.setFullPage(True)  # the pages bring their own margins and footer
            paint_pages(svg_pages(summary, paper=paper), printer)
    except SummaryWriteError:
        tell(parent, _(PRINT_FAILED_TITLE), _(PRINT_FAILED))
        return False
    return True


def send_pdf(queue: str, pdf: bytes, *, copies: int = 1, title: str = "") -> None:
    """Hand the PDF to a CUPS queue through ``lp``, from standard input; SummaryWriteError when CUPS refuses it."""
    # pdftocairo for printers that take PostScript: the paper is the same, and a PDF queue keeps the text layer.
    command = ["lp", "-d", queue, "-n", str(copies), "-o", "pdftops-renderer=pdftocairo"]
    if title:
        command += ["-t", title]
    try:
        done = subprocess.run(command, input=pdf, capture_output=True, timeout=LP_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SummaryWriteError(queue, f"the print system did not answer ({exc})") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"lp ended with status {done.returncode}"
        raise SummaryWriteError(queue, reason)



# -- every failure on the way to the printer is told kindly and keeps the session (issue 18): an empty printer list
# between the check and the dialog, a driver that throws, anything from the print path.

PRINT_FAILED_TITLE = N_("Printing failed")


def kindly(print_summary):
    """``print_summary`` that never raises: on any exception the person is told (``PRINT_FAILED``, through the
    same ``tell``), the staff see one line on stderr, and False is returned, so the caller offers a PDF."""

    @functools.wraps(print_summary)
    def guarded(summary, parent=None, *, paper=None, tell=None):
        try:
            return print_summary(summary, parent, paper=paper, tell=tell)
        except Exception as exc:
            print(f"decision-aid: printing failed: {type(exc).__name__}: {excerpt(exc, 120)}", file=sys.stderr)
            (tell or _tell)(parent, _(PRINT_FAILED_TITLE), _(PRINT_FAILED))
            return False

    return guarded


print_summary = kindly(print_summary)  # issue 18: every print failure is told kindly and keeps the session
