"""Step 3: the options for this situation. The lead message and the other notes first, then the option grid."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..clinic_trials import ClinicTrialsBox
from ..content_view import ContentView
from ..labels import Card, Heading
from ..option_grid import OptionGrid
from ..reflow import clear_layout, row_of
from ..styling import named
from . import WORDS
from .base import StepPage


class OptionsPage(StepPage):
    STEP, TITLE = WORDS["options"]
    MAX_CHARS = None  # the grid uses the whole width

    def __init__(self, *, open_page: Callable[[str], None], **kwargs):
        self.open_page = open_page
        super().__init__(**kwargs)

    def build(self) -> None:
        self.notes_box = QWidget()
        self.notes_layout = QVBoxLayout(self.notes_box)
        self.notes_layout.setContentsMargins(0, 0, 0, 0)
        self.notes_layout.setSpacing(12)
        self.scroll.add(self.notes_box)
        explainers = self.session.content.pages_for("local-therapy")
        if explainers:
            page = explainers[0]
            button = named(QPushButton(page.title), _("Read: {title}").format(title=page.title))
            button.setObjectName("localTherapy")
            button.clicked.connect(lambda: self.open_page(page.id))
            self.scroll.add(row_of(button))
        self.scroll.add(Heading(_("Your options side by side"), role="heading"))
        self.grid_box = QWidget()
        self.grid_layout = QVBoxLayout(self.grid_box)
        self.grid_layout.setContentsMargins(0, 0, 0, 0)
        self.grid_layout.setSpacing(self.notes_layout.spacing())  # the grid's last row ends in text, with no rule
        self.scroll.add(self.grid_box)
        self.grid: OptionGrid | None = None
        self.clinic_box: ClinicTrialsBox | None = None

    def render_view(self) -> None:
        view = self.session.view
        content = self.session.content
        clear_layout(self.notes_layout)
        self.note_views = {}
        for i, note in enumerate(view.notes):
            card = Card(role="lead" if i == 0 else "card")
            card.setObjectName(f"note:{note.id}")
            card.body.addWidget(ContentView(note, content=content, on_link=self.on_link, show_title=True,
                                            title_role="heading" if i == 0 else "subheading"))
            self.notes_layout.addWidget(card)
            self.note_views[note.id] = card
        clear_layout(self.grid_layout)
        self.grid = OptionGrid(view=view, rows=content.tailoring.grid_rows, on_link=self.on_link,
                               on_read_more=self.read_option)
        self.grid_layout.addWidget(self.grid)
        self.figures_box = figures_box(view, content)
        if self.figures_box is not None:
            self.grid_layout.addWidget(self.figures_box)
        self.clinic_box = None
        if view.option("trial") is not None and self.session.clinic.has_trials:
            self.clinic_box = ClinicTrialsBox(clinic=self.session.clinic)
            self.grid_layout.addWidget(self.clinic_box)
        self.section_views = dict(self.note_views)

    def read_option(self, option_id: str) -> None:
        option = self.session.view.option(option_id)
        if option is not None:
            self.open_page(option.page_id)


def figures_box(view, content) -> Card | None:
    """Under the grid: who the studies behind its figures took, for this person (``tailor`` decides)."""
    facts = set()
    for option in view.options:
        page = content.pages[option.page_id]
        facts |= set(page.facts) | {f for c in page.compare for f in c.facts}
    studies = [s for s in view.studies if any(view.figure(f).study == s.id for f in facts)]
    if not studies:
        return None
    box = Card(role="card")
    box.setObjectName("figuresBox")
    box.body.addWidget(Heading(_("Who the figures for these options come from"), role="subheading"))
    for study in studies:
        line = Heading(f"{study.name}: {study.text}", role="body")
        line.setObjectName(f"study:{study.id}:{study.status}")
        box.body.addWidget(line)
    return box
