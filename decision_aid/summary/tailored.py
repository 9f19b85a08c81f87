"""The summary's lines that come from tailoring's judgements: flags for the doctor and who each study took."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.model import Content
    from ..flags import Flag


@dataclass(frozen=True)
class FlagLine:
    """A flag for the doctor: ``code`` is stable for a record system, ``text`` is printed."""

    code: str
    text: str
    value: str | None = None  # for ``against_values``: the label of the value the leaning pulls against


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


def flag_line(content: Content, flag: Flag) -> FlagLine:
    """A tailoring flag for the summary; an ``against_values`` flag also names its value (the flag's text is that
    value conflict's text in ``tailoring.yaml``)."""
    value = None
    if flag.code == "against_values":
        ids = [c.value for c in content.tailoring.value_conflicts if c.text == flag.text]
        value = content.form.value_items.get(ids[0]) if ids else None
    return FlagLine(flag.code, flag.text, value)
