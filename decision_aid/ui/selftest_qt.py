"""The self-test's Qt side: start Qt, load the shipped font, and draw every wizard page for the example situations.

Windows are made with WA_DontShowOnScreen: laid out and painted as if shown, but never on the screen, so the
self-test can run on an IT person's desktop without windows flashing by.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QPoint, QRect, Qt, QTimer, qInstallMessageHandler
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ..clinic import Clinic
from ..examples import example_answers
from . import fonts

# The extra run: one situation in kiosk mode at the largest text and in high contrast.
KIOSK_EXAMPLE = "unsure_everywhere"
KIOSK_TEXT_SCALE = 200


# What the offscreen platform says about window features it lacks: true, and of no use to the person reading.
_PLATFORM_NOTES = ("This plugin does not support",)


def _print_qt_message(mode, context, message: str) -> None:
    if not message.startswith(_PLATFORM_NOTES):
        print(message, file=sys.stderr)


def start_qt() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # none yet (a QCoreApplication is never made in this process)
        qInstallMessageHandler(_print_qt_message)  # only in a process of our own (not under pytest-qt's handler)
        app = QApplication(["decision-aid", "--self-test"])
    return app


def describe_qt(app: QApplication) -> str:
    return f"PySide6 {PYSIDE_VERSION}, platform {app.platformName()}"


def load_shipped_font(app: QApplication) -> str:
    family = fonts.load_fonts()
    app.setFont(fonts.app_font(family, 12))
    return family


def inked_share(image: QImage) -> float:
    """The share of pixels that differ from the most common colour (0 for a blank picture)."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return 0.0
    # Smooth scaling keeps thin text as grey rather than dropping it; 256 columns leave no padding per line.
    small = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        256, 192, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = bytes(small.constBits())[: 256 * 192]
    return 1.0 - max(Counter(data).values()) / len(data)


class _Watch:
    """While pages are drawn: collect Python errors raised inside Qt, and close any dialog that opens."""

    def __init__(self, app: QApplication):
        self.app = app
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.expecting_dialog = False  # while the self-test opens About and the glossary itself
        self._timer = QTimer()
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._close_modal)

    def __enter__(self):
        self._old_hook = sys.excepthook
        sys.excepthook = self._hook
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.stop()
        sys.excepthook = self._old_hook

    def _hook(self, kind, value, tb) -> None:
        self.errors.append(f"{kind.__name__}: {value}")

    def _close_modal(self) -> None:
        if self.expecting_dialog:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None:
            self.dialogs.append(modal.windowTitle() or type(modal).__name__)
            modal.close()


def render_example_pages(app: QApplication, *, content, examples: Sequence[str], size: tuple[int, int],
                         min_inked_share: float) -> tuple[list[str], str]:
    """Draw every page of the wizard for each example; return (problems, what was drawn)."""
    try:
        from .main_window import MainWindow
    except ImportError as exc:
        return [f"the wizard is not available ({exc})"], ""
    problems: list[str] = []
    drawn = [0, 0]  # wizard pages, dialogs
    known = content.prompt_ids()
    runs = [(name, False, 100, False) for name in examples]
    if KIOSK_EXAMPLE in examples:
        runs.append((KIOSK_EXAMPLE, True, KIOSK_TEXT_SCALE, True))
    with _Watch(app) as watch:
        for n, (name, kiosk, scale, high_contrast) in enumerate(runs):
            label = f"{name}" + (f" (kiosk, text {scale}%, high contrast)" if kiosk else "")
            try:
                pages, dialogs = _render_one(app, MainWindow, content=content, answers=example_answers(
                    name, known_questions=known), kiosk=kiosk, scale=scale, high_contrast=high_contrast,
                    size=size, min_inked_share=min_inked_share, label=label, problems=problems,
                    watch=watch if n in (0, len(runs) - 1) else None)
                drawn[0] += pages
                drawn[1] += dialogs
            except Exception as exc:  # report which situation broke, and go on with the others
                problems.append(f"{label}: {type(exc).__name__}: {exc}")
        problems += [f"a Python error inside Qt: {e}" for e in watch.errors]
        problems += [f"a dialog opened by itself while the pages were drawn: {d!r}" for d in watch.dialogs]
    return problems, (f"{drawn[0]} pages drawn for {len(examples)} example situations (and {KIOSK_EXAMPLE} in "
                      f"kiosk mode at {KIOSK_TEXT_SCALE}% text, high contrast), and {drawn[1]} About and glossary "
                      "dialogs; none blank")


# Always at hand beside the wizard: (what it is, the session view's method that opens it).
AT_HAND = (("About this aid", "show_about"), ("the glossary", "show_glossary"))


def _render_dialogs(app, window, *, label, min_inked_share, problems, watch: _Watch) -> int:
    drawn = 0
    view = getattr(window, "view", None)
    for name, method in AT_HAND:
        where = f"{label}: {name}"
        opener = getattr(view, method, None)
        if opener is None:
            problems.append(f"{where}: not available (the window has no {method}())")
            continue
        dialog = None
        watch.expecting_dialog = True
        try:
            dialog = opener()
            _settle(app, dialog)
            share = inked_share(dialog.grab().toImage())
            if share < min_inked_share:
                problems.append(f"{where}: expected a drawn dialog, received a blank one ({share:.2%} inked)")
            drawn += 1
        except Exception as exc:  # report it with where it happened, then go on
            problems.append(f"{where}: {type(exc).__name__}: {exc}")
        finally:
            if dialog is not None:
                dialog.close()
            app.processEvents()
            watch.expecting_dialog = False
    return drawn


def _settle(app: QApplication, window, *, passes: int = 20) -> None:
    """Let layouts finish (wrapped text takes a few passes to find its height): until two pictures agree."""
    previous = None
    for _ in range(passes):
        app.processEvents()
        picture = window.grab().toImage()
        if picture == previous:
            return
        previous = picture


def _render_one(app, main_window_class, *, content, answers, kiosk, scale, high_contrast, size, min_inked_share,
                label, problems, watch: _Watch | None) -> tuple[int, int]:
    """Draw every page of one situation (and, when ``watch`` is given, the About and glossary dialogs)."""
    window = main_window_class(content=content, kiosk=kiosk, clinic=Clinic())
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    try:
        window.resize(*size)
        window.show()
        session = window.session
        session.replace_answers(answers=answers)
        session.set_text_scale(scale=scale)
        session.set_high_contrast(on=high_contrast)
        wizard = window.wizard
        pages = list(wizard.step_pages)
        drawn = 0
        for page_id, page in enumerate(pages):
            wizard.go_to(page_id)
            _settle(app, window)
            where = f"{label}: page {page_id + 1} ({page.objectName() or type(page).__name__})"
            if wizard.currentId() != page_id:
                problems.append(f"{where}: expected to reach it, received page {wizard.currentId() + 1}")
                continue
            if not page.title_text.strip():
                problems.append(f"{where}: expected a title, received none")
            # The page's body as the person sees it (the window's background and style included).
            body = getattr(page, "scroll", page)
            share = inked_share(window.grab(QRect(body.mapTo(window, QPoint(0, 0)), body.size())).toImage())
            if share < min_inked_share:
                problems.append(f"{where}: expected a drawn page, received a blank one ({share:.2%} inked)")
            drawn += 1
        if not drawn:
            problems.append(f"{label}: expected wizard pages, received none")
        dialogs = 0
        if watch is not None:
            dialogs = _render_dialogs(app, window, label=label, min_inked_share=min_inked_share, problems=problems,
                                      watch=watch)
        return drawn, dialogs
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
