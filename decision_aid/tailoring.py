"""Tailoring: from the answers, everything the pages and the summary show. Pure Python.

``tailor`` is the one place that decides: which options (and which page of each), how they are framed, which notes
come first, which leanings can be picked, which figures apply to this person (``applicability``), which questions a
"not sure" answer suggests, and what to flag for the doctor (``flags``). The rules are content (``tailoring.yaml``);
this module only evaluates them, in file order, later rules winning on framing. Unanswered questions count as
"not sure" (``trial_offered``: "not discussed").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from .answers import LIST_FIELDS, SITUATION_CHOICES, Answers
from .applicability import FigureUse, StudyUse, figure_uses, study_uses
from .content.model import Content, OnlyOf, Page
from .flags import Flag as Flag  # (Flag is declared beside the rules that raise flags; named here as before)
from .flags import flags_for, unanswered_steps

# How an unanswered question counts when rules are matched.
UNANSWERED: dict[str, tuple[str, ...]] = {
    "trial_offered": ("not_discussed",), "symptom_kinds": (), "spread_sites": ("unsure",)
}


class ShownOption(msgspec.Struct, frozen=True):
    id: str
    title: str
    framing: str  # standard | option_to_discuss | not_usually_advised
    framing_label: str  # the words shown for the framing
    page_id: str
    grid: dict[str, str]  # grid row id -> inline HTML


class Leaning(msgspec.Struct, frozen=True):
    id: str  # an option id, or "unsure"
    label: str  # the option's own title: the same words as on the options page


class TailoredView(msgspec.Struct, frozen=True):
    """What the pages and the summary show for one person's answers."""

    options: tuple[ShownOption, ...]
    notes: tuple[Page, ...]  # in rule order; the first is the lead message
    rules: tuple[str, ...]  # ids of the rules that applied
    values: dict[str, tuple[str, ...]]  # the situation as rules saw it: field -> tuple of values
    studies: tuple[StudyUse, ...] = ()  # those that took people like this person first
    figures: dict[str, FigureUse] = msgspec.field(default_factory=dict)  # fact id -> FigureUse
    leanings: tuple[Leaning, ...] = ()  # every option shown, then "not sure yet"
    suggested_questions: tuple[str, ...] = ()  # prompt ids from "I'm not sure" answers
    flags: tuple[Flag, ...] = ()
    unanswered_steps: tuple[tuple[str, str], ...] = ()  # (step id, its name), steps with no answer at all

    @property
    def render_key(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What the situation-dependent parts depend on: pages re-render only when it changes."""
        return tuple(sorted(self.values.items()))

    def figure(self, fact_id: str) -> FigureUse:
        return self.figures.get(fact_id) or FigureUse(fact_id, None, "general", "")

    def study(self, study_id: str) -> StudyUse | None:
        return next((s for s in self.studies if s.id == study_id), None)

    def study_for_page(self, page_id: str) -> StudyUse | None:
        return next((s for s in self.studies if page_id in s.pages), None)

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
    for name, accepted in condition.items():
        answer = set(values.get(name, ()))
        if isinstance(accepted, OnlyOf):
            if not answer or not answer <= set(accepted.values):
                return False
        elif not set(accepted) & answer:
            return False
    return True


def tailor(content: Content, answers: Answers, *, clinic_has_trials: bool = False) -> TailoredView:
    """Everything the pages and the summary show for these answers."""

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
    options = []
    for o in t.options:
        if not shown[o.id]:
            continue
        page = option_page(content, o.id, o.page, values)
        options.append(ShownOption(id=o.id, title=page.title, framing=framing[o.id],
                                   framing_label=t.framings[framing[o.id]], page_id=page.id, grid=page.grid))
    studies = study_uses(content, values)
    leanings = tuple(Leaning(o.id, o.title) for o in options) + (
        Leaning("unsure", content.form.leaning.choices["unsure"]),)
    view = TailoredView(tuple(options), tuple(content.pages[n] for n in notes), tuple(applied), values,
                        studies=studies, figures=figure_uses(content, studies), leanings=leanings,
                        suggested_questions=suggested_questions(content, answers),
                        unanswered_steps=unanswered_steps(content, answers))
    return msgspec.structs.replace(view, flags=flags_for(content, answers, view))


def option_page(content: Content, option_id: str, default_page: str, values: Mapping[str, tuple[str, ...]]) -> Page:
    """The option's page for this situation: the first page of that option whose ``show_when`` matches (file
    order), else the one ``tailoring.yaml`` names."""
    for page in content.pages_for("option"):
        if page.option == option_id and page.show_when and matches(page.show_when, values):
            return page
    return content.pages[default_page]


def suggested_questions(content: Content, answers: Answers) -> tuple[str, ...]:
    """One question for each "I'm not sure" about the situation, in the order of the form."""
    out = []
    for key, qid in content.tailoring.unsure_questions.items():
        answer = answers.situation.get(key)
        unsure = "unsure" in answer if isinstance(answer, tuple) else answer == "unsure"
        if unsure and qid not in out:
            out.append(qid)
    return tuple(out)


def visible_pages(content: Content, view: TailoredView, step: str) -> list[Page]:
    """The pages of a step whose ``show_when`` matches this situation."""
    return [p for p in content.pages_for(step) if matches(p.show_when, view.values)]
