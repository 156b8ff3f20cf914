"""``annotate --format html``: one self-contained page with MathML, titles, patterns and notes."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reader.export.html_parts
from reader.export.html_export import paper_html
from reader.export.selection import Selection
from reader.model import AnnotatedPaper
from tests.reader.export_fixtures import (
    SAMPLE,
    SYMBOL_NOTE_TEXT,
    by_label,
    eqlens,
    orphan_notes,
    sample,
    sample_notes,
)

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr", "source"}


class Page(HTMLParser):
    """Reads the page as a browser would, keeping what the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.math_titles: list[tuple[str, str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.urls += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action")]
        if "math" in self.stack and "title" in values:
            self.math_titles.append((tag, values["title"] or ""))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def articles(page: str) -> dict[str, str]:
    return dict(re.findall(r'(?s)<article class="equation" id="([^"]+)">(.*?)</article>', page))


def test_the_page_is_self_contained_and_well_formed() -> None:
    page = paper_html(sample(), sample_notes(), orphans=orphan_notes())
    parsed = Page(page)
    assert parsed.problems == [] and parsed.stack == []
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    assert all(url.startswith("#") for url in parsed.urls), parsed.urls
    assert not re.search(r"(?i)(src|href)\s*=\s*[\"']?\s*(https?:)?//", page)
    assert "@import" not in page and "url(" not in page
    assert "@media print" in page
    assert "Content-Security-Policy" in page


def test_equations_are_mathml_with_titled_symbols() -> None:
    page = paper_html(sample(), {})
    display = [item for item in sample().equations if item.equation.display]
    assert page.count('<math display="block">') == len(display)
    parsed = Page(page)
    titles = dict((title.split(" — ")[0], title) for _, title in parsed.math_titles)
    assert "standard deviation" in titles["σ"] or "sigmoid" in titles["σ"]
    assert titles["θ"] == "θ — “parameters” — model parameters (theta, phi) (defined in § 1)"
    ddpm = articles(page)[by_label("eq:ddpm-loss").equation.id]
    assert '<mi title="ε — noise sample (epsilon)' in ddpm
    assert '<mo fence="true" title="‖·‖ — norm' in ddpm  # the bars of the norm
    assert "<mi>𝔼</mi>" not in ddpm and "𝔼</mi>" in ddpm  # fonts as Unicode letters


def test_the_notation_table_and_symbol_lists_carry_titles() -> None:
    page = paper_html(sample(), {})
    table = page.split('<table class="notation">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", table)
    assert len(rows) > 50
    sigma = next(r for r in rows if 'title="σ — ' in r[0])
    assert "standard deviation" in sigma[1] and "sigmoid" in sigma[1]
    beta = next(r for r in rows if 'title="βₜ — ' in r[0])
    assert beta[2] == f'<a href="#{by_label("eq:forward-step").equation.id}">(12)</a>'
    assert '<span class="sym" title="ε_θ — “The denoiser” — noise sample (epsilon) (defined in' \
        in page


def test_patterns_demo_commands_and_notes_sit_under_their_equation() -> None:
    page = paper_html(sample(), sample_notes(), orphans=orphan_notes())
    found = articles(page)
    ddpm = found[by_label("eq:ddpm-loss").equation.id]
    assert "<strong>Squared error</strong> — a squared difference between ε" in ddpm
    assert '<pre class="demo"><code>eqlens demo squared_error --bindings' in ddpm
    assert "<strong>Ada</strong>" in ddpm and "2026-11-21 14:03, edited 2026-11-22 09:10" in ddpm
    assert "Why squared? Big misses cost a lot.<br>" in ddpm
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ddpm and "<script" not in page
    assert '<math display="inline">' in ddpm.split("Why squared?", 1)[1]  # $\|x\|^2$ drawn
    bce = found[by_label("eq:bce").equation.id]
    assert SYMBOL_NOTE_TEXT in bce and "<strong>Linus</strong> · " in bce
    assert "Why squared?" not in bce
    assert "Notes whose equation was not found" in page and "The equation this was on is gone." \
        in page


def test_filters_keep_the_wanted_equations() -> None:
    notes = sample_notes()
    only_notes = articles(paper_html(sample(), notes, selection=Selection(only_notes=True)))
    assert set(only_notes) == set(notes)
    only_patterns = articles(paper_html(sample(), {}, selection=Selection(only_patterns=True)))
    assert by_label("eq:nll").equation.id not in only_patterns
    assert all('<ul class="patterns">' in body for body in only_patterns.values())


def test_everything_from_the_paper_is_escaped() -> None:
    hostile = replace(sample().paper, title='Attention <img src="https://x/y.png"> & "more"',
                      abstract="We show that <b>x</b> & $a<b$ hold.")
    page = paper_html(AnnotatedPaper(hostile, sample().equations), {})
    assert "<img" not in page and "<b>" not in page
    assert "Attention &lt;img src=&quot;https://x/y.png&quot;&gt; &amp; &quot;more&quot;" in page
    assert Page(page).problems == []


def test_an_equation_that_cannot_be_drawn_falls_back_to_its_latex(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(latex: str, **_: object) -> str:
        raise RuntimeError("printer bug")

    monkeypatch.setattr(reader.export.html_parts, "to_mathml", broken)
    page = paper_html(sample(), {})
    assert "could not be drawn as MathML (RuntimeError: printer bug)" in page
    entropy = by_label("eq:entropy").equation.latex
    assert f'<pre class="math-fallback"><code>{entropy}</code></pre>' in page
    assert Page(page).problems == []


def test_the_command_writes_an_html_file(tmp_path: Path) -> None:
    out = tmp_path / "f.html"
    result = eqlens("annotate", str(SAMPLE), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<math" in page
