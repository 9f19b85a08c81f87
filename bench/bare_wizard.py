"""The baseline: a bare PySide6 QWizard with one page, nothing else.

With DECISION_AID_BENCH_EXIT_AFTER_SHOWN=1 it ends the process right after its first page is painted, exactly as the
app does, so the two start times compare like for like.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


class _ExitWhenPainted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("A bare wizard page."))
    wizard.addPage(page)
    if os.environ.get("DECISION_AID_BENCH_EXIT_AFTER_SHOWN") == "1":
        wizard.installEventFilter(_ExitWhenPainted(wizard))
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
