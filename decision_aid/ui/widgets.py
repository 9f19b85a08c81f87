"""Small widgets every page uses: rich text with working links, headings, cards, answer buttons that wrap their
text and are easy to touch, and layouts that reflow when the text grows."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Property, QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from .theme import LIGHT

MIN_TARGET = 44  # px: the smallest touch target


def colour_property(name: str) -> Property:
    """A colour the style sheet sets (``qproperty-<name>``): custom-painted widgets take the theme's colours from the
    style sheet, because a style sheet stops the palette from reaching them."""

    def get(self) -> QColor:
        return self._colours[name]

    def set_(self, colour) -> None:
        self._colours[name] = QColor(colour)
        self._colours_changed()

    return Property(QColor, get, set_)


def char_width(widget: QWidget) -> float:
    """The width of an average lower-case letter in the widget's font: line lengths are counted in these."""
    return widget.fontMetrics().horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a widget the name a screen reader says; every focusable control gets one."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def set_role(widget: QWidget, role: str) -> QWidget:
    """The style sheet picks colours and sizes by role (title, heading, card, flag …)."""
    widget.setProperty("role", role)
    return widget


# Events after which a label's wrapped height may differ (QLabel itself redoes its layout on these).
_RELAYOUT_EVENTS = frozenset({QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange,
                              QEvent.Type.ContentsRectChange, QEvent.Type.LayoutDirectionChange})


class _RememberedHeights:
    """A wrapping QLabel that remembers its height for each width until its text, font or style changes.

    QLabel lays its whole text out again at every ``heightForWidth`` call (twice for rich text: at the width asked,
    then back at its own), and layouts ask for the same few widths over and over: when a page is first shown, when
    it is laid out in advance, on every resize. The answer for a width only changes with what QLabel itself lays
    out again on (the setters below and ``_RELAYOUT_EVENTS``), so it is kept until then.
    """

    _heights: dict

    def _forget_heights(self) -> None:
        self._heights = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        try:
            return self._heights[width]
        except KeyError:
            pass
        except AttributeError:
            self._heights = {}
        height = QLabel.heightForWidth(self, width)
        if len(self._heights) >= 32:
            self._heights.clear()
        self._heights[width] = height
        return height

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in _RELAYOUT_EVENTS:
            self._heights = {}
        super().changeEvent(event)

    def setText(self, text: str) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setText(self, text)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setWordWrap(self, on)

    def setTextFormat(self, text_format) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setTextFormat(self, text_format)

    def setAlignment(self, alignment) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setAlignment(self, alignment)

    def setIndent(self, indent: int) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setIndent(self, indent)

    def setMargin(self, margin: int) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setMargin(self, margin)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802
        self._heights = {}
        QLabel.setContentsMargins(self, *margins)


class Heading(_RememberedHeights, QLabel):
    """A plain-text heading that wraps. ``role`` is title, heading, subheading or caption."""

    def __init__(self, text: str, *, role: str = "heading", parent: QWidget | None = None):
        self._heights = {}
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        set_role(self, role)
        if role in ("title", "heading", "subheading"):
            self.setAccessibleName(text)


class RichText(_RememberedHeights, QLabel):
    """Content HTML (already rendered and safe) whose links work by mouse, touch and keyboard.

    Links are ``glossary:<term>`` and ``page:<id>``; ``on_link`` decides what they do.
    """

    def __init__(self, html: str, *, on_link: Callable[[str], None] | None = None, name: str = "",
                 parent: QWidget | None = None):
        self._heights = {}
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
    linkFocus = colour_property("linkFocus")  # noqa: N815 (a Qt property name)
    linkFocusText = colour_property("linkFocusText")  # noqa: N815

    def _colours_changed(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Link, self._colours["link"])
        palette.setColor(QPalette.ColorRole.Highlight, self._colours["linkFocus"])
        palette.setColor(QPalette.ColorRole.HighlightedText, self._colours["linkFocusText"])
        self.setPalette(palette)
        if self._html:
            self._render()

    def _render(self) -> None:
        colour = self._colours["link"].name()
        self.setText(demote_headings(self._html).replace("<a ", f'<a style="color:{colour}" '))

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
        self.setAccessibleName(self._name or plain[:80] or "Text")
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


# -- answer buttons ------------------------------------------------------------------------------------------------

