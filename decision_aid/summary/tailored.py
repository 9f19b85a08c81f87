"""The summary's lines that come from tailoring's judgements: flags for the doctor and who each study took."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagLine:
    """A flag for the doctor: ``code`` is stable for a record system, ``text`` is printed."""

    code: str
    text: str


@dataclass(frozen=True)
class StudyLine:
    """A study and whether it took people like this person (``applies``), in words."""

    id: str
    name: str
    applicability: str  # applies | not_included | unsure | not_comparable | estimate
    text: str

    @property
    def like_you(self) -> bool:
        return self.applicability == "applies"
