"""Noun phrases: the words that can name a symbol, and where a defining phrase ends.

Precision matters more than recall: a wrong meaning shown next to an equation misleads the
reader, a missing one only leaves a gap. So a phrase must end in a noun, and adjectives, bare
generic nouns ("a function f") and back references ("as defined above") are rejected here, once,
for every rule.
"""

from __future__ import annotations

import re

from reader.definition_sentences import SLOT_OPEN
from reader.definition_words import (
    ADJECTIVES,
    ANAPHORIC,
    DETERMINERS,
    GENERIC_NOUNS,
    NEGATIONS,
    NUMERALS,
    PREPOSITIONS,
    QUANTIFIERS,
    QUANTITIES,
    SINGULAR,
    STOP_WORDS,
    adjective,
    adverb,
    never_a_head,
    plural,
)

_TOKEN = re.compile("\ue000\\d+\ue001|[A-Za-z][A-Za-z'’\\-]*|<ref>|\\S")
_NOT_A_MEANING = re.compile(
    r"^(?:as (?:defined|above|before|in|given)|defined above|given above|(?:the )?same as|"
    r"not|also|equal|the following|following|then|now|here|still|again)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r";|:|\(|\s[–—]\s|\s(?:which|where|while|whereas|since|because|but|we|one can"
    r"|i\.e\.|e\.g\.|see|as in|respectively)\b|\s(?:in |by |from )?(?:Eq\.|Equation|\(?<ref>)"
    r"|\s(?:and|or)\s+(?=(?:the|a|an|its|their|each|every|all|any|some|let|we|then)\b"
    r"|\ue000)"
)
_MAX_MEANING_WORDS = 14


def noun_phrase_before(text: str, *, max_words: int = 6) -> str:
    """The noun phrase that ends right where ``text`` ends ("... the learning rate").

    Walks back over words until a determiner or numeral (kept), a stop word, punctuation or a
    formula; a parenthesised abbreviation just before the end ("function (PDF)") is skipped.
    A negated phrase ("no real data point") gives nothing.
    """
    tokens = _without_abbreviation(_TOKEN.findall(text))
    words: list[str] = []
    stopper = ""
    for at in range(len(tokens) - 1, -1, -1):
        low = tokens[at].lower()
        if low in NEGATIONS:
            return ""
        if low in DETERMINERS or low in NUMERALS:
            words.append(tokens[at])
            stopper = tokens[at - 1].lower() if at else ""
            break
        if not tokens[at][0].isalpha() or low in STOP_WORDS or adverb(low) \
                or len(words) >= max_words:
            stopper = low
            break
        words.append(tokens[at])
    return _checked(list(reversed(words)), stopper)


def _without_abbreviation(tokens: list[str]) -> list[str]:
    """Drop a final "(PDF)" so the walk starts at the name it abbreviates."""
    if len(tokens) >= 3 and tokens[-1] == ")" and "(" in tokens[-5:]:
        at = len(tokens) - 1 - tokens[::-1].index("(")
        if all(t.isalpha() or t == "-" for t in tokens[at + 1:-1]):
            return tokens[:at]
    return tokens


def _checked(words: list[str], stopper: str) -> str:
    """Drop walks that caught a verb or a quantifier rather than a noun phrase.

    "which maps $z$" and "always returns $z$" end in verbs; "A basic method sets $β$" has a
    singular article before a word in -s; "In some settings $p(x)$" is an adverbial.
    """
    for at in range(len(words) - 2, -1, -1):
        if plural(words[at].lower()) and words[at].lower() not in DETERMINERS:
            stopper = words[at].lower()  # "BC performs regression-based amortization": a verb
            words = words[at + 1:]
            break
    if not words:
        return ""
    first, head = words[0].lower(), words[-1].lower()
    if len(words) == 1 and stopper not in PREPOSITIONS:
        return ""  # a lone bare word: "which maps", "always returns"
    if first in SINGULAR and plural(head) and "of" not in [w.lower() for w in words]:
        return ""
    if first in QUANTIFIERS and stopper in PREPOSITIONS:
        return ""
    return " ".join(words)


def noun_phrase(phrase: str) -> str:
    """The part of ``phrase`` that can name a symbol, or "" when none can.

    It must end in a noun and say more than "a function"; without an article it needs two
    words or a plural ("learning rate", "parameters"). In "X of Y" the symbol names Y ("the
    Jacobian of the function"), unless X counts ("the number of steps").
    """
    words = phrase.split()
    if not words:
        return ""
    first = words[0].lower()
    has_det = first in DETERMINERS or first in NUMERALS
    if first in ANAPHORIC:
        return ""
    content = words[1:] if has_det else words
    lowered = [w.lower() for w in content]
    if "of" in lowered:
        at = len(lowered) - 1 - lowered[::-1].index("of")
        if not (at > 0 and lowered[at - 1] in QUANTITIES):
            return noun_phrase(" ".join(content[at + 1:]))
    if not content:
        return ""
    head = lowered[-1]
    if never_a_head(head) or head in PREPOSITIONS or head.endswith(("'s", "’s")):
        return ""
    if all(w in GENERIC_NOUNS or w in ADJECTIVES for w in lowered):
        return ""
    if has_det or len(content) >= 2 or plural(head):
        return phrase
    return ""


def name_before(text: str, *, max_words: int = 6) -> str:
    """The noun phrase ending ``text`` if it can name a symbol ("the learning rate"), else ""."""
    return noun_phrase(noun_phrase_before(text, max_words=max_words))


def trim_meaning(text: str) -> str:
    """Cut a defining phrase at the end of its clause (comma, "which", parenthesis...)."""
    text = re.sub(r"\s+", " ", text).strip()
    cut = _CLAUSE_END.search(text)
    if cut:
        text = text[:cut.start()]
    relative = re.search(r"\s(?:that|who)\s", text)
    if relative and meaning_ok(head := text[:relative.start()]) and len(head.split()) > 2:
        text = head  # "the training target that ...", but "a function that computes ..." stays
    text = _cut_at_comma(text)
    text = re.sub(r"\s*\(?<ref>\)?", "", text)
    text = re.sub(r"\s+(?:defined as|given by|as follows|follows)\s*$", "", text)
    words = text.split()[:_MAX_MEANING_WORDS]
    return " ".join(words).strip(" ,.;:")


def _cut_at_comma(text: str) -> str:
    """Cut at a comma, except inside a list of adjectives ("the unique, complete, ...")."""
    parts = text.split(",")
    kept = parts[0]
    for part in parts[1:]:
        words = kept.split()
        nxt = part.strip().split()
        starts_clause = not nxt or nxt[0].lower() in STOP_WORDS or nxt[0].startswith(SLOT_OPEN)
        if words and adjective(words[-1]) and not starts_clause:
            kept = kept + "," + part
            continue
        break
    return kept


def meaning_ok(text: str) -> bool:
    """The trimmed phrase says something: not empty, not a back reference, not generic."""
    if not text or _NOT_A_MEANING.match(text):
        return False
    words = [w for w in text.split() if not w.startswith(SLOT_OPEN)]
    if not words:
        return False
    content = [w for w in words if w.lower() not in DETERMINERS]
    if content and all(w.lower() in GENERIC_NOUNS for w in content):
        return False
    return not (len(words) == 1 and words[0].lower() in ADJECTIVES)
