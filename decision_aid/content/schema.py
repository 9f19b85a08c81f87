"""Each file of the content folder, declared once as typed records (msgspec Structs): one class per section.

``validation.Checker`` checks a file against its class and reports every problem; what one file cannot say alone
(a fact's source, a page's option, a rule's notes) is checked by ``checks``. The parts the model keeps as they are
written (facts, references, the bundle, grid rows, options) are the model's own classes (``model``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import Meta

from ..answers import LEANING_CHOICES, LIST_FIELDS, SITUATION_CHOICES, SURE_ITEMS, VALUE_ITEMS, VALUE_MAX, VALUE_MIN
from ..errors import quote
from ..validation import Prose, Text
from . import model
from .model import AUDIENCES, FLAG_CODES, FRAMINGS, STEPS, STUDY_KINDS, GridRow, Id, IdList, OptionDef
from .records import Date, Struct, Version

Mapping = dict[str, Any]
PageId = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
                             description="a page id of lower-case letters, digits and '-'")]


class ReferencesFile(Struct, frozen=True):
    references: dict[Id, model.Reference]


class FactsFile(Struct, frozen=True):
    facts: dict[Id, model.Fact]


class GlossaryEntry(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping"
    KEY: ClassVar[str] = "key"
    key: str = ""
    term: Prose
    definition: Prose


class GlossaryFile(Struct, frozen=True):
    # The keys are words a writer marks with [[…]]: spaces and capitals are allowed there.
    terms: dict[str, GlossaryEntry]


# -- pages -----------------------------------------------------------------------------------------------------

class Comparison(Struct, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with title and facts"
    title: Prose
    facts: IdList

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if not 1 <= len(self.facts) <= 4:
            yield "facts", "one to four fact ids", str(len(self.facts))


class FrontMatter(Struct, kw_only=True, frozen=True):
    id: PageId
    title: Prose
    step: Literal[STEPS]  # type: ignore[valid-type]
    audience: Literal[AUDIENCES]  # type: ignore[valid-type]
    version: Version
    reviewed: Date | None = None  # only with a recorded clinician review (governance)
    review_due: Date
    sources: IdList
    show_when: Mapping | None = None
    option: Id | None = None
    grid: Mapping | None = None
    compare: tuple[Comparison, ...] | None = None

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if self.reviewed is not None and self.review_due < self.reviewed:
            yield "review_due", "a date after reviewed", str(self.review_due)


# -- form, prompts, tailoring ----------------------------------------------------------------------------------

def labels(name: str, keys: tuple[str, ...]) -> Any:
    """A label for each choice, none missing, none more."""
    fields = [(key if key.isidentifier() else "_" + key, Prose, msgspec.field(name=key)) for key in keys]
    return msgspec.defstruct(name, fields, bases=(Struct,), kw_only=True, frozen=True,
                             namespace={"EXPECTED": "a mapping", "MISSING": "a label for it"})


def question(name: str, choices: tuple[str, ...]) -> Any:
    return msgspec.defstruct(name, [("prompt", Prose), ("help", Prose | None, None),
                                    ("choices", labels(name + "Choices", choices))], bases=(Struct,), kw_only=True,
                             frozen=True, namespace={"EXPECTED": "a question with prompt, help and choices"})


class Section(Struct, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping"


SituationForm = msgspec.defstruct(
    "SituationForm", [(key, question(f"Situation_{key}", choices)) for key, choices in SITUATION_CHOICES.items()],
    bases=(Section,), kw_only=True)


class ValuesForm(Section, kw_only=True, frozen=True):
    prompt: Prose
    help: Prose | None = None
    scale: Annotated[tuple[Prose, ...], Meta(min_length=5, max_length=5,
                                             description="a list of five labels, for 0 to 4")]
    items: labels("ValueLabels", VALUE_ITEMS)  # type: ignore[valid-type]


class SureForm(Section, kw_only=True, frozen=True):
    prompt: Prose
    help: Prose | None = None
    items: labels("SureLabels", SURE_ITEMS)  # type: ignore[valid-type]
    flag: Prose


# The help panel's words (form.yaml ``help``); {clinic}, {phone} and {nurse} come from the clinic file.
HELP_KEYS = ("title", "next_steps", "ask_nurse", "nurse_where", "phone", "no_clinic")


class FormFile(Struct, frozen=True):
    situation: SituationForm  # type: ignore[valid-type]
    values: ValuesForm
    leaning: question("Leaning", LEANING_CHOICES)  # type: ignore[valid-type]
    sure: SureForm
    help: labels("HelpTexts", HELP_KEYS) | None = None  # type: ignore[valid-type]


class Prompt(Struct, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id and text"
    id: Id
    text: Prose


class PromptGroup(Struct, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id, title and questions"
    id: Id
    title: Prose
    questions: tuple[Prompt, ...]


class PromptsFile(Struct, frozen=True):
    groups: tuple[PromptGroup, ...]


class Rule(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id and when"
    id: Id
    when: Mapping
    framing: Mapping | None = None
    show: IdList = ()
    hide: IdList = ()
    notes: IdList = ()

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if "medicines_only" in self.hide:
            yield "hide", "options other than medicines_only (always shown)", repr("medicines_only")


# Who each study took (``studies``): a criterion names one single-choice situation answer.
SINGLE_ANSWERS = tuple(k for k in SITUATION_CHOICES if k not in LIST_FIELDS)


class Criterion(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with answer, took, not_took, not_included and unsure"
    answer: Text
    took: tuple[Any, ...]
    not_took: tuple[Any, ...]
    not_included: Prose
    unsure: Prose

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if self.answer not in SINGLE_ANSWERS:
            yield "answer", "an answer: one of " + ", ".join(SINGLE_ANSWERS), quote(self.answer)
            return
        choices = SITUATION_CHOICES[self.answer]
        for name in ("took", "not_took"):
            for value in getattr(self, name):
                if str(value) not in choices:
                    yield name, "values among " + ", ".join(choices), quote(value)
        both = set(map(str, self.took)) & set(map(str, self.not_took))
        if both:
            yield "not_took", "no value also in took", quote(sorted(both)[0])


class StudyEntry(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id, name and kind"
    id: Id
    name: Prose
    kind: Literal[STUDY_KINDS]  # type: ignore[valid-type]
    pages: IdList = ()
    criteria: tuple[Criterion, ...] = ()
    applies: Prose | None = None
    label: Prose | None = None

    def invalid(self) -> Iterator[tuple[str, str, str]]:
        if self.kind == "matched":
            if not self.criteria:
                yield "criteria", "at least one criterion (kind: matched)", "nothing"
            if not self.applies:
                yield "applies", "the words shown when the answers match", "nothing"
        elif not self.label:
            yield "label", f"the words always shown beside its figures (kind: {self.kind})", "nothing"
        elif self.criteria:
            yield "criteria", "no criteria unless kind is matched", "a list"


class ValueConflictEntry(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with leaning, value, at_least and text"
    leaning: Id  # an option id: checked against the options (checks.check_tailoring)
    value: Id  # a value item: likewise
    at_least: Annotated[int, Meta(ge=VALUE_MIN, le=VALUE_MAX,
                                  description=f"a whole number from {VALUE_MIN} to {VALUE_MAX}")]
    text: Prose


class TailoringFile(Struct, frozen=True):
    grid_rows: tuple[GridRow, ...]
    framings: labels("Framings", FRAMINGS)  # type: ignore[valid-type]
    options: tuple[OptionDef, ...]
    rules: tuple[Rule, ...]
    studies: Annotated[tuple[StudyEntry, ...], Meta(description="a list of studies")] = ()
    # situation answer -> the prompt id suggested when the answer is "I'm not sure" (checks.check_tailoring)
    unsure_questions: Mapping | None = None
    value_conflicts: tuple[ValueConflictEntry, ...] = ()
    flag_texts: labels("FlagTexts", FLAG_CODES) | None = None  # type: ignore[valid-type]


# Each YAML file of the folder (files.YAML_FILES) and its declaration.
FILES: dict[str, Any] = {
    "bundle.yaml": model.Bundle,  # the bundle, as the model keeps it
    "references.yaml": ReferencesFile,
    "facts.yaml": FactsFile,
    "glossary.yaml": GlossaryFile,
    "form.yaml": FormFile,
    "prompts.yaml": PromptsFile,
    "tailoring.yaml": TailoringFile,
}
