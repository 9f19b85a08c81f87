"""Built-in example situations: one per row of the tailoring table in DESIGN.md, plus "not sure" everywhere.

Used by the self-test, the screenshots and the tests. Each is a complete answers file.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .answers import Answers, parse_answers

_COMMON = {
    "values": {"live_longer": 4, "breast_control": 3, "avoid_surgery": 2, "avoid_side_effects": 3,
               "medicines_on_time": 4, "help_research": 1},
    "sure": {"sure": False, "understand": True, "risks_benefits": True, "support": True},
}

EXAMPLES: dict[str, dict[str, Any]] = {
    "symptoms": {
        "situation": {"breast_symptoms": "some", "symptom_kinds": ["bleeding", "pain"], "distant_response": "stable",
                      "months_on_treatment": "4_to_8", "spread_sites": ["bone"], "spread_extent": "few",
                      "tumor_type": "hr_positive", "trial_offered": "no"},
        "leaning": "surgery",
    },
    "growing": {
        "situation": {"breast_symptoms": "none", "distant_response": "growing", "months_on_treatment": "4_to_8",
                      "spread_sites": ["liver", "lung"], "spread_extent": "many", "tumor_type": "triple_negative",
                      "trial_offered": "not_discussed"},
        "leaning": "medicines_only",
    },
    "stable": {
        "situation": {"breast_symptoms": "none", "distant_response": "stable", "months_on_treatment": "over_8",
                      "spread_sites": ["lung"], "spread_extent": "many", "tumor_type": "hr_positive",
                      "trial_offered": "no"},
        "leaning": "unsure",
    },
    "too_early": {
        "situation": {"breast_symptoms": "none", "distant_response": "too_early", "months_on_treatment": "under_4",
                      "spread_sites": ["bone", "liver"], "spread_extent": "unsure", "tumor_type": "hr_positive",
                      "trial_offered": "not_discussed"},
        "leaning": "unsure",
    },
    "few_spots": {
        "situation": {"breast_symptoms": "none", "distant_response": "shrinking", "months_on_treatment": "4_to_8",
                      "spread_sites": ["liver"], "spread_extent": "few", "tumor_type": "triple_negative",
                      "trial_offered": "no"},
        "leaning": "surgery",
    },
    "her2_strong": {
        "situation": {"breast_symptoms": "none", "distant_response": "shrinking", "months_on_treatment": "over_8",
                      "spread_sites": ["lung"], "spread_extent": "many", "tumor_type": "her2_positive",
                      "trial_offered": "no"},
        "leaning": "radiation",
    },
    "bone_only": {
        "situation": {"breast_symptoms": "none", "distant_response": "stable", "months_on_treatment": "4_to_8",
                      "spread_sites": ["bone"], "spread_extent": "few", "tumor_type": "hr_positive",
                      "trial_offered": "no"},
        "leaning": "surgery",
    },
    "trial_offered": {
        "situation": {"breast_symptoms": "none", "distant_response": "stable", "months_on_treatment": "4_to_8",
                      "spread_sites": ["bone", "lung"], "spread_extent": "many", "tumor_type": "hr_positive",
                      "trial_offered": "yes"},
        "leaning": "trial",
    },
    "symptoms_and_growing": {
        "situation": {"breast_symptoms": "some", "symptom_kinds": ["open_wound", "smell"],
                      "distant_response": "growing", "months_on_treatment": "under_4",
                      "spread_sites": ["liver"], "spread_extent": "many", "tumor_type": "her2_positive",
                      "trial_offered": "no"},
        "leaning": "unsure",
    },
    "unsure_everywhere": {
        "situation": {"breast_symptoms": "unsure", "distant_response": "unsure", "months_on_treatment": "unsure",
                      "spread_sites": ["unsure"], "spread_extent": "unsure", "tumor_type": "unsure",
                      "trial_offered": "not_discussed"},
        "leaning": "unsure",
    },
}


def example_data(name: str) -> dict[str, Any]:
    """The answers file for one example, as JSON data."""
    data = {"format": "decision-aid-answers", "version": 1, **_COMMON, **EXAMPLES[name]}
    return data


def example_answers(name: str, *, known_questions: Collection[str] | None = None) -> Answers:
    return parse_answers(example_data(name), source=f"example {name}", known_questions=known_questions)
