"""Whether two defining phrases name the same thing, so a reused letter can be flagged.

A paper that calls θ "the parameters" and later "the model parameters" has not changed its
mind; one that calls σ "the logistic sigmoid" and later "a standard deviation" has. Only clear
contrasts count, because a false "this symbol is overloaded" warning costs the reader more than
a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.definition_words import DETERMINERS

_KINDS = {
    "data": """input data datapoint point observation sample example image value variable vector
        code pixel token instance state output target label signal feature guess""",
    "parameter": """parameter weight bias coefficient hyperparameter multiplier rate scale
        temperature shift mean variance deviation schedule""",
    "function": """function network net map mapping transformation model encoder decoder
        operator layer flow field kernel sigmoid nonlinearity non-linearity activation
        denoiser generator discriminator""",
    "distribution": "distribution density prior posterior likelihood probability model path",
    "count": "number size dimension dimensionality length count width depth",
    "index": "index step time iteration task epoch",
    "space": "space set manifold domain subspace family class",
    "objective": "loss objective error cost risk bound elbo divergence",
}
"""Head nouns by the kind of thing they name; a word may be of two kinds ("model")."""
_KIND_OF = {word: {kind for kind, words in _KINDS.items() if word in words.split()}
            for words in _KINDS.values() for word in words.split()}
_VAGUE = frozenset("of number the a an its their for over in on with and or".split())
"""Shared words that do not make two phrases one meaning."""


def same_meaning(a: str, b: str) -> bool:
    """Whether two defining phrases may name the same thing: only clear contrasts count.

    Case, articles, punctuation and plurals are ignored. Phrases that share a content word
    ("the variance schedule" / "the noise schedule") or whose head nouns are of one kind
    ("the input" / "the random variable": data) are one meaning; "the logistic sigmoid" and
    "a standard deviation" (a function, a parameter) are two. Unknown heads count as the same.
    """
    if a.startswith("=") and b.startswith("="):
        return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
    if a.startswith("=") or b.startswith("="):
        return True  # a formula and a phrase do not contradict each other
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb or (set(wa) & set(wb)) - _VAGUE:
        return True
    ka, kb = _KIND_OF.get(_head(wa)), _KIND_OF.get(_head(wb))
    return not (ka and kb and not ka & kb)


def any_contrast(texts: Sequence[str]) -> bool:
    """Some two of the phrases clearly name different things."""
    return any(not same_meaning(a, b) for i, a in enumerate(texts) for b in texts[i + 1:])


def _content_words(text: str) -> list[str]:
    """Lowercased words without articles, plural "s" dropped ("the Schedules" → schedule)."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("-", " "))
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in words if w not in DETERMINERS]


def _head(words: list[str]) -> str:
    """The head noun: the last word, or the one before "of" ("the number of steps")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]
