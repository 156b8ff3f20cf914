"""The reader must start fast: the domain packages load no UI and no heavy library."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("textual", "torch", "sklearn", "sympy", "fitz", "pymupdf", "scipy", "numpy")
"""numpy too: only a demo's own run needs it (~20 MB and 0.3 s the reader never pays)."""


def test_domain_packages_import_nothing_heavy() -> None:
    code = (
        "import sys, patterns.parser, patterns.recognise, patterns.catalogue, glossary, demos, "
        "demos.registry, reader.pipeline, reader.definitions, reader.render2d, glossary.lookup, "
        "reader.sources.latex, reader.sources.pdf, reader.sources.arxiv_fetch, reader.notes, "
        "reader.export.markdown_export, reader.export.html_export, reader.cli\n"
        "from reader.pipeline import recogniser; recogniser()\n"
        "from glossary.lookup import default_glossary; default_glossary()\n"
        "from demos.registry import list_demos; list_demos()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_patterns_depend_on_no_other_package_of_ours() -> None:
    code = ("import sys, patterns.parser, patterns.recognise, patterns.catalogue, "
            "patterns.unicode_text\n"
            "print(sorted(m for m in ('reader', 'glossary', 'demos') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
