"""The checks no single file can make: references between files, page rules, and the prose of every file
(placeholders, glossary words, links, raw HTML, bare numbers). Each adds to the reading's problems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..answers import LIST_FIELDS, SITUATION_CHOICES, VALUE_ITEMS
from ..errors import Problem, quote
from ..validation import Checker, Located
from . import markup
from .model import FRAMINGS, REQUIRED_STEPS, Fact, OnlyOf, Reference
from .schema import FrontMatter, GlossaryEntry
from .yamlio import LineDict

# Tailoring rules and pages' show_when may test the situation answers and whether the clinic lists open trials.
RULE_FIELDS = {**SITUATION_CHOICES, "clinic_trials": ("yes", "no")}


@dataclass
class PageDraft:
    rel: str
    front: FrontMatter
    data: Any  # the front matter's LineDict: the lines of its fields
    body: str
    body_line: int
    translated_from: str | None = None  # a translation's page: the English version it was made from


@dataclass
class Reading:
    """Everything read from one folder so far: each file's checked declaration, the pages, and every problem."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    prose: list[Located] = field(default_factory=list)
    files: dict[str, Any] = field(default_factory=dict)  # file name -> its Struct, None when unreadable
    raw: dict[str, Any] = field(default_factory=dict)  # file name -> its YAML mapping (a LineDict), for lines
    checkers: dict[str, Checker] = field(default_factory=dict)
    pages: list[PageDraft] = field(default_factory=list)
    broken_pages: int = 0  # pages whose front matter could not be read: their step is unknown

    def problem(self, file: str, line: int | None, field_name: str, expected: str, received: str) -> None:
        self.problems.append(Problem(file, field_name, expected, received, line=line))

    def among(self, file: str, line: int | None, field_name: str, value: Any, allowed: Any, words: str) -> bool:
        """Whether ``value`` is one of ``allowed``; if not, a problem: ``words`` followed by the allowed values."""
        if value not in allowed:
            self.problem(file, line, field_name, words + ", ".join(allowed), quote(value))
        return value in allowed

    def where(self, file: str, obj: object) -> Any:
        return self.checkers[file].where(obj)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    @property
    def references(self) -> dict[str, Reference]:
        return getattr(self.files.get("references.yaml"), "references", {})

    @property
    def facts(self) -> dict[str, Fact]:
        """The facts whose source exists (the others are reported)."""
        return getattr(self.files.get("facts.yaml"), "facts", {})

    @property
    def glossary(self) -> dict[str, GlossaryEntry]:
        terms = getattr(self.files.get("glossary.yaml"), "terms", {})
        out: dict[str, GlossaryEntry] = {}
        for key, entry in terms.items():
            out.setdefault(markup.term_id(str(key)), entry)  # a second spelling of a term is reported
        return out


def check_references(r: Reading) -> None:
    declared = r.facts
    for fact_id, fact in list(declared.items()):
        if fact.source not in r.references:
            r.problem("facts.yaml", r.where("facts.yaml", fact).line_of("source"), f"facts.{fact_id}.source",
                      "a reference id from references.yaml", quote(fact.source))
            del declared[fact_id]
    for d in r.pages:
        for src in d.front.sources:
            if src not in r.references:
                r.problem(d.rel, d.data.line_of("sources"), "sources", "reference ids from references.yaml", quote(src))
    seen: set[str] = set()
    for key in getattr(r.files.get("glossary.yaml"), "terms", ()):
        if markup.term_id(str(key)) in seen:
            r.problem("glossary.yaml", r.raw["glossary.yaml"]["terms"].line_of(key), f"terms.{key}",
                      "each term once", quote(key))
        seen.add(markup.term_id(str(key)))


def once(r: Reading, file: str, items: Any, words: str, name: str = "") -> None:
    """Each item's id used once: ``items`` is the list ``name`` of ``file``, or (field prefix, item) pairs."""
    seen: set[str] = set()
    for prefix, item in ((f"{name}[{i}].", x) for i, x in enumerate(items)) if name else items:
        if item.id in seen:
            r.problem(file, r.where(file, item).line_of("id"), prefix + "id", words, quote(item.id))
        seen.add(item.id)


def check_prompts(r: Reading) -> None:
    groups = getattr(r.files.get("prompts.yaml"), "groups", ())
    once(r, "prompts.yaml", groups, "a group id used once", "groups")
    once(r, "prompts.yaml", [(f"groups[{i}].questions[{j}].", q) for i, g in enumerate(groups)
                             for j, q in enumerate(g.questions)], "a question id used once")


