"""Which answers a person has given so far, by field name (the names the wizard pages declare in ``FIELDS``).

Pure Python (no Qt): the step list's completion marks read it."""

from __future__ import annotations

from .answers import Answers


def answered_fields(answers: Answers) -> set[str]:
    """The fields with an answer: situation and values keys, ``leaning``, SURE keys, ``questions``,
    ``own_questions`` and ``name`` when given."""
    done = set(answers.situation) | set(answers.values) | set(answers.sure)
    for name in ("leaning", "questions", "own_questions", "name"):
        if getattr(answers, name):
            done.add(name)
    return done


def step_done(fields, answered: set[str], *, visited: bool) -> bool:
    """A step that asks something is done once one of its questions is answered; one that only tells, once seen."""
    fields = set(fields)
    return bool(fields & answered) if fields else visited
