"""A demo's output, streamed into a log as the child process prints it.

The process runs inside an async worker on the reader's event loop: awaiting its output never
blocks the UI, and cancelling the worker kills the process (reader.tui.demo_process).
"""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import RichLog, Static

from demos.registry import demo_for_pattern
from reader.model import PatternHit
from reader.tui import demo_process
from reader.tui.messages import DemoFinished

GROUP = "demo"
"""Worker group of the running demo: one at a time, a new one replaces it."""


class DemoPanel(Vertical):
    """Title line plus log; hidden until a demo runs, closed with x."""

    def compose(self) -> ComposeResult:
        yield Static("", id="demo-title", markup=False)
        yield RichLog(id="demo-log", markup=False, highlight=False, wrap=False)

    @property
    def running(self) -> bool:
        """True while a demo process is alive."""
        return any(w.is_running for w in self.workers if w.group == GROUP)

    def start(self, hit: PatternHit, *, quick: bool = False) -> None:
        """Show the panel and run the demo of ``hit``, replacing any demo still running."""
        self.display = True
        self.query_one(RichLog).clear()
        self._title(f"{hit.name}: starting the demo…")
        self._run(hit, quick)

    def cancel(self) -> bool:
        """Stop the running demo; False when there was none."""
        running = self.running
        self.workers.cancel_group(self, GROUP)
        return running

    def _title(self, text: str) -> None:
        self.query_one("#demo-title", Static).update(text)

    @work(exclusive=True, group=GROUP, exit_on_error=False, description="running a demo")
    async def _run(self, hit: PatternHit, quick: bool) -> None:
        # The registry imports every demo module (~0.2 s): keep that off the event loop.
        info = await asyncio.to_thread(demo_for_pattern, hit.id)
        if info is None:
            self._finish(hit.id, hit.name, 2, f"no demo illustrates {hit.name} yet")
            return
        demo_id, title = info.id, info.name
        self._title(f"{title}: running… (x or esc stops it)")
        argv = demo_process.demo_command(demo_id, hit.bindings, quick)
        try:
            process = await demo_process.start(argv)
        except OSError as err:
            self._finish(demo_id, title, 127, f"demo {demo_id} could not start: {err.strerror}")
            return
        try:
            last = await self._stream(process)
            code = await process.wait()
        except asyncio.CancelledError:
            await asyncio.shield(demo_process.stop(process))
            self._title(f"{title}: stopped")
            self.post_message(DemoFinished(demo_id, None, f"demo {demo_id} stopped"))
            raise
        message = "" if code == 0 else demo_process.failure_message(demo_id, code, last)
        self._finish(demo_id, title, code, message)

    async def _stream(self, process: asyncio.subprocess.Process) -> str:
        """Copy output lines into the log; return the last non-blank one (the error, if any)."""
        log, last = self.query_one(RichLog), ""
        async for line in demo_process.output_lines(process):
            log.write(line)
            last = line if line.strip() else last
        return last

    def _finish(self, demo_id: str, title: str, code: int, message: str) -> None:
        self._title(f"{title}: finished" if code == 0 else f"{title}: failed (exit {code})")
        self.post_message(DemoFinished(demo_id, code, message))
