"""What the parser knows about LaTeX math commands, as plain tables.

Kept apart from the parser so that the grammar reads as grammar, and so that the printer and the
glossary can use the same canonical names (``\\leq`` is ``\\le``, ``\\lVert`` is ``\\|``).
"""

from __future__ import annotations

GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa "
    "lambda mu nu xi omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi "
    "omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega digamma"
).split()

NAMED_SYMBOLS = frozenset(
    ["\\" + g for g in GREEK]
    + [
        r"\infty", r"\nabla", r"\partial", r"\ell", r"\hbar", r"\emptyset", r"\varnothing",
        r"\dots", r"\top", r"\bot", r"\star", r"\dagger", r"\ddagger", r"\forall", r"\exists",
        r"\nexists", r"\neg", r"\aleph", r"\Re", r"\Im", r"\wp", r"\imath", r"\jmath",
        r"\prime", r"\angle", r"\triangle", r"\Box", r"\square", r"\diamond", r"\clubsuit",
        r"\flat", r"\sharp", r"\natural", r"\complement", r"\mho", r"\eth", r"\beth",
        r"\bullet", r"\checkmark", r"\P", r"\S", r"\#", r"\$", r"\%", r"\_", r"\&",
    ]
)
"""Control words that stand for one glyph."""

ALIASES = {
    r"\leq": r"\le", r"\geq": r"\ge", r"\neq": r"\ne", r"\leqslant": r"\le",
    r"\geqslant": r"\ge", r"\to": r"\rightarrow", r"\gets": r"\leftarrow",
    r"\lVert": r"\|", r"\rVert": r"\|", r"\Vert": r"\|", r"\lvert": "|", r"\rvert": "|",
    r"\vert": "|", r"\lbrace": r"\{", r"\rbrace": r"\}", r"\lbrack": "[", r"\rbrack": "]",
    r"\ldots": r"\dots", r"\cdots": r"\dots", r"\dotsc": r"\dots", r"\dotsb": r"\dots",
    r"\dotsm": r"\dots", r"\dotso": r"\dots", r"\vdots": r"\dots", r"\ddots": r"\dots",
    r"\intercal": r"\top", r"\ast": "*", r"\coloneqq": ":=", r"\coloneq": ":=",
    r"\eqqcolon": "=:", r"\land": r"\wedge", r"\lor": r"\vee", r"\lnot": r"\neg",
    r"\implies": r"\Rightarrow", r"\impliedby": r"\Leftarrow", r"\iff": r"\Leftrightarrow",
    r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\cfrac": r"\frac", r"\dbinom": r"\binom",
    r"\tbinom": r"\binom", r"\varnothing": r"\emptyset", r"\mathbold": r"\bm",
    r"\bigl": r"\big", r"\bigr": r"\big", r"\bigm": r"\big", r"\Bigl": r"\big",
    r"\Bigr": r"\big", r"\Bigm": r"\big", r"\biggl": r"\big", r"\biggr": r"\big",
    r"\biggm": r"\big", r"\Biggl": r"\big", r"\Biggr": r"\big", r"\Biggm": r"\big",
    r"\Big": r"\big", r"\bigg": r"\big", r"\Bigg": r"\big", r"\middle": r"\big",
    r"\mid": r"\mid", r"\lt": "<", r"\gt": ">", r"\colon": ":", r"\setminus": r"\setminus",
    r"\smallsetminus": r"\setminus", r"\backslash": r"\setminus",
}
"""Spellings that mean the same thing, mapped to the one the tree uses."""

