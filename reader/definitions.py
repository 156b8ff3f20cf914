"""The paper's own symbol definitions, read from its prose.

Papers say what their symbols mean in the sentences around the math: "where $\\beta_t$ is the
variance schedule", "Let $T$ be the number of steps", "the learning rate $\\eta$". This module
finds those phrases (the English rules live in :mod:`reader.definition_phrases`) and keeps them
in reading order, because a paper may reuse a letter: at an equation, the meaning in force is
the latest one stated before it, or the "where ..." clause right after it.

Symbols are compared by a canonical key, :func:`symbol_key`, so ``\\bm{x}_{0}`` in the prose and
``\\mathbf{x}_0`` in an equation meet. Function notation keeps its arguments (``p(\\mathbf{z})``
"the prior" and ``p(\\mathbf{x} \\mid \\mathbf{z})`` "the likelihood" are different things), except
the placeholder form ``f(\\cdot)``, which names the function ``f`` itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from patterns import tree as t
from patterns.parser import parse_math
from patterns.printer import to_latex
from patterns.unicode_text import to_text
from reader.definition_phrases import (
    DETERMINERS,
    SLOT_RE,
    Phrase,
    SlotInfo,
    find_phrases,
    mask,
    sentences,
)
from reader.model import EquationBlock, Heading, Paper, Paragraph


@dataclass(frozen=True, slots=True)
class Definition:
    """One place where the paper says what a symbol means."""

    symbol: str
    """Canonical key: ``symbol_key(latex)``."""
    latex: str
    """The symbol as the prose writes it (macros expanded), e.g. ``\\beta_t``."""
    text: str
    """The defining phrase as plain text, e.g. "the variance schedule"."""
    sentence: str
    """The whole sentence, inline math as readable Unicode, for context."""
    where: str
    """Where a reader finds it: "section 3.2, sections/method.tex line 60" or "page 3"."""
    order: int
    """Index of the paragraph in ``paper.blocks``."""
    equation: str | None
    """The display equation this sentence explains (a "where ..." right after it), else None."""
    file: str | None
    line: int | None
    page: int | None


_SKIP_NAMES = frozenset(
    r"\nabla \infty \partial \cdot \dots \ldots \cdots \vdots \ddots \top \prime \emptyset"
    r" \varnothing \odot \circ \times \pm \mp \forall \exists \sum \prod \int . * ' | \| \bot"
    r" \star \ast \dagger".split()
)
_CONSTRAINTS = frozenset(
    r"\in > < \geq \leq \ge \le \sim : \subset \subseteq \neq \ne \gg \ll \propto \approx"
    r" \colon".split()
)
_DEFINING = frozenset(r"= := \coloneqq \triangleq \equiv \doteq".split())
_NUMBER_SETS = frozenset("RNZQCE")
_HEAVY = (t.BigOp, t.Frac, t.Sqrt, t.Expectation, t.Apply, t.Norm, t.Abs, t.Angle, t.Matrix,
          t.Differential, t.Unparsed, t.Rows, t.Brace)


@functools.lru_cache(maxsize=4096)
def _parse(latex: str) -> t.Node | None:
    try:
        return parse_math(latex)
    except Exception:  # the parser is total in practice; a crash must not stop extraction
        return None


def symbol_key(latex: str) -> str:
    """Canonical key of a symbol: ``to_latex(parse_math(latex))``, so spellings compare equal.

    ``\\bm{x}_{0}``, ``\\mathbf{x}_0`` and ``\\boldsymbol{x}_0`` all give ``\\mathbf{x}_{0}``;
    ``f(\\cdot)`` gives the key of ``f`` because the dot only says "f, the function".
    """
    node = _parse(latex.strip())
    if node is None:
        return latex.strip()
    if isinstance(node, t.Apply) and all(_is_dot(a) for a in node.args):
        node = node.head
    return to_latex(node).strip()


def _is_dot(node: t.Node) -> bool:
    return isinstance(node, t.Symbol) and node.name in (r"\cdot", ".", r"\bullet")


def _letter(node: t.Node) -> bool:
    if not isinstance(node, t.Symbol) or node.name in _SKIP_NAMES:
        return False
    if node.font == "bb" and node.name in _NUMBER_SETS:
        return False  # ℝ, ℕ, ℤ: the paper uses them, it never defines them
    name = node.name
    return (len(name) == 1 and name.isalpha()) or (name.startswith("\\") and name[1:].isalpha())


def _plain_letter(node: t.Node) -> bool:
    """One italic Latin letter, the kind that counts things ("$N$ images", "$P = 256$ pixels")."""
    return isinstance(node, t.Symbol) and node.font == "" and len(node.name) == 1


def _index_like(node: t.Node | None) -> bool:
    """A sub/superscript that indexes (``t``, ``<i``, ``1:d``, ``(n)``), not a formula."""
    if node is None:
        return True
    nodes = list(node.walk())
    return len(nodes) <= 12 and not any(isinstance(n, _HEAVY) for n in nodes)


def _symbolish(node: t.Node) -> bool:
    """One symbol: a letter with accents, font, indices, or function notation ``p_θ(x | z)``."""
    if _letter(node):
        return True
    if isinstance(node, t.Accent):
        return _symbolish(node.body)
    if isinstance(node, t.Script):
        transpose = isinstance(node.sup, t.Symbol) and node.sup.name == r"\top"
        inverse = isinstance(node.sup, t.Neg)
        return (_letter(node.base) or isinstance(node.base, t.Accent) and _symbolish(node.base)) \
            and _index_like(node.sub) and _index_like(node.sup) and not transpose and not inverse
    if isinstance(node, t.Apply):
        big_o = isinstance(node.head, t.Symbol) and node.head.name == "O"
        return _symbolish(node.head) and not big_o and all(_argument(a) for a in node.args)
    if isinstance(node, t.Mul):
        return _named_mul(node)
    return False


def _argument(node: t.Node) -> bool:
    if _is_dot(node) or _symbolish(node):
        return True
    if isinstance(node, t.Conditional):
        return _argument(node.given) and _argument(node.condition)
    if isinstance(node, t.Seq):
        return all(_argument(i) for i in node.items)
    return False


def _named_mul(node: t.Mul) -> bool:
    """``γ(t)``, ``L[γ]``, the measure ``dz``, or a name of styled letters (``\\mathcal{TC}``)."""
    factors = node.factors
    if node.op or not 2 <= len(factors) <= 4:
        return False
    if len(factors) == 2 and isinstance(factors[1], t.Group) and factors[1].open in "([":
        return _symbolish(factors[0]) and factors[1].body is not None and _argument(
            factors[1].body)
    if len(factors) == 2 and isinstance(factors[0], t.Symbol) and factors[0].name == "d":
        return _symbolish(factors[1])
    fonts = {_font(f) for f in factors}
    return all(_symbolish(f) and not isinstance(f, t.Mul) for f in factors) and bool(
        fonts & {"cal", "bb", "frak", "scr"}) and "bold" not in fonts


def _font(node: t.Node) -> str:
    while isinstance(node, t.Script | t.Accent):
        node = node.base if isinstance(node, t.Script) else node.body
    return node.font if isinstance(node, t.Symbol) else ""


@dataclass(frozen=True, slots=True)
class _Slot:
    """An inline formula as the rules see it, plus what to show for it."""

    info: SlotInfo
    symbols: tuple[str, ...] = ()
    """The LaTeX of each definable symbol, as written."""
    rhs: str = ""
    """Unicode of the defining right-hand side (for ``x = ...``)."""
    text: str = ""
    """The whole formula as Unicode."""


@functools.lru_cache(maxsize=4096)
def _analyse(math: str) -> _Slot:
    """What an inline formula defines: its symbols, and a right-hand side if it is one."""
    node = _parse(re.sub(r"\\(?:vcentcolon|coloneqq|colon)\s*=", ":=", math))
    if node is None:
        return _Slot(SlotInfo(0), text=math)
    text = to_text(node)
    if t.unparsed_nodes(node):
        return _Slot(SlotInfo(0), text=text)
    spelled = functools.partial(_spelled, math)
    if _symbolish(node) or isinstance(node, t.Symbol) and not _is_dots(node) and not _is_dot(node):
        return _Slot(SlotInfo(1, letter=_plain_letter(node)), (spelled(node),), text=text)
    if isinstance(node, t.Relation) and _symbolish(node.operands[0]):
        op, rhs = node.ops[0], node.operands[1]
        symbols = (spelled(node.operands[0]),)
        if op in _DEFINING and len(node.ops) == 1 and _mentions_symbol(rhs):
            return _Slot(SlotInfo(1, formula=True, relation=True), symbols, to_text(rhs), text)
        if op in _CONSTRAINTS or op in _DEFINING:  # "p_t \to p" is a statement, not a type
            counted = _plain_letter(node.operands[0]) and isinstance(rhs, t.Number)
            return _Slot(SlotInfo(1, relation=True, letter=counted), symbols, text=text)
    if isinstance(node, t.Seq):
        return _analyse_list(node, spelled, text)
    return _Slot(SlotInfo(0), text=text)


def _spelled(math: str, node: t.Node) -> str:
    """The symbol as the formula writes it, or the printer's spelling if the span is odd."""
    written = math[node.span[0]:node.span[1]].strip()
    if not written or written.count("{") != written.count("}"):
        return to_latex(node)
    return written


