"""The ``eqlens`` command: subcommands, and the one place errors become one-line messages.

Every failure the input can cause is an :class:`~reader.errors.EqlensError`; ``main`` prints it
on one line and exits 1 (2 for usage). Heavy modules are imported inside the subcommand that needs
them, so ``eqlens --help`` and the reader start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.errors import EqlensError, UsageError


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'eqlens --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="eqlens", description="Make the math in machine-learning papers "
                     "readable. With no command, opens the bundled sample paper.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("open", help="open a paper in the reader (.tex, folder, tarball, "
                       "arXiv id)")
    p.add_argument("paper", nargs="?", help="path to the paper or an arXiv id (2006.11239); "
                   "default: the sample paper")
    p.add_argument("--print", action="store_true", dest="print_only",
                   help="print the annotated text report instead of opening the reader "
                   "(the default when output is not a terminal)")
    p.add_argument("--pdf", action="store_true", dest="force_pdf",
                   help="for an arXiv id: read its PDF instead of its LaTeX source")

    p = sub.add_parser("annotate", help="annotate every equation of a paper")
    p.add_argument("paper", help="a .tex file, a folder, an arXiv source tarball, a PDF, or an "
                   "arXiv id (2006.11239, arXiv:2006.11239v2, an arxiv.org link)")
    p.add_argument("--pdf", action="store_true", dest="force_pdf",
                   help="for an arXiv id: read its PDF instead of its LaTeX source")
    p.add_argument("--format", choices=("md", "html", "json", "text"), default="md",
                   help="md (default): Markdown for GitHub/Obsidian; html: one self-contained "
                   "page; json: the documented schema; text: the terminal report")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument("--inline", action="store_true", help="text format: include inline math")
    p.add_argument("--only-notes", action="store_true",
                   help="keep only the equations that have notes")
    p.add_argument("--only-patterns", action="store_true",
                   help="keep only the equations with at least one recognised pattern")

    p = sub.add_parser("explain", help="explain one equation given as LaTeX")
    p.add_argument("latex", help="the equation, e.g. '\\|y - f(x)\\|^2'")
    p.add_argument("--macros", help="a .tex/.sty file whose macro definitions to expand")
    p.add_argument("--json", action="store_true", help="print the JSON equation object")

    p = sub.add_parser("patterns", help="list the pattern catalogue, or show one pattern")
    p.add_argument("id", nargs="?")

    p = sub.add_parser("glossary", help="search the symbol glossary (name, LaTeX or Unicode)")
    p.add_argument("query", nargs="?", help="e.g. 'σ', '\\mathbb{E}', 'learning rate'")
    p.add_argument("--json", action="store_true", help="print the matching entries as JSON")

    p = sub.add_parser("demo", help="run the demo of a pattern family",
                       description="Run a demo: eqlens demo ID [--quick] [--bindings JSON] "
                       "[--seed N]; eqlens demo --list [--json].")
    p.add_argument("id", nargs="?")
    p.add_argument("--list", action="store_true", help="list the demos")
    p.add_argument("--json", action="store_true", help="with --list: as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list[:1] == ["demo"]:
            return _demo(args_list[1:])
        args = build_parser().parse_args(args_list)
        return _dispatch(args)
    except EqlensError as err:
        print(f"eqlens: {err.message}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("eqlens: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except (MemoryError, RecursionError) as err:
        print(f"eqlens: the input is too large or too deeply nested to read "
              f"({type(err).__name__})", file=sys.stderr)
        return 1
    except Exception as err:  # a bug of ours: one line, the details only when asked
        if os.environ.get("EQLENS_DEBUG"):
            raise
        print(f"eqlens: internal error ({type(err).__name__}: {err}); please report it with "
              "the input (EQLENS_DEBUG=1 shows the traceback)", file=sys.stderr)
        return INTERNAL_ERROR


INTERNAL_ERROR = 70
"""Exit code of a bug in eqlens (BSD's EX_SOFTWARE), apart from 1 (bad input) and 2 (usage)."""


def _dispatch(args: argparse.Namespace) -> int:
    from reader import commands

    if args.command in (None, "open"):
        return commands.open_paper(getattr(args, "paper", None),
                                   print_only=getattr(args, "print_only", False),
                                   force_pdf=getattr(args, "force_pdf", False))
    if args.command == "annotate":
        return commands.annotate_paper(args.paper, args.format, args.output, args.inline,
                                       force_pdf=args.force_pdf, only_notes=args.only_notes,
                                       only_patterns=args.only_patterns)
    if args.command == "explain":
        return commands.explain_latex(args.latex, args.macros, args.json)
    if args.command == "patterns":
        return commands.show_patterns(args.id)
    if args.command == "glossary":
        from reader.glossary_command import show_glossary

        return show_glossary(args.query, as_json=args.json)
    raise UsageError(f"unknown command {args.command!r}")


def _demo(argv: list[str]) -> int:
    """``eqlens demo``: listing here, running delegated to the demo module itself."""
    from reader import commands

    known = build_parser()
    if not argv or argv[0] in ("--list", "-h", "--help") or "--list" in argv:
        if any(a in ("-h", "--help") for a in argv):
            known.parse_args(["demo", "--help"])
        return commands.list_demos(as_json="--json" in argv)
    return commands.run_demo(argv[0], argv[1:])


def sample_paper_path() -> Path:
    """The bundled sample paper's main file, as a real path."""
    from importlib import resources

    return Path(str(resources.files("reader") / "sample" / "sample.tex"))


if __name__ == "__main__":
    raise SystemExit(main())
