"""The answers model and the ``decision-aid-answers`` file, version 1 (see DESIGN.md, "The answers file").

A missing key means "not answered". An unknown key, a wrong type or an unknown value is an error that names the key,
what was expected and what was received; nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from . import limits
from .errors import AnswersError, Problem, quote
from .i18n import LANGUAGES, SOURCE_LANGUAGE
from .safe_files import write_file
from .validation import INVALID, Bool, Checker, Text, choices_of, fields_of, one_of, read_file

FORMAT = "decision-aid-answers"
VERSION = 1
VALUE_MIN, VALUE_MAX = 0, 4

SymptomKind = Literal["bleeding", "open_wound", "infection", "pain", "smell"]
Site = Literal["bone", "lung", "liver", "brain", "skin_or_nodes", "other", "unsure"]
Leaning = Literal["medicines_only", "surgery", "radiation", "trial", "symptom_relief", "unsure"]
Value = Annotated[int, Meta(ge=VALUE_MIN, le=VALUE_MAX, description=f"a whole number from {VALUE_MIN} to {VALUE_MAX}")]
Kinds = Annotated[tuple[SymptomKind, ...], Meta(description="a list of " + one_of(typing.get_args(SymptomKind)),
                                                extra={"unique": "each choice at most once"})]
Sites = Annotated[tuple[Site, ...], Meta(description="a list of " + one_of(typing.get_args(Site)),
                                         extra={"unique": "each choice at most once"})]
# What a person typed (issue 18): bounded, one line, no control characters or lone surrogates (limits.py).
_TYPED = "a text of at most {} characters, without control characters or lone surrogates"
Name = Annotated[str, Meta(max_length=limits.MAX_NAME_CHARS, pattern=limits.TYPED_TEXT,
                           description=_TYPED.format(limits.MAX_NAME_CHARS))]
OwnQuestion = Annotated[str, Meta(max_length=limits.MAX_OWN_QUESTION_CHARS, pattern=limits.TYPED_NON_EMPTY,
                                  description="a non-empty " + _TYPED[2:].format(limits.MAX_OWN_QUESTION_CHARS))]
OwnQuestions = Annotated[tuple[OwnQuestion, ...], Meta(
    max_length=limits.MAX_OWN_QUESTIONS, description=f"a list of at most {limits.MAX_OWN_QUESTIONS} own questions")]


class Situation(msgspec.Struct, frozen=True, kw_only=True):
    """The form's situation questions, in the order they are asked; a list answer ticks any number of choices."""

    EXPECTED: ClassVar[str] = "a JSON object"
    FILE_ORDER: ClassVar[bool] = True
    breast_symptoms: Literal["none", "some", "unsure"] | UnsetType = UNSET
    symptom_kinds: Kinds | UnsetType = UNSET
    distant_response: Literal["shrinking", "stable", "growing", "too_early", "unsure"] | UnsetType = UNSET
    months_on_treatment: Literal["under_4", "4_to_8", "over_8", "not_started", "unsure"] | UnsetType = UNSET
    spread_sites: Sites | UnsetType = UNSET
    spread_extent: Literal["few", "many", "unsure"] | UnsetType = UNSET
    tumor_type: Literal["hr_positive", "her2_positive", "triple_negative", "unsure"] | UnsetType = UNSET
    trial_offered: Literal["yes", "no", "not_discussed"] | UnsetType = UNSET


# A question asked only while another answer is the one named: which problems the tumor causes, while it causes some.
ASKED_WHEN = {"symptom_kinds": ("breast_symptoms", "some")}


class Values(msgspec.Struct, frozen=True, kw_only=True):
    EXPECTED: ClassVar[str] = "a JSON object"
    FILE_ORDER: ClassVar[bool] = True
    live_longer: Value | UnsetType = UNSET
    breast_control: Value | UnsetType = UNSET
    avoid_surgery: Value | UnsetType = UNSET
    avoid_side_effects: Value | UnsetType = UNSET
    medicines_on_time: Value | UnsetType = UNSET
    help_research: Value | UnsetType = UNSET


