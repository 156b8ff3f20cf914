"""The phrase rules that find where a paper's prose says what a symbol stands for.

The rules read a *masked* sentence (see :mod:`reader.definition_sentences`): words and slots
only. What a slot holds is handed in as :class:`SlotInfo`; this package knows English, not LaTeX.
The rules themselves live by kind: verbs that link a symbol to its meaning
(:mod:`reader.definition_clauses`), naming verbs (:mod:`reader.definition_names`) and bare noun
phrases next to a symbol (:mod:`reader.definition_appositions`). This module runs them in order
of trust, so the most explicit form decides each symbol's meaning.
"""

from __future__ import annotations

import re

from reader.definition_appositions import rule_apposition, rule_count, rule_reverse
from reader.definition_clauses import rule_denote, rule_let, rule_linked, rule_which_is
from reader.definition_names import rule_named
from reader.definition_nouns import meaning_ok, noun_phrase, noun_phrase_before, trim_meaning
from reader.definition_sentences import SLOT, SLOT_PATTERN, SLOT_RE, mask, sentences
from reader.definition_slots import Phrase, SlotInfo, Slots, info
from reader.definition_words import DETERMINERS, GENERIC_NOUNS

_RULES = (rule_linked, rule_let, rule_denote, rule_which_is, rule_named, rule_reverse,
          rule_apposition)
"""Most explicit first: for each (slot, item) the first rule that gives a meaning wins."""
_DEFINING_RULES = frozenset({"linked", "let", "with", "where-formula", "denote", "which-is"})
"""Rules whose definition a list may continue ("X is the prior, Y the likelihood")."""
_CONTINUATION = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)" + SLOT_PATTERN
                           + r"\s+(?=((?:the|a|an|its|their)\s.*))")


def find_phrases(sentence: str, slots: Slots) -> list[Phrase]:
    """Every definition the sentence gives, one per (slot, item), first rule wins."""
    found: dict[tuple[int, int], Phrase] = {}
    for rule in _RULES:
        _keep(found, rule(sentence, slots), slots)
    _keep(found, _continuations(sentence, list(found.values())), slots)
    _keep(found, rule_count(sentence, slots), slots)
    return sorted(found.values(), key=lambda p: (p.slot, p.item))


def _keep(found: dict[tuple[int, int], Phrase], phrases: list[Phrase], slots: Slots) -> None:
    """Add the phrases that define a symbol and say something, trimmed, unless already found."""
    for phrase in phrases:
        if info(slots, phrase.slot).symbols == 0:
            continue
        if not phrase.formula:
            text = trim_meaning(phrase.text)
            if not meaning_ok(text):
                continue
            phrase = Phrase(phrase.slot, text, phrase.rule, phrase.item)
        found.setdefault((phrase.slot, phrase.item), phrase)


def _continuations(sentence: str, found: list[Phrase]) -> list[Phrase]:
    """"... is the prior, Y the likelihood and Z the posterior": items after a definition."""
    defined = [p.slot for p in found if p.rule in _DEFINING_RULES]
    if not defined:
        return []
    out: list[Phrase] = []
    for match in _CONTINUATION.finditer(sentence):
        slot = int(match.group(1))
        if slot > min(defined) and all(p.slot != slot for p in found):
            out.append(Phrase(slot, match.group(2), "continued"))
    return out


__all__ = ["DETERMINERS", "GENERIC_NOUNS", "SLOT", "SLOT_RE", "Phrase", "SlotInfo",
           "find_phrases", "mask", "meaning_ok", "noun_phrase", "noun_phrase_before",
           "sentences", "trim_meaning"]
