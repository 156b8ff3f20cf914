"""The annotated paper as ONE self-contained HTML file: it opens offline, from an e-mail or a
USB stick, and prints cleanly.

No scripts, no external fonts, styles or images (a Content-Security-Policy in the page says so
to the browser too); equations are MathML, which browsers draw natively. Hovering a symbol shows
what it means and where the paper defines it: the title sits on the MathML element of the symbol
and on the symbol's entry in the list under the equation (which works in every browser).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from reader.export.demo_commands import demo_commands
from reader.export.html_parts import math_html, note_html, orphan_html, prose_html
from reader.export.html_style import STYLE
from reader.export.notation import (
    equation_numbers,
    is_operator,
    notation_rows,
    short_abstract,
    symbol_meaning,
    symbol_title,
)
from reader.export.selection import Selection, heading_text, outline, where_text
from reader.model import AnnotatedEquation, AnnotatedPaper, Heading

if TYPE_CHECKING:
    from reader.notes.model import Note

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def paper_html(annotated: AnnotatedPaper, notes: Mapping[str, Sequence[Note]], *,
               orphans: Sequence[Note] = (), selection: Selection | None = None) -> str:
    """The whole page; ``notes`` maps equation ids to the notes attached to them."""
    paper = annotated.paper
    selection = selection or Selection()
    numbers = equation_numbers(annotated)
    title = escape(paper.title or "(untitled)")
    body = [f"<header><h1>{title}</h1>"]
    meta = [escape(paper.path)] + ([f"arXiv {escape(paper.arxiv_id)}"] if paper.arxiv_id else [])
    body.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if paper.abstract:
        body.append(f'<p class="abstract">{prose_html(short_abstract(paper.abstract))}</p>')
    body.append("</header>")
    body += notation_table(annotated, numbers)
    top = min((b.level for b in paper.blocks if isinstance(b, Heading)), default=1)
    listed = 0
    for entry in outline(annotated, notes, selection):
        if isinstance(entry, Heading):
            level = min(6, 2 + max(0, entry.level - top))
            body.append(f"<h{level}>{escape(heading_text(entry))}</h{level}>")
        else:
            listed += 1
            body.append(equation_html(entry, notes.get(entry.equation.id, ()), numbers))
    if orphans:
        body.append("<h2>Notes whose equation was not found</h2>")
        body += [orphan_html(note) for note in orphans]
    display = sum(1 for item in annotated.equations if item.equation.display)
    body.append(f"<footer>{listed} of {display} display equations listed. Made with eqlens "
                "(<code>eqlens annotate PAPER --format html</code>).</footer>")
    return _page(title, "\n".join(body))


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"eqlens\">\n"
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            "</body>\n</html>\n")


def notation_table(annotated: AnnotatedPaper, numbers: Mapping[str, str | None]) -> list[str]:
    """Every distinct symbol once, with its meaning and a link to where it is defined."""
    rows = notation_rows(annotated)
    if not rows:
        return []
    out = ['<h2 id="notation">Notation</h2>', '<table class="notation">',
           "<thead><tr><th>symbol</th><th>meaning</th><th>defined</th></tr></thead><tbody>"]
    for row in rows:
        where = escape(row.where(numbers))
        target = row.definitions[0].get("equation") if row.definitions else None
        if target and where.startswith("("):
            where = f'<a href="#{escape(target)}">{where}</a>'
        tip = escape(f"{row.text} — {row.meaning}")
        symbol = f'<span class="sym" title="{tip}">{math_html(row.latex, display=False)}</span>'
        out.append(f"<tr><td>{symbol}</td><td>{escape(row.meaning)}</td><td>{where}</td></tr>")
    out.append("</tbody></table>")
    return out


def equation_html(item: AnnotatedEquation, notes: Sequence[Note],
                  numbers: Mapping[str, str | None]) -> str:
    """One display equation as an ``article``: head, MathML, LaTeX, patterns, symbols, notes."""
    eq = item.equation
    head = [f'<span class="eq-number">({escape(eq.number)})</span>' if eq.number
            else '<span class="eq-number">(unnumbered)</span>']
    if eq.label:
        head.append(f"<code>{escape(eq.label)}</code>")
    if where := where_text(item):
        head.append(escape(where))
    titles = {tuple(span): symbol_title(symbol, numbers)
              for symbol in item.symbols for span in symbol["spans"]}
    parts = [f'<article class="equation" id="{escape(eq.id)}">',
             f'<div class="eq-head">{"".join(head)}</div>',
             math_html(eq.latex, display=True, titles=titles),
             f'<details class="latex"><summary>LaTeX</summary><pre><code>{escape(eq.latex)}'
             "</code></pre></details>"]
    if item.error:
        parts.append(f'<p class="error">Not fully understood: {escape(item.error)}</p>')
    parts += pattern_list(item)
    parts += symbol_list(item, numbers)
    parts += [note_html(note) for note in notes]
    parts.append("</article>")
    return "\n".join(parts)


def pattern_list(item: AnnotatedEquation) -> list[str]:
    """The patterns in plain words, their bindings as math, and the demo command."""
    entries = []
    for hit, command in demo_commands(item):
        bindings = "; ".join(f"{escape(role)} = {math_html(latex, display=False)}"
                             for role, latex in hit.bindings.items())
        entry = f"<li><strong>{escape(hit.name)}</strong> — {escape(hit.explanation)}"
        if bindings:
            entry += f'<div class="bindings">{bindings}</div>'
        if command:
            entry += f'<pre class="demo"><code>{escape(command)}</code></pre>'
        entries.append(entry + "</li>")
    return ['<ul class="patterns">', *entries, "</ul>"] if entries else []


def symbol_list(item: AnnotatedEquation, numbers: Mapping[str, str | None]) -> list[str]:
    """The letter-like symbols, each with its meaning and a hover title saying where from."""
    entries = []
    for symbol in item.symbols:
        if is_operator(symbol["latex"]):
            continue
        tip = escape(symbol_title(symbol, numbers))
        entries.append(f'<span class="sym" title="{tip}">{escape(symbol["text"])}</span> '
                       f"{escape(symbol_meaning(symbol))}")
    return [f'<p class="symbols">Symbols: {" · ".join(entries)}</p>'] if entries else []
