"""A reader killed at any instant (SIGKILL, no cleanup) never loses a note it reported saved.

A child process adds notes in a loop and prints each id once ``add`` has returned; the test kills
it at a random moment, a few times over the same sidecar, then every printed id must load.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.notes import load_notes

ROOT = Path(__file__).resolve().parents[2]
WRITER = r"""
import sys
from pathlib import Path

from reader.notes.model import Anchor
from reader.notes.notebook import NoteBook
from reader.notes.sidecar_format import PaperInfo

book = NoteBook.at(Path(sys.argv[1]), PaperInfo("crash test"))
anchor = Anchor("eq-1", label="eq:one", number="1", latex=r"\|y - \hat{y}\|^2")
while True:
    note = book.add(anchor, "a note long enough to take a moment to write " * 8, author="k")
    print(note.id, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_note_reported_saved_survives_sigkill(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    chance = random.Random(seed)
    sidecar = tmp_path / "paper.eqlens.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    saved: set[str] = set()
    for _ in range(5):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(sidecar)], cwd=tmp_path,
                                 env=env, stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        for _ in range(chance.randint(1, 25)):
            line = child.stdout.readline()
            assert line, f"the writer stopped on its own (seed {seed})"
            saved.add(line.strip())
        time.sleep(chance.uniform(0, 0.01))  # land anywhere inside the next save
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=10)
        saved.update(rest.split())  # printed before the kill: saved as well
        assert child.returncode == -signal.SIGKILL
        loaded = {note.id for note in load_notes(sidecar)}
        assert saved <= loaded, f"lost {sorted(saved - loaded)} (seed {seed})"
