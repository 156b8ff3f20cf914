"""Readers that turn a paper on disk (LaTeX file, folder, tarball; PDF) into a Paper."""
