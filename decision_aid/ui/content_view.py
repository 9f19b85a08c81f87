"""One content page on screen: its rendered text, then its comparisons as pictures of 100 people side by side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from ..content.model import Comparison, Content, Page
from ..i18n import _
from .labels import Card, Heading, RichText
from .reflow import FlowLayout


def fact_caption(content: Content, fact_id: str) -> str:
    """What a picture says under it: the figure, who it is about, and over what time."""
    fact = content.facts[fact_id]
    return f"{fact.phrase}: {fact.population}, {fact.time_frame}."


def study_notes(view, fact_ids, *, named: bool = False) -> list[str]:
    """Who the studies behind these figures took, for this person (``tailor``'s applicability), once each;
    ``named`` puts the study's name first (for text that may cite several studies)."""
    if view is None:
        return []
    notes = []
    for f in fact_ids:
        use = view.figure(f)
        if use.text:
            study = view.study(use.study) if named else None
            notes.append(f"{study.name}: {use.text}" if study is not None else use.text)
    return list(dict.fromkeys(notes))


class ComparisonView(QWidget):
    """One comparison: the same denominator and time frame, so the pictures can be read side by side. With the
    tailored ``view``, the words on who the study took (for this person) come right under the title."""

    def __init__(self, comparison: Comparison, *, content: Content, view=None, parent: QWidget | None = None):
        from .icon_array import IconArray  # imported with the first comparison: the first page has none

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(Heading(comparison.title, role="subheading"))
        self.applicability = None
        notes = study_notes(view, comparison.facts)
        if notes:
            self.applicability = Heading(" ".join(notes), role="body")
            self.applicability.setObjectName("applicability")
            layout.addWidget(self.applicability)
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
                 title_role: str = "heading", view=None, note_figures: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        if show_title:
            layout.addWidget(Heading(page.title, role=title_role))
        # Figures in the text: who their studies took, for this person, before the text that states them.
        self.figures_note = None
        pictured = {f for c in page.compare for f in c.facts}
        notes = study_notes(view, [f for f in page.facts if f not in pictured], named=True) if note_figures else []
        if notes:
            self.figures_note = Card(role="card")
            self.figures_note.setObjectName("figuresNote")
            self.figures_note.body.addWidget(Heading(_("Who the figures on this page come from"), role="subheading"))
            for note in notes:
                self.figures_note.body.addWidget(Heading(note, role="body"))
            layout.addWidget(self.figures_note)
        self.text = RichText(page.html, on_link=on_link, name=page.title)
        layout.addWidget(self.text)
        self.comparisons = [ComparisonView(c, content=content, view=view) for c in page.compare]
        for view in self.comparisons:
            layout.addWidget(view)