class _ChoicePainting:
    """Shared by ChoiceButton (one of several) and ChoiceCheck (any of several).

    The whole rectangle answers a tap (a stretched standard radio button only answers on its indicator and text),
    the text wraps instead of being clipped, and a chosen answer shows a filled dot or tick and a thicker outline,
    so meaning never rests on colour alone.
    """

    PAD_X, PAD_Y, GAP = 14, 10, 12
    ROUND = False  # a dot (round) or a tick box

    def _setup(self, text: str) -> None:
        t = LIGHT
        self._colours = {name: QColor(value) for name, value in (
            ("surface", t.surface), ("chosen", t.chosen), ("ink", t.text), ("edge", t.border),
            ("accent", t.accent), ("mark", t.accent_text), ("ring", t.focus), ("muted", t.muted))}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setAccessibleName(text)

    COMPACT = False  # compact: the dot above the words, centred (a rating scale's five answers in a row)

    def _indicator(self) -> int:
        return max(22, round(self.fontMetrics().height() * 0.95))

    def _text_width(self, width: int) -> int:
        if self.COMPACT:
            return max(1, width - 2 * self.PAD_Y)
        return max(1, width - 2 * self.PAD_X - self._indicator() - self.GAP)

    def _text_height(self, width: int) -> int:
        # Measured in bold: a chosen answer is drawn bold, and choosing must never make its words spill out.
        bold = QFont(self.font())
        bold.setBold(True)
        rect = QFontMetrics(bold).boundingRect(QRect(0, 0, self._text_width(width), 100000),
                                               int(Qt.TextFlag.TextWordWrap), self.text())
        return rect.height()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self.COMPACT:
            return max(MIN_TARGET + 4, self._indicator() + self._text_height(width) + 2 * self.PAD_Y + 6)
        return max(MIN_TARGET + 4, self._text_height(width) + 2 * self.PAD_Y, self._indicator() + 2 * self.PAD_Y)

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        if self.COMPACT:
            width = self.minimumSizeHint().width()
        else:
            width = fm.horizontalAdvance(self.text()) + 2 * self.PAD_X + self._indicator() + self.GAP + 4
            width = min(width, round(char_width(self) * 60))
        return QSize(width, self.heightForWidth(width))

    def min_width(self, *, compact: bool) -> int:
        bold = QFont(self.font())
        bold.setBold(True)  # a chosen answer is bold: leave room for it, so choosing never clips a word
        fm = QFontMetrics(bold)
        longest = max((fm.horizontalAdvance(w) for w in self.text().split()), default=0)
        if compact:
            return max(MIN_TARGET + 4, longest + 2 * self.PAD_Y + 4)
        return max(MIN_TARGET + 4, longest + 2 * self.PAD_X + self._indicator() + self.GAP + 4)

    def set_compact(self, compact: bool) -> None:
        compact = compact and self.can_compact
        if compact != self.COMPACT:
            self.COMPACT = compact
            self.update()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        width = self.min_width(compact=self.COMPACT)
        return QSize(width, self.heightForWidth(width))

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802
        return self.rect().contains(pos)

    def _colours_changed(self) -> None:
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        c = self._colours
        checked = self.isChecked()
        enabled = self.isEnabled()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(self.rect()).adjusted(2.5, 2.5, -2.5, -2.5)
        # Background and outline: chosen answers get a tinted fill and a thick accent outline.
        painter.setBrush(c["chosen"] if checked else c["surface"])
        painter.setPen(QPen(c["accent"] if checked else c["edge"], 3 if checked else (2 if self.underMouse() else 1.5)))
        painter.drawRoundedRect(outer, 8, 8)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(c["ring"], 3.5))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.75, 1.75, -1.75, -1.75), 9, 9)
        # The indicator: a circle with a dot, or a box with a tick.
        size = self._indicator()
        if self.COMPACT:
            box = QRectF((self.width() - size) / 2, self.PAD_Y + 2, size, size)
        else:
            box = QRectF(self.PAD_X, (self.height() - size) / 2, size, size)
        text_colour = c["ink"] if enabled else c["muted"]
        accent = c["accent"]
        painter.setPen(QPen(accent if checked else text_colour, 2.2))
        painter.setBrush(c["surface"])
        if self.ROUND:
            painter.drawEllipse(box.adjusted(1, 1, -1, -1))
            if checked:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawEllipse(box.adjusted(size * 0.26, size * 0.26, -size * 0.26, -size * 0.26))
        else:
            if checked:
                painter.setBrush(accent)
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 4, 4)
            if checked:
                tick = QPainterPath()
                tick.moveTo(box.left() + size * 0.24, box.top() + size * 0.52)
                tick.lineTo(box.left() + size * 0.43, box.top() + size * 0.72)
                tick.lineTo(box.left() + size * 0.78, box.top() + size * 0.3)
                pen = QPen(c["mark"], max(2.5, size * 0.13))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(tick)
        # The words, wrapped.
        if self.COMPACT:
            top = self.PAD_Y + size + 8
            text_rect = QRect(self.PAD_Y, top, self._text_width(self.width()), self.height() - top - self.PAD_Y)
            align = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
        else:
            left = self.PAD_X + size + self.GAP
            text_rect = QRect(left, self.PAD_Y, self._text_width(self.width()), self.height() - 2 * self.PAD_Y)
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        font = self.font()
        font.setBold(checked)
        painter.setFont(font)
        painter.setPen(text_colour)
        painter.drawText(text_rect, int(align | Qt.TextFlag.TextWordWrap), self.text())
        painter.end()


