"""In-process figures, each group in its own fresh process: ``python bench/inproc.py content|summary|pages``.

Prints one JSON object. A group whose module is not there yet prints ``{"missing": "<module>"}``; any other error
is a real failure and ends with a traceback.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXAMPLE = "symptoms"  # the fullest summary: symptoms, a leaning, a "not sure" SURE answer, notes


def _ms(fn, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), times


def _missing(exc: ModuleNotFoundError, *prefixes: str) -> str | None:
    name = exc.name or ""
    return name if name.startswith(prefixes) else None


def content(runs: int) -> dict:
    """Reading and checking the content folder, as every start does: the first in a fresh process (with the imports
    of YAML, Markdown and msgspec), then the median of repeated reads."""
    from decision_aid.content import load_content
    from decision_aid.paths import content_dir

    root = content_dir()
    t0 = time.perf_counter()
    load_content(root)  # the first load in a fresh process: what a start pays
    first = (time.perf_counter() - t0) * 1000
    median, _ = _ms(lambda: load_content(root), runs)

    from decision_aid.content.checker import check_content

    t0 = time.perf_counter()
    check_content(root)
    check_first = (time.perf_counter() - t0) * 1000
    check_median, _ = _ms(lambda: check_content(root), max(3, runs // 4))
    return {"content_load_ms": median, "content_load_first_ms": first,
            "content_check_ms": check_median, "content_check_first_ms": check_first}


def _gui_app():
    from PySide6.QtWidgets import QApplication

    from decision_aid.ui import fonts

    app = QApplication.instance() or QApplication(["decision-aid-bench"])
    app.setFont(fonts.app_font(fonts.load_fonts(), 12))
    return app


def summary(runs: int) -> dict:
    from decision_aid.content import load_content
    from decision_aid.examples import example_answers
    from decision_aid.paths import content_dir

    try:
        from decision_aid.summary import build_summary, render_html
    except ModuleNotFoundError as exc:
        if _missing(exc, "decision_aid.summary"):
            return {"missing": "decision_aid.summary"}
        raise
    bundle = load_content(content_dir())
    answers = example_answers(EXAMPLE, known_questions=bundle.prompt_ids())
    out: dict = {}
    t0 = time.perf_counter()
    summary_model = build_summary(content=bundle, answers=answers)
    html = render_html(summary_model)
    out["html_first_ms"] = (time.perf_counter() - t0) * 1000  # with Jinja2's import and template compile
    out["summary_model_ms"], _ = _ms(lambda: build_summary(content=bundle, answers=answers), runs)
    out["render_html_ms"], _ = _ms(lambda: render_html(summary_model), runs)
    out["html_ms"], _ = _ms(lambda: render_html(build_summary(content=bundle, answers=answers)), runs)
    out["html_bytes"] = len(html.encode("utf-8"))

    try:
        from decision_aid.summary.typeset import write_pdf  # Typst, no Qt (issue 14)
    except ModuleNotFoundError as exc:
        if _missing(exc, "decision_aid.summary.typeset") or _missing(exc, "typst"):
            out["pdf_missing"] = "decision_aid.summary.typeset (typst)"
            return out
        raise
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "summary.pdf"
        t0 = time.perf_counter()
        pages = write_pdf(summary_model, target)
        out["pdf_first_ms"] = (time.perf_counter() - t0) * 1000
        out["pdf_ms"], _ = _ms(lambda: write_pdf(build_summary(content=bundle, answers=answers), target), runs)
        out["pdf_write_ms"], _ = _ms(lambda: write_pdf(summary_model, target), runs)
        out["pdf_pages"] = pages
        out["pdf_bytes"] = target.stat().st_size
    return out


READ_FIRST_MS = 2000  # a person reads the first page for at least this long before pressing Next
READ_MS = 300  # and every other page for at least this long (a fast reader)


def pages(runs: int) -> dict:
    """Time from the Next button's action to the new page painted, real MainWindow, an example's answers.

    Each round is a fresh session (MainWindow.reset(), as Start over does), walked from the first page to the last.
    ``page_change_ms``: as a person uses it, with a short reading pause on every page during which the window's
    idle-time work runs (the UI builds the pages not yet seen in the background), with a figure per page.
    ``page_change_hurried_ms``: Next pressed the moment each page is painted, so every page is built on the click.
    ``page_change_revisit_ms``: going through the pages a second time.
    """
    try:
        from decision_aid.ui.main_window import MainWindow
    except ModuleNotFoundError as exc:
        if _missing(exc, "decision_aid.ui"):
            return {"missing": "decision_aid.ui.main_window"}
        raise
    from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    from decision_aid.content import load_content
    from decision_aid.examples import example_answers
    from decision_aid.paths import content_dir

    app = _gui_app()
    bundle = load_content(content_dir())
    answers = example_answers(EXAMPLE, known_questions=bundle.prompt_ids())
    window = MainWindow(content=bundle, kiosk=False, clinic=None)
    window.resize(1280, 860)
    window.show()

    class Painted(QObject):
        """Notes the first paint of the page being waited for, or of anything inside it."""

        page = None
        seen = False

        def eventFilter(self, watched, event):  # Qt's name
            if (not self.seen and self.page is not None and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and (watched is self.page or self.page.isAncestorOf(watched))):
                self.seen = True
            return False

    watcher = Painted()
    app.installEventFilter(watcher)
    timer = QElapsedTimer()

    def idle(ms: int) -> None:
        """Run the event loop for ``ms``, as it runs while a person reads."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    by_page: dict[str, list[float]] = {}

    def walk(*, first_pause: int, pause: int, record: bool = False) -> list[float]:
        wizard = window.wizard
        go_next = getattr(wizard, "go_next", wizard.next)  # what the Next button does
        times = []
        idle(first_pause)
        while True:
            before = wizard.currentId()
            watcher.seen = False
            watcher.page = None
            timer.start()
            go_next()
            if wizard.currentId() == before:
                return times  # the last page
            watcher.page = wizard.currentPage()
            while not watcher.seen and timer.elapsed() < 5000:
                app.processEvents()
            times.append(timer.nsecsElapsed() / 1e6)
            if record:
                name = watcher.page.objectName() or type(watcher.page).__name__
                by_page.setdefault(name, []).append(times[-1])
            idle(pause)

    def fresh_session() -> None:
        window.reset()  # a fresh session and fresh pages, as Start over does
        window.session.replace_answers(answers=answers)

    rounds = max(3, runs // 5)
    reading, hurried, again = [], [], []
    for _ in range(rounds):
        fresh_session()
        reading += walk(first_pause=READ_FIRST_MS, pause=READ_MS, record=True)
        fresh_session()
        hurried += walk(first_pause=0, pause=0)
    while window.wizard.currentId() > 0:  # the last hurried walk, once more: every page seen before
        window.wizard.back()
    again += walk(first_pause=0, pause=0)
    if not reading:
        return {"missing": "a page change (the wizard did not move from its first page)"}
    return {"page_change_ms": statistics.median(reading), "page_change_max_ms": max(reading),
            "page_change_hurried_ms": statistics.median(hurried), "page_change_hurried_max_ms": max(hurried),
            "page_change_revisit_ms": statistics.median(again),
            "page_changes": len(reading), "pages_walked": len(reading) // rounds + 1,
            "page_change_by_page_ms": {name: round(statistics.median(t), 1) for name, t in by_page.items()}}


def store(runs: int) -> dict:
    """A checkout's start from its content store (decision_aid/content/store.py), once, in this fresh process:
    ``store_start_ms``, what the start pays before its first page (the stamp, the decode), and ``rederive_ms``, the full
    read and check right after the first paint, with PySide6 loaded as it is by then. bench/run.py runs it a few
    times, each in a fresh process, and takes the medians."""
    import subprocess

    from decision_aid.content import start_content
    from decision_aid.content import store as content_store
    from decision_aid.paths import content_dir

    root = content_dir()
    path = content_store.checkout_store(root)
    # the files changed: one start writes it
    if path is None or content_store.read_checkout_store(path, root, content_store.stamp(root)) is None:
        subprocess.run([sys.executable, "-c", "from decision_aid.content import start_content; "
                        "from decision_aid.paths import content_dir; start_content(content_dir())"], check=True)
    t0 = time.perf_counter()
    _, rederive = start_content(root)
    start_ms = (time.perf_counter() - t0) * 1000
    if rederive is None:
        return {"missing": f"a content store in {path} (is the folder read-only?)"}
    import PySide6.QtWidgets  # noqa: F401 (loaded, as in the app when the re-derivation runs)

    t0 = time.perf_counter()
    rederive()
    return {"store_start_ms": start_ms, "rederive_ms": (time.perf_counter() - t0) * 1000}


GROUPS = {"content": content, "summary": summary, "pages": pages, "store": store}

if __name__ == "__main__":
    group, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20
    print(json.dumps(GROUPS[group](runs)))
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: not part of any figure
