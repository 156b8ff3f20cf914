"""What the phrase rules know of a formula, what they return, and lists of formulas.

What a slot holds (one symbol, a list of symbols, a symbol with a constraint, a defining formula,
or an expression) is decided from the LaTeX elsewhere and handed in as :class:`SlotInfo`, so the
rules know English, not LaTeX.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from reader.definition_sentences import SLOT, SLOT_PATTERN, SLOT_RE


@dataclass(frozen=True, slots=True)
class SlotInfo:
    """What one inline formula offers the rules."""

    symbols: int
    """How many definable symbols the formula names (0: an expression, nothing to define)."""
    formula: bool = False
    """The formula is ``symbol = right-hand side`` with symbols on the right: a definition."""
    relation: bool = False
    """The formula carries a relation (``x \\in R``, ``T = 1000``, ``x = ...``)."""
    letter: bool = False
    """The formula is one plain letter (``N``, ``k``): it may count things ("N images")."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """One place where a sentence gives a slot's symbol(s) a meaning."""

    slot: int
    text: str
    """The defining phrase, still masked (may hold slots); empty when ``formula``."""
    rule: str
    item: int = -1
    """Which symbol of a list slot the phrase is for; -1 for all of them."""
    formula: bool = False
    """The meaning is the slot's own right-hand side (``where alpha = K<x, y>``)."""


Slots = Mapping[int, SlotInfo]
"""The paragraph's formulas by slot number, as every rule receives them."""
_NOTHING = SlotInfo(0)
_ANOTHER = SLOT_PATTERN.replace("(", "(?:")


def info(slots: Slots, slot: int) -> SlotInfo:
    """The slot's info; a slot the caller did not describe defines nothing."""
    return slots.get(slot, _NOTHING)


def symbol_list(text: str, first: int) -> list[int]:
    """The slots of "A, B and C" starting at slot ``first`` (just ``[first]`` when alone)."""
    pattern = re.compile(SLOT.format(first) + r"((?:\s*,\s*(?:and\s+)?" + _ANOTHER
                         + r"|\s+and\s+" + _ANOTHER + r")*)")
    match = pattern.search(text)
    extra = [int(n) for n in SLOT_RE.findall(match.group(1))] if match else []
    return [first, *extra]


def after_list(text: str, listed: list[int]) -> str:
    """What follows the last slot of a list."""
    for slot in listed:
        text = text.split(SLOT.format(slot), 1)[-1]
    return text


def listed_at(text: str, first: int) -> tuple[list[int], str]:
    """The list of slots starting at ``first`` in ``text``, and the text after it."""
    listed = symbol_list(text, first)
    return listed, after_list(text, listed)
