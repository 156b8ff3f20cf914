"""Demos run as a child process, so torch/sklearn import cost and crashes stay out of the reader.

``python -m demos.<id> --bindings JSON`` prints its output line by line (demos/cli.py flushes each
one); the reader streams those lines into a panel and kills the process to cancel. This module is
the process side of that, with no Textual import; the panel widget owns the worker.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Mapping

from reader.tui.inline_math import math_text

EXIT_MESSAGES = {1: "a self-check failed", 2: "the demo rejected its options",
                 3: "a missing optional dependency"}
"""Exit codes of demos/cli.py, worded for a notification when the demo printed nothing."""


def demo_command(demo_id: str, bindings: Mapping[str, str], quick: bool = False) -> list[str]:
    """The argv that runs a demo with the paper's symbols (as Unicode, the way they read)."""
    readable = {role: math_text(latex) for role, latex in bindings.items()}
    argv = [sys.executable, "-m", f"demos.{demo_id}", "--bindings", json.dumps(readable)]
    return [*argv, "--quick"] if quick else argv


async def start(argv: list[str]) -> asyncio.subprocess.Process:
    """Launch the demo with stderr folded into stdout, so errors stream into the same panel."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    return await asyncio.create_subprocess_exec(
        *argv, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT, env=env)


async def output_lines(process: asyncio.subprocess.Process) -> AsyncIterator[str]:
    """The demo's output as it arrives, one decoded line at a time."""
    assert process.stdout is not None
    async for raw in process.stdout:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


async def stop(process: asyncio.subprocess.Process) -> None:
    """Kill the demo if it still runs and reap it, so no zombie outlives a cancel."""
    if process.returncode is None:
        process.kill()
    await process.wait()


def failure_message(demo_id: str, returncode: int, last_line: str) -> str:
    """One line for a failed demo: its own last words, else what the exit code means."""
    said = last_line.strip().removeprefix("error: ")
    if said:
        return said if said.startswith("demo ") else f"demo {demo_id}: {said}"
    reason = EXIT_MESSAGES.get(returncode, f"it exited with code {returncode}")
    return f"demo {demo_id} failed: {reason}"
