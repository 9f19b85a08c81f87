"""The baseline: a bare PySide6 QWizard with one page, nothing else.

With DECISION_AID_BENCH_EXIT_AFTER_SHOWN=1 it ends the process right after its first page is painted, exactly as the
app does, so the two start times compare like for like.

``--floor``: the same wizard, plus the two things any window of the aid needs before its first page and the bare
wizard skips: PySide6's ``Qt`` namespace (touching it creates its ~90 Python enums; every alignment, focus or text
flag lives there) and the shipped font (resources/fonts, four files). The bench reports it beside the bare start, as
the least the aid could take.
"""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


class _ExitWhenPainted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def main() -> int:
    app = QApplication(sys.argv[:1])
    if "--floor" in sys.argv[1:]:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFontDatabase

        assert Qt.AlignmentFlag.AlignLeft  # the namespace is made on first use
        for path in sorted(FONTS.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
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
