"""The review packet (decision_aid.review): deterministic, complete, and made by the tailoring function. No Qt."""

import itertools
import shutil
import subprocess
import sys

import pytest

from decision_aid.answers import SITUATION_CHOICES
from decision_aid.content import load_content
from decision_aid.content import load_content as read_content_folder
from decision_aid.review import build_packet, render_packet_html
from decision_aid.review.render import SECTIONS
from decision_aid.review.variants import situations, tailored_variants, view_signature
from tests.conftest import FIXTURE_CONTENT, ROOT, SHIPPED_CONTENT


@pytest.fixture(scope="module")
def shipped():
    return load_content(SHIPPED_CONTENT)


@pytest.fixture(scope="module")
def packet(shipped):
    return build_packet(shipped)


@pytest.fixture(scope="module")
def html(packet):
    return render_packet_html(packet)


def test_same_content_gives_byte_identical_html(tmp_path, html):
    copy = tmp_path / "elsewhere" / "content"
    shutil.copytree(SHIPPED_CONTENT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    again = render_packet_html(build_packet(read_content_folder(copy)))
    assert again.encode("utf-8") == html.encode("utf-8")


def test_a_changed_word_changes_the_packet_and_its_fingerprint(tmp_path, html, shipped):
    copy = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    page = copy / "pages" / "values.md"
    page.write_text(page.read_text(encoding="utf-8").replace("There are no right", "There are truly no right"),
                    encoding="utf-8")
    changed = render_packet_html(build_packet(read_content_folder(copy)))
    assert changed != html and shipped.fingerprint in html and shipped.fingerprint not in changed


def test_every_page_figure_and_section_is_in_it(packet, html, shipped):
    for page_id in shipped.pages:
        assert f"Page {page_id}: " in html, page_id
    for fact in shipped.facts.values():
        assert f"<td>{fact.id}</td>" in html, fact.id
    lymph = next(f for f in packet.figures if f.id == "lymph.alnd")
    assert "early breast cancer" in lymph.population and "McLaughlin SA" in lymph.source and lymph.status == "V"
    assert set(lymph.pages) >= {"risks", "option-surgery", "detail-risks"}
    for _, title in SECTIONS:
        assert html.count(f">{title}</h2>") == 1, title
        assert html.count(f"<h3>Sign-off: {title}</h3>") == 1, title
    # one per section, one per translation, one for the whole packet
    assert html.count("<h3>Sign-off: ") == len(SECTIONS) + len(shipped.translations) + 1
    assert html.count("checked:</b> name") == len(shipped.pages)  # a line per page too


def test_reading_grade_of_each_page(packet):
    grades = {e.page.id: e for e in packet.pages}
    assert grades["welcome"].limit == 8 and grades["detail-risks"].limit == 10
    assert all(0 < e.grade <= e.limit for e in packet.pages)


def test_claims_without_figures_are_the_sentences_with_no_placeholder(packet):
    few = [c.text for c in packet.claims if c.page_id == "note-few-spots"]
    assert "Treating every spot has not been shown to cure the cancer." in few
    assert not [c for c in packet.claims if c.page_id.startswith("detail-")]  # patient pages only
    risks = " ".join(c.text for c in packet.claims if c.page_id == "risks")
    assert "16 in 100" not in risks and "lymph.alnd" not in risks
    grid = [c.text for c in packet.claims if c.page_id == "option-trial"]
    assert "Not known." in grid  # a grid cell's sentence counts too


def test_with_no_reviewed_version_the_changes_say_so(packet, html):
    assert packet.changes.previous_version is None and packet.changes.files == ()
    assert "No version of this content has been reviewed by a clinician yet" in html


def test_changes_since_a_previous_version_are_a_diff_by_page(tmp_path, shipped):
    previous = tmp_path / "reviewed-0.1.9"
    shutil.copytree(SHIPPED_CONTENT, previous, ignore=shutil.ignore_patterns("__pycache__"))
    page = previous / "pages" / "values.md"
    page.write_text(page.read_text(encoding="utf-8").replace("There are no right", "There are hardly right"),
                    encoding="utf-8")
    (previous / "pages" / "note-hr-positive.md").unlink()
    (previous / "pages" / "old-page.md").write_text("---\nid: old-page\n---\nGone.\n", encoding="utf-8")
    changes = build_packet(shipped, previous=previous).changes
    assert [(f.path, f.kind) for f in changes.files] == [
        ("pages/note-hr-positive.md", "added"), ("pages/old-page.md", "removed"), ("pages/values.md", "changed")]
    diff = changes.files[2].diff
    assert "-Below are some things people often care about. Choose how much each one matters to you. There are " \
           "hardly right or wrong answers." in diff
    assert changes.previous_version == "0.2.0" and "reviewed-0.1.9" in changes.note


def test_variants_come_from_the_tailoring_function_and_miss_none(shipped, packet):
    signatures = {(v.options, v.notes, v.pages, v.studies) for v in packet.variants}
    assert len(signatures) == len(packet.variants) > 100
    assert sum(v.count for v in packet.variants) == sum(1 for _ in situations(shipped))
    # Every situation of a wider, independent enumeration (each list answer by every single choice and pair,
    # every single answer) gives a view that is in the packet.
    singles = [k for k in SITUATION_CHOICES if k not in ("symptom_kinds", "spread_sites")]
    sites = [()] + [(s,) for s in SITUATION_CHOICES["spread_sites"]] + list(
        itertools.combinations(SITUATION_CHOICES["spread_sites"], 2))
    seen = 0
    for values in itertools.product(*(SITUATION_CHOICES[k] for k in singles)):
        for site in sites[::5]:
            situation = dict(zip(singles, values, strict=True), **({"spread_sites": site} if site else {}))
            options, notes, pages, studies, _ = view_signature(shipped, situation, clinic_trials=bool(seen % 2))
            assert (options, notes, pages, studies) in signatures, situation
            seen += 1
    assert seen > 3000


def test_each_variant_says_which_studies_describe_people_like_that(shipped, packet):
    """A reviewer sees, per variant, whether each trial's figures are shown as "people like you"."""
    growing = [v for v in packet.variants if v.example.get("distant_response") == "growing"]
    assert growing and all(dict(v.studies)["e2108"] == "not_included" for v in growing)
    assert any(dict(v.studies)["e2108"] == "applies" for v in packet.variants)
    html = render_packet_html(packet)
    assert "Studies: do their figures describe this person?" in html and "e2108: not included" in html


def test_every_note_and_option_page_appears_in_some_variant(shipped, packet):
    notes = {n for v in packet.variants for n in v.notes}
    assert notes == {p.id for p in shipped.pages_for("note")}
    options = {o for v in packet.variants for o, _ in v.options}
    assert options == {o.id for o in shipped.tailoring.options}


def test_fixture_bundle_packet(tmp_path):
    content = read_content_folder(FIXTURE_CONTENT)
    assert len(tailored_variants(content)) >= 2
    html = render_packet_html(build_packet(content))
    assert "Page welcome: Welcome" in html


def run(*args):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          timeout=300)


