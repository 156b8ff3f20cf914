"""Where a paper's notes live and how they are read and written.

The sidecar sits beside what the user opened, named after it, so it travels with the paper (and
can be committed with it): ``paper.pdf`` → ``paper.eqlens.json``, ``main.tex`` →
``main.eqlens.json``, a folder ``paper/`` → ``paper.eqlens.json`` next to the folder, an e-print
``2006.11239.tar.gz`` → ``2006.11239.eqlens.json``. An arXiv download is opened from its cached
file, so the same rule keeps its notes in the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.atomic_files import write_atomic
from reader.model import Paper
from reader.notes.errors import NotesError, UnreadableNotesError
from reader.notes.model import Note
from reader.notes.sidecar_format import PaperInfo, decode, encode, ordered

SUFFIX = ".eqlens.json"
_PAPER_SUFFIXES = (".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tar", ".gz", ".zip", ".tex",
                   ".ltx", ".pdf")
"""Endings that say what kind of file a paper is, dropped from the sidecar's name. Others are
kept: ``2006.11239`` (an e-print saved without an ending) must not lose its ``.11239``."""


def sidecar_path(paper: Paper) -> Path:
    """The sidecar of the paper at ``paper.path`` (which need not exist yet)."""
    source = Path(os.path.abspath(os.path.expanduser(paper.path)))
    name = source.name
    if not source.is_dir():
        for ending in _PAPER_SUFFIXES:
            if name.lower().endswith(ending) and len(name) > len(ending):
                name = name[: -len(ending)]
                break
    return source.with_name(name + SUFFIX)


def paper_info(paper: Paper) -> PaperInfo:
    """The header a sidecar of ``paper`` carries."""
    return PaperInfo(paper.title, paper.arxiv_id)


def load_notes(path: Path) -> tuple[Note, ...]:
    """The notes saved at ``path``: none when there is no file yet.

    UnreadableNotesError (naming the file) when it exists but is not a sidecar this eqlens can
    read; callers must then leave it alone.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ()
    except OSError as err:
        raise UnreadableNotesError(f"{path}: cannot read the notes ({err.strerror}); notes are "
                                   "read-only and the file is left as it is.") from None
    try:
        text = data.decode("utf-8-sig")  # a BOM from a Windows editor is harmless
    except UnicodeDecodeError:
        raise UnreadableNotesError(f"{path}: not a readable eqlens notes file (not UTF-8); notes "
                                   "are read-only and the file is left as it is.") from None
    return decode(text, path)


def update_notes(path: Path, info: PaperInfo,
                 change: Callable[[tuple[Note, ...]], Iterable[Note]]) -> tuple[Note, ...]:
    """Apply ``change`` to the notes on disk now and save the result atomically.

    Reading right before writing means a note another reader saved meanwhile (a second eqlens
    on the same paper) is kept, and a file that has become unreadable is refused, never
    overwritten (UnreadableNotesError). NotesError when the folder refuses the write.
    """
    notes = ordered(change(load_notes(path)))
    try:
        write_atomic(path, encode(info, notes))
    except OSError as err:
        raise NotesError(f"cannot save notes to {path}: {err.strerror or err}") from None
    return notes
