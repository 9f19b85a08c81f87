"""SessionDialogs: the windows a session opens over itself to read (a word's meaning, the glossary, About, a page
of the content). They never block; they are kept so that they follow the display and close with the session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ..content.model import Content, Page
from ..tailoring import TailoredView
from .wording import draft_notice


class SessionDialogs:
    def __init__(self, *, content: Content, parent: QWidget, on_link: Callable[[str], None],
                 on_open: Callable[[QWidget], None] | None = None):
        """``on_open(dialog)`` is called for each dialog before it opens (touch scrolling, screen readers)."""
        self.content = content
        self._parent = parent
        self._on_link = on_link
        self._on_open = on_open
        self.open: list[QWidget] = []

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._on_open is not None:
            self._on_open(dialog)
        self.open.append(dialog)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._forget(d))
        dialog.finished.connect(lambda _=0, d=dialog: self._forget(d))
        dialog.open()
        return dialog

    def _forget(self, dialog) -> None:
        if dialog in self.open:
            self.open.remove(dialog)

    def _close(self, dialog) -> None:
        self._forget(dialog)
        dialog.close()

    def close_all(self) -> None:
        for dialog in list(self.open):
            self._close(dialog)

    def show_glossary(self, *, term_id: str | None = None) -> QWidget:
        """One word's meaning (a small popup), or the whole glossary (which replaces any popup)."""
        from .reader import GlossaryDialog, GlossaryPopup

        if term_id is None:
            for dialog in [d for d in self.open if isinstance(d, GlossaryPopup)]:
                self._close(dialog)
            return self._open(GlossaryDialog(content=self.content, on_link=self._on_link, parent=self._parent))
        return self._open(GlossaryPopup(term_id=term_id, content=self.content, on_link=self._on_link,
                                        show_all=lambda: self.show_glossary(), parent=self._parent))

    def show_about(self) -> QWidget:
        from .about import AboutDialog

        return self._open(AboutDialog(content=self.content, on_link=self._on_link, parent=self._parent))

    def show_page(self, page: Page, *, extra: QWidget | None, tailored: TailoredView) -> QWidget:
        """A page of the content to read (an option, a note, a detail), as ``tailored`` shows it for this person,
        with ``extra`` below it, and its own "Read this page to me" control."""
        from .read_aloud import attach_to_dialog
        from .reader import PageDialog

        self.close_all()
        dialog = PageDialog(page=page, content=self.content, on_link=self._on_link, parent=self._parent,
                            draft=draft_notice(self.content), extra=extra, tailored=tailored)
        attach_to_dialog(dialog)
        return self._open(dialog)
