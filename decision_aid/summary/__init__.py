"""The discussion summary: a pure view model built from the content and one person's answers, then HTML (Jinja2),
JSON for a health record, and the printed pages (``typeset``: tagged PDF, SVG and PNG pages from a Typst template;
``decision_aid.ui`` only paints and prints them). No Qt here.

An option's key figures are the ``compare`` entries of its option page, in page order: each entry's title says what
was counted, and its facts (1–4, each with ``per100`` and one shared time frame) are shown as "X in 100 people"
with a picture of 100 people. Figures an earlier option already pictures are named again in words only.
"""

from .export import summary_json, summary_json_text, write_summary_file
from .glossary import GlossaryLine
from .model import (
    FigureGroup,
    KeyFigure,
    NoteLine,
    OptionLine,
    QuestionLine,
    SituationLine,
    Summary,
    SureLine,
    TrialLine,
    ValueLine,
    build_summary,
    summary_for,
)
from .render import render_html

__all__ = [
    "FigureGroup",
    "GlossaryLine",
    "KeyFigure",
    "NoteLine",
    "OptionLine",
    "QuestionLine",
    "SituationLine",
    "Summary",
    "SureLine",
    "TrialLine",
    "ValueLine",
    "build_summary",
    "summary_for",
    "render_html",
    "summary_json",
    "summary_json_text",
    "write_summary_file",
]