def condition(r: Reading, rel: str, cond: Any, field_name: str) -> dict[str, Any]:
    """A ``when``/``show_when`` mapping: answer -> accepted values, or OnlyOf for "nothing else ticked"."""
    out: dict[str, Any] = {}
    for key, accepted in cond.items():
        line, choices = cond.line_of(key), RULE_FIELDS.get(key, ())
        if not r.among(rel, line, f"{field_name}.{key}", key, RULE_FIELDS, "an answer: one of "):
            continue
        only = isinstance(accepted, dict) and list(accepted) == ["only"] and key in LIST_FIELDS
        accepted = accepted["only"] if only else accepted
        if not isinstance(accepted, list) or not accepted:
            or_only = ", or {only: [...]} for answers with nothing else ticked" if key in LIST_FIELDS else ""
            r.problem(rel, line, f"{field_name}.{key}", "a list of " + ", ".join(choices) + or_only, quote(accepted))
            continue
        for value in accepted:
            r.among(rel, line, f"{field_name}.{key}", value, choices, "values among ")
        values = tuple(str(v) for v in accepted)
        out[key] = OnlyOf(values) if only else values
    return out


def check_tailoring(r: Reading) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """The rules' conditions and framings, checked: rule id -> (when, framing)."""
    t = r.files.get("tailoring.yaml")
    if t is None:
        return {}
    rel = "tailoring.yaml"
    once(r, rel, t.grid_rows, "a row id used once", "grid_rows")
    once(r, rel, t.options, "an option id used once", "options")
    option_ids = list(dict.fromkeys(o.id for o in t.options))
    if "medicines_only" not in option_ids:
        r.problem(rel, r.where(rel, t).line_of("options"), "options", "an option with id medicines_only (always shown)",
                  "none")
    once(r, rel, t.rules, "a rule id used once", "rules")
    parsed = {}
    for i, rule in enumerate(t.rules):
        data, prefix = r.where(rel, rule), f"rules[{i}]."
        when = condition(r, rel, data["when"], prefix + "when")
        framing = {}
        for opt, fr in (rule.framing or {}).items():
            line, name = data["framing"].line_of(opt), f"{prefix}framing.{opt}"
            if r.among(rel, line, name, opt, option_ids, "an option id: one of ") and r.among(
                    rel, line, name, fr, FRAMINGS, "one of: "):
                framing[opt] = fr
        for name in ("show", "hide"):
            for opt in getattr(rule, name):
                r.among(rel, data.line_of(name), prefix + name, opt, option_ids, "option ids: among ")
        parsed[rule.id] = (when, framing)
    once(r, rel, t.studies, "a study id used once", "studies")
    for i, conflict in enumerate(t.value_conflicts):
        data, prefix = r.where(rel, conflict), f"value_conflicts[{i}]."
        r.among(rel, data.line_of("leaning"), prefix + "leaning", conflict.leaning, option_ids, "an option id: one of ")
        r.among(rel, data.line_of("value"), prefix + "value", conflict.value, VALUE_ITEMS, "one of: ")
    return parsed


def unsure_questions(r: Reading) -> dict[str, str]:
    """tailoring.yaml ``unsure_questions``, checked: situation answer -> the prompt id it suggests."""
    t, prompts = r.files.get("tailoring.yaml"), r.files.get("prompts.yaml")
    if t is None or not t.unsure_questions:
        return {}
    rel, items = "tailoring.yaml", r.raw["tailoring.yaml"]["unsure_questions"]
    prompt_ids = {q.id for g in prompts.groups for q in g.questions} if prompts else None
    with_unsure = [k for k, v in SITUATION_CHOICES.items() if "unsure" in v]
    out = {}
    for key, qid in t.unsure_questions.items():
        field_name, line = f"unsure_questions.{key}", items.line_of(key)
        if not r.among(rel, line, field_name, key, with_unsure, "an answer with \"I'm not sure\": one of "):
            continue
        if isinstance(qid, str) and (prompt_ids is None or qid in prompt_ids):
            out[str(key)] = qid
        else:
            r.problem(rel, line, field_name, "a question id from prompts.yaml", quote(qid))
    return out


