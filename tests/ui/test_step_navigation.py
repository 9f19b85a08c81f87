"""StepNavigation, the wizard's rules without a window: Back and Next in step order, jumps, what was seen."""

from __future__ import annotations

import pytest

from decision_aid.ui.navigation import StepNavigation

# The aid's shape: ten pages, nine steps, step 7 on two pages (leaning and SURE).
STEPS = (1, 2, 3, 4, 5, 6, 7, 7, 8, 9)


def test_it_starts_at_the_first_page_and_counts_steps_not_pages():
    nav = StepNavigation(step_numbers=STEPS)
    assert (nav.current, nav.step, nav.visited) == (0, 1, [0])
    assert (nav.page_count, nav.step_count) == (10, 9)
    assert not nav.can_go_back() and nav.can_go_next()


def test_back_after_a_jump_goes_by_step_order_not_by_history():
    nav = StepNavigation(step_numbers=STEPS)
    nav.move_to(1)
    nav.move_to(nav.page_of_step(9))
    assert (nav.current, nav.step) == (9, 9) and not nav.can_go_next()
    nav.move_to(nav.current - 1)  # what Back does
    assert (nav.current, nav.step) == (8, 8)
    assert nav.visited == [0, 1, 9, 8]


def test_a_step_of_two_pages_starts_at_its_first():
    nav = StepNavigation(step_numbers=STEPS)
    assert nav.page_of_step(7) == 6
    nav.move_to(7)
    assert nav.step == 7


def test_a_page_seen_twice_is_listed_once():
    nav = StepNavigation(step_numbers=STEPS)
    for page in (1, 2, 1, 0, 2):
        nav.move_to(page)
    assert nav.visited == [0, 1, 2]


def test_only_another_real_page_can_be_moved_to():
    nav = StepNavigation(step_numbers=STEPS)
    assert [nav.can_move_to(p) for p in (-1, 0, 1, 9, 10)] == [False, False, True, True, False]
    with pytest.raises(ValueError, match=r"page_id: expected a page from 0 to 9, received 10"):
        nav.move_to(10)
    assert nav.current == 0 and nav.visited == [0]


def test_no_pages_is_refused():
    with pytest.raises(ValueError, match="step_numbers: expected the step of at least one page, received none"):
        StepNavigation(step_numbers=())


def test_the_wizard_pages_and_their_steps_agree():
    from decision_aid.ui.steps import PAGES, STEP_COUNT, STEP_NUMBERS

    nav = StepNavigation(step_numbers=STEP_NUMBERS)
    assert nav.page_count == len(PAGES) and nav.step_count == STEP_COUNT == 9
    assert list(STEP_NUMBERS) == sorted(STEP_NUMBERS) and set(STEP_NUMBERS) == set(range(1, 10))
