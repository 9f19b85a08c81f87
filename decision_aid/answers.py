"""The answers model and the ``decision-aid-answers`` file, version 1 (see DESIGN.md, "The answers file").

A missing key means "not answered". An unknown key, a wrong type or an unknown value is an error that names the key,
what was expected and what was received; nothing is guessed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import limits
from .safe_files import write_file
from .errors import AnswersError, Problem, quote

FORMAT = "decision-aid-answers"
VERSION = 1

SITUATION_CHOICES: dict[str, tuple[str, ...]] = {
    "breast_symptoms": ("none", "some", "unsure"),
    "symptom_kinds": ("bleeding", "open_wound", "infection", "pain", "smell"),
    "distant_response": ("shrinking", "stable", "growing", "too_early", "unsure"),
    "months_on_treatment": ("under_4", "4_to_8", "over_8", "not_started", "unsure"),
    "spread_sites": ("bone", "lung", "liver", "brain", "skin_or_nodes", "other", "unsure"),
    "spread_extent": ("few", "many", "unsure"),
    "tumor_type": ("hr_positive", "her2_positive", "triple_negative", "unsure"),
    "trial_offered": ("yes", "no", "not_discussed"),
}
# Questions where a person ticks any number of choices.
LIST_FIELDS = frozenset({"symptom_kinds", "spread_sites"})
VALUE_ITEMS = (
    "live_longer",
    "breast_control",
    "avoid_surgery",
    "avoid_side_effects",
    "medicines_on_time",
    "help_research",
)
VALUE_MIN, VALUE_MAX = 0, 4
LEANING_CHOICES = ("medicines_only", "surgery", "radiation", "trial", "unsure")
SURE_ITEMS = ("sure", "understand", "risks_benefits", "support")
TOP_KEYS = ("format", "version", "situation", "values", "leaning", "sure", "questions", "own_questions", "name")


@dataclass
class Answers:
    """What one person has answered so far. Unanswered questions are absent."""

    situation: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    leaning: str | None = None
    sure: dict[str, bool] = field(default_factory=dict)
    questions: tuple[str, ...] = ()
    own_questions: tuple[str, ...] = ()
    name: str | None = None

    def sure_flagged(self) -> bool:
        """True when any SURE answer is "no": the person may not be ready to decide."""
        return any(v is False for v in self.sure.values())

    def to_dict(self) -> dict:
        """The answers file's JSON object; unanswered keys are left out."""
        data: dict = {"format": FORMAT, "version": VERSION}
        if self.situation:
            data["situation"] = {
                k: list(v) if k in LIST_FIELDS else v for k, v in self.situation.items()
            }
        if self.values:
            data["values"] = dict(self.values)
        if self.leaning is not None:
            data["leaning"] = self.leaning
        if self.sure:
            data["sure"] = dict(self.sure)
        if self.questions:
            data["questions"] = list(self.questions)
        if self.own_questions:
            data["own_questions"] = list(self.own_questions)
        if self.name:
            data["name"] = self.name
        return data


class _Collector:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []

    def add(self, key: str, expected: str, received: object) -> None:
        self.problems.append(Problem(self.source, key, expected, quote(received)))


def _one_of(choices) -> str:
    return "one of: " + ", ".join(choices)


def _mapping(c: _Collector, data: dict, key: str) -> dict | None:
    value = data.get(key)
    if value is None and key not in data:
        return None
    if not isinstance(value, dict):
        c.add(key, "a JSON object", value)
        return None
    return value


def _string_list(c: _Collector, data: dict, key: str) -> list[str]:
    if key not in data:
        return []
    value = data[key]
    if not isinstance(value, list):
        c.add(key, "a list of texts", value)
        return []
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            c.add(f"{key}[{i}]", "a non-empty text", item)
        else:
            out.append(item)
    return out


