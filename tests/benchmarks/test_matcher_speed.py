"""How long the whole catalogue takes on a 100-equation paper (informational, never asserted).

The paper is assembled from the catalogue's own examples, cycling, so it grows with the
catalogue and always contains equations that match. With the default ``--benchmark-disable``
the body runs once, which still checks that it works.
"""

from __future__ import annotations

from itertools import cycle, islice

from patterns.catalogue import default_catalogue
from patterns.parser import parse_math
from patterns.recognise import Recogniser

PAPER_SIZE = 100


def _synthetic_paper() -> list:
    examples = [ex.latex for p in default_catalogue() for ex in p.match_examples]
    examples += [latex for p in default_catalogue() for latex in p.no_match_examples]
    return [parse_math(latex) for latex in islice(cycle(examples), PAPER_SIZE)]


def test_matching_a_paper_against_the_catalogue(benchmark) -> None:
    recogniser = Recogniser(default_catalogue())
    paper = _synthetic_paper()
    found = benchmark(lambda: [recogniser.find(tree) for tree in paper])
    assert len(found) == PAPER_SIZE
    assert sum(map(len, found)) > 0
