"""The one wiring module: builds the Qt application, loads the content, and hands both to the window."""

from __future__ import annotations

import sys

from .content import load_content
from .errors import ContentError
from .paths import content_dir

CONTENT_REFUSED = "decision-aid: the content has problems, so the aid will not start:"


def run_app(*, content: str | None = None, kiosk: bool = False, clinic: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from .ui import dialogs, fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Decision aid")
    family = fonts.load_fonts()
    app.setFont(fonts.app_font(family, 12))
    try:
        bundle = load_content(content or content_dir())
    except ContentError as exc:
        print(CONTENT_REFUSED, file=sys.stderr)
        print(exc.report(), file=sys.stderr)
        dialogs.show_content_errors(exc)
        return 1
    from .ui.main_window import MainWindow

    window = MainWindow(content=bundle, kiosk=kiosk, clinic=clinic)
    window.show()
    return app.exec()
