"""Answer buttons: the whole rectangle answers a tap, the words wrap, and a chosen answer is marked by more than
colour. ``ChoiceButton`` is one of several, ``ChoiceCheck`` any of several."""

# Qt's camelCase names are overridden throughout this module.

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QCheckBox, QRadioButton, QSizePolicy, QWidget

from .styling import MIN_TARGET, char_width, colour_property
from .theme import LIGHT

# The mixin is only ever mixed into a button (ChoiceButton, ChoiceCheck): mypy checks it as one.
if TYPE_CHECKING:
    _Button = QAbstractButton
else:
    _Button = object


class _ChoicePainting(_Button):
    """Shared by ChoiceButton (one of several) and ChoiceCheck (any of several), with the colours the style sheet
    sets on both.

    The whole rectangle answers a tap (a stretched standard radio button only answers on its indicator and text),
    the text wraps instead of being clipped, and a chosen answer shows a filled dot or tick and a thicker outline,
    so meaning never rests on colour alone.
    """

    PAD_X, PAD_Y, GAP = 14, 10, 12
    ROUND = False  # a dot (round) or a tick box
    can_compact: bool  # set by each kind of button

    surface = colour_property("surface")
    chosen = colour_property("chosen")
    ink = colour_property("ink")
    edge = colour_property("edge")
    accent = colour_property("accent")
    mark = colour_property("mark")
    ring = colour_property("ring")
    muted = colour_property("muted")

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

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.COMPACT:
            return max(MIN_TARGET + 4, self._indicator() + self._text_height(width) + 2 * self.PAD_Y + 6)
        return max(MIN_TARGET + 4, self._text_height(width) + 2 * self.PAD_Y, self._indicator() + 2 * self.PAD_Y)

    def sizeHint(self) -> QSize:
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

    def minimumSizeHint(self) -> QSize:
        width = self.min_width(compact=self.COMPACT)
        return QSize(width, self.heightForWidth(width))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def _colours_changed(self) -> None:
        self.update()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
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

    def __init__(self, text: str, parent: QWidget | None = None, *, compact: bool = False):
        QRadioButton.__init__(self, text, parent)
        self.can_compact = self.COMPACT = compact  # compact only while side by side (see ChoiceRowLayout)
        self._setup(text)


class ChoiceCheck(_ChoicePainting, QCheckBox):
    """One answer that can be ticked along with others."""

    ROUND = False

    def __init__(self, text: str, parent: QWidget | None = None):
        QCheckBox.__init__(self, text, parent)
        self.can_compact = False
        self._setup(text)


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
