"""What the doctor should see flagged, and which steps were not answered. Pure Python, called by ``tailor``.

A flag has a stable ``code`` (for a record system) and the content's words (``tailoring.yaml`` ``flag_texts`` and
``value_conflicts``). Flags are kind on screen ("you may want to talk this through") and printed for the doctor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from .answers import Answers
from .content.model import Content

if TYPE_CHECKING:
    from .tailoring import TailoredView


class Flag(msgspec.Struct, frozen=True):
    """Something the doctor should see, with a stable ``code`` a record system can read."""

    code: str  # not_usually_advised | against_values | situation_changed | leaning_not_shown | unanswered_steps
    text: str


def _step_name(content: Content, step: str, fallback: str) -> str:
    pages = [p for p in content.pages_for(step) if p.id == step] or content.pages_for(step)
    return pages[0].title if pages else fallback


def unanswered_steps(content: Content, answers: Answers) -> tuple[tuple[str, str], ...]:
    """The steps with no answer at all, as (step id, the step's name)."""
    out = []
    if not answers.situation:
        out.append(("situation", _step_name(content, "situation", content.form.situation["breast_symptoms"].prompt)))
    if not answers.values:
        out.append(("values", _step_name(content, "values", content.form.values_prompt)))
    if answers.leaning is None:
        out.append(("leaning", _step_name(content, "leaning", content.form.leaning.prompt)))
    if not answers.sure:
        out.append(("sure", content.form.sure_prompt))
    return tuple(out)


def flags_for(content: Content, answers: Answers, view: TailoredView) -> tuple[Flag, ...]:
    texts = content.tailoring.flag_texts
    flags = []

    def add(code: str, text: str | None, **fill: str) -> None:
        if text:
            flags.append(
                Flag(code, text.replace("{option}", fill.get("option", "")).replace("{steps}", fill.get("steps", "")))
            )

    leaning = answers.leaning
    option = view.option(leaning) if leaning and leaning != "unsure" else None
    if leaning and leaning != "unsure" and option is None:
        label = content.form.leaning.choices.get(leaning, leaning)
        add("leaning_not_shown", texts.get("leaning_not_shown"), option=label)
    if option is not None and option.framing == "not_usually_advised":
        add("not_usually_advised", texts.get("not_usually_advised"), option=option.title)
    if option is not None:
        for conflict in content.tailoring.value_conflicts:
            rating = answers.values.get(conflict.value)
            if conflict.leaning == leaning and rating is not None and rating >= conflict.at_least:
                add("against_values", conflict.text, option=option.title)
    if leaning and answers.leaning_situation is not None and answers.leaning_situation != answers.situation:
        add("situation_changed", texts.get("situation_changed"))
    if view.unanswered_steps:
        add(
            "unanswered_steps",
            texts.get("unanswered_steps"),
            steps=", ".join(name for _, name in view.unanswered_steps),
        )
    return tuple(flags)
