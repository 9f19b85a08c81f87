"""YAML that remembers where each key stood, refuses duplicate keys, and is never silently empty."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import yaml

from ..limits import check_yaml


class LineDict(dict[Any, Any]):
    """A mapping from YAML that knows the line of itself and of each key."""

    line: int = 1

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}

    def line_of(self, key: object) -> int:
        return self.lines.get(key, self.line)


class LineList(list[Any]):
    line: int = 1

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: list[int] = []


class DuplicateKey(Exception):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


class _Loader(yaml.SafeLoader):
    pass


# libyaml's parser (about ten times faster) when PyYAML was built with it; the pure-Python parser otherwise, and
# always for the message about broken YAML, whose wording the content editors see.
_LIBYAML = hasattr(yaml, "CSafeLoader")


if TYPE_CHECKING:  # the stubs declare CSafeLoader whether or not PyYAML was built with libyaml
    _FastBase = yaml.CSafeLoader
else:
    _FastBase = yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader


class _FastLoader(_FastBase):
    pass


# YAML 1.1 reads yes/no/on/off as booleans; here only true and false are, so `yes` stays a word (trial_offered: yes).
for _cls in (_Loader, _FastLoader):
    _cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKey(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> dt.date | dt.datetime | str:
    # An impossible date (2026-13-01) stays text, so the checker can name it instead of crashing.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


for _cls in (_Loader, _FastLoader):
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _cls.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


class YamlProblem(Exception):
    """Broken YAML: what the parser said, and on which line (1-based, in the text given)."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


def parse_yaml(text: str) -> Any:
    """Parse one YAML document; raise YamlProblem for broken YAML or a duplicate key."""
    check_yaml(text, YamlProblem)  # issue 18: bounds before yaml sees it (its C loader crashes at 50 000 deep)
    if _LIBYAML:
        try:
            return yaml.load(text, Loader=_FastLoader)  # a CSafeLoader subclass
        except (yaml.YAMLError, DuplicateKey):
            pass  # read it again below, for the same message and line as ever
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except DuplicateKey as exc:
        raise YamlProblem(f"duplicate key {exc.key!r}", exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "not YAML"
        raise YamlProblem(message, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0], None) from None
