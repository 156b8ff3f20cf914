"""Replace a file so that a crash at any instant leaves either the old text or the new one.

Notes are typed by hand and cannot be regenerated, so a half-written sidecar is the one outcome
that must never happen. The new text goes to a temporary file in the same folder (so the rename
stays within one filesystem), is flushed and fsynced, renamed over the target with
``os.replace`` (atomic on POSIX and Windows), and the folder is fsynced so the rename itself
survives a power cut. A process killed mid-write leaves its temporary file behind; the next
save sweeps away such leftovers once they are clearly abandoned.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_AFTER = 60.0
"""Seconds after which a temporary file is a crash's leftover, not another writer's work."""


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; OSError when the folder refuses."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        # "x" creates the file with the user's umask, unlike mkstemp's 0600, so a sidecar shared
        # through a folder or a repository keeps ordinary permissions.
        with open(temp, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)
    _sweep(path)


def _sweep(path: Path) -> None:
    """Delete temporary files of ``path`` left by killed writers (best effort)."""
    cutoff, prefix = time.time() - STALE_AFTER, f".{path.name}."
    with contextlib.suppress(OSError):
        for leftover in path.parent.iterdir():
            name = leftover.name
            if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if leftover.stat().st_mtime < cutoff:
                        leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; some platforms cannot open a folder, and then there is no need."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
