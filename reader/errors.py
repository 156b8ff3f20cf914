"""The errors eqlens reports to a user: one line each, never a traceback.

Every failure a user can cause (a missing file, a hostile tarball, an unbalanced brace) is raised
as an :class:`EqlensError` whose message is a complete sentence; the command prints it on one
line and exits non-zero. Anything else escaping is a bug in eqlens.
"""

from __future__ import annotations


class EqlensError(Exception):
    """A failure caused by the input, explained in one line."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = " ".join(message.split())


class SourceError(EqlensError):
    """The paper cannot be read: missing, binary, not UTF-8, no main file, hostile archive."""


class UsageError(EqlensError):
    """The command line itself is wrong."""

    exit_code = 2
