"""The consultation at a glance: the few lines a doctor reads in ten seconds, the same on paper and in the HTML.
Pure Python."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..i18n import N_
from .model import SituationLine, Summary
from .words import glance_labels

GLANCE_VALUES = GLANCE_QUESTIONS = 3
GLANCE_QUESTION_CHARS = 90  # one line: the glance names a long question by its start; the list below has it whole

# Short names for the situation's questions: the rows of "My situation" on paper and its "Not answered" line.
SITUATION_SHORT = {
    "breast_symptoms": N_("Breast tumor causing problems"),
    "symptom_kinds": N_("Problems"),
    "distant_response": N_("Cancer elsewhere"),
    "months_on_treatment": N_("Time on medicines"),
    "spread_sites": N_("Spread to"),
    "spread_extent": N_("How many spots"),
    "tumor_type": N_("Type"),
    "trial_offered": N_("Trial offered"),
}


# The glance's shorthand for the situation's answers (choice ids from the answers file), for the doctor; the
# "My situation" table below it has the form's full words. Other answers are shown by their words without "(…)".
SHORTHAND = {
    "breast_symptoms": {"none": N_("Breast: no problems"), "some": N_("Breast: causing problems")},
    "symptom_kinds": {"bleeding": N_("bleeding"), "open_wound": N_("open wound"), "infection": N_("infection"),
                      "pain": N_("pain"), "smell": N_("smell")},
    "distant_response": {"shrinking": N_("elsewhere: shrinking"), "stable": N_("elsewhere: stable"),
                         "growing": N_("elsewhere: growing"), "too_early": N_("elsewhere: too early to say")},
    "months_on_treatment": {"not_started": N_("medicines not started")},
    "spread_extent": {"few": N_("few spots"), "many": N_("many spots")},  # after the places: "bones, few spots"
    "tumor_type": {"hr_positive": N_("HR+"), "her2_positive": N_("HER2+"), "triple_negative": N_("TNBC")},
    "trial_offered": {"yes": N_("trial offered")},
}
# What a "not sure" answer is about, in the glance's last phrase ("not sure of breast problems, type").
UNSURE_ABOUT = {"breast_symptoms": N_("breast problems"), "distant_response": N_("response elsewhere"),
                "months_on_treatment": N_("time on medicines"), "spread_sites": N_("where spread"),
                "spread_extent": N_("how many spots"), "tumor_type": N_("type")}
UNSURE = "unsure"
_PARENS_RE = re.compile(r"\s*\([^()]*\)")


def _words(line: SituationLine) -> str:
    return _PARENS_RE.sub("", line.answer or "").strip()


def _shorthand(_: Callable[[str], str], key: str, answer: str) -> str | None:
    found = SHORTHAND.get(key, {}).get(answer)
    return _(found) if found else None


def _short(_: Callable[[str], str], key: str, answer: str | tuple[str, ...] | None,
           line: SituationLine) -> str | None:
    """One answer in shorthand; None when it is not worth the glance's room (no trial offered, not discussed)."""
    if isinstance(answer, tuple):
        words = [_shorthand(_, key, a) for a in answer]
        return ", ".join(w for w in words if w) if all(words) else _words(line).lower()
    if answer is None:
        return None
    if key == "trial_offered":
        return _shorthand(_, key, answer)
    if key == "months_on_treatment" and answer not in SHORTHAND[key]:
        return _("{time} on medicines").format(time=_words(line))
    return _shorthand(_, key, answer) or _words(line)


