"""Every tailored variant of the aid, computed with the tailoring function itself over every situation.

A situation is every combination of answers to the situation questions (each choice, or unanswered) and whether the
clinic lists open trials. Choices that no rule and no ``show_when`` tells apart give the same view, so each question
is enumerated by the classes of choices the content's own conditions distinguish (one choice stands for each class),
and a list question by its empty answer and each choice or pair of classes. That keeps every distinct view while the
count stays in the thousands. Situations that give the same view (options and framings, notes, pages shown) are one
variant; the packet shows each variant once, with the first situation that gives it and how many do.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..answers import LIST_FIELDS, SITUATION_CHOICES, Answers
from ..content.model import STEPS, Content, OnlyOf
from ..tailoring import tailor, visible_pages

CLINIC_TRIALS = (False, True)
# What tells one variant from another: (option id, framing) pairs, note ids, page ids, (study id, how its figures
# relate to the person) pairs; and the rules that applied.
Signature = tuple[
    tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], tuple[str, ...]
]
# Steps whose pages may carry show_when (the wizard's content steps and the pages opened from them); notes are
# chosen by the rules instead.
PAGE_STEPS = tuple(step for step in STEPS if step != "note")


@dataclass(frozen=True)
class Variant:
    number: int
    options: tuple[tuple[str, str], ...]  # (option id, framing id), in grid order
    notes: tuple[str, ...]  # note page ids, the lead first
    pages: tuple[str, ...]  # pages of the wizard's steps shown in this variant (show_when matched)
    studies: tuple[tuple[str, str], ...]  # (study id, applies | not_included | unsure | ...), those like you first
    rules: tuple[str, ...]
    example: dict[str, Any]  # the first situation (answers' situation dict) that gives this variant
    clinic_trials: bool  # the example's clinic lists open trials
    count: int  # how many of the enumerated situations give it


def _conditions(content: Content) -> list[dict[str, Any]]:
    conditions = [rule.when for rule in content.tailoring.rules]
    conditions += [p.show_when for p in content.pages.values() if p.show_when]
    # who each study took tells choices apart too: its figures apply, or not, or the answer is not sure
    for study in content.tailoring.studies:
        for criterion in study.criteria:
            conditions += [{criterion.answer: criterion.took}, {criterion.answer: criterion.not_took}]
    return conditions


def _classes(field: str, conditions: list[dict[str, Any]]) -> list[str]:
    """One representative choice per class of choices that every condition on ``field`` treats alike."""
    seen, representatives = set(), []
    for value in SITUATION_CHOICES[field]:
        signature = []
        for cond in conditions:
            accepted = cond.get(field)
            if accepted is None:
                continue
            values = accepted.values if isinstance(accepted, OnlyOf) else accepted
            signature.append(value in values)
        key = tuple(signature)
        if key not in seen:
            seen.add(key)
            representatives.append(value)
    return representatives


def situation_space(content: Content) -> list[tuple[str, list[Any]]]:
    """Every situation to try: a list of (field, choices) where a choice of None means unanswered."""
    conditions = _conditions(content)
    space = []
    for field in SITUATION_CHOICES:
        reps = _classes(field, conditions)
        picks: list[Any]  # None (unanswered), then choices (a tuple of them for a list question)
        if field in LIST_FIELDS:
            mentioned = any(field in c for c in conditions)
            picks = [None] + (
                [(v,) for v in reps] + [pair for pair in itertools.combinations(reps, 2)] if mentioned else []
            )
        else:
            picks = [None] + reps
        space.append((field, picks))
    return space


def situations(content: Content) -> Iterator[tuple[dict[str, Any], bool]]:
    """(situation dict, clinic lists trials) for every enumerated situation, in a fixed order."""
    space = situation_space(content)
    fields = [f for f, _ in space]
    for clinic in CLINIC_TRIALS:
        for combo in itertools.product(*(picks for _, picks in space)):
            yield {f: v for f, v in zip(fields, combo, strict=True) if v is not None}, clinic


def view_signature(content: Content, situation: dict[str, Any], *, clinic_trials: bool) -> Signature:
    view = tailor(content, Answers(situation=situation), clinic_has_trials=clinic_trials)
    options = tuple((o.id, o.framing) for o in view.options)
    notes = tuple(n.id for n in view.notes)
    pages = tuple(p.id for step in PAGE_STEPS for p in visible_pages(content, view, step))
    studies = tuple((s.id, s.status) for s in view.studies)
    return options, notes, pages, studies, view.rules


def tailored_variants(content: Content) -> tuple[Variant, ...]:
    found: dict[tuple[Any, ...], list[Any]] = {}
    for situation, clinic in situations(content):
        options, notes, pages, studies, rules = view_signature(content, situation, clinic_trials=clinic)
        key = (options, notes, pages, studies)
        if key in found:
            found[key][2] += 1
        else:
            found[key] = [situation, (clinic, rules), 1]
    variants = []
    for number, (key, (example, (clinic, rules), count)) in enumerate(found.items(), 1):
        options, notes, pages, studies = key
        variants.append(Variant(number, options, notes, pages, studies, rules, example, clinic, count))
    return tuple(variants)
