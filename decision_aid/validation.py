"""Checking decoded data against its typed declaration (msgspec Structs), finding every problem, not the first.

A file format is a set of ``msgspec.Struct`` classes, declared once. msgspec stops at the first error, so
:class:`Checker` walks a Struct's fields itself and converts each value alone; every failure becomes one
``Problem(file, line, field, expected, received)``, the line taken from the YAML reader's line map when the data
has one. The words of "expected" come from the declaration: ``Meta(description=...)``, or the choices of a Literal
("a list" and "a mapping" when nothing more is said).

Conventions of a declaration:
- a field typed ``Prose`` is text a person reads: the checker keeps it (``Checker.prose``) for the cross-file checks;
- a Struct with ``KEY = "id"`` is an entry of a mapping keyed by its id: the key fills that field;
- a Struct's ``EXPECTED`` names it in a message ("a mapping with id and label");
- a list declared with ``Meta(extra={"unique": "..."})`` must not hold an entry twice;
- a Struct with ``FILE_ORDER = True`` reports its problems in the order of the file's keys;
- a Struct with ``MISSING = "..."`` says that instead of its field's kind when a field is absent (label mappings);
- a Struct may define ``invalid()``, yielding (field, expected, received) for rules across its own fields.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, UnsetType

from .errors import Problem, ProblemsError, quote

PROSE = {"prose": True}
Text = Annotated[str, Meta(pattern=r"\S", description="a non-empty text")]
Prose = Annotated[str, Meta(pattern=r"\S", description="a non-empty text", extra=PROSE)]
Bool = Annotated[bool, Meta(description="true or false")]


class Invalid:
    """What a value that failed its check becomes: its problem is already reported."""


INVALID = Invalid()


class Located(msgspec.Struct, frozen=True):
    """A piece of prose to check once every file is read: placeholders, glossary words, links, numbers, HTML."""

    file: str
    line: int | None
    field: str
    text: str


def read_file(path: Path, what: str, error: type[ProblemsError]) -> str:
    """The UTF-8 text of the file at ``path`` (``what``: "answers file"), or ``error`` saying what is wrong."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error([Problem(str(path), "(file)", f"an existing {what}", "no such file")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error([Problem(str(path), "(file)", "a readable UTF-8 file", quote(str(exc)))]) from None


def one_of(choices: typing.Iterable[object]) -> str:
    return "one of: " + ", ".join(str(c) for c in choices)


def _unwrap(tp: Any) -> tuple[Any, Meta | None]:
    """The type inside ``Annotated[...]`` (and inside ``X | None`` or ``X | UnsetType``), with its Meta."""
    meta = None
    while True:
        if typing.get_origin(tp) is Annotated:
            tp, *extras = typing.get_args(tp)
            meta = meta or next((m for m in extras if isinstance(m, Meta)), None)
        elif typing.get_origin(tp) in (typing.Union, types.UnionType):
            rest = [t for t in typing.get_args(tp) if t not in (type(None), UnsetType)]
            if len(rest) != 1:
                return tp, meta
            tp = rest[0]
        else:
            return tp, meta


def choices_of(tp: Any) -> tuple[Any, ...]:
    """The values a Literal allows, or those a list's entries may take."""
    inner, _ = _unwrap(tp)
    if typing.get_origin(inner) is tuple:  # a list: its entries' type
        inner, _ = _unwrap(typing.get_args(inner)[0])
    return typing.get_args(inner)


def expected_of(tp: Any) -> str:
    inner, meta = _unwrap(tp)
    if meta is not None and meta.description:
        return meta.description
    if is_struct(inner) and getattr(inner, "EXPECTED", None):
        return str(inner.EXPECTED)
    if typing.get_origin(inner) is Literal:
        return one_of(typing.get_args(inner))
    if typing.get_origin(inner) is tuple:
        return "a list"
    if typing.get_origin(inner) is dict:
        return "a mapping"
    return getattr(inner, "__name__", str(inner))


def is_struct(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, msgspec.Struct)


# A Struct's fields (msgspec's FieldInfo: name, encode_name, type, required), each class's looked up once. The key in
# the file is the field's encode_name: a choice id such as "4_to_8" is no attribute name.
fields_of = functools.cache(msgspec.structs.fields)


def as_dict(struct: msgspec.Struct) -> dict[str, Any]:
    """A Struct's fields by their keys in the file."""
    return {f.encode_name: getattr(struct, f.name) for f in fields_of(type(struct))}


class _Plan(msgspec.Struct, frozen=True):
    """How a declared type is checked: a Struct, a list, a mapping of Structs by key, or a value msgspec converts."""

    kind: str
    item_type: Any = None
    key_type: Any = None
    of_structs: bool = False
    unique: str | None = None
    min_length: int = 0
    prose: bool = False


@functools.cache
def _plan(tp: Any) -> _Plan:
    inner, meta = _unwrap(tp)
    meta, args = meta or Meta(), typing.get_args(inner)
    if is_struct(inner):
        return _Plan("struct")
    if typing.get_origin(inner) is tuple:
        unique, of_structs = (meta.extra or {}).get("unique"), is_struct(_unwrap(args[0])[0])
        return _Plan("list", args[0], of_structs=of_structs, unique=unique, min_length=meta.min_length or 0)
    if typing.get_origin(inner) is dict and is_struct(_unwrap(args[1])[0]):
        return _Plan("keyed", args[1], args[0])
    return _Plan("scalar", prose=meta.extra == PROSE)


