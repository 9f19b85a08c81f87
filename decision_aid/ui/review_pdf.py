"""The review packet on paper: its HTML laid out by Qt on A4 pages, with the version and fingerprint on every page.

The same packet gives the same text on the same pages, and the same PDF document id (made from the content
fingerprint); the file also carries Qt's creation time, so its bytes differ from run to run while its words, pages,
document id and fingerprint do not.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSaveFile, QSizeF, Qt, QUuid
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from ..errors import SummaryWriteError
from ..review.packet import Packet
from .fonts import app_font
from .fonts import load_fonts as font_family

CSS_DPI = 96.0
MM = CSS_DPI / 25.4
MARGIN_LEFT = MARGIN_RIGHT = 16 * MM
MARGIN_TOP = 13 * MM
MARGIN_BOTTOM = 24 * MM  # room for the footer
PDF_RESOLUTION = 1200
FOOTER_PX = 7.5 * CSS_DPI / 72


def page_size_px(device: QPdfWriter) -> QSizeF:
    """The whole sheet in CSS pixels."""
    points = device.pageLayout().fullRectPoints()
    return QSizeF(points.width() * CSS_DPI / 72.0, points.height() * CSS_DPI / 72.0)


def paginate(doc: QTextDocument, page: QSizeF) -> int:
    """Lay ``doc`` out on pages of ``page`` (CSS pixels) with the margins above; return the number of pages."""
    root = doc.rootFrame()
    fmt = root.frameFormat()
    fmt.setLeftMargin(MARGIN_LEFT)
    fmt.setRightMargin(MARGIN_RIGHT)
    fmt.setTopMargin(MARGIN_TOP)
    fmt.setBottomMargin(MARGIN_BOTTOM)
    root.setFrameFormat(fmt)
    doc.setPageSize(page)
    return doc.pageCount()


def packet_document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(app_font(font_family(), 10.0))
    doc.setHtml(html)
    return doc


def document_id(packet: Packet) -> QUuid:
    """The PDF's document id: the first 16 bytes of the content fingerprint, so the same content gives the same id."""
    return QUuid.fromRfc4122(QByteArray(bytes.fromhex(packet.content.fingerprint[:32])))


def footer_lines(packet: Packet) -> tuple[str, str]:
    b = packet.content.bundle
    return (f"Review packet · {b.name} · content version {b.version} ({b.status})",
            f"Content fingerprint (SHA-256): {packet.content.fingerprint}")


def write_packet_pdf(packet: Packet, html: str, path: str | os.PathLike) -> int:
    """Write the packet's HTML as an A4 PDF, whole or not at all; return the number of pages."""
    path = Path(path)
    if not path.parent.is_dir():
        raise SummaryWriteError(str(path), "the folder does not exist")
    save = QSaveFile(str(path))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SummaryWriteError(str(path), save.errorString() or "the file could not be opened")
    try:
        writer = QPdfWriter(save)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(f"Review packet: {packet.content.bundle.name}, version {packet.content.bundle.version}")
        writer.setCreator("decision-aid review-packet")
        writer.setDocumentId(document_id(packet))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        count = _paint(packet, packet_document(html), writer, target=str(path))
        del writer
    except BaseException:
        save.cancelWriting()
        save.commit()
        raise
    if not save.commit():
        raise SummaryWriteError(str(path), save.errorString() or "the file could not be written")
    return count


def _paint(packet: Packet, doc: QTextDocument, writer: QPdfWriter, *, target: str) -> int:
    page = page_size_px(writer)
    count = paginate(doc, page)
    scale = writer.logicalDpiX() / CSS_DPI
    painter = QPainter()
    if not painter.begin(writer):
        raise SummaryWriteError(target, "the PDF could not be started")  # (QPdfWriter has no outputFileName)
    try:
        layout = doc.documentLayout()
        for index in range(count):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.save()
            painter.translate(0, -index * page.height())
            clip = QRectF(0, index * page.height(), page.width(), page.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
            _footer(painter, packet, page, index + 1, count)
            painter.restore()
    finally:
        painter.end()
    return count


def _footer(painter: QPainter, packet: Packet, page: QSizeF, number: int, count: int) -> None:
    font = app_font(font_family(), 7.5)
    font.setPixelSize(round(FOOTER_PX))
    width = page.width() - MARGIN_LEFT - MARGIN_RIGHT
    top = page.height() - MARGIN_BOTTOM + 10 * MM / 4
    painter.save()
    painter.setPen(QPen(QColor("#9aa3b0"), 0.75))
    painter.drawLine(QPointF(MARGIN_LEFT, top), QPointF(MARGIN_LEFT + width, top))
    painter.setPen(QColor("#222222"))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.lineSpacing()
    for i, text in enumerate(footer_lines(packet)):
        room = width - 80 if i == 0 else width
        text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
        painter.drawText(QRectF(MARGIN_LEFT, top + 4 + i * line, room, line), Qt.AlignmentFlag.AlignLeft, text)
    painter.drawText(QRectF(MARGIN_LEFT, top + 4, width, line), Qt.AlignmentFlag.AlignRight,
                     f"Page {number} of {count}")
    painter.restore()