def _analyse_list(node: t.Seq, spelled, text: str) -> _Slot:
    """``x, y``, ``u, v ∈ R^d``, the range ``t = 1, …, T`` (defines ``t``), ``x = …, ‖ε‖ ≈ 0``."""
    items = [i for i in node.items if not _is_dots(i)]
    first = items[0] if items else None
    if isinstance(first, t.Relation) and first.ops == ("=",) and _symbolish(first.operands[0]):
        formula = _mentions_symbol(first.operands[1]) and not isinstance(items[-1], t.Number)
        rhs = to_text(first.operands[1]) if formula else ""
        return _Slot(SlotInfo(1, formula=formula, relation=True), (spelled(first.operands[0]),),
                     rhs, text)
    relation = False
    if items and isinstance(items[-1], t.Relation) and items[-1].ops[0] in _CONSTRAINTS:
        items[-1] = items[-1].operands[0]
        relation = True
    if len(items) < 2 or not all(_symbolish(i) for i in items):
        return _Slot(SlotInfo(0), text=text)
    return _Slot(SlotInfo(len(items), relation=relation), tuple(spelled(i) for i in items),
                 text=text)


def _is_dots(node: t.Node) -> bool:
    if isinstance(node, t.Symbol):
        return node.name in (r"\dots", r"\ldots", r"\cdots", ".")
    return isinstance(node, t.Mul) and all(_is_dots(f) for f in node.factors)


