"""The pattern catalogue: one TOML file per pattern, validated into :class:`Pattern` objects.

This module owns the schema. A broken file never takes the catalogue down: it is reported as a
:class:`CatalogueError` naming the file and the field, and the other patterns still load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from patterns.constraints import CONSTRAINTS
from patterns.parser import parse_math
from patterns.tree import Node, unparsed_nodes

_REQUIRED = {"id": str, "name": str, "family": str, "summary": str, "templates": list,
             "roles": dict, "demo": str, "examples": dict}
_OPTIONAL = {"glossary": list, "status": str, "where": dict, "not_within": list,
             "replaced_by": str, "notes": str}
STATUSES = ("stable", "preview", "deprecated")


class CatalogueError(Exception):
    """A pattern file that does not follow the schema."""

    def __init__(self, path: str, field_name: str, problem: str) -> None:
        super().__init__(f"{path}: {field_name}: {problem}")
        self.path, self.field_name, self.problem = path, field_name, problem


@dataclass(frozen=True, slots=True)
class MatchExample:
    """An equation the pattern must recognise, with the bindings it must produce."""

    latex: str
    bindings: dict[str, str]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One classical-ML pattern: templates to look for and words to explain a match."""

    id: str
    name: str
    family: str
    summary: str
    """Plain words with ``{role}`` placeholders filled from the bindings."""
    templates: tuple[Node, ...]
    template_sources: tuple[str, ...]
    roles: dict[str, str]
    demo: str
    glossary: tuple[str, ...] = ()
    status: str = "stable"
    where: dict[str, str] = field(default_factory=dict)
    """Role name to a named constraint from :mod:`patterns.constraints`."""
    not_within: tuple[str, ...] = ()
    """Pattern ids inside whose match this one is not reported (``(x-μ)²`` in a Gaussian)."""
    match_examples: tuple[MatchExample, ...] = ()
    no_match_examples: tuple[str, ...] = ()
    path: str = ""


def _check_types(data: dict, path: str) -> None:
    for key, kind in _REQUIRED.items():
        if key not in data:
            raise CatalogueError(path, key, "is required")
        if not isinstance(data[key], kind):
            raise CatalogueError(path, key, f"must be a {kind.__name__}")
    for key, kind in _OPTIONAL.items():
        if key in data and not isinstance(data[key], kind):
            raise CatalogueError(path, key, f"must be a {kind.__name__}")
    unknown = set(data) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise CatalogueError(path, ", ".join(sorted(unknown)), "unknown key")


def _templates(data: dict, path: str) -> tuple[Node, ...]:
    trees = []
    for source in data["templates"]:
        tree = parse_math(source, holes=True)
        if unparsed_nodes(tree):
            raise CatalogueError(path, "templates", f"cannot parse {source!r}")
        trees.append(tree)
    if not trees:
        raise CatalogueError(path, "templates", "needs at least one template")
    return tuple(trees)


def _examples(data: dict, path: str) -> tuple[tuple[MatchExample, ...], tuple[str, ...]]:
    examples = data["examples"]
    matches = []
    for item in examples.get("match", []):
        if not isinstance(item, dict) or "latex" not in item:
            raise CatalogueError(path, "examples.match", "each needs latex and bindings")
        matches.append(MatchExample(item["latex"], dict(item.get("bindings", {}))))
    no_match = examples.get("no_match", [])
    if len(matches) < 3:
        raise CatalogueError(path, "examples.match", "needs at least 3 examples")
    if len(no_match) < 2:
        raise CatalogueError(path, "examples.no_match", "needs at least 2 near misses")
    return tuple(matches), tuple(no_match)


def pattern_from_dict(data: dict, path: str, stem: str) -> Pattern:
    """Validate one parsed TOML file into a Pattern (raises CatalogueError)."""
    _check_types(data, path)
    if data["id"] != stem:
        raise CatalogueError(path, "id", f"must equal the file name {stem!r}")
    status = data.get("status", "stable")
    if status not in STATUSES:
        raise CatalogueError(path, "status", f"must be one of {', '.join(STATUSES)}")
    where = data.get("where", {})
    for role, constraint in where.items():
        if constraint not in CONSTRAINTS:
            raise CatalogueError(path, f"where.{role}", f"unknown constraint {constraint!r}")
    templates = _templates(data, path)
    matches, no_match = _examples(data, path)
    return Pattern(
        id=data["id"], name=data["name"], family=data["family"], summary=data["summary"],
        templates=templates, template_sources=tuple(data["templates"]), roles=data["roles"],
        demo=data["demo"], glossary=tuple(data.get("glossary", [])), status=status,
        where=where, not_within=tuple(data.get("not_within", [])), match_examples=matches,
        no_match_examples=no_match, path=path,
    )


def _pattern_files(root: Traversable) -> list[tuple[str, Traversable]]:
    found = []
    for family in sorted(root.iterdir(), key=lambda p: p.name):
        if family.is_dir():
            for item in sorted(family.iterdir(), key=lambda p: p.name):
                if item.name.endswith(".toml"):
                    found.append((f"{family.name}/{item.name}", item))
    return found


def load_catalogue(root: Traversable | None = None) -> tuple[list[Pattern], list[CatalogueError]]:
    """Every valid pattern, and what was wrong with the files that are not."""
    root = root or resources.files("patterns") / "catalogue"
    patterns: list[Pattern] = []
    failures: list[CatalogueError] = []
    for rel, item in _pattern_files(root):
        stem = item.name[: -len(".toml")]
        try:
            data = tomllib.loads(item.read_text(encoding="utf-8"))
            patterns.append(pattern_from_dict(data, rel, stem))
        except tomllib.TOMLDecodeError as err:
            failures.append(CatalogueError(rel, "toml", str(err)))
        except CatalogueError as err:
            failures.append(err)
    return patterns, failures


@cache
def default_catalogue() -> tuple[Pattern, ...]:
    """The shipped catalogue, loaded once per process (broken files are skipped)."""
    patterns, _ = load_catalogue()
    return tuple(p for p in patterns if p.status != "deprecated")
