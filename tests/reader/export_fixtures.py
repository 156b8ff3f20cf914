"""The sample paper, annotated once, and hand-made notes, shared by the export tests."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

from reader.commands import load_paper
from reader.model import AnnotatedEquation, AnnotatedPaper
from reader.notes.model import Anchor, Note
from reader.pipeline import annotate

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "reader" / "sample" / "sample.tex"

NOTE_TEXT = "Why squared? Big misses cost a lot.\nSee $\\|x\\|^2$ and <script>alert(1)</script>."
SYMBOL_NOTE_TEXT = "Here σ is the sigmoid, not a spread."


@cache
def sample() -> AnnotatedPaper:
    return annotate(load_paper(str(SAMPLE)))


def by_label(label: str) -> AnnotatedEquation:
    return next(item for item in sample().equations if item.equation.label == label)


def sample_notes() -> dict[str, list[Note]]:
    """Two notes on the DDPM loss (one edited) and one about σ on the BCE loss."""
    ddpm = by_label("eq:ddpm-loss").equation
    bce = by_label("eq:bce").equation
    return {
        ddpm.id: [
            Note("n1", Anchor(ddpm.id, ddpm.label, ddpm.number, ddpm.latex), "Ada",
                 "2026-11-21T14:03:00Z", NOTE_TEXT, updated="2026-11-22T09:10:00Z"),
            Note("n2", Anchor(ddpm.id, ddpm.label, ddpm.number, ddpm.latex), "Grace",
                 "2026-11-21T15:00:00Z", "Compare with (8)."),
        ],
        bce.id: [Note("n3", Anchor(bce.id, bce.label, bce.number, bce.latex, r"\sigma"),
                      "Linus", "2026-11-20T08:00:00Z", SYMBOL_NOTE_TEXT)],
    }


def orphan_notes() -> list[Note]:
    return [Note("n4", Anchor("eq-999", "eq:gone", "99", r"a^2 + b^2 = c^2"), "Ada",
                 "2026-11-19T10:00:00Z", "The equation this was on is gone.")]


def eqlens(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it."""
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True,
                          text=True, timeout=180, cwd=cwd or ROOT)
