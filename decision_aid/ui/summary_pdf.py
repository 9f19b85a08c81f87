"""The summary on paper: pages laid out from the summary document, a footer on every page, written as PDF.

Pages are laid out in CSS pixels (1/96 inch) and painted scaled to the device's resolution, so text and pictures
are vectors. Headings are never left alone at the foot of a page. The PDF is written through QSaveFile: a failed
write leaves no file, not half of one.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QMarginsF, QPointF, QRectF, QSaveFile, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ..errors import SummaryWriteError
from ..summary.model import Summary
from .fonts import app_font
from .summary_document import font_family, make_summary_document

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
CSS_DPI = 96.0
MM = CSS_DPI / 25.4
MARGIN_LEFT = MARGIN_RIGHT = 16 * MM
MARGIN_TOP = 13 * MM
MARGIN_BOTTOM = 24 * MM  # room for the three-line footer
FOOTER_POINT_SIZE = 7.5
FOLLOW_BLOCKS = 4  # a heading keeps at least this many following blocks (lines, table cells) on its page
PDF_RESOLUTION = 1200


def ensure_gui_application() -> QCoreApplication:
    """The running QGuiApplication, or a new one; a headless one (offscreen) when no platform was chosen."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        # The summary never opens a window: do not depend on a display being there.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["decision-aid"])
    return app


def page_size_px(device: QPagedPaintDevice) -> QSizeF:
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
    _keep_headings_with_next(doc, page.height())
    return doc.pageCount()


