"""The clinic's open trials (from the clinic file), on the trials page and with the trial option."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from ..clinic import Clinic
from ..i18n import _
from .labels import Card, Heading, RichText


def clinic_trials_html(clinic: Clinic) -> str:
    parts = []
    for t in clinic.trials:
        parts.append(
            f"<p><b>{html.escape(t.name)}</b> ({html.escape(t.id)})<br>{html.escape(t.summary)}<br>"
            f"{html.escape(_('Ask: {contact}').format(contact=t.contact))}</p>"
        )
    return "".join(parts)


class ClinicTrialsBox(Card):
    def __init__(self, *, clinic: Clinic, parent: QWidget | None = None):
        super().__init__(role="card", parent=parent)
        self.setObjectName("clinicTrials")
        title = (_("Trials open at {clinic}").format(clinic=clinic.name) if clinic.name
                 else _("Trials open at this clinic"))
        self.body.addWidget(Heading(title, role="subheading"))
        self.body.addWidget(RichText(clinic_trials_html(clinic), name=title))
