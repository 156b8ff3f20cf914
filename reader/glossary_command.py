"""``eqlens glossary [QUERY]``: search the curated glossary from the command line."""

from __future__ import annotations

import json
import sys
import textwrap

from glossary.entry import GlossaryEntry
from glossary.lookup import default_glossary
from reader.errors import EqlensError


def show_glossary(query: str | None, *, as_json: bool) -> int:
    """List entries matching ``query`` (name, id, LaTeX or Unicode); all when it is empty.

    One exact hit (an id, a name or a spelling only one entry has) prints the full entry.
    """
    glossary = default_glossary()
    found = glossary.search(query or "")
    if not found:
        raise EqlensError(f"no glossary entry matches {query!r} (see 'eqlens glossary')")
    if as_json:
        sys.stdout.write(json.dumps([entry_json(e) for e in found], ensure_ascii=False,
                                    indent=2) + "\n")
    elif query and (len(found) == 1 or query in (found[0].id, found[0].name)):
        sys.stdout.write(entry_text(found[0]))
    else:
        width = max(len(e.id) for e in found)
        for entry in found:
            print(f"{entry.id:<{width}}  {' '.join(entry.symbols[:4]):<28} {entry.name}")
    return 0


def entry_text(entry: GlossaryEntry) -> str:
    """The whole entry, laid out for a terminal."""
    lines = [f"{entry.name} ({entry.id})", f"  symbols:  {'  '.join(entry.symbols)}",
             f"  read as:  {entry.read_as}", "",
             textwrap.fill(entry.meaning, width=78, initial_indent="  ", subsequent_indent="  "),
             "",
             f"  example:  {entry.example}"]
    if entry.see_also:
        lines.append(f"  see also: {', '.join(entry.see_also)}")
    return "\n".join(lines) + "\n"


def entry_json(entry: GlossaryEntry) -> dict:
    return {"id": entry.id, "name": entry.name, "symbols": list(entry.symbols),
            "read_as": entry.read_as, "meaning": entry.meaning, "example": entry.example,
            "see_also": list(entry.see_also), "group": entry.group}
