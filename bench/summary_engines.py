"""The summary's PDF engines side by side, measured on this machine.

Run: ``.venv/bin/python bench/summary_engines.py``.

- ``qt``: Qt's QTextDocument + QPdfWriter (the engine before issue 14), from a git revision that still has it
  (``--qt-rev``, default the commit before the switch); skipped when that revision is not in the repository.
- ``typst``: the ``typst`` wheel compiling ``decision_aid/templates/summary.typ`` with the summary as JSON data.

For each: the import (a fresh process, median of --runs), the first PDF in a fresh process (cold: import, fonts,
template), the warm PDF (median, same process), pages, bytes, whether ``pdfinfo`` calls it tagged, and what it adds
to an installation. Prints a table and writes build/summary_engines.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JSON_OUT = ROOT / "build" / "summary_engines.json"
EXAMPLE = "symptoms"

_QT_IMPORT = "from PySide6 import QtGui, QtPrintSupport"
_TYPST_IMPORT = "import typst"

# One PDF in a fresh process: prints {"first_ms", "warm_ms", "pages", "bytes"} as JSON. {src} is the source tree.
_RUN = r"""
import json, os, statistics, sys, time
sys.path.insert(0, {src!r})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
t0 = time.perf_counter()
from decision_aid.content import load_content
from decision_aid.examples import example_answers
from decision_aid.summary import build_summary
content = load_content({content!r})
summary = build_summary(content=content, answers=example_answers({example!r}))
ready = time.perf_counter()
{import_writer}
out = {out!r}
pages = write_pdf(summary, out)
first = (time.perf_counter() - ready) * 1000
warm = []
for _ in range({runs}):
    t = time.perf_counter(); write_pdf(summary, out); warm.append((time.perf_counter() - t) * 1000)
print(json.dumps({{"first_ms": first, "warm_ms": statistics.median(warm), "pages": pages,
                  "bytes": os.path.getsize(out)}}))
"""
_WRITERS = {
    "qt": "from decision_aid.ui.summary_pdf import ensure_gui_application, write_pdf\nensure_gui_application()",
    "typst": "from decision_aid.summary.typeset import write_pdf",
}


def import_ms(statement: str, runs: int) -> float:
    """The import alone: a fresh process with and without it, the difference of medians."""
    def timed(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return (time.perf_counter() - t) * 1000

    with_it, without = [], []
    for _ in range(runs):
        with_it.append(timed(statement))
        without.append(timed("pass"))
    return max(0.0, statistics.median(with_it) - statistics.median(without))


def tagged(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    line = next((ln for ln in info.splitlines() if ln.startswith("Tagged:")), "Tagged: ?")
    return line.split(":", 1)[1].strip()


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def qt_source(rev: str, tmp: Path) -> Path | None:
    """The source tree at ``rev`` (git archive), or None when the revision is not there."""
    probe = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{rev}:decision_aid/ui/summary_pdf.py"],
                           capture_output=True)
    if probe.returncode:
        return None
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "decision_aid"], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive, check=True)
    text = (tmp / "decision_aid/ui/summary_pdf.py").read_text()
    return tmp if "QPdfWriter" in text else None


def measure(engine: str, src: Path, runs: int, tmp: Path) -> dict:
    out = tmp / f"{engine}.pdf"
    code = _RUN.format(src=str(src), content=str(ROOT / "content"), example=EXAMPLE, import_writer=_WRITERS[engine],
                       out=str(out), runs=runs)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp)
    if result.returncode:
        raise SystemExit(f"bench: the {engine} engine failed:\n{result.stderr[-2000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["tagged"] = tagged(out)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--qt-rev", default="009b2ab", help="a revision whose summary PDF is Qt's (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "qt-src").mkdir()
        qt_tree = qt_source(args.qt_rev, tmp / "qt-src")
        if qt_tree is not None:
            results["qt"] = measure("qt", qt_tree, args.runs, tmp)
            results["qt"]["import_ms"] = import_ms(_QT_IMPORT, args.runs)
            results["qt"]["adds_mb"] = 0.0  # QtGui and QtPrintSupport are in the bundle for the wizard anyway
        import typst

        results["typst"] = measure("typst", ROOT, args.runs, tmp)
        results["typst"]["import_ms"] = import_ms(_TYPST_IMPORT, args.runs)
        results["typst"]["adds_mb"] = folder_mb(Path(typst.__file__).parent)
        results["typst"]["version"] = getattr(typst, "__version__", "")
    JSON_OUT.parent.mkdir(parents=True, exist_ok=True)
    JSON_OUT.write_text(json.dumps(results, indent=2) + "\n")
    print(f"{'engine':8} {'import':>8} {'1st PDF':>9} {'warm PDF':>9} {'pages':>6} {'KB':>6} {'tagged':>7} {'adds':>8}")
    for name, f in results.items():
        print(f"{name:8} {f['import_ms']:6.0f}ms {f['first_ms']:7.0f}ms {f['warm_ms']:7.1f}ms {f['pages']:6d} "
              f"{f['bytes'] / 1024:6.0f} {f['tagged']:>7} {f['adds_mb']:6.1f}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