def check_studies(r: Reading) -> None:
    """Every figure from a trial says which study's people it describes; each study's pages are about studies."""
    t = r.files.get("tailoring.yaml")
    if t is None:
        return
    # every study named in the file, a broken one too (reported already): no cascade onto its figures
    ids = [s["id"] for s in r.raw["tailoring.yaml"].get("studies") or () if isinstance(s, dict) and "id" in s]
    for fid, fact in r.facts.items():  # (facts.yaml read: a mapping of facts with the line of each)
        line = r.raw["facts.yaml"]["facts"].line_of(fid)
        if fact.study is None:
            ref = r.references.get(fact.source)
            if ref is not None and ref.trial:
                r.problem("facts.yaml", line, f"facts.{fid}.study",
                          "the id of the study whose people this figure describes (its source is the "
                          f"{ref.trial} trial)", "nothing")
        elif fact.study not in ids:
            r.problem("facts.yaml", line, f"facts.{fid}.study",
                      "a study id from tailoring.yaml studies: " + (", ".join(ids) or "(none declared)"),
                      quote(fact.study))
    steps = {d.front.id: d.front.step for d in r.pages}
    for i, study in enumerate(t.studies):
        for pid in study.pages:
            if steps.get(pid) != "trials":
                r.problem("tailoring.yaml", None, f"studies[{i}].pages", "ids of pages with step: trials", quote(pid))


def check_pages(r: Reading) -> dict[str, dict[str, Any] | None]:
    """Page rules and links to the tailoring; returns each page's checked show_when."""
    seen: dict[str, str] = {}
    show_when: dict[str, dict[str, Any] | None] = {}
    d: PageDraft | None  # each page in turn, then the page an id names (if any)
    for d in r.pages:
        f = d.front
        if f.id in seen:
            r.problem(d.rel, d.data.line_of("id"), "id", f"a page id used once (also in {seen[f.id]})", quote(f.id))
        seen.setdefault(f.id, d.rel)
        show_when[f.id] = condition(r, d.rel, d.data["show_when"], "show_when") if f.show_when is not None else None
        for name in ("option", "grid"):
            if getattr(f, name) is not None and f.step != "option":
                r.problem(d.rel, d.data.line_of(name), name, "no such field unless step is option", "a value")
        if f.compare is not None and f.step not in ("trials", "risks", "option", "detail"):
            r.problem(d.rel, d.data.line_of("compare"), "compare", "no such field on a page of step " + f.step,
                      "a value")
        elif f.compare is not None:
            check_compare(r, d)
    steps = {d.front.step for d in r.pages}
    for step in REQUIRED_STEPS if not r.broken_pages else ():
        if step not in steps:
            r.problem("pages", None, "step", f"at least one page with step: {step}", "none")
    t = r.files.get("tailoring.yaml")
    if t is None:
        return show_when
    by_id = {d.front.id: d for d in r.pages}
    for option in t.options:
        d = by_id.get(option.page)
        if d is None:
            r.problem("tailoring.yaml", r.where("tailoring.yaml", option).line_of("page"), f"options.{option.id}.page",
                      "a page id that exists", quote(option.page))
            continue
        if d.front.step != "option" or d.front.option != option.id:
            r.problem(d.rel, d.data.line_of("option"), "option", f"{option.id} (with step: option)",
                      quote(d.front.option))
        check_grid(r, d, t.grid_rows)
    main_pages = {option.id: by_id.get(option.page) for option in t.options}
    option_pages = {option.page for option in t.options}
    for d in r.pages:
        if d.front.step != "option" or d.front.id in option_pages:
            continue
        main = main_pages.get(d.front.option or "")
        if main is None or d.front.show_when is None:
            r.problem(d.rel, d.data.line_of("option"), "option",
                      "an option listed in tailoring.yaml (a second page for an option needs show_when)",
                      quote(d.front.option))
            continue
        # A variant of an option's page for some situations: the same option, so the same name everywhere.
        if d.front.title != main.front.title:
            r.problem(d.rel, d.data.line_of("title"), "title", f"the title of {main.rel} (the same option)",
                      quote(d.front.title))
        check_grid(r, d, t.grid_rows)
    for rule in t.rules:
        for note in rule.notes:
            if note not in by_id or by_id[note].front.step != "note":
                r.problem("tailoring.yaml", r.where("tailoring.yaml", rule).line_of("notes"), f"rules.{rule.id}.notes",
                          "ids of pages with step: note", quote(note))
    return show_when


