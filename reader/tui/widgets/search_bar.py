"""The "/" search line: type to find text in the paper, enter for the next match, esc to close.

It keeps the matches and which one is current; the screen only paints what it is told, through
:class:`SearchBar.Moved`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """An input and a "2/7" counter, docked at the bottom while searching."""

    BINDINGS = [Binding("escape", "close", "close search", show=False)]

    @dataclass
    class Moved(Message):
        """The matches or the current match changed; ``current`` indexes Reading.blocks."""

        needle: str
        matches: list[int]
        current: int | None

    class Closed(Message):
        """The user left the search; marks should go."""

    def __init__(self, find: Callable[[str], list[int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._find = find
        self._matches: list[int] = []
        self._position = -1

    def compose(self) -> ComposeResult:
        yield Input(placeholder="find in the paper (enter: next match, esc: close)",
                    id="search-input")
        yield Label("", id="search-count")

    def open(self) -> None:
        """Show the bar and put the cursor in it."""
        self.display = True
        self.query_one(Input).focus()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._matches = self._find(event.value)
        self._position = 0 if self._matches else -1
        self._announce(event.value)

    @on(Input.Submitted, "#search-input")
    def _next(self, event: Input.Submitted) -> None:
        if self._matches:
            self._position = (self._position + 1) % len(self._matches)
        self._announce(event.value)

    def _announce(self, needle: str) -> None:
        count = len(self._matches)
        label = f"{self._position + 1}/{count}" if count else ("no match" if needle else "")
        self.query_one("#search-count", Label).update(label)
        current = self._matches[self._position] if count else None
        self.post_message(self.Moved(needle, self._matches, current))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
