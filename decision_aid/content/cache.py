"""The bundle's pre-read content: the model as the bundle build read it, used only while the files are unchanged.

Reading and checking the content (YAML, Markdown) costs about a tenth of a second at every start. The bundle build
(build/decision_aid.spec) reads it once and stores the model beside it as ``content.model``. A frozen app
fingerprints the content folder it is asked to load; when the fingerprint matches, the stored model is returned,
and otherwise the folder is read as ever (and refused when it has errors). Only a frozen app uses the file: there,
the code that stored the model is the code that reads it, so the two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from .fingerprint import fingerprint
from .model import Content

CACHE_FILE = "content.model"
FORMAT = 2  # 2: pages keep their Markdown; their HTML is rendered before the model is stored


def write_model(content: Content, path: str | Path) -> None:
    """Store a loaded (so valid) content model for a frozen app."""
    import pickle

    for page in content.pages.values():  # rendered now, so that the frozen app never needs Markdown
        page.html, page.text  # noqa: B018 (cached on first read)
    data = {"format": FORMAT, "fingerprint": content.fingerprint, "content": content}
    Path(path).write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def stored_model(root: str | Path) -> Content | None:
    """The stored model when this is a frozen app that has one for exactly these files; else None."""
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is None:
        return None
    import pickle  # only a frozen app gets here: a start from the checkout never needs it

    path = Path(bundle_root) / CACHE_FILE
    try:
        data = pickle.loads(path.read_bytes())  # noqa: S301 - written by the build into the bundle, beside the code
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("content"), Content):
        return None
    if fingerprint(Path(root)) != data["fingerprint"]:
        return None
    return dataclasses.replace(data["content"], root=Path(root))
