"""The notes sidecar: format, atomic saves, refusing unreadable files, re-anchoring, authors."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from reader.model import Equation, Paper
from reader.notes import (
    Anchor,
    Note,
    NoteBook,
    NotesError,
    UnreadableNotesError,
    anchor_for,
    attach,
    load_notes,
    note_author,
    sidecar_path,
)
from reader.notes import author as author_module
from reader.notes import notebook as notebook_module
from reader.notes.sidecar_format import PaperInfo, encode
from reader.sources.latex import load_latex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notes"
INFO = PaperInfo("A paper", "2006.11239")
ANCHOR = Anchor("eq-3", label="eq:kl", number="3", latex=r"\mathrm{KL}(q \| p)")


def note(note_id: str, created: str, text: str = "x") -> Note:
    return Note(id=note_id, anchor=ANCHOR, author="ada", created=created, text=text)


def book(tmp_path: Path) -> NoteBook:
    return NoteBook.at(tmp_path / "paper.eqlens.json", INFO)


def note_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if '"id"' in line]


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    notebook = book(tmp_path)
    first = notebook.add(ANCHOR, "Two lines:\nthe *KL* is $\\ge 0$ — «always»", author="Ada L")
    second = notebook.add(Anchor("eq-1", latex="x", symbol=r"\sigma"), "on σ", author="Bo")
    edited = notebook.edit(first.id, "now edited")
    assert edited.updated and edited.created == first.created
    again = book(tmp_path)
    assert set(again.notes) == {edited, second}
    data = json.loads(notebook.path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("eqlens-notes", 1)
    assert data["paper"] == {"title": "A paper", "arxiv_id": "2006.11239"}
    assert list(data["notes"][0]) == ["id", "anchor", "author", "created", "updated", "text"]
    assert list(data["notes"][0]["anchor"]) == ["equation_id", "label", "number", "latex",
                                                "symbol"]
    assert len(note_lines(notebook.path)) == 2  # one note per line, newlines escaped


def test_editing_one_note_leaves_the_others_byte_for_byte(tmp_path: Path) -> None:
    notebook = book(tmp_path)
    for i in range(4):
        notebook.add(ANCHOR, f"note {i}", author="ada")
    before = note_lines(notebook.path)
    target = notebook.notes[2].id
    notebook.edit(target, "changed")
    after = note_lines(notebook.path)
    changed = [i for i, (old, new) in enumerate(zip(before, after, strict=True)) if old != new]
    assert changed == [2] and target in after[2]
    notebook.delete(notebook.notes[3].id)
    assert note_lines(notebook.path) == after[:3]


def test_order_is_by_creation_time_then_id_whatever_the_history(tmp_path: Path) -> None:
    notes = [note("b", "2026-01-02T00:00:00Z"), note("c", "2026-01-01T00:00:00Z"),
             note("a", "2026-01-02T00:00:00Z")]
    text = encode(INFO, notes)
    assert text == encode(INFO, reversed(notes))
    assert [json.loads(line.lstrip(" ,"))["id"] for line in text.splitlines()
            if '"id"' in line] == ["c", "a", "b"]
    path = tmp_path / "x.eqlens.json"
    path.write_text(text, encoding="utf-8")
    assert [n.id for n in load_notes(path)] == ["c", "a", "b"]


def test_the_same_note_twice_after_a_union_merge_keeps_the_newer(tmp_path: Path) -> None:
    old = note("a", "2026-01-01T00:00:00Z", "old")
    new = Note(id="a", anchor=ANCHOR, author="ada", created=old.created, text="new",
               updated="2026-01-03T00:00:00Z")
    path = tmp_path / "x.eqlens.json"
    path.write_text(encode(INFO, [new]).replace('"new"}', '"new"}\n  , ' + json.dumps(
        {"id": "a", "anchor": {"equation_id": "eq-3"}, "author": "ada",
         "created": old.created, "text": "old"})), encoding="utf-8")
    assert load_notes(path) == (new,)


BROKEN = {
    "bad json": b'{"format": "eqlens-notes", "version": 1, "notes": [\n',
    "not an object": b"[]",
    "other format": b'{"format": "something-else", "version": 1, "notes": []}',
    "notes not a list": b'{"format": "eqlens-notes", "version": 1, "notes": {}}',
    "malformed note": b'{"format": "eqlens-notes", "version": 1, "notes": [{"id": "a"}]}',
    "wrong type": (b'{"format": "eqlens-notes", "version": 1, "notes": [{"id": "a", "anchor": '
                   b'{"equation_id": "eq-1"}, "author": 3, "created": "t", "text": "x"}]}'),
    "not utf-8": b'{"format": "eqlens-notes", "version": 1, "notes": []}\xff\xfe',
    "newer version": b'{"format": "eqlens-notes", "version": 2, "notes": []}',
    "nonsense version": b'{"format": "eqlens-notes", "version": "1", "notes": []}',
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_an_unreadable_sidecar_is_reported_and_never_overwritten(
        tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "paper.eqlens.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableNotesError) as raised:
        load_notes(path)
    message = raised.value.message
    assert str(path) in message and "\n" not in message
    notebook = book(tmp_path)
    assert notebook.read_only and notebook.problem is not None and notebook.notes == ()
    with pytest.raises(NotesError):
        notebook.add(ANCHOR, "must not be written")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.eqlens.json"]


def test_newer_version_says_so(tmp_path: Path) -> None:
    path = tmp_path / "paper.eqlens.json"
    path.write_text('{"format": "eqlens-notes", "version": 7, "notes": []}', encoding="utf-8")
    with pytest.raises(UnreadableNotesError, match="newer eqlens"):
        load_notes(path)


def test_a_file_spoilt_while_open_is_not_overwritten(tmp_path: Path) -> None:
    notebook = book(tmp_path)
    notebook.add(ANCHOR, "first")
    notebook.path.write_text("garbage", encoding="utf-8")
    with pytest.raises(UnreadableNotesError):
        notebook.add(ANCHOR, "second")
    assert notebook.path.read_text(encoding="utf-8") == "garbage" and notebook.read_only


def test_saves_leave_no_temporary_files_and_keep_notes_of_others(tmp_path: Path) -> None:
    mine, theirs = book(tmp_path), book(tmp_path)  # two readers of the same paper
    kept = theirs.add(ANCHOR, "theirs")
    for i in range(5):
        mine.add(ANCHOR, f"mine {i}")
    assert kept in mine.notes and len(mine.notes) == 6
    assert [p.name for p in tmp_path.iterdir()] == ["paper.eqlens.json"]


def test_leftovers_of_a_killed_writer_are_swept_once_stale(tmp_path: Path) -> None:
    stale, fresh = (tmp_path / f".paper.eqlens.json.{n}.tmp" for n in ("dead", "busy"))
    for leftover in (stale, fresh):
        leftover.write_text("{half a")
    os.utime(stale, (time.time() - 3600,) * 2)
    book(tmp_path).add(ANCHOR, "note")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "paper.eqlens.json"]


def test_a_folder_that_refuses_writes_is_one_line(tmp_path: Path) -> None:
    notebook = NoteBook.at(tmp_path / "missing-folder" / "x.eqlens.json", INFO)
    with pytest.raises(NotesError, match="cannot save notes to"):
        notebook.add(ANCHOR, "lost")
    assert notebook.notes == ()


def test_two_readers_adding_notes_merge_cleanly_in_git(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``merge=union`` two branches that each add a note merge into a readable file."""
    minutes = iter(range(10, 60))
    monkeypatch.setattr(notebook_module, "now", lambda: f"2026-01-01T00:{next(minutes)}:00Z")

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                       cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    (tmp_path / ".gitattributes").write_text("*.eqlens.json merge=union\n")
    book(tmp_path).add(ANCHOR, "shared", author="ada")
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "bo")
    book(tmp_path).add(ANCHOR, "bo's note", author="bo")
    git("commit", "-qam", "bo")
    git("checkout", "-q", "main")
    book(tmp_path).add(ANCHOR, "cy's note", author="cy")
    git("commit", "-qam", "cy")
    git("merge", "-q", "--no-edit", "bo")
    merged = load_notes(tmp_path / "paper.eqlens.json")
    assert sorted(n.text for n in merged) == ["bo's note", "cy's note", "shared"]


