"""Fixtures for the summary tests; the situations and helpers are in summary_cases.py."""

import pytest

from decision_aid.content import load_content
from decision_aid.errors import ContentError

from summary_cases import SHIPPED_CONTENT, SUMMARY_CONTENT


@pytest.fixture(scope="session")
def summary_content():
    return load_content(SUMMARY_CONTENT)


@pytest.fixture(scope="session")
def shipped_content():
    try:
        return load_content(SHIPPED_CONTENT)
    except ContentError as exc:
        pytest.skip(f"the shipped content is not valid yet ({len(exc.problems)} problems)")


@pytest.fixture(params=["fixture", "shipped"])
def any_content(request, summary_content):
    if request.param == "fixture":
        return summary_content
    return request.getfixturevalue("shipped_content")
