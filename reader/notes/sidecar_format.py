"""The sidecar's text: a JSON object with one note per line, laid out for git.

Example (what :func:`encode` writes)::

    {
      "format": "eqlens-notes",
      "version": 1,
      "paper": {"title": "Denoising Diffusion", "arxiv_id": "2006.11239"},
      "notes": [
        {"id": "3f9c0a1b2c4d", "anchor": {"equation_id": "eq-7", ...}, "author": "ada", ...}
      , {"id": "8e21d07f6a9b", "anchor": {...}, "author": "bo", ...}
      ]
    }

Why this layout: every note is one line of fixed key order, and notes are ordered by creation
time then id, so saving after editing one note leaves every other line byte-for-byte as it was.
The comma sits at the *start* of a line, so adding a note only adds a line: with
``*.eqlens.json merge=union`` in ``.gitattributes`` two people's new notes merge into valid JSON
(the same note edited on both sides then appears twice; :func:`decode` keeps the newer one).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.notes.errors import UnreadableNotesError
from reader.notes.model import Anchor, Note

FORMAT = "eqlens-notes"
VERSION = 1
"""The newest format this eqlens reads and the one it writes; a newer file is read-only."""


@dataclass(frozen=True, slots=True)
class PaperInfo:
    """Which paper the notes are about, written in the header for people reading the file."""

    title: str
    arxiv_id: str | None = None


def ordered(notes: Iterable[Note]) -> tuple[Note, ...]:
    """Notes in file order: oldest first, ties by id, so the order never depends on history."""
    return tuple(sorted(notes, key=lambda note: (note.created, note.id)))


def encode(info: PaperInfo, notes: Iterable[Note]) -> str:
    """The whole sidecar text (ends with a newline)."""
    paper = _line({"title": info.title, "arxiv_id": info.arxiv_id})
    lines = ["{", f'  "format": "{FORMAT}",', f'  "version": {VERSION},',
             f'  "paper": {paper},', '  "notes": [']
    for index, note in enumerate(ordered(notes)):
        lines.append(("    " if index == 0 else "  , ") + _line(record(note)))
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def record(note: Note) -> dict[str, Any]:
    """A note as its JSON object, keys in the order the file promises."""
    anchor = note.anchor
    return {"id": note.id,
            "anchor": {"equation_id": anchor.equation_id, "label": anchor.label,
                       "number": anchor.number, "latex": anchor.latex, "symbol": anchor.symbol},
            "author": note.author, "created": note.created, "updated": note.updated,
            "text": note.text}


def _line(value: object) -> str:
    """One line of JSON: newlines inside strings are escaped, Unicode is kept readable."""
    return json.dumps(value, ensure_ascii=False)


def decode(text: str, path: Path) -> tuple[Note, ...]:
    """The notes in a sidecar's text; UnreadableNotesError naming ``path`` when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise _unreadable(path, f"bad JSON at line {err.lineno}") from None
    except RecursionError:
        raise _unreadable(path, "nested too deeply") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _unreadable(path, f'no "format": "{FORMAT}" header')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _unreadable(path, f"bad format version {version!r}")
    if version > VERSION:
        raise UnreadableNotesError(
            f"{path}: written by a newer eqlens (notes format {version}, this one reads "
            f"{VERSION}); notes are read-only and the file is left as it is.")
    records = data.get("notes")
    if not isinstance(records, list):
        raise _unreadable(path, '"notes" is not a list')
    notes: dict[str, Note] = {}
    for position, item in enumerate(records, start=1):
        note = _note(item)
        if note is None:
            raise _unreadable(path, f"note {position} is malformed")
        kept = notes.get(note.id)
        if kept is None or _last_touched(note) >= _last_touched(kept):
            notes[note.id] = note
    return ordered(notes.values())


def _last_touched(note: Note) -> str:
    return note.updated or note.created


def _unreadable(path: Path, reason: str) -> UnreadableNotesError:
    return UnreadableNotesError(f"{path}: not a readable eqlens notes file ({reason}); notes are "
                                "read-only and the file is left as it is.")


def _note(item: object) -> Note | None:
    """A note from its JSON object, or None when a field is missing or of the wrong type."""
    if not isinstance(item, dict) or not isinstance(item.get("anchor"), dict):
        return None
    anchor = item["anchor"]
    strings = (item.get("id"), item.get("author"), item.get("created"), item.get("text"),
               anchor.get("equation_id"), anchor.get("latex", ""))
    optional = (item.get("updated"), anchor.get("label"), anchor.get("number"),
                anchor.get("symbol"))
    if not all(isinstance(s, str) for s in strings) or not item["id"]:
        return None
    if not all(o is None or isinstance(o, str) for o in optional):
        return None
    return Note(id=item["id"], author=item["author"], created=item["created"],
                updated=item.get("updated"), text=item["text"],
                anchor=Anchor(equation_id=anchor["equation_id"], label=anchor.get("label"),
                              number=anchor.get("number"), latex=anchor.get("latex", ""),
                              symbol=anchor.get("symbol")))
