"""What the aid shows is what the files say: the fingerprint covers exactly the files the reader reads
(decision_aid/content/files.py); only the app's start uses a stored model (never check-content, --self-test, summary,
review-packet or --content DIR); the bundle's store only when proven to be its build's, of the same files; a
checkout's store only until the first paint, when the files read in full must make the very same model."""

import json
import os
import pickle
import shutil
import subprocess
import sys

import msgspec
import pytest

import decision_aid.content as content_package
from decision_aid import paths
from decision_aid.content import files, load_content, start_content, store
from decision_aid.content.fingerprint import fingerprint
from decision_aid.errors import ContentError


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


def test_commands_never_use_a_store_even_one_with_the_right_fingerprint(content_copy, monkeypatch):
    """check-content, --self-test, summary and review-packet call load_content: always the files. Planted here: a
    forged store of the current format where a checkout keeps its store, and old-style pickles and JSON."""
    monkeypatch.setattr(paths, "content_dir", lambda: content_copy)
    genuine = load_content(content_copy)
    fact_id, fact = next(iter(genuine.facts.items()))
    _plant_checkout_store(content_copy, genuine, fact_id)
    forged = {"format": 3, "fingerprint": genuine.fingerprint, "code": None,
              "content": {"facts": {fact_id: {"phrase": "99 in 100 people", "value": 99}}}}
    (content_copy / "__pycache__" / "content.model").write_bytes(pickle.dumps(forged))
    (content_copy / "content.model.json").write_text(json.dumps(forged))
    loaded = load_content(content_copy)
    assert loaded.facts[fact_id].phrase == fact.phrase != "99 in 100 people"
    assert loaded.fingerprint == genuine.fingerprint == fingerprint(content_copy)
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
    loaded, rederive = start_content(content_copy)
    assert reads == [] and rederive is None  # proven by the build's SHA-256: nothing left to prove
    assert loaded == genuine and loaded.root == content_copy
    assert loaded.page("welcome").__dict__["html"] == genuine.page("welcome").html  # stored rendered


def test_a_forged_bundle_store_is_refused_whatever_fingerprint_it_claims(bundle, content_copy, capsys):
    home, genuine, reads = bundle
    fact_id, fact = next(iter(genuine.facts.items()))
    stored = msgspec.msgpack.decode((home / store.STORE_FILE).read_bytes())
    stored["content"]["facts"][fact_id]["phrase"] = "99 in 100 people"
    assert stored["content"]["fingerprint"] == genuine.fingerprint == fingerprint(content_copy)  # the claim is right
    (home / store.STORE_FILE).write_bytes(msgspec.msgpack.encode(stored))
    loaded, _ = start_content(content_copy)
    assert reads == [content_copy]
    assert loaded.facts[fact_id].phrase == fact.phrase
    assert "content.msgpack is not the one the build made (its SHA-256 differs from content.msgpack.sha256): it is " \
           "not used, the content files are read instead" in capsys.readouterr().err


def test_edited_files_are_read_not_the_bundle_store(bundle, content_copy):
    home, genuine, reads = bundle
    facts = content_copy / "facts.yaml"
    facts.write_text(facts.read_text().replace("status: V", "status: S", 1))
    assert start_content(content_copy)[0].fingerprint != genuine.fingerprint
    assert reads == [content_copy]


def test_another_folder_and_the_commands_never_use_the_bundle_store(bundle, content_copy, tmp_path):
    home, genuine, reads = bundle
    load_content(content_copy)  # what every command calls
    other = tmp_path / "other"
    content_copy.rename(other)
    start_content(other)
    assert reads == [content_copy, other]


# -- a checkout's store: re-derived after the first paint -----------------------------------------------------------


EXPLODED = []


def _explode():
    EXPLODED.append("a pickle ran code")


class Bomb:
    def __reduce__(self):
        return _explode, ()


def _plant_checkout_store(root, genuine, fact_id, phrase="99 in 100 people"):
    """A store of the current format and code that claims the files' fingerprint, with one figure changed."""
    stored = msgspec.msgpack.decode(store.encode(genuine, store.stamp(root)))
    stored["content"]["facts"][fact_id]["phrase"] = phrase
    assert stored["content"]["fingerprint"] == fingerprint(root)  # the claim is right
    path = root / store.CHECKOUT_STORE
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(msgspec.msgpack.encode(stored))
    return path


@pytest.fixture
def checkout(content_copy, monkeypatch):
    """The fixture content as a checkout's own folder; reading the files is watched."""
    monkeypatch.setattr(paths, "content_dir", lambda: content_copy)
    monkeypatch.delattr(sys, "frozen", raising=False)
    reads = []
    real = content_package.read_content
    monkeypatch.setattr(content_package, "read_content", lambda root: reads.append(root) or real(root))
    return content_copy, content_copy / store.CHECKOUT_STORE, reads


def test_the_first_start_reads_the_files_and_writes_a_msgpack_store(checkout):
    root, path, reads = checkout
    content, rederive = start_content(root)
    assert reads == [root] and rederive is None
    data = path.read_bytes()
    assert not data.startswith(b"\x80")  # not a pickle (protocol 2 and later start so)
    stored = msgspec.msgpack.decode(data)
    assert set(stored) == {"format", "code", "content", "html"}
    assert stored["content"]["fingerprint"] == content.fingerprint == fingerprint(root)
    assert [p.name for p in path.parent.iterdir()] == [store.STORE_FILE]  # written atomically: no temp file left


