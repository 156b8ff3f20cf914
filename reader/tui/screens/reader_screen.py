"""The reading screen: panes, demo panel and search, fed by the load and annotate workers.

First paint happens before the paper is read: loading and annotating run in thread workers that
only post messages, and each message fills in a little more (the document, then one equation's
patterns at a time). Keys map to the panes' selection, the demo panel, search and filter.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from reader.errors import EqlensError
from reader.notes.notebook import NoteBook
from reader.tui.dialogs import ErrorDialog, PatternFilterDialog, jump_dialog
from reader.tui.dialogs.pattern_filter_dialog import SHOW_ALL
from reader.tui.messages import (
    AnnotateProgress,
    DemoFinished,
    EquationAnnotated,
    FilterRequested,
    JumpRequested,
    LoadFailed,
    NotesLoaded,
    PaperFailed,
    PaperLoaded,
)
from reader.tui.reading import Reading
from reader.tui.screens.note_taking import NoteTaking
from reader.tui.widgets import DemoPanel, DocumentView, Outline, ReadingPanes, SearchBar


class ReaderScreen(NoteTaking, Screen[None]):
    """One open paper, with its reading-group notes (the note actions are in NoteTaking)."""

    BINDINGS = [
        Binding("j", "step_equation(1)", "next eq", key_display="j/k"),
        Binding("k", "step_equation(-1)", "previous equation", show=False),
        Binding("l,tab", "step_symbol(1)", "symbol", key_display="h/l"),
        Binding("h,shift+tab", "step_symbol(-1)", "previous symbol", show=False),
        Binding("enter", "pin_symbol", "pin symbol", show=False),
        Binding("p", "step_pattern", "next pattern", show=False),
        Binding("d", "run_demo", "demo"),
        Binding("x", "stop_demo", "stop/close demo", show=False),
        Binding("escape", "escape", "stop demo, unpin", show=False),
        Binding("slash", "search", "search"),
        Binding("f", "filter", "filter by pattern", show=False),
        Binding("g", "jump", "jump"),
        Binding("c", "copy_latex", "copy LaTeX", show=False),
        Binding("n", "add_note", "note"),
        Binding("e", "edit_note", "edit note", show=False),
        Binding("o", "toggle('#outline')", "outline", show=False),
        Binding("i", "toggle('#inspector')", "inspector", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-medium"), (150, "-wide")]

    def __init__(self, source: str, *, quick_demos: bool = False) -> None:
        super().__init__()
        self.source = source
        """What the user asked to open (a path)."""
        self.quick_demos = quick_demos
        """Run demos with --quick (tests): under a second of work each."""
        self.reading: Reading | None = None
        """The paper and its annotations so far; None until the source is read."""
        self.filter_key: str | None = None
        """Pattern filter of the outline and of j/k."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ReadingPanes(id="panes")
        yield DemoPanel(id="demo-panel")
        yield SearchBar(self._search, id="search-bar")
        yield ProgressBar(id="annotate-progress", show_eta=False)
        yield Footer()

    @property
    def panes(self) -> ReadingPanes:
        """Outline, document and inspector, with the selection."""
        return self.query_one(ReadingPanes)

    def on_mount(self) -> None:
        self.title, self.sub_title = "eqlens", f"opening {self.source}…"
        self.query_one(DocumentView).focus()
        self.load_paper()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False,
          description="reading the paper")
    def load_paper(self) -> None:
        """Read the source, then its notes, off the event loop; failures are one line each."""
        from reader.commands import load_paper

        try:
            paper = load_paper(self.source)
        except EqlensError as err:
            self.post_message(LoadFailed(self.source, err.message))
            return
        except Exception as err:  # noqa: BLE001 - a bug in a source reader, still one line
            self.post_message(LoadFailed(self.source, f"{self.source}: cannot read it ({err})"))
            return
        self.post_message(PaperLoaded(paper))
        self.post_message(NotesLoaded(NoteBook.open(paper)))

    @work(thread=True, exclusive=True, group="annotate", exit_on_error=False,
          description="annotating paper")
    def annotate_paper(self, reading: Reading) -> None:
        """Annotate equation by equation, posting each as it is done."""
        from demos.registry import list_demos
        from reader.pipeline import annotate_iter

        worker, total = get_current_worker(), len(reading.paper.equations)
        for done, annotated in enumerate(annotate_iter(reading.paper), start=1):
            if worker.is_cancelled:
                return
            self.post_message(EquationAnnotated(annotated))
            self.post_message(AnnotateProgress(done, total))
        list_demos()  # warm the demo registry so the first "d" answers at once

    async def on_paper_loaded(self, message: PaperLoaded) -> None:
        self.reading = Reading(message.paper)
        self.sub_title = message.paper.title
        self.query_one(ProgressBar).update(total=max(len(message.paper.equations), 1),
                                           progress=0)
        await self.panes.show(self.reading)
        self.annotate_paper(self.reading)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.sub_title = f"could not open {message.source}"
        self.query_one(ProgressBar).display = False
        self.app.push_screen(ErrorDialog(message.message),
                             lambda _: self.app.post_message(PaperFailed(message.message)))

    def on_equation_annotated(self, message: EquationAnnotated) -> None:
        self.panes.annotate(message.annotated, filtering=self.filter_key is not None)

    def on_annotate_progress(self, message: AnnotateProgress) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=message.total, progress=message.done)
        if message.done >= message.total:
            bar.display = False
            if self.filter_key is not None:
                self.apply_filter(self.filter_key)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An annotate bug stops the filling-in, not the reader: say so in one line."""
        if event.worker.group == "annotate" and event.state == WorkerState.ERROR:
            self.query_one(ProgressBar).display = False
            self.notify(f"annotation stopped early: {event.worker.error}", severity="error",
                        timeout=10, markup=False)

    def on_jump_requested(self, message: JumpRequested) -> None:
        self.panes.select(message.equation_id)

    def on_filter_requested(self, message: FilterRequested) -> None:
        self.apply_filter(message.key)

    def on_demo_finished(self, message: DemoFinished) -> None:
        if message.returncode == 0:
            self.notify(f"demo {message.demo_id} finished", timeout=3)
        elif message.returncode is not None:
            self.notify(message.message, title="demo failed", severity="error", timeout=8,
                        markup=False)

    @on(SearchBar.Moved)
    def _search_moved(self, message: SearchBar.Moved) -> None:
        document = self.query_one(DocumentView)
        document.highlight(message.needle, message.matches, message.current)
        if message.current is not None:
            view = getattr(document.blocks[message.current], "equation", None)
            self.panes.select(view.id if view is not None else None)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.query_one(DocumentView).highlight("", [], None)
        self.query_one(DocumentView).focus()

    def _search(self, text: str) -> list[int]:
        return self.reading.search(text) if self.reading else []

    def apply_filter(self, key: str | None) -> None:
        """Show only equations containing the pattern/family ``key`` (None: all)."""
        if self.reading is None:
            return
        self.filter_key = key
        self.query_one(Outline).show(self.reading, key)
        selected = self.panes.selected
        if key and selected and not self.reading.has_pattern(selected, key):
            self.panes.select(self.reading.neighbour(selected, 1, key))

    def action_step_equation(self, step: int) -> None:
        if self.reading is not None:
            self.panes.select(self.reading.neighbour(self.panes.selected, step,
                                                     self.filter_key))

    def action_step_symbol(self, step: int) -> None:
        if not self.panes.step_symbol(step):
            self.notify("no symbols described in this equation yet", timeout=2)

    def action_pin_symbol(self) -> None:
        self.panes.toggle_pin()

    def action_step_pattern(self) -> None:
        self.panes.step_pattern()

    def action_run_demo(self) -> None:
        view = self.panes.selected_view()
        if view is None or not (view.annotated and view.annotated.patterns):
            self.notify("select an equation with a recognised pattern first", timeout=3)
            return
        hit = view.annotated.patterns[view.pattern or 0]
        self.add_class("-demo-open")
        self.query_one(DemoPanel).start(hit, quick=self.quick_demos)
        self.call_after_refresh(self.query_one(DocumentView).reveal, self.panes.selected)

    def action_stop_demo(self) -> None:
        panel = self.query_one(DemoPanel)
        if not panel.cancel():
            panel.display = False
            self.remove_class("-demo-open")

    def action_escape(self) -> None:
        if not self.query_one(DemoPanel).cancel():
            self.panes.unpin()

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def action_filter(self) -> None:
        if self.reading is not None:
            self.app.push_screen(PatternFilterDialog(self.reading.pattern_keys()),
                                 self._filter_chosen)

    def _filter_chosen(self, key: str | None) -> None:
        if key is not None:
            self.apply_filter(None if key == SHOW_ALL else key)

    def action_jump(self) -> None:
        self.app.push_screen(jump_dialog(), self._jump_chosen)

    def _jump_chosen(self, query: str | None) -> None:
        if query is None or self.reading is None:
            return
        found = self.reading.find(query)
        if found is None:
            self.notify(f"no equation {query!r} in this paper", severity="warning", timeout=3,
                        markup=False)
        self.panes.select(found)

    def action_jump_to(self, equation_id: str) -> None:
        """Target of clickable references in the prose."""
        self.panes.select(equation_id)

    @on(Button.Pressed, "#copy-latex")
    def action_copy_latex(self) -> None:
        view = self.panes.selected_view()
        if view is not None:
            self.app.copy_to_clipboard(view.equation.latex)
            self.notify("LaTeX copied to the clipboard", timeout=2)

    def action_toggle(self, selector: str) -> None:
        widget = self.query_one(selector)
        widget.display = not widget.display
        # The text reflows to the new width; bring the selected equation back into view.
        self.call_after_refresh(self.query_one(DocumentView).reveal, self.panes.selected)
