"""Rules where a verb links symbol and meaning: "where X is ...", "Let X be ...", "denote X ...".

These are the paper's explicit definitions, so they run first and win over the weaker noun
phrase rules of :mod:`reader.definition_appositions`.
"""

from __future__ import annotations

import re

from reader.definition_nouns import meaning_ok, trim_meaning
from reader.definition_sentences import SLOT, SLOT_PATTERN, SLOT_RE
from reader.definition_slots import Phrase, Slots, info, listed_at
from reader.definition_words import ARTICLES, DETERMINERS, first_word, plural

# Verbs that link a symbol to its meaning, longest first so "is defined as" beats "is".
_LINKS = (
    r"is (?:usually |commonly |often |simply |also |then |now )?(?:defined as|called|termed"
    r"|known as|referred to as|taken to be|chosen to be|used to denote)",
    r"are (?:usually |commonly |often |also )?(?:defined as|called|termed|known as"
    r"|referred to as|taken to be)",
    r"denotes|denote|represents|represent|stands for|stand for|refers to|refer to",
    r"is|are",
)
_LINK_RE = re.compile(r"^\s*(" + "|".join(_LINKS) + r")\s+(.*)$", re.DOTALL)
_BARE_OK = re.compile(r"^(?:is|are) (?:usually |commonly |often |simply |also |then |now )?"
                      r"(?:called|termed|known as|referred to as)|^(?:denotes?|represents?|"
                      r"stands? for|refers? to)")
