"""One content page on screen: its rendered text, then its comparisons as pictures of 100 people side by side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ..content.model import Comparison, Content, Page
from .icon_array import IconArray
from .labels import Heading, RichText
from .reflow import FlowLayout


def fact_caption(content: Content, fact_id: str) -> str:
    """What a picture says under it: the figure, who it is about, and over what time."""
    fact = content.facts[fact_id]
    return f"{fact.phrase}: {fact.population}, {fact.time_frame}."


class ComparisonView(QWidget):
    """One comparison: the same denominator and time frame, so the pictures can be read side by side."""

    def __init__(self, comparison: Comparison, *, content: Content, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(Heading(comparison.title, role="subheading"))
        pictures = QWidget(self)
        flow = FlowLayout(pictures, spacing=28)
        self.arrays = []
        for fact_id in comparison.facts:
            fact = content.facts[fact_id]
            array = IconArray(per100=fact.per100 if fact.per100 is not None else fact.value,
                              caption=fact_caption(content, fact_id))
            label = getattr(array, "label", None)
            if label is not None:  # captions start right under their picture, side by side
                label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.arrays.append(array)
            flow.addWidget(array)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        pictures.setSizePolicy(policy)
        layout.addWidget(pictures)


class ContentView(QWidget):
    """A page's text and comparisons. ``show_title`` adds the page title as a heading above it."""

    def __init__(self, page: Page, *, content: Content, on_link: Callable[[str], None], show_title: bool = False,
                 title_role: str = "heading", parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if show_title:
            layout.addWidget(Heading(page.title, role=title_role))
        self.text = RichText(page.html, on_link=on_link, name=page.title)
        layout.addWidget(self.text)
        self.comparisons = [ComparisonView(c, content=content) for c in page.compare]
        for view in self.comparisons:
            layout.addWidget(view)
