"""A translation laid over the English reading: its files read and checked against their declarations
(``overlay_schema``), matched to the English text by text (every text the English has, none it lacks, the same ids in
the same order), and the English reading copied with the translated words in place. The pairs of English and
translated texts go to ``parity`` for what a pair must share (placeholders, links, numbers, no English left).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import msgspec

from ..errors import quote
from ..validation import INVALID, Checker, Located
from . import files, overlay_schema, read
from .checks import PageDraft, Reading, check_grid
from .language_model import LanguageBundle
from .schema import FactsFile, ReferencesFile


@dataclass(frozen=True)
class Pair:
    """One English text and its translation; ``kind``: ``text``, ``phrase`` (a fact's) or ``page`` (a page body)."""

    file: str
    line: int | None
    field: str
    english: str
    translated: str
    kind: str = "text"


@dataclass
class Translation:
    language: str
    bundle: LanguageBundle
    reading: Reading  # the English reading, its words replaced (problems shared with the English reading)
    pairs: list[Pair] = field(default_factory=list)
    stale: list[tuple[str, int | None, str, str]] = field(default_factory=list)  # (file, line, from, English version)


class _Matcher:
    def __init__(self, r: Reading, language: str) -> None:
        self.r, self.language = r, language
        self.pairs: list[Pair] = []
        self.checkers: dict[str, Checker] = {}
        self.prose: list[Located] = []

    def rel(self, name: str) -> str:
        return f"{self.language}/{name}"

    def read(self, name: str) -> Any:
        """A translation's YAML file as its declaration, or None (missing or invalid: reported)."""
        rel = self.rel(name)
        if not (self.r.root / rel).is_file():
            self.r.problem(rel, None, "(file)", f"the {self.language} words of {name}", "no such file")
            return None
        data = self.r.raw[rel] = read.read_yaml(self.r.root, rel, self.r.problems)
        checker = self.checkers[name] = Checker(rel, self.r.problems, prose=self.prose)
        checked = None if data is None else checker.struct(data, overlay_schema.FILES[name])
        return None if checked is INVALID else checked

    def line(self, name: str, obj: object, key: str) -> int | None:
        try:
            return self.checkers[name].where(obj).line_of(key)  # type: ignore[no-any-return]
        except (KeyError, AttributeError):
            return None

    def pair(self, name: str, line: int | None, field_name: str, english: str | None, translated: str | None,
             kind: str = "text") -> None:
        rel = self.rel(name)
        if english is None and translated is not None:
            self.r.problem(rel, line, field_name, "no such text (the English has none)", quote(translated))
        elif english is not None and translated is None:
            self.r.problem(rel, line, field_name, f"the {self.language} words of the English text", "nothing")
        elif english is not None and translated is not None:
            self.pairs.append(Pair(rel, line, field_name, english, translated, kind))

    def keys(self, name: str, line: int | None, field_name: str, english: list[str], translated: list[str],
             *, ordered: bool) -> bool:
        """The same ids as the English (in its order when ``ordered``); False, reported, when not."""
        same = english == translated if ordered else set(english) == set(translated)
        if not same:
            missing = [k for k in english if k not in translated]
            extra = [k for k in translated if k not in english]
            words = "the ids of the English, in its order: " if ordered else "the ids of the English: "
            received = ("missing " + ", ".join(missing) if missing else "") + ("; " if missing and extra else "") + (
                "not in the English: " + ", ".join(extra) if extra else "")
            self.r.problem(self.rel(name), line, field_name, words + ", ".join(english),
                           received or "another order: " + ", ".join(translated))
        return same


def read_language(r: Reading, language: str) -> Translation | None:
    """Read, check and lay one translation over ``r``; None when it cannot be laid (its problems are in r)."""
    m = _Matcher(r, language)
    bundle = m.read("bundle.yaml")
    words = {name: m.read(name) for name in files.OVERLAY_FILES if name != "bundle.yaml"}
    new_files = dict(r.files)
    new_files["bundle.yaml"] = r.files.get("bundle.yaml")
    for name, apply in (("facts.yaml", _facts), ("references.yaml", _references), ("glossary.yaml", _glossary),
                        ("form.yaml", _form), ("prompts.yaml", _prompts), ("tailoring.yaml", _tailoring)):
        if words[name] is not None and r.files.get(name) is not None:
            new_files[name] = apply(m, r.files[name], words[name])
    es = dataclasses.replace(r, files=new_files, pages=[], prose=m.prose, checkers={}, broken_pages=0)
    stale = _pages(m, es)
    if bundle is None or any(v is None for v in words.values()):
        return None
    return Translation(language, bundle, es, m.pairs, stale)


def _facts(m: _Matcher, en: FactsFile, es: overlay_schema.FactsWords) -> FactsFile:
    name = "facts.yaml"
    raw = m.r.raw.get(m.rel(name))
    written = raw.get("facts") if isinstance(raw, dict) and isinstance(raw.get("facts"), dict) else es.facts
    # every id written, a bad entry's too (reported already)
    m.keys(name, None, "facts", list(m.r.facts), [str(k) for k in written or ()], ordered=False)
    out = dict(en.facts)
    for fid, fact in m.r.facts.items():
        w = es.facts.get(fid)
        if w is None:
            continue
        for key, kind in (("phrase", "phrase"), ("population", "text"), ("time_frame", "text"), ("note", "text")):
            m.pair(name, m.line(name, w, key), f"facts.{fid}.{key}", getattr(fact, key), getattr(w, key), kind)
        out[fid] = msgspec.structs.replace(fact, phrase=w.phrase, population=w.population, time_frame=w.time_frame,
                                           note=w.note if fact.note is not None else None)
    return FactsFile(facts=out)


def _references(m: _Matcher, en: ReferencesFile, es: overlay_schema.ReferencesWords) -> ReferencesFile:
    name, with_note = "references.yaml", [rid for rid, ref in en.references.items() if ref.note]
    m.keys(name, None, "references", with_note, list(es.references), ordered=False)
    out = dict(en.references)
    for rid in with_note:
        w = es.references.get(rid)
        if w is not None:
            m.pair(name, m.line(name, w, "note"), f"references.{rid}.note", en.references[rid].note, w.note)
            out[rid] = msgspec.structs.replace(en.references[rid], note=w.note)
    return ReferencesFile(references=out)


def _glossary(m: _Matcher, en: Any, es: Any) -> Any:
    name = "glossary.yaml"
    if m.keys(name, None, "terms", list(map(str, en.terms)), list(map(str, es.terms)), ordered=False):
        for key, entry in es.terms.items():
            for part in ("term", "definition"):
                m.pair(name, m.line(name, entry, part), f"terms.{key}.{part}", getattr(en.terms[key], part),
                       getattr(entry, part))
    return es


def _walk(m: _Matcher, name: str, en: Any, es: Any, prefix: str) -> None:
    """Every text of two records of one declaration, paired (a whole file: form.yaml, prompts.yaml)."""
    if isinstance(en, msgspec.Struct):
        for f in msgspec.structs.fields(en):
            a, b = getattr(en, f.name), getattr(es, f.name)
            if isinstance(a, str) or isinstance(b, str) or a is None or b is None:
                if f.name != "id":
                    m.pair(name, m.line(name, es, f.encode_name), prefix + f.encode_name, a, b)
            else:
                _walk(m, name, a, b, prefix + f.encode_name + ".")
    elif isinstance(en, tuple):
        for i, (a, b) in enumerate(zip(en, es, strict=False)):
            if isinstance(a, str):
                m.pair(name, None, f"{prefix[:-1]}[{i}]", a, b)
            else:
                _walk(m, name, a, b, f"{prefix[:-1]}[{i}].")


def _form(m: _Matcher, en: Any, es: Any) -> Any:
    _walk(m, "form.yaml", en, es, "")
    return es


def _prompts(m: _Matcher, en: Any, es: Any) -> Any:
    name = "prompts.yaml"
    if m.keys(name, None, "groups", [g.id for g in en.groups], [g.id for g in es.groups], ordered=True):
        for i, (a, b) in enumerate(zip(en.groups, es.groups, strict=True)):
            if m.keys(name, m.line(name, b, "questions"), f"groups[{i}].questions", [q.id for q in a.questions],
                      [q.id for q in b.questions], ordered=True):
                _walk(m, name, a, b, f"groups[{i}].")
    return es


def _tailoring(m: _Matcher, en: Any, es: overlay_schema.TailoringWords) -> Any:
    name, rp = "tailoring.yaml", msgspec.structs.replace
    rows = en.grid_rows
    if m.keys(name, None, "grid_rows", [x.id for x in en.grid_rows], [x.id for x in es.grid_rows], ordered=True):
        rows = es.grid_rows
        _walk(m, name, en.grid_rows, es.grid_rows, "grid_rows.")
    _walk(m, name, en.framings, es.framings, "framings.")
    if (en.flag_texts is None) != (es.flag_texts is None):
        m.r.problem(m.rel(name), None, "flag_texts", "flag_texts as the English" if en.flag_texts else
                    "no flag_texts (the English has none)", "nothing" if es.flag_texts is None else "a mapping")
    elif en.flag_texts is not None and es.flag_texts is not None:
        _walk(m, name, en.flag_texts, es.flag_texts, "flag_texts.")
    conflicts = en.value_conflicts
    if m.keys(name, None, "value_conflicts", [f"{c.leaning}/{c.value}" for c in en.value_conflicts],
              [f"{c.leaning}/{c.value}" for c in es.value_conflicts], ordered=True):
        conflicts = tuple(rp(a, text=b.text) for a, b in zip(en.value_conflicts, es.value_conflicts, strict=True))
        for i, (conflict, words) in enumerate(zip(en.value_conflicts, es.value_conflicts, strict=True)):
            m.pair(name, m.line(name, words, "text"), f"value_conflicts[{i}].text", conflict.text, words.text)
    studies: list[Any] = list(en.studies)
    if m.keys(name, None, "studies", [s.id for s in en.studies], [s.id for s in es.studies], ordered=True):
        for i, (a, b) in enumerate(zip(en.studies, es.studies, strict=True)):
            for key in ("name", "applies", "label"):
                m.pair(name, m.line(name, b, key), f"studies[{i}].{key}", getattr(a, key), getattr(b, key))
            if m.keys(name, m.line(name, b, "criteria"), f"studies[{i}].criteria", [c.answer for c in a.criteria],
                      [c.answer for c in b.criteria], ordered=True):
                for j, (ca, cb) in enumerate(zip(a.criteria, b.criteria, strict=True)):
                    for key in ("not_included", "unsure"):
                        m.pair(name, m.line(name, cb, key), f"studies[{i}].criteria[{j}].{key}", getattr(ca, key),
                               getattr(cb, key))
                criteria = tuple(rp(ca, not_included=cb.not_included, unsure=cb.unsure)
                                 for ca, cb in zip(a.criteria, b.criteria, strict=True))
                studies[i] = rp(a, name=b.name, applies=b.applies if a.applies else None,
                                label=b.label if a.label else None, criteria=criteria)
    flags = es.flag_texts if en.flag_texts is not None and es.flag_texts is not None else en.flag_texts
    return rp(en, grid_rows=rows, framings=es.framings, flag_texts=flags, value_conflicts=conflicts,
              studies=tuple(studies))


def _pages(m: _Matcher, es: Reading) -> list[tuple[str, int | None, str, str]]:
    """Each English page's translation, read and laid over it; the pages translated from an older English version."""
    from ..validation import Checker as PageChecker

    r, folder = m.r, m.r.root / m.language
    stale: list[tuple[str, int | None, str, str]] = []
    english = {d.rel.rsplit("/", 1)[-1]: d for d in r.pages}
    present = {p.name for p in files.page_files(folder)}
    for extra in sorted(present - set(english)):
        r.problem(m.rel(f"pages/{extra}"), None, "(file)", "a page the English has (the same file name)",
                  "a page the English lacks")
    rows = es.files["tailoring.yaml"].grid_rows if es.files.get("tailoring.yaml") else ()
    for file_name, d in english.items():
        rel = m.rel(f"pages/{file_name}")
        if file_name not in present:
            r.problem(rel, None, "(file)", f"the {m.language} page of pages/{file_name}", "no such file")
            continue
        text = read.read_text(r.root, rel, r.problems)
        parts = None if text is None else read.front_matter(rel, text, r.problems)
        if parts is None or parts[0] is None:
            continue
        data, body, body_line = parts
        assert data is not None  # (parts[0] checked above)
        front = PageChecker(rel, r.problems, prose=m.prose).struct(data, overlay_schema.PageWords)
        if front is INVALID:
            continue
        if front.id != d.front.id:
            r.problem(rel, data.line_of("id"), "id", f"{d.front.id} (the English page's id)", quote(front.id))
            continue
        if front.translated_from != d.front.version:
            stale.append((rel, data.line_of("translated_from"), front.translated_from, d.front.version))
        m.pair(f"pages/{file_name}", data.line_of("title"), "title", d.front.title, front.title)
        m.pairs.append(Pair(rel, body_line, "(body)", d.body, body, "page"))
        m.prose.append(Located(rel, body_line, "(body)", body))
        compare = d.front.compare
        if (d.front.compare is None) != (front.compare is None) or len(compare or ()) != len(front.compare or ()):
            r.problem(rel, data.line_of("compare") or 1, "compare",
                      f"{len(compare or ())} entries with title, as the English page", quote(front.compare))
        elif compare is not None and front.compare is not None:
            for i, (a, b) in enumerate(zip(compare, front.compare, strict=True)):
                m.pair(f"pages/{file_name}", data.line_of("compare"), f"compare[{i}].title", a.title, b.title)
            compare = tuple(msgspec.structs.replace(a, title=b.title)
                            for a, b in zip(compare, front.compare, strict=True))
        if (d.front.grid is None) != (front.grid is None):
            r.problem(rel, data.line_of("grid") or 1, "grid", "a grid as the English page" if d.front.grid
                      else "no grid (the English page has none)", "nothing" if front.grid is None else "a grid")
            continue
        draft = PageDraft(rel, msgspec.structs.replace(d.front, title=front.title, grid=front.grid, compare=compare),
                          data, body, body_line, translated_from=front.translated_from)
        if front.grid is not None:
            check_grid(es, draft, rows)
            for key, cell in front.grid.items():
                english_cell = (d.front.grid or {}).get(key)
                if english_cell is not None:
                    m.pairs.append(Pair(rel, data["grid"].line_of(key), f"grid.{key}", str(english_cell), str(cell)))
        es.pages.append(draft)
    _same_titles(m, es)
    return stale


def _same_titles(m: _Matcher, es: Reading) -> None:
    """Pages the English gives one title (an option's variants) keep one title in the translation."""
    english = {d.front.id: d.front.title for d in m.r.pages}
    first: dict[str, Any] = {}
    for d in es.pages:
        main = first.setdefault(english[d.front.id], d)
        if d.front.title != main.front.title:
            m.r.problem(d.rel, d.data.line_of("title"), "title", f"the title of {main.rel} (the same English title)",
                        quote(d.front.title))
