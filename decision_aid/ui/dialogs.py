"""Dialogs shown at the boundary: the wiring module and page validation, nowhere deeper."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import ProblemsError


def show_content_errors(error: ProblemsError, parent: QWidget | None = None) -> None:
    """The aid will not start on broken content: say so, and list every problem."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("The decision aid cannot start")
    box.setText("The aid's content has problems, so it will not start. Please tell the clinic's IT team.")
    box.setInformativeText(f"{len(error.problems)} problem(s) found. Show details for the list.")
    box.setDetailedText(error.report())
    box.setAccessibleName("The decision aid cannot start")
    box.exec()
