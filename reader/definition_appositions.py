"""Rules where a noun phrase stands next to the symbol: "the learning rate $\\eta$".

No verb says "this is a definition" here, so these rules run after the linking rules of
:mod:`reader.definition_clauses` and reject anything that reads as a verb, an adverbial or a
count ("holds $N$ images") rather than a name.
"""

from __future__ import annotations

import re

from reader.definition_nouns import name_before, noun_phrase
from reader.definition_sentences import SLOT_OPEN, SLOT_PATTERN, SLOT_RE
from reader.definition_slots import Phrase, SlotInfo, Slots, info, listed_at
from reader.definition_words import (
    DETERMINERS,
    GENERIC_NOUNS,
    NOT_AFTER_WITH,
    PREPOSITIONS,
    STOP_WORDS,
    first_word,
    never_a_head,
    plural,
)

_COUNT_CUES = frozenset(
    """of over with into has have contains contain containing using uses use by for among
    across from on in between after all sampling holds hold holding takes take keeps keep
    stores store returns return produces produce generates generate outputs includes
    including comprises comprising spans draws draw requires needs need to at""".split()
)
"""Words after which "$N$ images" counts images: "a training set of $N$ images"."""
_REVERSE = re.compile(r"(?:^|[;:]\s*|,\s*)(?:Here,?\s*|Then,?\s*|Thus,?\s*)?"
                      r"((?:The|the)\s+(?:(?:[\w'-]+|\ue000\d+\ue001)\s+){1,8}?)"
                      r"(?:is|are)\s+(?:then\s+|simply\s+|now\s+|given by\s+)*" + SLOT_PATTERN
                      + r"\s*(?=[,.;]|\s+and\b|$)")
_COUNT = re.compile(r"\b(?:" + "|".join(sorted(_COUNT_CUES)) + r")\s+" + SLOT_PATTERN
                    + r"\s+((?:[a-z][a-z-]*[^s\s]\s+)?[a-z][a-z-]*s)\b"
                      r"(?!\s+(?:to|that|the|a)\b)")


def rule_apposition(sentence: str, slots: Slots) -> list[Phrase]:
    """"the learning rate X", "with temperature X", "decay rates X and Y", "the origin, X,"."""
    out: list[Phrase] = []
    for match in SLOT_RE.finditer(sentence):
        out.extend(_apposition_at(sentence, match, info(slots, int(match.group(1)))))
    return out


def _apposition_at(sentence: str, match: re.Match[str], slot: SlotInfo) -> list[Phrase]:
    """The name given to the slot at ``match`` by the words before it, if any."""
    number = int(match.group(1))
    before, after = sentence[:match.start()], sentence[match.end():]
    if re.match(r"-[A-Za-z]", after) or before.endswith("-"):
        return []  # "$K$-way", "$\beta$-VAE", "max-$Q$": the symbol is part of a word
    if _counts(after, slot):
        return []  # "holds $N$ images": the letter counts, the phrase before is no name
    comma = before.rstrip().endswith(",")
    phrase = _comma_name(before.rstrip()[:-1], after, slot) if comma else _name(before, slot)
    if not phrase:
        return []
    found = Phrase(number, phrase, "comma-apposition" if comma else "apposition")
    return [found, *_shared_plural(sentence[match.start():], number, phrase)]


def _counts(after: str, slot: SlotInfo) -> bool:
    """A plain letter followed by a plural noun counts it ("$N$ images")."""
    counted = re.match(r"\s+([a-z][a-z-]*)\b", after)
    if not (slot.letter and counted):
        return False
    noun = counted.group(1)
    return plural(noun) and noun not in STOP_WORDS and len(noun) > 3


def _comma_name(before: str, after: str, slot: SlotInfo) -> str:
    """"the origin, X, ...": a phrase with an article, the symbol set off by commas."""
    if not _comma_apposition(after, slot):
        return ""
    phrase = _owner(before, name_before(before))
    if phrase and first_word(phrase) not in DETERMINERS and not re.match(r"\s*\.", after):
        return ""  # "Under mild conditions, $p_t$ ...": an adverbial, not a name
    return phrase


def _name(before: str, slot: SlotInfo) -> str:
    """"the learning rate X", "with temperature X"; not "added to the data $y = x + ε$"."""
    phrase = _owner(before, name_before(before)) or _with_noun(before)
    if phrase and slot.formula and re.search(r"\b(?:of|to)\s+" + re.escape(phrase) + r"\s*$",
                                             before):
        return ""  # the formula stands alone
    return phrase


def _shared_plural(text: str, first: int, phrase: str) -> list[Phrase]:
    """"decay rates X and Y": a plural name ending the sentence covers the whole list."""
    listed, rest = listed_at(text, first)
    if plural(phrase.split()[-1].lower()) and re.match(r"\s*(?:[,.;)]|$)", rest):
        return [Phrase(s, phrase, "apposition") for s in listed[1:]]
    return []


def _owner(before: str, phrase: str) -> str:
    """"parameters of the generative model $θ$": the parameters, not the model, are θ."""
    if phrase:
        owner = re.search(r"\b((?:[\w-]+\s+)?(?:parameters|weights))\s+of\s+" + re.escape(phrase)
                          + r"\s*$", before)
        if owner:
            return f"{owner.group(1)} of {phrase}"
    return phrase


def _comma_apposition(after: str, slot: SlotInfo) -> bool:
    """"the origin, X, ..." names X only when X stands between commas (or ends the sentence)."""
    after = after.lstrip()
    return after[:1] in {",", "(", ".", ""} or (slot.formula and bool(re.match(r"(?:is|are)\b",
                                                                               after)))


def _with_noun(before: str) -> str:
    """The bare noun of "with temperature X" / "of variance X" (singular, no article)."""
    match = re.search(r"\b(?:with|of)\s+([A-Za-z][A-Za-z-]+)\s*$", before)
    if not match:
        return ""
    word = match.group(1).lower()
    if never_a_head(word) or word in GENERIC_NOUNS or word in NOT_AFTER_WITH:
        return ""
    return match.group(1)


def rule_reverse(sentence: str, slots: Slots) -> list[Phrase]:
    """"The prior over codes is X = ..." and "The tangent vector ... is then simply X."."""
    out: list[Phrase] = []
    for match in _REVERSE.finditer(sentence):
        phrase = match.group(1).strip()
        words = [w for w in phrase.split() if not w.startswith(SLOT_OPEN)]
        if any(w.lower() in STOP_WORDS - PREPOSITIONS for w in words):
            continue
        head = re.split(r"\s(?:of|to|at|in|on|for|over|from)\s", " ".join(words) + " ")[0]
        if noun_phrase(head.strip()):
            out.append(Phrase(int(match.group(2)), phrase, "reverse"))
    return out


def rule_count(sentence: str, slots: Slots) -> list[Phrase]:
    """"the training set of N images", "over K outcomes": a letter that counts what follows."""
    out: list[Phrase] = []
    for match in _COUNT.finditer(sentence):
        slot, noun = int(match.group(1)), match.group(2)
        words = noun.split()
        if not plural(words[-1]) or any(w in STOP_WORDS for w in words):
            continue
        if info(slots, slot).letter:
            out.append(Phrase(slot, f"number of {noun}", "count"))
    return out
