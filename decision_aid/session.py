"""One person's session: the content, the clinic, their answers and the tailored view. Pure Python, no Qt.

The window holds exactly one Session. "Start over" (and the kiosk's idle reset) throws it away and builds a new one,
so nothing a person entered can survive into the next person's session. Pages read from the session and write
answers through its methods; every change is announced by ``answers_changed``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import limits
from .answers import LIST_FIELDS, Answers, is_asked, parse_answers
from .clinic import Clinic
from .content import languages_of
from .content.model import Content, Page
from .errors import AnswersError, Problem, quote
from .i18n import SOURCE_LANGUAGE
from .tailoring import TailoredView, suggested_questions, tailor, visible_pages
from .validation import one_of

if TYPE_CHECKING:
    from .summary import Summary

TEXT_SCALES = (100, 125, 150, 175, 200)  # per cent of the normal text size


class Event:
    """A tiny signal: handlers are called in the order they were connected. It dies with its session."""

    def __init__(self) -> None:
        self._handlers: list[Callable[..., object]] = []

    def connect(self, handler: Callable[..., object]) -> None:
        self._handlers.append(handler)

    def disconnect_all(self) -> None:
        """Forget every handler (a view built again for the same session connects its own)."""
        self._handlers.clear()

    def disconnect(self, handler: Callable[..., object]) -> None:
        self._handlers.remove(handler)

    def emit(self, *args: object) -> None:
        for handler in list(self._handlers):
            handler(*args)


class Session:
    """Everything about the person in front of the screen; a reset builds a new one."""

    def __init__(self, *, content: Content, clinic: Clinic | None = None, answers: Answers | None = None,
                 contents: Mapping[str, Content] | None = None):
        """``contents``: the content in each language it has, by code (``languages_of(content)`` when not given);
        the person may switch to any of them, and the printout's panel for the care team is in its English."""
        self.content = content
        self.contents: Mapping[str, Content] = contents or languages_of(content)
        self.clinic = clinic or Clinic()
        self._answers = answers or Answers()
        self._view: TailoredView | None = None
        self.text_scale = 100
        self.high_contrast = False
        self.answers_changed = Event()  # handlers get (session, what) where what names the changed part
        self.display_changed = Event()  # handlers get (session,)

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def answers(self) -> Answers:
        return self._answers

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the languages this session may switch to (those its content has), English first."""
        return tuple(self.contents)

    @property
    def language(self) -> str:
        """The language of this session (a code of ``i18n.LANGUAGES``), recorded with the answers."""
        return self._answers.language

    @property
    def view(self) -> TailoredView:
        """What every page shows for these answers (``tailor``), recomputed when the situation, the values or the
        leaning change; pages re-render only when its ``render_key`` (the situation) changes."""
        if self._view is None:
            self._view = tailor(self.content, self._answers, clinic_has_trials=self.clinic.has_trials)
        return self._view

    def pages_for(self, step: str) -> list[Page]:
        """The content pages of a wizard step that fit this situation."""
        return visible_pages(self.content, self.view, step)

    def has_answers(self) -> bool:
        a = self._answers
        return bool(a.situation or a.values or a.leaning or a.sure or a.questions or a.own_questions or a.name)

    # -- writing ---------------------------------------------------------------------------------------------
    def _replace(self, what: str, *, content: Content | None = None, **changes: Any) -> None:
        """Take a change (in ``content``'s words when given), checked against the answers file's declaration
        (AnswersError, a ValueError, if wrong)."""
        content = content or self.content
        data = dataclasses.replace(self._answers, **changes).to_dict()
        answers = parse_answers(data, source="the session", known_questions=content.prompt_ids())
        if answers == self._answers:
            return
        self._answers, self.content = answers, content
        if what in ("situation", "values", "leaning", "language"):
            self._view = None
        self.answers_changed.emit(self, what)

    def set_situation(self, *, key: str, value: str | Iterable[str] | None) -> None:
        """A single choice (a choice id, or None to clear) or, for a list question, a sequence of choice ids."""
        if key in LIST_FIELDS:
            value = tuple(dict.fromkeys(value or ())) or None
        given: dict[str, Any] = {**self._answers.situation, key: value}
        situation = {k: v for k, v in given.items() if v is not None and is_asked(k, given)}
        self._replace("situation", situation=situation,
                      questions=self._with_suggestions(self._answers.situation, situation))

    def _with_suggestions(self, old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
        """Each new "I'm not sure" ticks its suggested question; an answer no longer "not sure" unticks it."""
        before = set(suggested_questions(self.content, dataclasses.replace(self._answers, situation=old)))
        after = set(suggested_questions(self.content, dataclasses.replace(self._answers, situation=new)))
        return self._in_prompt_order((set(self._answers.questions) | (after - before)) - (before - after))

    def _in_prompt_order(self, questions: set[str]) -> tuple[str, ...]:
        """The prompt list's order, so the summary reads in the same order as the screen (an unknown id, first, is
        refused by the answers' check)."""
        rank = {p.id: i for i, p in enumerate(p for g in self.content.prompt_groups for p in g.prompts)}
        return tuple(sorted(questions, key=lambda q: rank.get(q, -1)))

    def set_value(self, *, key: str, value: int | None) -> None:
        self._replace("values", values=_without_none({**self._answers.values, key: value}))

    def set_leaning(self, *, value: str | None) -> None:
        if value == self._answers.leaning:
            return
        # Remember the situation it was given in: a later change asks the person to look at it again.
        self._replace("leaning", leaning=value,
                      leaning_situation=dict(self._answers.situation) if value is not None else None)

    def confirm_leaning(self) -> None:
        """The person looked at the leaning again after the situation changed, and keeps it."""
        if self._answers.leaning is not None and self._answers.leaning_situation != self._answers.situation:
            self._replace("leaning", leaning_situation=dict(self._answers.situation))

    def set_sure(self, *, key: str, value: bool | None) -> None:
        self._replace("sure", sure=_without_none({**self._answers.sure, key: None if value is None else bool(value)}))

    def set_question(self, *, question_id: str, ticked: bool) -> None:
        if (question_id in self._answers.questions) != ticked:
            self._replace("questions", questions=self._in_prompt_order(set(self._answers.questions) ^ {question_id}))

    def add_own_question(self, *, text: str) -> bool:
        text = limits.clean_typed(text, limits.MAX_OWN_QUESTION_CHARS)  # issue 18: no controls, bounded
        if not text or text in self._answers.own_questions or limits.too_many_own(self._answers.own_questions):
            return False
        self._replace("own_questions", own_questions=self._answers.own_questions + (text,))
        return True

    def remove_own_question(self, *, index: int) -> None:
        own = list(self._answers.own_questions)
        if 0 <= index < len(own):
            del own[index]
            self._replace("own_questions", own_questions=tuple(own))

    def set_name(self, *, name: str | None) -> None:
        name = limits.clean_typed(name, limits.MAX_NAME_CHARS) or None  # issue 18: no controls, bounded
        if name != self._answers.name:
            self._replace("name", name=name)

    def replace_answers(self, *, answers: Answers) -> None:
        """Take over a whole answers file (already checked by ``load_answers``). The session keeps its language:
        the window does not change language under the person's hands (the file's is recorded again when saved)."""
        self._answers = dataclasses.replace(answers, language=self._answers.language)
        self._view = None
        self.answers_changed.emit(self, "all")

    def set_language(self, *, language: str) -> None:
        """Go on in ``language``, one of ``languages`` (that language's words over the same pages, facts and ids):
        every answer is kept; the tailored view is made again in the new words. Checked like any answer."""
        content = self.contents.get(language)
        if content is None:
            raise AnswersError([Problem("the session", "language", one_of(self.contents), quote(language))])
        self._replace("language", content=content, language=language)

    # -- display -----------------------------------------------------------------------------------------------
    def set_text_scale(self, *, scale: int) -> None:
        scale = min(TEXT_SCALES, key=lambda s: abs(s - scale))
        if scale != self.text_scale:
            self.text_scale = scale
            self.display_changed.emit(self)

    def larger_text(self) -> None:
        i = TEXT_SCALES.index(self.text_scale)
        self.set_text_scale(scale=TEXT_SCALES[min(i + 1, len(TEXT_SCALES) - 1)])

    def smaller_text(self) -> None:
        i = TEXT_SCALES.index(self.text_scale)
        self.set_text_scale(scale=TEXT_SCALES[max(i - 1, 0)])

    def set_high_contrast(self, *, on: bool) -> None:
        if bool(on) != self.high_contrast:
            self.high_contrast = bool(on)
            self.display_changed.emit(self)

    # -- the summary -------------------------------------------------------------------------------------------
    def summary(self) -> Summary:
        """The discussion summary for these answers (the summary writer imports Jinja2 lazily)."""
        from .summary import build_summary

        english = self.contents.get(SOURCE_LANGUAGE, self.content)
        return build_summary(content=self.content, answers=self._answers, clinic=self.clinic, english=english)


def _without_none(answers: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if v is not None}
