"""arXiv identifiers: what a user may type for a paper, and the stamp arXiv prints on its PDFs.

A user names a paper however they copied it: ``2006.11239``, ``arXiv:2006.11239v2``, an abs or
pdf link, or an old-style ``hep-th/9901001``. All of them become one :class:`ArxivId`, so the
download and the cache see a single spelling per paper. Parsing is strict (real months, the digit
count arXiv used at that date, versions from 1) because a string that is not an id must stay a
"no such file" for the caller, never a surprise download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ArxivId", "find_arxiv_stamp", "parse_arxiv_id"]


@dataclass(frozen=True, slots=True)
class ArxivId:
    """One arXiv paper, optionally one version of it."""

    id: str
    """Canonical id without version: ``2006.11239`` or ``hep-th/9901001`` (no subject class)."""
    version: int | None = None
    """The version asked for (``v2`` → 2); None means "the latest"."""

    @property
    def versioned(self) -> str:
        """The id as arXiv's URLs take it: with ``vN`` when a version was given."""
        return self.id if self.version is None else f"{self.id}v{self.version}"

    def __str__(self) -> str:
        return self.versioned


_NEW = r"(?P<yymm>\d{4})\.(?P<num>\d{4,5})"
"""Since April 2007: YYMM.NNNN, five digits from January 2015."""
_OLD = r"(?P<archive>[A-Za-z]+(?:-[A-Za-z]+)*)(?:\.[A-Za-z]{2})?/(?P<oldnum>\d{7})"
"""Before April 2007: archive[.SC]/YYMMNNN, e.g. ``hep-th/9901001``, ``math.GT/0309136``."""
_VERSION = r"(?:v(?P<version>[1-9]\d*))?"
_ID = rf"(?:{_NEW}|{_OLD}){_VERSION}"

_BARE = re.compile(rf"(?:arxiv:\s*)?{_ID}", re.IGNORECASE)
_URL = re.compile(
    rf"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|e-print|src)/{_ID}"
    r"(?:\.pdf)?/?(?:[?#].*)?",
    re.IGNORECASE,
)


def parse_arxiv_id(text: str) -> ArxivId | None:
    """The arXiv id that ``text`` spells, or None when it is not one (a file name, a typo).

    The caller checks for an existing path first, so a local ``2006.11239.tar.gz`` is a file;
    a bare id with a file suffix is never an id here, only a pdf *link* may end in ``.pdf``.
    """
    text = text.strip()
    match = _BARE.fullmatch(text) or _URL.fullmatch(text)
    return _from_match(match) if match else None


def _from_match(match: re.Match[str]) -> ArxivId | None:
    version = int(match["version"]) if match["version"] else None
    if match["yymm"] is not None:
        yymm, num = match["yymm"], match["num"]
        if not _new_style_ok(int(yymm[:2]), int(yymm[2:]), len(num)):
            return None
        return ArxivId(f"{yymm}.{num}", version)
    oldnum = match["oldnum"]
    if not _old_style_ok(int(oldnum[:2]), int(oldnum[2:4])):
        return None
    return ArxivId(f"{match['archive'].lower()}/{oldnum}", version)


def _new_style_ok(year: int, month: int, digits: int) -> bool:
    """New ids began in 0704; numbers grew from four to five digits in 1501."""
    if not 1 <= month <= 12 or (year, month) < (7, 4):
        return False
    return digits == (5 if year >= 15 else 4)


def _old_style_ok(year: int, month: int) -> bool:
    """Old ids ran from 1991 to March 2007."""
    return 1 <= month <= 12 and (year >= 91 or (year, month) <= (7, 3))


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_STAMP = re.compile(
    rf"arXiv:{_ID}\[[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\]"
    rf"\d{{1,2}}(?:{_MONTHS})\d{{4}}"
)
"""The margin stamp with every space removed: ``arXiv:1412.6980v9[cs.LG]30Jan2017``."""


def find_arxiv_stamp(page_text: str) -> ArxivId | None:
    """The versioned id in the stamp arXiv prints up the left margin of page one, if any.

    The stamp is rotated text, so PDF text extraction gives it with odd spacing (even one
    character per line) or back to front; spaces are removed and both directions tried. Only a
    full stamp counts (version, ``[category]`` and date), so a bibliography's "arXiv preprint
    arXiv:1312.6114" is never taken for the paper's own id.
    """
    compact = re.sub(r"\s+", "", page_text)
    for candidate in (compact, compact[::-1]):
        for match in _STAMP.finditer(candidate):
            found = _from_match(match)
            if found is not None and found.version is not None:
                return found
    return None
