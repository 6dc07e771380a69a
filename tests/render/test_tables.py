"""The few platypus tables: user text escaped, and platypus imported only when a table is needed."""


from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import write
from worksheet.render.tables import esc


def test_a_plain_worksheet_is_built_without_platypus(project: Path) -> None:
    """Platypus (Paragraph, Table) is imported only for tables: a tenth of a second at start-up."""
    write(project, "w.yaml", "title: Plain\nexercises:\n  - name: Pelvic tilt\n    reps: 3\n    caution: Stop if it hurts.\n")
    code = (
        "import sys\nfrom worksheet.cli import cli\n"
        "try:\n    cli(['build', 'w.yaml', '-o', 'out', '-q'], prog_name='worksheet')\nexcept SystemExit:\n    pass\n"
        "sys.stdout.write('\\n' + str(sorted(m for m in sys.modules if m.startswith('reportlab.platypus'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=True).stdout
    assert (project / "out" / "w.pdf").exists()
    assert out.splitlines()[-1] == "[]", out


def test_esc_turns_markup_into_text() -> None:
    assert esc("<b>bold</b> & <img src=x>") == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;"