_CLAUSE_PREFIX = re.compile(
    r"^(?:(?:here|then|thus|hence|now|also|finally|and|where|while|whereas|but|so|note that"
    r"|recall that|that is|i\.e\.|denoted|denoted by|denoted as|similarly|moreover|further"
    r"|furthermore|in addition|in particular|in other words|specifically|both|each|every"
    r"|(?:let us |we )?(?:assume|suppose) that|as|since|because"
    r"|in (?:eq\.|equation)\s*\(?<ref>\)?)\s*,?\s*)*"
    r"(?:(?:the |a |an )?(?:functions?|constants?|parameters?|variables?|vectors?|matrix)\s*)?$",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(r"(;|,\s*(?:and\s+)?(?=(?:[\w'-]+\s+){0,5}\ue000)|\s+and\s+(?=\ue000)"
                           r"|\s(?=where\b))")
_NOT_A_DEFINITION = re.compile(r"\s*(?:holds|is satisfied|for all|for every|if|when|whenever)\b")


def rule_linked(sentence: str, slots: Slots) -> list[Phrase]:
    """"where X is ...", "X denotes ...", "Here X is ...", "where X = ..." (a formula)."""
    out: list[Phrase] = []
    after_where = False
    for slot, before, after in _clauses(sentence, slots):
        after_where = after_where or bool(re.search(r"\bwhere\b", before, re.IGNORECASE))
        prefix = re.sub(r"^.*\bwhere\b", "", before, flags=re.DOTALL | re.IGNORECASE)
        if _CLAUSE_PREFIX.match(prefix.strip(" ,")):
            out.extend(_linked_clause(slot, after, after_where, slots))
    return out


def _linked_clause(slot: int, after: str, after_where: bool, slots: Slots) -> list[Phrase]:
    """The phrases of one clause "X is the prior", "X, Y are ..., respectively", "X = ..."."""
    listed, tail = listed_at(SLOT.format(slot) + after, slot)
    linked = _linked(tail)
    if linked is not None and len(listed) > 1 and re.search(r"\brespectively\b", linked):
        parts = _split_respectively(linked, len(listed))
        return [Phrase(s, p, "linked") for s, p in zip(listed, parts, strict=False)]
    if linked is not None and meaning_ok(trim_meaning(linked)):
        return [Phrase(s, linked, "linked") for s in listed]
    if after_where and info(slots, slot).formula and not _NOT_A_DEFINITION.match(after):
        return [Phrase(slot, "", "where-formula", formula=True)]
    return []


def _clauses(sentence: str, slots: Slots) -> list[tuple[int, str, str]]:
    """Split at ";" and at "," / "and" that open a new "symbol ..." item.

    Returns (slot, text before the slot within its clause, text after it) for every clause
    that holds a slot, so "where A is x, B the y and C the z" yields three clauses; a bare
    symbol before "and" ("A and B are ...") stays with the next clause.
    """
    parts = _CLAUSE_SPLIT.split(sentence)
    merged = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        bare = re.fullmatch(r"[^\ue000]*" + SLOT_PATTERN + r"\s*", merged[-1])
        if bare and separator.strip() == "and" and not info(slots, int(bare.group(1))).formula:
            merged[-1] = f"{merged[-1].rstrip()} and {piece}"
        else:
            merged.append(piece)
    out: list[tuple[int, str, str]] = []
    for piece in merged:
        match = SLOT_RE.search(piece)
        if match:
            out.append((int(match.group(1)), piece[:match.start()], piece[match.end():]))
    return out


def _linked(after: str) -> str | None:
    """"the prior" from " is the prior, ..." when the words after a slot define it."""
    match = _LINK_RE.match(after)
    if not match:
        return None
    link, rest = match.group(1), match.group(2)
    first = first_word(rest)
    if link == "are":
        words = trim_meaning(rest).lower().split()[:8]
        if first not in DETERMINERS and not any(plural(w) for w in words):
            return None
    elif link == "is" or not _BARE_OK.match(link):
        if first not in DETERMINERS and not re.match(r"(?:is|are) (?:defined as|taken to be)",
                                                     link):
            return None
    return rest


def _split_respectively(text: str, count: int) -> list[str]:
    """"the mean and the standard deviation ..., respectively" -> one phrase per symbol."""
    text = re.split(r",?\s*\brespectively\b", text)[0]
    text = re.sub(r"\s+of\s+.*$", "", text)  # "... of the distribution": shared, dropped
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    return parts if len(parts) == count else []


def rule_which_is(sentence: str, slots: Slots) -> list[Phrase]:
    """"take $q_0 = N(μ, σ²)$ which is a reparametrized Gaussian density"."""
    pattern = SLOT_PATTERN + r",?\s+which\s+is\s+(?=((?:the|a|an)\s.*))"
    return [Phrase(int(m.group(1)), m.group(2), "which-is")
            for m in re.finditer(pattern, sentence)]


def rule_let(sentence: str, slots: Slots) -> list[Phrase]:
    """"Let X be ...", "letting X be ...", "With X the ...", "with X being ..."."""
    out: list[Phrase] = []
    for match in re.finditer(r"\b([Ll]et(?:ting)?|[Ww]ith)\s+" + SLOT_PATTERN, sentence):
        listed, rest = listed_at(sentence[match.start(2) - 1:], int(match.group(2)))
        if match.group(1).lower().startswith("let"):
            out.extend(_let_be(listed, rest))
        else:
            out.extend(_with(listed, rest))
    return out


def _let_be(listed: list[int], rest: str) -> list[Phrase]:
    """"Let X be the prior", "let X denote the prior": the verb must link to a meaning."""
    verb = re.match(r"\s*(?:be|denote)\s+(.*)", rest, re.DOTALL)
    if verb and (_linked("is " + verb.group(1)) or _linked("are " + verb.group(1))):
        return [Phrase(s, verb.group(1), "let") for s in listed]
    return []


def _with(listed: list[int], rest: str) -> list[Phrase]:
    """"with X the prior", "with X being a constant": an article must open the meaning."""
    rest = re.sub(r"^\s*(?:being|as)\s+", "", rest)
    if first_word(rest) in ARTICLES:
        return [Phrase(s, rest, "with") for s in listed]
    return []


def rule_denote(sentence: str, slots: Slots) -> list[Phrase]:
    """"We denote X = (...)", "denote X the ...", "denote X as ...", "write X as ..."."""
    out: list[Phrase] = []
    if not re.search(r"\b(?:denote|write|define)\b", sentence):
        return out
    pattern = r"\b(?:denote|write|define|and)\s+" + SLOT_PATTERN + r"\s*(?=(.*))"
    for match in re.finditer(pattern, sentence):
        slot, rest = int(match.group(1)), match.group(2)
        if info(slots, slot).formula and re.match(r"(?:[.,;]|and\b|$)", rest):
            out.append(Phrase(slot, "", "denote-formula", formula=True))
            continue
        rest = re.sub(r"^as\s+(?=(?:the|a|an|shorthand|an abbreviation)\b)", "", rest)
        if first_word(rest) in ARTICLES or rest.startswith("shorthand"):
            out.append(Phrase(slot, rest, "denote"))
    return out
