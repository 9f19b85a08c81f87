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
    reviewed: dt.date | None  # None: no recorded review stands behind the page
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


@dataclass(frozen=True)
class Tailoring:
    grid_rows: tuple[GridRow, ...]
    framings: dict  # framing id -> words shown
    options: tuple[OptionDef, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class ChangelogEntry:
    version: str
    date: dt.date
    changes: tuple[str, ...]


@dataclass(frozen=True)
class Author:
    """Who wrote the content: a person or a team, their role, and their conflict-of-interest declaration."""

    name: str
    role: str
    declaration: str


@dataclass(frozen=True)
class Review:
    """One recorded review: who, in what role, whether a clinician, when, of which version and pages."""

    name: str
    role: str
    clinician: bool
    date: dt.date
    version: str
    pages: tuple[str, ...]  # () = every page
    declaration: str


@dataclass(frozen=True)
class Bundle:
    name: str
    version: str
    released: dt.date
    review_due: dt.date
    status: str
    number_phrases: tuple[str, ...]
    changelog: tuple[ChangelogEntry, ...]
    authors: tuple[Author, ...] = ()
    reviewers: tuple[Review, ...] = ()

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
