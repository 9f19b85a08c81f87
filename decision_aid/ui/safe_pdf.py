"""The summary PDF made in memory, then written by ``safe_files``: checked (a complete trailer, every byte on disk),
mode 0600, and for kiosk exports created exclusively. A full disk is an error, never "Summary written"."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

from ..errors import SummaryWriteError
from ..safe_files import write_file
from ..summary.model import Summary
from .summary_pdf import PAPERS, PDF_RESOLUTION, paint_summary


def pdf_bytes(summary: Summary, *, paper: str = "a4") -> tuple[bytes, int]:
    """The summary as the bytes of a PDF on A4 or Letter, and its number of pages."""
    if paper not in PAPERS:
        raise ValueError(f"paper: expected one of: {', '.join(PAPERS)}, received {paper!r}")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(summary.title)
    writer.setCreator("decision-aid")
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    count = paint_summary(summary, writer)
    del writer  # the PDF is complete once its painter has ended
    buffer.close()
    return bytes(data.data()), count


def write_pdf_file(summary: Summary, path: str | os.PathLike, *, paper: str = "a4",
                   exclusive: bool = False) -> tuple[int, Path]:
    """Write the summary PDF whole and checked, or raise SummaryWriteError and leave an existing file as it was.
    Returns the number of pages and the name written (with ``exclusive``, ``-2`` … when the name was taken)."""
    data, count = pdf_bytes(summary, paper=paper)
    return count, write_file(path, data, error=SummaryWriteError, exclusive=exclusive, kind=".pdf")


def write_pdf(summary: Summary, path: str | os.PathLike, *, paper: str = "a4", exclusive: bool = False) -> int:
    """``summary_pdf.write_pdf``'s signature and result (the number of pages), written through ``safe_files``."""
    return write_pdf_file(summary, path, paper=paper, exclusive=exclusive)[0]
