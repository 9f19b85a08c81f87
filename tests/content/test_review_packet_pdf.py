"""The review packet of the shipped content as a PDF: its pages, its words, its fingerprint, and PNGs to look at.

The PNGs go to artifacts/review-packet/ (pdftoppm -r 50), where they can be opened after the run.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from decision_aid.content import load_content
from tests.conftest import ROOT, SHIPPED_CONTENT

ARTIFACTS = ROOT / "artifacts" / "review-packet"


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def packet_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("packet") / "review-packet.pdf"
    done = subprocess.run([sys.executable, "-m", "decision_aid", "review-packet", "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Review packet written to {out} (")
    return out, done.stdout


def test_the_packet_pdf_has_every_section_and_the_fingerprint_on_every_page(packet_pdf):
    path, stdout = packet_pdf
    content = load_content(SHIPPED_CONTENT)
    pages = pdf_pages(path)
    assert f"({len(pages)} pages, A4, content version {content.bundle.version})" in stdout
    assert len(pages) > len(content.pages)  # every page starts on a sheet of its own
    for i, text in enumerate(pages, 1):
        assert f"Page {i} of {len(pages)}" in text
        assert content.fingerprint[:16] in text.replace(" ", "")
    words = " ".join(pages)
    for heading in ("A. What changed since the last reviewed version", "B. Every tailored variant",
                    "C. Every page, with its reading grade", "D. Every figure, with its source",
                    "F. The glossary", "Sign-off: the whole packet"):
        assert heading in words, heading
    for page_id in content.pages:
        assert f"Page {page_id}:" in words, page_id
    # the PDF's document id is made from the fingerprint: same content, same id
    fp = content.fingerprint
    uuid = f"{fp[:8]}-{fp[8:12]}-{fp[12:16]}-{fp[16:20]}-{fp[20:32]}"
    assert f"xmpMM:DocumentID=\"uuid:{uuid}\"".encode() in path.read_bytes()


def test_the_packet_pdf_as_pngs(packet_pdf):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    path, _ = packet_pdf
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("packet-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "4", "-png", str(path), str(ARTIFACTS / "packet")],
                   check=True)
    pngs = sorted(ARTIFACTS.glob("packet-*.png"))
    assert len(pngs) == 4 and all(p.stat().st_size > 5000 for p in pngs)
