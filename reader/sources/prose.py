"""Prose as plain text: titles, abstracts, headings, paragraphs and equation contexts.

Readers need the sentence around an equation ("where σ is the sigmoid") far more than they need
the prose's formatting, so prose is flattened to text with pylatexenc. Inline math is protected
by placeholders during the conversion and put back as ``$...$`` afterwards, so formulas survive
untouched (pylatexenc would otherwise try to render them as Unicode).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader import limits
from reader.sources.mathrows import read_group

PLACEHOLDER = "\ue000{}\ue001"
"""Stands for inline equation number {} during conversion; private-use characters never clash."""

_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")
_TITLE = re.compile(r"\\(?:title|icmltitle|Title|papertitle)(?![A-Za-z@])\*?\s*(?:\[[^\]]*\])?")
_PDF_TITLE = re.compile(r"pdftitle\s*=\s*\{([^{}]+)\}")
_ABSTRACT_ENV = re.compile(r"\\begin\s*\{abstract\}(.*?)\\end\s*\{abstract\}", re.S)
_ABSTRACT_CMD = re.compile(r"\\abstract(?![A-Za-z@])\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|(?<=[。！？])")
_DROP_COMMANDS = re.compile(
    r"\\(?:label|index|vspace\*?|hspace\*?|includegraphics|bibliography|bibliographystyle"
    r"|addbibresource|epigraph|maketitle|tableofcontents|newpage|clearpage)(?![A-Za-z@])"
    r"\s*(?:\[[^\]]*\])?\s*(?:\{[^{}]*\})?"
)
REFERENCE = re.compile(r"\\(eqref|ref|autoref|cref|Cref)\*?\s*\{([^{}]*)\}")
"""A cross-reference command: the command in group 1, the label key in group 2."""
_REF_MARK = re.compile("\ue002(\\d+)\ue003")
"""A cross-reference kept out of the converter's reach (it would print ``<ref>``)."""

_converter = None

_SPECIALS = {"---": "\u2014", "--": "\u2013", "``": "\u201c", "''": "\u201d", "!`": "\u00a1",
             "?`": "\u00bf", "~": "\u00a0"}
"""pylatexenc's text for its special character sequences (its default context)."""
_SPECIAL = re.compile("|".join(re.escape(k) for k in sorted(_SPECIALS, key=len, reverse=True)))
_NOT_PLAIN = re.compile(r"[\\{}$%&#^_]")
_PLAIN_ARGUMENT = r"([^{}\\$%&#^_]*)"
_SIMPLE_COMMAND = re.compile(r"\\([A-Za-z]+)\{" + _PLAIN_ARGUMENT + r"\}")
_SIMPLE_FORMATS = {
    **dict.fromkeys(("emph", "textbf", "textit", "textrm", "caption", "bibitem"), "{}"),
    **dict.fromkeys(("cite", "citet", "citep"), "<cit.>"),
    "footnote": "[{}]", "url": "<{}>",
}
"""Commands with one plain argument, as pylatexenc writes them (others go to pylatexenc)."""
_FONT_GROUP = re.compile(r"\{(?:\\(?:em|bf|it)\s+)?" + _PLAIN_ARGUMENT + r"\}")
"""A group, plain or switching the font (``{\\em X}``, ``{G}oogle``): pylatexenc keeps its text.
Commands are replaced before groups, so a group left is never a command's argument."""
_NO_TEXT = re.compile(r"\\(?:newblock|centering)(?![^\W\d_]|@)[ \t]*\n?[ \t]*")
"""Commands pylatexenc writes as nothing, with the blanks TeX skips after them (not a paragraph
break; for pylatexenc any Unicode letter continues a command name)."""
_SEAM = "\ue004"
"""Put where a command was removed, and dropped at the end: pylatexenc reads the text on each
side as separate nodes, so ``` `\\newblock`` ``` must not become the special ``` ``` ```."""
_LINE_BREAK = re.compile(r"\\\\(?!\s*[\[*])")
"""``\\\\`` without options, a line break (blank here); replaced first, so that
``\\\\emph`` never reads as ``\\emph``."""


def _latex_to_text(latex: str) -> str:
    """pylatexenc's text for ``latex``, computed directly when the prose is plain."""
    simple = _plain_text(latex)
    return simple if simple is not None else _pylatexenc_text(latex)


