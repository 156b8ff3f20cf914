"""``annotate --format md``: what a reader of the Markdown file on GitHub or Obsidian notices."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from reader.export.markdown_export import paper_markdown
from reader.export.markdown_math import display_block, inline_math, markdown_math
from reader.export.selection import Selection
from tests.reader.export_fixtures import (
    NOTE_TEXT,
    ROOT,
    SAMPLE,
    SYMBOL_NOTE_TEXT,
    by_label,
    eqlens,
    orphan_notes,
    sample,
    sample_notes,
)


def chunks(markdown: str) -> dict[str, str]:
    """The text of each listed equation (from its ``**(n)**`` line to the next), by label."""
    parts = re.split(r"(?m)^(?=\*\*\()", markdown)
    out = {}
    for part in parts[1:]:
        label = re.search(r"`(eq:[^`]+)`", part.splitlines()[0])
        out[label.group(1) if label else f"unlabelled-{len(out)}"] = part
    return out


def math_blocks(markdown: str) -> list[str]:
    return re.findall(r"(?ms)^\$\$\n(.*?)\n\$\$$", markdown)


def test_every_display_equation_is_a_math_block_and_inline_math_is_not() -> None:
    md = paper_markdown(sample(), {})
    display = [item for item in sample().equations if item.equation.display]
    blocks = math_blocks(md)
    assert len(blocks) == len(display)
    for item in display:
        assert display_block(item.equation.latex) in md
    entropy = by_label("eq:entropy").equation.latex
    assert f"$$\n{entropy}\n$$" in md  # nothing to respell: the paper's LaTeX as it is


def test_math_blocks_survive_githubs_markdown_escapes() -> None:
    for block in math_blocks(paper_markdown(sample(), {})):
        # GitHub eats the backslash of \{ \, \\ ... inside $$: none may be left.
        assert not re.search(r"\\[{}|,;:!> \\]", block), block
        assert "\n" not in block
        assert "<" not in block and ">" not in block
    two_rows = by_label("eq:forward-marginal").equation.latex
    assert "\\\\" in two_rows
    assert markdown_math(two_rows).startswith(r"\begin{gathered} ")


def test_a_math_aware_markdown_parser_sees_the_math_and_the_table() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    dollarmath = pytest.importorskip("mdit_py_plugins.dollarmath")
    md = paper_markdown(sample(), sample_notes())
    parser = markdown_it.MarkdownIt("commonmark").enable("table").use(
        dollarmath.dollarmath_plugin, double_inline=False)
    tokens = parser.parse(md)
    inline = [c for t in tokens for c in t.children or ()]
    display = [item for item in sample().equations if item.equation.display]
    assert sum(1 for t in tokens if t.type == "math_block") == len(display)
    assert sum(1 for c in inline if c.type == "math_inline") > 100
    assert not any(c.type == "em_open" for c in inline)  # no ε_θ … x_t read as emphasis
    cells: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            cells.append(0)
        elif token.type in ("td_open", "th_open"):
            cells[-1] += 1
    assert len(cells) > 50 and set(cells) == {3}  # no | inside a symbol split a row


def test_respelling_keeps_the_meaning() -> None:
    assert markdown_math(r"\{x_i\}_{i=1}^n") == r"\lbrace x_i\rbrace _{i=1}^n"
    assert markdown_math(r"a \\[2pt] b") == r"\begin{gathered} a \cr b \end{gathered}"
    assert markdown_math(r"\begin{cases} 1 & x<0 \\ 0 \end{cases}") == (
        r"\begin{cases} 1 & x\lt 0 \cr 0 \end{cases}")
    assert markdown_math(r"\text{if } a < b") == r"\text{if } a \lt b"
    assert markdown_math(r"\|x\|_2, \bm{y}") == r"\Vert x\Vert _2, \boldsymbol{y}"
    assert inline_math(r"|x| \mid y", in_table=True) == r"$\vert x\vert \mid y$"


def test_the_notation_table_lists_each_symbol_once_with_its_meaning() -> None:
    md = paper_markdown(sample(), {})
    table = md.split("## Notation", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| $")]
    symbols = [row.split(" | ")[0] for row in rows]
    assert len(symbols) == len(set(symbols)) > 50
    sigma = next(row for row in rows if row.startswith(r"| $\sigma$ |"))
    assert "standard deviation" in sigma and "sigmoid" in sigma
    theta = next(row for row in rows if row.startswith(r"| $\theta$ |"))
    assert "“parameters”" in theta and theta.endswith("| § 1 |")
    beta = next(row for row in rows if row.startswith(r"| $\beta_{t}$ |"))
    assert "variance schedule" in beta and beta.endswith("| (12) |")
    assert not any(row.startswith((r"| $\sum$", r"| $\log$")) for row in rows)


def test_each_equation_shows_its_patterns_symbols_and_notes() -> None:
    md = paper_markdown(sample(), sample_notes(), orphans=orphan_notes())
    ddpm = chunks(md)["eq:ddpm-loss"]
    assert ddpm.startswith("**(21)** · `eq:ddpm-loss` · sections/method.tex:")
    assert "- **Squared error** — a squared difference between ε (what the data says)" in ddpm
    assert r"  - target: $\boldsymbol{\epsilon}$" in ddpm
    assert "Symbols: " in ddpm and "ε\\_θ “The denoiser”" in ddpm
    assert "> **Ada** · 2026-11-21 14:03, edited 2026-11-22 09:10" in ddpm
    assert "> Why squared? Big misses cost a lot." in ddpm
    assert "> **Grace**" in ddpm and "Compare with (8)." in ddpm
    assert "<script>" not in md and "&lt;script>" in md  # a note's HTML is shown, not run
    bce = chunks(md)["eq:bce"]
    assert r"> **Linus** · 2026-11-20 08:00 · on $\sigma$" in bce
    assert SYMBOL_NOTE_TEXT in bce
    assert NOTE_TEXT.splitlines()[0] not in bce
    orphans = md.split("## Notes whose equation was not found", 1)[1]
    assert "Written on (99) `eq:gone`:" in orphans
    assert "The equation this was on is gone." in orphans


def test_sections_follow_the_paper() -> None:
    md = paper_markdown(sample(), {})
    headings = re.findall(r"(?m)^(#{2,6}) (.+)$", md)
    titles = [title for _, title in headings]
    assert titles[:3] == ["Abstract", "Notation", "1 Introduction"]
    assert ("###", "3.4 The training objective") in headings
    assert md.index("## 1 Introduction") < md.index("`eq:loglik`") < md.index("## 2 Background")


def test_only_notes_and_only_patterns_filter_the_equations() -> None:
    notes = sample_notes()
    md = paper_markdown(sample(), notes, selection=Selection(only_notes=True))
    assert set(chunks(md)) == {"eq:ddpm-loss", "eq:bce"}
    assert "## 1 Introduction" not in md and "### 3.4 The training objective" in md
    assert "## Notation" in md  # the notation is the whole paper's, whatever is listed
    md = paper_markdown(sample(), notes, selection=Selection(only_patterns=True))
    listed = chunks(md)
    assert "eq:nll" not in listed and "eq:loglik" in listed
    assert all("\n- **" in text for text in listed.values())
    both = paper_markdown(sample(), notes, selection=Selection(True, True))
    assert set(chunks(both)) == {"eq:ddpm-loss", "eq:bce"}


def test_the_demo_command_in_the_export_runs() -> None:
    ddpm = chunks(paper_markdown(sample(), {}))["eq:ddpm-loss"]
    line = next(line for line in ddpm.splitlines()
                if line.startswith("  - demo: `eqlens demo squared_error "))
    command = shlex.split(line.removeprefix("  - demo: `").removesuffix("`"))
    assert command[:3] == ["eqlens", "demo", "squared_error"]
    result = subprocess.run([sys.executable, "-m", "reader.cli", *command[1:], "--quick"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    prediction = json.loads(command[command.index("--bindings") + 1])["prediction"]
    assert prediction.startswith("ε_θ(")
    assert prediction.split()[0] in result.stdout  # the paper's symbols, not the demo's own
    assert "all self-checks passed" in result.stdout


def test_markdown_is_the_default_format(tmp_path: Path) -> None:
    result = eqlens("annotate", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# A Field Guide to the Losses")
    assert "## Notation" in result.stdout and "\n$$\n" in result.stdout
    out = tmp_path / "sample.md"
    result = eqlens("annotate", str(SAMPLE), "--format", "md", "--only-patterns", "-o", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert "`eq:nll`" not in out.read_text(encoding="utf-8")
