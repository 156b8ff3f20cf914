"""Masking inline math and splitting prose into sentences, before any phrase rule runs.

Each inline formula becomes a slot ``\\ue000N\\ue001`` (N is the formula's index in its
paragraph), so the rules' regular expressions see words and slots only and a period inside math
can never end a sentence. The private-use characters cannot occur in a paper's own prose.
"""

from __future__ import annotations

import re

from reader.sources.prose import REFERENCE

SLOT = "\ue000{}\ue001"
"""Format string of a slot: ``SLOT.format(3)`` stands for the paragraph's fourth formula."""
SLOT_OPEN = "\ue000"
"""First character of every slot: a word that starts with it is a formula."""
SLOT_PATTERN = "\ue000(\\d+)\ue001"
"""A slot as a regular expression, the formula's index in group 1; for building larger ones."""
SLOT_RE = re.compile(SLOT_PATTERN)

_ABBREVIATIONS = frozenset(
    "e.g i.e cf eq eqs fig figs sec secs resp vs al w.r.t approx no thm def prop ch tab "
    "appx app ref refs".split()
)


def mask(text: str) -> tuple[str, list[str]]:
    """The paragraph with each ``$...$`` replaced by a slot, and the formulas in order."""
    maths: list[str] = []

    def keep(match: re.Match[str]) -> str:
        maths.append(match.group(1))
        return SLOT.format(len(maths) - 1)

    masked = re.sub(r"\$([^$]+)\$", keep, text)
    # Cross-references stay verbatim in paragraphs (the reader links them); here they are
    # just "a reference", as the prose converter used to print them.
    masked = REFERENCE.sub("<ref>", masked)
    masked = re.sub(r"\s*<cit\.>", "", masked)
    masked = re.sub(r"\[-?\d+(?:\.\d+)?\]", " ", masked)
    return masked, maths


def sentences(masked: str) -> list[str]:
    """Split a masked paragraph into sentences; not at "e.g.", "Eq." or inside math."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?][\"”)]?\s+(?=[A-Z\ue000\[(“\"*<])", masked):
        before = masked[start:match.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(") if before else ""
        if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word):
            continue
        out.append(masked[start:match.end()].strip())
        start = match.end()
    tail = masked[start:].strip()
    if tail:
        out.append(tail)
    return out
