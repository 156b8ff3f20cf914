"""The one stylesheet of the HTML export, inlined so the file opens offline and prints well.

Local fonts only (the file must load nothing): math asks for the usual installed math fonts and
falls back on the browser's ``math`` family.
"""

from __future__ import annotations

STYLE = """
:root { --ink: #1d1f23; --muted: #5b6270; --rule: #d9dce3; --accent: #2a5db0;
        --note: #fff8e1; --note-rule: #e0b400; --code: #f3f4f6; }
body { margin: 0 auto; max-width: 54rem; padding: 2rem 1.25rem 4rem; color: var(--ink);
       background: #fff; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto,
       "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .8rem; padding-bottom: .2rem;
     border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.12rem; margin: 2rem 0 .6rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.6rem 0 .5rem; }
.meta, .abstract { color: var(--muted); }
math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "Libertinus Math",
       "DejaVu Math TeX Gyre", math; }
math[display="block"] { font-size: 1.22em; margin: .5rem 0; padding: .25rem 0;
                        overflow-x: auto; overflow-y: hidden; }
mtable.cases mtd, mtable.dcases mtd { text-align: left; padding-right: 1em; }
mtable.rows mtd { padding: .15em 0; }
.sym, math [title] { cursor: help; }
.sym { border-bottom: 1px dotted var(--muted); }
table.notation { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.notation th, table.notation td { text-align: left; vertical-align: top;
  padding: .3rem .55rem; border-bottom: 1px solid var(--rule); }
table.notation th { font-weight: 600; border-bottom: 2px solid var(--rule); }
table.notation td:first-child { white-space: nowrap; }
article.equation { margin: 1.4rem 0 2rem; padding: .1rem 0 .1rem 1rem;
                   border-left: 3px solid var(--rule); }
.eq-head { display: flex; flex-wrap: wrap; gap: .2rem .9rem; font-size: .85rem;
           color: var(--muted); }
.eq-number { font-weight: 700; color: var(--ink); }
ul.patterns { padding-left: 1.2rem; margin: .4rem 0; }
ul.patterns li { margin: .35rem 0; }
.bindings { font-size: .9rem; color: var(--muted); }
code, pre { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace;
            font-size: .84rem; }
pre.demo { margin: .25rem 0; padding: .35rem .6rem; background: var(--code);
           border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
.symbols { font-size: .9rem; color: var(--muted); margin: .4rem 0; }
.note { margin: .7rem 0; padding: .5rem .8rem; background: var(--note);
        border-left: 3px solid var(--note-rule); border-radius: 0 4px 4px 0; }
.note-meta { margin: 0 0 .3rem; font-size: .85rem; color: var(--muted); }
.note-text { white-space: normal; }
.error { color: #a3321f; font-size: .9rem; }
details.latex summary { cursor: pointer; font-size: .8rem; color: var(--muted); }
details.latex pre { margin: .3rem 0; padding: .35rem .6rem; background: var(--code);
                    white-space: pre-wrap; word-break: break-all; }
a { color: var(--accent); }
footer { margin-top: 3rem; padding-top: .5rem; font-size: .85rem; color: var(--muted);
         border-top: 1px solid var(--rule); }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  details.latex { display: none; }
  article.equation, table.notation tr, .note { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  .note { background: none; border-left-color: #999; }
  pre.demo { background: none; padding: 0; }
  .sym { border-bottom: none; }
  a { color: inherit; text-decoration: none; }
}
"""
