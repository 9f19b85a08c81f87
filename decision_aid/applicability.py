"""Who each figure applies to: a study's population (``tailoring.yaml`` ``studies``) against one person's answers.

Pure Python. Only ``applies`` may be shown as "in a trial of people like you"; every other status is shown with its
words (the plain reason the trial did not include people like this person, the answer that would change what is
shown, or the study's standing label), or the figure is left out.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from .content.model import Content, Study


class StudyUse(msgspec.Struct, frozen=True):
    """One study as it relates to this person."""

    id: str
    name: str
    status: str  # applies | not_included | unsure | not_comparable | estimate
    text: str  # the words shown beside its figures
    pages: tuple[str, ...] = ()

    @property
    def like_you(self) -> bool:
        return self.status == "applies"


class FigureUse(msgspec.Struct, frozen=True):
    """One figure's applicability: its study's, or ``general`` for a figure that describes no particular study."""

    fact_id: str
    study: str | None
    status: str  # as StudyUse, or "general"
    text: str  # empty for general figures

    @property
    def like_you(self) -> bool:
        return self.status == "applies"


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def study_use(study: Study, values: Mapping[str, tuple[str, ...]]) -> StudyUse:
    """Match one study against the situation as the rules see it (unanswered counts as "not sure")."""
    if study.kind != "matched":
        return StudyUse(study.id, study.name, study.kind, _sentence(study.label or ""), study.pages)
    not_included, unsure = [], []
    for c in study.criteria:
        answer = set(values.get(c.answer, ()))
        if answer & set(c.not_took):
            not_included.append(_sentence(c.not_included))
        elif not answer or not answer <= set(c.took):
            unsure.append(_sentence(c.unsure))
    if not_included:
        return StudyUse(study.id, study.name, "not_included", " ".join(dict.fromkeys(not_included)), study.pages)
    if unsure:
        return StudyUse(study.id, study.name, "unsure", " ".join(dict.fromkeys(unsure)), study.pages)
    return StudyUse(study.id, study.name, "applies", _sentence(study.applies or ""), study.pages)


# Those that took people like this person first; then the trials that tested the decision as it comes up today
# (medicines first), then the surgery-first trials, which cannot be compared with it, then the estimates.
STATUS_ORDER = {"applies": 0, "unsure": 1, "not_included": 2, "not_comparable": 3, "estimate": 4}


def study_uses(content: Content, values: Mapping[str, tuple[str, ...]]) -> tuple[StudyUse, ...]:
    """Every study in STATUS_ORDER, in file order within each."""
    uses = [study_use(s, values) for s in content.tailoring.studies]
    order = {u.id: i for i, u in enumerate(uses)}
    return tuple(sorted(uses, key=lambda u: (STATUS_ORDER[u.status], order[u.id])))


def figure_uses(content: Content, studies: tuple[StudyUse, ...]) -> dict[str, FigureUse]:
    by_id = {s.id: s for s in studies}
    out = {}
    for fid, fact in content.facts.items():
        use = by_id.get(fact.study) if fact.study else None
        if use is None:
            out[fid] = FigureUse(fid, None, "general", "")
        else:
            out[fid] = FigureUse(fid, use.id, use.status, use.text)
    return out
