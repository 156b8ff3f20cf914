"""Every hostile input, through the real command: a clear message, the right exit, no harm.

Each case of :data:`tests.robustness.hostile_inputs.HOSTILE` runs ``eqlens annotate`` in a fresh
process with its own home, cache and temporary folder inside the test's folder, under a memory
ceiling and a hang guard. The test then checks what a user (and their disk) would notice: the
exit code, one ``eqlens:`` line and no traceback on failure, the warning that explains a skip,
the secret planted outside the paper never printed, nothing left behind anywhere (unpacked
archives cleaned up, no file written beside the paper), and peak memory within bounds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.bounded_run import run_eqlens
from tests.robustness.hostile_inputs import HOSTILE, SECRET, Hostile

PEAK_MEMORY_MB = 200
"""A sound paper of the corpus peaks at ~50 MB; a hostile one must not cost four times that."""


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` with its size and mtime (a folder's own mtime moves when a
    temporary file is made and removed inside it, so folders count by name only)."""
    return {str(p.relative_to(root)): (0, 0) if p.is_dir() else (p.lstat().st_size,
                                                                   p.lstat().st_mtime_ns)
            for p in root.rglob("*")}


@pytest.mark.slow
@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_input_fails_cleanly_or_is_read_safely(case: Hostile, tmp_path: Path) -> None:
    paper_root = tmp_path / "input"
    paper_root.mkdir()
    target = case.build(paper_root)
    home, temp, cwd = tmp_path / "home", tmp_path / "tmp", tmp_path / "cwd"
    for folder in (home, temp, cwd):
        folder.mkdir()
    before = _files(tmp_path)

    run = run_eqlens(["annotate", str(target), "--format", "text"], cwd=cwd, env={
        "HOME": str(home), "TMPDIR": str(temp), "EQLENS_CACHE_DIR": str(home / "cache"),
        "XDG_CACHE_HOME": str(home / ".cache")})

    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == case.exit_code, run.stderr
    if case.exit_code:
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("eqlens: "), run.stderr
        assert run.stdout == ""
    said = (run.stderr + run.stdout).lower()
    for words in case.says:
        assert words in said, said[:300] + " ... " + said[-300:]
    assert SECRET not in run.stdout + run.stderr
    assert "root:x:0:0" not in run.stdout
    assert _files(tmp_path) == before  # nothing written, every unpacked file removed
    assert run.peak_mb < PEAK_MEMORY_MB


def test_the_sound_paper_of_the_cases_reads_without_warnings(tmp_path: Path) -> None:
    """The control: the harness itself passes a good paper, so each refusal above is real."""
    from tests.robustness.hostile_inputs import _tarball

    target = _tarball("good.tar.gz", [])(tmp_path)
    run = run_eqlens(["annotate", str(target), "--format", "text"], cwd=tmp_path, env={})
    assert run.returncode == 0 and run.stderr == ""
    assert "y = wx + b" in run.stdout
