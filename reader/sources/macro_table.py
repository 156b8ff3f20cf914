"""The vocabulary of macro handling: a macro, an environment, a table of both, and the error.

Kept apart from reading and expanding so both can share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from patterns.tokens import Token
from reader.errors import EqlensError


class MacroExpansionError(EqlensError):
    """A macro in one equation cannot be expanded (a loop, an explosion, a bad call)."""


@dataclass(frozen=True, slots=True)
class Macro:
    """One user command, ready to be substituted."""

    name: str
    """The control sequence, e.g. ``\\vx``."""
    body: tuple[Token, ...]
    params: int = 0
    default: tuple[Token, ...] | None = None
    """The first argument is optional (``[...]``) with this default, as in ``\\newcommand``."""
    delimiters: tuple[tuple[Token, ...], ...] = ()
    """``\\def`` parameter text: the tokens that must follow each argument (empty: undelimited)."""
    alias_of: str | None = None
    """``\\let\\a\\b`` with ``\\b`` not a user macro: ``\\a`` becomes ``\\b``, not re-expanded."""
    paired: tuple[str, str] | None = None
    """``\\DeclarePairedDelimiter``: the left and right delimiters."""


@dataclass(frozen=True, slots=True)
class Environment:
    """A ``\\newenvironment``: kept so simple math wrappers can be recognised."""

    name: str
    begin: str
    end: str
    params: int = 0


@dataclass(slots=True)
class MacroTable:
    """Every user macro and environment of a paper, by name."""

    macros: dict[str, Macro] = field(default_factory=dict)
    environments: dict[str, Environment] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.macros)

    def __contains__(self, name: str) -> bool:
        return name in self.macros

    def get(self, name: str) -> Macro | None:
        return self.macros.get(name)

    def update(self, other: MacroTable) -> None:
        """Later definitions win, as in TeX when the files are read in this order."""
        self.macros.update(other.macros)
        self.environments.update(other.environments)
