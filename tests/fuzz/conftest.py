"""Fuzzing of every layer that reads untrusted math: tokenizer, macro expander, parser, printer,
matcher and the PDF rebuilder (issue 9).

Each property says what must hold for *any* input: no exception but our own error types, no
hang, and ``parse(print(t)) == t``. Inputs are random LaTeX soup, arbitrary Unicode, and real
equations from ``../shared/corpus`` mutated by random edits (those tests skip without the corpus).

Profiles (``tests/fuzz/harness.py``), chosen with the ``EQLENS_FUZZ`` environment variable:

- ``ci`` (default): derandomized, a moderate number of examples; the folder runs in about a
  minute on two cores: ``python -m pytest tests/fuzz -q``.
- ``long``: 20,000 examples per property, random seeds, failures printed with a
  reproduction blob: ``EQLENS_FUZZ=long python -m pytest tests/fuzz -x -q -p no:randomly``.

Every call into the code under test runs under :func:`tests.fuzz.harness.no_hang`, a 10 s
watchdog that fails with the offending input instead of stalling the run.
"""

from __future__ import annotations
