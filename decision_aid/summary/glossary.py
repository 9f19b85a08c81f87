"""The summary's "Words used": the glossary terms that appear in the summary's words. Pure Python."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.model import Content
    from .model import Summary


@dataclass(frozen=True)
class GlossaryLine:
    id: str
    term: str
    definition: str

_PAREN_RE = re.compile(r"\(([^()]*)\)")


def term_variants(term: str) -> tuple[str, ...]:
    """The words that count as the term: "armpit (axilla)" → armpit, axilla; "metastasis (plural metastases)"."""
    variants = [_PAREN_RE.sub(" ", term)]
    for inner in _PAREN_RE.findall(term):
        variants.append(re.sub(r"^\s*plural\s+", "", inner))
    return tuple(dict.fromkeys(" ".join(v.split()) for v in variants if v.strip()))


def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole words only, with a plain plural ("lymph node" finds "lymph nodes"); any case, except abbreviations
    (no lower-case letter: "OR" is not "or", "ER" is not "er")."""
    alternatives = []
    for variant in term_variants(term):
        words = re.escape(variant).replace(r"\ ", r"\s+")
        alternatives.append(words if any(ch.islower() for ch in variant) else f"(?-i:{words})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?:s|es)?(?![\w-])", re.IGNORECASE)


def summary_text(summary: Summary) -> str:
    """Every word the summary shows, except the person's name: where "Words used" looks for glossary terms."""
    parts = [summary.aid_name, summary.values_prompt, summary.leaning_prompt, summary.sure_prompt,
             summary.leaning_label or "", summary.sure_flag_text]
    for s in summary.situation:
        parts += [s.question, s.answer or ""]
    for v in summary.values:
        parts += [v.label, v.rating_label or ""]
    parts += [line.question for line in summary.sure]
    parts += [q.text for q in summary.questions]
    for o in summary.options:
        parts += [o.title, o.framing_label]
        for g in o.figure_groups:
            parts += [g.title, g.time_frame, g.applicability_text]
            parts += [f"{f.phrase} {f.population}" for f in g.figures]
        parts += [f"{t.name} {t.summary}" for t in o.trials]
    parts += [n.title for n in summary.notes]
    parts += [f.text for f in summary.flags]
    return "\n".join(parts)


def with_glossary(summary: Summary, content: Content) -> Summary:
    text = summary_text(summary)
    used = [GlossaryLine(t.id, t.term, t.definition.strip()) for t in content.glossary.values()
            if _term_pattern(t.term).search(text)]
    used.sort(key=lambda g: g.term.casefold())
    return replace(summary, glossary=tuple(used))
