"""Tailoring: which options the aid shows, how it frames them, and which notes it puts first. Pure Python.

The rules are content (``tailoring.yaml``); this module only evaluates them, in file order, later rules winning on
framing. Unanswered questions count as "not sure" (``trial_offered``: "not discussed").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import LIST_FIELDS, SITUATION_CHOICES, Answers
from .content.model import Content, OnlyOf, Page

# How an unanswered question counts when rules are matched.
UNANSWERED: dict[str, tuple[str, ...]] = {
    "trial_offered": ("not_discussed",), "symptom_kinds": (), "spread_sites": ("unsure",)
}


@dataclass(frozen=True)
class ShownOption:
    id: str
    title: str
    framing: str  # standard | option_to_discuss | not_usually_advised
    framing_label: str  # the words shown for the framing
    page_id: str
    grid: dict[str, str]  # grid row id -> inline HTML


@dataclass(frozen=True)
class TailoredView:
    """What the pages and the summary show for one person's situation."""

    options: tuple[ShownOption, ...]
    notes: tuple[Page, ...]  # in rule order; the first is the lead message
    rules: tuple[str, ...]  # ids of the rules that applied
    values: dict[str, tuple[str, ...]]  # the situation as rules saw it: field -> tuple of values

    @property
    def lead(self) -> Page | None:
        return self.notes[0] if self.notes else None

    def option(self, option_id: str) -> ShownOption | None:
        return next((o for o in self.options if o.id == option_id), None)


def situation_values(answers: Answers, *, clinic_has_trials: bool) -> dict[str, tuple[str, ...]]:
    values: dict[str, tuple[str, ...]] = {}
    for key in SITUATION_CHOICES:
        answer = answers.situation.get(key)
        if key in LIST_FIELDS:
            values[key] = tuple(answer) if answer else UNANSWERED[key]
        else:
            values[key] = (answer,) if isinstance(answer, str) and answer else UNANSWERED.get(key, ("unsure",))
    values["clinic_trials"] = ("yes",) if clinic_has_trials else ("no",)
    return values


def matches(condition: Mapping[str, Any] | None, values: Mapping[str, tuple[str, ...]]) -> bool:
    """A condition matches when, for every field it names, the answer is one of the accepted values.

    For a list answer, any ticked value counts; with ``{only: [...]}`` (OnlyOf), nothing else may be ticked.
    """
    if not condition:
        return True
    for field, accepted in condition.items():
        answer = set(values.get(field, ()))
        if isinstance(accepted, OnlyOf):
            if not answer or not answer <= set(accepted.values):
                return False
        elif not set(accepted) & answer:
            return False
    return True


def tailor(content: Content, answers: Answers, *, clinic_has_trials: bool = False) -> TailoredView:
    values = situation_values(answers, clinic_has_trials=clinic_has_trials)
    t = content.tailoring
    shown = {o.id: o.shown for o in t.options}
    framing = {o.id: o.framing for o in t.options}
    notes: list[str] = []
    applied = []
    for rule in t.rules:
        if not matches(rule.when, values):
            continue
        applied.append(rule.id)
        framing.update(rule.framing)
        for option_id in rule.show:
            shown[option_id] = True
        for option_id in rule.hide:
            shown[option_id] = False
        notes.extend(n for n in rule.notes if n not in notes)
    shown["medicines_only"] = True  # always there: the checker refuses rules that hide it
    options = tuple(
        ShownOption(
            id=o.id,
            title=content.pages[o.page].title,
            framing=framing[o.id],
            framing_label=t.framings[framing[o.id]],
            page_id=o.page,
            grid=content.pages[o.page].grid,
        )
        for o in t.options
        if shown[o.id]
    )
    return TailoredView(options, tuple(content.pages[n] for n in notes), tuple(applied), values)


def visible_pages(content: Content, view: TailoredView, step: str) -> list[Page]:
    """The pages of a step whose ``show_when`` matches this situation."""
    return [p for p in content.pages_for(step) if matches(p.show_when, view.values)]