class ChoiceButton(_ChoicePainting, QRadioButton):
    """One answer among several (exclusive within its button group)."""

    ROUND = True

    surface = colour_property("surface")
    chosen = colour_property("chosen")
    ink = colour_property("ink")
    edge = colour_property("edge")
    accent = colour_property("accent")
    mark = colour_property("mark")
    ring = colour_property("ring")
    muted = colour_property("muted")

    def __init__(self, text: str, parent: QWidget | None = None, *, compact: bool = False):
        QRadioButton.__init__(self, text, parent)
        self.can_compact = self.COMPACT = compact  # compact only while side by side (see ChoiceRowLayout)
        self._setup(text)


class ChoiceCheck(_ChoicePainting, QCheckBox):
    """One answer that can be ticked along with others."""

    ROUND = False

    surface = colour_property("surface")
    chosen = colour_property("chosen")
    ink = colour_property("ink")
    edge = colour_property("edge")
    accent = colour_property("accent")
    mark = colour_property("mark")
    ring = colour_property("ring")
    muted = colour_property("muted")

    def __init__(self, text: str, parent: QWidget | None = None):
        QCheckBox.__init__(self, text, parent)
        self.can_compact = False
        self._setup(text)



# -- layouts that reflow ---------------------------------------------------------------------------------------------

