import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
SHIPPED_CONTENT = ROOT / "content"


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the small test bundle."""
    dest = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, dest)
    return dest


def messages(root, **kwargs):
    """Every problem check-content finds in ``root``, as the lines it prints."""
    from decision_aid.content.checker import check_content

    return [str(p) for p in check_content(root, **kwargs).problems]


def edit(path, old, new, count=1):
    """Replace ``old`` in a copied content file, failing loudly when the fixture no longer holds it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
