"""Rename a demo's roles to the symbols of the paper being read (``--bindings``).

Demos write their text with ``{role}`` placeholders; a :class:`Notation` fills them in. Unknown
role names are kept aside so the demo can say, in one line, that it ignored them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class BindingsError(ValueError):
    """``--bindings`` was not a JSON object of strings; the message is one printable line."""


@dataclass(frozen=True, slots=True)
class Notation:
    """Role -> symbol used when printing, plus the role names the demo does not know."""

    symbols: dict[str, str]
    ignored: tuple[str, ...] = ()

    def fill(self, text: str) -> str:
        """Replace known ``{role}`` placeholders; anything else in braces is left alone."""

        def swap(match: re.Match[str]) -> str:
            return self.symbols.get(match.group(1), match.group(0))

        return _PLACEHOLDER.sub(swap, text)

    def bound_roles(self, defaults: dict[str, str]) -> dict[str, str]:
        """Roles whose symbol differs from the demo's default, i.e. the ones the user bound."""
        return {role: sym for role, sym in self.symbols.items() if defaults.get(role) != sym}


def parse_bindings(raw: str | None, defaults: dict[str, str]) -> Notation:
    """Merge JSON bindings over the demo's default symbols; raise one-line errors."""
    if raw is None or raw.strip() == "":
        return Notation(dict(defaults))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BindingsError(
            f"--bindings is not valid JSON ({exc.msg} at column {exc.colno})"
        ) from None
    if not isinstance(data, dict):
        raise BindingsError("--bindings must be a JSON object mapping role names to symbols")
    bad = [key for key, value in data.items() if not isinstance(value, str)]
    if bad:
        raise BindingsError(f"--bindings values must be strings (role {bad[0]!r})")
    symbols = dict(defaults)
    symbols.update({key: value for key, value in data.items() if key in defaults})
    ignored = tuple(sorted(key for key in data if key not in defaults))
    return Notation(symbols, ignored)
