"""Pick a pattern or family to filter the outline by ("every KL term", "every expectation")."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.tui.reading import PatternKey

SHOW_ALL = "show-all"
"""Option id that clears the filter."""


class PatternFilterDialog(ModalScreen[str | None]):
    """Returns a filter key (``pattern:<id>``/``family:<name>``), SHOW_ALL, or None on escape."""

    DEFAULT_CSS = """
    PatternFilterDialog { align: center middle; }
    PatternFilterDialog > Vertical {
        width: 60; height: 80%; padding: 0 1; border: thick $primary; background: $surface;
    }
    PatternFilterDialog OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "cancel", show=False)]

    def __init__(self, keys: list[PatternKey]) -> None:
        super().__init__()
        self.keys = keys
        """The patterns and families found in the paper, with counts."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Show only equations containing:")
            options = [Option("all equations (no filter)", id=SHOW_ALL)]
            options += [Option(f"{k.title}  ({k.count})", id=k.key) for k in self.keys]
            yield OptionList(*options, id="filter-options")

    @on(OptionList.OptionSelected, "#filter-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