def parse_answers(data: object, *, source: str = "answers", known_questions=None) -> Answers:
    """Check a decoded answers file and turn it into :class:`Answers`; raise AnswersError listing every problem.

    ``known_questions``, when given, is the set of question ids in the content's prompt list.
    """
    c = _Collector(source)
    if not isinstance(data, dict):
        c.add("(file)", "a JSON object", data)
        raise AnswersError(c.problems)
    for key in data:
        if key not in TOP_KEYS:
            c.add(key, _one_of(TOP_KEYS), key)
    if data.get("format") != FORMAT:
        c.add("format", repr(FORMAT), data.get("format"))
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        c.add("version", str(VERSION), version)

    answers = Answers()
    situation = _mapping(c, data, "situation") or {}
    for key, value in situation.items():
        choices = SITUATION_CHOICES.get(key)
        field_name = f"situation.{key}"
        if choices is None:
            c.add(field_name, _one_of(SITUATION_CHOICES), key)
        elif key in LIST_FIELDS:
            if not isinstance(value, list):
                c.add(field_name, "a list of " + _one_of(choices), value)
                continue
            bad = [v for v in value if v not in choices]
            for v in bad:
                c.add(field_name, "a list of " + _one_of(choices), v)
            if not bad and len(set(value)) != len(value):
                c.add(field_name, "each choice at most once", value)
            elif not bad:
                answers.situation[key] = tuple(v for v in choices if v in value)
        elif not isinstance(value, str) or value not in choices:
            c.add(field_name, _one_of(choices), value)
        else:
            answers.situation[key] = value

    values = _mapping(c, data, "values") or {}
    for key, value in values.items():
        if key not in VALUE_ITEMS:
            c.add(f"values.{key}", _one_of(VALUE_ITEMS), key)
        elif type(value) is not int or not VALUE_MIN <= value <= VALUE_MAX:
            c.add(f"values.{key}", f"a whole number from {VALUE_MIN} to {VALUE_MAX}", value)
        else:
            answers.values[key] = value

    if "leaning" in data:
        leaning = data["leaning"]
        if leaning not in LEANING_CHOICES:
            c.add("leaning", _one_of(LEANING_CHOICES), leaning)
        else:
            answers.leaning = leaning

    sure = _mapping(c, data, "sure") or {}
    for key, value in sure.items():
        if key not in SURE_ITEMS:
            c.add(f"sure.{key}", _one_of(SURE_ITEMS), key)
        elif not isinstance(value, bool):
            c.add(f"sure.{key}", "true or false", value)
        else:
            answers.sure[key] = value

    questions = _string_list(c, data, "questions")
    for i, qid in enumerate(questions):
        if known_questions is not None and qid not in known_questions:
            c.add(f"questions[{i}]", "a question id from the prompt list", qid)
    if len(set(questions)) != len(questions):
        c.add("questions", "each question id at most once", questions)
    answers.questions = tuple(questions)
    answers.own_questions = tuple(_string_list(c, data, "own_questions"))

    if "name" in data:
        name = data["name"]
        if not isinstance(name, str):
            c.add("name", "a text", name)
        elif name.strip():
            answers.name = name.strip()

    c.problems += limits.answers_text_problems(data, source)  # issue 18: size, surrogates, control characters
    if c.problems:
        raise AnswersError(c.problems)
    return answers


def load_answers(path: str | os.PathLike, *, known_questions=None) -> Answers:
    """Read an answers file; raise AnswersError naming the file and every problem."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswersError([Problem(source, "(file)", "an existing answers file", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError([Problem(source, "(file)", "a readable UTF-8 file", quote(str(exc)))]) from None
    try:
        data = json.loads(limits.check_json(text, source, AnswersError), object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise AnswersError(
            [Problem(source, "(file)", "valid JSON", quote(exc.msg), line=exc.lineno)]
        ) from None
    except _DuplicateKey as exc:
        raise AnswersError([Problem(source, exc.key, "each key at most once in an object", "it twice")]) from None
    return parse_answers(data, source=source, known_questions=known_questions)


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    # json keeps the last of two equal keys without a word; an answer given twice is ambiguous, so say so.
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def write_text_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write the whole file or nothing: a failed write never leaves half a file behind."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".partial-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the rename: a power cut leaves the old file, not an empty one
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def save_answers(answers: Answers, path: str | os.PathLike) -> None:
    """Save the answers file (UTF-8 JSON), atomically."""
    text = json.dumps(answers.to_dict(), indent=2, ensure_ascii=False) + "\n"
    write_file(path, text.encode("utf-8"), kind=".json")  # issue 18: checked, 0600, FileSaveError (an OSError)
