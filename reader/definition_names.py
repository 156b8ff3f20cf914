"""Rules where the paper names a symbol: "NP, denoted X", "we call X NP", "Tangent Coupling (X)".

The sub-rules run in a fixed order and their phrases are concatenated, so when two of them give
the same symbol a meaning the earlier one wins, as in every other rule.
"""

from __future__ import annotations

import re

from reader.definition_nouns import name_before, noun_phrase, noun_phrase_before, trim_meaning
from reader.definition_sentences import SLOT_PATTERN
from reader.definition_slots import Phrase, Slots, info, symbol_list

_DENOTED = re.compile(r"[,(]?\s*(?:which we\s+|usually\s+|often\s+|commonly\s+|is\s+)?"
                      r"(?:denoted|termed|referred to|called)(?:\s+as|\s+by)?\s+" + SLOT_PATTERN)
_USE_FOR = re.compile(r"\b(?:[Ww]e\s+)?(?:use|write|writing|Writing|[Ww]rite)\s+" + SLOT_PATTERN
                      + r"\s+(?:to denote|for|as)\s+(.*)")
_CALL = re.compile(r"(?:\b[Ww]e|\bwill|\bto|,|\band)\s+call\s+((?:[\w'-]+\s+){0,6}?)"
                   + SLOT_PATTERN + r"\s+(.*)")
_DEFINE_AS = re.compile(r"\b(?:define|denote|write)\s+((?:the|a|an)\s+(?:[\w'-]+\s+){0,5}?)"
                        r"(?:as|by)\s+" + SLOT_PATTERN)
_CALL_IT = re.compile(r",\s*call it\s+" + SLOT_PATTERN)
_IS_CALLED = re.compile(SLOT_PATTERN + r"\s*,?\s*(?:and|which)\s+is\s+(?:usually\s+|commonly\s+|"
                        r"often\s+)?(?:called|termed|known as)\s+(.*)")


def rule_named(sentence: str, slots: Slots) -> list[Phrase]:
    """"Tangent Coupling (X)", "NP, denoted (by) X", "call X NP", "define NP as X"."""
    return [phrase for rule in _NAMING for phrase in rule(sentence, slots)]


def _in_parentheses(sentence: str, slots: Slots) -> list[Phrase]:
    """"Tangent Coupling ($\\mathcal{TC}$)": a name, then its symbol alone in parentheses."""
    out: list[Phrase] = []
    for match in re.finditer(r"\(\s*" + SLOT_PATTERN + r"\s*\)", sentence):
        slot = int(match.group(1))
        if info(slots, slot).relation:
            continue
        before = sentence[:match.start()].rstrip()
        capitalised = re.search(r"((?:[A-Z][\w'-]*\s+){0,4}[A-Z][\w'-]*)$", before)
        phrase = capitalised.group(1) if capitalised else name_before(before, max_words=5)
        if phrase:
            out.append(Phrase(slot, phrase, "named"))
    return out


def _denoted(sentence: str, slots: Slots) -> list[Phrase]:
    """"the prior, denoted X", "A and B, denoted X and Y respectively"."""
    out: list[Phrase] = []
    for match in _DENOTED.finditer(sentence):
        listed = symbol_list(sentence[match.start(1) - 1:], int(match.group(1)))
        before = re.sub(r"\s*[,(]?\s*$", "", sentence[:match.start()])
        if "respectively" in sentence[match.end():match.end() + 80] and len(listed) > 1:
            phrases = _respective(before, len(listed))
            out.extend(Phrase(s, p, "denoted") for s, p in zip(listed, phrases, strict=False))
        elif phrase := name_before(before):
            out.extend(Phrase(s, phrase, "denoted") for s in listed)
    return out


def _respective(text: str, count: int) -> list[str]:
    """The ``count`` noun phrases of "A, B and C" ending ``text``, for "..., respectively"."""
    phrases: list[str] = []
    for _ in range(count):
        phrase = noun_phrase_before(text)
        phrases.insert(0, phrase)
        text = text[: len(text) - len(phrase)] if phrase and text.endswith(phrase) else ""
        text = re.sub(r"\s*(?:,\s*and|,|and)\s*$", "", text)
    return phrases


def _use_for(sentence: str, slots: Slots) -> list[Phrase]:
    """"We use X to denote the prior", "write X for the prior"."""
    return [Phrase(int(m.group(1)), m.group(2), "use-to-denote")
            for m in _USE_FOR.finditer(sentence)]


def _call(sentence: str, slots: Slots) -> list[Phrase]:
    """"We call X the prior": what follows the symbol must be a name."""
    return [Phrase(int(m.group(2)), m.group(3), "call") for m in _CALL.finditer(sentence)
            if noun_phrase(trim_meaning(m.group(3)))]


def _define_as(sentence: str, slots: Slots) -> list[Phrase]:
    """"define the prior as X", "denote the prior by X"."""
    return [Phrase(int(m.group(2)), m.group(1), "define-as")
            for m in _DEFINE_AS.finditer(sentence)]


def _call_it(sentence: str, slots: Slots) -> list[Phrase]:
    """"the prior, call it X"."""
    return [Phrase(int(m.group(1)), name_before(sentence[:m.start()]), "call-it")
            for m in _CALL_IT.finditer(sentence)]


def _is_called(sentence: str, slots: Slots) -> list[Phrase]:
    """"X, which is called the prior"."""
    return [Phrase(int(m.group(1)), m.group(2), "is-called")
            for m in _IS_CALLED.finditer(sentence)]


_NAMING = (_in_parentheses, _denoted, _use_for, _call, _define_as, _call_it, _is_called)