def _plain_text(latex: str) -> str | None:
    """What pylatexenc makes of prose that uses only plain text, its specials and a few simple
    commands (emphasis, citations, footnotes, bibliography items), else None.

    Most of a paper's paragraphs are such prose, and pylatexenc's walker costs ~2 ms per
    paragraph, most of a LaTeX paper's load time (``tests/reader/test_fast_paths.py`` holds
    the two to the same output, on invented prose and on the corpus).
    """
    simple = _LINE_BREAK.sub(_SEAM + " " + _SEAM, latex) if "\\\\" in latex else latex
    while "\\" in simple:  # innermost first: an argument is plain once its commands are gone
        reduced = _FONT_GROUP.sub(_SEAM + r"\1" + _SEAM, _NO_TEXT.sub(
            _SEAM, _SIMPLE_COMMAND.sub(_simple, simple)))
        if reduced == simple:
            break
        simple = reduced
    if _NOT_PLAIN.search(simple):
        return None
    return _SPECIAL.sub(lambda m: _SPECIALS[m.group(0)], simple).replace(_SEAM, "")


def _simple(match: re.Match[str]) -> str:
    format_ = _SIMPLE_FORMATS.get(match.group(1))
    return match.group(0) if format_ is None else _SEAM + format_.format(match.group(2)) + _SEAM


def _pylatexenc_text(latex: str) -> str:
    global _converter
    if _converter is None:
        from pylatexenc.latex2text import LatexNodes2Text

        _converter = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True)
    try:
        return _converter.latex_to_text(latex)
    except Exception:  # pylatexenc is tolerant but untrusted input can still trip it
        return re.sub(r"\\[A-Za-z@]+\*?|[{}]", " ", latex)


def to_text(latex: str, inline: Mapping[int, str] | None = None, *,
            keep_refs: bool = False) -> str:
    """Plain text for a piece of prose; placeholders become ``$latex$`` from ``inline``.

    ``keep_refs`` keeps ``\\eqref{key}`` verbatim (like inline math) so the reader can show the
    equation's number and jump to it; otherwise a reference reads ``(key)``.
    """
    refs: list[tuple[str, str]] = []

    def protect(match: re.Match[str]) -> str:
        refs.append((match.group(1), match.group(2).strip()))
        return f"\ue002{len(refs) - 1}\ue003"

    text = _latex_to_text(_DROP_COMMANDS.sub(" ", REFERENCE.sub(protect, latex)))
    text = " ".join(text.split())
    if refs:
        text = _REF_MARK.sub(lambda m: _ref_text(*refs[int(m.group(1))], keep_refs), text)
    if inline:
        text = _PLACEHOLDER_RE.sub(lambda m: f"${inline.get(int(m.group(1)), '')}$", text)
    return text


def _ref_text(kind: str, key: str, verbatim: bool) -> str:
    return f"\\{kind}{{{key}}}" if verbatim else f"({key})"


def find_title(text: str) -> str | None:
    """The paper's title from ``\\title``-like commands (``\\twocolumn[...]`` layouts included)."""
    for match in _TITLE.finditer(text):
        group = read_group(text, match.end())
        if group is not None:
            title = to_text(re.sub(r"\\\\(\[[^\]]*\])?|\\thanks\s*\{[^{}]*\}", " ", group[0]))
            if title:
                return title
    pdf_title = _PDF_TITLE.search(text)
    return to_text(pdf_title.group(1)) or None if pdf_title else None


def find_abstract(text: str) -> str:
    """The abstract environment or ``\\abstract{...}``, as plain text ("" when absent)."""
    match = _ABSTRACT_ENV.search(text)
    if match:
        return to_text(match.group(1))
    command = _ABSTRACT_CMD.search(text)
    if command:
        group = read_group(text, command.end())
        if group:
            return to_text(group[0])
    return ""


def _gather(parts: list[str], join) -> str:  # noqa: ANN001 - join(chosen, part) -> str
    """Whole sentences, nearest first, until there are 60 characters or the limit is reached."""
    chosen = ""
    for part in parts:
        candidate = join(chosen, part).strip()
        if len(candidate) > limits.MAX_CONTEXT_CHARS and chosen:
            break
        chosen = candidate
        if len(chosen) >= 60:
            break
    return chosen


def sentences_before(text: str) -> str:
    """The last sentence(s) of ``text``, at most MAX_CONTEXT_CHARS characters."""
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p]
    chosen = _gather(parts[::-1], lambda chosen, part: f"{part} {chosen}")
    if len(chosen) > limits.MAX_CONTEXT_CHARS:
        chosen = "…" + chosen[-(limits.MAX_CONTEXT_CHARS - 1) :].split(" ", 1)[-1]
    return chosen


def sentences_after(text: str) -> str:
    """The first sentence(s) of ``text``, at most MAX_CONTEXT_CHARS characters."""
    parts = [p for p in _SENTENCE_END.split(text.strip()) if p]
    chosen = _gather(parts, lambda chosen, part: f"{chosen} {part}")
    if len(chosen) > limits.MAX_CONTEXT_CHARS:
        chosen = chosen[: limits.MAX_CONTEXT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return chosen