def test_a_later_start_shows_the_store_then_proves_it_from_the_files(checkout):
    root, path, reads = checkout
    genuine, _ = start_content(root)
    shown, rederive = start_content(root)
    assert reads == [root]  # the second start did not read the files before its first page
    assert shown == genuine and shown.page("welcome").__dict__["html"] == genuine.page("welcome").html
    rederive()  # right after the first paint: the files, read and checked in full, make the same bytes
    assert reads == [root, root] and path.is_file()


def test_a_forged_store_with_the_right_fingerprint_is_refused_at_the_rederivation(checkout, capsys):
    root, path, reads = checkout
    genuine, _ = start_content(root)
    fact_id, fact = next(iter(genuine.facts.items()))
    _plant_checkout_store(root, genuine, fact_id)
    shown, rederive = start_content(root)
    assert shown.facts[fact_id].phrase == "99 in 100 people"  # believed for the first paint only
    with pytest.raises(ContentError) as refused:
        rederive()
    assert str(path) in refused.value.report() and "a different model (the store was deleted)" in refused.value.report()
    assert not path.exists()
    assert f"{path} does not hold the model the content files make: it was deleted" in capsys.readouterr().err
    again, rederive = start_content(root)  # the next start reads the files
    assert again.facts[fact_id].phrase == fact.phrase and rederive is None


def test_a_store_of_older_files_or_other_code_is_ignored(checkout):
    root, path, reads = checkout
    old, _ = start_content(root)
    facts = root / "facts.yaml"
    facts.write_text(facts.read_text().replace("status: V", "status: S", 1))
    new, rederive = start_content(root)
    assert reads == [root, root] and rederive is None and new.fingerprint != old.fingerprint
    assert msgspec.msgpack.decode(path.read_bytes())["content"]["fingerprint"] == new.fingerprint  # written anew
    stored = msgspec.msgpack.decode(path.read_bytes())
    stored["code"] = "0" * 64  # made by another version of the content engine
    path.write_bytes(msgspec.msgpack.encode(stored))
    assert start_content(root)[1] is None and reads == [root, root, root]


def test_a_read_only_content_folder_works_without_a_store(checkout, monkeypatch):
    root, path, reads = checkout
    root.chmod(0o555)  # not enough for root, who may write anyway: the write is refused as a read-only disk would
    monkeypatch.setattr(store.tempfile, "mkstemp", lambda **kw: (_ for _ in ()).throw(OSError(30, "Read-only")))
    try:
        for _ in range(2):
            content, rederive = start_content(root)
            assert rederive is None and content.fingerprint == fingerprint(root)
    finally:
        root.chmod(0o755)
    assert reads == [root, root] and not path.exists()


def test_a_pickle_planted_as_the_store_is_never_loaded(checkout):
    root, path, reads = checkout
    genuine = load_content(root)
    path.parent.mkdir()
    path.write_bytes(pickle.dumps(Bomb()))
    content, rederive = start_content(root)
    assert EXPLODED == [] and rederive is None and content == genuine
    assert not path.read_bytes().startswith(b"\x80")  # replaced by the files' own store


def test_another_folder_never_gets_a_store(checkout, tmp_path):
    root, path, reads = checkout
    other = tmp_path / "other"
    shutil.copytree(root, other)
    assert start_content(other)[1] is None and start_content(other)[1] is None
    assert not (other / "__pycache__").exists() and not path.exists()


def test_a_checkout_never_uses_a_bundle_store(checkout, tmp_path, monkeypatch):
    root, path, reads = checkout
    monkeypatch.setattr(paths, "app_root", lambda: tmp_path)
    store.write_store(load_content(root), tmp_path)
    assert start_content(root)[1] is None and reads == [root, root]


APP_ON_A_FOLDER = """
import sys
from pathlib import Path
from decision_aid import app, paths
from decision_aid.ui import dialogs
root = Path(sys.argv[1])
paths.content_dir = app.content_dir = lambda: root
dialogs.show_content_errors = lambda exc: print("DIALOG:", exc.report())
sys.exit(app.run_app())
"""


def test_the_app_refuses_a_forged_store_after_the_first_paint(checkout):
    """The wiring (decision_aid/app.py), in its own process: the window is painted from the store, then the files
    disagree: the content-errors dialog says why and the aid ends with status 1. A wiring that never refuses runs on
    until the timeout."""
    root, path, reads = checkout
    genuine, _ = start_content(root)
    _plant_checkout_store(root, genuine, next(iter(genuine.facts)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DECISION_AID_BENCH_EXIT_AFTER_SHOWN", None)
    done = subprocess.run([sys.executable, "-c", APP_ON_A_FOLDER, str(root)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"DIALOG: {path}: (stored model): expected the model the content files make" in done.stdout
    assert "the content has problems, so the aid will not start" in done.stderr
    assert f"{path} does not hold the model the content files make: it was deleted" in done.stderr
    assert not path.exists()
