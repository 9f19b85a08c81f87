"""The records every content declaration builds on, and the declarations the English bundle and a translation's
bundle share (dates, versions, statuses, the people who wrote the words): declared once, for ``model`` and
``language_model`` alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

import msgspec
from msgspec import Meta

from ..validation import Text

STATUSES = ("draft", "reviewed")
Date = Annotated[dt.date, Meta(description="a date as YYYY-MM-DD")]
VERSION_PATTERN = r"^\d+\.\d+\.\d+$"
Version = Annotated[str, Meta(pattern=VERSION_PATTERN, description="a version such as 1.0.0")]


class Record(msgspec.Struct, frozen=True):
    """A frozen record of the model (a msgspec Struct: cheaper to define and to make than a frozen dataclass)."""


class Struct(Record, kw_only=True, frozen=True):
    """A record of the model as a file declares it, its fields in the file's order (the order messages list them)."""


class Author(Struct, kw_only=True, frozen=True):
    """Who wrote the words: a person or a team, their role, and their conflict-of-interest declaration (the
    content's authors, a translation's translators)."""

    EXPECTED: ClassVar[str] = "a mapping with name, role, declaration"
    name: Text
    role: Text
    declaration: Text
