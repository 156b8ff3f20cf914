"""The symbol glossary: one data file per meaning, chosen by context cues."""
