"""Cross-references in prose stay linkable, and title-page commands leave no junk text."""

from __future__ import annotations

from reader.cli import sample_paper_path
from reader.model import Paragraph
from reader.sources.latex import load_latex
from reader.sources.prose import to_text


def test_references_are_kept_for_the_reader_and_readable_elsewhere():
    latex = r"The sum in \eqref{eq:loglik} and Section~\ref{sec:vae} explain it."
    assert to_text(latex, keep_refs=True) == (
        r"The sum in \eqref{eq:loglik} and Section \ref{sec:vae} explain it.")
    assert to_text(latex) == "The sum in (eq:loglik) and Section (sec:vae) explain it."


def test_sample_paragraphs_link_their_equations_and_skip_the_title_page():
    paper = load_latex(sample_paper_path())
    paragraphs = [b.text for b in paper.blocks if isinstance(b, Paragraph)]
    assert not any("GIVEN" in text or "====" in text for text in paragraphs)
    linked = [text for text in paragraphs if r"\eqref{eq:loglik}" in text]
    assert linked and paper.labels["eq:loglik"]
    assert "<ref>" not in " ".join(paragraphs)
