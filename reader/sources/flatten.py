"""One LaTeX text for the whole paper, with every line traced back to its file and line.

TeX reads a paper as one stream: ``\\input`` splices files in. We do the same, once, so later
stages scan a single string. Each spliced file starts on a fresh line, which lets a plain list of
(file, line) per output line say where any character came from. Comments are removed here,
before anything else looks at the text, so commented-out includes and math never count.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from reader import limits
from reader.errors import SourceError
from reader.sources.latex_files import is_inside, read_tex

_INCLUDE = re.compile(
    r"\\(?P<cmd2>import|subimport|inputfrom|includefrom|subinputfrom|subincludefrom)"
    r"(?![A-Za-z@])\*?\s*\{(?P<dir>[^{}]*)\}\s*\{(?P<name2>[^{}]*)\}"
    r"|\\(?P<cmd>input|include|subfile|subfileinclude)(?![A-Za-z@])\s*\{(?P<name>[^{}]*)\}"
    r"|\\input\s+(?P<bare>[A-Za-z0-9_./-]+)"
)
_RELATIVE_TO_FILE = {"subimport", "subinputfrom", "subincludefrom"}
_END_INPUT = re.compile(r"\\endinput(?![A-Za-z@])")
_BLOCK_START = re.compile(r"\\begin\s*\{comment\}|\\iffalse(?![A-Za-z@])")
_IF_TOKEN = re.compile(r"\\(if(?!f(?![A-Za-z@]))[A-Za-z@]*|fi|else)(?![A-Za-z@])")
_DOC_BODY = re.compile(r"\\begin\s*\{document\}(?P<body>.*?)(\\end\s*\{document\}|\Z)", re.S)


@dataclass(slots=True)
class FlatSource:
    """The flattened text plus a per-line origin map."""

    text: str
    origins: list[tuple[str, int]]
    """For output line i (0-based): (file relative to the paper folder, 1-based line)."""
    line_starts: list[int]
    files: list[str] = field(default_factory=list)
    """Every file read, relative to the paper folder, in reading order."""
    warnings: list[str] = field(default_factory=list)

    def where(self, offset: int) -> tuple[str, int]:
        """The (file, line) that produced the character at ``offset``."""
        index = max(0, bisect.bisect_right(self.line_starts, offset) - 1)
        return self.origins[min(index, len(self.origins) - 1)]


def strip_comments(text: str) -> str:
    """Drop ``%`` comments (not ``\\%``), comment environments and ``\\iffalse`` blocks.

    Newlines are kept so that line numbers stay true.
    """
    lines = [_strip_line_comment(line) for line in text.split("\n")]
    return _strip_blocks("\n".join(lines))


def _strip_line_comment(line: str) -> str:
    index = line.find("%")
    while index != -1:
        backslashes = len(line[:index]) - len(line[:index].rstrip("\\"))
        if backslashes % 2 == 0:
            return line[:index]
        index = line.find("%", index + 1)
    return line


def _strip_blocks(text: str) -> str:
    out: list[str] = []
    pos = 0
    while match := _BLOCK_START.search(text, pos):
        out.append(text[pos : match.start()])
        if match.group(0).startswith("\\begin"):
            end = re.compile(r"\\end\s*\{comment\}").search(text, match.end())
            stop = end.end() if end else len(text)
        else:
            stop = _end_of_iffalse(text, match.end())
        out.append("\n" * text.count("\n", match.start(), stop))
        pos = stop
    out.append(text[pos:])
    return "".join(out)


def _end_of_iffalse(text: str, pos: int) -> int:
    """Where the skipped branch of ``\\iffalse`` ends: its ``\\fi`` or ``\\else``."""
    depth = 1
    for token in _IF_TOKEN.finditer(text, pos):
        word = token.group(1)
        if word == "fi":
            depth -= 1
        elif word == "else":
            if depth == 1:
                return token.end()
            continue
        else:
            depth += 1
        if depth == 0:
            return token.end()
    return len(text)


@dataclass(slots=True)
class _Piece:
    text: str
    file: str
    first_line: int


class _Flattener:
    """Splices included files into the main one, refusing anything outside the root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pieces: list[_Piece] = []
        self.files: list[str] = []
        self.warnings: list[str] = []
        self.total_bytes = 0

    def add_file(self, path: Path, depth: int, stack: tuple[Path, ...], main: bool) -> None:
        relative = self._relative(path)
        text = strip_comments(read_tex(path, shown_as=relative))
        self.total_bytes += len(text)
        if self.total_bytes > limits.MAX_TOTAL_SOURCE_BYTES:
            raise SourceError("The paper's LaTeX is larger than eqlens reads.")
        self.files.append(relative)
        first_line = 1
        if not main and (body := _DOC_BODY.search(text)) and "\\documentclass" in text:
            first_line += text.count("\n", 0, body.start("body"))
            text = body.group("body")
        if end := _END_INPUT.search(text):
            text = text[: end.start()]
        self._splice(text, path, relative, first_line, depth, stack + (path.resolve(),))

    def _splice(
        self, text: str, path: Path, relative: str, first_line: int, depth: int,
        stack: tuple[Path, ...],
    ) -> None:
        pos = 0
        for match in _INCLUDE.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            self.pieces.append(_Piece(text[pos : match.start()], relative, first_line
                                      + text.count("\n", 0, pos)))
            self._include(match, path, f"{relative}:{line}", depth, stack)
            pos = match.end()
        self.pieces.append(_Piece(text[pos:], relative, first_line + text.count("\n", 0, pos)))

    def _include(
        self, match: re.Match[str], including: Path, where: str, depth: int,
        stack: tuple[Path, ...],
    ) -> None:
        cmd = match.group("cmd2") or match.group("cmd") or "input"
        name = (match.group("name2") or match.group("name") or match.group("bare") or "").strip()
        folder = (match.group("dir") or "").strip()
        target = self._resolve(cmd, folder, name, including, where)
        if target is None:
            return
        if target.resolve() in stack:
            self.warnings.append(f"{where}: {name} includes itself; skipped.")
        elif depth + 1 > limits.MAX_INCLUDE_DEPTH:
            self.warnings.append(f"{where}: includes nested too deep; {name} skipped.")
        elif len(self.files) >= limits.MAX_FILES_READ:
            self.warnings.append(f"{where}: too many files; {name} skipped.")
        else:
            try:
                self.add_file(target, depth + 1, stack, main=False)
            except SourceError as exc:
                self.warnings.append(f"{where}: {exc.message} Skipped.")

    def _resolve(
        self, cmd: str, folder: str, name: str, including: Path, where: str
    ) -> Path | None:
        joined = f"{folder.rstrip('/')}/{name}" if folder else name
        posix = PurePosixPath(joined.replace("\\", "/"))
        if not name or posix.is_absolute() or ".." in posix.parts or ":" in joined[1:2]:
            self.warnings.append(f"{where}: refused to read {joined!r} outside the paper folder.")
            return None
        bases = [including.parent] if cmd in _RELATIVE_TO_FILE else [self.root, including.parent]
        for base in bases:
            for candidate in (base / posix, base / f"{posix}.tex"):
                if candidate.is_file() and is_inside(candidate, self.root):
                    return candidate
                if candidate.is_file():
                    self.warnings.append(f"{where}: refused to read {joined!r}: it links outside "
                                         "the paper folder.")
                    return None
        return self._fallback(posix, where)

    def _fallback(self, posix: PurePosixPath, where: str) -> Path | None:
        """Corpus copies often flatten folders: accept a unique file with the same name."""
        stem = posix.name if posix.suffix == ".tex" else f"{posix.name}.tex"
        matches = [p for p in self.root.rglob(stem) if is_inside(p, self.root)][:2]
        if len(matches) == 1:
            self.warnings.append(f"{where}: {posix} not found; read {self._relative(matches[0])}.")
            return matches[0]
        self.warnings.append(f"{where}: included file {posix} not found; skipped.")
        return None

    def _relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.name

    def result(self) -> FlatSource:
        texts: list[str] = []
        origins: list[tuple[str, int]] = []
        for piece in self.pieces:
            lines = piece.text.split("\n")
            texts.extend(lines)
            origins.extend((piece.file, piece.first_line + i) for i in range(len(lines)))
        starts, offset = [], 0
        for line in texts:
            starts.append(offset)
            offset += len(line) + 1
        return FlatSource("\n".join(texts), origins, starts, self.files, self.warnings)


def flatten(main: Path, root: Path) -> FlatSource:
    """Read ``main`` and everything it includes inside ``root`` into one traced text."""
    flattener = _Flattener(root)
    flattener.add_file(main, 0, (), main=True)
    return flattener.result()
