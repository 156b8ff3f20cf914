"""Glossary entries as loaded from ``glossary/entries/**/<id>.toml``.

One file per meaning, not per glyph: σ has a ``sigmoid`` file and a ``standard_deviation`` file,
and context cues (LaTeX templates with weights) decide between them. Loading parses every cue
template once, so a broken data file is reported by path instead of failing at lookup time.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from glossary.glyphs import glyph_key
from patterns.parser import parse_math
from patterns.tree import Node, unparsed_nodes

DEFAULT_PRIOR = 0.3
"""How likely an entry is when its file gives no prior and no cue speaks for it."""


class GlossaryError(Exception):
    """A glossary data file is malformed; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Cue:
    """A context in which a glyph takes this entry's meaning, e.g. ``\\sigma(?z)`` → sigmoid."""

    latex: str
    template: Node
    weight: float
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One meaning of one or more glyphs, explained for a reader who knows high-school math."""

    id: str
    name: str
    symbols: tuple[str, ...]
    read_as: str
    meaning: str
    example: str
    see_also: tuple[str, ...]
    prior: float
    cues: tuple[Cue, ...]
    group: str
    """The folder the file sits in (``sigma``, ``operators``...)."""
    keys: frozenset[str]
    """The glyph keys of :attr:`symbols`, for matching glyphs found in equations."""


def _cue(data: dict, where: str) -> Cue:
    latex = data["template"]
    template = parse_math(latex, holes=True)
    if unparsed_nodes(template):
        raise GlossaryError(f"{where}: cue template {latex!r} does not parse")
    return Cue(latex, template, float(data["weight"]), tuple(data.get("examples", ())))


def entry_from_dict(data: dict, where: str, group: str) -> GlossaryEntry:
    """Build an entry from a file's TOML table; GlossaryError names what is wrong."""
    try:
        symbols = tuple(data["symbols"])
        return GlossaryEntry(
            id=data["id"],
            name=data["name"],
            symbols=symbols,
            read_as=data["read_as"],
            meaning=data["meaning"],
            example=data["example"],
            see_also=tuple(data.get("see_also", ())),
            prior=float(data.get("prior", DEFAULT_PRIOR)),
            cues=tuple(_cue(cue, where) for cue in data.get("cues", ())),
            group=group,
            keys=frozenset(glyph_key(symbol) for symbol in symbols),
        )
    except KeyError as missing:
        raise GlossaryError(f"{where}: missing key {missing}") from None


def _entry_files(root: Traversable) -> list[tuple[str, Traversable]]:
    found = []
    for group in sorted(root.iterdir(), key=lambda p: p.name):
        if group.is_dir():
            found += [(group.name, f) for f in sorted(group.iterdir(), key=lambda p: p.name)
                      if f.name.endswith(".toml")]
    return found


def load_entries(root: Traversable | None = None) -> tuple[GlossaryEntry, ...]:
    """Every entry under ``root`` (default: the shipped ``glossary/entries``), sorted by path."""
    root = root or files("glossary") / "entries"
    entries = []
    for group, path in _entry_files(root):
        where = f"glossary/entries/{group}/{path.name}"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise GlossaryError(f"{where}: {error}") from None
        entries.append(entry_from_dict(data, where, group))
    return tuple(entries)


@cache
def default_entries() -> tuple[GlossaryEntry, ...]:
    """The shipped entries, loaded once per process."""
    return load_entries()
