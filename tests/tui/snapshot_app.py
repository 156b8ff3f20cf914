"""The app the snapshot tests photograph: the reader on the bundled sample paper."""

from __future__ import annotations

from reader.cli import sample_paper_path
from reader.tui import EqlensApp

app = EqlensApp(str(sample_paper_path()))

if __name__ == "__main__":
    app.run()
