"""Modal dialogs: each returns one value through ``dismiss``."""

from reader.tui.dialogs.error_dialog import ErrorDialog
from reader.tui.dialogs.input_dialog import InputDialog, jump_dialog, open_dialog
from reader.tui.dialogs.pattern_filter_dialog import PatternFilterDialog

__all__ = ["ErrorDialog", "InputDialog", "PatternFilterDialog", "jump_dialog", "open_dialog"]
