"""The "?" help, rendered from help.md so the keys are documented as data, not Python strings."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown


def help_text() -> str:
    """The shipped help.md (a package data file)."""
    return (resources.files("reader.tui") / "help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Keys and what the panes show; any of escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss(None)", "close help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(help_text())
