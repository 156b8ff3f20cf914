"""Schema checks for the curated glossary: one TOML file per meaning under glossary/entries/.

The folder is resolved through ``importlib.resources`` so that these tests also prove the entries
ship as package data of ``glossary``. Whether each cue really matches its examples is for the
matcher's tests; here we check what the data itself promises: shape, ids, cross-references, that
every cue names its glyph, and that every glyph shared by several meanings can be told apart.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

REQUIRED_KEYS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "symbols": list,
    "read_as": str,
    "meaning": str,
    "example": str,
    "see_also": list,
}
OPTIONAL_KEYS: dict[str, type | tuple[type, ...]] = {"prior": (int, float), "cues": list}
CUE_KEYS = {"template", "weight", "examples"}

# The public contract: glossary/lookup.py and the pattern catalogue refer to these ids.
CONTRACT_IDS = frozenset(
    """
    expectation variance standard_deviation mean covariance norm absolute_value inner_product
    gradient partial_derivative sum product integral constant parameters learning_rate
    regularization_strength noise small_constant distributed_as normal_distribution kl_divergence
    entropy cross_entropy log exp sigmoid softmax transpose hadamard_product identity_matrix
    indicator argmin argmax maximum minimum probability conditional definition proportional_to
    estimate loss likelihood dataset real_numbers dimension sample_count weights bias latent input
    target prediction timestep temperature inverse determinant trace set_membership
    """.split()
)
MIN_ENTRIES = 80
MAX_MEANING_CHARS = 450

ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
HOLE_RE = re.compile(r"\?[A-Za-z][A-Za-z0-9_]*")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)")
TOKEN_RE = re.compile(r"\\[A-Za-z]+|\\.|\S")


def _entries_root() -> Path:
    root = importlib.resources.files("glossary") / "entries"
    return Path(str(root))


ENTRY_PATHS = sorted(_entries_root().rglob("*.toml"))


def _load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def entries() -> dict[str, dict]:
    """All entries by file stem; the per-file tests below report which file is broken."""
    return {path.stem: _load(path) for path in ENTRY_PATHS}


def _braces_balanced(latex: str) -> bool:
    """True when ``{``/``}`` nest properly; escaped ``\\{``, ``\\}`` are literal characters."""
    depth = 0
    i = 0
    while i < len(latex):
        ch = latex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def _tokens(latex: str) -> list[str]:
    """Control words, control symbols and single characters, blanks dropped; holes become ``?``."""
    return TOKEN_RE.findall(HOLE_RE.sub("?", latex))


def _mentions(latex: str, symbol: str) -> bool:
    """True when ``symbol`` occurs in ``latex`` as whole tokens, ignoring ``?hole`` names.

    ``\\in`` must not count inside ``\\int``, nor ``x`` inside ``\\exp`` or the hole ``?x``;
    ``d`` does count in ``dx``, which is two symbols in math mode.
    """
    haystack, needle = _tokens(latex), _tokens(symbol)
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def _sentence_count(text: str) -> int:
    return len(SENTENCE_END_RE.findall(text.strip()))


def _shared_latex_glyphs(entries: dict[str, dict]) -> dict[str, list[str]]:
    """LaTeX (ASCII) glyphs listed by two or more entries, with the ids that list them.

    Unicode glyphs are left out: cue templates are LaTeX, so they can only name the LaTeX form.
    """
    owners: dict[str, list[str]] = defaultdict(list)
    for entry_id, entry in entries.items():
        for symbol in entry["symbols"]:
            if symbol.isascii():
                owners[symbol].append(entry_id)
    return {glyph: ids for glyph, ids in owners.items() if len(ids) > 1}


def test_entries_ship_inside_the_glossary_package():
    assert ENTRY_PATHS, "no TOML files found under glossary/entries"
    assert len(ENTRY_PATHS) >= MIN_ENTRIES, f"only {len(ENTRY_PATHS)} entries"


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=lambda p: f"{p.parent.name}/{p.stem}")
class TestEntryFile:
    def test_keys_and_types(self, path: Path):
        entry = _load(path)
        unknown = set(entry) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS)
        assert not unknown, f"unknown keys {sorted(unknown)}"
        for key, kind in REQUIRED_KEYS.items():
            assert key in entry, f"missing {key}"
            assert isinstance(entry[key], kind), f"{key} has type {type(entry[key]).__name__}"
        for key, kind in OPTIONAL_KEYS.items():
            if key in entry:
                assert isinstance(entry[key], kind), f"{key} has type {type(entry[key]).__name__}"
        for key in ("name", "read_as", "meaning", "example"):
            assert entry[key].strip(), f"{key} is empty"

    def test_id_is_the_snake_case_file_stem(self, path: Path):
        entry = _load(path)
        assert entry["id"] == path.stem
        assert ID_RE.fullmatch(entry["id"]), "id must be snake_case"

    def test_symbols_are_distinct_non_empty_strings(self, path: Path):
        symbols = _load(path)["symbols"]
        assert symbols, "an entry needs at least one symbol"
        assert all(isinstance(s, str) and s.strip() == s and s for s in symbols), symbols
        assert len(set(symbols)) == len(symbols), "a symbol is listed twice"

    def test_prior_is_a_probability(self, path: Path):
        entry = _load(path)
        if "prior" in entry:
            assert not isinstance(entry["prior"], bool)
            assert 0.0 <= entry["prior"] <= 1.0

    def test_meaning_is_two_or_three_short_sentences(self, path: Path):
        meaning = _load(path)["meaning"]
        assert len(meaning) <= MAX_MEANING_CHARS, f"meaning has {len(meaning)} characters"
        assert 2 <= _sentence_count(meaning) <= 3, f"{_sentence_count(meaning)} sentences"
        assert meaning.strip()[-1] in ".!?", "meaning must end a sentence"

    def test_see_also_is_distinct_and_not_self(self, path: Path):
        entry = _load(path)
        assert all(isinstance(ref, str) for ref in entry["see_also"])
        assert len(set(entry["see_also"])) == len(entry["see_also"])
        assert entry["id"] not in entry["see_also"]

    def test_latex_has_balanced_braces(self, path: Path):
        entry = _load(path)
        latex = [entry["example"]]
        for cue in entry.get("cues", []):
            latex.append(cue.get("template", ""))
            latex.extend(cue.get("examples", []))
        unbalanced = [text for text in latex if not _braces_balanced(text)]
        assert not unbalanced

    def test_cues_name_the_glyph_and_carry_examples(self, path: Path):
        entry = _load(path)
        for cue in entry.get("cues", []):
            assert isinstance(cue, dict) and set(cue) == CUE_KEYS, f"cue keys {sorted(cue)}"
            template, weight, examples = cue["template"], cue["weight"], cue["examples"]
            assert isinstance(template, str) and template.strip()
            assert isinstance(weight, (int, float)) and not isinstance(weight, bool)
            assert weight > 0, f"{template}: weight must be positive"
            assert any(_mentions(template, s) for s in entry["symbols"]), (
                f"template {template!r} contains none of the symbols {entry['symbols']}"
            )
            assert isinstance(examples, list) and examples, f"{template}: no examples"
            for example in examples:
                assert isinstance(example, str)
                assert any(_mentions(example, s) for s in entry["symbols"]), (
                    f"example {example!r} of {template!r} shows none of the entry's symbols"
                )


def test_ids_are_unique(entries: dict[str, dict]):
    seen: dict[str, Path] = {}
    for path in ENTRY_PATHS:
        assert path.stem not in seen, f"{path} and {seen[path.stem]} share an id"
        seen[path.stem] = path


def test_contract_ids_exist(entries: dict[str, dict]):
    assert not CONTRACT_IDS - set(entries)


def test_see_also_targets_exist(entries: dict[str, dict]):
    dangling = {
        (entry_id, ref)
        for entry_id, entry in entries.items()
        for ref in entry["see_also"]
        if ref not in entries
    }
    assert not dangling


def test_every_meaning_of_a_shared_glyph_has_a_cue_and_a_prior(entries: dict[str, dict]):
    """A glyph with several meanings needs context cues, and a prior for when no cue fires."""
    problems = []
    for glyph, ids in _shared_latex_glyphs(entries).items():
        for entry_id in ids:
            if not entries[entry_id].get("cues"):
                problems.append(f"{entry_id} shares {glyph!r} but has no cue")
            if "prior" not in entries[entry_id]:
                problems.append(f"{entry_id} shares {glyph!r} but has no prior")
    assert not problems


def test_every_shared_glyph_appears_in_some_cue(entries: dict[str, dict]):
    """Otherwise only the prior could ever pick a meaning for that spelling."""
    silent = [
        (glyph, ids)
        for glyph, ids in _shared_latex_glyphs(entries).items()
        if not any(
            _mentions(cue["template"], glyph)
            for entry_id in ids
            for cue in entries[entry_id].get("cues", [])
        )
    ]
    assert not silent


def test_helpers_reject_what_they_should():
    """The checks above are only as good as these helpers."""
    assert _braces_balanced(r"\frac{a}{b} \mathbb{1}\{x > 0\}")
    assert not _braces_balanced(r"\frac{a}{b")
    assert not _braces_balanced(r"x}{")
    assert _mentions(r"x \in S", r"\in")
    assert not _mentions(r"\int f", r"\in")
    assert not _mentions(r"\exp(?x)", "x")
    assert _mentions(r"\sigma(?z)", r"\sigma")
    assert not _mentions(r"\left(", r"\le")
    assert _mentions(r"\int p(x) dx", "d")
    assert _mentions(r"D_{\mathrm{KL}}(?q \| ?p)", r"D_{\mathrm{KL}}")
    assert _sentence_count("One. Two, with 0.5 inside! Three?") == 3
