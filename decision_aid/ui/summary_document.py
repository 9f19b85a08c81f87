"""The summary as a QTextDocument: the on-screen preview, the PDF and the printout all come from this one document.

The template's ``<img src="iconarray:…">`` and ``<img src="scale:…">`` placeholders are swapped for custom text
objects drawn as vectors (``paint_icon_array``), so pictures stay sharp at any zoom and on paper: QTextDocument
drops inline SVG, and images would be raster.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QRect, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ..summary.model import Summary
from ..summary.render import ICON_ARRAY_SCHEME, SCALE_MAX, SCALE_SCHEME, render_html
from .fonts import app_font, load_fonts
from .icon_array import AFFECTED, UNAFFECTED_FILL, UNAFFECTED_LINE, paint_icon_array

ICON_ARRAY_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
SCALE_OBJECT = QTextFormat.ObjectTypes.UserObject + 2
VALUE_PROPERTY = QTextFormat.Property.UserProperty + 1
SIZE_PROPERTY = QTextFormat.Property.UserProperty + 2
BASE_POINT_SIZE = 10.0


@functools.lru_cache(maxsize=1)
def font_family() -> str:
    """The shipped font, registered once per process (with no font, Qt would draw no text at all)."""
    return load_fonts()


class _PictureObject(QPyTextObject):
    """Draws the icon arrays and rating bars of the summary as vectors, at the size the template gave them."""

    def intrinsicSize(self, doc, pos_in_document, fmt) -> QSizeF:  # Qt's name
        size = fmt.property(SIZE_PROPERTY)
        return size if isinstance(size, QSizeF) else QSizeF(80, 80)

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc, pos_in_document, fmt) -> None:
        value = float(fmt.property(VALUE_PROPERTY) or 0)
        area = QRectF(rect)
        if fmt.objectType() == ICON_ARRAY_OBJECT:
            paint_icon_array(painter, area, value)
        else:
            _paint_scale(painter, area, int(value))


def _paint_scale(painter: QPainter, rect: QRectF, rating: int) -> None:
    """Four small boxes, ``rating`` of them filled: solid for "on", outline for "off" (not colour alone)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    step = rect.width() / SCALE_MAX
    side = min(step * 0.85, rect.height())
    top = rect.top() + (rect.height() - side) / 2
    for i in range(SCALE_MAX):
        box = QRectF(rect.left() + i * step + 0.5, top + 0.5, side - 1, side - 1)
        if i < rating:
            painter.setPen(QPen(AFFECTED, 1))
            painter.setBrush(AFFECTED)
        else:
            painter.setPen(QPen(UNAFFECTED_LINE, 1))
            painter.setBrush(QColor(UNAFFECTED_FILL))
        painter.drawRoundedRect(box, side * 0.18, side * 0.18)
    painter.restore()


def _swap_placeholders(doc: QTextDocument) -> None:
    """Replace the template's image placeholders by vector objects carrying their value and size."""
    found = []
    block = doc.begin()
    while block.isValid():
        for fr in block.textFormats():
            fmt = fr.format
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                name = image.name()
                for scheme, kind in ((ICON_ARRAY_SCHEME, ICON_ARRAY_OBJECT), (SCALE_SCHEME, SCALE_OBJECT)):
                    if name.startswith(scheme):
                        size = QSizeF(image.width(), image.height())
                        found.append((block.position() + fr.start, fr.length, kind, float(name[len(scheme):]), size))
        block = block.next()
    cursor = QTextCursor(doc)
    for position, length, kind, value, size in reversed(found):
        fmt = QTextCharFormat()
        fmt.setObjectType(kind)
        fmt.setProperty(VALUE_PROPERTY, value)
        fmt.setProperty(SIZE_PROPERTY, size)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("\ufffc" * length, fmt)


def make_summary_document(summary: Summary, *, for_print: bool = False, parent=None) -> QTextDocument:
    """The summary as a QTextDocument with vector pictures.

    ``for_print``: laid out in CSS pixels (1/96 inch) with design metrics, so pages break the same on every screen;
    the footer is left to the page footers that ``summary_pdf`` draws on each page.
    """
    doc = QTextDocument(parent)
    doc.setDefaultFont(app_font(font_family(), BASE_POINT_SIZE))
    handler = _PictureObject(doc)
    layout = doc.documentLayout()
    layout.registerHandler(ICON_ARRAY_OBJECT, handler)
    layout.registerHandler(SCALE_OBJECT, handler)
    # a handler Python lets go of would be freed under Qt's feet: the document keeps it, as a Python attribute
    doc._picture_handler = handler  # type: ignore[attr-defined]
    if for_print:
        doc.setUseDesignMetrics(True)
    doc.setHtml(render_html(summary, for_qt=True, for_print=for_print))
    _swap_placeholders(doc)
    doc.setModified(False)
    return doc
