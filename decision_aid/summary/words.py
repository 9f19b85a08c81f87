"""The printout's own words in one language: labels, headings, fixed sentences, month names and dates, from the aid's
gettext catalogue (``decision_aid.i18n``). Every word the content does not give comes from here or from the HTML
template's ``_()``; the Typst template gets all of its words as data (``labels``, ``glance_labels``). Pure Python.

Each function takes the language: a Spanish printout carries an English panel for the care team, so two languages
are used in one document whatever the window's language is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..i18n import N_, translation

if TYPE_CHECKING:
    from .model import Summary

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))
STATUS_WORDS = {"draft": N_("draft"), "reviewed": N_("reviewed")}
TITLE = N_("My discussion summary")
DRAFT_TEXT = N_("DRAFT: the information in this aid has not yet been reviewed by a clinician.")
TRANSLATION_DRAFT_TEXT = N_("DRAFT TRANSLATION: this translation has not yet been reviewed by a medical translator "
                            "and by a clinician who reads it.")
SOURCE_LANGUAGE = "en"


def gettext_for(language: str) -> Callable[[str], str]:
    """The ``gettext`` of one language (English: the words as written)."""
    return translation(language).gettext


def date_text(day: dt.date, language: str) -> str:
    """A date in words ("3 November 2026", "3 de noviembre de 2026"): no day/month mix-up on any paper."""
    _ = gettext_for(language)
    # Translators: a date in words: {day} is a number, {month} a month's name, {year} four digits.
    return _("{day} {month} {year}").format(day=day.day, month=_(MONTHS[day.month - 1]), year=day.year)


def labels(language: str) -> dict[str, str]:
    """The printed pages' own words (summary.typ), in ``language``; ``{…}`` fields are filled in by the template."""
    _ = gettext_for(language)
    return {
        "page": _("Page {page} of {pages}"),
        "not_answered": _("Not answered"),
        "name": _("Name:"),
        "my_situation": _("My situation"),
        "about_me": _("About me"),
        "question": _("Question"),
        "my_answer": _("My answer"),
        "what_matters_to_me": _("What matters to me"),
        "what_matters": _("What matters"),
        "how_much": _("How much"),
        "where_leaning": _("Where I am leaning"),
        "not_yet_sure": _("NOT YET SURE."),
        "talk_through": _("To talk through with the doctor:"),
        "sure_note": _("(the SURE test: any No means not yet sure)"),
        "yes": _("Yes"),
        "no": _("NO"),
        "questions": _("Questions I want to ask"),
        "own_words": _("(my own words)"),
        "shaded": _("{count} shaded"),
        "not_shaded": _("{count} not shaded"),
        "options": _("Options to discuss"),
        "options_intro": _("The options the aid showed for my situation, and how it described each one."),
        "pointed_out": _("It also pointed out: {notes}."),
        "same_figures": _("The same figures as under “{option}”: {titles}."),
        "open_trial": _("Open at this clinic: {name}"),
        "contact": _("Contact: {contact}"),
        "words_used": _("Words used"),
    }


def glance_labels(language: str, patient_language: str) -> dict[str, str]:
    """The at-a-glance panel's words, in ``language`` (English for the care team when the person reads another):
    its heading then says so, and ``note`` tells the person why, in their own language."""
    for_team = language != patient_language
    _ = gettext_for(patient_language)
    note = _("This panel is in English for your care team.") if for_team else ""
    _ = gettext_for(language)
    return {
        "lang": language,  # the panel's language tag (the PDF's and the HTML's), for its hyphenation and reader
        "heading": "For the care team (English)" if for_team else _("At a glance"),
        "note": note,
        "situation": _("Situation:"),
        "leaning": _("Leaning:"),
        "not_yet_sure": _("NOT YET SURE"),
        "talk_about": _("To talk about:"),
        "unanswered": _("Steps not answered:"),
        "matters_most": _("Matters most:"),
        "first_questions": _("First questions:"),
        "more_below": _("({count} more below)"),
        "not_answered": _("Not answered"),
    }


def picture_text(count: int, sentence: str, language: str) -> str:
    """What a screen reader says for a picture of 100 people (the PDF's alt text, the HTML's label)."""
    _ = gettext_for(language)
    # Outside the f-string: pybabel does not look inside one, so the words were never in the catalogue.
    picture = _("Picture of 100 people: {count} of them are shaded.").format(count=count)
    return f"{picture} {sentence}".strip()


def draft_lines(summary: Summary) -> list[str]:
    """The draft notices, in the summary's language: the content's, and a translation's own while it is a draft."""
    _ = summary.gettext
    return ([_(DRAFT_TEXT)] if summary.is_draft else []) + (
        [_(TRANSLATION_DRAFT_TEXT)] if summary.translation_draft else [])


def made_text(summary: Summary) -> str:
    _ = summary.gettext
    if summary.clinic_name:
        return _("Made on {date} at {clinic}").format(date=summary.created_text, clinic=summary.clinic_name)
    return _("Made on {date}").format(date=summary.created_text)
