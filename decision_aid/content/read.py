"""Reading the content folder's files (``files`` lists them): their text, their YAML (with its line map), and a
page's front matter. Problems go to the list given; nothing here knows what a field means."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Problem, quote
from .yamlio import LineDict, YamlProblem, parse_yaml

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


def read_text(root: Path, rel: str, problems: list[Problem]) -> str | None:
    try:
        return (root / rel).read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, "(file)", "this file in the content folder", "no such file"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "(file)", "UTF-8 text", quote(str(exc))))
    except OSError as exc:
        problems.append(Problem(rel, "(file)", "a readable file", quote(exc.strerror or str(exc))))
    return None


def yaml_mapping(
    rel: str, text: str, problems: list[Problem], *, line_offset: int = 0, what: str = "a YAML mapping"
) -> LineDict | None:
    """The YAML mapping in ``text``, its lines counted from ``line_offset`` (front matter starts on line 2): the text
    is parsed after that many empty lines, so every line the parser and the line map give is the file's."""
    try:
        data = parse_yaml("\n" * line_offset + text)
    except YamlProblem as exc:
        problems.append(Problem(rel, "(yaml)", "valid YAML", quote(exc.message), line=exc.line))
        return None
    if not isinstance(data, LineDict):
        received = quote(data) if data is not None else "an empty file"
        problems.append(Problem(rel, "(file)", what, received, line=line_offset + 1))
        return None
    return data


def read_yaml(root: Path, rel: str, problems: list[Problem]) -> LineDict | None:
    text = read_text(root, rel, problems)
    return None if text is None else yaml_mapping(rel, text, problems)


def front_matter(rel: str, text: str, problems: list[Problem]) -> tuple[LineDict | None, str, int] | None:
    """(front matter, body, the body's first line) of a page; None when there is no front matter at all."""
    text = text.replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(text)
    if not m:
        expected = "YAML front matter between two '---' lines at the top"
        problems.append(Problem(rel, "(front matter)", expected, quote(text.split("\n", 1)[0]), line=1))
        return None
    data = yaml_mapping(rel, m.group(1) or "", problems, line_offset=1, what="front matter as a YAML mapping")
    return data, text[m.end() :], text[: m.end()].count("\n") + 1
