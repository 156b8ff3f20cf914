"""A note written in the reader reaches every export: Markdown, HTML and JSON.

The reading-group workflow end to end: press n on an equation, save, quit; then
``eqlens annotate`` in each format shows the note under that equation.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.tui import EqlensApp
from tests.tui.conftest import ROOT, WaitForWorkers
from tests.tui.test_notes_ui import write

NOTE = "Ask the group why the log turns the product into a sum"


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EQLENS_AUTHOR", "Grace Reader")
    copy = tmp_path / "paper"
    shutil.copytree(ROOT / "reader" / "sample", copy)
    return copy / "sample.tex"


async def test_a_note_from_the_reader_appears_in_md_html_and_json(
        paper: Path, wait_for_workers: WaitForWorkers, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("j", "n")
        await write(pilot, NOTE)
    capsys.readouterr()

    assert main(["annotate", str(paper), "--format", "json", "-o", str(tmp_path / "a.json")]) == 0
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    noted = [e for e in data["equations"] if e["notes"]]
    assert [e["number"] for e in noted] == ["1"]
    assert noted[0]["notes"][0]["text"] == NOTE
    assert noted[0]["notes"][0]["author"] == "Grace Reader"

    assert main(["annotate", str(paper), "--only-notes", "-o", str(tmp_path / "a.md")]) == 0
    markdown = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert NOTE in markdown and "Grace Reader" in markdown
    assert markdown.count("$$") == 2, "only the noted equation is listed with --only-notes"

    assert main(["annotate", str(paper), "--format", "html", "-o", str(tmp_path / "a.html")]) == 0
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert NOTE in page and "Grace Reader" in page