def _line_of(data: object, key: object) -> int | None:
    line_of = getattr(data, "line_of", None)
    return line_of(key) if line_of else None


def _line_of_item(data: object, index: int) -> int | None:
    lines = getattr(data, "lines", None)
    return lines[index] if isinstance(lines, list) and index < len(lines) else None


class Checker:
    """Check data against Structs, collecting every problem of one file into ``problems``.

    ``exact``, for what a person typed (the answers file, JSON): ``null`` is a value to check, and texts are kept as
    they are. Otherwise (content and settings) an empty value (``key:`` in YAML) counts as absent and texts lose the
    spaces around them.
    """

    def __init__(self, file: str, problems: list[Problem], *, exact: bool = False, prose: list[Located] | None = None):
        self.file = file
        self.problems = problems
        self.exact = exact
        self.prose = prose if prose is not None else []
        self._origin: dict[int, tuple[object, Mapping[Any, Any]]] = {}

    def problem(self, line: int | None, field: str, expected: str, received: str) -> None:
        self.problems.append(Problem(self.file, field, expected, received, line=line))

    def where(self, obj: object) -> Any:
        """The mapping a Struct was read from (a ``LineDict`` for YAML): for the lines of later checks."""
        return self._origin[id(obj)][1]

    def struct(
        self, data: object, cls: Any, field: str = "", *, line: int | None = None, key: str | None = None
    ) -> Any:
        """``data`` as a ``cls``, or INVALID with every problem reported."""
        if not isinstance(data, Mapping):
            self.problem(line, field, expected_of(cls), quote(data))
            return INVALID
        cls, _ = _unwrap(cls)
        prefix = field + "." if field else ""
        fields = fields_of(cls)
        key_field = getattr(cls, "KEY", None)
        by_name = {f.encode_name: f for f in fields if f.name != key_field}
        # Unknown keys first, then the fields as declared; or everything in the file's order (FILE_ORDER).
        unknown = [k for k in data if k not in by_name]
        if getattr(cls, "FILE_ORDER", False):
            order = list(data) + [n for n in by_name if n not in data]
        else:
            order = unknown + list(by_name)
        ok = not unknown
        values: dict[str, Any] = {key_field: key} if key_field else {}
        for name in order:
            f = by_name.get(name)
            if f is None:
                self.problem(_line_of(data, name), prefix + str(name), one_of(by_name), quote(name))
                continue
            value = data.get(name)
            if name not in data or (value is None and not self.exact):
                if f.required:
                    missing = getattr(cls, "MISSING", None) or expected_of(f.type)
                    self.problem(getattr(data, "line", None), prefix + name, missing, "nothing")
                    ok = False
                continue
            result = self.value(value, f.type, prefix + name, _line_of(data, name))
            if result is INVALID:
                ok = False
            else:
                values[f.name] = result
        if not ok:
            return INVALID
        obj = cls(**values)
        broken = list(obj.invalid()) if hasattr(obj, "invalid") else []
        for name, expected, received in broken:
            self.problem(_line_of(data, name), prefix + name, expected, received)
        if broken:
            return INVALID
        self._origin[id(obj)] = (obj, data)
        return obj

    def value(self, value: object, tp: Any, field: str, line: int | None) -> Any:
        plan = _plan(tp)
        if plan.kind == "struct":
            return self.struct(value, tp, field, line=line)
        if plan.kind in ("list", "keyed") and not isinstance(value, list if plan.kind == "list" else Mapping):
            self.problem(line, field, expected_of(tp), quote(value))
            return INVALID
        if plan.kind == "list" and isinstance(value, list):  # (a list by now: the test above)
            if len(value) < plan.min_length:
                self.problem(line, field, expected_of(tp), "an empty list" if not value else quote(value))
                return INVALID
            results = [
                self.value(x, plan.item_type, f"{field}[{i}]", _line_of_item(value, i) or line)
                for i, x in enumerate(value)
            ]
            items = [x for x in results if x is not INVALID]
            bad = len(items) < len(results)
            if plan.unique and len(set(items)) != len(items):
                self.problem(line, field, plan.unique, quote(value))
                bad = True
            if plan.of_structs:  # a bad entry of a list of mappings is left out alone, the rest kept
                return tuple(items)
            return INVALID if bad else self._convert(tuple(items), tp, field, line, shown=value)
        if plan.kind == "keyed" and isinstance(value, Mapping):  # (a mapping by now: the test above)
            out: dict[Any, Any] = {}
            for key, item in value.items():
                item_field, item_line = f"{field}.{key}", _line_of(value, key)
                if self._convert(key, plan.key_type, item_field, item_line, shown=key) is INVALID:
                    continue
                entry = self.struct(item, plan.item_type, item_field, line=item_line, key=key)
                if entry is not INVALID:
                    out[key] = entry
            return out
        result = self._convert(value, tp, field, line)
        if isinstance(result, str):
            result = result if self.exact else result.strip()
            if plan.prose:
                self.prose.append(Located(self.file, line, field, result))
        return result

    def _convert(self, value: object, tp: Any, field: str, line: int | None, *, shown: object = None) -> Any:
        try:
            return msgspec.convert(value, tp, builtin_types=(dt.date,))
        except msgspec.ValidationError:
            self.problem(line, field, expected_of(tp), quote(value if shown is None else shown))
            return INVALID
