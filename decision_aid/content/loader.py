"""Reading the content folder into the model, collecting every problem before reporting them together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..answers import LEANING_CHOICES, LIST_FIELDS, SITUATION_CHOICES, SURE_ITEMS, VALUE_ITEMS
from ..errors import ContentError, Problem, quote
from . import markup
from .fingerprint import content_files, fingerprint
from .model import (
    AUDIENCES,
    FRAMINGS,
    REQUIRED_STEPS,
    STATUSES,
    STEPS,
    Bundle,
    ChangelogEntry,
    Comparison,
    Content,
    Fact,
    Form,
    GridRow,
    OnlyOf,
    OptionDef,
    Page,
    Prompt,
    PromptGroup,
    Question,
    Reference,
    Rule,
    Tailoring,
    Term,
)
from .yamlio import LineDict, YamlProblem, parse_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
# Tailoring rules may test the situation answers and whether the clinic lists open trials.
RULE_FIELDS = {**SITUATION_CHOICES, "clinic_trials": ("yes", "no")}


@dataclass(frozen=True)
class Kind:
    """What a field must hold, in words for the message, and the test."""

    expected: str
    test: object  # callable(value) -> bool


def _is_text(v):
    return isinstance(v, str) and v.strip() != ""


TEXT = Kind("a non-empty text", _is_text)
ID = Kind("an id of lower-case letters, digits, '.', '-' or '_'", lambda v: isinstance(v, str) and bool(ID_RE.match(v)))
INT = Kind("a whole number", lambda v: type(v) is int)
NUMBER = Kind("a number", lambda v: type(v) in (int, float))
PER100 = Kind("a number from 0 to 100", lambda v: type(v) in (int, float) and 0 <= v <= 100)
DATE = Kind("a date as YYYY-MM-DD", lambda v: type(v) is dt.date)
VERSION = Kind("a version such as 1.0.0", lambda v: isinstance(v, str) and bool(VERSION_RE.match(v)))
BOOL = Kind("true or false", lambda v: isinstance(v, bool))
MAPPING = Kind("a mapping", lambda v: isinstance(v, dict))
LIST = Kind("a list", lambda v: isinstance(v, list))
TEXT_LIST = Kind("a list of texts", lambda v: isinstance(v, list) and all(_is_text(x) for x in v))
ID_LIST = Kind("a list of ids", lambda v: isinstance(v, list) and all(isinstance(x, str) and ID_RE.match(x) for x in v))


def choice(*choices: str) -> Kind:
    return Kind("one of: " + ", ".join(choices), lambda v: v in choices)


@dataclass(frozen=True)
class Spec:
    name: str
    kind: Kind
    required: bool = True


@dataclass
class _Text:
    """A piece of prose to check once every file is read: placeholders, glossary words, links, numbers, HTML."""

    file: str
    line: int
    field: str
    text: str


class _Reader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.texts: list[_Text] = []
        self.broken_pages = 0
        self.glossary_broken = False  # glossary.yaml unreadable: no cascade of "undefined word"
        self.fact_lines: dict = {}  # fact id -> line in facts.yaml
        self.fact_keys: set | None = set()  # None when facts.yaml is unreadable  # every fact id in facts.yaml, valid or not: no cascade of "unknown fact"  # pages whose front matter could not be read: their step is unknown

    # -- reporting ---------------------------------------------------------------------------------------------
    def problem(self, file, line, field_name, expected, received, severity="error"):
        self.problems.append(Problem(file, field_name, expected, received, line=line, severity=severity))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    # -- files ---------------------------------------------------------------------------------------------------
    def read_text(self, rel: str) -> str | None:
        path = self.root / rel
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problem(rel, None, "(file)", "this file in the content folder", "no such file")
        except UnicodeDecodeError as exc:
            self.problem(rel, None, "(file)", "UTF-8 text", quote(str(exc)))
        except OSError as exc:
            self.problem(rel, None, "(file)", "a readable file", quote(exc.strerror or str(exc)))
        return None

    def yaml_mapping(self, rel: str, text: str, *, line_offset: int = 0, what="a YAML mapping") -> LineDict | None:
        try:
            data = parse_yaml(text)
        except YamlProblem as exc:
            line = exc.line + line_offset if exc.line else None
            self.problem(rel, line, "(yaml)", "valid YAML", quote(exc.message))
            return None
        if not isinstance(data, LineDict):
            self.problem(rel, line_offset + 1, "(file)", what, quote(data) if data is not None else "an empty file")
            return None
        if line_offset:
            _shift_lines(data, line_offset)
        return data

    def read_yaml(self, rel: str) -> LineDict | None:
        text = self.read_text(rel)
        return None if text is None else self.yaml_mapping(rel, text)

    # -- fields ----------------------------------------------------------------------------------------------------
    def fields(self, rel: str, data: LineDict, specs: list[Spec], prefix: str = "") -> dict | None:
        """Check a mapping against its specs: unknown, missing and mistyped fields. None when any is wrong."""
        names = [s.name for s in specs]
        ok = True
        for key in data:
            if key not in names:
                self.problem(rel, data.line_of(key), prefix + str(key), "one of: " + ", ".join(names), quote(key))
                ok = False
        out = {}
        for spec in specs:
            if spec.name not in data or data[spec.name] is None:
                if spec.required:
                    self.problem(rel, data.line, prefix + spec.name, spec.kind.expected, "nothing")
                    ok = False
                out[spec.name] = None
                continue
            value = data[spec.name]
            if not spec.kind.test(value):
                self.problem(rel, data.line_of(spec.name), prefix + spec.name, spec.kind.expected, quote(value))
                ok = False
            out[spec.name] = value.strip() if isinstance(value, str) else value
        return out if ok else None

    def mapping_of(self, rel: str, data: LineDict, key: str, prefix: str = "") -> LineDict | None:
        value = data.get(key)
        if not isinstance(value, LineDict):
            self.problem(rel, data.line_of(key), prefix + key, "a mapping", quote(value) if key in data else "nothing")
            return None
        return value

    def prose(self, rel: str, line: int, field_name: str, text: str) -> None:
        self.texts.append(_Text(rel, line, field_name, text))


def _shift_lines(node, offset: int) -> None:
    if isinstance(node, LineDict):
        node.line += offset
        node.lines = {k: v + offset for k, v in node.lines.items()}
        for v in node.values():
            _shift_lines(v, offset)
    elif isinstance(node, list):
        if hasattr(node, "lines"):
            node.line += offset
            node.lines = [v + offset for v in node.lines]
        for v in node:
            _shift_lines(v, offset)


# -- the parts of the bundle ---------------------------------------------------------------------------------------

BUNDLE_SPECS = [
    Spec("name", TEXT),
    Spec("version", VERSION),
    Spec("released", DATE),
    Spec("review_due", DATE),
    Spec("status", choice(*STATUSES)),
    Spec("number_phrases", TEXT_LIST, required=False),
    Spec("changelog", LIST),
]
CHANGE_SPECS = [Spec("version", VERSION), Spec("date", DATE), Spec("changes", TEXT_LIST)]


def _read_bundle(r: _Reader) -> Bundle | None:
    rel = "bundle.yaml"
    data = r.read_yaml(rel)
    if data is None:
        return None
    f = r.fields(rel, data, BUNDLE_SPECS)
    if f is None:
        return None
    entries = []
    for i, entry in enumerate(f["changelog"]):
        if not isinstance(entry, LineDict):
            r.problem(rel, data["changelog"].lines[i], f"changelog[{i}]", "a mapping", quote(entry))
            continue
        e = r.fields(rel, entry, CHANGE_SPECS, prefix=f"changelog[{i}].")
        if e:
            entries.append(ChangelogEntry(e["version"], e["date"], tuple(e["changes"])))
    if f["review_due"] < f["released"]:
        r.problem(rel, data.line_of("review_due"), "review_due", "a date after released", str(f["review_due"]))
    if not any(e.version == f["version"] for e in entries):
        r.problem(rel, data.line_of("changelog"), "changelog", f"an entry for version {f['version']}", "none")
    return Bundle(
        name=f["name"],
        version=f["version"],
        released=f["released"],
        review_due=f["review_due"],
        status=f["status"],
        number_phrases=tuple(f["number_phrases"] or ()),
        changelog=tuple(entries),
    )


REFERENCE_SPECS = [
    # Authors and year are optional: FACTS.md does not give them for every source, and none may be invented.
    Spec("authors", TEXT, required=False),
    Spec("citation", TEXT),
    Spec("year", INT, required=False),
    Spec("trial", TEXT, required=False),
    Spec("nct", Kind("an NCT number such as NCT01242800", lambda v: isinstance(v, str) and bool(
        re.fullmatch(r"NCT\d{8}", v))), required=False),
    Spec("doi", TEXT, required=False),
    Spec("note", TEXT, required=False),
]


def _read_id_mapping(r: _Reader, rel: str, top_key: str) -> LineDict | None:
    data = r.read_yaml(rel)
    if data is None:
        return None
    if r.fields(rel, data, [Spec(top_key, MAPPING)]) is None:
        return None
    items = data[top_key]
    for key in items:
        if not isinstance(key, str) or not ID_RE.match(key):
            r.problem(rel, items.line_of(key), f"{top_key}.{key}", ID.expected, quote(key))
    return items


def _read_references(r: _Reader) -> dict[str, Reference]:
    rel = "references.yaml"
    items = _read_id_mapping(r, rel, "references")
    refs = {}
    for ref_id, data in (items or {}).items():
        if not isinstance(data, LineDict):
            r.problem(rel, items.line_of(ref_id), f"references.{ref_id}", "a mapping", quote(data))
            continue
        f = r.fields(rel, data, REFERENCE_SPECS, prefix=f"references.{ref_id}.")
        if f:
            refs[ref_id] = Reference(id=ref_id, **f)
    return refs


FACT_SPECS = [
    Spec("value", NUMBER),
    Spec("phrase", TEXT),
    Spec("per100", PER100, required=False),
    Spec("population", TEXT),
    Spec("time_frame", TEXT),
    Spec("source", TEXT),
    Spec("status", TEXT),
    Spec("note", TEXT, required=False),
    Spec("study", ID, required=False),  # which study's people the figure describes (tailoring.yaml studies)
]


def _read_facts(r: _Reader, refs: dict) -> dict[str, Fact]:
    rel = "facts.yaml"
    items = _read_id_mapping(r, rel, "facts")
    facts = {}
    r.fact_keys = set(items) if items is not None else None
    for fact_id, data in (items or {}).items():
        prefix = f"facts.{fact_id}."
        if not isinstance(data, LineDict):
            r.problem(rel, items.line_of(fact_id), prefix[:-1], "a mapping", quote(data))
            continue
        f = r.fields(rel, data, FACT_SPECS, prefix=prefix)
        if f is None:
            continue
        if f["status"] == "U":
            r.problem(rel, data.line_of("status"), prefix + "status",
                      "V or S (a figure marked U in FACTS.md is never shown)", quote("U"))
            continue
        if f["status"] not in ("V", "S"):
            r.problem(rel, data.line_of("status"), prefix + "status", "V or S", quote(f["status"]))
            continue
        if f["source"] not in refs:
            r.problem(rel, data.line_of("source"), prefix + "source", "a reference id from references.yaml",
                      quote(f["source"]))
            continue
        facts[fact_id] = Fact(id=fact_id, **f)
        r.fact_lines[fact_id] = items.line_of(fact_id)
    return facts


def _read_glossary(r: _Reader) -> dict[str, LineDict]:
    rel = "glossary.yaml"
    items = _read_id_mapping_loose(r, rel, "terms")
    r.glossary_broken = items is None
    terms = {}
    for term_key, data in (items or {}).items():
        prefix = f"terms.{term_key}."
        if not isinstance(data, LineDict):
            r.problem(rel, items.line_of(term_key), prefix[:-1], "a mapping", quote(data))
            continue
        f = r.fields(rel, data, [Spec("term", TEXT), Spec("definition", TEXT)], prefix=prefix)
        if f is None:
            continue
        term_id = markup.term_id(str(term_key))
        if term_id in terms:
            r.problem(rel, items.line_of(term_key), prefix[:-1], "each term once", quote(term_key))
            continue
        r.prose(rel, data.line_of("term"), prefix + "term", f["term"])
        r.prose(rel, data.line_of("definition"), prefix + "definition", f["definition"])
        terms[term_id] = f
    return terms


def _read_id_mapping_loose(r: _Reader, rel: str, top_key: str) -> LineDict | None:
    # Glossary keys are words a writer marks with [[…]]: spaces and capitals are allowed there.
    data = r.read_yaml(rel)
    if data is None or r.fields(rel, data, [Spec(top_key, MAPPING)]) is None:
        return None
    return data[top_key]


# -- pages ---------------------------------------------------------------------------------------------------------

PAGE_SPECS = [
    Spec("id", Kind("a page id of lower-case letters, digits and '-'", lambda v: isinstance(v, str) and bool(
        re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v)))),
    Spec("title", TEXT),
    Spec("step", choice(*STEPS)),
    Spec("audience", choice(*AUDIENCES)),
    Spec("version", VERSION),
    Spec("reviewed", DATE),
    Spec("review_due", DATE),
    Spec("sources", ID_LIST),
    Spec("show_when", MAPPING, required=False),
    Spec("option", ID, required=False),
    Spec("grid", MAPPING, required=False),
    Spec("compare", LIST, required=False),
]
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


@dataclass
class _PageDraft:
    rel: str
    fields: dict
    data: LineDict
    body: str
    body_line: int


def _read_pages(r: _Reader, refs: dict) -> list[_PageDraft]:
    drafts = []
    pages_dir = r.root / "pages"
    if not pages_dir.is_dir():
        r.problem("pages", None, "(folder)", "a folder of Markdown pages", "no such folder")
        return drafts
    for path in sorted(pages_dir.glob("*.md")):
        before = len(r.problems)
        draft = _read_page(r, path, refs)
        if draft is not None:
            drafts.append(draft)
        elif len(r.problems) > before:
            r.broken_pages += 1
    if not drafts and not r.has_errors:
        r.problem("pages", None, "(folder)", "at least one page", "none")
    return drafts


def _read_page(r: _Reader, path: Path, refs: dict) -> _PageDraft | None:
    rel = path.relative_to(r.root).as_posix()
    text = r.read_text(rel)
    if text is None:
        return None
    text = text.replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(text)
    if not m:
        r.problem(rel, 1, "(front matter)", "YAML front matter between two '---' lines at the top",
                  quote(text.split("\n", 1)[0]))
        return None
    data = r.yaml_mapping(rel, m.group(1) or "", line_offset=1, what="front matter as a YAML mapping")
    if data is None:
        return None
    f = r.fields(rel, data, PAGE_SPECS)
    body_line = text[: m.end()].count("\n") + 1
    body = text[m.end():]
    if f is None:
        r.prose(rel, body_line, "(body)", body)  # a bad field should not hide problems in the text
        return None
    if not body.strip():
        r.problem(rel, body_line, "(body)", "the page's text below the front matter", "nothing")
        return None
    for src in f["sources"]:
        if src not in refs:
            r.problem(rel, data.line_of("sources"), "sources", "reference ids from references.yaml", quote(src))
    if f["review_due"] < f["reviewed"]:
        r.problem(rel, data.line_of("review_due"), "review_due", "a date after reviewed", str(f["review_due"]))
    r.prose(rel, data.line_of("title"), "title", f["title"])
    r.prose(rel, body_line, "(body)", body)
    return _PageDraft(rel, f, data, body, body_line)


# -- form, prompts, tailoring -------------------------------------------------------------------------------------

# The help panel's words (form.yaml ``help``); {clinic}, {phone} and {nurse} come from the clinic file.
HELP_KEYS = ("title", "next_steps", "ask_nurse", "nurse_where", "phone", "no_clinic")
QUESTION_SPECS = [Spec("prompt", TEXT), Spec("help", TEXT, required=False), Spec("choices", MAPPING)]


def _labels(r: _Reader, rel: str, data: LineDict, field_name: str, expected_keys, prefix: str) -> dict | None:
    """A mapping that must label exactly ``expected_keys``: none missing, none extra."""
    labels = data.get(field_name)
    if not isinstance(labels, LineDict):
        r.problem(rel, data.line_of(field_name), prefix + field_name, "a mapping", quote(labels))
        return None
    ok = True
    for key in labels:
        if str(key) not in expected_keys:
            r.problem(rel, labels.line_of(key), f"{prefix}{field_name}.{key}", "one of: " + ", ".join(expected_keys),
                      quote(key))
            ok = False
    for key in expected_keys:
        if key not in {str(k) for k in labels}:
            r.problem(rel, labels.line, f"{prefix}{field_name}.{key}", "a label for it", "nothing")
            ok = False
        else:
            value = labels[key] if key in labels else next(v for k, v in labels.items() if str(k) == key)
            if not _is_text(value):
                r.problem(rel, labels.line_of(key), f"{prefix}{field_name}.{key}", TEXT.expected, quote(value))
                ok = False
            else:
                r.prose(rel, labels.line_of(key), f"{prefix}{field_name}.{key}", value)
    if not ok:
        return None
    return {key: next(v for k, v in labels.items() if str(k) == key).strip() for key in expected_keys}


def _read_question(r, rel, data, key, expected_choices, prefix) -> dict | None:
    q = data.get(key)
    if not isinstance(q, LineDict):
        r.problem(rel, data.line_of(key), prefix + key, "a question with prompt, help and choices",
                  quote(q) if key in data else "nothing")
        return None
    f = r.fields(rel, q, QUESTION_SPECS, prefix=f"{prefix}{key}.")
    if f is None:
        return None
    r.prose(rel, q.line_of("prompt"), f"{prefix}{key}.prompt", f["prompt"])
    if f["help"]:
        r.prose(rel, q.line_of("help"), f"{prefix}{key}.help", f["help"])
    labels = _labels(r, rel, q, "choices", expected_choices, f"{prefix}{key}.")
    if labels is None:
        return None
    return {"prompt": f["prompt"], "help": f["help"] or "", "choices": labels}


def _read_form(r: _Reader) -> dict | None:
    rel = "form.yaml"
    data = r.read_yaml(rel)
    if data is None:
        return None
    top = r.fields(rel, data, [Spec("situation", MAPPING), Spec("values", MAPPING), Spec("leaning", MAPPING),
                               Spec("sure", MAPPING), Spec("help", MAPPING, required=False)])
    if top is None:
        return None
    out: dict = {"situation": {}}
    situation = data["situation"]
    for key in situation:
        if key not in SITUATION_CHOICES:
            r.problem(rel, situation.line_of(key), f"situation.{key}", "one of: " + ", ".join(SITUATION_CHOICES),
                      quote(key))
    ok = True
    for key, choices in SITUATION_CHOICES.items():
        q = _read_question(r, rel, situation, key, choices, "situation.")
        ok = ok and q is not None
        out["situation"][key] = q

    values = data["values"]
    vf = r.fields(rel, values, [Spec("prompt", TEXT), Spec("help", TEXT, required=False),
                                Spec("scale", Kind("a list of five labels, for 0 to 4", lambda v: isinstance(
                                    v, list) and len(v) == 5 and all(_is_text(x) for x in v))),
                                Spec("items", MAPPING)], prefix="values.")
    items = _labels(r, rel, values, "items", VALUE_ITEMS, "values.") if vf else None
    if vf:
        r.prose(rel, values.line_of("prompt"), "values.prompt", vf["prompt"])
        if vf["help"]:
            r.prose(rel, values.line_of("help"), "values.help", vf["help"])
        for i, label in enumerate(vf["scale"]):
            r.prose(rel, values["scale"].lines[i], f"values.scale[{i}]", label)

    leaning = _read_question(r, rel, data, "leaning", LEANING_CHOICES, "")

    sure = data["sure"]
    sf = r.fields(rel, sure, [Spec("prompt", TEXT), Spec("help", TEXT, required=False), Spec("items", MAPPING),
                              Spec("flag", TEXT)], prefix="sure.")
    sure_items = _labels(r, rel, sure, "items", SURE_ITEMS, "sure.") if sf else None
    if sf:
        for name in ("prompt", "help", "flag"):
            if sf[name]:
                r.prose(rel, sure.line_of(name), f"sure.{name}", sf[name])
    if not (ok and vf and items and leaning and sf and sure_items):
        return None
    help_texts = _labels(r, rel, data, "help", HELP_KEYS, "") if "help" in data else {}
    if help_texts is None:
        return None
    out.update(values=vf, value_items=items, leaning=leaning, sure=sf, sure_items=sure_items, help=help_texts)
    return out


def _read_prompts(r: _Reader) -> list[dict] | None:
    rel = "prompts.yaml"
    data = r.read_yaml(rel)
    if data is None or r.fields(rel, data, [Spec("groups", LIST)]) is None:
        return None
    groups, seen_groups, seen = [], set(), set()
    for i, g in enumerate(data["groups"]):
        prefix = f"groups[{i}]."
        if not isinstance(g, LineDict):
            r.problem(rel, data["groups"].lines[i], prefix[:-1], "a mapping with id, title and questions", quote(g))
            continue
        gf = r.fields(rel, g, [Spec("id", ID), Spec("title", TEXT), Spec("questions", LIST)], prefix=prefix)
        if gf is None:
            continue
        if gf["id"] in seen_groups:
            r.problem(rel, g.line_of("id"), prefix + "id", "a group id used once", quote(gf["id"]))
        seen_groups.add(gf["id"])
        r.prose(rel, g.line_of("title"), prefix + "title", gf["title"])
        prompts = []
        for j, q in enumerate(gf["questions"]):
            qprefix = f"{prefix}questions[{j}]."
            if not isinstance(q, LineDict):
                r.problem(rel, g["questions"].lines[j], qprefix[:-1], "a mapping with id and text", quote(q))
                continue
            qf = r.fields(rel, q, [Spec("id", ID), Spec("text", TEXT)], prefix=qprefix)
            if qf is None:
                continue
            if qf["id"] in seen:
                r.problem(rel, q.line_of("id"), qprefix + "id", "a question id used once", quote(qf["id"]))
                continue
            seen.add(qf["id"])
            r.prose(rel, q.line_of("text"), qprefix + "text", qf["text"])
            prompts.append(qf)
        groups.append({"id": gf["id"], "title": gf["title"], "prompts": prompts})
    return groups


RULE_SPECS = [
    Spec("id", ID),
    Spec("when", MAPPING),
    Spec("framing", MAPPING, required=False),
    Spec("show", ID_LIST, required=False),
    Spec("hide", ID_LIST, required=False),
    Spec("notes", ID_LIST, required=False),
]


def _read_condition(r: _Reader, rel: str, cond: LineDict, field_name: str) -> dict:
    out = {}
    for key, accepted in cond.items():
        line = cond.line_of(key)
        choices = RULE_FIELDS.get(key)
        if choices is None:
            r.problem(rel, line, f"{field_name}.{key}", "an answer: one of " + ", ".join(RULE_FIELDS), quote(key))
            continue
        only = isinstance(accepted, dict) and list(accepted) == ["only"] and key in LIST_FIELDS
        if only:
            accepted = accepted["only"]
        if not isinstance(accepted, list) or not accepted:
            expected = "a list of " + ", ".join(choices)
            if key in LIST_FIELDS:
                expected += ", or {only: [...]} for answers with nothing else ticked"
            r.problem(rel, line, f"{field_name}.{key}", expected, quote(accepted))
            continue
        for value in accepted:
            if value not in choices:
                r.problem(rel, line, f"{field_name}.{key}", "values among " + ", ".join(choices), quote(value))
        values = tuple(str(v) for v in accepted)
        out[key] = OnlyOf(values) if only else values
    return out


def _read_tailoring(r: _Reader) -> dict | None:
    rel = "tailoring.yaml"
    data = r.read_yaml(rel)
    if data is None:
        return None
    top = r.fields(rel, data, [Spec("grid_rows", LIST), Spec("framings", MAPPING), Spec("options", LIST),
                               Spec("rules", LIST), Spec("studies", LIST, required=False),
                               Spec("unsure_questions", MAPPING, required=False),
                               Spec("value_conflicts", LIST, required=False),
                               Spec("flag_texts", MAPPING, required=False)])
    if top is None:
        return None
    rows = []
    for i, row in enumerate(data["grid_rows"]):
        if not isinstance(row, LineDict):
            r.problem(rel, data["grid_rows"].lines[i], f"grid_rows[{i}]", "a mapping with id and label", quote(row))
            continue
        f = r.fields(rel, row, [Spec("id", ID), Spec("label", TEXT)], prefix=f"grid_rows[{i}].")
        if f:
            if any(x.id == f["id"] for x in rows):
                r.problem(rel, row.line_of("id"), f"grid_rows[{i}].id", "a row id used once", quote(f["id"]))
            r.prose(rel, row.line_of("label"), f"grid_rows[{i}].label", f["label"])
            rows.append(GridRow(f["id"], f["label"]))
    framings = _labels(r, rel, data, "framings", FRAMINGS, "")
    options = []
    for i, o in enumerate(data["options"]):
        prefix = f"options[{i}]."
        if not isinstance(o, LineDict):
            r.problem(rel, data["options"].lines[i], prefix[:-1], "a mapping with id, page, shown and framing",
                      quote(o))
            continue
        f = r.fields(rel, o, [Spec("id", ID), Spec("page", ID), Spec("shown", BOOL),
                              Spec("framing", choice(*FRAMINGS))], prefix=prefix)
        if f is None:
            continue
        if any(x.id == f["id"] for x, _ in options):
            r.problem(rel, o.line_of("id"), prefix + "id", "an option id used once", quote(f["id"]))
            continue
        options.append((OptionDef(f["id"], f["page"], f["shown"], f["framing"]), o.line_of("page")))
    option_ids = [o.id for o, _ in options]
    if "medicines_only" not in option_ids:
        r.problem(rel, data.line_of("options"), "options", "an option with id medicines_only (always shown)",
                  "none")
    rules, rule_ids = [], set()
    for i, rule in enumerate(data["rules"]):
        prefix = f"rules[{i}]."
        if not isinstance(rule, LineDict):
            r.problem(rel, data["rules"].lines[i], prefix[:-1], "a mapping with id and when", quote(rule))
            continue
        f = r.fields(rel, rule, RULE_SPECS, prefix=prefix)
        if f is None:
            continue
        if f["id"] in rule_ids:
            r.problem(rel, rule.line_of("id"), prefix + "id", "a rule id used once", quote(f["id"]))
        rule_ids.add(f["id"])
        when = _read_condition(r, rel, rule["when"], prefix + "when")
        framing = {}
        for opt, fr in (f["framing"] or {}).items():
            line = rule["framing"].line_of(opt)
            if opt not in option_ids:
                r.problem(rel, line, f"{prefix}framing.{opt}", "an option id: one of " + ", ".join(option_ids),
                          quote(opt))
            elif fr not in FRAMINGS:
                r.problem(rel, line, f"{prefix}framing.{opt}", "one of: " + ", ".join(FRAMINGS), quote(fr))
            else:
                framing[opt] = fr
        for name in ("show", "hide"):
            for opt in f[name] or ():
                if opt not in option_ids:
                    r.problem(rel, rule.line_of(name), prefix + name, "option ids: among " + ", ".join(option_ids),
                              quote(opt))
        if "medicines_only" in (f["hide"] or ()):
            r.problem(rel, rule.line_of("hide"), prefix + "hide", "options other than medicines_only (always shown)",
                      quote("medicines_only"))
        rules.append((Rule(f["id"], when, framing, tuple(f["show"] or ()), tuple(f["hide"] or ()),
                           tuple(f["notes"] or ())), rule.line_of("notes")))
    from . import tailoring_schema as ts

    return {"rows": rows, "framings": framings, "options": options, "rules": rules,
            "studies": ts.read_studies(r, rel, data), "unsure_questions": ts.read_unsure_questions(r, rel, data),
            "value_conflicts": ts.read_value_conflicts(r, rel, data, option_ids),
            "flag_texts": ts.read_flag_texts(r, rel, data)}


# -- putting it together -------------------------------------------------------------------------------------------

def _check_texts(r: _Reader, facts: dict, terms: dict, page_ids: set, allowed_numbers: list[str]) -> tuple[set, set]:
    used_facts, used_terms = set(), set()
    for t in r.texts:
        for fid in markup.fact_ids(t.text):
            if fid in facts:
                used_facts.add(fid)
            elif r.fact_keys is not None and fid not in r.fact_keys:
                line = t.line + _line_in(t.text, "{{")
                r.problem(t.file, line, t.field, "a fact id from facts.yaml in {{…}}", quote(fid))
        for tid, _shown in markup.term_marks(t.text):
            if r.glossary_broken:
                break
            if tid in terms:
                used_terms.add(tid)
            else:
                r.problem(t.file, t.line + _line_in(t.text, "[["), t.field, "a word defined in glossary.yaml",
                          quote(tid))
        for target in markup.link_targets(markup.TERM_RE.sub(" ", t.text)):
            if not target.startswith(markup.PAGE_SCHEME):
                r.problem(t.file, t.line + _line_in(t.text, target), t.field,
                          "a link to another page, written page:ID", quote(target))
            elif target[len(markup.PAGE_SCHEME):] not in page_ids:
                r.problem(t.file, t.line + _line_in(t.text, target), t.field, "a page id that exists",
                          quote(target[len(markup.PAGE_SCHEME):]))
        for lineno, tag in markup.raw_html(t.text):
            r.problem(t.file, t.line + lineno - 1, t.field, "Markdown without raw HTML", quote(tag))
        for lineno, word in markup.bare_numbers(t.text, allowed_numbers):
            r.problem(t.file, t.line + lineno - 1, t.field, "figures only through fact placeholders {{…}}",
                      quote(word))
    return used_facts, used_terms


def trial_name_words(references) -> list[str]:
    """Words of trial names that hold digits ("MF07-01" from "MF07-01, Turkey"): names, not figures."""
    words = []
    for ref in references:
        if ref.trial:
            words += [w for w in ref.trial.split(",")[0].split() if any(ch.isdigit() for ch in w)]
    return sorted(set(words))


def _line_in(text: str, needle: str) -> int:
    """Lines before the first ``needle`` in ``text``: a message points at the line, not the start of the text."""
    index = text.find(needle)
    return text.count("\n", 0, index) if index > 0 else 0


def _check_pages(r: _Reader, drafts: list[_PageDraft], tailoring: dict | None, facts: dict) -> None:
    seen = {}
    for d in drafts:
        pid = d.fields["id"]
        if pid in seen:
            r.problem(d.rel, d.data.line_of("id"), "id", f"a page id used once (also in {seen[pid]})", quote(pid))
        seen.setdefault(pid, d.rel)
        if d.fields["show_when"] is not None:
            _read_condition(r, d.rel, d.data["show_when"], "show_when")
        step = d.fields["step"]
        for name in ("option", "grid"):
            if d.fields[name] is not None and step != "option":
                r.problem(d.rel, d.data.line_of(name), name, "no such field unless step is option", "a value")
        if d.fields["compare"] is not None and step not in ("trials", "risks", "option", "detail"):
            r.problem(d.rel, d.data.line_of("compare"), "compare", "no such field on a page of step " + step,
                      "a value")
        if d.fields["compare"] is not None:
            _check_compare(r, d, facts)
    steps = {d.fields["step"] for d in drafts}
    for step in REQUIRED_STEPS if not r.broken_pages else ():
        if step not in steps:
            r.problem("pages", None, "step", f"at least one page with step: {step}", "none")
    if tailoring is None:
        return
    rows = tailoring["rows"]
    by_id = {d.fields["id"]: d for d in drafts}
    option_pages = set()
    for option, line in tailoring["options"]:
        d = by_id.get(option.page)
        if d is None:
            r.problem("tailoring.yaml", line, f"options.{option.id}.page", "a page id that exists",
                      quote(option.page))
            continue
        option_pages.add(option.page)
        if d.fields["step"] != "option" or d.fields["option"] != option.id:
            r.problem(d.rel, d.data.line_of("option"), "option", f"{option.id} (with step: option)",
                      quote(d.fields["option"]))
        _check_grid(r, d, rows)
    main_pages = {option.id: by_id.get(option.page) for option, _ in tailoring["options"]}
    for d in drafts:
        if d.fields["step"] != "option" or d.fields["id"] in option_pages:
            continue
        main = main_pages.get(d.fields["option"])
        if main is None or d.fields["show_when"] is None:
            r.problem(d.rel, d.data.line_of("option"), "option",
                      "an option listed in tailoring.yaml (a second page for an option needs show_when)",
                      quote(d.fields["option"]))
            continue
        # A variant of an option's page for some situations: the same option, so the same name everywhere.
        if d.fields["title"] != main.fields["title"]:
            r.problem(d.rel, d.data.line_of("title"), "title", f"the title of {main.rel} (the same option)",
                      quote(d.fields["title"]))
        _check_grid(r, d, rows)
    for rule, line in tailoring["rules"]:
        for note in rule.notes:
            d = by_id.get(note)
            if d is None or d.fields["step"] != "note":
                r.problem("tailoring.yaml", line, f"rules.{rule.id}.notes", "ids of pages with step: note",
                          quote(note))


def _check_grid(r: _Reader, d: _PageDraft, rows: list[GridRow]) -> None:
    grid = d.data.get("grid")
    if not isinstance(grid, LineDict):
        r.problem(d.rel, d.data.line, "grid", "a cell for each grid row: " + ", ".join(x.id for x in rows),
                  "nothing")
        return
    row_ids = [x.id for x in rows]
    for key in grid:
        if key not in row_ids:
            r.problem(d.rel, grid.line_of(key), f"grid.{key}", "one of: " + ", ".join(row_ids), quote(key))
    for row in rows:
        cell = grid.get(row.id)
        if not _is_text(cell):
            r.problem(d.rel, grid.line_of(row.id), f"grid.{row.id}", TEXT.expected, quote(cell) if row.id in grid
                      else "nothing")
        else:
            r.prose(d.rel, grid.line_of(row.id), f"grid.{row.id}", cell)
    headings = [h.strip() for h in re.findall(r"^##\s+(.+?)\s*#*\s*$", d.body, re.MULTILINE)]
    labels = [x.label for x in rows]
    if headings != labels:
        r.problem(d.rel, d.body_line, "(headings)", "## headings, in order: " + "; ".join(labels),
                  quote("; ".join(headings)) if headings else "none")


def _check_compare(r: _Reader, d: _PageDraft, facts: dict) -> None:
    for i, item in enumerate(d.data["compare"]):
        prefix = f"compare[{i}]."
        if not isinstance(item, LineDict):
            r.problem(d.rel, d.data["compare"].lines[i], prefix[:-1], "a mapping with title and facts", quote(item))
            continue
        f = r.fields(d.rel, item, [Spec("title", TEXT), Spec("facts", ID_LIST)], prefix=prefix)
        if f is None:
            continue
        r.prose(d.rel, item.line_of("title"), prefix + "title", f["title"])
        if not 1 <= len(f["facts"]) <= 4:
            r.problem(d.rel, item.line_of("facts"), prefix + "facts", "one to four fact ids", str(len(f["facts"])))
        frames = set()
        for fid in f["facts"]:
            fact = facts.get(fid)
            if fact is None and (r.fact_keys is None or fid in r.fact_keys):
                continue  # the fact itself is reported
            if fact is None:
                r.problem(d.rel, item.line_of("facts"), prefix + "facts", "fact ids from facts.yaml", quote(fid))
            elif fact.per100 is None:
                r.problem(d.rel, item.line_of("facts"), prefix + "facts", "facts with per100 (X in 100)", quote(fid))
            else:
                frames.add(fact.time_frame)
                r.texts.append(_Text(d.rel, item.line_of("facts"), prefix + "facts", "{{" + fid + "}}"))
        if len(frames) > 1:
            r.problem(d.rel, item.line_of("facts"), prefix + "facts", "facts with one and the same time_frame",
                      quote(" / ".join(sorted(frames))))


def read_content(root: str | Path) -> tuple[Content | None, list[Problem], dict]:
    """Read and check the bundle at ``root``. Returns (content or None when any error, problems, usage).

    ``usage`` holds what the checker needs beyond the model: ``facts`` and ``terms`` used.
    """
    root = Path(root)
    r = _Reader(root)
    if not root.is_dir():
        r.problem(str(root), None, "(folder)", "a content folder", "no such folder")
        return None, r.problems, {}
    bundle = _read_bundle(r)
    refs = _read_references(r)
    facts = _read_facts(r, refs)
    glossary = _read_glossary(r)
    drafts = _read_pages(r, refs)
    form = _read_form(r)
    prompts = _read_prompts(r)
    tailoring = _read_tailoring(r)
    _check_pages(r, drafts, tailoring, facts)
    if tailoring is not None:
        from . import tailoring_schema as ts

        ts.check_fact_studies(r, facts, refs, tailoring["studies"], r.fact_lines)
        ts.check_study_pages(r, "tailoring.yaml", tailoring["studies"], {d.fields["id"]: d.fields["step"]
                                                                           for d in drafts})
        prompt_ids = {q["id"] for g in prompts or () for q in g["prompts"]}
        tailoring["unsure_questions"] = ts.check_unsure_questions(r, "tailoring.yaml", tailoring["unsure_questions"],
                                                                  prompt_ids)
    allowed = list(bundle.number_phrases if bundle else ()) + trial_name_words(refs.values())
    page_ids = {d.fields["id"] for d in drafts}
    used_facts, used_terms = _check_texts(r, facts, glossary, page_ids, allowed)
    usage = {"facts": used_facts, "terms": used_terms}
    if r.has_errors or bundle is None or form is None or prompts is None or tailoring is None:
        return None, r.problems, usage
    content = _build(root, bundle, refs, facts, glossary, drafts, form, prompts, tailoring)
    return content, r.problems, usage


def _build(root, bundle, refs, facts, glossary, drafts, form, prompts, tailoring) -> Content:
    def phrase(fid: str) -> str | None:
        fact = facts.get(fid)
        return fact.phrase if fact else None

    def plain(text: str) -> str:
        return markup.expand(text, phrase, glossary_links=False)

    def inline(text: str) -> str:
        return markup.to_inline_html(markup.expand(text, phrase, glossary_links=True)) if text else ""

    terms = {}
    for tid, f in glossary.items():
        definition = inline(f["definition"])
        terms[tid] = Term(tid, plain(f["term"]), markup.html_to_text(definition), definition)

    pages = {}
    for d in drafts:
        f = d.fields
        body = markup.expand(d.body, phrase, glossary_links=True)  # rendered to HTML when first needed (Page.html)
        term_ids = []
        for tid, _ in markup.term_marks(d.body + " " + " ".join(str(v) for v in (f["grid"] or {}).values())):
            if tid not in term_ids:
                term_ids.append(tid)
        compare = tuple(Comparison(plain(c["title"]), tuple(c["facts"])) for c in (f["compare"] or ()))
        grid = {str(k): inline(str(v)) for k, v in (f["grid"] or {}).items()}
        pages[f["id"]] = Page(
            id=f["id"], title=plain(f["title"]), step=f["step"], audience=f["audience"], version=f["version"],
            reviewed=f["reviewed"], review_due=f["review_due"], sources=tuple(f["sources"]), markdown=body,
            path=d.rel, terms=tuple(term_ids),
            facts=tuple(dict.fromkeys(markup.fact_ids(d.body))),
            show_when=_condition(f["show_when"]), option=f["option"], grid=grid, compare=compare,
        )

    def question(key, q, multiple=False):
        return Question(key, plain(q["prompt"]), inline(q["help"]), {k: plain(v) for k, v in q["choices"].items()},
                        multiple)

    form_model = Form(
        situation={k: question(k, q, k in LIST_FIELDS) for k, q in form["situation"].items()},
        values_prompt=plain(form["values"]["prompt"]),
        values_help_html=inline(form["values"]["help"] or ""),
        scale=tuple(plain(s) for s in form["values"]["scale"]),
        value_items={k: plain(v) for k, v in form["value_items"].items()},
        leaning=question("leaning", form["leaning"]),
        sure_prompt=plain(form["sure"]["prompt"]),
        sure_help_html=inline(form["sure"]["help"] or ""),
        sure_items={k: plain(v) for k, v in form["sure_items"].items()},
        sure_flag_html=inline(form["sure"]["flag"]),
        help={k: plain(v) for k, v in form["help"].items()},
    )
    groups = tuple(
        PromptGroup(g["id"], plain(g["title"]), tuple(Prompt(q["id"], plain(q["text"])) for q in g["prompts"]))
        for g in prompts
    )
    tailoring_model = Tailoring(
        grid_rows=tuple(tailoring["rows"]),
        framings={k: plain(v) for k, v in tailoring["framings"].items()},
        options=tuple(o for o, _ in tailoring["options"]),
        rules=tuple(rule for rule, _ in tailoring["rules"]),
        studies=tuple(_plain_study(s, plain) for s in tailoring["studies"]),
        unsure_questions=dict(tailoring["unsure_questions"]),
        value_conflicts=tuple(dataclasses.replace(c, text=plain(c.text)) for c in tailoring["value_conflicts"]),
        flag_texts={k: plain(v) for k, v in tailoring["flag_texts"].items()},
    )
    return Content(
        root=root, bundle=bundle, facts=facts, references=refs, glossary=terms, form=form_model,
        prompt_groups=groups, tailoring=tailoring_model, pages=pages, fingerprint=fingerprint(root),
        files=len(content_files(root)),
    )


def _plain_study(study, plain):
    criteria = tuple(dataclasses.replace(c, not_included=plain(c.not_included), unsure=plain(c.unsure))
                     for c in study.criteria)
    return dataclasses.replace(study, name=plain(study.name), criteria=criteria,
                               applies=plain(study.applies) if study.applies else None,
                               label=plain(study.label) if study.label else None)


def _condition(data) -> dict | None:
    if data is None:
        return None
    return {str(k): OnlyOf(tuple(str(x) for x in v["only"])) if isinstance(v, dict) else tuple(str(x) for x in v)
            for k, v in data.items()}


def load_content(root: str | Path) -> Content:
    """Read and check the folder: the content, or ContentError listing every error (warnings do not stop the app).

    The app calls ``decision_aid.content.load_content``, which first tries a frozen app's stored model.
    """
    content, problems, _ = read_content(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(errors)
    return content
