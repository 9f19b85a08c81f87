"""The discussion summary as plain data: what the printout, the HTML and the JSON show. Pure Python, no Qt.

Everything the summary says comes from the content (form labels, option titles, framings, facts, glossary) or from
the person's own answers; this module only picks and orders it. Texts here are plain text: the template escapes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .. import iconarray
from ..answers import Answers, is_asked
from ..content.markup import html_to_text
from ..content.model import Content
from ..errors import AnswersError, Problem, quote
from ..tailoring import TailoredView, tailor
from .tailored import FlagLine, StudyLine, flag_line

if TYPE_CHECKING:
    from ..clinic import Clinic

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class SituationLine:
    id: str
    question: str
    answer: str | None  # the choice labels in words; None when not answered


@dataclass(frozen=True)
class ValueLine:
    id: str
    label: str
    rating: int | None  # 0–4; None when not answered
    rating_label: str | None


@dataclass(frozen=True)
class SureLine:
    id: str
    question: str
    answer: bool | None  # None when not answered

    @property
    def answer_text(self) -> str:
        return {True: "Yes", False: "No", None: "Not answered"}[self.answer]


@dataclass(frozen=True)
class QuestionLine:
    text: str
    own: bool  # typed by the person (shown exactly as typed)
    id: str | None = None  # the prompt id when ticked from the list


@dataclass(frozen=True)
class KeyFigure:
    """One figure as "X in 100 people", with what the picture of 100 people shows."""

    fact_id: str
    phrase: str  # the content's words, such as "16 in 100 people"
    per100: float
    population: str
    time_frame: str
    source: str
    applicability: str = "general"  # applies | not_included | unsure | not_comparable | estimate | general
    applicability_text: str = ""  # who the study took, in words, for this person ("" for general figures)
    study: str | None = None

    @property
    def like_you(self) -> bool:
        """Only then may the figure be read as "in a trial of people like you"."""
        return self.applicability == "applies"

    @property
    def count(self) -> int:
        return iconarray.affected_count(self.per100)

    @property
    def wording(self) -> tuple[str, str]:
        """The figure and who it counts, to print as one phrase: ("40 in 100 people", "in E2108 who kept taking
        medicines alone") when the population repeats the phrase's last word, else ("…", "— <population>")."""
        phrase, population = self.phrase.strip(), self.population.strip()
        last = phrase.rsplit(None, 1)[-1].casefold() if phrase else ""
        first, _, rest = population.partition(" ")
        if last and first.casefold() == last and rest:
            return phrase, rest
        return phrase, "— " + population

    @property
    def sentence(self) -> str:
        return " ".join(self.wording)

    @property
    def description(self) -> str:
        """What a screen reader says for the picture."""
        return iconarray.text_equivalent(self.per100, self.sentence, "")


@dataclass(frozen=True)
class FigureGroup:
    """Figures side by side on one scale, from a ``compare`` entry of the option's page."""

    title: str
    figures: tuple[KeyFigure, ...]
    shown_with: str | None = None  # the title of an earlier option that already shows these same figures

    @property
    def time_frame(self) -> str:
        return self.figures[0].time_frame if self.figures else ""

    @property
    def applicability_text(self) -> str:
        """Who the figures' study took, for this person: printed with the group."""
        return " ".join(dict.fromkeys(f.applicability_text for f in self.figures if f.applicability_text))


@dataclass(frozen=True)
class TrialLine:
    """An open trial from the clinic file, shown with the trial option."""

    name: str
    id: str
    contact: str
    summary: str


@dataclass(frozen=True)
class OptionLine:
    id: str
    title: str
    framing: str  # standard | option_to_discuss | not_usually_advised
    framing_label: str
    figure_groups: tuple[FigureGroup, ...] = ()
    trials: tuple[TrialLine, ...] = ()


@dataclass(frozen=True)
class NoteLine:
    id: str
    title: str


@dataclass(frozen=True)
class GlossaryLine:
    id: str
    term: str
    definition: str


@dataclass(frozen=True)
class Summary:
    """One person's discussion summary, ready for the template, the PDF and the JSON."""

    title: str
    aid_name: str
    created: dt.date
    name: str | None
    clinic_name: str | None
    clinic_phone: str | None
    situation: tuple[SituationLine, ...]
    values_prompt: str
    values: tuple[ValueLine, ...]
    scale: tuple[str, ...]
    leaning_prompt: str
    leaning: str | None
    leaning_label: str | None
    sure_prompt: str
    sure: tuple[SureLine, ...]
    sure_flag_text: str
    questions: tuple[QuestionLine, ...]
    options: tuple[OptionLine, ...]
    notes: tuple[NoteLine, ...]
    glossary: tuple[GlossaryLine, ...]
    content_name: str
    content_version: str
    content_status: str  # draft | reviewed
    fingerprint: str
    answers: Answers
    rules: tuple[str, ...] = ()
    flags: tuple[FlagLine, ...] = ()  # tailoring's flags: leaning against the framing or values, changes, gaps
    unanswered_steps: tuple[str, ...] = ()  # the names of the steps with no answer at all
    unanswered_step_ids: tuple[str, ...] = ()
    studies: tuple[StudyLine, ...] = ()  # every study, those that took people like this person first

    @property
    def is_draft(self) -> bool:
        return self.content_status == "draft"

    @property
    def created_text(self) -> str:
        """The date in words ("3 November 2026"): the same on A4 and Letter, with no day/month mix-up."""
        return f"{self.created.day} {MONTHS[self.created.month - 1]} {self.created.year}"

    @property
    def sure_noes(self) -> int:
        return sum(1 for line in self.sure if line.answer is False)

    @property
    def not_yet_sure(self) -> bool:
        """Any "no" in the SURE test, or leaning "not sure yet": the flag that must stand out."""
        return self.sure_noes > 0 or self.leaning == "unsure"

    @property
    def not_yet_sure_reasons(self) -> tuple[str, ...]:
        reasons = []
        if self.leaning == "unsure":
            reasons.append(f"Leaning: {self.leaning_label}")
        if self.sure_noes:
            reasons.append(f"Answered No to {self.sure_noes} of {len(self.sure)} questions of the SURE test")
        return tuple(reasons)

    @property
    def status_text(self) -> str:
        if self.is_draft:
            return "DRAFT: not yet reviewed by a clinician"
        return "Reviewed by clinicians"

    @property
    def own_questions(self) -> tuple[QuestionLine, ...]:
        return tuple(q for q in self.questions if q.own)

    @property
    def listed_questions(self) -> tuple[QuestionLine, ...]:
        return tuple(q for q in self.questions if not q.own)


TITLE = "My discussion summary"


def build_summary(
    *, content: Content, answers: Answers, clinic: Clinic | None = None, today: dt.date | None = None
) -> Summary:
    """The summary for one person's answers; raise AnswersError when a ticked question is not in the content."""
    _check_questions(content, answers)
    clinic_has_trials = bool(clinic is not None and getattr(clinic, "has_trials", False))
    view = tailor(content, answers, clinic_has_trials=clinic_has_trials)
    form = content.form

    situation = []
    for key, question in form.situation.items():
        answer = answers.situation.get(key)
        if answer is None and not is_asked(key, answers.situation):
            continue  # not asked in this situation (which problems the tumor causes, when it causes none)
        if answer is None:
            words = None
        elif isinstance(answer, tuple):
            words = ", ".join(question.choices[a] for a in answer) if answer else None
        else:
            words = question.choices[answer]
        situation.append(SituationLine(key, question.prompt, words))

    values = tuple(
        ValueLine(key, label, answers.values.get(key),
                  form.scale[answers.values[key]] if key in answers.values else None)
        for key, label in form.value_items.items()
    )
    sure = tuple(SureLine(key, text, answers.sure.get(key)) for key, text in form.sure_items.items())

    prompt_ids = set(answers.questions)
    questions = [QuestionLine(p.text, False, p.id) for g in content.prompt_groups for p in g.prompts
                 if p.id in prompt_ids]
    questions += [QuestionLine(text, True) for text in answers.own_questions]

    options = _options(content, view, clinic)
    leanings = {lv.id: lv.label for lv in view.leanings}
    notes = tuple(NoteLine(n.id, n.title) for n in view.notes)
    bundle = content.bundle

    summary = Summary(
        title=TITLE,
        aid_name=bundle.name,
        created=today or dt.date.today(),
        name=answers.name,
        clinic_name=getattr(clinic, "name", None),
        clinic_phone=getattr(clinic, "phone", None),
        situation=tuple(situation),
        values_prompt=form.values_prompt,
        values=values,
        scale=form.scale,
        leaning_prompt=form.leaning.prompt,
        leaning=answers.leaning,
        leaning_label=(leanings.get(answers.leaning) or form.leaning.choices[answers.leaning]) if answers.leaning
        else None,
        sure_prompt=form.sure_prompt,
        sure=sure,
        sure_flag_text=html_to_text(form.sure_flag_html).strip(),
        questions=tuple(questions),
        options=options,
        notes=notes,
        glossary=(),
        content_name=bundle.name,
        content_version=bundle.version,
        content_status=bundle.status,
        fingerprint=content.fingerprint,
        answers=answers,
        rules=view.rules,
        flags=tuple(flag_line(content, f) for f in view.flags),
        unanswered_steps=tuple(name for _, name in view.unanswered_steps),
        unanswered_step_ids=tuple(step for step, _ in view.unanswered_steps),
        studies=tuple(StudyLine(u.id, u.name, u.status, u.text) for u in view.studies),
    )
    return _with_glossary(summary, content)


def _check_questions(content: Content, answers: Answers) -> None:
    known = content.prompt_ids()
    problems = [Problem("answers", f"questions[{i}]", "a question id from the prompt list", quote(qid))
                for i, qid in enumerate(answers.questions) if qid not in known]
    if problems:
        raise AnswersError(problems)


def _options(content: Content, view: TailoredView, clinic: Clinic | None) -> tuple[OptionLine, ...]:
    """Each shown option with its key figures: the ``compare`` entries of its page (see the module's README)."""
    out = []
    seen: dict[tuple[str, ...], str] = {}
    for option in view.options:
        page = content.pages[option.page_id]
        groups = []
        for comparison in page.compare:
            found = (_figure(content, fid, view) for fid in comparison.facts)
            figures = tuple(f for f in found if f is not None)
            if not figures:
                continue
            key = tuple(f.fact_id for f in figures)
            groups.append(FigureGroup(comparison.title, figures, seen.get(key)))
            seen.setdefault(key, option.title)
        trials: tuple[TrialLine, ...] = ()
        if option.id == "trial" and clinic is not None:
            trials = tuple(TrialLine(t.name, t.id, t.contact, t.summary) for t in getattr(clinic, "trials", ()))
        out.append(OptionLine(option.id, option.title, option.framing, option.framing_label, tuple(groups), trials))
    return tuple(out)


def _figure(content: Content, fact_id: str, view: TailoredView) -> KeyFigure | None:
    fact = content.facts.get(fact_id)
    if fact is None or fact.per100 is None:
        return None  # the checker refuses these; never draw a picture without its figure
    use = view.figure(fact_id)
    return KeyFigure(fact.id, fact.phrase, fact.per100, fact.population, fact.time_frame, fact.source,
                     use.status, use.text, use.study)


# -- "Words used": the glossary terms that appear in the summary's words ----------------------------------------

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


def _with_glossary(summary: Summary, content: Content) -> Summary:
    text = summary_text(summary)
    used = [GlossaryLine(t.id, t.term, t.definition.strip()) for t in content.glossary.values()
            if _term_pattern(t.term).search(text)]
    used.sort(key=lambda g: g.term.casefold())
    return replace(summary, glossary=tuple(used))
