"""Text on a page: headings and content HTML that wrap (remembering their height for each width), and the framed
card that holds a block of them."""

# Qt's camelCase names are overridden throughout this module.


from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..i18n import _
from .styling import colour_property, set_role
from .theme import LIGHT

# Events after which a label's wrapped height may differ (QLabel itself redoes its layout on these).
_RELAYOUT_EVENTS = frozenset({QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange,
                              QEvent.Type.ContentsRectChange, QEvent.Type.LayoutDirectionChange})
_KEEP_HEIGHTS = 32  # widths remembered at most: layouts ask for the same few


class _RememberedHeights(QLabel):
    """A wrapping QLabel that remembers its height for each width until its text, font or style changes.

    QLabel lays its whole text out again at every ``heightForWidth`` call (twice for rich text: at the width asked,
    then back at its own), and layouts ask for the same few widths over and over: when a page is first shown, when
    it is laid out in advance, on every resize. The answer for a width only changes with what QLabel itself lays
    out again on (its setters, wrapped below, and ``_RELAYOUT_EVENTS``), so it is kept until then. (Keyed by the label's
    settings instead, each question would cost a copy of the text: 20 µs, against 0.05 µs for a look-up.)
    """

    def __init__(self, *args):
        self._heights: dict[int, int] = {}
        super().__init__(*args)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _KEEP_HEIGHTS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:
        if event.type() in _RELAYOUT_EVENTS:
            self._heights.clear()
        super().changeEvent(event)


def _forgetting_heights(name: str):
    """QLabel's setter ``name``, forgetting the remembered heights first."""
    qt_setter = getattr(QLabel, name)

    def setter(self, *args) -> None:
        self._heights.clear()
        qt_setter(self, *args)

    setter.__name__ = setter.__qualname__ = name
    return setter


# The setters after which QLabel lays its text out again.
for _name in ("setText", "setWordWrap", "setTextFormat", "setAlignment", "setIndent", "setMargin",
              "setContentsMargins"):
    setattr(_RememberedHeights, _name, _forgetting_heights(_name))


class Heading(_RememberedHeights):
    """A plain-text heading that wraps. ``role`` is title, heading, subheading or caption."""

    def __init__(self, text: str, *, role: str = "heading", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        set_role(self, role)
        if role in ("title", "heading", "subheading"):
            self.setAccessibleName(text)


class RichText(_RememberedHeights):
    """Content HTML (already rendered and safe) whose links work by mouse, touch and keyboard.

    Links are ``glossary:<term>`` and ``page:<id>``; ``on_link`` decides what they do.
    """

    def __init__(self, html: str, *, on_link: Callable[[str], None] | None = None, name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._colours = {"link": QColor(LIGHT.link), "linkFocus": QColor(LIGHT.accent),
                         "linkFocusText": QColor(LIGHT.accent_text)}
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self._name = name
        self._html = ""
        if on_link is not None:
            self.linkActivated.connect(on_link)
        self.set_html(html)

    link = colour_property("link")
    linkFocus = colour_property("linkFocus")
    linkFocusText = colour_property("linkFocusText")

    def _colours_changed(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Link, self._colours["link"])
        palette.setColor(QPalette.ColorRole.Highlight, self._colours["linkFocus"])
        palette.setColor(QPalette.ColorRole.HighlightedText, self._colours["linkFocusText"])
        self.setPalette(palette)
        if self._html:
            self._render()

    def _render(self, html: str | None = None) -> None:
        colour = self._colours["link"].name()
        shown = self._html if html is None else html
        self.setText(demote_headings(shown).replace("<a ", f'<a style="color:{colour}" '))

    def show_instead(self, html: str | None) -> None:
        """Show ``html`` (the same text, marked: read-aloud marks the sentence it reads) in place of the text, which
        stays what ``html()`` gives; None shows the text again."""
        self._render(html)

    def set_html(self, html: str) -> None:
        self._html = html
        self._render()
        has_links = "<a " in html
        flags = Qt.TextInteractionFlag.NoTextInteraction
        if has_links:
            flags = Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        self.setTextInteractionFlags(flags)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if has_links else Qt.FocusPolicy.NoFocus)
        plain = " ".join(_strip_tags(html).split())
        self.setAccessibleName(self._name or plain[:80] or _("Text"))
        self.setAccessibleDescription(plain)  # whole: a screen reader must not lose the end of a long text

    def html(self) -> str:
        return self._html


def demote_headings(html: str) -> str:
    """Content headings one level down (h2 shows as h3 …): on screen the page title is the one big heading."""
    for level in (5, 4, 3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
    return html


def _strip_tags(html: str) -> str:
    from ..content.markup import html_to_text

    return html_to_text(html)


class Card(QFrame):
    """A framed block: role card (plain), lead (the lead message) or flag (the kind "not yet sure" note)."""

    def __init__(self, *, role: str = "card", parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        set_role(self, role)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 14)
        self.body.setSpacing(spacing)
