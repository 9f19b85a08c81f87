"""The summary's QTextDocument (preview, PDF, print): vector pictures in place of the placeholders, and printing with
no printer saying so instead of failing quietly."""

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QTextFormat
from PySide6.QtPrintSupport import QPrinter

from decision_aid.summary import build_summary
from decision_aid.ui import printing
from decision_aid.ui.summary_document import (
    ICON_ARRAY_OBJECT,
    SCALE_OBJECT,
    SIZE_PROPERTY,
    VALUE_PROPERTY,
    make_summary_document,
)
from summary_cases import CLINIC, TODAY, TYPICAL


@pytest.fixture
def summary(qapp, summary_content):
    return build_summary(content=summary_content, answers=TYPICAL, clinic=CLINIC, today=TODAY)


def objects(doc):
    found = []
    block = doc.begin()
    while block.isValid():
        for fr in block.textFormats():
            if fr.format.objectType() in (ICON_ARRAY_OBJECT, SCALE_OBJECT):
                found.append((fr.format.objectType(), fr.format.property(VALUE_PROPERTY),
                              fr.format.property(SIZE_PROPERTY)))
        block = block.next()
    return found


def test_placeholders_become_vector_objects(summary):
    doc = make_summary_document(summary)
    found = objects(doc)
    arrays = [(v, s) for kind, v, s in found if kind == ICON_ARRAY_OBJECT]
    scales = [v for kind, v, s in found if kind == SCALE_OBJECT]
    assert [v for v, s in arrays] == [39.8, 16.3, 67.9, 68.4, 16.0, 5.0]
    assert all(s == QSizeF(72, 72) for v, s in arrays)
    assert scales == [4.0, 3.0, 2.0, 3.0, 4.0, 1.0]
    assert not any(fr.format.isImageFormat() for b in _blocks(doc) for fr in b.textFormats())
    assert doc.documentLayout().handlerForObject(ICON_ARRAY_OBJECT) is not None


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_the_preview_has_the_footer_and_the_print_version_leaves_it_to_the_pages(summary):
    assert "Not medical advice." in make_summary_document(summary).toPlainText()
    assert "Not medical advice." not in make_summary_document(summary, for_print=True).toPlainText()


def test_the_preview_draws_the_pictures(summary):
    doc = make_summary_document(summary)
    doc.setTextWidth(700)
    image = QImage(700, int(doc.size().height()) + 1, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    dark_blue = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                    if image.pixelColor(x, y).name() == "#1f3f73")
    assert dark_blue > 200  # the filled figures and rating boxes


def test_no_printer_says_so_and_offers_nothing_else(summary, monkeypatch):
    told = []
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    assert printing.print_summary(summary, None, tell=lambda parent, title, text: told.append((title, text))) is False
    assert told == [(printing.NO_PRINTER_TITLE, printing.NO_PRINTER)]
    assert "save it as a PDF" in printing.NO_PRINTER


def test_a_printer_that_is_really_a_nameless_pdf_is_refused(summary):
    told = []
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert printing.print_to(summary, printer, tell=lambda *a: told.append(a[1])) is False
    assert told == [printing.NO_PRINTER_TITLE]


def test_object_ids_do_not_clash_with_qt():
    assert QTextFormat.ObjectTypes.UserObject < ICON_ARRAY_OBJECT
    assert SCALE_OBJECT != ICON_ARRAY_OBJECT
