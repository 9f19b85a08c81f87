"""The core (content, answers, tailoring, the session) must import and work with PySide6 absent."""

import subprocess
import sys
import textwrap
from pathlib import Path

FIXTURE_CONTENT = Path(__file__).resolve().parent.parent / "fixtures" / "content"


def test_core_imports_and_runs_without_qt():
    code = textwrap.dedent(f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6'):
                    raise ImportError('Qt is blocked in this test: ' + name)
        sys.meta_path.insert(0, Block())
        from decision_aid.content import load_content
        from decision_aid.content.checker import check_content
        from decision_aid.answers import Answers
        from decision_aid.tailoring import tailor
        import decision_aid.cli
        content = load_content({str(FIXTURE_CONTENT)!r})
        assert check_content({str(FIXTURE_CONTENT)!r}).ok
        view = tailor(content, Answers())
        assert view.options[0].id == 'medicines_only'
        from decision_aid.session import Session
        s = Session(content=content)
        s.set_situation(key='breast_symptoms', value='none')
        s.set_situation(key='distant_response', value='growing')
        assert s.view.lead.id == 'note-growing'
        assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
        print('ok')
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
