"""The validated content model: plain frozen data, read by the tailoring, the pages and the summary."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

STEPS = (
    "welcome",
    "situation",
    "local-therapy",
    "option",
    "trials",
    "risks",
    "values",
    "leaning",
    "questions",
    "summary",
    "about",
    "note",
    "detail",
)
# Steps the wizard cannot do without: at least one page each.
REQUIRED_STEPS = ("welcome", "situation", "local-therapy", "trials", "risks", "values", "leaning", "questions",
                  "summary", "about")
AUDIENCES = ("patient", "nurse")
FRAMINGS = ("standard", "option_to_discuss", "not_usually_advised")
STATUSES = ("draft", "reviewed")


@dataclass(frozen=True)
class Fact:
    id: str
    value: float
    phrase: str
    population: str
    time_frame: str
    source: str
    status: str
    per100: float | None = None
    note: str | None = None
    study: str | None = None  # the study (tailoring.yaml ``studies``) whose people this figure describes


@dataclass(frozen=True)
class Reference:
    id: str
    authors: str | None
    citation: str
    year: int | None
    trial: str | None = None
    nct: str | None = None
    doi: str | None = None
    note: str | None = None

    def text(self) -> str:
        parts = [f"{self.authors} {self.citation}" if self.authors else self.citation]
        if self.trial:
            parts.insert(0, f"{self.trial}:")
        if self.nct:
            parts.append(f"({self.nct})")
        if self.doi:
            parts.append(f"doi:{self.doi}")
        return " ".join(parts)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str  # plain text, placeholders expanded
    definition_html: str


@dataclass(frozen=True)
class Comparison:
    """Figures side by side on one icon-array scale: same denominator, same time frame."""

    title: str
    facts: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    step: str
    audience: str
    version: str
    reviewed: dt.date
    review_due: dt.date
    sources: tuple[str, ...]
    markdown: str  # the body with placeholders and glossary words expanded: ``html`` is made from it
    path: str  # relative to the content folder
    terms: tuple[str, ...] = ()  # glossary ids marked on the page, in order
    facts: tuple[str, ...] = ()
    show_when: dict | None = None
    option: str | None = None
    grid: dict = field(default_factory=dict)  # grid row id -> inline HTML
    compare: tuple[Comparison, ...] = ()

    # Rendered the first time they are read, not when the content is loaded: a start shows one page of ~40, and
    # rendering them all cost about a tenth of the load. The result is the same whenever it is made (``markdown``
    # is all it depends on); a stored model (``cache.write_model``) holds them rendered.
    @functools.cached_property
    def html(self) -> str:
        from .markup import to_html

        return to_html(self.markdown)

    @functools.cached_property
    def text(self) -> str:
        """Plain text of the rendered page."""
        from .markup import html_to_text

        return html_to_text(self.html)


@dataclass(frozen=True)
class Question:
    """One question of the form: a prompt, a help line and labelled choices."""

    id: str
    prompt: str
    help_html: str
    choices: dict  # choice id -> label (plain text)
    multiple: bool = False


@dataclass(frozen=True)
class Form:
    situation: dict  # answer key -> Question, in the answers-file order
    values_prompt: str
    values_help_html: str
    scale: tuple[str, ...]
    value_items: dict  # value key -> label
    leaning: Question
    sure_prompt: str
    sure_help_html: str
    sure_items: dict  # sure key -> question text
    sure_flag_html: str
    help: dict = field(default_factory=dict)  # the "Need help? / What happens next" panel's words (form.yaml help)


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str


@dataclass(frozen=True)
class PromptGroup:
    id: str
    title: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class GridRow:
    id: str
    label: str


@dataclass(frozen=True)
class OptionDef:
    id: str
    page: str
    shown: bool
    framing: str


@dataclass(frozen=True)
class OnlyOf:
    """In a condition on a list answer: something was ticked, and nothing but these values ("bone only")."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    when: dict  # field -> tuple of accepted values, or OnlyOf for a list answer
    framing: dict  # option id -> framing
    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# How a study's figures relate to one person (see ``Study``): only ``applies`` may be shown as "people like you".
APPLICABILITY = ("applies", "not_included", "unsure", "not_comparable", "estimate")
STUDY_KINDS = ("matched", "not_comparable", "estimate")
# Flags printed for the doctor (``Tailoring.flag_texts`` words each; value conflicts carry their own words).
FLAG_CODES = ("not_usually_advised", "situation_changed", "leaning_not_shown", "unanswered_steps")


@dataclass(frozen=True)
class Criterion:
    """One answer a study's population depends on: the values it took, the values it did not take (with the plain
    reason), and what to say when the answer is anything else ("not sure", "too early")."""

    answer: str
    took: tuple[str, ...]
    not_took: tuple[str, ...]
    not_included: str  # "this trial did not include people whose cancer was growing"
    unsure: str  # which answer would change what is shown


@dataclass(frozen=True)
class Study:
    """Who a study took, as data: ``matched`` studies are matched answer by answer; ``not_comparable`` and
    ``estimate`` studies never describe "people like you" and always carry their ``label``."""

    id: str
    name: str
    kind: str  # matched | not_comparable | estimate
    pages: tuple[str, ...] = ()  # content pages about this study (step trials)
    criteria: tuple[Criterion, ...] = ()
    applies: str | None = None  # matched: what is said when the answers match ("a trial of people like you")
    label: str | None = None  # not_comparable, estimate: what is always said beside its figures


@dataclass(frozen=True)
class ValueConflict:
    """A leaning that pulls against something the person rated highly."""

    leaning: str
    value: str
    at_least: int
    text: str


@dataclass(frozen=True)
class Tailoring:
    grid_rows: tuple[GridRow, ...]
    framings: dict  # framing id -> words shown
    options: tuple[OptionDef, ...]
    rules: tuple[Rule, ...]
    studies: tuple[Study, ...] = ()
    unsure_questions: dict = field(default_factory=dict)  # situation answer -> prompt id asked when "not sure"
    value_conflicts: tuple[ValueConflict, ...] = ()
    flag_texts: dict = field(default_factory=dict)  # flag code -> words; {option} and {steps} are filled in

    def study(self, study_id: str) -> Study | None:
        return next((s for s in self.studies if s.id == study_id), None)


@dataclass(frozen=True)
class ChangelogEntry:
    version: str
    date: dt.date
    changes: tuple[str, ...]


@dataclass(frozen=True)
class Bundle:
    name: str
    version: str
    released: dt.date
    review_due: dt.date
    status: str
    number_phrases: tuple[str, ...]
    changelog: tuple[ChangelogEntry, ...]

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Content:
    root: Path
    bundle: Bundle
    facts: dict  # id -> Fact
    references: dict  # id -> Reference
    glossary: dict  # id -> Term
    form: Form
    prompt_groups: tuple[PromptGroup, ...]
    tailoring: Tailoring
    pages: dict  # id -> Page, in file-name order
    fingerprint: str
    files: int

    def pages_for(self, step: str) -> list[Page]:
        return [p for p in self.pages.values() if p.step == step]

    def page(self, page_id: str) -> Page:
        return self.pages[page_id]

    def prompt_ids(self) -> set[str]:
        return {p.id for g in self.prompt_groups for p in g.prompts}

    def prompt(self, prompt_id: str) -> Prompt:
        for group in self.prompt_groups:
            for p in group.prompts:
                if p.id == prompt_id:
                    return p
        raise KeyError(prompt_id)

    def option(self, option_id: str) -> OptionDef:
        for o in self.tailoring.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)