def _mentions_symbol(node: t.Node) -> bool:
    return any(_letter(n) for n in node.walk())


def _render(masked: str, maths: list[str]) -> str:
    """Masked text back to plain text: formulas as Unicode, loader placeholders tidied."""
    text = SLOT_RE.sub(lambda m: _analyse(maths[int(m.group(1))]).text, masked)
    text = text.replace("(<ref>)", "(…)").replace("<ref>", "…")
    return re.sub(r"\s+", " ", text).strip()


def _section_label(heading: Heading) -> str:
    if heading.number:
        return f"{'chapter' if heading.level <= 0 else 'section'} {heading.number}"
    return f"“{heading.title.strip()}”"


def _where(section: str | None, paragraph: Paragraph, main_file: str | None) -> str:
    """"section 3.2, sections/method.tex line 60"; "line 214" in the main file; "page 3"."""
    if paragraph.line is not None:
        place = f"line {paragraph.line}"
        if paragraph.file and paragraph.file != main_file:
            place = f"{paragraph.file} {place}"
    elif paragraph.page is not None:
        return f"page {paragraph.page}"
    else:
        place = "position unknown"
    return f"{section}, {place}" if section else place


def _explains(blocks: tuple, order: int) -> str | None:
    """The display equation a paragraph continues ("where ...", "with ...", "Here ...")."""
    if order == 0 or not isinstance(blocks[order - 1], EquationBlock):
        return None
    text = blocks[order].text.lstrip()
    if re.match(r"(?:[a-z]|Here\b|Where\b)", text):
        return blocks[order - 1].equation_id
    return None