class _ReflowLayout(QLayout):
    """A layout that keeps its own items and is as tall as its width makes it: subclasses give ``_arrange``."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, True)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        raise NotImplementedError


class ChoiceRowLayout(_ReflowLayout):
    """Answers side by side in equal columns when they fit, one under the other when they do not."""

    def _visible(self):
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _min_width(item, compact: bool) -> int:
        widget = item.widget()
        if isinstance(widget, _ChoicePainting):
            return widget.min_width(compact=compact and widget.can_compact)
        return item.minimumSize().width()

    def _side_by_side(self, width: int) -> bool:
        items = self._visible()
        if not items:
            return True
        need = max(self._min_width(i, True) for i in items) * len(items) + self._spacing * (len(items) - 1)
        return width >= need

    def _set_compact(self, items, compact: bool) -> None:
        for item in items:
            widget = item.widget()
            if isinstance(widget, _ChoicePainting):
                widget.set_compact(compact)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        items = self._visible()
        m = self.contentsMargins()
        x, y = rect.x() + m.left(), rect.y() + m.top()
        width = rect.width() - m.left() - m.right()
        if not items:
            return 0
        side = self._side_by_side(width)
        self._set_compact(items, side)
        if side:
            n = len(items)
            column = (width - self._spacing * (n - 1)) // n
            height = max(i.heightForWidth(column) if i.hasHeightForWidth() else i.sizeHint().height() for i in items)
            if apply:
                for k, item in enumerate(items):
                    item.setGeometry(QRect(x + k * (column + self._spacing), y, column, height))
            return height + m.top() + m.bottom()
        top = y
        for item in items:
            h = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
            if apply:
                item.setGeometry(QRect(x, y, width, h))
            y += h + self._spacing
        return y - self._spacing - top + m.top() + m.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802
        items = self._visible()
        if not items:
            return QSize(0, 0)
        width = sum(i.sizeHint().width() for i in items) + self._spacing * (len(items) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:  # noqa: N802
        items = self._visible()
        if not items:
            return QSize(0, 0)
        width = max(self._min_width(i, False) for i in items)
        return QSize(width, self.heightForWidth(width))


class FlowLayout(_ReflowLayout):
    """Items left to right, wrapping onto new lines (toolbar buttons, pictures of 100 people)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10, align_right: bool = False):
        super().__init__(parent, spacing=spacing)
        self._align_right = align_right

    def insert_widget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line."""
        items = [i for i in self._items if not i.isEmpty()]
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in items) + self._spacing * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        left, right = rect.x() + m.left(), rect.right() - m.right()
        lines: list[list] = [[]]
        x = left
        for item in self._items:
            if item.isEmpty():
                continue
            w = min(item.sizeHint().width(), right - left + 1)
            if lines[-1] and x + w - 1 > right:
                lines.append([])
                x = left
            lines[-1].append((item, w))
            x += w + self._spacing
        y = rect.y() + m.top()
        for line in lines:
            if not line:
                continue
            height = max(it.heightForWidth(w) if it.hasHeightForWidth() else it.sizeHint().height()
                         for it, w in line)
            x = left
            if self._align_right:
                x = right + 1 - (sum(w for _, w in line) + self._spacing * (len(line) - 1))
            for item, w in line:
                if apply:
                    item.setGeometry(QRect(x, y, w, height))
                x += w + self._spacing
            y += height + self._spacing
        return y - self._spacing - rect.y() + m.bottom() if any(lines) else 0


def row_of(*widgets: QWidget, parent: QWidget | None = None, spacing: int = 10, align_right: bool = False) -> QWidget:
    """Widgets in a FlowLayout: side by side, wrapping when the text is large."""
    holder = QWidget(parent)
    layout = FlowLayout(holder, spacing=spacing, align_right=align_right)
    for w in widgets:
        layout.addWidget(w)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


class ScrollColumn(QScrollArea):
    """A page's scrolling body: one centred column no wider than a comfortable line of text.

    ``max_chars`` (average characters per line) keeps lines readable; None lets the column use the whole width.
    """

    def __init__(self, *, name: str, max_chars: int | None = 80, margins: tuple = (24, 12, 24, 24),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        named(self, name, "Use the arrow keys or Page Up and Page Down to scroll.")
        self._max_chars = max_chars
        host = QWidget()
        host.setObjectName("pageColumnHost")
        outer = QVBoxLayout(host)
        outer.setContentsMargins(*margins)
        self.column = QWidget(host)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.column.setSizePolicy(policy)
        self.layout_ = QVBoxLayout(self.column)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(16)
        # Not an alignment flag: an aligned item is laid out at its size hint while its height is computed for the
        # whole width, so wrapped text would be cut. A row with a stretch gives the column its real width.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.column, 1)
        row.addStretch(0)
        outer.addLayout(row)
        outer.addStretch(1)
        self.setWidget(host)
        host.installEventFilter(self)
        self._fit_width()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # QScrollArea resizes its widget only on its own resize or layout request, not when the content grows
        # later (a page filled in after it was shown): pass the content's layout request on.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(watched, event)

    def _fit_width(self) -> None:
        if self._max_chars:
            self.column.setMaximumWidth(round(char_width(self.column) * self._max_chars))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_width()
        super().changeEvent(event)

    def settle(self) -> None:
        """Lay the content out now, not a few turns of the event loop later (no squashed frame on arrival)."""
        self.column.layout().activate()
        self.widget().layout().activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.layout_.addWidget(widget, stretch)
        return widget

    def show_widget(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (inside this column) starts at the top of the view."""
        self.settle()
        self._scroll_to(widget)
        # A page built just now may still be finding the height of its wrapped text: look again once it has.
        QTimer.singleShot(0, self, lambda: self._scroll_to(widget))

    def _scroll_to(self, widget: QWidget) -> None:
        if shiboken6.isValid(widget) and self.widget().isAncestorOf(widget):
            top = widget.mapTo(self.widget(), QPoint(0, 0)).y()
            self.verticalScrollBar().setValue(max(0, top - 8))


def set_group_checked(group: QButtonGroup, button) -> None:
    """Check ``button`` in an exclusive group, or clear the group when ``button`` is None."""
    group.blockSignals(True)
    for b in group.buttons():
        b.blockSignals(True)
    if button is None:
        group.setExclusive(False)
        for b in group.buttons():
            b.setChecked(False)
        group.setExclusive(True)
    else:
        button.setChecked(True)
    for b in group.buttons():
        b.blockSignals(False)
    group.blockSignals(False)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


__all__ = [
    "Card", "ChoiceButton", "ChoiceCheck", "ChoiceRowLayout", "FlowLayout", "Heading", "MIN_TARGET",
    "RichText", "ScrollColumn", "char_width", "clear_layout", "colour_property", "named", "row_of", "set_group_checked",
    "set_role",
]
