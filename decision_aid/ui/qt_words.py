"""Qt's own words in the language showing: the Print dialog a kiosk opens, the nurse's file dialogs and a text
field's right-click menu are Qt's, not the aid's catalogue's; without Qt's translation they stay in English in the
Spanish window ("Printer", "Cancel", "Paste").

Qt keeps its translators on the application, so the one loaded here lives there too, found again by its name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATOR_NAME = "decisionAidQtWords"


def translations_folder() -> str:
    """Where Qt's own .qm files are (in the bundle too: PyInstaller points Qt's library paths into it)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def use_qt_words(language: str) -> bool:
    """Show Qt's own words in ``language`` from now on; True when Qt has them (English is Qt's own, always True).

    A language Qt has no translation for leaves Qt's English: the aid's own words still change."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    old = app.findChild(QTranslator, TRANSLATOR_NAME)
    if old is not None:
        app.removeTranslator(old)
        old.setObjectName("")  # not found again before it is gone
        old.deleteLater()
    if language == "en":
        return True
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(QLocale(language), "qtbase", "_", translations_folder()):
        translator.setObjectName("")
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True