def _keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when the lines after it would not fit below it (Qt has no keep-with-next).

    A heading that leads straight into another one ("Options to discuss", a line, then the first option) moves with
    it, so neither is left alone at the foot of a page.
    """
    layout = doc.documentLayout()

    def page_of(rect) -> int:
        return int(rect.top() // page_height)

    def at_top(rect) -> bool:
        return rect.top() <= page_of(rect) * page_height + MARGIN_TOP + 24

    def stranded(block) -> bool:
        rect = layout.blockBoundingRect(block)
        limit = (page_of(rect) + 1) * page_height - MARGIN_BOTTOM
        bottom, following, counted = rect.bottom(), block.next(), 0
        while following.isValid() and counted < FOLLOW_BLOCKS:
            r = layout.blockBoundingRect(following)
            if r.height() > 0:
                bottom = max(bottom, r.bottom())
                counted += 1
            following = following.next()
        return bottom > limit and not at_top(rect)

    def group_start(block):
        """The earliest heading on this page that only a few lines separate from ``block``."""
        start, page = block, page_of(layout.blockBoundingRect(block))
        previous, counted = block.previous(), 0
        while previous.isValid() and counted < FOLLOW_BLOCKS:
            rect = layout.blockBoundingRect(previous)
            if page_of(rect) != page:
                break
            if previous.blockFormat().headingLevel() > 0:
                if at_top(rect):
                    break
                start, counted = previous, 0
            elif rect.height() > 0:
                counted += 1
            previous = previous.previous()
        return start

    for _ in range(40):
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and stranded(block):
                first = group_start(block)
                block_format = first.blockFormat()
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(first).setBlockFormat(block_format)
                # Lay it all out again: Qt's partial relayout after a format change can leave later blocks with
                # no height at all, and those are then not drawn.
                doc.markContentsDirty(0, doc.characterCount())
                break
            block = block.next()
        else:
            return


def footer_lines(summary: Summary) -> tuple[str, str, str]:
    """The three lines at the foot of every page (the first in bold, beside the page number)."""
    first = "For discussion with your care team. Not medical advice."
    if summary.is_draft:
        first = "DRAFT: not yet reviewed by a clinician. " + first
    made = f"Made on {summary.created_text}"
    if summary.clinic_name:
        made += f" · {summary.clinic_name}"
    if summary.clinic_phone:
        made += f" · {summary.clinic_phone}"
    made += f" · content version {summary.content_version} ({summary.content_status})"
    return first, made, f"Content fingerprint (SHA-256): {summary.fingerprint}"


def _draw_footer(painter: QPainter, summary: Summary, page: QSizeF, number: int, count: int) -> None:
    # In CSS pixels: a point size would be taken at the device's resolution and then scaled a second time.
    font = app_font(font_family(), FOOTER_POINT_SIZE)
    font.setPixelSize(round(FOOTER_POINT_SIZE * CSS_DPI / 72))
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font)
    width = page.width() - MARGIN_LEFT - MARGIN_RIGHT
    line = metrics.lineSpacing()
    top = page.height() - MARGIN_BOTTOM + 10 * MM / 4
    painter.save()
    painter.setPen(QPen(QColor("#9aa3b0"), 0.75))
    painter.drawLine(QPointF(MARGIN_LEFT, top), QPointF(MARGIN_LEFT + width, top))
    painter.setPen(QColor("#222222"))
    y = top + 4
    for i, text in enumerate(footer_lines(summary)):
        painter.setFont(bold if i == 0 else font)
        right_room = 70 if i == 0 else 0
        text = QFontMetricsF(painter.font()).elidedText(text, Qt.TextElideMode.ElideMiddle, width - right_room)
        painter.drawText(QRectF(MARGIN_LEFT, y, width - right_room, line), Qt.AlignmentFlag.AlignLeft, text)
        y += line
    painter.setFont(bold)
    painter.drawText(QRectF(MARGIN_LEFT, top + 4, width, line), Qt.AlignmentFlag.AlignRight,
                     f"Page {number} of {count}")
    painter.restore()


def paint_summary(summary: Summary, device: QPagedPaintDevice, *, doc: QTextDocument | None = None) -> int:
    """Paint every page of the summary on ``device`` (a PDF writer or a printer); return the number of pages.

    The device's page layout must have no margins (the sheet's corner is the origin); the pages are laid out for
    its paper.
    """
    page = page_size_px(device)
    doc = doc or make_summary_document(summary, for_print=True)
    count = paginate(doc, page)
    scale = device.logicalDpiX() / CSS_DPI
    painter = QPainter()
    if not painter.begin(device):
        raise SummaryWriteError(getattr(device, "outputFileName", lambda: "")() or "the printer",
                                "the printer or PDF could not be started")
    try:
        layout = doc.documentLayout()
        for index in range(count):
            if index:
                device.newPage()
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
            _draw_footer(painter, summary, page, index + 1, count)
            painter.restore()
    finally:
        painter.end()
    return count


def _check_folder(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        raise SummaryWriteError(str(path), "the folder does not exist")
    if not folder.is_dir():
        raise SummaryWriteError(str(path), "it is not a folder")
    if path.is_dir():
        raise SummaryWriteError(str(path), f"{path.name} is a folder, not a file name")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SummaryWriteError(str(path), "this account may not write there")


def write_pdf(summary: Summary, path: str | os.PathLike, *, paper: str = "a4") -> int:
    """Write the summary as a PDF on A4 or Letter, whole or not at all; return the number of pages.

    Raises SummaryWriteError, naming the folder, when it cannot be written.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper: expected one of: {', '.join(PAPERS)}, received {paper!r}")
    path = Path(path)
    _check_folder(path)
    save = QSaveFile(str(path))
    if not save.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SummaryWriteError(str(path), save.errorString() or "the file could not be opened")
    try:
        writer = QPdfWriter(save)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(summary.title)
        writer.setCreator("decision-aid")
        writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        count = paint_summary(summary, writer)
        del writer  # the PDF is complete once its painter has ended
    except BaseException:
        save.cancelWriting()
        save.commit()  # after cancelWriting this only removes the temporary file
        raise
    if not save.commit():  # a failed commit removes the temporary file itself
        raise SummaryWriteError(str(path), save.errorString() or "the file could not be written")
    return count
