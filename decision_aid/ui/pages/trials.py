"""Step 4: what the studies found, ordered for this person: the trials that took people like them first, the rest
folded under "Other studies", each with the words on who it took; the outlook only when the person asks for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ..clinic_trials import ClinicTrialsBox
from ..content_view import ContentView
from ..labels import Card, Heading
from ..reflow import clear_layout, row_of
from ..styling import named
from . import WORDS, lead_first
from .base import StepPage

if TYPE_CHECKING:
    from ...applicability import StudyUse
    from ...content.model import Page

OUTLOOK_PAGE = "trials-outlook"


class TrialsPage(StepPage):
    STEP, TITLE = WORDS["trials"]

    def build(self) -> None:
        clinic = self.session.clinic
        self.clinic_box = None
        if clinic.has_trials:
            self.clinic_box = ClinicTrialsBox(clinic=clinic)
            self.scroll.add(self.clinic_box)
        outlook = self.session.content.pages.get(OUTLOOK_PAGE)
        self.outlook_button = self.outlook_view = None
        if outlook is not None:
            show = _("Show: {title}").format(title=outlook.title)
            self.outlook_button = named(QPushButton(show), show,
                                        _("How long people live: shown only if you want to read it"))
            self.outlook_button.setObjectName("showOutlook")
            self.outlook_button.setCheckable(True)
            self.outlook_button.toggled.connect(self.show_outlook)
            self.scroll.add(row_of(self.outlook_button))
            self.outlook_view = Card(role="card")
            self.outlook_view.setObjectName("outlook")
            self.outlook_view.body.addWidget(ContentView(outlook, content=self.session.content,
                                                         on_link=self.on_link, show_title=True,
                                                         title_role="subheading"))
            self.outlook_view.hide()
            self.scroll.add(self.outlook_view)

    def show_outlook(self, shown: bool) -> None:
        self.outlook_view.setVisible(shown)
        self.tab_order_dirty = True
        self.settle()
        self._refresh_tab_order()

    def render_view(self) -> None:
        """The lead page, then the studies that took people like this person, then the rest, folded."""
        clear_layout(self.intro_layout)
        self.section_views = {}
        view = self.session.view
        content = self.session.content
        pages = lead_first(self.session.pages_for("trials"), "trials")
        if not pages:
            return
        self.heading.setText(pages[0].title)
        lead = ContentView(pages[0], content=content, on_link=self.on_link, view=view)
        self.intro_layout.addWidget(lead)
        self.section_views[pages[0].id] = lead
        by_id = {p.id: p for p in pages[1:]}
        like_you: list[tuple[Page, StudyUse | None]] = []
        others: list[tuple[Page, StudyUse | None]] = []
        study: StudyUse | None
        for study in view.studies:
            for pid in study.pages:
                if pid in by_id:
                    (like_you if study.like_you else others).append((by_id.pop(pid), study))
        others += [(p, None) for p in by_id.values()]  # pooled and older studies: about everyone

        self.like_you_ids = [p.id for p, _ in like_you]
        self.other_ids = [p.id for p, _ in others]
        self.intro_layout.addWidget(Heading(_("Trials that took people like you"), role="heading"))
        if like_you:
            for page, study in like_you:
                self.intro_layout.addWidget(self._card(page, study))
        else:
            none = Heading(_("From your answers, we could not find a trial that took people just like you. The "
                             "other studies are below, with who each one took."), role="body")
            none.setObjectName("noTrialLikeYou")
            self.intro_layout.addWidget(none)
        show_others = _("Show other studies ({count})").format(count=len(others))
        self.others_button = named(QPushButton(show_others), show_others,
                                   _("Studies of people unlike you, or studies where we are not sure"))
        self.others_button.setObjectName("showOtherStudies")
        self.others_button.setCheckable(True)
        self.others_box = QWidget()
        box_layout = QVBoxLayout(self.others_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(16)
        for page, study in others:
            box_layout.addWidget(self._card(page, study))
        self.others_box.hide()
        self.others_button.toggled.connect(self.show_others)
        self.intro_layout.addWidget(Heading(_("Other studies"), role="heading"))
        self.intro_layout.addWidget(row_of(self.others_button))
        self.intro_layout.addWidget(self.others_box)

    def _card(self, page, study) -> Card:
        card = Card(role="lead" if study is not None and study.like_you else "card")
        card.setObjectName(f"study-page:{page.id}")
        if study is not None:
            label = Heading(study.text, role="subheading" if study.like_you else "body")
            label.setObjectName(f"applicability:{study.status}")
            card.body.addWidget(label)
        card.body.addWidget(ContentView(page, content=self.session.content, on_link=self.on_link, show_title=True,
                                        view=self.session.view, note_figures=study is None))
        self.section_views[page.id] = card
        return card

    def show_others(self, shown: bool) -> None:
        self.others_box.setVisible(shown)
        self.others_button.setText(_("Hide other studies") if shown
                                   else _("Show other studies ({count})").format(count=len(self.other_ids)))
        self.tab_order_dirty = True
        self.settle()
        self._refresh_tab_order()

    def show_section(self, page_id: str) -> None:
        if page_id in getattr(self, "other_ids", ()) and not self.others_button.isChecked():
            self.others_button.setChecked(True)
        super().show_section(page_id)
