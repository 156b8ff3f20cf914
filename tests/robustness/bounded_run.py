"""Run ``eqlens`` in a child process with a hard memory ceiling, and report its peak memory.

The hostile-input tests need three things a plain ``subprocess.run`` of the command does not
give: a ceiling so a runaway input fails the test instead of swapping the machine, the child's
own peak resident memory (``VmHWM``; ``getrusage`` of a child forked from a large pytest process
counts the parent's pages), and a wall-clock guard so a hang fails with the input's name.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADDRESS_SPACE_CEILING = 3 * 1024 ** 3
"""Virtual memory the child may map; Python with PyMuPDF maps ~0.5 GB before reading anything."""

HANG_SECONDS = 90.0
"""A hang guard, not a speed target: the slowest case (a 2,000-page PDF) finishes in ~2 s."""

_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ceiling}, {ceiling}))
from reader.cli import main
try:
    code = main(sys.argv[2:])
finally:
    status = open("/proc/self/status").read()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    open(sys.argv[1], "w").write(peak)
sys.exit(code)
"""


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_eqlens(args: list[str], *, cwd: Path, env: dict[str, str]) -> Run:
    """``eqlens ARGS`` in a fresh interpreter, bounded in memory and time."""
    with tempfile.NamedTemporaryFile(suffix=".peak", delete=False) as peak_file:
        peak_path = Path(peak_file.name)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD.format(ceiling=ADDRESS_SPACE_CEILING), str(peak_path),
             *args], cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True,
            timeout=HANG_SECONDS)
        text = peak_path.read_text()
        peak = int(text) / 1024 if text else float("nan")
    finally:
        peak_path.unlink(missing_ok=True)
    return Run(done.returncode, done.stdout, done.stderr, peak)
