"""``annotate --format``: one function from a format name to the exported text.

The command line only names a format; which module writes it, and which options apply to it,
is decided here, so ``reader.commands`` stays a thin dispatcher and each writer is imported only
when it is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from reader.export.selection import Selection, selected
from reader.model import AnnotatedPaper

if TYPE_CHECKING:
    from reader.notes.model import Note

FORMATS = ("md", "html", "json", "text")
DEFAULT_FORMAT = "md"


def export(fmt: str, annotated: AnnotatedPaper, notes: Mapping[str, Sequence[Note]], *,
           orphans: Sequence[Note] = (), inline: bool = False,
           selection: Selection | None = None) -> Iterable[str]:
    """The paper in ``fmt``, as pieces to write in order (JSON comes one equation at a time,
    so a book never sits in memory as one string). Markdown and HTML list display equations
    under their headings; JSON lists every equation (inline too) and text lists display ones
    unless ``inline``."""
    selection = selection or Selection()
    if fmt == "md":
        from reader.export.markdown_export import paper_markdown

        return (paper_markdown(annotated, notes, orphans=orphans, selection=selection),)
    if fmt == "html":
        from reader.export.html_export import paper_html

        return (paper_html(annotated, notes, orphans=orphans, selection=selection),)
    if fmt == "json":
        from reader.export.json_export import paper_json_pieces

        return paper_json_pieces(selected(annotated, notes, selection), notes, orphans=orphans)
    if fmt == "text":
        from reader.export.text_report import paper_report

        return (paper_report(selected(annotated, notes, selection), inline=inline),)
    raise ValueError(f"unknown export format {fmt!r}")
