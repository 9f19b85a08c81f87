"""What the aid shows is what the files say: no stored model is believed, and the fingerprint covers exactly the
files the reader reads (decision_aid/content/read.py content_files)."""

import json
import pickle

from decision_aid import paths
from decision_aid.content import load_content, read
from decision_aid.content.fingerprint import fingerprint


def test_the_fingerprint_covers_exactly_the_files_read(content_copy):
    files = read.content_files(content_copy)
    assert [p.relative_to(content_copy).as_posix() for p in files] == sorted(
        [*read.YAML_FILES, *(f"pages/{p.name}" for p in (content_copy / "pages").glob("*.md"))])
    content = load_content(content_copy)
    assert content.files == len(files) == 20
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
