"""A paper built in code, for what the sample cannot show (references kept as ``\\eqref``)."""

from __future__ import annotations

from reader.model import Equation, EquationBlock, Heading, Paper, Paragraph

TINY = Paper(
    title="Tiny",
    source="latex",
    path="tiny.tex",
    equations=(
        Equation(id="eq-1", latex=r"\|y - \hat{y}\|^2", display=True, number="1",
                 label="eq:mse", section="1 Loss"),
        Equation(id="eq-2", latex=r"\frac{1}{n}\sum_i x_i", display=True, number="2",
                 label="eq:mean", section="1 Loss"),
    ),
    blocks=(
        Heading(1, "1", "Loss"),
        EquationBlock("eq-1"),
        Paragraph(r"The mean $\bar{x}$ in \eqref{eq:mean} is not the loss \eqref{eq:mse}."),
        EquationBlock("eq-2"),
    ),
    labels={"eq:mse": "eq-1", "eq:mean": "eq-2"},
)
"""Two equations and a paragraph that refers to both."""
