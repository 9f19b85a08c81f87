"""The consultation at a glance: the few lines a doctor reads in ten seconds, the same on paper and in the HTML.
Pure Python."""

from __future__ import annotations

import re
from typing import Any

from .model import SituationLine, Summary

GLANCE_VALUES = GLANCE_QUESTIONS = 3
GLANCE_QUESTION_CHARS = 90  # one line: the glance names a long question by its start; the list below has it whole

# Short names for the situation's questions: the rows of "My situation" on paper and its "Not answered" line.
SITUATION_SHORT = {
    "breast_symptoms": "Breast tumor causing problems",
    "symptom_kinds": "Problems",
    "distant_response": "Cancer elsewhere",
    "months_on_treatment": "Time on medicines",
    "spread_sites": "Spread to",
    "spread_extent": "How many spots",
    "tumor_type": "Type",
    "trial_offered": "Trial offered",
}


# The glance's shorthand for the situation's answers (choice ids from the answers file), for the doctor; the
# "My situation" table below it has the form's full words. Other answers are shown by their words without "(…)".
SHORTHAND = {
    "breast_symptoms": {"none": "Breast: no problems", "some": "Breast: causing problems"},
    "symptom_kinds": {"bleeding": "bleeding", "open_wound": "open wound", "infection": "infection", "pain": "pain",
                      "smell": "smell"},
    "distant_response": {"shrinking": "elsewhere: shrinking", "stable": "elsewhere: stable",
                         "growing": "elsewhere: growing", "too_early": "elsewhere: too early to say"},
    "months_on_treatment": {"not_started": "medicines not started"},
    "spread_extent": {"few": "few spots", "many": "many spots"},  # after the places: "bones, few spots"
    "tumor_type": {"hr_positive": "HR+", "her2_positive": "HER2+", "triple_negative": "TNBC"},
    "trial_offered": {"yes": "trial offered"},
}
# What a "not sure" answer is about, in the glance's last phrase ("not sure of breast problems, type").
UNSURE_ABOUT = {"breast_symptoms": "breast problems", "distant_response": "response elsewhere",
                "months_on_treatment": "time on medicines", "spread_sites": "where spread",
                "spread_extent": "how many spots", "tumor_type": "type"}
UNSURE = "unsure"
_PARENS_RE = re.compile(r"\s*\([^()]*\)")


def _words(line: SituationLine) -> str:
    return _PARENS_RE.sub("", line.answer or "").strip()


def _short(key: str, answer: str | tuple[str, ...] | None, line: SituationLine) -> str | None:
    """One answer in shorthand; None when it is not worth the glance's room (no trial offered, not discussed)."""
    if isinstance(answer, tuple):
        words = [SHORTHAND.get(key, {}).get(a) for a in answer]
        return ", ".join(w for w in words if w) if all(words) else _words(line).lower()
    if answer is None:
        return None
    if key == "trial_offered":
        return SHORTHAND[key].get(answer)
    if key == "months_on_treatment" and answer not in SHORTHAND[key]:
        return f"{_words(line)} on medicines"
    return SHORTHAND.get(key, {}).get(answer) or _words(line)


def situation_line(summary: Summary) -> str:
    """The answers in one line of shorthand: "Breast: no problems · elsewhere: stable · 4 to 8 months on medicines ·
    bones, lungs, few spots · HR+ · trial offered"; the "not sure" answers named together at its end."""
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
            unsure.append(UNSURE_ABOUT.get(key, key))
            continue
        short: str | None
        if key == "breast_symptoms" and answer == "some" and "symptom_kinds" in lines:
            short = "Breast: " + (_short("symptom_kinds", given.get("symptom_kinds"), lines["symptom_kinds"]) or "")
        elif key == "spread_extent" and parts and "spread_sites" in lines and given.get("spread_sites") != (UNSURE,):
            parts[-1] += f", {_short(key, answer, line)}"
            continue
        else:
            short = _short(key, answer, line)
        if short:
            parts.append(short)
    if unsure:
        parts.append("not sure of " + ", ".join(unsure))
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
    answered = [line for line in summary.sure if line.answer is not None]
    if not answered:
        return "SURE test not answered"
    yes = sum(1 for line in answered if line.answer)
    text = f"SURE test: Yes to {yes} of {len(summary.sure)}"
    if len(answered) < len(summary.sure):
        text += f" ({len(summary.sure) - len(answered)} not answered)"
    return text


# The glance names each flag in a few words; the flags' full words are under "Where I am leaning".
FLAG_SHORT = {
    "not_usually_advised": "Leaning is not usually advised in this situation",
    "situation_changed": "Situation changed after the leaning was given",
    "leaning_not_shown": "Leaning is not one of the options shown now",
}


def flag_phrases(summary: Summary) -> list[str]:
    """The flags for the glance, in short phrases; the value conflicts in one phrase; "unanswered_steps" left out
    (the glance has its own line for the steps not answered)."""
    out: list[str] = []
    against = [f.value or f.text for f in summary.flags if f.code == "against_values"]
    for flag in summary.flags:
        if flag.code == "unanswered_steps":
            continue
        if flag.code == "against_values":
            if against:
                out.append("Leaning pulls against: " + "; ".join(dict.fromkeys(against)))
                against = []
            continue
        out.append(FLAG_SHORT.get(flag.code, flag.text))
    return out


def detail_flags(summary: Summary) -> list[str]:
    """The flags' full words, for the leaning's part of the summary (the steps not answered have the glance)."""
    return [f.text for f in summary.flags if f.code != "unanswered_steps"]


def glance(summary: Summary) -> dict[str, Any]:
    """The glance as plain data (for the Typst template's JSON and the HTML template)."""
    return {
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
