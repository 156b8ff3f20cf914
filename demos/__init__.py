"""One small, honest, runnable implementation per pattern family (``python -m demos.NAME``)."""
