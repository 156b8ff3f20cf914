"""Writing a file so that it appears under its name whole or not at all.

A download can be cut off (network, Ctrl-C, a full disk, a crash); a half-written e-print under
its final name would then be "cached" and fail forever after. So the bytes go to a hidden temporary
file in the same folder, are flushed to disk, and only then renamed (``os.replace`` is atomic
within one file system).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
        _fsync_folder(final.parent)
        return final

    def discard(self) -> None:
        """Remove the temporary file if it was not published; safe to call twice."""
        self.stream.close()
        self.path.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
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
