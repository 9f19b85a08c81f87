"""What the aid shows is what the files say: the fingerprint covers exactly the files the reader reads
(decision_aid/content/files.py), nothing in the content folder is read as a model, and the bundle's stored model is
used only when proven to be its build's, of the same files."""

import json
import pickle
import sys

import msgspec
import pytest

import decision_aid.content as content_package
from decision_aid import paths
from decision_aid.content import files, load_content, store
from decision_aid.content.fingerprint import fingerprint


def test_the_fingerprint_covers_exactly_the_files_read(content_copy):
    listed = files.content_files(content_copy)
    assert [p.relative_to(content_copy).as_posix() for p in listed] == sorted(
        [*files.YAML_FILES, *(f"pages/{p.name}" for p in (content_copy / "pages").glob("*.md"))])
    content = load_content(content_copy)
    assert content.files == len(listed) == 20
    assert content.fingerprint == fingerprint(content_copy)


def test_a_hidden_page_is_neither_read_nor_fingerprinted(content_copy):
    before = load_content(content_copy)
    hidden = content_copy / "pages" / ".welcome.md"
    hidden.write_text((content_copy / "pages" / "welcome.md").read_text().replace("id: welcome", "id: hidden"))
    after = load_content(content_copy)
    assert "hidden" not in after.pages
    assert after.fingerprint == before.fingerprint and after.files == before.files


def test_a_changed_page_changes_the_fingerprint(content_copy):
    before = fingerprint(content_copy)
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("own pace.", "own pace, with care."))
    assert fingerprint(content_copy) != before


def test_a_forged_store_with_the_right_fingerprint_is_never_used(content_copy, monkeypatch):
    """Stores that claim the files' fingerprint but carry another figure, beside the shipped content: the aid reads
    the files, so the figure shown and the fingerprint printed are both the files' own."""
    monkeypatch.setattr(paths, "content_dir", lambda: content_copy)
    genuine = load_content(content_copy)
    fact_id, fact = next(iter(genuine.facts.items()))
    claimed = genuine.fingerprint
    forged = {"format": 3, "fingerprint": claimed, "code": None,
              "content": {"facts": {fact_id: {"phrase": "99 in 100 people", "value": 99}}}}
    store = content_copy / "__pycache__"
    store.mkdir()
    (store / "content.model").write_bytes(pickle.dumps(forged))
    (store / "content.json").write_text(json.dumps(forged))
    (content_copy / "content.model.json").write_text(json.dumps(forged))
    loaded = load_content(content_copy)
    assert loaded.facts[fact_id].phrase == fact.phrase != "99 in 100 people"
    assert loaded.fingerprint == claimed == fingerprint(content_copy)
    assert loaded.files == genuine.files  # the planted files are not content files


# -- the bundle's store (decision_aid/content/store.py) ------------------------------------------------------------


@pytest.fixture
def bundle(content_copy, tmp_path, monkeypatch):
    """The fixture content as a bundle's: its root holds the store the build wrote; reading the files is watched."""
    home = tmp_path / "bundle"
    home.mkdir()
    monkeypatch.setattr(paths, "app_root", lambda: home)
    monkeypatch.setattr(paths, "content_dir", lambda: content_copy)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    genuine = load_content(content_copy)
    store.write_store(genuine, home)
    reads = []
    real = content_package.read_content
    monkeypatch.setattr(content_package, "read_content", lambda root: reads.append(root) or real(root))
    return home, genuine, reads


def test_the_bundle_uses_its_build_store_for_the_same_files(bundle, content_copy):
    home, genuine, reads = bundle
    loaded = load_content(content_copy)
    assert reads == []
    assert loaded == genuine and loaded.root == content_copy
    assert loaded.page("welcome").__dict__["html"] == genuine.page("welcome").html  # stored rendered


def test_a_forged_bundle_store_is_refused_whatever_fingerprint_it_claims(bundle, content_copy, capsys):
    home, genuine, reads = bundle
    fact_id, fact = next(iter(genuine.facts.items()))
    stored = msgspec.msgpack.decode((home / store.STORE_FILE).read_bytes())
    stored["content"]["facts"][fact_id]["phrase"] = "99 in 100 people"
    assert stored["content"]["fingerprint"] == genuine.fingerprint == fingerprint(content_copy)  # the claim is right
    (home / store.STORE_FILE).write_bytes(msgspec.msgpack.encode(stored))
    loaded = load_content(content_copy)
    assert reads == [content_copy]
    assert loaded.facts[fact_id].phrase == fact.phrase
    assert "content.msgpack is not the one the build made (its SHA-256 differs from content.msgpack.sha256): it is " \
           "not used, the content files are read instead" in capsys.readouterr().err


def test_edited_files_are_read_not_the_bundle_store(bundle, content_copy):
    home, genuine, reads = bundle
    facts = content_copy / "facts.yaml"
    facts.write_text(facts.read_text().replace("status: V", "status: S", 1))
    assert load_content(content_copy).fingerprint != genuine.fingerprint
    assert reads == [content_copy]


def test_a_checkout_and_another_folder_never_use_a_store(bundle, content_copy, tmp_path, monkeypatch):
    home, genuine, reads = bundle
    monkeypatch.setattr(sys, "frozen", False)
    load_content(content_copy)
    monkeypatch.setattr(sys, "frozen", True)
    other = tmp_path / "other"
    content_copy.rename(other)
    load_content(other)
    assert reads == [content_copy, other]
