"""Step 9: the discussion summary: a preview, the person's name if they want it, Print, Save as PDF, Start over.

The summary itself is built and typeset by ``decision_aid.summary`` (pure Python); this page shows its printed
pages (the same SVG pages the printer gets) and hands the buttons to the session view, which owns the dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...i18n import _
from ..help_panel import HelpPanel
from ..labels import Card, Heading
from ..reflow import row_of
from ..styling import named
from . import WORDS
from .base import StepPage

if TYPE_CHECKING:
    from ...answers import Answers

PREVIEW_DELAY_MS = 400  # after typing a name, redraw the preview once the person pauses


class PageView(QWidget):
    """One printed page, painted from the same SVG page the printer gets, as wide as the column; a sheet of paper
    (white, dark ink, a border) in every theme, so high contrast cannot turn it dark on dark."""

    def __init__(self, renderer, number: int, count: int):
        super().__init__()
        self.renderer = renderer
        self._pixmap: QPixmap | None = None
        self.setAccessibleName(_("Page {number} of {count} of your printed summary").format(number=number, count=count))
        size = renderer.viewBoxF().size()
        self._ratio = size.height() / size.width()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(200)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._ratio)

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(600))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._pixmap = None
        height = self.heightForWidth(self.width())
        if self.height() != height:
            self.setFixedHeight(height)

    def paintEvent(self, event) -> None:
        ratio = self.devicePixelRatioF()
        if self._pixmap is None or self._pixmap.size() != self.size() * ratio:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor("#ffffff"))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.renderer.render(painter, QRectF(0, 0, self.width(), self.height()))
            painter.end()
            self._pixmap = pixmap
        painter = QPainter(self)
        assert self._pixmap is not None  # made just above when missing
        painter.drawPixmap(0, 0, self._pixmap)
        painter.setPen(QPen(QColor("#6b7280"), 1))
        painter.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        painter.end()


class SummaryPreview(QWidget):
    """The summary as it will print: its real pages, one below the other; the page scrolls, not this box."""

    def __init__(self):
        super().__init__()
        self.setObjectName("summaryPreview")
        named(self, _("Summary preview"), _("What your printed summary will say"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self.pages: list[PageView] = []
        self._text = ""

    def show_pages(self, svgs: list[bytes], text: str) -> None:
        from ..summary_pdf import renderers

        for view in self.pages:
            self._layout.removeWidget(view)
            view.deleteLater()
        drawn = renderers(svgs)
        self.pages = [PageView(r, n, len(drawn)) for n, r in enumerate(drawn, start=1)]
        for view in self.pages:
            self._layout.addWidget(view)
        self._text = text
        self.setAccessibleDescription(text)

    def text(self) -> str:
        """The words on the pages, for a screen reader and for tests."""
        return self._text


class SummaryPage(StepPage):
    STEP, TITLE = WORDS["summary"]
    FIELDS = ("name",)

    def __init__(self, *, on_print: Callable[[], None], on_save_pdf: Callable[[], None] | None,
                 on_start_over: Callable[[], None], pdf_note: str | None = None, **kwargs):
        self._on_print = on_print
        self._pdf_note = pdf_note  # the kiosk says here what Save as PDF does, or why it is not offered
        self._on_save_pdf = on_save_pdf
        self._on_start_over = on_start_over
        super().__init__(**kwargs)

    def build(self) -> None:
        # Who to ask and what happens next, above the name: the person is about to leave the screen.
        self.help_panel = HelpPanel(session=self.session)
        self.scroll.add(self.help_panel)
        name_card = Card(role="card")
        name_card.body.addWidget(Heading(_("Your name (you can leave this empty)"), role="subheading"))
        self.name = named(QLineEdit(), _("Your name, printed on the summary (optional)"))
        self.name.setObjectName("summaryName")
        self.name.setMaxLength(120)
        self.name.textEdited.connect(self._name_edited)
        name_card.body.addWidget(self.name)
        self.scroll.add(name_card)

        self.print_button = named(QPushButton(_("Print")), _("Print the summary"))
        self.print_button.setObjectName("print")
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self._on_print)
        buttons = [self.print_button]
        self.pdf_button = None
        if self._on_save_pdf is not None:
            self.pdf_button = named(QPushButton(_("Save as PDF")), _("Save the summary as a PDF file"))
            self.pdf_button.setObjectName("savePdf")
            self.pdf_button.clicked.connect(self._on_save_pdf)
            buttons.append(self.pdf_button)
        self.start_over_button = named(QPushButton(_("Start over")), _("Start over: clear all answers"))
        self.start_over_button.setObjectName("startOverSummary")
        self.start_over_button.clicked.connect(self._on_start_over)
        buttons.append(self.start_over_button)
        self.scroll.add(row_of(*buttons))
        self.pdf_note = None
        if self._pdf_note:
            self.pdf_note = Heading(self._pdf_note, role="body")
            self.pdf_note.setObjectName("pdfNote")
            self.pdf_note.setAccessibleName(self._pdf_note)
            self.scroll.add(self.pdf_note)

        self.scroll.add(Heading(_("Preview"), role="heading"))
        self.preview = SummaryPreview()
        self.scroll.add(self.preview)
        self._previewed: Answers | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

    def _name_edited(self, text: str) -> None:
        self.session.set_name(name=text)

    def on_answers_changed(self, what: str) -> None:
        if what == "name":
            self._timer.start()  # typing: wait for a pause
        else:
            super().on_answers_changed(what)

    def refresh(self) -> None:
        name = self.session.answers.name or ""
        if " ".join(self.name.text().split()) != name:
            self.name.blockSignals(True)
            self.name.setText(name)
            self.name.blockSignals(False)
        self.update_preview()

    def update_preview(self) -> None:
        if self._previewed is self.session.answers:
            return
        from ...content.markup import html_to_text
        from ...summary import render_html
        from ..summary_pdf import svg_pages

        self._previewed = self.session.answers
        summary = self.session.summary()
        paper = getattr(self.session.clinic, "paper", None) or "a4"
        self.preview.show_pages(svg_pages(summary, paper=paper), " ".join(html_to_text(render_html(summary)).split()))
