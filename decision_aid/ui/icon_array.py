"""IconArray: 100 figures, the affected ones filled dark from the bottom, the rest drawn pale and hollow.

Meaning never rests on colour alone: affected figures are solid, the others are outlines. (The printed summary
draws its own, with the same colours: ``decision_aid.summary``.)
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import iconarray
from ..i18n import _

AFFECTED = QColor("#1f3f73")  # dark blue: contrast 10:1 on white
UNAFFECTED_FILL = QColor("#ffffff")
UNAFFECTED_LINE = QColor("#6b7280")  # grey outline: 4.8:1 on white


def _person(rect: QRectF) -> QPainterPath:
    """A simple person: a round head over rounded shoulders, fitted into ``rect``."""
    w, h = rect.width(), rect.height()
    path = QPainterPath()
    head = min(w, h) * 0.36
    path.addEllipse(QPointF(rect.center().x(), rect.top() + head / 2 + h * 0.04), head / 2, head / 2)
    body = QRectF(rect.left() + w * 0.18, rect.top() + head + h * 0.1, w * 0.64, h - head - h * 0.12)
    path.addRoundedRect(body, w * 0.22, w * 0.22)
    return path


def paint_icon_array(painter: QPainter, rect: QRectF, per100: float) -> None:
    """Draw 100 figures into ``rect`` (any size; figures keep their shape and are centred)."""
    count = iconarray.affected_count(per100)
    cell = min(rect.width() / iconarray.COLUMNS, rect.height() / iconarray.ROWS)
    left = rect.left() + (rect.width() - cell * iconarray.COLUMNS) / 2
    top = rect.top() + (rect.height() - cell * iconarray.ROWS) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    line = max(cell * 0.06, 0.5)
    for row in range(iconarray.ROWS):
        for column in range(iconarray.COLUMNS):
            box = QRectF(left + column * cell, top + row * cell, cell, cell).adjusted(
                cell * 0.1, cell * 0.06, -cell * 0.1, -cell * 0.06)
            path = _person(box)
            if iconarray.is_affected(row, column, count):
                painter.setPen(QPen(AFFECTED, line))
                painter.setBrush(AFFECTED)
            else:
                painter.setPen(QPen(UNAFFECTED_LINE, line))
                painter.setBrush(UNAFFECTED_FILL)
            painter.drawPath(path)
    painter.restore()


class _Figures(QWidget):
    def __init__(self, per100: float, parent=None):
        super().__init__(parent)
        self.per100 = per100
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        side = max(160, self.fontMetrics().height() * 10)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height())
        if side <= 0:
            return
        # Drawn once per figure, size and screen scale, then copied: 100 figures from paths cost milliseconds at
        # every paint, and a page holds a dozen of them.
        ratio = self.devicePixelRatioF()
        key = (self.per100, side, ratio)
        picture = _PICTURES.get(key)
        if picture is None:
            picture = QPixmap(round(side * ratio), round(side * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            _paint_figures(painter, side, self.per100)
            painter.end()
            if len(_PICTURES) >= _MAX_PICTURES:
                _PICTURES.pop(next(iter(_PICTURES)))
            _PICTURES[key] = picture
        painter = QPainter(self)
        painter.drawPixmap(0, 0, picture)
        painter.end()


_PICTURES: dict = {}  # (per100, side, device pixel ratio) -> QPixmap, oldest first
_MAX_PICTURES = 48


def _paint_figures(painter: QPainter, side: int, per100: float) -> None:
    # The figures' colours are chosen for white: give them white on every theme (high contrast is black).
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(UNAFFECTED_LINE, 1))
    painter.setBrush(UNAFFECTED_FILL)
    painter.drawRoundedRect(QRectF(0.5, 0.5, side - 1, side - 1), 6, 6)
    paint_icon_array(painter, QRectF(4, 4, side - 8, side - 8), per100)


class IconArray(QWidget):
    """A picture of 100 people with a caption such as "16 in 100 people …"; the caption is its description."""

    def __init__(self, *, per100: float, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.per100 = per100
        self.caption = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.figures = _Figures(per100, self)
        self.figures.setAccessibleName(_("Picture of 100 people"))
        self.figures.setAccessibleDescription(caption)
        label = QLabel(caption, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.label = label
        # The caption wraps at the picture's width (not a width fixed at 100 % text, which cut it off at 200 %).
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.figures, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(label)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(iconarray.text_equivalent(per100, caption, ""))

    def sizeHint(self) -> QSize:
        width = max(220, self.figures.sizeHint().width() + 40)
        return QSize(width, self.heightForWidth(width))
