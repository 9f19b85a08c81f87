"""Every failure on the way to the printer is told kindly and keeps the session: an empty printer list between the
check and the dialog, a driver that throws, anything from Qt's print path. Wraps ``printing.print_summary``."""

from __future__ import annotations

import functools
import sys

from ..limits import excerpt

PRINT_FAILED_TITLE = "Printing failed"


def kindly(print_summary):
    """``print_summary`` that never raises: on any exception the person is told (``PRINT_FAILED``, through the
    same ``tell``), the staff see one line on stderr, and False is returned, so the caller offers a PDF."""

    @functools.wraps(print_summary)
    def guarded(summary, parent=None, *, paper=None, tell=None):
        from . import printing

        try:
            return print_summary(summary, parent, paper=paper, tell=tell)
        except Exception as exc:  # noqa: BLE001 - whatever the printer did, the session stays
            print(f"decision-aid: printing failed: {type(exc).__name__}: {excerpt(exc, 120)}", file=sys.stderr)
            (tell or printing._tell)(parent, PRINT_FAILED_TITLE, printing.PRINT_FAILED)
            return False

    return guarded