FONTS = {
    r"\mathbf": "bold", r"\bm": "bold", r"\boldsymbol": "bold", r"\pmb": "bold",
    r"\mathbfit": "bold", r"\mathbold": "bold", r"\textbf": "bold", r"\vb": "bold",
    r"\mathcal": "cal", r"\mathscr": "scr", r"\mathbb": "bb", r"\mathds": "bb",
    r"\mathbbm": "bb", r"\Bbb": "bb", r"\varmathbb": "bb", r"\mathfrak": "frak",
    r"\mathrm": "rm", r"\mathup": "rm", r"\textrm": "rm", r"\mathsf": "sf", r"\textsf": "sf",
    r"\mathtt": "tt", r"\texttt": "tt", r"\mathit": "", r"\textit": "", r"\mathnormal": "",
}
"""Font commands that take one argument, to the font name the tree records."""

FONT_SWITCHES = {r"\bf": "bold", r"\rm": "rm", r"\cal": "cal", r"\it": "", r"\sf": "sf"}
"""Old-style font switches that apply to the rest of the group."""

TEXT_COMMANDS = frozenset([r"\text", r"\mbox", r"\textnormal", r"\hbox", r"\textup", r"\textsc"])

ACCENTS = {
    r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar",
    r"\tilde": "tilde", r"\widetilde": "tilde", r"\dot": "dot", r"\ddot": "ddot",
    r"\dddot": "dddot", r"\vec": "vec", r"\overrightarrow": "vec", r"\check": "check",
    r"\widecheck": "check", r"\breve": "breve", r"\acute": "acute", r"\grave": "grave",
    r"\mathring": "ring", r"\underline": "underline",
}
"""Accent commands to the accent kind; wide and narrow forms are the same accent."""

ACCENT_COMMANDS = {
    "hat": r"\hat", "bar": r"\bar", "tilde": r"\tilde", "dot": r"\dot", "ddot": r"\ddot",
    "dddot": r"\dddot", "vec": r"\vec", "check": r"\check", "breve": r"\breve",
    "acute": r"\acute", "grave": r"\grave", "ring": r"\mathring", "underline": r"\underline",
}
"""How the printer writes each accent kind."""

FUNCTION_OPERATORS = frozenset(
    "log ln lg exp sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan det dim "
    "ker deg gcd hom arg Pr".split()
)
"""``\\log``-like commands: named functions written upright."""

LIMIT_OPERATORS = frozenset("max min sup inf lim limsup liminf argmax argmin".split())
"""Named operators that take limits below them and a body after them."""

BIG_OPERATORS = {
    r"\sum": "sum", r"\prod": "prod", r"\coprod": "coprod", r"\int": "int", r"\iint": "iint",
    r"\iiint": "iiint", r"\oint": "oint", r"\bigcup": "bigcup", r"\bigcap": "bigcap",
    r"\bigoplus": "bigoplus", r"\bigotimes": "bigotimes", r"\bigvee": "bigvee",
    r"\bigwedge": "bigwedge", r"\bigsqcup": "bigsqcup", r"\biguplus": "biguplus",
}
"""Big operator commands to the operator name the tree records."""

INTEGRALS = frozenset({"int", "iint", "iiint", "oint"})

RELATIONS = frozenset(
    [
        "=", "<", ">", ":", ":=", "=:", r"\le", r"\ge", r"\ne", r"\approx", r"\propto",
        r"\sim", r"\simeq", r"\equiv", r"\in", r"\notin", r"\ni", r"\subset", r"\subseteq",
        r"\supset", r"\supseteq", r"\subsetneq", r"\rightarrow", r"\leftarrow",
        r"\Rightarrow", r"\Leftarrow", r"\Leftrightarrow", r"\leftrightarrow", r"\mapsto",
        r"\longrightarrow", r"\longleftarrow", r"\longmapsto", r"\Longrightarrow",
        r"\triangleq", r"\doteq", r"\ll", r"\gg", r"\perp", r"\models", r"\vdash",
        r"\lesssim", r"\gtrsim", r"\cong", r"\asymp", r"\prec", r"\succ", r"\preceq",
        r"\succeq", r"\parallel", r"\nparallel", r"\not=", r"\nsim", r"\approxeq",
        r"\sqsubseteq", r"\hookrightarrow", r"\rightharpoonup", r"\stackrel", r"\overset",
        r"\uparrow", r"\downarrow", r"\nearrow", r"\searrow", r"\rightsquigarrow",
        r"\xrightarrow", r"\xleftarrow", r"\leadsto", r"\geqq", r"\leqq", r"\eqsim",
    ]
)
"""Relation symbols (including arrows, ``:=`` and the annotated forms)."""

