"""Structural checks on the bundled sample paper, read as package data.

The sample paper is what ``eqlens`` opens with no argument, the demo document and a fixture for
the LaTeX source, so it must stay valid LaTeX that a simple reader can follow. These checks use
no eqlens code (only a tiny scanner below), so they hold whatever state the parser is in. The
expected equation numbers are spelled out literally: other tests can rely on them.
"""

from __future__ import annotations

import re
from importlib.resources import files
from importlib.resources.abc import Traversable

import pytest

SAMPLE: Traversable = files("reader") / "sample"

SHIPPED = {"README.md", "macros.tex", "sample.tex", "sections/method.tex"}
"""Every file the package ships under reader/sample/, relative to it."""

TEX_FILES = sorted(name for name in SHIPPED if name.endswith(".tex"))

MATH_ENVS = {"equation", "equation*", "align", "align*"}
"""Display environments the paper uses (split and cases live inside them)."""

EXPECTED_NUMBERS = {
    "eq:loglik": "1", "eq:nll": "2", "eq:variance": "3", "eq:bayes": "4",
    "eq:marginal": "5", "eq:entropy": "6", "eq:inner": "7", "eq:gauss-loglik": "8",
    "eq:decoder": "9", "eq:elbo": "10", "eq:reparam": "11", "eq:vae-loss": "VAE",
    "eq:forward-step": "12", "eq:alphabar": "13", "eq:forward-marginal": "14",
    "eq:linear": "15", "eq:relu": "16", "eq:ln-stats": "17", "eq:layernorm": "18",
    "eq:qkv": "19", "eq:attention": "20", "eq:ddpm-loss": "21", "eq:sgd": "22",
    "eq:adam-grad": "23", "eq:adam-m": "24", "eq:adam-v": "25", "eq:adam-hat": "26",
    "eq:adam-step": "27", "eq:softmax-temp": "28", "eq:ce": "29", "eq:bce": "30",
    "eq:hinge": "31", "eq:ridge": "32", "eq:lasso": "33", "eq:rbf": "34", "eq:gan": "35",
    "eq:kl-gauss": "36", "eq:variance-recursion": "37",
}  # fmt: skip
"""Every display-equation label and the number LaTeX prints for it, in reading order."""

STANDARD = {
    # LaTeX kernel and amsmath structure
    "begin", "end", "label", "tag", "nonumber", "notag", "text", "quad", "qquad",
    "left", "right", "bigl", "bigr", "Bigl", "Bigr", "frac", "tfrac", "sqrt", "sum", "prod",
    "int", "log", "exp", "max", "min", "dots", "top", "mathrm", "mathbb", "mathcal",
    "bm", "bar", "hat", "odot", "geq", "approx", "sim", "in", "mid", "langle", "rangle",
    "lVert", "rVert", "lvert", "rvert", "times", "nabla",
    # Greek letters
    "alpha", "beta", "gamma", "epsilon", "varepsilon", "eta", "theta", "lambda", "mu", "pi",
    "sigma", "tau", "phi", "ell",
}  # fmt: skip
"""Standard LaTeX, amsmath, amssymb and bm commands the paper may use in math."""

_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)
_DEFINED = re.compile(
    r"\\(?:newcommand\{\\(\w+)\}|DeclareMathOperator\*?\{\\(\w+)\}|def\\(\w+)|let\\(\w+))"
)


def read(name: str) -> str:
    """The file with ``%`` comments removed (``\\%`` stays), line breaks kept."""
    return "\n".join(_strip_comment(line) for line in (SAMPLE / name).read_text().splitlines())


def _strip_comment(line: str) -> str:
    for match in re.finditer(r"\\.|%", line):
        if match.group() == "%":
            return line[: match.start()]
    return line


def expanded_document() -> str:
    """sample.tex with every ``\\input`` replaced by the file it names."""
    return re.sub(r"\\input\{([^}]*)\}", lambda m: read(m[1] + ".tex"), read("sample.tex"))


def math_segments(text: str) -> list[tuple[str, str]]:
    """(kind, body) for every ``$...$``, ``\\[...\\]`` and display environment, in order."""
    segments, i = [], 0
    while i < len(text):
        env = re.match(r"\\begin\{([^}]*)\}", text[i:])
        if env and env[1] in MATH_ENVS:
            end = text.index(f"\\end{{{env[1]}}}", i)
            segments.append((env[1], text[i + env.end() : end]))
            i = end + len(env[1]) + 6
        elif text.startswith("\\[", i):
            end = text.index("\\]", i)
            segments.append(("[", text[i + 2 : end]))
            i = end + 2
        elif text[i] == "\\":
            i += 2
        elif text[i] == "$":
            end = text.index("$", i + 1)
            segments.append(("$", text[i + 1 : end]))
            i = end + 1
        else:
            i += 1
    return segments


def rows(body: str) -> list[str]:
    """Split an align body at ``\\\\`` outside braces and inner environments."""
    out, depth, start = [], 0, 0
    for match in re.finditer(r"\\begin|\\end|\\\\|\\.|[{}]", body):
        token = match.group()
        if token in ("{", "\\begin"):
            depth += 1
        elif token in ("}", "\\end"):
            depth -= 1
        elif token == "\\\\" and depth == 0:
            out.append(body[start : match.start()])
            start = match.end()
    out.append(body[start:])
    return [row for row in out if row.strip()]


