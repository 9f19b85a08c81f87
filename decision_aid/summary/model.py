"""The discussion summary as plain data: what the printout, the HTML and the JSON show. Pure Python, no Qt.

Everything the summary says comes from the content (form labels, option titles, framings, facts, glossary) or from
the person's own answers; this module only picks and orders it. Texts here are plain text: the template escapes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import iconarray
from ..answers import Answers, is_asked
from ..content.markup import html_to_text
from ..content.model import Content
from ..errors import AnswersError, Problem, quote
from ..tailoring import TailoredView, tailor
from .glossary import GlossaryLine, with_glossary
from .tailored import FlagLine, StudyLine, flag_line
from .words import SOURCE_LANGUAGE, TITLE, TRANSLATION_DRAFT_TEXT, date_text, gettext_for

if TYPE_CHECKING:
    from ..clinic import Clinic



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
    language: str = "en"  # of every word printed (the content's and the aid's own), but the care team's panel
    translation_status: str | None = None  # a translation's own status (draft | reviewed); None in English
    # The same answers summarized in English, when the person reads another language: the care team's panel (and
    # the JSON, which never depends on the language) come from it.
    care_team: Summary | None = None

    @property
    def is_draft(self) -> bool:
        return self.content_status == "draft"

    @property
    def translation_draft(self) -> bool:
        return self.translation_status == "draft"

    @property
    def gettext(self) -> Callable[[str], str]:
        """The aid's own words in the summary's language."""
        return gettext_for(self.language)

    @property
    def created_text(self) -> str:
        """The date in words ("3 November 2026"): the same on A4 and Letter, with no day/month mix-up."""
        return date_text(self.created, self.language)

    @property
    def sure_noes(self) -> int:
        return sum(1 for line in self.sure if line.answer is False)

    @property
    def not_yet_sure(self) -> bool:
        """Any "no" in the SURE test, or leaning "not sure yet": the flag that must stand out."""
        return self.sure_noes > 0 or self.leaning == "unsure"

    @property
    def not_yet_sure_reasons(self) -> tuple[str, ...]:
        _ = self.gettext
        reasons = []
        if self.leaning == "unsure":
            reasons.append(_("Leaning: {leaning}").format(leaning=self.leaning_label))
        if self.sure_noes:
            reasons.append(_("Answered No to {noes} of {count} questions of the SURE test").format(
                noes=self.sure_noes, count=len(self.sure)))
        return tuple(reasons)

    @property
    def status_text(self) -> str:
        _ = self.gettext
        text = _("DRAFT: not yet reviewed by a clinician") if self.is_draft else _("Reviewed by clinicians")
        if self.translation_draft:
            text += " · " + _(TRANSLATION_DRAFT_TEXT)
        return text

    @property
    def own_questions(self) -> tuple[QuestionLine, ...]:
        return tuple(q for q in self.questions if q.own)

    @property
    def listed_questions(self) -> tuple[QuestionLine, ...]:
        return tuple(q for q in self.questions if not q.own)


def summary_for(languages: Mapping[str, Content], answers: Answers, *, clinic: Clinic | None = None,
                today: dt.date | None = None) -> Summary:
    """The summary in the person's language (``answers.language``, English when it has none), with its English
    panel for the care team: ``languages`` is ``load_languages``' (code -> model)."""
    language = getattr(answers, "language", None) or SOURCE_LANGUAGE
    content = languages.get(language, languages[SOURCE_LANGUAGE])
    return build_summary(content=content, answers=answers, clinic=clinic, today=today,
                         english=languages[SOURCE_LANGUAGE])


def build_summary(
    *, content: Content, answers: Answers, clinic: Clinic | None = None, today: dt.date | None = None,
    english: Content | None = None,
) -> Summary:
    """The summary for one person's answers, in the content's language; raise AnswersError when a ticked question is
    not in the content. ``english``: the English model, for the care team's panel of a summary in another language
    (``summary_for`` passes it; without it that panel is in the person's language)."""
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

    language = content.language
    care_team = None
    if language != SOURCE_LANGUAGE and english is not None:
        care_team = build_summary(content=english, answers=answers, clinic=clinic, today=today)
    summary = Summary(
        title=gettext_for(language)(TITLE),
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
        language=language,
        translation_status=content.translation.status if content.translation else None,
        care_team=care_team,
    )
    return with_glossary(summary, content)


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
