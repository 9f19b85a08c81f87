"""The wizard's pages in order, each with the step of DESIGN.md it belongs to (leaning and SURE share step 7), and
which content steps are pages of the wizard.

A page's module (``decision_aid.ui.pages.<key>``) is imported when the page is first made, not with the window: the
first paint needs only the welcome page. ``StepPages`` makes each page the first time it is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pages.base import StepPage

# The page's key (its module in decision_aid.ui.pages), its class there, and its step.
PAGES = (
    ("welcome", "WelcomePage", 1),
    ("situation", "SituationPage", 2),
    ("options", "OptionsPage", 3),
    ("trials", "TrialsPage", 4),
    ("risks", "RisksPage", 5),
    ("values", "ValuesPage", 6),
    ("leaning", "LeaningPage", 7),
    ("sure", "SurePage", 7),
    ("questions", "QuestionsPage", 8),
    ("summary", "SummaryPage", 9),
)
PAGE_IDS = {key: i for i, (key, _, _) in enumerate(PAGES)}
STEP_NUMBERS = tuple(number for _, _, number in PAGES)  # the step of each page, by page id
STEP_COUNT = STEP_NUMBERS[-1]
# Content steps that are wizard pages; pages of other steps (option, note, detail, local-therapy) open to read.
CONTENT_STEP_PAGE = {"welcome": "welcome", "situation": "situation", "trials": "trials", "risks": "risks",
                     "values": "values", "leaning": "leaning", "questions": "questions", "summary": "summary"}


def page_class(key: str) -> type[StepPage]:
    """The class of page ``key``, its module imported now if it was not yet."""
    _key, name, _number = PAGES[PAGE_IDS[key]]
    return getattr(importlib.import_module(f"{__package__}.pages.{key}"), name)


class StepPages(Sequence["StepPage"]):
    """The wizard's pages by page id, each made by ``make(page_id)`` the first time it is asked for. ``made()`` are
    those made so far; asking whether a page is one of them, or for its id, makes no page."""

    def __init__(self, make: Callable[[int], StepPage]):
        self._make = make
        self._pages: list[StepPage | None] = [None] * len(PAGES)
        self._adopt: Callable[[StepPage], None] | None = None

    def when_made(self, adopt: Callable[[StepPage], None]) -> None:
        """Call ``adopt`` with each page as it is made (the wizard puts it in its stack), and now with those made."""
        self._adopt = adopt
        for page in self.made():
            adopt(page)

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, index):  # an int or a slice, as a list takes
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        page_id = range(len(self))[index]  # a negative index, and IndexError, as a list's
        page = self._pages[page_id]
        if page is None:
            page = self._pages[page_id] = self._make(page_id)
            if self._adopt is not None:
                self._adopt(page)
        return page

    def __iter__(self) -> Iterator[StepPage]:
        return (self[i] for i in range(len(self)))

    def __contains__(self, page: object) -> bool:
        return any(made is page for made in self._pages)

    def index(self, page: object, start: int = 0, stop: int | None = None) -> int:
        for page_id, made in enumerate(self._pages[start:stop], start=start):
            if made is page:
                return page_id
        raise ValueError("not one of the wizard's pages")

    def made(self) -> list[StepPage]:
        return [page for page in self._pages if page is not None]

    def is_made(self, page_id: int) -> bool:
        return self._pages[page_id] is not None
