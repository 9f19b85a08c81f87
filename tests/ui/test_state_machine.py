"""A Hypothesis state machine over Next, Back, jumps, answers, text size and Start over.

After every step: the page shown is a real step with the right buttons enabled, the step list agrees, the answers
are exactly what was clicked, and what the current page shows matches them. Every step can be reached from any
state, and after Start over nothing of the old session is left: not an answer, not a checked button, not a widget.
"""

from __future__ import annotations

import shiboken6
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from decision_aid.answers import LIST_FIELDS, SITUATION_CHOICES, VALUE_ITEMS
from decision_aid.content import load_content
from decision_aid.ui.steps import PAGES

from ui_helpers import FIXTURE_CONTENT, settle

CONTENT = load_content(FIXTURE_CONTENT)
SINGLE = [(k, c) for k, cs in SITUATION_CHOICES.items() if k not in LIST_FIELDS for c in cs]
MULTI = [(k, c) for k in sorted(LIST_FIELDS) for c in SITUATION_CHOICES[k]]
PROMPTS = sorted(CONTENT.prompt_ids())


class WizardMachine(RuleBasedStateMachine):
    qtbot = None  # set by the test

    @initialize()
    def build(self):
        from decision_aid.ui.main_window import MainWindow

        self.window = MainWindow(content=CONTENT)
        self.qtbot.addWidget(self.window)
        self.window.resize(1100, 800)
        self.window.show()
        settle(self.qtbot)
        self.expected = {"situation": {}, "values": {}, "leaning": None, "sure": {}, "questions": set(),
                         "own": []}
        self.old_widgets = []

    # -- moving ---------------------------------------------------------------------------------------------------
    @rule()
    def press_next(self):
        before = self.window.wizard.currentId()
        self.window.wizard.next_button.click()
        settle(self.qtbot)
        assert self.window.wizard.currentId() == min(before + 1, len(PAGES) - 1)

    @rule()
    def press_back(self):
        before = self.window.wizard.currentId()
        self.window.wizard.back_button.click()
        settle(self.qtbot)
        assert self.window.wizard.currentId() == max(before - 1, 0)

    @rule(page_id=st.integers(0, len(PAGES) - 1))
    def jump(self, page_id):
        self.window.wizard.go_to(page_id)
        settle(self.qtbot)
        assert self.window.wizard.currentId() == page_id

    @rule(step=st.integers(1, 9))
    def pick_from_step_list(self, step):
        steps = self.window.view.step_list.list
        steps.itemClicked.emit(steps.item(step - 1))
        settle(self.qtbot)
        assert PAGES[self.window.wizard.currentId()][2] == step

    @rule(larger=st.booleans())
    def text_size(self, larger):
        (self.window.view.top_bar.larger_button if larger else self.window.view.top_bar.smaller_button).click()
        settle(self.qtbot)

    # -- answering, through the widgets ----------------------------------------------------------------------------
    def _page(self, key):
        self.window.view.go_to_page(key)
        settle(self.qtbot)
        return self.window.current_page()

    @rule(pick=st.sampled_from(SINGLE))
    def answer_single(self, pick):
        key, choice = pick
        page = self._page("situation")
        block = page.blocks[key]
        block.buttons[choice].click()
        self.expected["situation"][key] = choice
        if key == "breast_symptoms" and choice != "some":
            self.expected["situation"].pop("symptom_kinds", None)

    @rule(pick=st.sampled_from(MULTI))
    def tick_multi(self, pick):
        key, choice = pick
        page = self._page("situation")
        block = page.blocks[key]
        if not block.isVisible():
            return  # which problems the tumor causes is asked only while it causes some
        block.checks[choice].click()
        picked = set(self.expected["situation"].get(key, ()))
        if choice in picked:
            picked.discard(choice)
        elif choice == "unsure":
            picked = {"unsure"}
        else:
            picked = (picked - {"unsure"}) | {choice}
        if picked:
            self.expected["situation"][key] = tuple(c for c in SITUATION_CHOICES[key] if c in picked)
        else:
            self.expected["situation"].pop(key, None)

    @rule(item=st.sampled_from(VALUE_ITEMS), value=st.integers(0, 4))
    def rate(self, item, value):
        self._page("values").items[item].buttons[str(value)].click()
        self.expected["values"][item] = value

    @rule(choice=st.sampled_from(["medicines_only", "surgery", "radiation", "trial", "symptom_relief", "unsure"]))
    def lean(self, choice):
        buttons = self._page("leaning").block.buttons
        assert list(buttons) == [lv.id for lv in self.window.session.view.leanings]
        if choice not in buttons:  # only the options shown for the situation are leanings
            return
        buttons[choice].click()
        self.expected["leaning"] = choice

    @rule(item=st.sampled_from(["sure", "understand", "risks_benefits", "support"]), yes=st.booleans())
    def sure(self, item, yes):
        self._page("sure").items[item].buttons["yes" if yes else "no"].click()
        self.expected["sure"][item] = yes

    @rule(prompt=st.sampled_from(PROMPTS))
    def tick_question(self, prompt):
        self._page("questions").checks[prompt].click()
        self.expected["questions"] ^= {prompt}

    @rule(text=st.text(alphabet="abc ?", min_size=0, max_size=12))
    def own_question(self, text):
        page = self._page("questions")
        page.entry.setText(text)
        page.add_button.click()
        clean = " ".join(text.split())
        if clean and clean not in self.expected["own"]:
            self.expected["own"].append(clean)

    # -- starting over ---------------------------------------------------------------------------------------------
    @rule(confirm=st.booleans())
    def start_over(self, confirm):
        view = self.window.view
        had_answers = self.window.session.has_answers()
        view.start_over_button.click()
        settle(self.qtbot)
        if had_answers:
            box = view.last_message
            button = box.close_button if not confirm else [b for b in box.findChildren(type(box.close_button))
                                                            if b.objectName() == "confirmYes"][0]
            button.click()
            settle(self.qtbot)
        if confirm or not had_answers:
            self.old_widgets = [view, view.wizard, *view.pages.made()]  # pages never made never existed
            settle(self.qtbot)
            self.expected = {"situation": {}, "values": {}, "leaning": None, "sure": {}, "questions": set(),
                             "own": []}
            assert self.window.wizard.currentId() == 0

    # -- what must always hold -------------------------------------------------------------------------------------
    @invariant()
    def answers_are_what_was_clicked(self):
        a = self.window.session.answers
        e = self.expected
        assert dict(a.situation) == e["situation"]
        assert a.values == e["values"] and a.leaning == e["leaning"] and a.sure == e["sure"]
        assert set(a.questions) == e["questions"] and list(a.own_questions) == e["own"]

    @invariant()
    def buttons_and_step_list_agree(self):
        wizard = self.window.wizard
        current = wizard.currentId()
        assert 0 <= current < len(PAGES)
        assert wizard.back_button.isEnabled() == (current > 0)
        assert wizard.next_button.isEnabled() == (current < len(PAGES) - 1)
        assert self.window.view.step_list.list.currentRow() == PAGES[current][2] - 1
        assert wizard.currentPage() is self.window.view.pages[current]

    @invariant()
    def the_page_shows_the_answers(self):
        page = self.window.current_page()
        a = self.window.session.answers
        if page.objectName() == "page:situation":
            for key, block in page.blocks.items():
                if hasattr(block, "buttons"):
                    assert block.answer() == a.situation.get(key)
                else:
                    assert block.answer() == tuple(a.situation.get(key, ()))
        elif page.objectName() == "page:values":
            for key, block in page.items.items():
                assert block.answer() == (None if key not in a.values else str(a.values[key]))
        elif page.objectName() == "page:sure":
            assert page.flag.isVisible() == a.sure_flagged()

    @invariant()
    def nothing_survives_start_over(self):
        for widget in self.old_widgets:
            assert not shiboken6.isValid(widget), f"{widget!r} outlived Start over"

    @precondition(lambda self: True)
    @rule()
    def every_step_reachable(self):
        wizard = self.window.wizard
        here = wizard.currentId()
        for page_id in list(range(len(PAGES))) + [here]:
            wizard.go_to(page_id)
            assert wizard.currentId() == page_id
        settle(self.qtbot)

    def teardown(self):
        if getattr(self, "window", None) is not None:
            self.window.view.close_dialogs()
            self.window.close()


def test_wizard_state_machine(qtbot):
    WizardMachine.qtbot = qtbot
    run = settings(max_examples=25, stateful_step_count=30, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    WizardMachine.TestCase.settings = run
    WizardMachine.TestCase().runTest()
