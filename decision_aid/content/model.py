"""The validated content model: plain frozen data, read by the tailoring, the pages and the summary.

The parts written in the files as they are in the model (facts, references, the bundle, grid rows, options) are
msgspec Structs that ``schema`` declares the files with; the rest is built from the files by ``build``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, ClassVar, Literal

import msgspec
from msgspec import Meta

from ..validation import Bool, Prose, Text
from .language_model import LanguageBundle
from .records import STATUSES, VERSION_PATTERN, Author, Date, Record, Struct, Version

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

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Id = Annotated[str, Meta(pattern=ID_PATTERN, description="an id of lower-case letters, digits, '.', '-' or '_'")]
IdList = Annotated[tuple[Id, ...], Meta(description="a list of ids")]
TextList = Annotated[tuple[Text, ...], Meta(description="a list of texts")]
Int = Annotated[int, Meta(description="a whole number")]
Number = Annotated[int | float, Meta(description="a number")]
Per100 = Annotated[Annotated[int, Meta(ge=0, le=100)] | Annotated[float, Meta(ge=0, le=100)],
                   Meta(description="a number from 0 to 100")]
Nct = Annotated[str, Meta(pattern=r"^NCT\d{8}$", description="an NCT number such as NCT01242800")]
Framing = Literal[FRAMINGS]  # type: ignore[valid-type]


class Fact(Struct, kw_only=True, frozen=True):
    KEY: ClassVar[str] = "id"  # facts.yaml maps each fact's id to its fields
    id: str = ""
    value: Number
    phrase: Text
    per100: Per100 | None = None
    population: Text
    time_frame: Text
    source: Text
    status: Text
    note: Text | None = None
    study: Id | None = None  # the study (tailoring.yaml ``studies``) whose people this figure describes

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if self.status not in ("V", "S"):
            words = " (a figure marked U in FACTS.md is never shown)" if self.status == "U" else ""
            yield "status", "V or S" + words, repr(self.status)


class Reference(Struct, kw_only=True, frozen=True):
    KEY: ClassVar[str] = "id"
    id: str = ""
    # Authors and year are optional: FACTS.md does not give them for every source, and none may be invented.
    authors: Text | None = None
    citation: Text
    year: Int | None = None
    trial: Text | None = None
    nct: Nct | None = None
    doi: Text | None = None
    note: Text | None = None

    def text(self) -> str:
        parts = [f"{self.authors} {self.citation}" if self.authors else self.citation]
        if self.trial:
            parts.insert(0, f"{self.trial}:")
        if self.nct:
            parts.append(f"({self.nct})")
        if self.doi:
            parts.append(f"doi:{self.doi}")
        return " ".join(parts)


class Term(Record, frozen=True):
    id: str
    term: str
    definition: str  # plain text, placeholders expanded
    definition_html: str


class Comparison(Record, frozen=True):
    """Figures side by side on one icon-array scale: same denominator, same time frame."""

    title: str
    facts: tuple[str, ...]


class Page(Record, dict=True, frozen=True):
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
    show_when: dict[str, Condition] | None = None
    option: str | None = None
    grid: dict[str, str] = msgspec.field(default_factory=dict)  # grid row id -> inline HTML
    compare: tuple[Comparison, ...] = ()
    translated_from: str | None = None  # a translation's page: the English page's version it was made from

    # Rendered the first time they are read, not when the content is loaded: a start shows one page of ~40, and
    # rendering them all cost about a tenth of the load. The result is the same whenever it is made (``markdown``
    # is all it depends on).
    @functools.cached_property
    def html(self) -> str:
        from .markup import to_html

        return to_html(self.markdown)

    @functools.cached_property
    def text(self) -> str:
        """Plain text of the rendered page."""
        from .markup import html_to_text

        return html_to_text(self.html)


class Question(Record, frozen=True):
    """One question of the form: a prompt, a help line and labelled choices."""

    id: str
    prompt: str
    help_html: str
    choices: dict[str, str]  # choice id -> label (plain text)
    multiple: bool = False


class Form(Record, frozen=True):
    situation: dict[str, Question]  # answer key -> Question, in the answers-file order
    values_prompt: str
    values_help_html: str
    scale: tuple[str, ...]
    value_items: dict[str, str]  # value key -> label
    leaning: Question
    sure_prompt: str
    sure_help_html: str
    sure_items: dict[str, str]  # sure key -> question text
    sure_flag_html: str
    # the "Need help? / What happens next" panel's words (form.yaml help)
    help: dict[str, str] = msgspec.field(default_factory=dict)


class Prompt(Record, frozen=True):
    id: str
    text: str


class PromptGroup(Record, frozen=True):
    id: str
    title: str
    prompts: tuple[Prompt, ...]


class GridRow(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id and label"
    id: Id
    label: Prose


class OptionDef(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id, page, shown and framing"
    id: Id
    page: Id
    shown: Bool
    framing: Framing


class OnlyOf(Record, frozen=True):
    """In a condition on a list answer: something was ticked, and nothing but these values ("bone only")."""

    values: tuple[str, ...]


Condition = tuple[str, ...] | OnlyOf  # the accepted values of one answer in a rule or a page's show_when


class Rule(Record, frozen=True):
    id: str
    when: dict[str, Condition]  # field -> tuple of accepted values, or OnlyOf for a list answer
    framing: dict[str, str]  # option id -> framing
    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


# How a study's figures relate to one person (see ``Study``): only ``applies`` may be shown as "people like you".
APPLICABILITY = ("applies", "not_included", "unsure", "not_comparable", "estimate")
STUDY_KINDS = ("matched", "not_comparable", "estimate")
# Flags printed for the doctor (``Tailoring.flag_texts`` words each; value conflicts carry their own words).
FLAG_CODES = ("not_usually_advised", "situation_changed", "leaning_not_shown", "unanswered_steps")


class Criterion(Record, frozen=True):
    """One answer a study's population depends on: the values it took, the values it did not take (with the plain
    reason), and what to say when the answer is anything else ("not sure", "too early")."""

    answer: str
    took: tuple[str, ...]
    not_took: tuple[str, ...]
    not_included: str  # "this trial did not include people whose cancer was growing"
    unsure: str  # which answer would change what is shown


class Study(Record, frozen=True):
    """Who a study took, as data: ``matched`` studies are matched answer by answer; ``not_comparable`` and
    ``estimate`` studies never describe "people like you" and always carry their ``label``."""

    id: str
    name: str
    kind: str  # matched | not_comparable | estimate
    pages: tuple[str, ...] = ()  # content pages about this study (step trials)
    criteria: tuple[Criterion, ...] = ()
    applies: str | None = None  # matched: what is said when the answers match ("a trial of people like you")
    label: str | None = None  # not_comparable, estimate: what is always said beside its figures


class ValueConflict(Record, frozen=True):
    """A leaning that pulls against something the person rated highly."""

    leaning: str
    value: str
    at_least: int
    text: str


class Tailoring(Record, frozen=True):
    grid_rows: tuple[GridRow, ...]
    framings: dict[str, str]  # framing id -> words shown
    options: tuple[OptionDef, ...]
    rules: tuple[Rule, ...]
    studies: tuple[Study, ...] = ()
    # situation answer -> prompt id asked when "not sure"
    unsure_questions: dict[str, str] = msgspec.field(default_factory=dict)
    value_conflicts: tuple[ValueConflict, ...] = ()
    # flag code -> words; {option} and {steps} are filled in
    flag_texts: dict[str, str] = msgspec.field(default_factory=dict)

    def study(self, study_id: str) -> Study | None:
        return next((s for s in self.studies if s.id == study_id), None)


class ChangelogEntry(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping"
    version: Version
    date: Date
    changes: TextList


ALL_PAGES = "all"


class Review(Struct, kw_only=True, frozen=True):
    """One recorded review: who, in what role, whether a clinician, when, of which version and pages."""

    EXPECTED: ClassVar[str] = "a mapping with name, role, clinician, date, version, pages, declaration"
    name: Text
    role: Text
    clinician: Bool
    date: Date
    version: Annotated[str, Meta(pattern=VERSION_PATTERN,
                                 description="the content version reviewed, such as 1.0.0")]
    listed: Annotated[Literal["all"] | tuple[Id, ...], Meta(description=f"a list of page ids, or {ALL_PAGES}")] = (
        msgspec.field(name="pages"))
    declaration: Text

    @property
    def pages(self) -> tuple[str, ...]:
        """The page ids reviewed; () means every page."""
        return () if self.listed == ALL_PAGES else tuple(self.listed)


class Bundle(Struct, kw_only=True, frozen=True):
    name: Text
    version: Version
    released: Date
    review_due: Date
    status: Literal[STATUSES]  # type: ignore[valid-type]
    number_phrases: TextList = ()
    changelog: Annotated[tuple[ChangelogEntry, ...], Meta(description="a list")]
    authors: Annotated[
        tuple[Author, ...], Meta(min_length=1, description="a list of entries with name, role, declaration")
    ]
    reviewers: Annotated[
        tuple[Review, ...],
        Meta(description="a list of entries with name, role, clinician, date, version, pages, declaration"),
    ] = ()

    @property
    def is_draft(self) -> bool:
        return bool(self.status == "draft")  # (status: a Literal of a tuple, Any to mypy)

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if self.review_due < self.released:
            yield "review_due", "a date after released", str(self.review_due)
        if not any(e.version == self.version for e in self.changelog):
            yield "changelog", f"an entry for version {self.version}", "none"


class Content(Record, frozen=True):
    root: Path
    bundle: Bundle
    facts: dict[str, Fact]
    references: dict[str, Reference]
    glossary: dict[str, Term]
    form: Form
    prompt_groups: tuple[PromptGroup, ...]
    tailoring: Tailoring
    pages: dict[str, Page]  # in file-name order
    fingerprint: str  # of every file read, each translation's included: the same in every language
    files: int
    language: str = "en"  # the language of every word a person reads in this model
    translation: LanguageBundle | None = None  # a translation's status and people (``<language>/bundle.yaml``)
    translations: dict[str, Content] = msgspec.field(default_factory=dict)  # the English model's: code -> model

    @property
    def is_draft(self) -> bool:
        """Whether a person reads a draft: the content's own status, and in a translation its translation's too."""
        return self.bundle.is_draft or (self.translation is not None and self.translation.is_draft)

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
