"""Who is writing a note: the name a reading group will recognise next to it.

``EQLENS_AUTHOR`` wins so a shared account or a test can say who it is; otherwise the name git
already knows (what the group sees in the repository the sidecar is committed to), then the login
name. Nothing here may fail or hang the reader, so git gets a short timeout and every failure
falls through to the next source.
"""

from __future__ import annotations

import getpass
import os
import subprocess
from collections.abc import Mapping

ENV_VAR = "EQLENS_AUTHOR"
GIT_TIMEOUT = 2.0
"""Seconds git may take to answer before the login name is used instead."""
ANONYMOUS = "anonymous"


def note_author(env: Mapping[str, str] | None = None) -> str:
    """The author of new notes: EQLENS_AUTHOR, git's user.name, the login name, "anonymous"."""
    env = os.environ if env is None else env
    for name in (env.get(ENV_VAR, ""), _git_user_name(), _login_name()):
        if name and name.strip():
            return " ".join(name.split())
    return ANONYMOUS


def _git_user_name() -> str:
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=GIT_TIMEOUT, check=False, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError, ValueError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises OSError, KeyError... by platform
        return ""
