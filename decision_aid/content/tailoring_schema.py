"""The parts of ``tailoring.yaml`` (and one field of ``facts.yaml``) that say who each figure applies to, which
questions a "not sure" answer suggests, and which leanings are flagged. Each reader is self-contained: it takes the
content reader (``loader._Reader``) and the raw mapping, reports every problem, and returns plain model objects.
"""

from __future__ import annotations

from ..answers import LIST_FIELDS, SITUATION_CHOICES, VALUE_ITEMS, VALUE_MAX, VALUE_MIN
from ..errors import quote
from .model import FLAG_CODES, STUDY_KINDS, Criterion, Study, ValueConflict
from .yamlio import LineDict

SINGLE_ANSWERS = tuple(k for k in SITUATION_CHOICES if k not in LIST_FIELDS)


def _k():
    """The loader's field kinds and helpers (imported late: the loader imports this module)."""
    from . import loader

    return loader


def read_studies(r, rel: str, data: LineDict) -> list[Study]:
    """``studies``: who each study took, as answers. Missing means none (an older bundle)."""
    if "studies" not in data:
        return []
    L = _k()
    items = data["studies"]
    if not isinstance(items, list):
        r.problem(rel, data.line_of("studies"), "studies", "a list of studies", quote(items))
        return []
    studies, seen = [], set()
    specs = [L.Spec("id", L.ID), L.Spec("name", L.TEXT), L.Spec("kind", L.choice(*STUDY_KINDS)),
             L.Spec("pages", L.ID_LIST, required=False), L.Spec("criteria", L.LIST, required=False),
             L.Spec("applies", L.TEXT, required=False), L.Spec("label", L.TEXT, required=False)]
    for i, item in enumerate(items):
        prefix = f"studies[{i}]."
        if not isinstance(item, LineDict):
            r.problem(rel, items.lines[i], prefix[:-1], "a mapping with id, name and kind", quote(item))
            continue
        f = r.fields(rel, item, specs, prefix=prefix)
        if f is None:
            continue
        if f["id"] in seen:
            r.problem(rel, item.line_of("id"), prefix + "id", "a study id used once", quote(f["id"]))
            continue
        seen.add(f["id"])
        for name in ("name", "applies", "label"):
            if f[name]:
                r.prose(rel, item.line_of(name), prefix + name, f[name])
        if f["kind"] == "matched":
            if not f["criteria"]:
                r.problem(rel, item.line, prefix + "criteria", "at least one criterion (kind: matched)", "nothing")
            if not f["applies"]:
                r.problem(rel, item.line, prefix + "applies", "the words shown when the answers match", "nothing")
        elif not f["label"]:
            r.problem(rel, item.line, prefix + "label", f"the words always shown beside its figures (kind: "
                      f"{f['kind']})", "nothing")
        elif f["criteria"]:
            r.problem(rel, item.line_of("criteria"), prefix + "criteria", "no criteria unless kind is matched",
                      "a list")
        criteria = tuple(c for c in (_criterion(r, rel, c, f"{prefix}criteria[{j}].", item["criteria"].lines[j])
                                     for j, c in enumerate(f["criteria"] or ())) if c is not None)
        studies.append(Study(f["id"], f["name"], f["kind"], tuple(f["pages"] or ()), criteria, f["applies"],
                             f["label"]))
    return studies


def _criterion(r, rel: str, c, prefix: str, line: int) -> Criterion | None:
    L = _k()
    if not isinstance(c, LineDict):
        r.problem(rel, line, prefix[:-1], "a mapping with answer, took, not_took, not_included and unsure", quote(c))
        return None
    f = r.fields(rel, c, [L.Spec("answer", L.TEXT), L.Spec("took", L.LIST), L.Spec("not_took", L.LIST),
                          L.Spec("not_included", L.TEXT), L.Spec("unsure", L.TEXT)], prefix=prefix)
    if f is None:
        return None
    if f["answer"] not in SINGLE_ANSWERS:
        r.problem(rel, c.line_of("answer"), prefix + "answer", "an answer: one of " + ", ".join(SINGLE_ANSWERS),
                  quote(f["answer"]))
        return None
    choices = SITUATION_CHOICES[f["answer"]]
    ok = True
    for name in ("took", "not_took"):
        for value in f[name]:
            if value not in choices:
                r.problem(rel, c.line_of(name), prefix + name, "values among " + ", ".join(choices), quote(value))
                ok = False
    both = set(map(str, f["took"])) & set(map(str, f["not_took"]))
    if both:
        r.problem(rel, c.line_of("not_took"), prefix + "not_took", "no value also in took", quote(sorted(both)[0]))
        ok = False
    for name in ("not_included", "unsure"):
        r.prose(rel, c.line_of(name), prefix + name, f[name])
    if not ok:
        return None
    return Criterion(f["answer"], tuple(map(str, f["took"])), tuple(map(str, f["not_took"])), f["not_included"],
                     f["unsure"])