class Sure(msgspec.Struct, frozen=True, kw_only=True):
    EXPECTED: ClassVar[str] = "a JSON object"
    FILE_ORDER: ClassVar[bool] = True
    sure: Bool | UnsetType = UNSET
    understand: Bool | UnsetType = UNSET
    risks_benefits: Bool | UnsetType = UNSET
    support: Bool | UnsetType = UNSET


class AnswersFile(msgspec.Struct, frozen=True, kw_only=True):
    """The ``decision-aid-answers`` file, version 1: a missing key is a question not answered."""

    EXPECTED: ClassVar[str] = "a JSON object"
    format: Annotated[Literal["decision-aid-answers"], Meta(description=repr(FORMAT))]
    version: Annotated[Literal[1], Meta(description=str(VERSION))]
    situation: Situation | UnsetType = UNSET
    values: Values | UnsetType = UNSET
    leaning: Leaning | UnsetType = UNSET
    # The situation as it was when the leaning was given: a later change asks the person to look again.
    leaning_situation: Situation | UnsetType = UNSET
    sure: Sure | UnsetType = UNSET
    questions: Annotated[tuple[Text, ...], Meta(description="a list of texts",
                                                 extra={"unique": "each question id at most once"})] | UnsetType = UNSET
    own_questions: OwnQuestions | UnsetType = UNSET
    name: Name | UnsetType = UNSET
    # The language the person used the aid in (a code of decision_aid.i18n.LANGUAGES; English when absent).
    language: Text | UnsetType = UNSET


SITUATION_CHOICES: dict[str, tuple[str, ...]] = {f.name: choices_of(f.type) for f in fields_of(Situation)}
# Questions where a person ticks any number of choices.
LIST_FIELDS = frozenset(f.name for f in msgspec.structs.fields(Situation) if "tuple" in str(f.type))
VALUE_ITEMS = tuple(f.name for f in msgspec.structs.fields(Values))
LEANING_CHOICES: tuple[str, ...] = typing.get_args(Leaning)
SURE_ITEMS = tuple(f.name for f in msgspec.structs.fields(Sure))


def is_asked(key: str, situation: typing.Mapping[str, object]) -> bool:
    """Whether the form asks ``key`` given the other situation answers (ASKED_WHEN)."""
    other, wanted = ASKED_WHEN.get(key, (None, None))
    return other is None or situation.get(other) == wanted


@dataclass
class Answers:
    """What one person has answered so far. Unanswered questions are absent."""

    situation: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    leaning: str | None = None
    # The situation as it was when the leaning was given: a later change asks the person to look again.
    leaning_situation: dict[str, str | tuple[str, ...]] | None = None
    sure: dict[str, bool] = field(default_factory=dict)
    questions: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    name: str | None = None
    language: str = SOURCE_LANGUAGE  # the language of the session (i18n.LANGUAGES); not an answer

    def sure_flagged(self) -> bool:
        """True when any SURE answer is "no": the person may not be ready to decide."""
        return any(v is False for v in self.sure.values())

    def to_dict(self) -> dict[str, Any]:
        """The answers file's JSON object (a copy); unanswered keys are left out: None, or empty where nothing is
        an answer (the leaning, the situation it was given in and the language are kept whenever set)."""
        data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
        for key, value in dataclasses.asdict(self).items():
            if value is None or (not value and key not in ("leaning", "leaning_situation", "language")):
                continue
            if key in ("situation", "leaning_situation"):
                value = {k: list(v) if k in LIST_FIELDS else v for k, v in value.items()}
            data[key] = list(value) if isinstance(value, tuple) else value
        return data


