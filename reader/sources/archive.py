"""Safe unpacking of arXiv e-prints (.tar, .tar.gz, .tgz, or a gzipped single .tex).

An e-print is untrusted: members may point outside the target folder (absolute paths, ``..``,
links), be devices, or decompress into gigabytes. We never call ``extractall``: each member is
checked, then streamed out chunk by chunk while the limits from :mod:`reader.limits` are
enforced, so a bomb is stopped after a few megabytes rather than after filling the disk.
"""

from __future__ import annotations

import gzip
import tarfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from reader import limits
from reader.errors import SourceError

ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".gz")
"""File names treated as e-prints; anything else is read as a .tex file."""


@dataclass(slots=True)
class UnpackReport:
    """What was left out while unpacking, so the reader can warn about it."""

    skipped: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Budget:
    """Bytes written so far against the archive-wide limits."""

    packed_size: int
    total: int = 0

    def add(self, count: int) -> None:
        self.total += count
        if self.total > limits.MAX_ARCHIVE_TOTAL_BYTES:
            raise SourceError("The archive unpacks to more data than eqlens accepts.")
        ratio_floor = max(limits.GZIP_RATIO_GRACE_BYTES, self.packed_size * limits.MAX_GZIP_RATIO)
        if self.total > ratio_floor:
            raise SourceError("The archive expands suspiciously much (a compression bomb?).")


def is_archive(path: Path) -> bool:
    """True when the file name says it is an e-print archive."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def unpack(archive: Path, target: Path) -> UnpackReport:
    """Unpack ``archive`` into the empty folder ``target``; SourceError when it is hostile."""
    try:
        if _is_tar(archive):
            return _unpack_tar(archive, target)
        if archive.name.lower().endswith(".gz"):
            return _unpack_single_gzip(archive, target)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:
        raise SourceError(f"The archive {archive.name} is damaged or not an archive.") from exc
    raise SourceError(f"The archive {archive.name} is neither a tarball nor gzipped LaTeX.")


def _is_tar(archive: Path) -> bool:
    """A tar with at least one member; a gzipped zero-filled file also passes ``is_tarfile``."""
    if not tarfile.is_tarfile(archive):
        return False
    with tarfile.open(archive, mode="r:*") as tar:
        return tar.next() is not None


def _unpack_tar(archive: Path, target: Path) -> UnpackReport:
    report = UnpackReport()
    budget = _Budget(packed_size=archive.stat().st_size)
    with tarfile.open(archive, mode="r:*") as tar:
        for count, member in enumerate(_iter_members(tar), start=1):
            if count > limits.MAX_ARCHIVE_MEMBERS:
                raise SourceError(f"The archive has more than {limits.MAX_ARCHIVE_MEMBERS:,} "
                                  "files; eqlens does not unpack more.")
            _unpack_member(tar, member, target, budget, report)
    return report


def _iter_members(tar: tarfile.TarFile):
    """Members one at a time (``getmembers`` would read a huge index up front)."""
    while True:
        member = tar.next()
        if member is None:
            return
        yield member


def _unpack_member(
    tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, budget: _Budget,
    report: UnpackReport,
) -> None:
    if member.name.strip("./") == "" and member.isdir():
        return
    relative = safe_member_path(member.name)
    if member.isdir():
        (target / relative).mkdir(parents=True, exist_ok=True)
        return
    if not member.isfile():
        report.skipped.append(f"{member.name} (link or special file)")
        return
    if member.size > limits.MAX_ARCHIVE_MEMBER_BYTES:
        raise SourceError(f"The archive member {member.name} is larger than eqlens accepts.")
    stream = tar.extractfile(member)
    if stream is None:
        report.skipped.append(member.name)
        return
    destination = target / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    _copy_limited(stream, destination, budget)


def safe_member_path(name: str) -> PurePosixPath:
    """The member's path relative to the target; SourceError for absolute or ``..`` paths."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise SourceError(f"The archive member {name!r} has an absolute path; refusing it.")
    if any(part == ".." for part in path.parts):
        raise SourceError(f"The archive member {name!r} points outside the paper; refusing it.")
    parts = [part for part in path.parts if part not in ("", ".")]
    if not parts:
        raise SourceError(f"The archive member {name!r} has no usable name; refusing it.")
    return PurePosixPath(*parts)


def _copy_limited(stream: BinaryIO, destination: Path, budget: _Budget) -> None:
    written = 0
    with destination.open("wb") as out:
        while chunk := stream.read(limits.ARCHIVE_CHUNK_BYTES):
            written += len(chunk)
            if written > limits.MAX_ARCHIVE_MEMBER_BYTES:
                raise SourceError(f"The archive member {destination.name} is too large.")
            budget.add(len(chunk))
            out.write(chunk)


def _unpack_single_gzip(archive: Path, target: Path) -> UnpackReport:
    """arXiv serves single-file submissions as a gzipped .tex without a tar wrapper."""
    stem = archive.name[: -len(".gz")] or "main"
    name = stem if stem.lower().endswith(".tex") else "main.tex"
    budget = _Budget(packed_size=archive.stat().st_size)
    with gzip.open(archive, "rb") as stream:
        _copy_limited(stream, target / PurePosixPath(name).name, budget)
    return UnpackReport()
