"""The gettext catalogue of the aid's own words (decision_aid/locale, README "Languages"): up to date with the code,
complete and consistent in every language, and its compiled .mo the compile of its .po."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from decision_aid import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "decision_aid" / "locale"
POT = LOCALE / "messages.pot"
RUN = "run `make messages` and translate what it adds"
TRANSLATED = sorted(code for code in i18n.LANGUAGES if code != i18n.SOURCE_LANGUAGE)
# {name}, {count:d}, %s, %(name)s, %d: what gettext and str.format fill in
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdif]")


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _ids(catalog: Catalog) -> set[tuple[object, str | None]]:
    return {(m.id, m.context) for m in catalog if m.id}


def _po(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / "messages.po"


def test_the_committed_template_is_what_the_code_says_now(tmp_path):
    fresh = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "--quiet", "extract", "--mapping-file=babel.cfg", "--no-location", "--omit-header",
                    "--sort-output", "--add-comments=Translators:", "--no-wrap", f"--output-file={fresh}",
                    "decision_aid"], cwd=ROOT, check=True)
    now, committed = _ids(_read(fresh)), _ids(_read(POT))
    assert len(now) > 150  # every word of the window is in it, not only a few
    assert now == committed, (
        f"decision_aid/locale/messages.pot is stale: {RUN}. In the code, not in the catalogue: "
        f"{sorted(map(str, now - committed))[:10]}; in the catalogue, no longer in the code: "
        f"{sorted(map(str, committed - now))[:10]}")


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_in_full(code):
    catalog = _read(_po(code))
    missing = _ids(_read(POT)) - _ids(catalog)
    assert not missing, f"{_po(code).relative_to(ROOT)} lacks {len(missing)} messages: {RUN}"
    for message in catalog:
        if not message.id:
            continue
        where = f"{_po(code).relative_to(ROOT)}: {message.id!r}"
        assert not message.fuzzy, f"{where}: marked fuzzy (a guess): check it and remove the fuzzy flag"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{where}: no translation"


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translation_keeps_the_placeholders_of_its_message(code):
    for message in _read(_po(code)):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for s in strings:
            assert sorted(PLACEHOLDER.findall(s)) == wanted, (
                f"{_po(code).relative_to(ROOT)}: {ids[0]!r}: expected the placeholders {wanted}, received "
                f"{sorted(PLACEHOLDER.findall(s))} in {s!r}")


def _compiled(mo: bytes) -> tuple[dict[object, object], dict[str, str]]:
    """A compiled catalogue's messages, and its header but the dates (a compile stamps the hour it ran)."""
    catalog = read_mo(io.BytesIO(mo))
    def key(value):
        return tuple(value) if isinstance(value, list) else value

    messages = {key(m.id): key(m.string) for m in catalog if m.id}
    header = {k: v for k, v in catalog.mime_headers if "Date" not in k}
    return messages, header


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_committed_mo_is_the_compile_of_the_po(code):
    fresh = io.BytesIO()
    write_mo(fresh, _read(_po(code)), use_fuzzy=False)
    committed = _po(code).with_suffix(".mo").read_bytes()
    assert _compiled(committed) == _compiled(fresh.getvalue()), (
        f"{_po(code).with_suffix('.mo').relative_to(ROOT)} is stale: {RUN}")


def test_every_language_has_a_catalogue_and_the_aid_reads_it():
    for code in TRANSLATED:
        catalog = _read(_po(code))
        some = next(m for m in catalog if m.id and isinstance(m.id, str))
        assert i18n.translation(code).gettext(some.id) == some.string


def test_an_unknown_language_is_refused_with_the_choices():
    with pytest.raises(i18n.UnknownLanguage, match=r"expected one of en, es, received 'xx'"):
        i18n.translation("xx")


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_summary_calls_the_places_of_spread_what_the_question_calls_them(code):
    """The situation question asks "a few places or many" ("unos pocos lugares"); the summary's row and its words
    said "puntos" (dots, points), a word the person never saw."""
    import yaml

    form = yaml.safe_load((ROOT / "content" / code / "form.yaml").read_text(encoding="utf-8"))
    noun = form["situation"]["spread_extent"]["choices"]["many"].split()[-1]  # "En muchos lugares" -> "lugares"
    catalog = _read(_po(code))
    for msgid in ("How many spots", "how many spots", "few spots", "many spots"):
        assert noun in catalog[msgid].string, f"{msgid!r} -> {catalog[msgid].string!r}: expected the word {noun!r}"