def parse_answers(data: object, *, source: str = "answers", known_questions: Collection[str] | None = None) -> Answers:
    """Check a decoded answers file and turn it into :class:`Answers`; raise AnswersError listing every problem.

    ``known_questions``, when given, is the set of question ids in the content's prompt list.
    """
    if not isinstance(data, dict):
        raise AnswersError([Problem(source, "(file)", "a JSON object", quote(data))])
    other = _not_an_answers_file(data)
    if other:
        raise AnswersError([Problem(source, "(file)", f"an answers file (format {FORMAT!r})", other)])
    problems: list[Problem] = []
    checked = Checker(source, problems, exact=True).struct(data, AnswersFile)
    if checked is INVALID:
        raise AnswersError(problems)
    if checked.language and checked.language not in LANGUAGES:
        problems.append(Problem(source, "language", "one of " + ", ".join(LANGUAGES), quote(checked.language)))
    for i, qid in enumerate(checked.questions or ()):
        if known_questions is not None and qid not in known_questions:
            problems.append(Problem(source, f"questions[{i}]", "a question id from the prompt list", quote(qid)))
    if problems:
        raise AnswersError(problems)
    return _answers(checked)


OTHER_FORMATS = {"decision-aid-summary": "a discussion summary (JSON for a health record)"}


def _not_an_answers_file(data: dict[str, object]) -> str | None:
    """Some other file (a summary, any JSON): one clear message, not a list of every key it lacks."""
    fmt = data.get("format")
    if isinstance(fmt, str) and fmt in OTHER_FORMATS:
        return OTHER_FORMATS[fmt]
    if "format" not in data and not set(data) & {f.encode_name for f in msgspec.structs.fields(AnswersFile)}:
        return "a JSON object with none of its keys" if data else "an empty JSON object"
    return None


def _given(struct: msgspec.Struct) -> dict[str, Any]:
    return {k: v for k, v in msgspec.structs.asdict(struct).items() if v is not UNSET}


def _situation(given: Situation) -> dict[str, Any]:
    situation = _given(given)
    for key in LIST_FIELDS & set(situation):  # kept in the form's order
        situation[key] = tuple(c for c in SITUATION_CHOICES[key] if c in situation[key])
    return situation


def _answers(f: AnswersFile) -> Answers:
    name = f.name.strip() if f.name else None
    return Answers(situation=_situation(f.situation) if f.situation else {},
                   values=_given(f.values) if f.values else {}, leaning=f.leaning or None,
                   leaning_situation=_situation(f.leaning_situation) if f.leaning_situation else None,
                   sure=_given(f.sure) if f.sure else {},
                   questions=tuple(f.questions or ()), own_questions=tuple(f.own_questions or ()), name=name or None,
                   language=f.language or SOURCE_LANGUAGE)


def load_answers(path: str | os.PathLike[str], *, known_questions: Collection[str] | None = None) -> Answers:
    """Read an answers file; raise AnswersError naming the file and every problem."""
    import json  # here and in save_answers: not needed before the first page

    source = str(path)
    text = read_file(Path(path), "answers file", AnswersError)

    def no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
        # json keeps the last of two equal keys without a word; an answer given twice is ambiguous, so say so.
        keys: set[str] = set()
        for key, _ in pairs:
            if key in keys:
                raise AnswersError([Problem(source, key, "each key at most once in an object", "it twice")])
            keys.add(key)
        return dict(pairs)

    try:
        data = json.loads(limits.check_json(text, source, AnswersError), object_pairs_hook=no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise AnswersError([Problem(source, "(file)", "valid JSON", quote(exc.msg), line=exc.lineno)]) from None
    return parse_answers(data, source=source, known_questions=known_questions)


def save_answers(answers: Answers, path: str | os.PathLike[str]) -> None:
    """Save the answers file (UTF-8 JSON) whole and checked, mode 0600, or raise FileSaveError (an OSError) and
    leave an old file as it was (``safe_files``)."""
    import json

    text = json.dumps(answers.to_dict(), indent=2, ensure_ascii=False) + "\n"
    write_file(path, text.encode("utf-8"), kind=".json")  # issue 18: checked, 0600, FileSaveError (an OSError)
