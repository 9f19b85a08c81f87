"""Which answers a person has given so far, and which of the wizard's steps that completes.

Pure Python (no Qt): the step list's completion marks read it. The answers each page asks are taken from the answers
file's declaration (``answers.py``), so a new question is counted without a change here."""

from __future__ import annotations

from collections.abc import Iterable

from .answers import SITUATION_CHOICES, SURE_ITEMS, VALUE_ITEMS, Answers

# The answer fields each wizard page asks, by the page's key; a page not named here only tells.
PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "situation": tuple(SITUATION_CHOICES),
    "values": VALUE_ITEMS,
    "leaning": ("leaning",),
    "sure": SURE_ITEMS,
    "questions": ("questions", "own_questions"),
    "summary": ("name",),
}


def answered_fields(answers: Answers) -> set[str]:
    """The fields with an answer: situation and values keys, ``leaning``, SURE keys, ``questions``,
    ``own_questions`` and ``name`` when given."""
    done = set(answers.situation) | set(answers.values) | set(answers.sure)
    for name in ("leaning", "questions", "own_questions", "name"):
        if getattr(answers, name):
            done.add(name)
    return done


def step_done(fields: Iterable[str], answered: set[str], *, visited: bool) -> bool:
    """A step that asks something is done once one of its questions is answered; one that only tells, once seen."""
    fields = set(fields)
    return bool(fields & answered) if fields else visited
