"""How well the prose definition extractor agrees with hand labels on corpus papers.

Run ``python scripts/definition_report.py`` from the repository (``-v`` lists every miss and
every unmatched extraction). The hand labels live in ``tests/fixtures/definitions/<paper>.toml``
and hold only symbols, a few words of each defining phrase and the paragraph line; the paper
text itself stays in ../shared/corpus, which may be absent (then the script says so).

A label and an extracted definition match when they name the same symbol (same
:func:`reader.definitions.symbol_key`) in the same file, at paragraph lines at most two apart;
each label matches at most one extraction. Like the labels, extractions count once per symbol and
paragraph (a paragraph that names θ "the parameters" twice is one definition). Precision counts
only extractions inside the labels' scope (the ``files`` list and ``min_line`` of the fixture).
Text agreement, reported apart, is the share of matched pairs whose phrases share a content word.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.definitions import Definition, extract_definitions, symbol_key  # noqa: E402
from reader.sources.latex import load_latex  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
LABELS = REPO / "tests" / "fixtures" / "definitions"
LINE_SLACK = 2


@dataclass(frozen=True, slots=True)
class Label:
    """One definition a careful reader found."""

    key: str
    symbol: str
    text: str
    file: str
    line: int


@dataclass
class PaperScore:
    """Extractor against labels for one paper."""

    paper: str
    labels: list[Label]
    extracted: list[Definition]
    matched: list[tuple[Label, Definition]] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)
    spurious: list[Definition] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.matched) / len(self.extracted) if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.labels) if self.labels else 1.0

    @property
    def text_agreement(self) -> float:
        agree = sum(_texts_agree(label.text, d.text) for label, d in self.matched)
        return agree / len(self.matched) if self.matched else 1.0


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {w.rstrip("s") for w in words if w not in {"the", "a", "an", "of", "its", "number"}}


def _texts_agree(label: str, found: str) -> bool:
    return bool(_content(label) & _content(found)) or label.strip() == found.strip()


def load_labels(path: Path) -> tuple[str, list[Label], dict]:
    """The paper name, its labels and its scope (``files``, ``min_line``) from a fixture."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    labels = [Label(symbol_key(d["symbol"]), d["symbol"], d["text"], d["file"], d["line"])
              for d in data["definition"]]
    scope = {"files": set(data.get("files", ())), "min_line": data.get("min_line", {})}
    return data["paper"], labels, scope


def in_scope(definition: Definition, scope: dict) -> bool:
    """Whether an extraction falls in the part of the paper that was labelled."""
    if scope["files"] and definition.file not in scope["files"]:
        return False
    return (definition.line or 0) >= scope["min_line"].get(definition.file, 0)


def score(paper: str, labels: list[Label], extracted: list[Definition]) -> PaperScore:
    """Match labels to extractions one to one (nearest line first)."""
    result = PaperScore(paper, labels, extracted)
    free = list(extracted)
    for label in labels:
        near = [d for d in free if d.symbol == label.key and d.file == label.file
                and d.line is not None and abs(d.line - label.line) <= LINE_SLACK]
        if near:
            best = min(near, key=lambda d: abs(d.line - label.line))
            free.remove(best)
            result.matched.append((label, best))
        else:
            result.missed.append(label)
    result.spurious = free
    return result


def score_paper(fixture: Path, corpus: Path = CORPUS) -> PaperScore:
    """Load the paper a fixture names from the corpus and score the extractor on it."""
    paper, labels, scope = load_labels(fixture)
    loaded = load_latex(corpus / "latex" / paper)
    extracted = once_per_paragraph(d for d in extract_definitions(loaded) if in_scope(d, scope))
    return score(paper, labels, extracted)


def once_per_paragraph(definitions) -> list[Definition]:
    """The first definition of each symbol in each paragraph: the unit the labels use."""
    seen: set[tuple[str, int]] = set()
    out = []
    for definition in definitions:
        if (definition.symbol, definition.order) not in seen:
            seen.add((definition.symbol, definition.order))
            out.append(definition)
    return out


def table(scores: list[PaperScore]) -> str:
    """The precision / recall table, one row a paper."""
    rows = [f"{'paper':32} {'labels':>6} {'found':>6} {'match':>6} {'prec':>6} {'recall':>6} "
            f"{'text':>6}"]
    for s in scores:
        rows.append(f"{s.paper:32} {len(s.labels):6d} {len(s.extracted):6d} {len(s.matched):6d} "
                    f"{s.precision:6.2f} {s.recall:6.2f} {s.text_agreement:6.2f}")
    return "\n".join(rows)


def details(s: PaperScore) -> str:
    """Every miss and every unmatched extraction, for working on the rules."""
    out = [f"\n== {s.paper}: missed {len(s.missed)}"]
    out += [f"  {m.file}:{m.line}  {m.symbol}  ({m.text})" for m in s.missed]
    out.append(f"== {s.paper}: extracted but not labelled {len(s.spurious)}")
    out += [f"  {d.file}:{d.line}  {d.latex}  -> {d.text}" for d in s.spurious]
    out.append(f"== {s.paper}: matched, text differs")
    out += [f"  {label.file}:{label.line}  {label.symbol}  label: {label.text} | found: {d.text}"
            for label, d in s.matched if not _texts_agree(label.text, d.text)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not (args.corpus / "latex").is_dir():
        print(f"corpus not found at {args.corpus}")
        return 1
    scores = [score_paper(f, args.corpus) for f in sorted(LABELS.glob("*.toml"))]
    print(table(scores))
    if args.verbose:
        for s in scores:
            print(details(s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
