"""Dialogs that show content to read: a full content page, the glossary, a glossary word, "About this aid".

They open without blocking (``open()``), are parented to the session's view so a reset closes them, and each has a
large Close button. Links inside them go back to the session view, which decides where they lead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from ..content.governance import SCREEN_DRAFT_NOTICE
from ..content.model import Content, Page
from ..i18n import _
from .content_view import ContentView
from .labels import Heading, RichText
from .reflow import row_of
from .scroll_column import ScrollColumn
from .styling import char_width, named


def _sort_key(word: str) -> str:
    """A to Z in any of the aid's languages: "ó" with "o", not after "z"."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


class ReaderDialog(QDialog):
    """A dialog with a title, a scrolling column of content and a row of buttons ending in Close."""

    def __init__(self, *, title: str, parent: QWidget, size_share: float = 0.8, draft: bool | str = False):
        """``draft``: the note under the title (``wording.draft_notice``); True for the content's own notice."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the window's font and palette
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        self.title = Heading(title, role="title")
        layout.addWidget(self.title)
        self.draft_note = None
        if draft:
            self.draft_note = Heading(draft if isinstance(draft, str) else _(SCREEN_DRAFT_NOTICE), role="caption")
            layout.addWidget(self.draft_note)
        self.body = ScrollColumn(name=_("{title}: text").format(title=title), max_chars=80, margins=(2, 4, 12, 8))
        layout.addWidget(self.body, 1)
        self.close_button = named(QPushButton(_("Close")), _("Close"))
        self.close_button.clicked.connect(self.reject)
        self.button_row = row_of(self.close_button, align_right=True)
        layout.addWidget(self.button_row)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.reject)
        top = parent.window() if parent is not None else None
        if top is not None and top.width() > 0:
            # No wider than the text column needs: a wide dialog would only be empty on the right.
            width = min(top.width() * size_share, char_width(self) * 84 + 120)
            self.resize(int(width), int(top.height() * size_share))

    def open(self) -> None:
        super().open()
        # Start on Close: Enter or Escape closes; Tab goes into the text (arrow keys then scroll it).
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_to_content(self) -> None:
        """As wide as a comfortable line (within the window), as tall as the words need. Call once shown."""
        self.ensurePolished()
        top = self.parentWidget().window() if self.parentWidget() is not None else None
        max_w = top.width() - 40 if top is not None else 900
        max_h = top.height() - 40 if top is not None else 700
        width = int(min(max_w, max(char_width(self) * 46, min(char_width(self) * 64, max_w * 0.6))))
        m = self.layout().contentsMargins()
        spacing = self.layout().spacing()
        inner = width - m.left() - m.right()
        height = m.top() + m.bottom() + 3 * spacing + 8
        height += max(0, self.title.heightForWidth(inner)) + max(0, self.button_row.heightForWidth(inner))
        # Measured beside a scroll bar: measured without one, wrapped text that only just fits gains a line once the
        # bar appears, and then it does not fit (at large text, the last line of a message was cut).
        bar = self.body.verticalScrollBar().sizeHint().width()
        height += max(0, self.body.widget().heightForWidth(inner - bar))
        if self.draft_note is not None:
            height += self.draft_note.heightForWidth(inner) + spacing
        self.resize(width, int(min(max_h, max(height, 160))))
        if top is not None and self.isWindow():
            # Qt centred it for its first size; keep it centred (and on the window) at its fitted size.
            centre = top.mapToGlobal(top.rect().center())
            self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)

    def add_button(self, text: str, slot: Callable[[], object], *, name: str = "") -> QPushButton:
        """A button before Close."""
        button = named(QPushButton(text), name or text)
        button.clicked.connect(slot)
        layout = self.button_row.layout()
        layout.insert_widget(layout.count() - 1, button)
        return button


class PageDialog(ReaderDialog):
    """A content page that is not a wizard step of its own: an option's full page, a note, "more detail"."""

    def __init__(self, *, page: Page, content: Content, on_link: Callable[[str], None], parent: QWidget,
                 draft: bool | str = False, extra: QWidget | None = None, tailored=None):
        super().__init__(title=page.title, parent=parent, draft=draft)
        self.page = page
        self.setObjectName(f"page:{page.id}")
        self.view = ContentView(page, content=content, on_link=on_link, view=tailored)
        self.body.add(self.view)
        if extra is not None:
            self.body.add(extra)
        self.body.layout_.addStretch(1)


class GlossaryPopup(ReaderDialog):
    """One glossary word and what it means, shown where the word was tapped."""

    def __init__(self, *, term_id: str, content: Content, on_link: Callable[[str], None],
                 show_all: Callable[[], object], parent: QWidget):
        term = content.glossary[term_id]
        super().__init__(title=term.term[:1].upper() + term.term[1:], parent=parent, size_share=0.5)
        self.term_id = term_id
        self.setObjectName(f"glossary:{term_id}")
        self.definition = RichText(term.definition_html, on_link=on_link,
                                   name=_("{term}: meaning").format(term=term.term))
        self.body.add(self.definition)
        self.body.layout_.addStretch(1)
        self.add_button(_("All words"), show_all, name=_("All words: show every glossary word"))

    def open(self) -> None:
        super().open()
        self.fit_to_content()


class GlossaryDialog(ReaderDialog):
    """Every glossary word, A to Z, with what it means."""

    def __init__(self, *, content: Content, on_link: Callable[[str], None], parent: QWidget):
        super().__init__(title=_("Glossary: words and what they mean"), parent=parent)
        self.setObjectName("glossary")
        self.entries = {}
        for term_id, term in sorted(content.glossary.items(), key=lambda kv: _sort_key(kv[1].term)):
            entry = QWidget()
            layout = QVBoxLayout(entry)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(2)  # a word and its meaning belong together
            layout.addWidget(Heading(term.term[:1].upper() + term.term[1:], role="subheading"))
            text = RichText(term.definition_html, on_link=on_link, name=_("{term}: meaning").format(term=term.term))
            layout.addWidget(text)
            self.body.add(entry)
            self.entries[term_id] = text
        self.body.layout_.addStretch(1)
