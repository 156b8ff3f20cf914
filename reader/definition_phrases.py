"""The phrase rules that find where a paper's prose says what a symbol stands for.

The rules read a *masked* sentence: each inline formula is replaced by a slot ``\\ue000N\\ue001``
(N is the formula's index in its paragraph), so the regular expressions see words and slots
only and a period inside math can never end a sentence. What a slot holds (one symbol, a list
of symbols, a symbol with a constraint, a defining formula, or an expression) is decided
elsewhere and handed in as :class:`SlotInfo`; this module knows English, not LaTeX.

Precision matters more than recall: a wrong meaning shown next to an equation misleads the
reader, a missing one only leaves a gap. So every rule demands a defining verb or a noun phrase
that ends in a noun, and rejects adjectives, bare generic nouns ("a function f") and back
references ("as defined above").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

SLOT = "\ue000{}\ue001"
SLOT_RE = re.compile("\ue000(\\d+)\ue001")
_S = "\ue000(\\d+)\ue001"
_TOKEN = re.compile("\ue000\\d+\ue001|[A-Za-z][A-Za-z'’\\-]*|<ref>|\\S")

DETERMINERS = frozenset(
    "the a an our its their his her each every some any all this these those".split()
)
_ANAPHORIC = frozenset("this these those that it".split())
_NUMERALS = frozenset("one two three four five several".split())
_NEGATIONS = frozenset("no not never none".split())
_SUBJECTS = frozenset("which that who it we they one".split())
_QUANTIFIERS = frozenset("some any all every each".split())
_SINGULAR = frozenset("a an each every one".split())
_STOP = frozenset(
    """is are was were be been being has have had do does did and or nor but if then than
    that which who whom whose where when whenever while whereas we us they them it you to by
    for from on in into onto over under at as with without via per between among through
    across along about against within after before since because so such also only both
    either neither respectively namely let denote denotes denoted denoting call called
    termed write writes written using use uses used here there thus hence now note recall
    consider considering given tune learn learns compute computes train trains obtain
    obtains estimate estimates update updates optimize minimize maximize fit define defines
    defined introduce introduces choose take takes predict predicts outputs get
    give gives make makes apply assume see show shows find need needs requires require
    contains contain depends include includes produce produces follows follow yields yield
    rescales transforms mixes adds multiply divide evaluate evaluates inside outside beyond
    near toward towards upon throughout until like unlike above below behind beside besides
    plus minus versus
    around except whatever whether adding using taking applying computing setting making
    giving obtaining having choosing multiplying dividing shrinking keeping letting writing
    denoting defining assuming considering replacing substituting plugging putting dropping
    summing minimising minimizing maximising maximizing optimising optimizing needs starting
    sampling may might can could will would shall should must expect expects always often
    sometimes still just even again already never how what why far whose
    """.split()
)
_PREPOSITIONS = frozenset("of to in on at by for from with into over under per".split())
_QUANTITIES = frozenset("number set sequence family collection amount".split())
_NOT_AFTER_WITH = frozenset("order respect regard reference".split())
_ADJECTIVES = frozenset(
    """small large big given fixed same different new other another such certain true false
    real noisy clean less more most least higher lower larger smaller first second third last
    final optimal previous next following corresponding respective original entire whole full
    single several many few positive negative nonnegative known unknown learned trained
    arbitrary high low possible specific general particular simple complex deep linear
    nonlinear independent resulting above below latter former various additional initial
    empty zero nonzero remaining current""".split()
)
GENERIC_NOUNS = frozenset(
    """function functions distribution distributions variable variables model models term
    terms value values quantity quantities expression expressions equation equations number
    numbers vector vectors matrix matrices point points element elements set sets sum product
    case cases example examples form forms result results symbol symbols notation letter
    object objects thing things one way part version subscript superscript""".split()
)
_NOT_A_MEANING = re.compile(
    r"^(?:as (?:defined|above|before|in|given)|defined above|given above|(?:the )?same as|"
    r"not|also|equal|the following|following|then|now|here|still|again)\b",
    re.IGNORECASE,
)

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
_ABBREVIATIONS = frozenset(
    "e.g i.e cf eq eqs fig figs sec secs resp vs al w.r.t approx no thm def prop ch tab "
    "appx app ref refs".split()
)


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


def mask(text: str) -> tuple[str, list[str]]:
    """The paragraph with each ``$...$`` replaced by a slot, and the formulas in order."""
    maths: list[str] = []

    def keep(match: re.Match[str]) -> str:
        maths.append(match.group(1))
        return SLOT.format(len(maths) - 1)

    masked = re.sub(r"\$([^$]+)\$", keep, text)
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


def noun_phrase_before(text: str, *, max_words: int = 6) -> str:
    """The noun phrase that ends right where ``text`` ends ("... the learning rate").

    Walks back over words until a determiner or numeral (kept), a stop word, punctuation or a
    formula; a parenthesised abbreviation just before the end ("function (PDF)") is skipped.
    A negated phrase ("no real data point") gives nothing.
    """
    tokens = _TOKEN.findall(text)
    if len(tokens) >= 3 and tokens[-1] == ")" and "(" in tokens[-5:]:
        at = len(tokens) - 1 - tokens[::-1].index("(")
        if all(t.isalpha() or t == "-" for t in tokens[at + 1:-1]):
            tokens = tokens[:at]
    words: list[str] = []
    stopper = ""
    for at in range(len(tokens) - 1, -1, -1):
        low = tokens[at].lower()
        if low in _NEGATIONS:
            return ""
        if low in DETERMINERS or low in _NUMERALS:
            words.append(tokens[at])
            stopper = tokens[at - 1].lower() if at else ""
            break
        if not tokens[at][0].isalpha() or low in _STOP or _adverb(low) or len(words) >= max_words:
            stopper = low
            break
        words.append(tokens[at])
    return _checked(list(reversed(words)), stopper)


def _checked(words: list[str], stopper: str) -> str:
    """Drop walks that caught a verb or a quantifier rather than a noun phrase.

    "which maps $z$" and "always returns $z$" end in verbs; "A basic method sets $β$" has a
    singular article before a word in -s; "In some settings $p(x)$" is an adverbial.
    """
    for at in range(len(words) - 2, -1, -1):
        if _plural(words[at].lower()) and words[at].lower() not in DETERMINERS:
            stopper = words[at].lower()  # "BC performs regression-based amortization": a verb
            words = words[at + 1:]
            break
    if not words:
        return ""
    first, head = words[0].lower(), words[-1].lower()
    if len(words) == 1 and stopper not in _PREPOSITIONS:
        return ""  # a lone bare word: "which maps", "always returns"
    if first in _SINGULAR and _plural(head) and "of" not in [w.lower() for w in words]:
        return ""
    if first in _QUANTIFIERS and stopper in _PREPOSITIONS:
        return ""
    return " ".join(words)


def _adverb(word: str) -> bool:
    return word.endswith("ly") and word not in _LY_NOUNS


_LY_NOUNS = frozenset("family anomaly assembly supply reply monopoly poly".split())


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
    has_det = first in DETERMINERS or first in _NUMERALS
    if first in _ANAPHORIC:
        return ""
    content = words[1:] if has_det else words
    lowered = [w.lower() for w in content]
    if "of" in lowered:
        at = len(lowered) - 1 - lowered[::-1].index("of")
        if not (at > 0 and lowered[at - 1] in _QUANTITIES):
            return noun_phrase(" ".join(content[at + 1:]))
    if not content:
        return ""
    head = lowered[-1]
    if head in _ADJECTIVES or head in _STOP or head in DETERMINERS or head in _PREPOSITIONS \
            or _adverb(head) or head.endswith(("ed", "'s", "’s")):
        return ""
    if all(w in GENERIC_NOUNS or w in _ADJECTIVES for w in lowered):
        return ""
    if has_det or len(content) >= 2 or _plural(head):
        return phrase
    return ""


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def trim_meaning(text: str) -> str:
    """Cut a defining phrase at the end of its clause (comma, "which", parenthesis...)."""
    text = re.sub(r"\s+", " ", text).strip()
    cut = re.search(
        r";|:|\(|\s[–—]\s|\s(?:which|where|while|whereas|since|because|but|we|one can"
        r"|i\.e\.|e\.g\.|see|as in|respectively)\b|\s(?:in |by |from )?(?:Eq\.|Equation|\(?<ref>)"
        r"|\s(?:and|or)\s+(?=(?:the|a|an|its|their|each|every|all|any|some|let|we|then)\b"
        r"|\ue000)",
        text,
    )
    if cut:
        text = text[:cut.start()]
    relative = re.search(r"\s(?:that|who)\s", text)
    if relative and meaning_ok(head := text[:relative.start()]) and len(head.split()) > 2:
        text = head  # "the training target that ...", but "a function that computes ..." stays
    text = _cut_at_comma(text)
    text = re.sub(r"\s*\(?<ref>\)?", "", text)
    text = re.sub(r"\s+(?:defined as|given by|as follows|follows)\s*$", "", text)
    words = text.split()
    if len(words) > 14:
        words = words[:14]
    return " ".join(words).strip(" ,.;:")


def _cut_at_comma(text: str) -> str:
    """Cut at a comma, except inside a list of adjectives ("the unique, complete, ...")."""
    parts = text.split(",")
    kept = parts[0]
    for part in parts[1:]:
        words = kept.split()
        nxt = part.strip().split()
        starts_clause = not nxt or nxt[0].lower() in _STOP or nxt[0].startswith("\ue000")
        if words and _adjective(words[-1]) and not starts_clause:
            kept = kept + "," + part
            continue
        break
    return kept


def _adjective(word: str) -> bool:
    """An adjective in a list ("the unique, complete, simply-connected manifold")."""
    word = word.lower()
    return word in _ADJECTIVES or word.endswith(("ique", "ete", "ous", "ive", "able", "ible",
                                                 "ed", "ic"))


def meaning_ok(text: str) -> bool:
    """The trimmed phrase says something: not empty, not a back reference, not generic."""
    if not text or _NOT_A_MEANING.match(text):
        return False
    words = [w for w in text.split() if not w.startswith("\ue000")]
    if not words:
        return False
    content = [w for w in words if w.lower() not in DETERMINERS]
    if content and all(w.lower() in GENERIC_NOUNS for w in content):
        return False
    return not (len(words) == 1 and words[0].lower() in _ADJECTIVES)


def find_phrases(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """Every definition the sentence gives, one per (slot, item), first rule wins."""
    found: dict[tuple[int, int], Phrase] = {}

    def add(phrases: list[Phrase]) -> None:
        for phrase in phrases:
            if slots.get(phrase.slot, SlotInfo(0)).symbols == 0:
                continue
            if not phrase.formula:
                text = trim_meaning(phrase.text)
                if not meaning_ok(text):
                    continue
                phrase = Phrase(phrase.slot, text, phrase.rule, phrase.item)
            found.setdefault((phrase.slot, phrase.item), phrase)

    for rule in _RULES:
        add(rule(sentence, slots))
    add(_continuations(sentence, list(found.values())))
    add(_rule_count(sentence, slots))
    return sorted(found.values(), key=lambda p: (p.slot, p.item))


def _clauses(sentence: str, slots: Mapping[int, SlotInfo]) -> list[tuple[int, str, str]]:
    """Split at ";" and at "," / "and" that open a new "symbol ..." item.

    Returns (slot, text before the slot within its clause, text after it) for every clause
    that holds a slot, so "where A is x, B the y and C the z" yields three clauses; a bare
    symbol before "and" ("A and B are ...") stays with the next clause.
    """
    parts = re.split(r"(;|,\s*(?:and\s+)?(?=(?:[\w'-]+\s+){0,5}\ue000)|\s+and\s+(?=\ue000)"
                     r"|\s(?=where\b))", sentence)
    merged = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        bare = re.fullmatch(r"[^\ue000]*" + _S + r"\s*", merged[-1])
        if bare and separator.strip() == "and" and not slots.get(int(bare.group(1)),
                                                                 SlotInfo(0)).formula:
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
    first = rest.split(None, 1)[0].lower() if rest.split() else ""
    if link == "are":
        words = trim_meaning(rest).lower().split()[:8]
        if first not in DETERMINERS and not any(_plural(w) for w in words):
            return None
    elif link == "is" or not _BARE_OK.match(link):
        if first not in DETERMINERS and not re.match(r"(?:is|are) (?:defined as|taken to be)",
                                                     link):
            return None
    return rest


def _symbol_list(text: str, first: int) -> list[int]:
    """The slots of "A, B and C" starting at slot ``first`` (just ``[first]`` when alone)."""
    other = _S.replace("(", "(?:")
    pattern = re.compile(SLOT.format(first) + r"((?:\s*,\s*(?:and\s+)?" + other + r"|\s+and\s+"
                         + other + r")*)")
    match = pattern.search(text)
    extra = [int(n) for n in SLOT_RE.findall(match.group(1))] if match else []
    return [first, *extra]


def _after_list(text: str, listed: list[int]) -> str:
    """What follows the last slot of a list."""
    for slot in listed:
        text = text.split(SLOT.format(slot), 1)[-1]
    return text


def _rule_linked(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"where X is ...", "X denotes ...", "Here X is ...", "where X = ..." (a formula)."""
    out: list[Phrase] = []
    after_where = False
    for slot, before, after in _clauses(sentence, slots):
        after_where = after_where or bool(re.search(r"\bwhere\b", before, re.IGNORECASE))
        prefix = re.sub(r"^.*\bwhere\b", "", before, flags=re.DOTALL | re.IGNORECASE)
        if not _CLAUSE_PREFIX.match(prefix.strip(" ,")):
            continue
        listed = _symbol_list(SLOT.format(slot) + after, slot)
        tail = _after_list(after, listed[1:])
        linked = _linked(tail)
        if linked is not None and len(listed) > 1 and re.search(r"\brespectively\b", linked):
            parts = _split_respectively(linked, len(listed))
            out.extend(Phrase(s, p, "linked") for s, p in zip(listed, parts, strict=False))
        elif linked is not None and meaning_ok(trim_meaning(linked)):
            out.extend(Phrase(s, linked, "linked") for s in listed)
        elif after_where and slots.get(slot, SlotInfo(0)).formula and not re.match(
                r"\s*(?:holds|is satisfied|for all|for every|if|when|whenever)\b", after):
            out.append(Phrase(slot, "", "where-formula", formula=True))
    return out


