"""Reading-group notes on equations: the model, the sidecar file beside the paper, re-anchoring.

No Textual here: the reader, the exporters and the tests all use the same store.
"""

from reader.notes.anchoring import Attachment, anchor_for, attach
from reader.notes.author import note_author
from reader.notes.errors import NotesError, UnreadableNotesError
from reader.notes.model import Anchor, Note
from reader.notes.notebook import NoteBook
from reader.notes.sidecar import load_notes, sidecar_path

__all__ = ["Anchor", "Attachment", "Note", "NoteBook", "NotesError", "UnreadableNotesError",
           "anchor_for", "attach", "load_notes", "note_author", "sidecar_path"]
