"""A translation's own status and the people behind it (``<language>/bundle.yaml``), declared as typed records.

A translation is a draft until two reviews of the English version it translates are recorded: one by a medical
translator and one by a clinician who reads the language (``governance.check_translation``).
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from msgspec import Meta

from ..validation import Text
from .records import STATUSES, VERSION_PATTERN, Author, Date, Struct

# The two reviews a reviewed translation needs (issue 16): the words, and the medicine in those words.
REVIEW_ROLES = ("medical translator", "clinician")
_Version = Annotated[str, Meta(pattern=VERSION_PATTERN, description="the English content version, such as 1.0.0")]


class LanguageReview(Struct, kw_only=True, frozen=True):
    EXPECTED: ClassVar[str] = "a mapping with name, role, date, version, declaration"
    name: Text
    role: Literal[REVIEW_ROLES]  # type: ignore[valid-type]
    date: Date
    version: _Version
    declaration: Text


class LanguageBundle(Struct, kw_only=True, frozen=True):
    """``<language>/bundle.yaml``: the aid's name in the language, the translation's status and its people."""

    name: Text
    status: Literal[STATUSES]  # type: ignore[valid-type]
    # Words with digits that are names, not figures, in this language ("estadio 4"): like bundle.yaml's.
    number_phrases: Annotated[tuple[Text, ...], Meta(description="a list of texts")] = ()
    translators: Annotated[tuple[Author, ...], Meta(description="a list of entries with name, role, declaration")]
    reviewers: Annotated[
        tuple[LanguageReview, ...], Meta(description="a list of entries with name, role, date, version, declaration")
    ]

    @property
    def is_draft(self) -> bool:
        return bool(self.status == "draft")
