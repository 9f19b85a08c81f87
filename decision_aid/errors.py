"""One base exception; errors about files carry what was wrong, where, what was expected and what was received."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

MAX_MESSAGE_LINE = 300  # no line of a message is longer
EXCERPT_CHARS = 60  # a value received from a file is quoted at most this long
SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls (NUL, BEL, ESC …), DEL; a tab or a line break in a name or question is refused too (one line).
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A received value as it may appear in a message: one line, control characters and surrogates escaped, cut to
    ``limit`` characters with "…" and the full length when longer. Never the whole of a large value."""
    text = value if isinstance(value, str) else str(value)
    cut = len(text) > limit
    head = text[: limit + 1]
    head = SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", head)
    head = CONTROL.sub(lambda m: repr(m.group())[1:-1], head)
    if cut or len(head) > limit:
        return head[: max(1, limit - 1)] + f"… ({len(text):,} characters)"
    return head


def message_line(text: str, limit: int = MAX_MESSAGE_LINE) -> str:
    """One line of at most ``limit`` characters: line breaks and controls escaped, the middle cut when too long."""
    text = CONTROL.sub(lambda m: repr(m.group())[1:-1], SURROGATE.sub("\ufffd", text))
    if len(text) <= limit:
        return text
    keep = limit - 1
    return text[: keep // 2 + keep % 2] + "…" + text[len(text) - keep // 2 :]


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong in a file: ``file:line: field: expected …, received …``."""

    file: str
    field: str
    expected: str
    received: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {excerpt(self.field)}: expected {self.expected}, received {excerpt(self.received, 80)}"
        return message_line(text if self.severity == "error" else f"{text} (warning)")


class DecisionAidError(Exception):
    """The base of every error this app reports to a person."""


class ProblemsError(DecisionAidError):
    """Several problems found at once, reported together."""

    kind = "input"

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class ContentError(ProblemsError):
    """The content bundle is not valid; the app refuses to start on it."""

    kind = "content"


class AnswersError(ProblemsError, ValueError):
    """Answers that the ``decision-aid-answers`` format does not allow, from a file or from the session."""

    kind = "answers"


class ClinicError(ProblemsError):
    """The clinic file is not valid."""

    kind = "clinic"


def quote(value: object) -> str:
    """How a received value is shown in a message: short, and never a whole file."""
    if isinstance(value, str):
        text = repr(value)
    elif value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dict):
        text = "a mapping"
    elif isinstance(value, list):
        text = "a list"
    else:
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


class SummaryWriteError(DecisionAidError):
    """The summary could not be written; the message names the folder and why. No partial file is left."""

    kind = "summary"

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.folder = str(Path(path).parent)
        self.reason = reason
        super().__init__(f"cannot save the summary in the folder {self.folder}: {reason}")
