"""LaTeX math to a typed tree, and the catalogue of classical-ML patterns matched against it.

Depends on no other eqlens package: the glossary and the reader build on it.
"""
