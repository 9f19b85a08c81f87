"""A long day at the kiosk in one process: ``make soak``.

SESSIONS kiosk sessions (default 500), wired as ``app.py`` wires them (privacy measures, idle guard on a hand-moved
clock): each fills everything (every answer, every prompt, own questions, a name, bigger text, high contrast, the
clipboard), opens the summary, then either saves the PDF to the export folder and closes the message, or walks away
until the idle guard throws the session away. Prints RSS, time per session, live widgets (those of the current
session's view, and any other) and Python objects every 50 sessions. RSS is taken between two people, as the next one
finds the aid: a second after the reset, once it has given freed memory back (the figure at the end is the last
checkpoint's, taken the same way, before the soak counts anything). Exits 1 when RSS grows by 5 % or more
after the first 50 sessions, when a session was not thrown away, or when an old session's view is still alive at a
checkpoint. The current view has about 65 widgets until its pages are built and about 490 once they are (in idle
time, or as they are reached): which of the two a checkpoint sees depends on timing, not on what is kept.

    python scripts/soak.py [SESSIONS]
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "kiosk"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from decision_aid.app import guard_sessions
from decision_aid.clinic import Clinic
from decision_aid.content import load_content
from decision_aid.privacy import TempFolder
from decision_aid.ui.main_window import MainWindow
from decision_aid.ui.privacy_qt import GIVE_BACK_AFTER_MS, KioskPrivacy
from decision_aid.ui.session_view import SessionView

import kiosk_driver as drive

BASELINE_SESSION = 50
MAX_GROWTH = 0.05


def rss_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def census(window) -> tuple[int, int, int, int]:
    """Live widgets, those in the current view, session views, Python objects: counts only. A list of the widgets
    kept until the next checkpoint would keep that session's Python objects (and what they own) alive through the
    next 50 sessions, which the aid itself does not (it made a step of about 27 MiB in RSS at session 100)."""
    widgets = QApplication.allWidgets()
    views = sum(isinstance(w, SessionView) for w in widgets)
    return len(widgets), len(window.view.findChildren(QWidget)) + 1, views, len(gc.get_objects())


def one_session(window, guard, clock, n: int) -> bool:
    first = window.session
    drive.fill_everything(window, f"soak{n:04d}")
    page = drive.go(window, "summary")
    if n % 2:
        drive.click(page.pdf_button)  # saved for the staff, then the message closed
        box = window.view.last_message
        if box is not None and box.isVisible():
            drive.click(box.close_button)
    else:  # walked away: the idle guard warns, counts down, and throws the session away
        clock.advance(window.clinic.idle_timeout_seconds + 1)
        guard.check()
        clock.advance(guard.countdown_seconds + 1)
        guard.check()
    del page
    drive.settle()
    return window.session is not first and not window.session.has_answers()


def main() -> int:
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    app = QApplication.instance() or QApplication(["decision-aid-soak"])
    content = load_content(ROOT / "content")
    with tempfile.TemporaryDirectory() as exports, TempFolder() as temp:
        privacy = KioskPrivacy(app, temp=temp)
        window = MainWindow(content=content, kiosk=True, clinic=Clinic(kiosk=True, export_folder=Path(exports)))
        window.resize(1280, 860)
        window.show()
        drive.settle()
        clock = drive.FakeClock()
        guard = guard_sessions(app, window, privacy=privacy, clock=clock)
        start_rss, baseline, kept, times, old_views = rss_mib(), None, 0, [], 0
        end_rss = start_rss
        print(f"soak: {sessions} kiosk sessions; RSS at start {start_rss:.1f} MiB", flush=True)
        for n in range(1, sessions + 1):
            t0 = time.perf_counter()
            if not one_session(window, guard, clock, n):
                kept += 1
            times.append(time.perf_counter() - t0)
            if n % 50 == 0 or n == sessions:
                gc.collect()
                drive.settle()
                # Between two people, as the next one finds it: after the aid gives freed memory back.
                QTest.qWait(GIVE_BACK_AFTER_MS + 500)
                rss = rss_mib()
                if n == BASELINE_SESSION:
                    baseline = rss
                end_rss = rss
                recent = times[-50:]
                widgets, in_view, views, objects = census(window)
                old_views = max(old_views, views - 1)
                print(
                    f"soak: session {n}: RSS {rss:.1f} MiB, {sum(recent) / len(recent):.2f} s a session "
                    f"(last {len(recent)}), {widgets} live widgets ({in_view} in the current view, "
                    f"{views - 1} old session views), {objects:,} Python objects, "
                    f"{len(os.listdir(exports))} PDFs saved",
                    flush=True,
                )
        guard.stop()
        window.close()
    growth = (end_rss - baseline) / baseline if baseline else 0.0
    print(
        f"soak: RSS {start_rss:.1f} MiB at start, {baseline or 0:.1f} MiB after {BASELINE_SESSION} sessions, "
        f"{end_rss:.1f} MiB at the end ({growth:+.1%} after the first {BASELINE_SESSION}); "
        f"{sum(times) / len(times):.2f} s a session on average; sessions not thrown away: {kept}; "
        f"old session views alive at a checkpoint: {old_views}"
    )
    failures = (
        ([f"RSS grew by {growth:.1%}"] if growth >= MAX_GROWTH else [])
        + ([f"{kept} sessions kept"] if kept else [])
        + ([f"{old_views} old session views alive"] if old_views else [])
    )
    if failures:
        print(f"soak FAILED: {' and '.join(failures)}")
        return 1
    print("soak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
