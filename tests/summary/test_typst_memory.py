"""Issue 18: what Typst keeps in the process. A compiler keeps the last summary it was given (its ``sys.inputs``)
until it is dropped, and Typst's memo cache keeps the results of the last ten compiles: no compiler outlives its
summary, and ``forget()`` (called on every kiosk reset) ages the last summaries out of the memo cache."""

from __future__ import annotations

import gc

import typst

from decision_aid.answers import Answers
from decision_aid.clinic import Clinic
from decision_aid.summary import build_summary, typeset

CANARY = "CANARY-typst-4d1e"


def test_no_compiler_keeps_the_summary_after_it_is_typeset(summary_content):
    summary = build_summary(content=summary_content, answers=Answers(name=CANARY), clinic=Clinic())
    assert typeset.summary_data(summary)["name"] == CANARY  # what the compiler is given
    assert typeset.compile_summary(summary, fmt="svg")
    gc.collect()
    assert [o for o in gc.get_objects() if isinstance(o, typst.Compiler)] == []


def test_forget_ages_the_memo_cache_out_and_only_after_a_summary(summary_content, monkeypatch):
    calls = []
    real = typst.compile
    monkeypatch.setattr(typst, "compile", lambda *a, **k: calls.append(a) or real(*a, **k))
    typeset.forget()  # whatever an earlier test typeset
    calls.clear()
    typeset.forget()
    assert calls == [], "nothing typeset since: nothing to forget"
    summary = build_summary(content=summary_content, answers=Answers(name=CANARY), clinic=Clinic())
    typeset.compile_summary(summary, fmt="svg")
    typeset.forget()
    # typst-py drops what the last 10 compiles did not use: 11 blank pages push every summary out.
    assert len(calls) == 11 and all(CANARY.encode() not in a[0] for a in calls)
    calls.clear()
    typeset.forget()
    assert calls == []
