"""The English word lists the definition rules read with, and the word tests built on them.

Kept apart from the rules so each list is written once: the noun-phrase walk, the clause rules
and the apposition rules all ask "is this a stop word, an adjective, a plural?" of the same lists.
"""

from __future__ import annotations

DETERMINERS = frozenset(
    "the a an our its their his her each every some any all this these those".split()
)
ANAPHORIC = frozenset("this these those that it".split())
"""Words that point back ("this", "it"): what follows them is no new meaning."""
ARTICLES = DETERMINERS - ANAPHORIC
"""Determiners that open a fresh noun phrase ("the prior", "a Gaussian")."""
NUMERALS = frozenset("one two three four five several".split())
NEGATIONS = frozenset("no not never none".split())
QUANTIFIERS = frozenset("some any all every each".split())
SINGULAR = frozenset("a an each every one".split())
STOP_WORDS = frozenset(
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
"""Words that can never be part of a name: verbs, conjunctions, pronouns, prepositions."""
PREPOSITIONS = frozenset("of to in on at by for from with into over under per".split())
QUANTITIES = frozenset("number set sequence family collection amount".split())
"""Heads that count what follows "of" ("the number of steps" names the number, not the steps)."""
NOT_AFTER_WITH = frozenset("order respect regard reference".split())
"""Nouns of fixed phrases ("with respect to") that name nothing."""
ADJECTIVES = frozenset(
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
"""Nouns too vague to be a meaning on their own ("a function $f$")."""
_LY_NOUNS = frozenset("family anomaly assembly supply reply monopoly poly".split())


def plural(word: str) -> bool:
    """A plural noun or a verb in -s; "loss", "bias", "basis" are neither."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def adverb(word: str) -> bool:
    """A word in -ly that is no noun ("family", "anomaly" are nouns)."""
    return word.endswith("ly") and word not in _LY_NOUNS


def adjective(word: str) -> bool:
    """An adjective in a list ("the unique, complete, simply-connected manifold")."""
    word = word.lower()
    return word in ADJECTIVES or word.endswith(("ique", "ete", "ous", "ive", "able", "ible",
                                                 "ed", "ic"))


def never_a_head(word: str) -> bool:
    """A lowercased word that cannot end a name: a stop word, adjective, adverb or participle."""
    return (word in ADJECTIVES or word in STOP_WORDS or word in DETERMINERS or adverb(word)
            or word.endswith("ed"))


def first_word(text: str) -> str:
    """The first word of ``text``, lowercased; "" when there is none."""
    words = text.split(None, 1)
    return words[0].lower() if words else ""
