"""Files that appear under their name whole or not at all: downloads and notes sidecars.

A cut-off download under its final name would be "cached" and fail forever after; a half-written
notes sidecar would lose hand-typed work. Both write to a temporary file in the same folder (so
the rename stays within one filesystem), flush and fsync it, ``os.replace`` it over the target
(atomic on POSIX and Windows) and fsync the folder so the rename itself survives a power cut.
:class:`PendingFile` streams bytes (downloads); :func:`write_atomic` replaces a text file
(sidecars) and sweeps away temporary files that killed writers left behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
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
    fsync_folder(path.parent)
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


class PendingFile:
    """A file being written next to its final name; :meth:`publish` gives it that name."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        """The temporary file (``.download-*.part``, hidden, ignored by every reader)."""
        self.stream = os.fdopen(fd, "wb")

    @classmethod
    def create(cls, folder: Path) -> PendingFile:
        """A new empty temporary file in ``folder`` (created if missing); OSError if not."""
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=".download-", suffix=".part")
        return cls(Path(name), fd)

    def finish(self) -> None:
        """Flush to disk, so the renamed file is never empty after a crash, and close."""
        if not self.stream.closed:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()

    def publish(self, name: str) -> Path:
        """Atomically give the finished file its final name in the same folder."""
        self.finish()
        final = self.path.with_name(name)
        os.replace(self.path, final)
        fsync_folder(final.parent)
        return final

    def discard(self) -> None:
        """Remove the temporary file if it was not published; safe to call twice."""
        self.stream.close()
        self.path.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder, hence best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
