"""One whole kiosk session in a process of its own, through the real start-up (``run_app``): answer everything with a
canary in every text field, save the summary as a PDF for the staff, close the message (the session is thrown
away), quit. Used by test_kiosk_disk.py, which points HOME, TMPDIR and the XDG folders at empty folders first.

    python run_kiosk_session.py CLINIC_FILE CANARY

Exits 0 when the session went as a person would see it; prints what went wrong otherwise.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from decision_aid.app import run_app

import kiosk_driver as drive

failures: list[str] = []


def session(app: QApplication, canary: str) -> None:
    from decision_aid.ui.main_window import MainWindow

    try:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        if not (window.kiosk and window.isFullScreen()):
            failures.append("the kiosk window is not full screen")
        first = window.session
        drive.fill_everything(window, canary)
        if not drive.answered(window, canary):
            failures.append(f"not every answer was taken: {window.session.answers}")
        page = drive.go(window, "summary")
        drive.click(page.pdf_button)
        box = window.view.last_message
        if box is None or not box.isVisible():
            failures.append("no message after saving the PDF")
        else:
            drive.click(box.close_button)
        del page, box
        drive.settle()
        if window.session is first or window.session.has_answers():
            failures.append("the session was not thrown away after the PDF")
        left = drive.traces(canary)
        if left:
            failures.append(f"traces after the reset: {left}")
    except Exception:  # reported, and the process fails
        failures.append(traceback.format_exc())
    finally:
        app.quit()


def main() -> int:
    clinic, canary = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    QTimer.singleShot(500, lambda: session(app, canary))
    QTimer.singleShot(60_000, lambda: (failures.append("timed out"), app.quit()))
    code = run_app(clinic=clinic)  # kiosk = true comes from the clinic file
    if code != 0:
        failures.append(f"run_app returned {code}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
