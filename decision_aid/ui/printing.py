"""Printing the summary: the system print dialog, the same pages as the PDF, and a plain word when there is no printer.

With no printer installed, ``QPrinter()`` quietly becomes a PDF printer with no file name and printing fails with
only a log line; so the printers are checked first, and the caller offers "Save as PDF" when this returns False.
"""

from __future__ import annotations

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..errors import SummaryWriteError
from ..summary.model import Summary
from .print_guard import kindly
from .summary_pdf import PAPERS, paint_summary

NO_PRINTER_TITLE = "No printer"
NO_PRINTER = ("No printer is set up on this computer, so the summary cannot be printed here. "
              "You can save it as a PDF instead, and print that elsewhere.")
PRINT_FAILED = "The printer could not be started, so nothing was printed. You can save the summary as a PDF instead."


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
        tell(parent, NO_PRINTER_TITLE, NO_PRINTER)
        return False
    default = QPrinterInfo.defaultPrinter()
    printer = QPrinter(default if not default.isNull() else QPrinterInfo.availablePrinters()[0],
                       QPrinter.PrinterMode.HighResolution)
    if paper in PAPERS:
        printer.setPageSize(QPageSize(PAPERS[paper]))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the summary")
    # Only real printers, whole summary: a file written from here would bypass the kiosk's rules on saving.
    for option in (QAbstractPrintDialog.PrintDialogOption.PrintToFile,
                   QAbstractPrintDialog.PrintDialogOption.PrintSelection,
                   QAbstractPrintDialog.PrintDialogOption.PrintPageRange,
                   QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage):
        dialog.setOption(option, False)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(summary, printer, parent=parent, tell=tell)


def print_to(summary: Summary, printer: QPrinter, *, parent: QWidget | None = None, tell=None) -> bool:
    """Print on a printer already chosen; False (and the person told) when it is not a real printer or fails."""
    tell = tell or _tell
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.isValid():
        tell(parent, NO_PRINTER_TITLE, NO_PRINTER)
        return False
    printer.setFullPage(True)  # the pages bring their own margins and footer
    try:
        paint_summary(summary, printer)
    except SummaryWriteError:
        tell(parent, "Printing failed", PRINT_FAILED)
        return False
    return True

print_summary = kindly(print_summary)  # issue 18: every print failure is told kindly and keeps the session
