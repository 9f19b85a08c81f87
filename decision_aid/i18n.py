"""The aid's own words in the person's language: one gettext catalogue for Python, Qt widgets and Jinja2 templates.

The catalogue is `decision_aid/locale/<language>/LC_MESSAGES/messages.po`, extracted from the code with
`make messages` (Babel) and compiled to the `.mo` beside it. English is the source language: its words are the
message ids themselves, so it needs no catalogue.

Two ways to ask for a translation:
- `translation(language)` gives one language's `gettext`/`ngettext`, whatever the session's language is: the
  printout uses it for its English panel for the care team beside a Spanish body.
- `_()` and `ngettext()` use the language the person chose (`set_language`), for the window's words.
Words defined at import time (module constants) are marked with `N_()` for extraction and translated where used.
"""

from __future__ import annotations

import gettext as _gettext
from datetime import date
from pathlib import Path
from typing import Final

LOCALE_DIR: Final = Path(__file__).parent / "locale"
DOMAIN: Final = "messages"
SOURCE_LANGUAGE: Final = "en"
# Each language the aid speaks, by its code, with its own name for itself (what its button shows).
LANGUAGES: Final[dict[str, str]] = {"en": "English", "es": "Español"}

_translations: dict[str, _gettext.NullTranslations] = {}
_active: list[str] = [SOURCE_LANGUAGE]


class UnknownLanguage(ValueError):
    """A language code the aid has no catalogue for."""


def translation(language: str) -> _gettext.NullTranslations:
    """The catalogue of one language (read once per process)."""
    found = _translations.get(language)
    if found is not None:
        return found
    if language not in LANGUAGES:
        raise UnknownLanguage(f"expected one of {', '.join(LANGUAGES)}, received {language!r}")
    if language == SOURCE_LANGUAGE:
        found = _gettext.NullTranslations()
    else:
        # No fallback: a missing compiled catalogue is an installation fault, told at once (FileNotFoundError), not
        # English shown silently to a person who chose Spanish. Opened by its path, as gettext.translation would find
        # it, without its search through the locale's aliases (which imports locale: about 1.5 ms of the start).
        with (LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as catalogue:
            found = _gettext.GNUTranslations(catalogue)
    _translations[language] = found
    return found


def set_language(language: str) -> None:
    """The language of the window's words from now on."""
    translation(language)
    _active[0] = language


def language() -> str:
    """The language the person chose (English until they choose)."""
    return _active[0]


def _(message: str) -> str:
    """`message` in the person's language."""
    return translation(_active[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message, for `count`, in the person's language."""
    return translation(_active[0]).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (for words defined at import time)."""
    return message


# The months, for dates in the locale's form without Babel at run time (its import alone costs more than the start
# can spare): each language's names come from its catalogue, like every other word.
MONTHS: Final = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
                 N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def format_date(day: date, language: str | None = None) -> str:
    """``day`` as a person reads it in ``language`` (the person's by default): "2 December 2026",
    "2 de diciembre de 2026"."""
    words = translation(language or _active[0])
    # Translators: a date; keep {day}, {month} and {year} (the month's name is translated on its own).
    return words.gettext("{day} {month} {year}").format(day=day.day, month=words.gettext(MONTHS[day.month - 1]),
                                                        year=day.year)
