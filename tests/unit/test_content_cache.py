"""The bundle's stored content model (decision_aid/content/cache.py): used only by a frozen app, only for the same files."""

import sys

import pytest

from decision_aid.content import load_content
from decision_aid.content.cache import CACHE_FILE, stored_model, write_model
from decision_aid.errors import ContentError


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """A pretend bundle root (sys._MEIPASS) holding the stored model of the fixture content."""
    bundle_root = tmp_path / "bundle"
    bundle_root.mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle_root), raising=False)
    return bundle_root


def test_not_frozen_never_uses_a_stored_model(content_copy, tmp_path, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    write_model(load_content(content_copy), tmp_path / CACHE_FILE)
    assert stored_model(content_copy) is None


def test_frozen_app_gets_the_same_model_for_the_same_files(content_copy, frozen, tmp_path):
    fresh = load_content(content_copy)
    write_model(fresh, frozen / CACHE_FILE)
    moved = tmp_path / "elsewhere"
    content_copy.rename(moved)
    stored = stored_model(moved)
    assert stored is not None
    assert stored.root == moved
    assert stored == load_content(moved)


def test_changed_content_is_read_again_and_its_errors_reported(content_copy, frozen):
    write_model(load_content(content_copy), frozen / CACHE_FILE)
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace. It takes 15 minutes."))
    assert stored_model(content_copy) is None
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert "received '15'" in caught.value.report()


def test_a_damaged_model_file_is_ignored(content_copy, frozen):
    (frozen / CACHE_FILE).write_bytes(b"not a pickle")
    assert stored_model(content_copy) is None
    assert load_content(content_copy).fingerprint
