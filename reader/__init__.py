"""The eqlens application: sources, the Paper model, the annotate pipeline, the TUI, exporters."""