def paper_at(path: str) -> Paper:
    return Paper(title="t", source="latex", path=path, equations=())


@pytest.mark.parametrize(("opened", "sidecar"), [
    ("papers/paper.pdf", "papers/paper.eqlens.json"),
    ("papers/main.tex", "papers/main.eqlens.json"),
    ("papers/x.tar.gz", "papers/x.eqlens.json"),
    ("papers/2006.11239", "papers/2006.11239.eqlens.json"),
    ("papers/2006.11239v2.tar", "papers/2006.11239v2.eqlens.json"),
])
def test_the_sidecar_sits_beside_the_paper(tmp_path: Path, opened: str, sidecar: str) -> None:
    assert sidecar_path(paper_at(str(tmp_path / opened))) == tmp_path / sidecar


def test_a_folder_gets_its_sidecar_beside_it(tmp_path: Path) -> None:
    (tmp_path / "paper.v2").mkdir()
    assert sidecar_path(paper_at(f"{tmp_path}/paper.v2/")) == tmp_path / "paper.v2.eqlens.json"


def test_notes_find_their_equations_in_a_renumbered_version() -> None:
    v1, v2 = (load_latex(FIXTURES / name) for name in ("v1.tex", "v2.tex"))
    notes = [Note(id=f"n{e.id}", anchor=anchor_for(e), author="ada",
                  created="2026-01-01T00:00:00Z", text=e.id) for e in v1.equations]
    same = attach(notes, v1)
    assert not same.orphans and {k: [n.text for n in v] for k, v in same.by_equation.items()} \
        == {e.id: [e.id] for e in v1.equations}
    moved = attach(notes, v2)
    where = {n.text: equation_id for equation_id, ns in moved.by_equation.items() for n in ns}
    assert where == {
        "eq-1": "eq-3",  # eq:mse moved from (1) to (3): by label
        "eq-2": "eq-4",  # unlabelled p(x), only its spacing changed: by LaTeX
        "eq-3": "eq-2",  # eq:kl gained "+ c": by label
        "eq-5": "eq-5",  # unlabelled, retouched, still (5): by number
    }
    assert [n.text for n in moved.orphans] == ["eq-4"]  # eq:reparam is gone: kept as orphan


def test_unnumbered_equations_fall_back_to_their_id() -> None:
    old = Equation("eq-2", r"x = 1", True)
    new = Paper(title="t", source="latex", path="t.tex",
                equations=(Equation("eq-1", "a", False), Equation("eq-2", r"x = 2", True)))
    found = attach([Note("n", anchor_for(old), "ada", "2026-01-01T00:00:00Z", "t")], new)
    assert list(found.by_equation) == ["eq-2"] and not found.orphans


def test_author_comes_from_eqlens_author_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EQLENS_AUTHOR", "  Ada   Lovelace ")
    assert note_author() == "Ada Lovelace"


def test_author_falls_back_to_git_then_login(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Grace Hopper\n")
    monkeypatch.delenv("EQLENS_AUTHOR", raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    assert note_author() == "Grace Hopper"
    monkeypatch.setattr(author_module, "_git_user_name", lambda: "")
    monkeypatch.setattr(author_module.getpass, "getuser", lambda: "ghopper")
    assert note_author() == "ghopper"
    monkeypatch.setattr(author_module, "_login_name", lambda: "")
    assert note_author() == "anonymous"