def check_grid(r: Reading, d: PageDraft, rows: Any) -> None:
    grid: LineDict | None = d.data.get("grid")
    row_ids = [x.id for x in rows]
    if not isinstance(grid, dict):
        r.problem(d.rel, d.data.line, "grid", "a cell for each grid row: " + ", ".join(row_ids), "nothing")
        return
    for key in grid:
        r.among(d.rel, grid.line_of(key), f"grid.{key}", key, row_ids, "one of: ")
    for row in rows:
        cell = grid.get(row.id)
        if not isinstance(cell, str) or not cell.strip():
            r.problem(d.rel, grid.line_of(row.id), f"grid.{row.id}", "a non-empty text",
                      quote(cell) if row.id in grid else "nothing")
        else:
            r.prose.append(Located(d.rel, grid.line_of(row.id), f"grid.{row.id}", cell))
    headings = [h.strip() for h in re.findall(r"^##\s+(.+?)\s*#*\s*$", d.body, re.MULTILINE)]
    labels = [x.label for x in rows]
    if headings != labels:
        r.problem(d.rel, d.body_line, "(headings)", "## headings, in order: " + "; ".join(labels),
                  quote("; ".join(headings)) if headings else "none")


def check_compare(r: Reading, d: PageDraft) -> None:
    fact_keys = fact_ids_written(r)
    for i, item in enumerate(d.front.compare or ()):
        line, prefix = r.where(d.rel, item).line_of("facts"), f"compare[{i}]."
        frames = set()
        for fid in item.facts:
            fact = r.facts.get(fid)
            if fact is None and (fact_keys is None or fid in fact_keys):
                continue  # the fact itself is reported
            if fact is None:
                r.problem(d.rel, line, prefix + "facts", "fact ids from facts.yaml", quote(fid))
            elif fact.per100 is None:
                r.problem(d.rel, line, prefix + "facts", "facts with per100 (X in 100)", quote(fid))
            else:
                frames.add(fact.time_frame)
                r.prose.append(Located(d.rel, line, prefix + "facts", "{{" + fid + "}}"))
        if len(frames) > 1:
            r.problem(d.rel, line, prefix + "facts", "facts with one and the same time_frame",
                      quote(" / ".join(sorted(frames))))


def fact_ids_written(r: Reading) -> set[str] | None:
    """Every fact id facts.yaml names, valid or not (no cascade of "unknown fact"); None when it is unreadable."""
    data = r.raw.get("facts.yaml")
    facts = data.get("facts") if isinstance(data, dict) else None
    return set(facts) if isinstance(facts, dict) else None


def trial_name_words(references: Any) -> list[str]:
    """Words of trial names that hold digits ("MF07-01" from "MF07-01, Turkey"): names, not figures."""
    return sorted({w for ref in references if ref.trial for w in ref.trial.split(",")[0].split()
                   if any(ch.isdigit() for ch in w)})


def _line_in(text: str, needle: str) -> int:
    """Lines before the first ``needle`` in ``text``: a message points at the line, not the start of the text."""
    index = text.find(needle)
    return text.count("\n", 0, index) if index > 0 else 0


def check_prose(r: Reading, allowed_numbers: list[str]) -> tuple[set[str], set[str]]:
    """Placeholders, glossary words, links, raw HTML and bare numbers in every text; the facts and words used."""
    facts, terms, fact_keys = r.facts, r.glossary, fact_ids_written(r)
    glossary_broken = r.files.get("glossary.yaml") is None  # no cascade of "undefined word"
    page_ids = {d.front.id for d in r.pages}
    used_facts, used_terms = set(), set()
    for t in r.prose:
        found: list[tuple[int, str, str]] = []  # (lines into the text, expected, received)
        for fid in markup.fact_ids(t.text):
            if fid in facts:
                used_facts.add(fid)
            elif fact_keys is not None and fid not in fact_keys:
                found.append((_line_in(t.text, "{{"), "a fact id from facts.yaml in {{…}}", quote(fid)))
        for tid, _shown in () if glossary_broken else markup.term_marks(t.text):
            if tid in terms:
                used_terms.add(tid)
            else:
                found.append((_line_in(t.text, "[["), "a word defined in glossary.yaml", quote(tid)))
        for target in markup.link_targets(markup.TERM_RE.sub(" ", t.text)):
            page = target.removeprefix(markup.PAGE_SCHEME)
            if page == target:
                found.append((_line_in(t.text, target), "a link to another page, written page:ID", quote(target)))
            elif page not in page_ids:
                found.append((_line_in(t.text, target), "a page id that exists", quote(page)))
        found += [(n - 1, "Markdown without raw HTML", quote(tag)) for n, tag in markup.raw_html(t.text)]
        found += [(n - 1, "figures only through fact placeholders {{…}}", quote(word))
                  for n, word in markup.bare_numbers(t.text, allowed_numbers)]
        for offset, expected, received in found:
            r.problem(t.file, (t.line or 0) + offset, t.field, expected, received)
    return used_facts, used_terms