def numbered_labels() -> dict[str, str]:
    """Each display label mapped to the number LaTeX would print, by our own count."""
    numbers, counter = {}, 0
    for kind, body in math_segments(expanded_document()):
        if kind not in ("equation", "align"):
            continue
        for row in rows(body) if kind == "align" else [body]:
            tag = re.search(r"\\tag\{([^}]*)\}", row)
            if re.search(r"\\(nonumber|notag)\b", row):
                number = None
            elif tag:
                number = tag[1]
            else:
                counter += 1
                number = str(counter)
            for key in re.findall(r"\\label\{([^}]*)\}", row):
                numbers[key] = number
    return numbers


def defined_macros() -> set[str]:
    return {next(g for g in m.groups() if g) for m in _DEFINED.finditer(read("macros.tex"))}


def test_sample_ships_as_package_data():
    assert SAMPLE.joinpath("sample.tex").is_file()
    found, stack = set(), [(SAMPLE, "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if entry.name != "__pycache__":
                    stack.append((entry, f"{prefix}{entry.name}/"))
            else:
                found.add(prefix + entry.name)
    assert found == SHIPPED
    sizes = {name: len((SAMPLE / name).read_bytes()) for name in SHIPPED}
    assert 6_000 < sizes["sample.tex"] < 20_000
    assert 3_000 < sizes["sections/method.tex"] < 12_000
    assert 500 < sizes["macros.tex"] < 3_000
    assert 100 < sizes["README.md"] < 1_000


def test_every_input_resolves_and_every_tex_file_is_used():
    inputs = re.findall(r"\\input\{([^}]*)\}", read("sample.tex"))
    assert sorted(inputs) == ["macros", "sections/method"]
    assert all((SAMPLE / f"{name}.tex").is_file() for name in inputs)
    assert {f"{name}.tex" for name in inputs} | {"sample.tex"} == set(TEX_FILES)


@pytest.mark.parametrize("name", TEX_FILES)
def test_braces_balance(name):
    depth = 0
    for token in _COMMAND.sub("", read(name)):
        depth += (token == "{") - (token == "}")
        assert depth >= 0, f"{name}: a '}}' closes nothing"
    assert depth == 0, f"{name}: {depth} unclosed '{{'"


@pytest.mark.parametrize("name", TEX_FILES)
def test_environments_and_delimiters_balance(name):
    text, stack = read(name), []
    for kind, env in re.findall(r"\\(begin|end)\{([^}]*)\}", text):
        if kind == "begin":
            stack.append(env)
        else:
            assert stack and stack.pop() == env, f"{name}: \\end{{{env}}} closes nothing"
    assert stack == [], f"{name}: unclosed {stack}"
    assert text.count("\\left") == text.count("\\right"), name
    assert text.count("\\[") == text.count("\\]"), name
    assert len(re.findall(r"(?<!\\)\$", text)) % 2 == 0, f"{name}: odd number of $"


def test_every_reference_has_a_label():
    text = expanded_document()
    labels = re.findall(r"\\label\{([^}]*)\}", text)
    assert len(labels) == len(set(labels)), "duplicate \\label"
    refs = set(re.findall(r"\\(?:eq)?ref\{([^}]*)\}", text))
    assert refs <= set(labels), f"dangling references: {sorted(refs - set(labels))}"
    eqrefs = set(re.findall(r"\\eqref\{([^}]*)\}", text))
    assert eqrefs <= set(numbered_labels()), "an \\eqref points at something not an equation"


def test_equation_numbers_are_as_documented():
    assert numbered_labels() == EXPECTED_NUMBERS


def test_math_uses_only_defined_or_standard_macros():
    defined = defined_macros()
    used = set()
    for _, body in math_segments(expanded_document()):
        used |= {cmd[1:] for cmd in _COMMAND.findall(body) if cmd[1:].isalpha()}
    assert used - defined - STANDARD == set()
    macro_bodies = re.sub(r"\\(newcommand|DeclareMathOperator|def|let)\*?(\{\\\w+\}|\\\w+)", "",
                          read("macros.tex"))  # fmt: skip
    in_bodies = {cmd[1:] for cmd in _COMMAND.findall(macro_bodies) if cmd[1:].isalpha()}
    assert in_bodies - defined - STANDARD == set()
    body = expanded_document().split("\\begin{document}", 1)[1]
    unused = defined - {cmd[1:] for cmd in _COMMAND.findall(body)}
    assert unused == set(), f"macros defined but never used: {sorted(unused)}"


def test_macro_file_exercises_each_definition_form():
    macros = read("macros.tex")
    assert re.search(r"\\newcommand\{\\\w+\}\[2\]", macros), "a macro with arguments"
    assert re.search(r"\\newcommand\{\\\w+\}\[\d\]\[[^]]+\]", macros), "an optional argument"
    assert re.search(r"\\DeclareMathOperator\*\{", macros)
    assert re.search(r"\\DeclareMathOperator\{", macros)
    assert re.search(r"\\def\\\w+\{", macros)
    assert re.search(r"\\let\\\w+\\\w+", macros)


def test_paper_exercises_each_equation_form():
    text = expanded_document()
    kinds = [kind for kind, _ in math_segments(text)]
    for kind in ("equation", "equation*", "align", "[", "$"):
        assert kind in kinds, kind
    for marker in ("\\begin{split}", "\\begin{cases}", "\\nonumber", "\\tag{", "\\appendix",
                   "\\begin{abstract}", "\\maketitle", "\\subsection{"):  # fmt: skip
        assert marker in text, marker
    numbered = [n for n in numbered_labels().values() if n and n.isdigit()]
    assert 30 <= len(numbered) <= 40
    appendix = text.split("\\appendix", 1)[1]
    assert 1 <= len(re.findall(r"\\begin\{equation\}", appendix)) <= 2
