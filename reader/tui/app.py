"""The eqlens reader app: wiring only (stylesheet, keys, palette, first screen).

Behaviour lives in screens/ and widgets/ so this file stays a table of contents.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from reader.tui.commands import PaperCommands
from reader.tui.dialogs import ErrorDialog, open_dialog
from reader.tui.messages import OpenRequested, PaperFailed
from reader.tui.screens import HelpScreen, ReaderScreen

DARK, LIGHT = "textual-dark", "textual-light"
"""The two themes "t" switches between (the palette offers every theme)."""


class EqlensApp(App[None]):
    """Opens one paper in a ReaderScreen; the palette can replace it with another."""

    CSS_PATH = "eqlens.tcss"
    TITLE = "eqlens"
    COMMANDS = App.COMMANDS | {PaperCommands}
    BINDINGS = [
        Binding("question_mark", "help", "help"),
        Binding("t", "toggle_theme", "light/dark", show=False),
        Binding("q", "quit", "quit", show=False),
    ]

    def __init__(self, source: str, *, quick_demos: bool = False) -> None:
        super().__init__()
        self.source = source
        """The paper opened first."""
        self.quick_demos = quick_demos
        """Pass --quick to demos (tests)."""
        self.failure: str | None = None
        """Why the first paper could not be opened; the command line exits 1 with it."""

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.source, quick_demos=self.quick_demos))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_open_paper(self) -> None:
        self.push_screen(open_dialog(), self._open_chosen)

    def _open_chosen(self, source: str | None) -> None:
        if source:
            self.post_message(OpenRequested(source))

    def on_open_requested(self, message: OpenRequested) -> None:
        """Read another paper on top of this one, after the checks that need no worker."""
        from reader.commands import check_source
        from reader.errors import EqlensError

        try:
            check_source(message.source)
        except EqlensError as err:
            self.push_screen(ErrorDialog(err.message))
            return
        self.push_screen(ReaderScreen(message.source, quick_demos=self.quick_demos))

    def on_paper_failed(self, message: PaperFailed) -> None:
        """Back to the paper read before; with none, leave so the command line can say why."""
        if sum(isinstance(s, ReaderScreen) for s in self.screen_stack) > 1:
            self.pop_screen()
            return
        self.failure = message.message
        self.exit(return_code=1)
