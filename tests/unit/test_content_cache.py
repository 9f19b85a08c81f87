"""The stored content model (decision_aid/content/cache.py): stored beside the shipped content after a read, used
only for the same files and the same code, never for a folder given with --content, and never able to run code."""

import dataclasses
import os
import pickle
import sys

import pytest

from decision_aid import paths
from decision_aid.content import cache, load_content, loader
from decision_aid.content.cache import cache_path, store_model, stored_model, write_model
from decision_aid.errors import ContentError


@pytest.fixture
def shipped(content_copy, monkeypatch):
    """The fixture content, as the content shipped beside the code."""
    monkeypatch.setattr(paths, "content_dir", lambda: content_copy)
    return content_copy


@pytest.fixture
def forbid_reading(monkeypatch):
    """Call it, and reading the files fails the test: whatever is loaded then must come from the stored model."""

    def forbid():
        monkeypatch.setattr(loader, "load_content", lambda root: pytest.fail(f"{root} was read again"))

    return forbid


def test_a_read_stores_the_model_and_the_next_load_uses_it(shipped, forbid_reading):
    fresh = load_content(shipped)
    assert cache_path(shipped).is_file()
    forbid_reading()
    again = load_content(shipped)
    assert again == fresh
    assert all("html" in vars(page) for page in again.pages.values())  # stored rendered: no Markdown at start


def test_the_stored_model_follows_a_moved_folder(shipped, tmp_path):
    fresh = load_content(shipped)
    moved = tmp_path / "elsewhere"
    shipped.rename(moved)
    stored = stored_model(moved)
    assert stored is not None
    assert stored.root == moved
    assert stored == load_content(moved)


def test_changed_content_is_read_again_and_its_errors_reported(shipped):
    load_content(shipped)
    page = shipped / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace. It takes 15 minutes."))
    assert stored_model(shipped) is None
    with pytest.raises(ContentError) as caught:
        load_content(shipped)
    assert "received '15'" in caught.value.report()


def test_content_with_errors_is_never_stored(shipped):
    page = shipped / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace. It takes 15 minutes."))
    with pytest.raises(ContentError):
        load_content(shipped)
    assert not cache_path(shipped).exists()


def test_a_model_made_by_other_code_is_not_used(shipped, monkeypatch):
    load_content(shipped)
    monkeypatch.setattr(cache, "code_stamp", lambda: (("loader.py", 1, 2),))
    assert stored_model(shipped) is None


def test_a_frozen_app_uses_the_model_its_build_stored(shipped, monkeypatch, forbid_reading):
    """The bundle build stores the model with the checkout's code stamp; the frozen app's code cannot change."""
    fresh = loader.load_content(shipped)
    write_model(fresh, cache_path(shipped))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert cache.code_stamp() is None
    forbid_reading()
    assert load_content(shipped) == fresh


def test_a_damaged_model_file_is_ignored(shipped):
    cache_path(shipped).parent.mkdir()
    cache_path(shipped).write_bytes(b"not a pickle")
    assert stored_model(shipped) is None
    assert load_content(shipped).fingerprint
    assert stored_model(shipped) is not None  # and replaced by a good one


class _Planted:
    """What a hostile content folder could plant: unpickling it would create a folder."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return os.mkdir, (str(self.target),)


def test_a_planted_model_file_cannot_run_code(shipped, tmp_path):
    target = tmp_path / "planted"
    cache_path(shipped).parent.mkdir()
    cache_path(shipped).write_bytes(pickle.dumps({"format": cache.FORMAT, "content": _Planted(target)}))
    assert stored_model(shipped) is None
    assert not target.exists()
    assert load_content(shipped).fingerprint


def test_a_folder_that_cannot_be_written_is_read_every_time(shipped):
    (shipped / cache.CACHE_DIR).write_text("a file where the cache folder would be")
    content = load_content(shipped)
    assert store_model(content) is False
    assert stored_model(shipped) is None


def test_a_folder_given_with_content_is_always_read_from_its_files(content_copy):
    """Its __pycache__ could hold a model with the right fingerprint and other words: it is never used or written."""
    fresh = loader.load_content(content_copy)
    planted = dataclasses.replace(fresh, bundle=dataclasses.replace(fresh.bundle, name="Not what the files say"))
    write_model(planted, cache_path(content_copy))
    assert stored_model(content_copy).bundle.name == "Not what the files say"  # the cache alone would take it
    before = cache_path(content_copy).read_bytes()
    assert load_content(content_copy).bundle.name == fresh.bundle.name
    assert cache_path(content_copy).read_bytes() == before  # and nothing is stored beside it
