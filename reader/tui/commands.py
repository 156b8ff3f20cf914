"""The command palette (ctrl+p): open a paper, jump, filter, run a demo, add or find a note.

Everything here is also a key, but the palette is where a reader who forgot the key looks, and
where "jump to eq:elbo" is quicker typed than scrolled to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.notes.anchoring import anchor_for
from reader.tui.messages import FilterRequested, JumpRequested
from reader.tui.note_text import about, first_line
from reader.tui.reading import Reading

if TYPE_CHECKING:
    from reader.tui.screens.reader_screen import ReaderScreen

Command = tuple[str, Callable[[], object], str]
"""What the palette shows, what choosing it does, and a line of help."""


class PaperCommands(Provider):
    """Commands about the open paper, scored with the palette's fuzzy matcher."""

    def _reader(self) -> ReaderScreen | None:
        """The reading screen under the palette (the palette also opens over dialogs)."""
        from reader.tui.screens.reader_screen import ReaderScreen  # here: screens import us

        return self.screen if isinstance(self.screen, ReaderScreen) else None

    def _general(self) -> list[Command]:
        app, screen = self.app, self._reader()
        commands: list[Command] = [("Open paper…", app.action_open_paper,
                                    "read another .tex file, folder or arXiv tarball")]
        if screen is not None:
            commands += [
                ("Jump to equation…", screen.action_jump, "by number or label (g)"),
                ("Filter by pattern…", screen.action_filter, "show every KL term, … (f)"),
                ("Run demo of the selected pattern", screen.action_run_demo, "(d)"),
                ("Clear pattern filter", partial(screen.apply_filter, None), "show all"),
                ("Add note", screen.action_add_note,
                 "on the selected equation, or its pinned symbol (n)"),
                ("Edit note", screen.action_edit_note, "of the selected equation (e)"),
            ]
            if screen.reading is not None and screen.reading.notes.orphans:
                commands.append(("Orphaned notes…", screen.action_show_orphans,
                                 "notes on equations this version no longer has"))
        return commands

    def _paper(self, reading: Reading) -> Iterator[Command]:
        post = self.screen.post_message
        for equation_id in reading.display_ids:
            equation = reading.equation(equation_id)
            annotated = reading.annotations.get(equation_id)
            number = f"({equation.number})" if equation.number else "unnumbered"
            text = annotated.text if annotated else equation.latex
            name = f"Jump to {number} {equation.label or ''} {text[:40]}"
            yield (name, partial(post, JumpRequested(equation_id)), equation.section or "")
        for equation_id, notes in reading.notes.by_equation.items():
            for note in notes:
                yield (f"Note by {note.author}: {first_line(note.text, 40)}",
                       partial(post, JumpRequested(equation_id)),
                       about(anchor_for(reading.equation(equation_id), note.anchor.symbol)))
        for key in reading.pattern_keys():
            yield (f"Filter: {key.title}", partial(post, FilterRequested(key.key)),
                   f"{key.count} equations")

    async def discover(self) -> Hits:
        for name, callback, help_text in self._general():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self._reader()
        commands = self._general()
        if screen is not None and screen.reading is not None:
            commands += list(self._paper(screen.reading))
        for name, callback, help_text in commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
