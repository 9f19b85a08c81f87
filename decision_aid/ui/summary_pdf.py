"""The summary's pages in Qt: the PDF (made by the core, ``decision_aid.summary.typeset``), and the same pages as SVG
painted on any paged device (a printer) or an image (the preview), so what is shown and printed is what is saved.

The pages are typeset once by Typst; Qt only paints them (``QSvgRenderer``, vectors at any resolution).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:  # QtPrintSupport is imported where printing starts, not with this module
    from PySide6.QtPrintSupport import QPrinter

from ..errors import SummaryWriteError
from ..summary import typeset
from ..summary.model import Summary

PAPERS = typeset.PAPERS
POINTS_PER_INCH = 72.0


def ensure_gui_application() -> QCoreApplication:
    """The running QGuiApplication, or a new one; a headless one (offscreen) when no platform was chosen."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["decision-aid"])
    return app


def write_pdf(summary: Summary, path: str | os.PathLike, *, paper: str = "a4",
              exclusive: bool = False) -> typeset.PdfWritten:
    """The tagged PDF, whole and checked or not at all (see ``decision_aid.summary.typeset.write_pdf``); the name
    written (another one only for an exclusive kiosk export whose name was taken) and the number of pages."""
    return typeset.write_pdf(summary, path, paper=paper, exclusive=exclusive)


def svg_pages(summary: Summary, *, paper: str = "a4") -> list[bytes]:
    """The summary's pages as SVG, typeset exactly as the PDF."""
    return typeset.compile_summary(summary, fmt="svg", paper=paper)


def renderers(pages: list[bytes]) -> list[QSvgRenderer]:
    out = []
    for number, page in enumerate(pages, start=1):
        renderer = QSvgRenderer(QByteArray(page))
        if not renderer.isValid():
            raise SummaryWriteError("the printer", f"page {number} of the summary could not be read")
        out.append(renderer)
    return out


def page_size_points(renderer: QSvgRenderer) -> QSizeF:
    return renderer.viewBoxF().size()


def paint_pages(pages: list[bytes], device: QPrinter) -> int:
    """Paint every page on ``device`` (a printer), each scaled to the device's whole sheet; the number of pages.

    The device must print the full page (``setFullPage(True)``): the pages bring their own margins and footer.
    """
    drawn = renderers(pages)
    painter = QPainter()
    if not painter.begin(device):
        raise SummaryWriteError(getattr(device, "outputFileName", lambda: "")() or "the printer",
                                "the printer could not be started")
    try:
        for index, renderer in enumerate(drawn):
            if index and not device.newPage():
                raise SummaryWriteError("the printer", "the printer stopped after page " + str(index))
            sheet = device.pageLayout().fullRectPixels(device.resolution())
            size = page_size_points(renderer)
            scale = min(sheet.width() / size.width(), sheet.height() / size.height())
            renderer.render(painter, QRectF(0, 0, size.width() * scale, size.height() * scale))
    finally:
        painter.end()
    return len(drawn)
