"""A translation's files (``<language>/``), declared as typed records like the English ones (``schema``).

A translation holds only the words a person reads (docs/content-format.md, "Translations"): ids and codes to match
the English by, never a figure, a source, a rule or a version of the English. ``form.yaml``, ``glossary.yaml`` and
``prompts.yaml`` are whole files, declared as the English ones; the others are declared here.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from msgspec import Meta

from ..validation import Prose, Text
from .language_model import LanguageBundle
from .model import FLAG_CODES, FRAMINGS, GridRow, Id
from .records import Struct, Version
from .schema import FormFile, GlossaryFile, Mapping, PageId, PromptsFile, labels


class FactWords(Struct, kw_only=True, frozen=True):
    """A fact's words: its ``phrase`` keeps exactly the numbers of the English phrase (checked against it)."""

    KEY: ClassVar[str] = "id"
    id: str = ""
    phrase: Text
    population: Text
    time_frame: Text
    note: Text | None = None


class FactsWords(Struct, frozen=True):
    facts: Annotated[dict[Id, FactWords], Meta(description="a mapping")]


class ReferenceWords(Struct, kw_only=True, frozen=True):
    KEY: ClassVar[str] = "id"
    id: str = ""
    note: Text


class ReferencesWords(Struct, frozen=True):
    references: Annotated[dict[Id, ReferenceWords], Meta(description="a mapping")]


class CriterionWords(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with answer, not_included and unsure"
    answer: Text
    not_included: Prose
    unsure: Prose


class StudyWords(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with id and name"
    id: Id
    name: Prose
    applies: Prose | None = None
    label: Prose | None = None
    criteria: Annotated[tuple[CriterionWords, ...], Meta(description="a list")] = ()


class ConflictWords(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with leaning, value and text"
    leaning: Id
    value: Id
    text: Prose


class TailoringWords(Struct, frozen=True):
    grid_rows: Annotated[tuple[GridRow, ...], Meta(description="a list")]
    framings: labels("FramingWords", FRAMINGS)  # type: ignore[valid-type]
    studies: Annotated[tuple[StudyWords, ...], Meta(description="a list of studies")] = ()
    value_conflicts: Annotated[tuple[ConflictWords, ...], Meta(description="a list")] = ()
    flag_texts: labels("FlagWords", FLAG_CODES) | None = None  # type: ignore[valid-type]


class CompareWords(Struct, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with title"
    title: Prose


class PageWords(Struct, kw_only=True, frozen=True):
    """A translated page's front matter; its body is the translated Markdown."""

    id: PageId
    translated_from: Version
    title: Prose
    compare: Annotated[tuple[CompareWords, ...], Meta(description="a list")] | None = None
    grid: Mapping | None = None


# Each file of a translation's folder (files.OVERLAY_FILES) and its declaration.
FILES: dict[str, Any] = {
    "bundle.yaml": LanguageBundle,
    "references.yaml": ReferencesWords,
    "facts.yaml": FactsWords,
    "glossary.yaml": GlossaryFile,
    "form.yaml": FormFile,
    "prompts.yaml": PromptsFile,
    "tailoring.yaml": TailoringWords,
}