def test_cli_writes_the_html_packet(tmp_path, html):
    out = run("review-packet", "--out", str(tmp_path / "packet.html"))
    assert out.returncode == 0, out.stderr
    assert out.stdout == f"Review packet written to {tmp_path / 'packet.html'} (content version 0.2.0).\n"
    assert (tmp_path / "packet.html").read_text(encoding="utf-8") == html


def test_cli_refuses_bad_arguments_with_a_message(tmp_path):
    out = run("review-packet", "--out", str(tmp_path / "packet.txt"))
    assert out.returncode == 2
    assert out.stderr == (f"decision-aid: {tmp_path / 'packet.txt'}: --out: expected a file name ending in .pdf or "
                          ".html, received '.txt'\n")
    out = run("review-packet", "--out", str(tmp_path / "p.html"), "--previous", str(tmp_path / "nowhere"))
    assert out.returncode == 2
    assert out.stderr == (f"decision-aid: {tmp_path / 'nowhere'}: --previous: expected a content folder, "
                          "received no such folder\n")
    out = run("review-packet", "--out", str(tmp_path / "no" / "p.html"))
    assert out.returncode == 2
    assert out.stderr == (f"decision-aid: {tmp_path / 'no' / 'p.html'}: cannot write the review packet in the "
                          f"folder {tmp_path / 'no'}: the folder does not exist\n")
    assert not list(tmp_path.iterdir())


def test_each_translation_has_its_section_for_its_translator_and_clinician(tmp_path):
    """The bilingual test bundle: the Spanish status, each page with the English version it was made from (an older
    one said so) and its Fernández-Huerta reading ease, the page as the aid shows it, and a sign-off."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "summary" / "content", folder)
    page = folder / "es" / "pages" / "trials.md"
    page.write_text(page.read_text(encoding="utf-8").replace("translated_from: 1.0.0", "translated_from: 0.9.0"),
                    encoding="utf-8")
    content = load_content(folder)
    packet = build_packet(content)
    (entry,) = packet.translations
    assert entry.content.language == "es" and [e.page.id for e in entry.pages] == list(content.pages)
    older = {e.page.id for e in entry.pages if e.older}
    assert older == {"trials"}
    assert all(e.limit in (50, 60) and e.ease is not None and e.ease >= e.limit for e in entry.pages)
    html = render_packet_html(packet)
    title = "G. The translation into Tratar el tumor de la mama en el cáncer de mama en estadio 4 (prueba) (es)"
    assert html.count(f"{title}</h2>") == 1 and f"<h3>Sign-off: {title}</h3>" in html
    assert "0.9.0 / 1.0.0 <b>(older than the English)</b>" in html
    assert html.count("<b>Translation of ") == len(content.pages)
    assert "Lo que encontraron los estudios" in html
