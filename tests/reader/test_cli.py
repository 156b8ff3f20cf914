"""The eqlens command as a user runs it: real subprocesses, real exit codes and output."""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "reader" / "sample" / "sample.tex"


def eqlens(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader.cli", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd or ROOT)


def test_annotate_json_follows_the_schema() -> None:
    result = eqlens("annotate", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["paper"]["source"] == "latex"
    assert data["paper"]["title"].startswith("A Field Guide")
    keys = {"id", "number", "label", "latex", "display", "page", "section", "file", "line",
            "parsed", "error", "context_before", "context_after", "patterns", "symbols"}
    for eq in data["equations"]:
        assert keys <= set(eq)
    display = [e for e in data["equations"] if e["display"]]
    assert all(e["parsed"] for e in display)
    ddpm = next(e for e in display if e["label"] == "eq:ddpm-loss")
    hit = next(p for p in ddpm["patterns"] if p["id"] == "squared_error")
    assert hit["bindings"]["target"] == r"\bm{\epsilon}"
    start, end = hit["span"]
    assert ddpm["latex"][start:end].startswith(r"\left\lVert")


def test_annotate_writes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "paper.json"
    result = eqlens("annotate", str(SAMPLE), "--format", "json", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["equations"]


def test_explain_in_words_and_json() -> None:
    latex = r"\frac{1}{n}\sum_i (y_i - \hat{y}_i)^2"
    text = eqlens("explain", latex)
    assert text.returncode == 0
    assert "squared difference between yᵢ" in text.stdout
    data = json.loads(eqlens("explain", latex, "--json").stdout)
    assert data["parsed"] is True
    assert data["patterns"][0]["bindings"] == {"target": "y_i", "prediction": r"\hat{y}_i"}


def test_explain_expands_macros_from_a_file(tmp_path: Path) -> None:
    macros = tmp_path / "math_commands.tex"
    macros.write_text(r"\newcommand{\vy}{\bm{y}}" "\n" r"\newcommand{\norm}[1]{\|#1\|}" "\n")
    data = json.loads(eqlens("explain", r"\norm{\vy - f(x)}^2", "--macros", str(macros),
                             "--json").stdout)
    assert data["latex"].replace(" ", "") == r"\|\bm{y}-f(x)\|^2"
    assert [p["id"] for p in data["patterns"]][:1] == ["squared_error"]


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    binary = tmp_path / "garbage.tex"
    binary.write_bytes(bytes(range(256)) * 4)
    for args in (["annotate", str(tmp_path / "missing.tex")], ["annotate", str(binary)],
                 ["explain", r"\frac{a}{b"]):
        result = eqlens(*args)
        assert result.returncode == 1, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("eqlens: ")
        assert "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    result = eqlens("annotate", "--format", "pdfx", str(SAMPLE))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_argument_shows_the_sample_paper() -> None:
    """Piped (no terminal), the reader prints the annotated report instead of a full screen."""
    result = eqlens()
    assert result.returncode == 0
    assert "A Field Guide" in result.stdout
    assert "Squared error" in result.stdout


def test_open_prints_the_report_when_piped_or_asked() -> None:
    for args in (["open", str(SAMPLE)], ["open", "--print", str(SAMPLE)]):
        result = eqlens(*args)
        assert result.returncode == 0, args
        assert "A Field Guide" in result.stdout and "Squared error" in result.stdout


def test_open_a_missing_paper_fails_before_the_reader_starts(tmp_path: Path) -> None:
    result = eqlens("open", str(tmp_path / "missing.tex"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == f"eqlens: {tmp_path / 'missing.tex'}: no such file or folder"


def test_open_on_a_terminal_starts_the_reader_and_q_quits() -> None:
    """Run ``eqlens open`` in a pseudo-terminal, wait for the outline, press q."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "reader.cli", "open", str(SAMPLE)],
                               stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
                               env={**os.environ, "TERM": "xterm-256color"})
    os.close(slave)
    try:
        screen = _read_until(master, b"Inspector", seconds=30)
        assert b"Inspector" in screen
        os.write(master, b"q")
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        os.close(master)


def _read_until(fd: int, marker: bytes, seconds: float) -> bytes:
    """Everything the terminal showed until ``marker`` appeared (or the time ran out)."""
    seen, deadline = b"", time.monotonic() + seconds
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_patterns_listing_and_one_entry() -> None:
    listing = eqlens("patterns")
    assert listing.returncode == 0 and "squared_error" in listing.stdout
    one = eqlens("patterns", "squared_error")
    assert "Templates:" in one.stdout and "eqlens demo squared_error" in one.stdout
    assert eqlens("patterns", "no_such_pattern").returncode == 2


def test_a_bug_of_ours_is_one_line_with_exit_70_and_a_traceback_on_request(
        monkeypatch, capsys) -> None:
    from reader import cli, commands

    def broken(*args: object, **kwargs: object) -> int:
        raise KeyError("oops")

    monkeypatch.setattr(commands, "show_patterns", broken)
    monkeypatch.delenv("EQLENS_DEBUG", raising=False)
    assert cli.main(["patterns"]) == cli.INTERNAL_ERROR
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("eqlens: internal error (KeyError")
    monkeypatch.setenv("EQLENS_DEBUG", "1")
    with pytest.raises(KeyError):
        cli.main(["patterns"])


def test_running_out_of_memory_is_one_line_and_exit_1(monkeypatch, capsys) -> None:
    from reader import cli, commands

    def exhausted(*args: object, **kwargs: object) -> int:
        raise MemoryError

    monkeypatch.setattr(commands, "show_patterns", exhausted)
    assert cli.main(["patterns"]) == 1
    assert capsys.readouterr().err.startswith("eqlens: the input is too large")
