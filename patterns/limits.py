"""The budgets the math parser and matcher keep on hostile input, in one place.

``patterns`` depends on no other package of ours, so these cannot live in ``reader/limits.py``;
that module re-exports them, so one file still answers "how big can an input get?".
"""

from __future__ import annotations

MAX_PARSE_DEPTH = 60
"""Deepest bracket/brace nesting we parse; Python's stack needs ~10 frames a level, and no
real formula comes close (the deepest in the corpus is about 12)."""

MAX_BAR_SCAN = 4000
"""Tokens scanned ahead to pair a ``|`` or ``\\|``: bounds the cost on hostile input."""

MAX_PERMUTATION_ITEMS = 8
"""Longer sums/products are matched only in order: bounds the commutative search (8! orders)."""
