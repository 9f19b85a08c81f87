"""Step 4: what the studies found; each trial's comparisons side by side; the clinic's open trials."""

from __future__ import annotations

from ..clinic_trials import ClinicTrialsBox
from .base import StepPage


class TrialsPage(StepPage):
    TITLE = "What the studies found"
    STEP = "trials"

    def build(self) -> None:
        clinic = self.session.clinic
        self.clinic_box = None
        if clinic.has_trials:
            self.clinic_box = ClinicTrialsBox(clinic=clinic)
            self.scroll.add(self.clinic_box)
