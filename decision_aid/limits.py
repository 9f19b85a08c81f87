"""Bounds on every file the aid reads, checked before a parser sees the text, and on what a person types.

Pure Python (no Qt). A parser handed text nested thousands deep recurses until Python stops it (a traceback) or,
for the YAML C loader, until the process dies with no word; a 5 000-digit number stops Python's ``int``; a lone
surrogate cannot be written as UTF-8. Each check here turns such input into ONE line naming the file, through the
aid's own error types. The limits are far beyond anything a person or the content team would write; they are listed
in docs/answers-format.md and in the README's "Reliability" section.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sized
from typing import NoReturn

from .errors import CONTROL as _CONTROL  # the message-shaping lives with the messages (errors)
from .errors import SURROGATE as _SURROGATE
from .errors import Problem, ProblemsError

MAX_NESTING = 100  # lists/mappings inside each other; a real answers file is 3 deep, the content 8, a clinic file 3
MAX_DIGITS = 100  # digits in one number (Python's own int limit is 4 300, then a traceback)
MAX_ANSWERS_CHARS = 256 * 1024  # a full answers file is under 20 000
MAX_CLINIC_CHARS = 256 * 1024
MAX_CONTENT_FILE_CHARS = 2 * 1024 * 1024  # the largest shipped content file is about 21 000
MAX_NAME_CHARS = 120  # the name field on the summary page takes as many (setMaxLength)
MAX_OWN_QUESTION_CHARS = 300  # the own-question field takes as many (setMaxLength)
MAX_OWN_QUESTIONS = 50

_LONG_NUMBER = re.compile(r"\d(?:_?\d){" + str(MAX_DIGITS) + ",}")
# What a person typed, as a file may hold it (the answers file's declaration uses these): no control, no surrogate.
TYPED_TEXT = r"\A[^\x00-\x1f\x7f-\x9f\ud800-\udfff]*\Z"
TYPED_NON_EMPTY = r"\A(?=.*\S)[^\x00-\x1f\x7f-\x9f\ud800-\udfff]*\Z"
_OPENERS = re.compile(r"[\[{]")
_BRACKETS = re.compile(r"[\[\]{}]")
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
_TOML_TOKENS = re.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]', re.S)


def _refuse(error: type[ProblemsError], source: str, field: str, expected: str, received: str) -> NoReturn:
    raise error([Problem(source, field, expected, received)])


def _depth(tokens: Iterable[str]) -> int:
    depth = deepest = 0
    for token in tokens:
        if token in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    break
        elif token in ("]", "}"):
            depth = max(0, depth - 1)
    return deepest


def _common(text: str, source: str, error: type[ProblemsError], max_chars: int, what: str) -> None:
    if len(text) > max_chars:
        _refuse(error, source, "(file)", f"{what} of at most {max_chars:,} characters", f"{len(text):,} characters")
    if _LONG_NUMBER.search(text):
        _refuse(error, source, "(file)", f"numbers of at most {MAX_DIGITS} digits", "a longer one")


def _too_deep(error: type[ProblemsError], source: str, what: str) -> NoReturn:
    _refuse(error, source, "(file)", f"{what} nested at most {MAX_NESTING} deep", "deeper nesting")


def check_json(text: str, source: str, error: type[ProblemsError], *, max_chars: int = MAX_ANSWERS_CHARS) -> str:
    """The text; or ``error`` (one Problem) for JSON text that is too long, nests too deep or has a too long number,
    raised before ``json`` reads it."""
    _common(text, source, error, max_chars, "an answers file")
    if len(_OPENERS.findall(text)) > MAX_NESTING and \
            _depth(m.group() for m in _JSON_TOKENS.finditer(text) if len(m.group()) == 1) > MAX_NESTING:
        _too_deep(error, source, "lists and objects")
    return text


def check_toml(text: str, source: str, error: type[ProblemsError], *, max_chars: int = MAX_CLINIC_CHARS) -> str:
    """The same for TOML (the clinic file), before ``tomllib`` reads it."""
    _common(text, source, error, max_chars, "a clinic file")
    if len(_OPENERS.findall(text)) > MAX_NESTING and \
            _depth(m.group() for m in _TOML_TOKENS.finditer(text) if len(m.group()) == 1) > MAX_NESTING:
        _too_deep(error, source, "lists and tables")
    return text


_BLOCK_INDENT = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]))*", re.M)


def check_yaml(text: str, error: Callable[[str, int | None], Exception]) -> None:
    """Raise ``error(message, None)`` (the YAML reader's own problem type) for content YAML that is too long, too
    deep or has a too long number, before ``yaml`` (whose C loader crashes the whole process at 50 000 levels) reads
    it. Cheap for real content: the exact count (an event scan, which does not recurse) runs only when the brackets,
    counted as if none were quoted, or the indentation go deeper than the bound."""
    if len(text) > MAX_CONTENT_FILE_CHARS:
        raise error(f"{len(text):,} characters, more than the limit of {MAX_CONTENT_FILE_CHARS:,}", None)
    if _SURROGATE.search(text):  # only from a caller, never from a UTF-8 file; the C reader cannot encode it
        raise error("a lone surrogate code point (\\ud800-\\udfff), which is not text", None)
    if _LONG_NUMBER.search(text):
        raise error(f"a number longer than {MAX_DIGITS} digits (the limit)", None)
    indent = max((len(m.group()) for m in _BLOCK_INDENT.finditer(text)), default=0)
    if indent <= MAX_NESTING and (len(_OPENERS.findall(text)) <= MAX_NESTING
                                  or _depth(_BRACKETS.findall(text)) <= MAX_NESTING):
        return
    import yaml

    loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_NESTING:
                    raise error(f"lists and mappings nested more than {MAX_NESTING} deep (the limit)", None)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # broken YAML: the parser proper names the line


def clean_typed(text: str | None, max_chars: int) -> str:
    """What a person typed, as the session keeps it: controls and lone surrogates dropped, spaces collapsed, cut to
    ``max_chars`` (the field's own limit, so nothing is cut in practice)."""
    text = _SURROGATE.sub("", _CONTROL.sub(" ", text or ""))
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    return text[:max_chars]


def too_many_own(own_questions: Sized) -> bool:
    """Whether the session already holds as many own questions as an answers file may (the Add button then adds
    nothing more)."""
    return len(own_questions) >= MAX_OWN_QUESTIONS
