"""One person's session: the content, the clinic, their answers and the tailored view. Pure Python, no Qt.

The window holds exactly one Session. "Start over" (and the kiosk's idle reset) throws it away and builds a new one,
so nothing a person entered can survive into the next person's session. Pages read from the session and write
answers through its methods; every change is announced by ``answers_changed``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .answers import LEANING_CHOICES, LIST_FIELDS, SITUATION_CHOICES, SURE_ITEMS, VALUE_ITEMS, VALUE_MAX, VALUE_MIN
from .answers import Answers
from . import limits
from .clinic import Clinic
from .content.model import Content, Page
from .tailoring import TailoredView, tailor, visible_pages

TEXT_SCALES = (100, 125, 150, 175, 200)  # per cent of the normal text size


class Event:
    """A tiny signal: handlers are called in the order they were connected. It dies with its session."""

    def __init__(self) -> None:
        self._handlers: list[Callable] = []

    def connect(self, handler: Callable) -> None:
        self._handlers.append(handler)

    def disconnect(self, handler: Callable) -> None:
        self._handlers.remove(handler)

    def emit(self, *args) -> None:
        for handler in list(self._handlers):
            handler(*args)


class Session:
    """Everything about the person in front of the screen; a reset builds a new one."""

    def __init__(self, *, content: Content, clinic: Clinic | None = None, answers: Answers | None = None):
        self.content = content
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
    def view(self) -> TailoredView:
        """The options, framings and notes for the current situation, recomputed only when the situation changes."""
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
    def _replace(self, what: str, **changes) -> None:
        self._answers = dataclasses.replace(self._answers, **changes)
        if what == "situation":
            self._view = None
        self.answers_changed.emit(self, what)

    def set_situation(self, *, key: str, value) -> None:
        """A single choice (a choice id, or None to clear) or, for a list question, a sequence of choice ids."""
        choices = SITUATION_CHOICES[key]
        situation = dict(self._answers.situation)
        if key in LIST_FIELDS:
            picked = tuple(c for c in choices if c in set(value or ()))
            if picked:
                situation[key] = picked
            else:
                situation.pop(key, None)
        elif value is None:
            situation.pop(key, None)
        else:
            if value not in choices:
                raise ValueError(f"{key}: expected one of {', '.join(choices)}, received {value!r}")
            situation[key] = value
        # Which problems the tumor causes only matters while it causes some.
        if key == "breast_symptoms" and situation.get("breast_symptoms") != "some":
            situation.pop("symptom_kinds", None)
        if situation != self._answers.situation:
            self._replace("situation", situation=situation)

    def set_value(self, *, key: str, value: int | None) -> None:
        if key not in VALUE_ITEMS:
            raise ValueError(f"values: no such item {key!r}")
        values = dict(self._answers.values)
        if value is None:
            values.pop(key, None)
        else:
            if type(value) is not int or not VALUE_MIN <= value <= VALUE_MAX:
                raise ValueError(f"values.{key}: expected {VALUE_MIN}–{VALUE_MAX}, received {value!r}")
            values[key] = value
        if values != self._answers.values:
            self._replace("values", values=values)

    def set_leaning(self, *, value: str | None) -> None:
        if value is not None and value not in LEANING_CHOICES:
            raise ValueError(f"leaning: expected one of {', '.join(LEANING_CHOICES)}, received {value!r}")
        if value != self._answers.leaning:
            self._replace("leaning", leaning=value)

    def set_sure(self, *, key: str, value: bool | None) -> None:
        if key not in SURE_ITEMS:
            raise ValueError(f"sure: no such item {key!r}")
        sure = dict(self._answers.sure)
        if value is None:
            sure.pop(key, None)
        else:
            sure[key] = bool(value)
        if sure != self._answers.sure:
            self._replace("sure", sure=sure)

    def set_question(self, *, question_id: str, ticked: bool) -> None:
        if question_id not in self.content.prompt_ids():
            raise ValueError(f"questions: no such question {question_id!r}")
        current = self._answers.questions
        if ticked and question_id not in current:
            wanted = set(current) | {question_id}
        elif not ticked and question_id in current:
            wanted = set(current) - {question_id}
        else:
            return
        # Keep the prompt list's order, so the summary reads in the same order as the screen.
        order = [p.id for g in self.content.prompt_groups for p in g.prompts]
        self._replace("questions", questions=tuple(q for q in order if q in wanted))

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
        """Take over a whole answers file (already checked by ``load_answers``)."""
        self._answers = answers
        self._view = None
        self.answers_changed.emit(self, "all")

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
    def summary(self):
        """The discussion summary for these answers (the summary writer imports Jinja2 lazily)."""
        from .summary import build_summary

        return build_summary(content=self.content, answers=self._answers, clinic=self.clinic)
