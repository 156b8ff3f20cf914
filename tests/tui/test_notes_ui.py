"""Notes in the reader: n writes one, the inspector and outline show it, e edits, delete asks.

Every test reads a temporary copy of the sample paper, so the repository's sample folder never
gets a sidecar; EQLENS_AUTHOR fixes the author.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Markdown, TextArea

from reader.notes.model import Anchor, Note
from reader.notes.sidecar_format import PaperInfo, encode
from reader.tui import EqlensApp
from reader.tui.dialogs import ConfirmDialog, NoteEditor, OrphanNotes
from reader.tui.screens import ReaderScreen
from reader.tui.widgets import Outline
from reader.tui.widgets.notes_list import NoteItem
from tests.tui.conftest import ROOT, WaitForWorkers, run_palette
from tests.tui.screen_text import shown

AUTHOR = "Ada Tester"


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the sample paper; its sidecar will be ``sample.eqlens.json``."""
    monkeypatch.setenv("EQLENS_AUTHOR", AUTHOR)
    copy = tmp_path / "paper"
    shutil.copytree(ROOT / "reader" / "sample", copy)
    return copy / "sample.tex"


def sidecar(paper: Path) -> Path:
    return paper.with_name("sample.eqlens.json")


def saved(paper: Path) -> list[dict]:
    return json.loads(sidecar(paper).read_text(encoding="utf-8"))["notes"]


def items(screen: ReaderScreen) -> list[NoteItem]:
    return list(screen.query_one("#notes-list").query(NoteItem))


def item_text(item: NoteItem) -> str:
    """Byline and the note as rendered (Markdown formatting gone, math as Unicode)."""
    blocks = item.query_one(Markdown).query("MarkdownBlock")
    return "\n".join([shown(item.query_one(".note-byline")), *(shown(b) for b in blocks)])


async def write(pilot: Pilot, text: str) -> None:
    """Type into the open editor (a few keys for real, the rest at once) and save."""
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*text[:3])
    pilot.app.screen.query_one(TextArea).insert(text[3:])
    await pilot.press("ctrl+s")
    await pilot.pause()


def notices(messages: list[Message]) -> list[tuple[str, str]]:
    return [(m.notification.severity, m.notification.message)
            for m in messages if isinstance(m, Notify)]


async def test_n_writes_a_note_that_the_inspector_outline_and_sidecar_show(
        paper: Path, wait_for_workers: WaitForWorkers) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        assert not screen.query_one("#notes-section").display
        await pilot.press("j", "n")
        assert "(1) eq:loglik" in shown(app.screen.query_one("#note-title"))
        await write(pilot, "Sum of **log-likelihoods**: $\\log p_\\theta(x)$ per sample")
        assert app.screen is screen and screen.query_one("#notes-section").display
        [item] = items(screen)
        text = item_text(item)
        assert AUTHOR in text and "Sum of log-likelihoods: log p_θ(x) per sample" in text
        assert "✎" in screen.query_one(Outline).get_option("eq-6").prompt.plain
        [record] = saved(paper)
        assert record["author"] == AUTHOR and record["updated"] is None
        assert record["anchor"]["label"] == "eq:loglik" and record["anchor"]["number"] == "1"
        assert record["text"].startswith("Sum of **log-likelihoods**")


async def test_e_edits_and_delete_asks_first(paper: Path,
                                             wait_for_workers: WaitForWorkers) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("j", "n")
        await write(pilot, "first draft")
        await pilot.press("e")
        area = app.screen.query_one(TextArea)
        assert area.text == "first draft"
        area.load_text("second thoughts")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [record] = saved(paper)
        assert record["text"] == "second thoughts" and record["updated"]
        assert "(edited)" in item_text(items(screen)[0])

        await pilot.click(".note-delete")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing happens
        assert len(saved(paper)) == 1
        await pilot.click(".note-delete")
        await pilot.press("y")
        await pilot.pause()
        assert saved(paper) == [] and not screen.query_one("#notes-section").display
        assert "✎" not in screen.query_one(Outline).get_option("eq-6").prompt.plain


async def test_a_click_opens_the_editor_and_escape_changes_nothing(
        paper: Path, wait_for_workers: WaitForWorkers) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("j", "n")
        await write(pilot, "keep me")
        before = sidecar(paper).read_bytes()
        await pilot.click(".note-text")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("x", "escape")
        assert app.screen is screen and sidecar(paper).read_bytes() == before


async def test_a_note_on_the_pinned_symbol_names_it(paper: Path,
                                                    wait_for_workers: WaitForWorkers) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await wait_for_workers(pilot)
        await pilot.press("g", *"ddpm-loss", "enter", "l", "enter", "n")
        assert " in (21) eq:ddpm-loss" in shown(app.screen.query_one("#note-title"))
        await write(pilot, "about this symbol")
        [record] = saved(paper)
        assert record["anchor"]["symbol"] == screen.panes.selected_view().symbols[0]["latex"]
        assert " · on " in item_text(items(screen)[0])


async def test_the_palette_adds_a_note(paper: Path, wait_for_workers: WaitForWorkers) -> None:
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_workers(pilot)
        await pilot.press("j")
        await run_palette(pilot, "add note")
        assert isinstance(app.screen, NoteEditor)


async def test_a_corrupt_sidecar_leaves_notes_read_only_and_the_file_untouched(
        paper: Path, wait_for_workers: WaitForWorkers) -> None:
    broken = b'{"format": "eqlens-notes", "version": 1, "notes": [ {"id": '
    sidecar(paper).write_bytes(broken)
    messages: list[Message] = []
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        screen = await wait_for_workers(pilot)
        [(severity, notice)] = notices(messages)
        assert severity == "error" and str(sidecar(paper)) in notice and "\n" not in notice
        await pilot.press("j", "n")
        assert app.screen is screen  # no editor: the notes are read-only
        assert len(notices(messages)) == 2
    assert sidecar(paper).read_bytes() == broken
    assert sorted(p.name for p in paper.parent.glob("*.json")) == ["sample.eqlens.json"]


async def test_notes_of_vanished_equations_are_kept_and_listed(
        paper: Path, wait_for_workers: WaitForWorkers) -> None:
    gone = Note(id="0ld", author="Bo", created="2025-01-01T00:00:00Z", text="on a cut equation",
                anchor=Anchor("eq-999", label="eq:cut", number="99", latex=r"\zeta = 0"))
    sidecar(paper).write_text(encode(PaperInfo("old"), [gone]), encoding="utf-8")
    messages: list[Message] = []
    app = EqlensApp(str(paper), quick_demos=True)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_for_workers(pilot)
        assert any("fit no equation" in text for _, text in notices(messages))
        await run_palette(pilot, "orphaned notes")
        assert isinstance(app.screen, OrphanNotes)
        [item] = app.screen.query(NoteItem)
        assert "Bo" in item_text(item) and "(99) eq:cut" in shown(item.query_one(".note-origin"))
    assert [n["id"] for n in saved(paper)] == ["0ld"]
