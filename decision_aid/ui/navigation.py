"""StepNavigation: where the person is among the wizard's pages, and where Back, Next and a jump go. Plain Python,
no Qt: the rules can be read (and tested) without a window.

Back and Next follow the step order, wherever the person came from: after a jump from step 2 to step 9, Back goes
to step 8, as the step list beside it suggests. A jump goes to any page (the step list, links, Ctrl+1 … Ctrl+9).
``visited`` lists the pages seen in this session, in the order first reached; a reset builds a new navigation
with the session, so nothing of it outlives the person.
"""

from __future__ import annotations


class StepNavigation:
    """``step_numbers`` is the step of each page, by page id (two pages may share a step)."""

    def __init__(self, *, step_numbers: tuple[int, ...]):
        if not step_numbers:
            raise ValueError("step_numbers: expected the step of at least one page, received none")
        self.step_numbers = tuple(step_numbers)
        self.current = 0
        self.visited = [0]

    @property
    def page_count(self) -> int:
        return len(self.step_numbers)

    @property
    def step_count(self) -> int:
        return max(self.step_numbers)

    @property
    def step(self) -> int:
        """The step of the page showing."""
        return self.step_numbers[self.current]

    def can_go_back(self) -> bool:
        return self.current > 0

    def can_go_next(self) -> bool:
        return self.current < self.page_count - 1

    def page_of_step(self, number: int) -> int:
        """The first page of step ``number``."""
        return self.step_numbers.index(number)

    def can_move_to(self, page_id: int) -> bool:
        """Whether ``page_id`` is a page other than the one showing."""
        return 0 <= page_id < self.page_count and page_id != self.current

    def move_to(self, page_id: int) -> None:
        if not 0 <= page_id < self.page_count:
            raise ValueError(f"page_id: expected a page from 0 to {self.page_count - 1}, received {page_id!r}")
        self.current = page_id
        if page_id not in self.visited:
            self.visited.append(page_id)
