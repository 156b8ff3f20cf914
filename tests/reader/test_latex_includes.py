"""Following includes inside the paper folder only, and dropping comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.sources.latex import load_latex

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "latex"


@pytest.fixture(scope="module")
def paper():
    return load_latex(FIXTURES / "includes")


def test_included_files_are_read_with_and_without_tex_suffix(paper):
    texts = [eq.latex for eq in paper.equations]
    assert "x_{intro} = 1" in texts
    assert "y_{method} = 2" in texts


def test_subfile_body_only_and_import_subimport(paper):
    texts = [eq.latex for eq in paper.equations]
    assert "z_{subfile} = 3" in texts
    assert "w_{import} = 4" in texts


def test_equations_know_their_file_and_line(paper):
    intro = paper.equation(paper.labels["eq:intro"])
    assert (intro.file, intro.line) == ("sections/intro.tex", 3)
    method = next(eq for eq in paper.equations if eq.latex == "y_{method} = 2")
    assert (method.file, method.line) == ("sections/method.tex", 4)
    subfile = next(eq for eq in paper.equations if eq.latex == "z_{subfile} = 3")
    assert (subfile.file, subfile.line) == ("sub/part.tex", 5)
    inline = next(eq for eq in paper.equations if eq.latex == "a_{main}")
    assert (inline.file, inline.line) == ("main.tex", 6)


def test_paths_outside_the_folder_are_never_read(paper):
    texts = " ".join(eq.latex for eq in paper.equations)
    assert "s_{ecret}" not in texts
    assert all("SECRETTEXT" not in getattr(b, "text", "") for b in paper.blocks)
    refused = [w for w in paper.warnings if "outside the paper folder" in w]
    assert len(refused) == 3
    assert any("/etc/passwd" in w for w in refused)


def test_comments_comment_env_and_iffalse_are_dropped(paper):
    texts = " ".join(eq.latex for eq in paper.equations)
    for hidden in ("c_{ommented}", "c_{omment}", "i_{ffalse}", "c_{percent}"):
        assert hidden not in texts
    assert any("5% of" in getattr(b, "text", "") for b in paper.blocks)


def test_main_file_prefers_conventional_name_including_others():
    paper = load_latex(FIXTURES / "main_choice")
    assert [eq.latex for eq in paper.equations] == ["b_{ody} = 1"]


def test_missing_path_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        load_latex(tmp_path / "nope.tex")


def test_binary_file_named_tex_is_refused(tmp_path):
    garbage = tmp_path / "paper.tex"
    garbage.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(SourceError, match="binary"):
        load_latex(garbage)


def test_invalid_utf8_is_refused_with_a_hint(tmp_path):
    latin = tmp_path / "paper.tex"
    latin.write_bytes("\\documentclass{article}\\begin{document}caf\xe9\\end{document}"
                      .encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8"):
        load_latex(latin)


def test_file_without_begin_document_is_refused():
    with pytest.raises(SourceError, match="begin\\{document\\}"):
        load_latex(FIXTURES / "no_document.tex")


def test_folder_without_main_file_is_refused(tmp_path):
    (tmp_path / "part.tex").write_text("\\section{A} $x$", encoding="utf-8")
    with pytest.raises(SourceError, match="No main LaTeX file"):
        load_latex(tmp_path)


def test_include_cycle_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\n\\input{a}\n\\end{document}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.tex").write_text("$a$\n\\input{b}\n", encoding="utf-8")
    (tmp_path / "b.tex").write_text("$b$\n\\input{a}\n", encoding="utf-8")
    paper = load_latex(tmp_path)
    assert [eq.latex for eq in paper.equations] == ["a", "b"]
    assert any("includes itself" in w for w in paper.warnings)


def test_symlink_to_a_file_outside_is_not_followed(tmp_path):
    outside = tmp_path / "outside.tex"
    outside.write_text("$s_{ecret}$", encoding="utf-8")
    paper_dir = tmp_path / "paper"
    paper_dir.mkdir()
    (paper_dir / "link.tex").symlink_to(outside)
    (paper_dir / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\n\\input{link}\n$ok$\n\\end{document}\n",
        encoding="utf-8",
    )
    paper = load_latex(paper_dir)
    assert [eq.latex for eq in paper.equations] == ["ok"]
    assert any("link" in w and "links outside the paper folder" in w for w in paper.warnings)
