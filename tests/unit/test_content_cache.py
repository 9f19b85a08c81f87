"""The stored content model (decision_aid/content/cache.py): stored beside the content after a read, used only for
the same files and the same code, and never able to run code."""

import os
import pickle
import sys

import pytest

from decision_aid.content import cache, load_content, loader
from decision_aid.content.cache import cache_path, store_model, stored_model, write_model
from decision_aid.errors import ContentError


@pytest.fixture
def forbid_reading(monkeypatch):
    """Call it, and reading the files fails the test: whatever is loaded then must come from the stored model."""

    def forbid():
        monkeypatch.setattr(loader, "load_content", lambda root: pytest.fail(f"{root} was read again"))

    return forbid


def test_a_read_stores_the_model_and_the_next_load_uses_it(content_copy, forbid_reading):
    fresh = load_content(content_copy)
    assert cache_path(content_copy).is_file()
    forbid_reading()
    again = load_content(content_copy)
    assert again == fresh
    assert all("html" in vars(page) for page in again.pages.values())  # stored rendered: no Markdown at start


def test_the_stored_model_follows_a_moved_folder(content_copy, tmp_path):
    fresh = load_content(content_copy)
    moved = tmp_path / "elsewhere"
    content_copy.rename(moved)
    stored = stored_model(moved)
    assert stored is not None
    assert stored.root == moved
    assert stored == load_content(moved)


def test_changed_content_is_read_again_and_its_errors_reported(content_copy):
    load_content(content_copy)
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace. It takes 15 minutes."))
    assert stored_model(content_copy) is None
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "received '15'" in caught.value.report()


def test_content_with_errors_is_never_stored(content_copy):
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace. It takes 15 minutes."))
    with pytest.raises(ContentError):
        load_content(content_copy)
    assert not cache_path(content_copy).exists()


def test_a_model_made_by_other_code_is_not_used(content_copy, monkeypatch):
    load_content(content_copy)
    monkeypatch.setattr(cache, "code_stamp", lambda: (("loader.py", 1, 2),))
    assert stored_model(content_copy) is None


def test_a_frozen_app_uses_the_model_its_build_stored(content_copy, monkeypatch, forbid_reading):
    """The bundle build stores the model with the checkout's code stamp; the frozen app's code cannot change."""
    fresh = loader.load_content(content_copy)
    write_model(fresh, cache_path(content_copy))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert cache.code_stamp() is None
    forbid_reading()
    assert load_content(content_copy) == fresh


def test_a_damaged_model_file_is_ignored(content_copy):
    cache_path(content_copy).parent.mkdir()
    cache_path(content_copy).write_bytes(b"not a pickle")
    assert stored_model(content_copy) is None
    assert load_content(content_copy).fingerprint
    assert stored_model(content_copy) is not None  # and replaced by a good one


class _Planted:
    """What a hostile content folder could plant: unpickling it would create a folder."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return os.mkdir, (str(self.target),)


def test_a_planted_model_file_cannot_run_code(content_copy, tmp_path):
    target = tmp_path / "planted"
    cache_path(content_copy).parent.mkdir()
    cache_path(content_copy).write_bytes(pickle.dumps({"format": cache.FORMAT, "content": _Planted(target)}))
    assert stored_model(content_copy) is None
    assert not target.exists()
    assert load_content(content_copy).fingerprint


def test_a_folder_that_cannot_be_written_is_read_every_time(content_copy):
    (content_copy / cache.CACHE_DIR).write_text("a file where the cache folder would be")
    content = load_content(content_copy)
    assert store_model(content) is False
    assert stored_model(content_copy) is None