ADDITIVE = frozenset(["+", "-", r"\pm", r"\mp"])

MULTIPLICATIVE = frozenset(
    [
        r"\cdot", r"\times", r"\odot", r"\otimes", r"\oplus", r"\ominus", "*", r"\circ",
        r"\star", r"\bullet", r"\wedge", r"\vee", r"\cup", r"\cap", r"\setminus", r"\div",
        r"\diamond", r"\sqcup", r"\uplus", r"\circledast", r"\boxtimes", r"\boxplus",
        r"\oslash", r"\ltimes", r"\rtimes", r"\cdotp", r"\centerdot",
    ]
)
"""Explicit binary operators that bind like a product."""

OPENERS = {"(": ")", "[": "]", r"\{": r"\}", r"\lfloor": r"\rfloor", r"\lceil": r"\rceil",
           r"\llbracket": r"\rrbracket"}
CLOSERS = frozenset(OPENERS.values()) | {r"\right."}
"""Closing delimiters; ``\\right.`` is the invisible one that ends ``\\left\\{ ... \\right.``."""

OPERATOR_GLYPHS = (RELATIONS | ADDITIVE | MULTIPLICATIVE | CLOSERS | {r"\mid", r"\rangle"}) - {
    r"\overset", r"\stackrel", r"\xrightarrow", r"\xleftarrow"}
"""Commands that act as an operator or a closing delimiter where they stand; alone in braces
(``x^{\\pm}``, ``f({\\cdot})``) they are a symbol, which is how the printer writes them."""

IGNORED = frozenset(
    [
        r"\,", r"\;", r"\:", r"\!", r"\ ", "~", r"\quad", r"\qquad", r"\enspace",
        r"\thinspace", r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace",
        r"\negthickspace", r"\hfill", r"\displaystyle", r"\textstyle", r"\scriptstyle",
        r"\scriptscriptstyle", r"\limits", r"\nolimits", r"\displaylimits", r"\nonumber", r"\notag",
        r"\allowbreak", r"\nobreak", r"\strut", r"\mathstrut", r"\relax", r"\big",
        r"\left", r"\right", "&", r"\protect", r"\noindent", r"\centering", r"\/",
        r"\hline", r"\newline", r"\medskip", r"\smallskip", r"\bigskip", r"\linebreak",
        r"\mathpunct", r"\mathord", r"\mathbin", r"\mathrel", r"\mathopen", r"\mathclose",
        r"\mathinner", r"\xspace", r"\@", r"\-", r"\>", r"\normalsize", r"\small",
        r"\footnotesize", r"\large", r"\Large", r"\scriptsize", r"\tiny", r"\huge",
    ]
)
"""Spacing, sizing and style commands that change nothing in the formula's meaning."""

SKIP_WITH_ARGUMENT = {
    r"\label": 1, r"\tag": 1, r"\tag*": 1, r"\hspace": 1, r"\hspace*": 1, r"\vspace": 1,
    r"\vspace*": 1, r"\phantom": 1, r"\hphantom": 1, r"\vphantom": 1, r"\color": 1,
    r"\mathchoice": 4, r"\kern": 0, r"\mkern": 0, r"\hskip": 0, r"\mskip": 0,
    r"\intertext": 1, r"\shortintertext": 1, r"\nocite": 1, r"\index": 1, r"\footnote": 1,
    r"\raisebox": 1, r"\rule": 2, r"\ref": 1, r"\eqref": 1, r"\cite": 1, r"\citep": 1,
    r"\citet": 1,
}
"""Commands dropped together with this many brace arguments."""

