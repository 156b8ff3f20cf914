"""Every hard limit eqlens puts on untrusted input, in one place.

Papers come from the internet: an arXiv tarball or a macro file can be built to exhaust memory or
time. Each limit below is generous for real papers (the largest corpus book is far below all of
them) and low enough that a hostile input fails in well under a second. Other stages add their
limits here too, so that one file answers "how big can an input get?".
"""

from __future__ import annotations

# The parser's and matcher's budgets live in patterns.limits (patterns cannot import the
# reader); re-exported here so that this file lists every limit.
from patterns.limits import MAX_BAR_SCAN as MAX_BAR_SCAN
from patterns.limits import MAX_PARSE_DEPTH as MAX_PARSE_DEPTH
from patterns.limits import MAX_PERMUTATION_ITEMS as MAX_PERMUTATION_ITEMS

# --- Reading files -------------------------------------------------------------------------------

MAX_TEX_FILE_BYTES = 8 * 1024 * 1024
"""A single .tex/.sty file; the longest real book chapter is under 1 MB."""

MAX_FILES_READ = 2_000
"""Files read for one paper (main file, includes, local .sty); stops include fan-out bombs."""

MAX_TOTAL_SOURCE_BYTES = 64 * 1024 * 1024
"""All LaTeX text read for one paper, after inclusion; a multi-volume book is ~10 MB."""

MAX_INCLUDE_DEPTH = 16
"""Nesting of \\input/\\include/\\subfile; real papers nest 2-3 deep, cycles would be infinite."""

MAX_CANDIDATE_MAIN_FILES = 400
"""The .tex files inspected when looking for the main file of a folder."""

BINARY_SNIFF_BYTES = 8192
"""How much of a file is checked for NUL bytes to decide it is binary, not LaTeX."""

# --- Archives (arXiv e-prints) -------------------------------------------------------------------

MAX_ARCHIVE_MEMBERS = 5_000
"""Members of one tarball; arXiv sources have tens to hundreds (figures included)."""

MAX_ARCHIVE_TOTAL_BYTES = 512 * 1024 * 1024
"""Unpacked size of a whole tarball; arXiv caps submissions at 50 MB compressed."""

MAX_ARCHIVE_MEMBER_BYTES = 128 * 1024 * 1024
"""One unpacked member; large figures are the biggest legitimate members."""

MAX_GZIP_RATIO = 200
"""Unpacked/packed bytes ratio; text compresses ~5-10x, a zero-filled bomb ~1000x."""

GZIP_RATIO_GRACE_BYTES = 8 * 1024 * 1024
"""Below this many unpacked bytes the ratio is not checked (tiny files compress absurdly)."""

ARCHIVE_CHUNK_BYTES = 1024 * 1024
"""Read size while streaming members out, so limits are checked while reading, not after."""

# --- Macro expansion -----------------------------------------------------------------------------

MAX_MACRO_EXPANSION_STEPS = 20_000
"""Macro calls expanded for one equation; a real equation needs tens, `\\def\\a{\\a\\a}` forever."""

MAX_EXPANDED_LENGTH = 50_000
"""Characters of one expanded equation; a real one is under 2,000, doubling macros explode."""

MAX_MACRO_ARGUMENT_TOKENS = 20_000
"""Tokens scanned for one delimited macro argument before giving up on finding the delimiter."""

# --- Document structure --------------------------------------------------------------------------

MAX_INLINE_MATH_CHARS = 4_000
"""Characters searched for the ``$`` closing inline math (8x for display math) before the opening
one is taken to be unmatched; TeX itself stops math at a blank line, real inline math is short."""

MAX_NESTING_DEPTH = 200
"""Brace/environment nesting inside one equation or definition; deeper is garbage or an attack."""

MAX_EQUATIONS = 50_000
"""Equations kept for one paper (inline included); the largest corpus book has ~4,000."""

MAX_CONTEXT_CHARS = 300
"""Prose kept on each side of an equation as its context."""

# --- Downloads (arXiv ids) -----------------------------------------------------------------------

MAX_DOWNLOAD_BYTES = 128 * 1024 * 1024
"""One download (e-print or PDF); arXiv caps submissions at 50 MB, so more is not a paper."""

DOWNLOAD_TIMEOUT_SECONDS = 30.0
"""Wait for the connection or the next bytes; a stalled server fails instead of hanging."""

DOWNLOAD_DEADLINE_SECONDS = 900.0
"""A whole download; 128 MB at a slow 150 kB/s, and a trickling server cannot hold us forever."""

# --- PDF -----------------------------------------------------------------------------------------

MAX_PDF_BYTES = 200 * 1024 * 1024
"""One PDF file; arXiv caps submissions at 50 MB, a figure-heavy textbook is ~50 MB."""

MAX_PDF_PAGES = 1_500
"""Pages of one PDF, checked before any page is read; a long textbook has ~800 (corpus max 101)."""

PDF_HEADER_BYTES = 1024
"""Where ``%PDF-`` must appear; junk before it is tolerated (as by Acrobat), but no further."""

PDF_SAMPLE_PAGES = 8
"""Pages, spread over the file, whose text is counted on opening to tell a paper from a scan."""

MAX_PDF_MATH_DEPTH = 40
"""Nesting of fractions and radicals followed when rebuilding math from glyphs; a real formula
nests a few levels, a crafted page of stacked rules could nest thousands."""

PDF_FONT_SAMPLE_PAGES = 40
"""Pages, spread over the file, whose glyphs are checked for broken math-font maps (~3 ms each)."""
