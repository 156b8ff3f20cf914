"""Modal dialogs: each returns one value through ``dismiss``."""

from reader.tui.dialogs.confirm_dialog import ConfirmDialog
from reader.tui.dialogs.error_dialog import ErrorDialog
from reader.tui.dialogs.input_dialog import InputDialog, jump_dialog, open_dialog
from reader.tui.dialogs.note_editor import NoteDraft, NoteEditor
from reader.tui.dialogs.note_picker import NotePicker
from reader.tui.dialogs.orphan_notes import OrphanNotes
from reader.tui.dialogs.pattern_filter_dialog import PatternFilterDialog

__all__ = ["ConfirmDialog", "ErrorDialog", "InputDialog", "NoteDraft", "NoteEditor",
           "NotePicker", "OrphanNotes", "PatternFilterDialog", "jump_dialog", "open_dialog"]
