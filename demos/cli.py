"""The shared ``main()`` of every demo: options, notation, streaming output and exit codes.

Exit codes: 0 ok, 1 a self-check failed, 2 usage error, 3 missing optional dependency. Errors are
one line without a traceback because the reader shows this output in a small panel.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from demos.notation import BindingsError, Notation, parse_bindings
from demos.report import body_lines, header_lines
from demos.result import DemoInfo, DemoResult

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_MISSING_DEPENDENCY = 0, 1, 2, 3
TORCH_HINT = 'pip install "eqlens[torch]"'

RunFunction = Callable[..., DemoResult]


class MissingDependency(ImportError):
    """An optional package (torch) is not installed; carries the one-line install hint."""


@dataclass(frozen=True, slots=True)
class Options:
    """The options every demo accepts."""

    quick: bool
    seed: int
    notation: Notation


def build_parser(info: DemoInfo) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"python -m demos.{info.id}", description=info.name)
    parser.add_argument("--quick", action="store_true", help="under a second of work (tests)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    roles = ", ".join(info.roles) or "none"
    parser.add_argument(
        "--bindings", default=None, help=f"JSON mapping role names to symbols; roles: {roles}"
    )
    return parser


def parse_options(info: DemoInfo, argv: list[str] | None) -> Options:
    """Parse argv; raises :class:`BindingsError` for bad ``--bindings``, SystemExit(2) otherwise."""
    args = build_parser(info).parse_args(argv)
    notation = parse_bindings(args.bindings, info.roles)
    return Options(quick=args.quick, seed=args.seed, notation=notation)


def require_torch(demo_id: str):
    """Import torch or raise :class:`MissingDependency` with the install hint."""
    try:
        import torch
    except ImportError as exc:
        raise MissingDependency(f"demo {demo_id} needs PyTorch: {TORCH_HINT}") from exc
    return torch


def run_main(info: DemoInfo, run: RunFunction, argv: list[str] | None = None) -> int:
    """Parse options, print the header, run, print the result; return the exit code."""
    try:
        options = parse_options(info, argv)
    except BindingsError as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return EXIT_USAGE
    try:
        if info.needs_torch:
            require_torch(info.id)
        _emit_all(header_lines(info, options.notation))
        result = run(quick=options.quick, seed=options.seed)
    except MissingDependency as exc:
        print(str(exc), flush=True)
        return EXIT_MISSING_DEPENDENCY
    try:
        _emit_all(body_lines(info, result, options.notation, colour=_use_colour()))
    except BrokenPipeError:
        _silence_stdout()
    return EXIT_OK if result.ok else EXIT_CHECK_FAILED


def _emit_all(lines) -> None:
    """Flush line by line: the reader streams this output into a panel as it arrives."""
    for line in lines:
        print(line, flush=True)


def _silence_stdout() -> None:
    """The reader closed the pipe (e.g. ``| head``): stop quietly instead of a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
