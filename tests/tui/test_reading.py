"""What the reader knows about a paper, without any screen: find, step, filter, search."""

from __future__ import annotations

from reader.model import AnnotatedEquation, PatternHit
from reader.tui.reading import PatternKey, Reading
from tests.tui.tiny_paper import TINY


def hit(pattern_id: str, family: str) -> PatternHit:
    return PatternHit(id=pattern_id, name=pattern_id.title(), family=family, span=(0, 1),
                      bindings={}, explanation="", demo=pattern_id)


def annotated_tiny() -> Reading:
    reading = Reading(TINY)
    first, second = TINY.equations
    reading.annotations["eq-1"] = AnnotatedEquation(first, True, None, "‖y − ŷ‖²",
                                                    (hit("squared_error", "losses"),))
    reading.annotations["eq-2"] = AnnotatedEquation(second, True, None, "1/n Σᵢ xᵢ",
                                                    (hit("mean", "statistics"),))
    return reading


def test_find_understands_numbers_labels_and_ids() -> None:
    reading = Reading(TINY)
    assert [reading.find(q) for q in ("2", "(2)", "eq:mean", "mean", "eq-1", "9", "")] == [
        "eq-2", "eq-2", "eq-2", "eq-2", "eq-1", None, None]


def test_neighbour_walks_display_equations_and_stops_at_the_ends() -> None:
    reading = Reading(TINY)
    assert reading.neighbour(None, 1) == "eq-1"
    assert reading.neighbour("eq-1", 1) == "eq-2"
    assert reading.neighbour("eq-2", 1) == "eq-2"
    assert reading.neighbour("eq-2", -1) == "eq-1"


def test_neighbour_under_a_filter_skips_to_matching_equations() -> None:
    reading = annotated_tiny()
    assert reading.neighbour("eq-1", 1, "family:statistics") == "eq-2"
    assert reading.neighbour("eq-2", -1, "pattern:squared_error") == "eq-1"


def test_pattern_keys_count_patterns_then_families() -> None:
    assert annotated_tiny().pattern_keys() == [
        PatternKey("pattern:mean", "Mean", 1),
        PatternKey("pattern:squared_error", "Squared_Error", 1),
        PatternKey("family:losses", "family: losses", 1),
        PatternKey("family:statistics", "family: statistics", 1),
    ]


def test_search_finds_prose_as_shown_and_equations_by_text() -> None:
    reading = annotated_tiny()
    assert reading.search("(2) is not") == [2]  # the reference as the reader shows it
    assert reading.search("x̄") == [2]
    assert reading.search("ŷ") == [1]
    assert reading.search("LOSS") == [0, 2]
    assert reading.search("  ") == []