def _paragraph_definitions(paragraph: Paragraph, order: int, where: str,
                           equation: str | None) -> list[Definition]:
    masked, maths = mask(paragraph.text)
    slots = {i: _analyse(m) for i, m in enumerate(maths)}
    infos = {i: s.info for i, s in slots.items()}
    out: list[Definition] = []
    for number, sentence in enumerate(sentences(masked)):
        if not _english(sentence):
            continue
        for phrase in find_phrases(sentence, infos):
            slot = slots[phrase.slot]
            wanted = slot.symbols if phrase.item < 0 else slot.symbols[phrase.item:phrase.item + 1]
            for latex in wanted:
                key, text = symbol_key(latex), _meaning(phrase, slot, maths)
                if any(d.symbol == key and same_meaning(d.text, text) for d in out):
                    continue  # said twice in one paragraph: keep the first
                out.append(Definition(
                    symbol=key, latex=latex, text=text, sentence=_render(sentence, maths),
                    where=where, order=order, equation=equation if number == 0 else None,
                    file=paragraph.file, line=paragraph.line, page=paragraph.page))
    return out


def _english(sentence: str) -> bool:
    """The phrase rules read English: skip prose in other scripts (a translated paper)."""
    letters = [c for c in SLOT_RE.sub(" ", sentence) if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.8 * len(letters)


def _meaning(phrase: Phrase, slot: _Slot, maths: list[str]) -> str:
    if phrase.formula:
        return f"= {slot.rhs}"
    return _render(phrase.text, maths)


def extract_definitions(paper: Paper) -> tuple[Definition, ...]:
    """Every symbol definition the prose states, in reading order."""
    paragraphs = [b for b in paper.blocks if isinstance(b, Paragraph)]
    main_file = paragraphs[0].file if paragraphs else None
    section: str | None = None
    out: list[Definition] = []
    for order, block in enumerate(paper.blocks):
        if isinstance(block, Heading):
            section = _section_label(block)
        elif isinstance(block, Paragraph) and "$" in block.text:
            where = _where(section, block, main_file)
            out.extend(_paragraph_definitions(block, order, where,
                                              _explains(paper.blocks, order)))
    return tuple(out)


_KINDS = {
    "data": """input data datapoint point observation sample example image value variable vector
        code pixel token instance state output target label signal feature guess""",
    "parameter": """parameter weight bias coefficient hyperparameter multiplier rate scale
        temperature shift mean variance deviation schedule""",
    "function": """function network net map mapping transformation model encoder decoder
        operator layer flow field kernel sigmoid nonlinearity non-linearity activation
        denoiser generator discriminator""",
    "distribution": "distribution density prior posterior likelihood probability model path",
    "count": "number size dimension dimensionality length count width depth",
    "index": "index step time iteration task epoch",
    "space": "space set manifold domain subspace family class",
    "objective": "loss objective error cost risk bound elbo divergence",
}
_KIND_OF = {word: {kind for kind, words in _KINDS.items() if word in words.split()}
            for words in _KINDS.values() for word in words.split()}
_VAGUE = frozenset("of number the a an its their for over in on with and or".split())


def _content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in words if w not in DETERMINERS]


