"""The reader's pure helpers load without Textual; the command line loads it only to run."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("textual", "torch", "sklearn", "sympy", "fitz")


def loaded_after(code: str) -> list[str]:
    probe = (f"{code}\nimport json, sys\n"
             f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def test_pure_helpers_import_no_textual() -> None:
    assert loaded_after("import reader.tui, reader.tui.reading, reader.tui.inline_math, "
                        "reader.tui.drawing, reader.tui.demo_process, reader.tui.note_text, "
                        "reader.notes") == []


def test_the_app_imports_textual_but_nothing_heavy() -> None:
    assert loaded_after("from reader.tui import EqlensApp") == ["textual"]
