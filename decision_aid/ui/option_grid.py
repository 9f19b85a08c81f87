"""OptionGrid: the options in columns and the same patient questions in rows, with each option's framing in words.

When the columns would be too narrow to read (large text, narrow window), the same grid is shown question by
question, each option's answer under the question, so nothing is squeezed or cut off.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..content.model import GridRow
from ..i18n import _
from ..tailoring import ShownOption, TailoredView
from .labels import Card, Heading, RichText
from .styling import char_width, named, set_role

COLUMN_CHARS = 20  # the narrowest column worth reading, in average characters
HYSTERESIS = 24  # px: no flicker between the two layouts when a scroll bar comes and goes


def _hfw_policy() -> QSizePolicy:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


class OptionHeader(Card):
    """An option's name, its framing in words, and a button to its full page."""

    def __init__(self, option: ShownOption, *, on_read_more: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(role="card", parent=parent)
        self.setObjectName(f"option:{option.id}")
        self.body.addWidget(Heading(option.title, role="subheading"))
        framing = Heading(option.framing_label, role="framing")
        framing.setObjectName(f"framing:{option.framing}")
        self.body.addWidget(framing)
        self.body.addStretch(1)
        self.read_more = named(QPushButton(_("Read more")), _("Read more: {option}").format(option=option.title))
        self.read_more.setObjectName(f"readMore:{option.id}")
        self.read_more.clicked.connect(lambda: on_read_more(option.id))
        self.body.addWidget(self.read_more, 0, Qt.AlignmentFlag.AlignLeft)


class RowLabel(QFrame):
    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, "rowlabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 2)
        layout.addWidget(Heading(label, role="subheading"))


class OptionGrid(QWidget):
    def __init__(self, *, view: TailoredView, rows: tuple[GridRow, ...], on_link: Callable[[str], None],
                 on_read_more: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("optionGrid")
        self.setSizePolicy(_hfw_policy())
        self.options = view.options
        self.rows = rows
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.columns = self._build_columns(on_link, on_read_more)
        self.stacked = self._build_stacked(on_link, on_read_more)
        outer.addWidget(self.columns)
        outer.addWidget(self.stacked)
        self.stacked.hide()
        self.mode = "columns"

    # -- the two layouts ---------------------------------------------------------------------------------------
    def _build_columns(self, on_link, on_read_more) -> QWidget:
        holder = QWidget(self)
        holder.setSizePolicy(_hfw_policy())
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.headers = {}
        self.cells = {}
        for col, option in enumerate(self.options):
            header = OptionHeader(option, on_read_more=on_read_more)
            self.headers[option.id] = header
            grid.addWidget(header, 0, col)
            grid.setColumnStretch(col, 1)
        line = 1
        for row in self.rows:
            grid.addWidget(RowLabel(row.label), line, 0, 1, len(self.options))
            for col, option in enumerate(self.options):
                cell = RichText(option.grid.get(row.id, ""), on_link=on_link,
                                name=f"{option.title}: {row.label}")
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell.setObjectName(f"cell:{option.id}:{row.id}")
                self.cells[(option.id, row.id)] = cell
                grid.addWidget(cell, line + 1, col, Qt.AlignmentFlag.AlignTop)
            line += 2
        return holder

    def _build_stacked(self, on_link, on_read_more) -> QWidget:
        holder = QWidget(self)
        holder.setSizePolicy(_hfw_policy())
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.stacked_headers = {}
        for option in self.options:
            header = OptionHeader(option, on_read_more=on_read_more)
            self.stacked_headers[option.id] = header
            layout.addWidget(header)
        for row in self.rows:
            layout.addWidget(RowLabel(row.label))
            for option in self.options:
                block = QFrame(holder)
                set_role(block, "optioncell")
                block.setSizePolicy(_hfw_policy())
                inner = QVBoxLayout(block)
                inner.setContentsMargins(12, 0, 0, 6)
                inner.setSpacing(2)
                inner.addWidget(Heading(option.title, role="appname"))
                inner.addWidget(RichText(option.grid.get(row.id, ""), on_link=on_link,
                                         name=f"{option.title}: {row.label}"))
                layout.addWidget(block)
        return holder

    # -- choosing between them -------------------------------------------------------------------------------------
    def needed_width(self) -> int:
        n = len(self.options)
        return n * round(char_width(self) * COLUMN_CHARS) + (n - 1) * 14

    def _choose(self, width: int) -> None:
        need = self.needed_width()
        mode = self.mode
        if mode == "columns" and width < need:
            mode = "stacked"
        elif mode == "stacked" and width >= need + HYSTERESIS:
            mode = "columns"
        if mode != self.mode:
            self.mode = mode
            self.columns.setVisible(mode == "columns")
            self.stacked.setVisible(mode == "stacked")

    def resizeEvent(self, event) -> None:
        self._choose(event.size().width())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # The grid may be offered less than its columns need: it then switches to questions one by one.
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), round(char_width(self) * COLUMN_CHARS)), hint.height())