TRANSPARENT_WITH_ARGUMENT = {
    r"\boxed": 1, r"\smash": 1, r"\cancel": 1, r"\bcancel": 1, r"\xcancel": 1,
    r"\ensuremath": 1, r"\mathclap": 1, r"\mathllap": 1, r"\mathrlap": 1, r"\clap": 1,
    r"\llap": 1, r"\rlap": 1, r"\textcolor": 2, r"\colorbox": 2, r"\fbox": 1,
    r"\mathop": 1, r"\operatorname": 1, r"\emph": 1, r"\underaccent": 2, r"\resizebox": 3,
    r"\scalebox": 2, r"\displaylimits": 0, r"\lefteqn": 1, r"\mathstrut": 0,
}
"""Commands whose last argument is the content and the rest decoration."""

UNICODE = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\epsilon",
    "ϵ": r"\epsilon", "ζ": r"\zeta", "η": r"\eta", "θ": r"\theta", "ϑ": r"\vartheta",
    "ι": r"\iota", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi",
    "π": r"\pi", "ρ": r"\rho", "σ": r"\sigma", "ς": r"\varsigma", "τ": r"\tau",
    "υ": r"\upsilon", "φ": r"\phi", "ϕ": r"\phi", "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega",
    "Γ": r"\Gamma", "Δ": r"\Delta", "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi",
    "Π": r"\Pi", "Σ": r"\Sigma", "Υ": r"\Upsilon", "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega",
    "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∮": r"\oint", "≤": r"\le", "≥": r"\ge",
    "≠": r"\ne", "≈": r"\approx", "∝": r"\propto", "∼": r"\sim", "∈": r"\in",
    "∉": r"\notin", "⊂": r"\subset", "⊆": r"\subseteq", "→": r"\rightarrow",
    "←": r"\leftarrow", "⇒": r"\Rightarrow", "↦": r"\mapsto", "∇": r"\nabla",
    "∂": r"\partial", "∞": r"\infty", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times",
    "⊙": r"\odot", "⊗": r"\otimes", "⊕": r"\oplus", "‖": r"\|", "∥": r"\|", "⟨": r"\langle",
    "⟩": r"\rangle", "±": r"\pm", "∓": r"\mp", "−": "-", "∀": r"\forall", "∃": r"\exists",
    "∅": r"\emptyset", "ℓ": r"\ell", "√": r"\sqrt", "⊤": r"\top", "…": r"\dots",
    "⋯": r"\dots", "∘": r"\circ", "∪": r"\cup", "∩": r"\cap", "≡": r"\equiv",
    "≜": r"\triangleq", "≔": ":=", "⌊": r"\lfloor", "⌋": r"\rfloor", "⌈": r"\lceil",
    "⌉": r"\rceil", "∣": r"\mid", "≪": r"\ll", "≫": r"\gg", "⊥": r"\perp", "ħ": r"\hbar",
}
"""Unicode characters (from Markdown papers and PDF text) to the LaTeX the tree uses."""

UNICODE_LETTERS = {
    "ℝ": ("R", "bb"), "ℕ": ("N", "bb"), "ℤ": ("Z", "bb"), "ℚ": ("Q", "bb"), "ℂ": ("C", "bb"),
    "𝔼": ("E", "bb"), "ℙ": ("P", "bb"), "𝟙": ("1", "bb"), "𝒩": ("N", "cal"),
    "ℒ": ("L", "cal"), "𝒟": ("D", "cal"), "𝒳": ("X", "cal"), "𝒴": ("Y", "cal"),
    "𝒵": ("Z", "cal"), "𝒪": ("O", "cal"), "ℋ": ("H", "cal"), "𝒰": ("U", "cal"),
}
"""Unicode letters that carry a font, to (letter, font)."""