def situation_line(summary: Summary) -> str:
    """The answers in one line of shorthand: "Breast: no problems · elsewhere: stable · 4 to 8 months on medicines ·
    bones, lungs, few spots · HR+ · trial offered"; the "not sure" answers named together at its end."""
    _ = summary.gettext
    given = summary.answers.situation
    lines = {line.id: line for line in summary.situation if line.answer}
    parts: list[str] = []
    unsure: list[str] = []
    for key in ("breast_symptoms", "distant_response", "months_on_treatment", "spread_sites", "spread_extent",
                "tumor_type", "trial_offered"):
        answer, line = given.get(key), lines.get(key)
        if line is None:
            continue
        if answer == UNSURE or answer == (UNSURE,):
            unsure.append(_(UNSURE_ABOUT[key]) if key in UNSURE_ABOUT else key)
            continue
        short: str | None
        if key == "breast_symptoms" and answer == "some" and "symptom_kinds" in lines:
            kinds = _short(_, "symptom_kinds", given.get("symptom_kinds"), lines["symptom_kinds"]) or ""
            short = _("Breast: {problems}").format(problems=kinds)
        elif key == "spread_extent" and parts and "spread_sites" in lines and given.get("spread_sites") != (UNSURE,):
            parts[-1] += f", {_short(_, key, answer, line)}"
            continue
        else:
            short = _short(_, key, answer, line)
        if short:
            parts.append(short)
    if unsure:
        parts.append(_("not sure of {answers}").format(answers=", ".join(unsure)))
    return " · ".join(parts)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def top_values(summary: Summary) -> list[dict[str, str | None]]:
    """The three values rated highest (the form's order among equals); none rated "Not at all"."""
    rated = [v for v in summary.values if v.rating is not None and v.rating > 0]
    rated.sort(key=lambda v: -(v.rating or 0))  # stable: the form's order among equals
    return [{"label": v.label, "rating": v.rating_label} for v in rated[:GLANCE_VALUES]]


def sure_text(summary: Summary) -> str:
    _ = summary.gettext
    answered = [line for line in summary.sure if line.answer is not None]
    if not answered:
        return _("SURE test not answered")
    yes = sum(1 for line in answered if line.answer)
    text = _("SURE test: Yes to {yes} of {count}").format(yes=yes, count=len(summary.sure))
    if len(answered) < len(summary.sure):
        text += " " + _("({count} not answered)").format(count=len(summary.sure) - len(answered))
    return text


# The glance names each flag in a few words; the flags' full words are under "Where I am leaning".
FLAG_SHORT = {
    "not_usually_advised": N_("Leaning is not usually advised in this situation"),
    "situation_changed": N_("Situation changed after the leaning was given"),
    "leaning_not_shown": N_("Leaning is not one of the options shown now"),
}


def flag_phrases(summary: Summary) -> list[str]:
    """The flags for the glance, in short phrases; the value conflicts in one phrase; "unanswered_steps" left out
    (the glance has its own line for the steps not answered)."""
    _ = summary.gettext
    out: list[str] = []
    against = [f.value or f.text for f in summary.flags if f.code == "against_values"]
    for flag in summary.flags:
        if flag.code == "unanswered_steps":
            continue
        if flag.code == "against_values":
            if against:
                out.append(_("Leaning pulls against: {values}").format(values="; ".join(dict.fromkeys(against))))
                against = []
            continue
        out.append(_(FLAG_SHORT[flag.code]) if flag.code in FLAG_SHORT else flag.text)
    return out


def detail_flags(summary: Summary) -> list[str]:
    """The flags' full words, for the leaning's part of the summary (the steps not answered have the glance)."""
    return [f.text for f in summary.flags if f.code != "unanswered_steps"]


def glance(summary: Summary) -> dict[str, Any]:
    """The glance as plain data (for the Typst template's JSON and the HTML template), with its own words
    (``labels``): for a summary in another language than English, the care team's panel, in English."""
    if summary.care_team is not None:
        return {**glance(summary.care_team), "labels": glance_labels(summary.care_team.language, summary.language)}
    return {
        "labels": glance_labels(summary.language, summary.language),
        "situation": situation_line(summary),
        "leaning": summary.leaning_label,
        "sure": sure_text(summary),
        "not_yet_sure": summary.not_yet_sure,
        "flags": flag_phrases(summary),
        "unanswered": list(summary.unanswered_steps),
        "values": top_values(summary),
        "questions": [shorten(q.text, GLANCE_QUESTION_CHARS) for q in summary.questions[:GLANCE_QUESTIONS]],
        "more_questions": max(0, len(summary.questions) - GLANCE_QUESTIONS),
    }
