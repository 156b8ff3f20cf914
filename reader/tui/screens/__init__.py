"""Full screens: the reader itself and the help."""

from reader.tui.screens.help_screen import HelpScreen
from reader.tui.screens.reader_screen import ReaderScreen

__all__ = ["HelpScreen", "ReaderScreen"]
