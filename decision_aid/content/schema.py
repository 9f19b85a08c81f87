"""Each file of the content folder, declared once as typed records (msgspec Structs): one class per section.

``validation.Checker`` checks a file against its class and reports every problem; what one file cannot say alone
(a fact's source, a page's option, a rule's notes) is checked by ``checks``. The parts the model keeps as they are
written (facts, references, the bundle, grid rows, options) are the model's own classes (``model``).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import Meta

from ..answers import LEANING_CHOICES, SITUATION_CHOICES, SURE_ITEMS, VALUE_ITEMS
from ..validation import Prose
from .model import AUDIENCES, FRAMINGS, STEPS, Bundle, Date, Fact, GridRow, Id, IdList, OptionDef, Reference, Struct
from .model import Version

Mapping = Annotated[dict[str, Any], Meta(description="a mapping")]
PageId = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
                             description="a page id of lower-case letters, digits and '-'")]

BundleFile = Bundle  # bundle.yaml is the bundle, as the model keeps it


class ReferencesFile(Struct):
    references: Annotated[dict[Id, Reference], Meta(description="a mapping")]


class FactsFile(Struct):
    facts: Annotated[dict[Id, Fact], Meta(description="a mapping")]


class GlossaryEntry(Struct, kw_only=True):
    EXPECTED: ClassVar[str] = "a mapping"
    KEY: ClassVar[str] = "key"
    key: str = ""
    term: Prose
    definition: Prose


class GlossaryFile(Struct):
    # The keys are words a writer marks with [[…]]: spaces and capitals are allowed there.
    terms: Annotated[dict[str, GlossaryEntry], Meta(description="a mapping")]


# -- pages -----------------------------------------------------------------------------------------------------

class Comparison(Struct):
    EXPECTED: ClassVar[str] = "a mapping with title and facts"
    title: Prose
    facts: IdList

    def invalid(self):
        if not 1 <= len(self.facts) <= 4:
            yield "facts", "one to four fact ids", str(len(self.facts))


class FrontMatter(Struct, kw_only=True):
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
    compare: Annotated[tuple[Comparison, ...], Meta(description="a list")] | None = None

    def invalid(self):
        if self.reviewed is not None and self.review_due < self.reviewed:
            yield "review_due", "a date after reviewed", str(self.review_due)


# -- form, prompts, tailoring ----------------------------------------------------------------------------------

class Labels(Struct):
    """A label for each choice, none missing, none more: declared from the choices by ``labels``."""

    EXPECTED: ClassVar[str] = "a mapping"
    MISSING: ClassVar[str] = "a label for it"


def labels(name: str, keys: tuple[str, ...]) -> Any:
    fields = [(key if key.isidentifier() else "_" + key, Prose, msgspec.field(name=key)) for key in keys]
    return msgspec.defstruct(name, fields, bases=(Labels,), kw_only=True)


class Question(Struct):
    EXPECTED: ClassVar[str] = "a question with prompt, help and choices"


def question(name: str, choices: tuple[str, ...]) -> Any:
    return msgspec.defstruct(name, [("prompt", Prose), ("help", Prose | None, None),
                                    ("choices", labels(name + "Choices", choices))], bases=(Question,), kw_only=True)


class Section(Struct):
    EXPECTED: ClassVar[str] = "a mapping"


SituationForm = msgspec.defstruct(
    "SituationForm", [(key, question(f"Situation_{key}", choices)) for key, choices in SITUATION_CHOICES.items()],
    bases=(Section,), kw_only=True)


class ValuesForm(Section, kw_only=True):
    prompt: Prose
    help: Prose | None = None
    scale: Annotated[tuple[Prose, ...], Meta(min_length=5, max_length=5,
                                             description="a list of five labels, for 0 to 4")]
    items: labels("ValueLabels", VALUE_ITEMS)  # type: ignore[valid-type]


class SureForm(Section, kw_only=True):
    prompt: Prose
    help: Prose | None = None
    items: labels("SureLabels", SURE_ITEMS)  # type: ignore[valid-type]
    flag: Prose


class FormFile(Struct):
    situation: SituationForm  # type: ignore[valid-type]
    values: ValuesForm
    leaning: question("Leaning", LEANING_CHOICES)  # type: ignore[valid-type]
    sure: SureForm


class Prompt(Struct):
    EXPECTED: ClassVar[str] = "a mapping with id and text"
    id: Id
    text: Prose


class PromptGroup(Struct):
    EXPECTED: ClassVar[str] = "a mapping with id, title and questions"
    id: Id
    title: Prose
    questions: Annotated[tuple[Prompt, ...], Meta(description="a list")]


class PromptsFile(Struct):
    groups: Annotated[tuple[PromptGroup, ...], Meta(description="a list")]


class Rule(Struct, kw_only=True):
    EXPECTED: ClassVar[str] = "a mapping with id and when"
    id: Id
    when: Mapping
    framing: Mapping | None = None
    show: IdList = ()
    hide: IdList = ()
    notes: IdList = ()

    def invalid(self):
        if "medicines_only" in self.hide:
            yield "hide", "options other than medicines_only (always shown)", repr("medicines_only")


class TailoringFile(Struct):
    grid_rows: Annotated[tuple[GridRow, ...], Meta(description="a list")]
    framings: labels("Framings", FRAMINGS)  # type: ignore[valid-type]
    options: Annotated[tuple[OptionDef, ...], Meta(description="a list")]
    rules: Annotated[tuple[Rule, ...], Meta(description="a list")]


# Each YAML file of the folder (files.YAML_FILES) and its declaration.
FILES: dict[str, Any] = {
    "bundle.yaml": BundleFile,
    "references.yaml": ReferencesFile,
    "facts.yaml": FactsFile,
    "glossary.yaml": GlossaryFile,
    "form.yaml": FormFile,
    "prompts.yaml": PromptsFile,
    "tailoring.yaml": TailoringFile,
}
