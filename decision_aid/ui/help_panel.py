"""HelpPanel: "Need help? / What happens next", always visible on the welcome and summary pages.

Any page can hold one: ``HelpPanel(session=session)`` (it reads the content and the clinic file through
``decision_aid.help_panel``); it is a Card, so it sits in a page's scroll column like any other card.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..help_panel import help_panel
from .labels import Card, Heading


class HelpPanel(Card):
    def __init__(self, *, session, parent: QWidget | None = None):
        super().__init__(role="lead", parent=parent)
        self.setObjectName("helpPanel")
        text = help_panel(session.content, session.clinic)
        self.lines = []
        if text is None:
            self.hide()
            return
        self.body.addWidget(Heading(text.title, role="subheading"))
        for line in text.lines:
            label = Heading(line, role="body")
            self.lines.append(label)
            self.body.addWidget(label)
        self.setAccessibleName(text.title)
