"""LaTeX's counters for sections and equations, so numbers match the printed paper.

A reader that says "Eq. 7" must mean the equation the PDF calls (7). We replay what LaTeX does:
sectioning steps and resets counters, ``\\numberwithin`` makes the section part of the equation
number, ``\\appendix`` switches to letters, ``subequations`` appends a, b, c, and ``\\tag``
overrides without stepping. Book-like classes number equations within chapters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BOOK_CLASSES = frozenset(
    {"book", "report", "tufte-book", "ctexbook", "ctexrep", "scrbook", "scrreprt", "memoir",
     "nowfnt", "nowfnt-arxiv", "amsbook", "krantz", "svmono"}
)
"""Classes with chapters, whose equations are numbered "chapter.n" by default."""

LEVELS = {"part": -1, "chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3,
          "paragraph": 4, "subparagraph": 5}
"""LaTeX's sectioning levels (used by secnumdepth)."""

_CHILDREN = {"part": [], "chapter": ["section"], "section": ["subsection"],
             "subsection": ["subsubsection"], "subsubsection": ["paragraph"],
             "paragraph": ["subparagraph"], "subparagraph": []}


def alph(n: int) -> str:
    """LaTeX's \\Alph / \\alph style beyond z: A..Z, then AA, AB... (never fails)."""
    if n <= 0:
        return str(n)
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(slots=True)
class Counters:
    """The state of LaTeX's counters while reading the paper from top to bottom."""

    book: bool = False
    values: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    equation: int = 0
    within: str | None = None
    """The sectioning counter equations are numbered within (None: plain 1, 2, 3)."""
    appendix: bool = False
    secnumdepth: int | None = None
    sub_parent: str | None = None
    """Inside ``subequations``: the shared number ("3"); rows become "3a", "3b"."""
    sub_letter: int = 0
    saved_equation: int = 0

    @classmethod
    def for_class(cls, document_class: str) -> Counters:
        book = document_class in BOOK_CLASSES
        return cls(book=book, within="chapter" if book else None)

    def depth_limit(self) -> int:
        if self.secnumdepth is not None:
            return self.secnumdepth
        return 2 if self.book else 3

    def the(self, name: str) -> str:
        """What ``\\the<name>`` prints, e.g. ``thesection`` → "A.2" in a book appendix."""
        value = self.values.get(name, 0)
        top = "chapter" if self.book else "section"
        if name == top:
            return alph(value) if self.appendix else str(value)
        if name == "section" and self.book:
            return f"{self.the('chapter')}.{value}"
        parent = {"subsection": "section", "subsubsection": "subsection",
                  "paragraph": "subsubsection", "subparagraph": "paragraph"}.get(name)
        return f"{self.the(parent)}.{value}" if parent else str(value)

    def heading(self, name: str, starred: bool) -> str | None:
        """Step counters for a heading; the printed number, or None when unnumbered."""
        if name not in LEVELS or starred or LEVELS[name] > self.depth_limit():
            return None
        if name == "chapter" and not self.book:
            return None
        self.step(name)
        return self.the(name)

    def step(self, name: str) -> None:
        if name == "equation":
            self.equation += 1
            return
        self.values[name] = self.values.get(name, 0) + 1
        self._reset_below(name)

    def _reset_below(self, name: str) -> None:
        for child in _CHILDREN.get(name, []):
            self.values[child] = 0
            self._reset_below(child)
        if self.within == name or (self.within and self._is_ancestor(name, self.within)):
            self.equation = 0

    def _is_ancestor(self, name: str, other: str) -> bool:
        return other in LEVELS and name in LEVELS and LEVELS[name] < LEVELS[other]

    def start_appendix(self) -> None:
        self.appendix = True
        top = "chapter" if self.book else "section"
        self.values[top] = 0
        self._reset_below(top)

    def set(self, name: str, value: int, *, add: bool = False) -> None:
        if name == "equation":
            self.equation = self.equation + value if add else value
        elif name in self.values:
            self.values[name] = self.values[name] + value if add else value
        elif name == "secnumdepth":
            self.secnumdepth = value

    def number_within(self, name: str | None) -> None:
        self.within = name if name in LEVELS else None

    def next_equation(self) -> str:
        """Step the equation counter and return the printed number."""
        if self.sub_parent is not None:
            self.sub_letter += 1
            return f"{self.sub_parent}{alph(self.sub_letter).lower()}"
        self.equation += 1
        return self._format(self.equation)

    def _format(self, value: int) -> str:
        return f"{self.the(self.within)}.{value}" if self.within else str(value)

    def begin_subequations(self) -> None:
        self.equation += 1
        self.sub_parent = self._format(self.equation)
        self.sub_letter = 0

    def end_subequations(self) -> None:
        self.sub_parent = None