def read_unsure_questions(r, rel: str, data: LineDict) -> dict[str, tuple[str, int]]:
    """``unsure_questions``: situation answer -> (the prompt id suggested when the answer is "I'm not sure", its
    line); ``check_unsure_questions`` checks the ids once prompts.yaml is read."""
    items = data.get("unsure_questions")
    if items is None:
        return {}
    if not isinstance(items, LineDict):
        r.problem(rel, data.line_of("unsure_questions"), "unsure_questions", "a mapping", quote(items))
        return {}
    out = {}
    for key, qid in items.items():
        field = f"unsure_questions.{key}"
        if key not in SITUATION_CHOICES or "unsure" not in SITUATION_CHOICES[key]:
            with_unsure = [k for k, v in SITUATION_CHOICES.items() if "unsure" in v]
            r.problem(rel, items.line_of(key), field, "an answer with \"I'm not sure\": one of " +
                      ", ".join(with_unsure), quote(key))
        elif not isinstance(qid, str):
            r.problem(rel, items.line_of(key), field, "a question id from prompts.yaml", quote(qid))
        else:
            out[str(key)] = (qid, items.line_of(key))
    return out


def check_unsure_questions(r, rel: str, questions: dict, prompt_ids: set) -> dict[str, str]:
    out = {}
    for key, (qid, line) in questions.items():
        if qid not in prompt_ids:
            r.problem(rel, line, f"unsure_questions.{key}", "a question id from prompts.yaml", quote(qid))
        else:
            out[key] = qid
    return out


def read_value_conflicts(r, rel: str, data: LineDict, option_ids: list[str]) -> list[ValueConflict]:
    """``value_conflicts``: a leaning that pulls against a value rated at least ``at_least``."""
    items = data.get("value_conflicts")
    if items is None:
        return []
    L = _k()
    if not isinstance(items, list):
        r.problem(rel, data.line_of("value_conflicts"), "value_conflicts", "a list", quote(items))
        return []
    out = []
    rating = L.Kind(f"a whole number from {VALUE_MIN} to {VALUE_MAX}",
                    lambda v: type(v) is int and VALUE_MIN <= v <= VALUE_MAX)
    for i, item in enumerate(items):
        prefix = f"value_conflicts[{i}]."
        if not isinstance(item, LineDict):
            r.problem(rel, items.lines[i], prefix[:-1], "a mapping with leaning, value, at_least and text",
                      quote(item))
            continue
        f = r.fields(rel, item, [L.Spec("leaning", L.ID), L.Spec("value", L.ID), L.Spec("at_least", rating),
                                 L.Spec("text", L.TEXT)], prefix=prefix)
        if f is None:
            continue
        ok = True
        if f["leaning"] not in option_ids:
            r.problem(rel, item.line_of("leaning"), prefix + "leaning", "an option id: one of " +
                      ", ".join(option_ids), quote(f["leaning"]))
            ok = False
        if f["value"] not in VALUE_ITEMS:
            r.problem(rel, item.line_of("value"), prefix + "value", "one of: " + ", ".join(VALUE_ITEMS),
                      quote(f["value"]))
            ok = False
        r.prose(rel, item.line_of("text"), prefix + "text", f["text"])
        if ok:
            out.append(ValueConflict(f["leaning"], f["value"], f["at_least"], f["text"]))
    return out


def read_flag_texts(r, rel: str, data: LineDict) -> dict[str, str]:
    """``flag_texts``: the words of each flag, one per code in FLAG_CODES."""
    if "flag_texts" not in data:
        return {}
    return _k()._labels(r, rel, data, "flag_texts", FLAG_CODES, "") or {}


def check_fact_studies(r, facts: dict, refs: dict, studies: list[Study], lines: dict) -> None:
    """Every figure from a trial (its source names a trial) says which study's people it describes."""
    ids = [s.id for s in studies]
    for fid, fact in facts.items():
        line = lines.get(fid)
        if fact.study is None:
            ref = refs.get(fact.source)
            if ref is not None and ref.trial:
                r.problem("facts.yaml", line, f"facts.{fid}.study",
                          "the id of the study whose people this figure describes (its source is the "
                          f"{ref.trial} trial)", "nothing")
        elif fact.study not in ids:
            r.problem("facts.yaml", line, f"facts.{fid}.study",
                      "a study id from tailoring.yaml studies: " + (", ".join(ids) or "(none declared)"),
                      quote(fact.study))


def check_study_pages(r, rel: str, studies: list[Study], pages: dict) -> None:
    """Each study's pages exist and are pages of the step "trials"."""
    for i, s in enumerate(studies):
        for pid in s.pages:
            if pages.get(pid) != "trials":
                r.problem(rel, None, f"studies[{i}].pages", "ids of pages with step: trials", quote(pid))
