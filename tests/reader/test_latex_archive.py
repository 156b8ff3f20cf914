"""arXiv e-prints: tarballs and gzipped single files, including hostile ones."""

from __future__ import annotations

import gzip
import io
import tarfile
import zlib
from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.sources.latex import load_latex

MAIN = (
    "\\documentclass{article}\n\\begin{document}\n\\section{Intro}\n"
    "\\input{sections/body}\n\\end{document}\n"
)
BODY = "\\begin{equation} e^{i\\pi} + 1 = 0 \\label{euler} \\end{equation}\n"


def _add(tar: tarfile.TarFile, name: str, data: bytes | None = None, **fields) -> None:
    info = tarfile.TarInfo(name)
    for key, value in fields.items():
        setattr(info, key, value)
    if data is not None:
        info.size = len(data)
    tar.addfile(info, io.BytesIO(data) if data is not None else None)


def _tarball(path: Path, members: list[tuple[str, bytes | None, dict]], mode="w:gz") -> Path:
    with tarfile.open(path, mode) as tar:
        for name, data, fields in members:
            _add(tar, name, data, **fields)
    return path


def _paper_members() -> list[tuple[str, bytes | None, dict]]:
    return [("main.tex", MAIN.encode(), {}), ("sections/body.tex", BODY.encode(), {})]


def test_good_tarball_loads_and_knows_its_arxiv_id(tmp_path):
    archive = _tarball(tmp_path / "2101.00001v2.tar.gz", _paper_members())
    paper = load_latex(archive)
    equation = paper.equation(paper.labels["euler"])
    assert (equation.number, equation.file, equation.line) == ("1", "sections/body.tex", 1)
    assert paper.arxiv_id == "2101.00001"
    assert paper.path == str(archive)


def test_plain_tar_and_tgz_load(tmp_path):
    for name, mode in (("paper.tar", "w"), ("paper.tgz", "w:gz")):
        paper = load_latex(_tarball(tmp_path / name, _paper_members(), mode))
        assert "euler" in paper.labels


def test_gzipped_single_tex(tmp_path):
    archive = tmp_path / "2101.00002.gz"
    archive.write_bytes(gzip.compress(MAIN.replace("\\input{sections/body}", BODY).encode()))
    paper = load_latex(archive)
    assert paper.equation(paper.labels["euler"]).number == "1"


@pytest.mark.parametrize(
    ("member", "message"),
    [("../evil.tex", "outside"), ("sections/../../evil.tex", "outside"),
     ("/tmp/evil.tex", "absolute")],
)
def test_traversal_members_are_refused(tmp_path, member, message):
    members = _paper_members() + [(member, b"evil", {})]
    with pytest.raises(SourceError, match=message):
        load_latex(_tarball(tmp_path / "evil.tar.gz", members))
    assert not (tmp_path / "evil.tex").exists()


def test_links_and_devices_are_skipped(tmp_path):
    members = _paper_members() + [
        ("link.tex", None, {"type": tarfile.SYMTYPE, "linkname": "/etc/passwd"}),
        ("hard.tex", None, {"type": tarfile.LNKTYPE, "linkname": "main.tex"}),
        ("pipe", None, {"type": tarfile.FIFOTYPE}),
        ("dev", None, {"type": tarfile.CHRTYPE}),
    ]
    paper = load_latex(_tarball(tmp_path / "links.tar.gz", members))
    assert "euler" in paper.labels
    skipped = [w for w in paper.warnings if w.startswith("Archive member skipped")]
    assert len(skipped) == 4


def test_gzip_bomb_is_stopped_while_reading(tmp_path):
    """200 MB of zeros packs into ~200 kB; unpacking must stop long before the end."""
    chunk = bytes(1024 * 1024)
    size = 200 * len(chunk)
    header = tarfile.TarInfo("main.tex")
    header.size = size
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    archive = tmp_path / "bomb.tar.gz"
    with archive.open("wb") as out:
        out.write(compressor.compress(header.tobuf(format=tarfile.GNU_FORMAT)))
        for _ in range(200):
            out.write(compressor.compress(chunk))
        out.write(compressor.compress(bytes(1024)))
        out.write(compressor.flush())
    assert archive.stat().st_size < 1_000_000
    with pytest.raises(SourceError, match="bomb|more data|too large|larger"):
        load_latex(archive)


def test_gzipped_single_file_bomb(tmp_path):
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    archive = tmp_path / "bomb.gz"
    with archive.open("wb") as out:
        for _ in range(200):
            out.write(compressor.compress(bytes(1024 * 1024)))
        out.write(compressor.flush())
    with pytest.raises(SourceError, match="bomb"):
        load_latex(archive)


def test_archive_without_main_tex(tmp_path):
    archive = _tarball(tmp_path / "nomain.tar.gz", [("notes.tex", b"just text $x$", {})])
    with pytest.raises(SourceError, match="No main LaTeX file"):
        load_latex(archive)


def test_damaged_archive(tmp_path):
    archive = tmp_path / "broken.tar.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    with pytest.raises(SourceError):
        load_latex(archive)
