"""The printout's own words: every one marked for the catalogue (``_()``/``N_()`` in decision_aid/summary and the
HTML template's ``_()``, what ``pybabel extract`` finds) has its Spanish entry, and the words reach the printout."""

import ast
import datetime as dt
import re
from pathlib import Path

from decision_aid.i18n import translation
from decision_aid.summary import words

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "decision_aid" / "summary").glob("*.py"))
HTML = ROOT / "decision_aid" / "templates" / "summary.html"


def marked() -> set[str]:
    found = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    found |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"\)', HTML.read_text(encoding="utf-8")))
    return found


def test_every_word_of_the_printout_has_its_spanish_entry():
    catalogue = translation("es")._catalog  # type: ignore[attr-defined]
    found = marked()
    assert len(found) > 100
    assert sorted(found - set(catalogue)) == []
    assert {"Page {page} of {pages}", "{day} {month} {year}", "This panel is in English for your care team."} <= found


def test_the_fields_of_a_translation_are_those_of_its_english():
    catalogue = translation("es")._catalog  # type: ignore[attr-defined]
    for english in marked():
        assert sorted(re.findall(r"\{\w+\}", catalogue[english])) == sorted(re.findall(r"\{\w+\}", english)), english


def test_dates_and_labels_in_each_language():
    day = dt.date(2026, 11, 3)
    assert words.date_text(day, "en") == "3 November 2026"
    assert words.date_text(day, "es") == "3 de noviembre de 2026"
    assert words.labels("es")["page"] == "Página {page} de {pages}"
    panel = words.glance_labels("en", "es")
    assert (panel["heading"], panel["lang"]) == ("For the care team (English)", "en")
    assert panel["note"] == "Este recuadro está en inglés para su equipo de atención."
    assert words.glance_labels("es", "es")["heading"] == "De un vistazo"
    assert words.glance_labels("en", "en")["note"] == ""