def _head(words: list[str]) -> str:
    """The head noun: the last word, or the one before "of" ("the number of steps")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def same_meaning(a: str, b: str) -> bool:
    """Whether two defining phrases may name the same thing: only clear contrasts count.

    Case, articles, punctuation and plurals are ignored. Phrases that share a content word
    ("the variance schedule" / "the noise schedule") or whose head nouns are of one kind
    ("the input" / "the random variable": data) are one meaning; "the logistic sigmoid" and
    "a standard deviation" (a function, a parameter) are two. Unknown heads count as the same.
    """
    if a.startswith("=") and b.startswith("="):
        return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
    if a.startswith("=") or b.startswith("="):
        return True  # a formula and a phrase do not contradict each other
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb or (set(wa) & set(wb)) - _VAGUE:
        return True
    ka, kb = _KIND_OF.get(_head(wa)), _KIND_OF.get(_head(wb))
    return not (ka and kb and not ka & kb)


def base_letter(key: str) -> str | None:
    """The letter under accents, fonts, indices and arguments: θ for ``\\hat{\\theta}_t``."""
    node = _parse(key)
    while node is not None and not isinstance(node, t.Symbol):
        if isinstance(node, t.Script):
            node = node.base
        elif isinstance(node, t.Accent):
            node = node.body
        elif isinstance(node, t.Apply):
            node = node.head
        elif isinstance(node, t.Mul) and len(node.factors) == 2 and isinstance(
                node.factors[1], t.Group):
            node = node.factors[0]
        else:
            return None
    return node.name if node is not None and _letter(node) else None


class DefinitionIndex:
    """Definitions of one paper, looked up by symbol key and equation position."""

    def __init__(self, paper: Paper, definitions: Iterable[Definition]) -> None:
        self._by_key: dict[str, list[Definition]] = {}
        for definition in sorted(definitions, key=lambda d: d.order):
            self._by_key.setdefault(definition.symbol, []).append(definition)
        self._position, self._run_end = _equation_positions(paper)

    def in_force(self, key: str, equation_id: str) -> Definition | None:
        """The meaning of ``key`` at that equation.

        A "where ..." sentence right after the equation (or after the run of display rows it
        belongs to) wins; otherwise the latest definition at or before the equation's place in
        reading order. Inline equations take the place of the paragraph that holds them; when
        that cannot be found, the meaning is given only if the paper never changes it.
        """
        defs = self._by_key.get(key)
        if not defs:
            return None
        run_end = self._run_end.get(equation_id)
        if run_end is not None:
            for definition in defs:
                if definition.equation == run_end:
                    return definition
        position = self._position.get(equation_id)
        if position is None:
            return None if self.overloaded(key) else defs[0]
        before = [d for d in defs if d.order <= position]
        return before[-1] if before else None

    def meanings(self, key: str) -> tuple[Definition, ...]:
        """Every definition of ``key``, in reading order."""
        return tuple(self._by_key.get(key, ()))

    def overloaded(self, key: str) -> bool:
        """The paper gives ``key`` two clearly different meanings."""
        texts = [d.text for d in self._by_key.get(key, ())]
        return any(not same_meaning(a, b) for i, a in enumerate(texts) for b in texts[i + 1:])

    def related(self, key: str) -> tuple[str, ...]:
        """Other defined keys on the same base letter (θ, θ_t, θ̂): distinct but related."""
        letter = base_letter(key)
        if letter is None:
            return ()
        return tuple(k for k in self._by_key if k != key and base_letter(k) == letter)

    def keys(self) -> tuple[str, ...]:
        """Every defined key, in order of first definition."""
        return tuple(self._by_key)


def _equation_positions(paper: Paper) -> tuple[dict[str, int], dict[str, str]]:
    """Block position of every equation, and the last row id of each display run."""
    position: dict[str, int] = {}
    run_end: dict[str, str] = {}
    run: list[str] = []
    for order, block in enumerate((*paper.blocks, None)):
        if isinstance(block, EquationBlock):
            position[block.equation_id] = order
            run.append(block.equation_id)
            continue
        for equation_id in run:
            run_end[equation_id] = run[-1]
        run = []
    paragraphs = [(o, b) for o, b in enumerate(paper.blocks) if isinstance(b, Paragraph)]
    for equation in paper.equations:
        if equation.id not in position:
            found = _holding_paragraph(equation, paragraphs)
            if found is not None:
                position[equation.id] = found
    return position, run_end


def _holding_paragraph(equation, paragraphs: list[tuple[int, Paragraph]]) -> int | None:
    """The paragraph an inline equation stands in: by file and line, else by its text."""
    if equation.file and equation.line:
        orders = [o for o, p in paragraphs if p.file == equation.file and p.line is not None
                  and p.line <= equation.line]
        if orders:
            return orders[-1]
    needle = f"${equation.latex}$"
    for order, paragraph in paragraphs:
        if needle in paragraph.text:
            return order
    return None


__all__ = ["Definition", "DefinitionIndex", "base_letter", "extract_definitions",
           "same_meaning", "symbol_key"]
