"""The paper's sections and display equations, each with the patterns found in it.

Choosing an equation here jumps the document to it. The pattern filter ("every KL term") narrows
the list to equations containing that pattern, keeping their section headings for orientation.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.model import EquationBlock, Heading
from reader.tui.reading import Reading

WIDTH = 26
"""Columns an entry may take (the outline is 30 wide with its border); longer text gets "…"."""


class Outline(OptionList):
    """Headings (not selectable) and equations (selectable, id = equation id)."""

    @dataclass
    class Picked(Message):
        """The user chose an equation in the outline."""

        equation_id: str

    def show(self, reading: Reading, filter_key: str | None = None) -> None:
        """Rebuild the list for this paper, keeping only equations that pass the filter."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.set_options(self._entries(reading, filter_key))
        self.border_subtitle = self._subtitle(reading, filter_key)
        if highlighted:
            self.follow(highlighted)

    def _entries(self, reading: Reading, filter_key: str | None) -> list[Option]:
        options: list[Option] = []
        pending: list[Heading] = []
        for block in reading.blocks:
            if isinstance(block, Heading) and block.level <= 2:
                pending = [h for h in pending if h.level < block.level] + [block]
            elif isinstance(block, EquationBlock) and reading.has_pattern(
                    block.equation_id, filter_key):
                options.extend(Option(_heading(h), disabled=True) for h in pending)
                pending = []
                options.append(Option(self.prompt(reading, block.equation_id),
                                      id=block.equation_id))
        return options

    @staticmethod
    def _subtitle(reading: Reading, filter_key: str | None) -> str:
        if filter_key is None:
            return ""
        titles = {k.key: k.title for k in reading.pattern_keys()}
        count = sum(reading.has_pattern(i, filter_key) for i in reading.display_ids)
        return f"{titles.get(filter_key, filter_key)}: {count}"

    @staticmethod
    def prompt(reading: Reading, equation_id: str) -> Content:
        """"(3) nll" (with ✎ when it has notes) plus the pattern badges on a dimmer line."""
        equation = reading.equation(equation_id)
        annotated = reading.annotations.get(equation_id)
        name = equation.label.split(":", 1)[-1] if equation.label else (
            annotated.text if annotated else equation.latex)
        number = f"({equation.number})" if equation.number else "·"
        line = Content.assemble((number, "bold"), _note_marker(len(reading.notes_on(equation_id))),
                                " ", name).truncate(WIDTH, ellipsis=True)
        if annotated and annotated.patterns:
            badges = sorted({hit.id.replace("_", " ") for hit in annotated.patterns})
            for row in _badge_rows(badges):
                line = Content.assemble(line, "\n", Content.styled(row, "$text-secondary"))
        return line

    def refresh_equation(self, reading: Reading, equation_id: str) -> None:
        """Redraw one equation's entry after it was annotated (if it is listed)."""
        try:
            self.replace_option_prompt(equation_id, self.prompt(reading, equation_id))
        except OptionDoesNotExist:  # filtered out: nothing to redraw
            return

    def follow(self, equation_id: str) -> None:
        """Highlight the equation the document selected, without choosing it again."""
        try:
            self.highlighted = self.get_option_index(equation_id)
        except OptionDoesNotExist:  # hidden by the filter
            return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))


def _badge_rows(badges: list[str]) -> list[str]:
    """Badges packed into indented rows of at most WIDTH columns, never split mid-badge."""
    rows: list[str] = []
    for badge in badges:
        if rows and len(rows[-1]) + 3 + len(badge) <= WIDTH:
            rows[-1] += " · " + badge
        else:
            rows.append("  " + badge[: WIDTH - 2])
    return rows


def _note_marker(count: int) -> tuple[str, str] | str:
    """" ✎" after the number of an equation with notes (" ✎3" for three), so they stand out."""
    if not count:
        return ""
    return (" ✎" + (str(count) if count > 1 else ""), "$text-accent")


def _heading(heading: Heading) -> Content:
    indent = "  " * max(heading.level - 1, 0)
    title = f"{heading.number} {heading.title}" if heading.number else heading.title
    return Content.styled(indent + title, "bold $text-muted").truncate(WIDTH, ellipsis=True)
