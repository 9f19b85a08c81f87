"""The consultation at a glance: the few lines a doctor reads in ten seconds, the same on paper and in the HTML.
Pure Python."""

from __future__ import annotations

from typing import Any

from .model import Summary

GLANCE_VALUES = GLANCE_QUESTIONS = 3
GLANCE_QUESTION_CHARS = 140  # the glance names a long question by its start; the list below has it whole

# Short names for the situation's questions: the one-line glance and the rows of "My situation" on paper.
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


def situation_line(summary: Summary) -> str:
    """The answers in one line, by short names: "Breast tumor causing problems: Yes · Spread to: Bones · …"."""
    parts = []
    for line in summary.situation:
        if line.answer:
            parts.append(f"{SITUATION_SHORT.get(line.id, line.question.rstrip('?'))}: {line.answer}")
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


def glance(summary: Summary) -> dict[str, Any]:
    """The glance as plain data (for the Typst template's JSON and the HTML template)."""
    return {
        "situation": situation_line(summary),
        "leaning": summary.leaning_label,
        "sure": sure_text(summary),
        "not_yet_sure": summary.not_yet_sure,
        "flags": [f.text for f in summary.flags if f.code != "unanswered_steps"],  # those have their own line
        "unanswered": list(summary.unanswered_steps),
        "values": top_values(summary),
        "questions": [shorten(q.text, GLANCE_QUESTION_CHARS) for q in summary.questions[:GLANCE_QUESTIONS]],
        "more_questions": max(0, len(summary.questions) - GLANCE_QUESTIONS),
    }