def _split_respectively(text: str, count: int) -> list[str]:
    """"the mean and the standard deviation ..., respectively" -> one phrase per symbol."""
    text = re.split(r",?\s*\brespectively\b", text)[0]
    text = re.sub(r"\s+of\s+.*$", "", text)  # "... of the distribution": shared, dropped
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    return parts if len(parts) == count else []


def _rule_which_is(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"take $q_0 = N(μ, σ²)$ which is a reparametrized Gaussian density"."""
    out: list[Phrase] = []
    for match in re.finditer(_S + r",?\s+which\s+is\s+(?=((?:the|a|an)\s.*))", sentence):
        out.append(Phrase(int(match.group(1)), match.group(2), "which-is"))
    return out


def _continuations(sentence: str, found: list[Phrase]) -> list[Phrase]:
    """"... is the prior, Y the likelihood and Z the posterior": items after a definition."""
    defined = [p.slot for p in found if p.rule in _DEFINING_RULES]
    if not defined:
        return []
    out: list[Phrase] = []
    pattern = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)" + _S
                         + r"\s+(?=((?:the|a|an|its|their)\s.*))")
    for match in pattern.finditer(sentence):
        slot = int(match.group(1))
        if slot > min(defined) and all(p.slot != slot for p in found):
            out.append(Phrase(slot, match.group(2), "continued"))
    return out


def _rule_let(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"Let X be ...", "letting X be ...", "With X the ...", "with X being ..."."""
    out: list[Phrase] = []
    for match in re.finditer(r"\b([Ll]et(?:ting)?|[Ww]ith)\s+" + _S, sentence):
        listed = _symbol_list(sentence[match.start(2) - 1:], int(match.group(2)))
        rest = _after_list(sentence[match.start(2) - 1:], listed)
        if match.group(1).lower().startswith("let"):
            verb = re.match(r"\s*(?:be|denote)\s+(.*)", rest, re.DOTALL)
            if verb and (_linked("is " + verb.group(1)) or _linked("are " + verb.group(1))):
                out.extend(Phrase(s, verb.group(1), "let") for s in listed)
            continue
        rest = re.sub(r"^\s*(?:being|as)\s+", "", rest)
        if rest.split() and rest.split()[0].lower() in DETERMINERS - _ANAPHORIC:
            out.extend(Phrase(s, rest, "with") for s in listed)
    return out


def _rule_denote(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"We denote X = (...)", "denote X the ...", "denote X as ...", "write X as ..."."""
    out: list[Phrase] = []
    if not re.search(r"\b(?:denote|write|define)\b", sentence):
        return out
    for match in re.finditer(r"\b(?:denote|write|define|and)\s+" + _S + r"\s*(?=(.*))", sentence):
        slot, rest = int(match.group(1)), match.group(2)
        if slots.get(slot, SlotInfo(0)).formula and re.match(r"(?:[.,;]|and\b|$)", rest):
            out.append(Phrase(slot, "", "denote-formula", formula=True))
            continue
        rest = re.sub(r"^as\s+(?=(?:the|a|an|shorthand|an abbreviation)\b)", "", rest)
        if rest.split() and (rest.split()[0].lower() in DETERMINERS - _ANAPHORIC
                             or rest.startswith("shorthand")):
            out.append(Phrase(slot, rest, "denote"))
    return out


def _rule_apposition(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"the learning rate X", "with temperature X", "decay rates X and Y", "the origin, X,"."""
    out: list[Phrase] = []
    for match in SLOT_RE.finditer(sentence):
        slot = int(match.group(1))
        after = sentence[match.end():]
        if re.match(r"-[A-Za-z]", after) or sentence[:match.start()].endswith("-"):
            continue  # "$K$-way", "$\beta$-VAE", "max-$Q$": the symbol is part of a word
        counted = re.match(r"\s+([a-z][a-z-]*)\b", after)
        if slots.get(slot, SlotInfo(0)).letter and counted and _plural(counted.group(1)) \
                and counted.group(1) not in _STOP and len(counted.group(1)) > 3:
            continue  # "holds $N$ images": the letter counts, the phrase before is no name
        before = sentence[:match.start()]
        comma = before.rstrip().endswith(",")
        if comma:
            before = before.rstrip()[:-1]
            if not _comma_apposition(after, slots.get(slot, SlotInfo(0))):
                continue
        phrase = _owner(before, noun_phrase(noun_phrase_before(before)))
        if comma and phrase and phrase.split()[0].lower() not in DETERMINERS and not re.match(
                r"\s*\.", after):
            continue  # "Under mild conditions, $p_t$ ...": an adverbial, not a name
        if not phrase and not comma:
            phrase = _with_noun(before)
        if not phrase or slots.get(slot, SlotInfo(0)).formula and not comma and re.search(
                r"\b(?:of|to)\s+" + re.escape(phrase) + r"\s*$", before):
            continue  # "added to the original data $y = x + ε$": the formula stands alone
        out.append(Phrase(slot, phrase, "comma-apposition" if comma else "apposition"))
        listed = _symbol_list(sentence[match.start():], slot)
        if _plural(phrase.split()[-1].lower()) and re.match(
                r"\s*(?:[,.;)]|$)", _after_list(sentence[match.start():], listed)):
            out.extend(Phrase(s, phrase, "apposition") for s in listed[1:])
    return out


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
    if word in _STOP | _ADJECTIVES | GENERIC_NOUNS | _NOT_AFTER_WITH | DETERMINERS \
            or _adverb(word) or word.endswith("ed"):
        return ""
    return match.group(1)


def _rule_reverse(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"The prior over codes is X = ..." and "The tangent vector ... is then simply X."."""
    pattern = re.compile(r"(?:^|[;:]\s*|,\s*)(?:Here,?\s*|Then,?\s*|Thus,?\s*)?"
                         r"((?:The|the)\s+(?:(?:[\w'-]+|\ue000\d+\ue001)\s+){1,8}?)"
                         r"(?:is|are)\s+(?:then\s+|simply\s+|now\s+|given by\s+)*" + _S
                         + r"\s*(?=[,.;]|\s+and\b|$)")
    out: list[Phrase] = []
    for match in pattern.finditer(sentence):
        phrase = match.group(1).strip()
        words = [w for w in phrase.split() if not w.startswith("\ue000")]
        if any(w.lower() in _STOP - _PREPOSITIONS for w in words):
            continue
        head = re.split(r"\s(?:of|to|at|in|on|for|over|from)\s", " ".join(words) + " ")[0]
        if noun_phrase(head.strip()):
            out.append(Phrase(int(match.group(2)), phrase, "reverse"))
    return out


def _rule_named(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"Tangent Coupling (X)", "NP, denoted (by) X", "call X NP", "define NP as X"."""
    out = _named_in_parentheses(sentence, slots)
    denoted = re.compile(r"[,(]?\s*(?:which we\s+|usually\s+|often\s+|commonly\s+|is\s+)?"
                         r"(?:denoted|termed|referred to|called)(?:\s+as|\s+by)?\s+" + _S)
    for match in denoted.finditer(sentence):
        listed = _symbol_list(sentence[match.start(1) - 1:], int(match.group(1)))
        before = re.sub(r"\s*[,(]?\s*$", "", sentence[:match.start()])
        if "respectively" in sentence[match.end():match.end() + 80] and len(listed) > 1:
            phrases = _respective(before, len(listed))
            out.extend(Phrase(s, p, "denoted") for s, p in zip(listed, phrases, strict=False))
        elif phrase := noun_phrase(noun_phrase_before(before)):
            out.extend(Phrase(s, phrase, "denoted") for s in listed)
    for match in re.finditer(r"\b(?:[Ww]e\s+)?(?:use|write|writing|Writing|[Ww]rite)\s+" + _S
                             + r"\s+(?:to denote|for|as)\s+(.*)", sentence):
        out.append(Phrase(int(match.group(1)), match.group(2), "use-to-denote"))
    for match in re.finditer(r"(?:\b[Ww]e|\bwill|\bto|,|\band)\s+call\s+((?:[\w'-]+\s+){0,6}?)"
                             + _S + r"\s+(.*)", sentence):
        rest = match.group(3)
        if noun_phrase(trim_meaning(rest)):
            out.append(Phrase(int(match.group(2)), rest, "call"))
    for match in re.finditer(r"\b(?:define|denote|write)\s+((?:the|a|an)\s+(?:[\w'-]+\s+){0,5}?)"
                             r"(?:as|by)\s+" + _S, sentence):
        out.append(Phrase(int(match.group(2)), match.group(1), "define-as"))
    for match in re.finditer(r",\s*call it\s+" + _S, sentence):
        phrase = noun_phrase(noun_phrase_before(sentence[:match.start()]))
        out.append(Phrase(int(match.group(1)), phrase, "call-it"))
    for match in re.finditer(_S + r"\s*,?\s*(?:and|which)\s+is\s+(?:usually\s+|commonly\s+|"
                             r"often\s+)?(?:called|termed|known as)\s+(.*)", sentence):
        out.append(Phrase(int(match.group(1)), match.group(2), "is-called"))
    return out


def _named_in_parentheses(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"Tangent Coupling ($\\mathcal{TC}$)": a name, then its symbol alone in parentheses."""
    out: list[Phrase] = []
    for match in re.finditer(r"\(\s*" + _S + r"\s*\)", sentence):
        slot = int(match.group(1))
        if slots.get(slot, SlotInfo(0)).relation:
            continue
        before = sentence[:match.start()].rstrip()
        capitalised = re.search(r"((?:[A-Z][\w'-]*\s+){0,4}[A-Z][\w'-]*)$", before)
        phrase = capitalised.group(1) if capitalised else noun_phrase(
            noun_phrase_before(before, max_words=5))
        if phrase:
            out.append(Phrase(slot, phrase, "named"))
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


def _rule_count(sentence: str, slots: Mapping[int, SlotInfo]) -> list[Phrase]:
    """"the training set of N images", "over K outcomes": a letter that counts what follows."""
    pattern = re.compile(r"\b(?:" + "|".join(sorted(_COUNT_CUES)) + r")\s+" + _S
                         + r"\s+((?:[a-z][a-z-]*[^s\s]\s+)?[a-z][a-z-]*s)\b"
                         r"(?!\s+(?:to|that|the|a)\b)")
    out: list[Phrase] = []
    for match in pattern.finditer(sentence):
        slot, noun = int(match.group(1)), match.group(2)
        words = noun.split()
        if not _plural(words[-1]) or any(w in _STOP for w in words):
            continue
        if slots.get(slot, SlotInfo(0)).letter:
            out.append(Phrase(slot, f"number of {noun}", "count"))
    return out


_COUNT_CUES = frozenset(
    """of over with into has have contains contain containing using uses use by for among
    across from on in between after all sampling holds hold holding takes take keeps keep
    stores store returns return produces produce generates generate outputs includes
    including comprises comprising spans draws draw requires needs need to at""".split()
)
_DEFINING_RULES = frozenset({"linked", "let", "with", "where-formula", "denote", "which-is"})
_RULES = (_rule_linked, _rule_let, _rule_denote, _rule_which_is, _rule_named, _rule_reverse,
          _rule_apposition)
